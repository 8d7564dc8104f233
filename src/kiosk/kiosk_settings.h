#pragma once

#include <QString>
#include <QStringList>

#include "gradphoto/flow/flow_settings.h"
#include "gradphoto/identify/http_student_resolver.h"
#include "qt_camera.h"

namespace gradphoto::kiosk {

// The kiosk's part of the settings file (shared/docs/CLI-CONTRACT.md, "The settings file").
// Keys beyond the contract: kiosk.idle_warning_seconds, kiosk.staff_pin (a plain PIN until the
// staff accounts of issue 7 replace it), kiosk.auto_capture (3-2-1 starts by itself once every
// live check has passed for 1.5 s) and kiosk.photo_folder (a shared folder the 相册识别 page lists
// beside USB sticks).
struct KioskSettings {
    flow::FlowSettings flow;
    QString boothId = "A1";
    QString preset = "chsi-blue";
    QString helpPhone;
    QString language = "zh";
    QString staffPin = "2580";
    QString photoFolder;
    CameraSettings camera;
    // "resolver": {"kind": "roster" | "http", "http": {"url", "secret_file", "timeout_ms"}}
    QString resolverKind = "roster";
    identify::HttpResolverSettings httpResolver;

    // Reads FILE; unreadable or malformed files throw std::runtime_error with the reason.
    // Unknown keys are collected in warnings, not ignored silently.
    static KioskSettings load(const QString& file, QStringList* warnings);
};

}  // namespace gradphoto::kiosk
