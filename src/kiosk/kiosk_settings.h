#pragma once

#include <QString>
#include <QStringList>

#include "gradphoto/flow/flow_settings.h"
#include "gradphoto/identify/http_student_resolver.h"
#include "qt_camera.h"

namespace gradphoto::kiosk {

// The kiosk's part of the settings file (shared/docs/CLI-CONTRACT.md, "The settings file").
// Keys beyond the contract: kiosk.idle_warning_seconds, kiosk.staff_pin (the hidden corner's
// staff menu PIN only while the record store has no staff accounts, and in --demo; see
// flow::StoreStaffGate), kiosk.auto_capture (3-2-1 starts by itself once every
// live check has passed for 1.5 s) and kiosk.photo_folder (a shared folder the 相册识别 page lists
// beside USB sticks).
// kiosk.student_copy: what the approved 查询结果 page offers (下载, issue 8).
struct StudentCopySettings {
    bool usb = false;    // 保存到U盘: 标准照 and 排版照 onto a USB stick
    bool print = false;  // 打印排版照 on `printer`
    bool show = false;   // 全屏查看: the 标准照 full screen, for the student's phone
    QString paper = "6in";
    QString printer;  // CUPS name; empty: the system's default printer
};

struct KioskSettings {
    flow::FlowSettings flow;
    QString boothId = "A1";
    QString preset = "chsi-blue";
    QString helpPhone;
    QString language = "zh";
    QString staffPin = "2580";
    QString photoFolder;
    CameraSettings camera;
    StudentCopySettings studentCopy;
    // "resolver": {"kind": "roster" | "http", "http": {"url", "secret_file", "timeout_ms"}}
    QString resolverKind = "roster";
    identify::HttpResolverSettings httpResolver;

    // Reads FILE; unreadable or malformed files throw std::runtime_error with the reason.
    // Unknown keys are collected in warnings, not ignored silently.
    static KioskSettings load(const QString& file, QStringList* warnings);
};

}  // namespace gradphoto::kiosk
