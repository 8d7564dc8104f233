#pragma once

#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "camera_source.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "qt_camera.h"

namespace gradphoto::console {

// Opens the booth camera the booth page shows: QtCamera in the application, a ReplayCamera in
// tests.
using CameraFactory =
    std::function<std::unique_ptr<kiosk::CameraSource>(const kiosk::CameraSettings& settings)>;

// What every console page works with: the record store and its rules, where the data and the
// settings file are, the booth camera, and who is signed in.
struct ConsoleContext {
    store::SqliteRecordStore& store;
    store::ReviewQueue& queue;
    store::StaffAccess& access;
    QString dataDir;
    QString settingsFile;
    CameraFactory cameraFactory;
    // Over a running kiosk (ConsoleOverKiosk): the kiosk's camera, already open. The booth page
    // shows it instead of opening a second one (most drivers allow one user at a time) and never
    // stops it. Null: the console alone, the booth page opens its own through cameraFactory.
    QPointer<kiosk::CameraSource> kioskCamera;
    store::Clock clock = store::systemNow;
    std::optional<store::StaffAccount> staff;  // the signed-in staff member

    bool isAdmin() const { return staff && staff->role == store::StaffRole::kAdmin; }
};

}  // namespace gradphoto::console
