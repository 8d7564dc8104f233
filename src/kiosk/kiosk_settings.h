#pragma once

#include <QString>
#include <QStringList>

#include "gradphoto/flow/flow_settings.h"
#include "qt_camera.h"

namespace gradphoto::kiosk {

// The kiosk's part of the settings file (shared/docs/CLI-CONTRACT.md, "The settings file").
// Keys beyond the contract: kiosk.idle_warning_seconds and kiosk.staff_pin (a plain PIN until the
// staff accounts of issue 7 replace it).
struct KioskSettings {
    flow::FlowSettings flow;
    QString boothId = "A1";
    QString preset = "chsi-blue";
    QString helpPhone;
    QString language = "zh";
    QString staffPin = "2580";
    CameraSettings camera;

    // Reads FILE; unreadable or malformed files throw std::runtime_error with the reason.
    // Unknown keys are collected in warnings, not ignored silently.
    static KioskSettings load(const QString& file, QStringList* warnings);
};

}  // namespace gradphoto::kiosk
