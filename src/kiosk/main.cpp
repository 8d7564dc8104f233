// gradphoto-kiosk: the student flow at the booth (shared/docs/PRODUCT.md), or with --staff the
// staff console (docs/console.md).

#include <QApplication>
#include <QDir>
#include <QStandardPaths>
#include <cstdio>
#include <exception>
#include <filesystem>

#include "autopilot.h"
#include "console_over_kiosk.h"
#include "console_window.h"
#include "gradphoto/common/error.h"
#include "kiosk_runtime.h"
#include "kiosk_settings_file.h"
#include "kiosk_window.h"
#include "qt_camera.h"
#include "replay_camera.h"

namespace {

using gradphoto::console::ConsoleSetup;
using gradphoto::console::ConsoleWindow;
using gradphoto::kiosk::KioskOptions;

// The data folder as KioskRuntime chooses it.
QString dataFolder(const KioskOptions& options) {
    if (!options.dataDir.isEmpty()) return options.dataDir;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return options.demo ? QDir(dir).filePath("demo") : dir;
}

ConsoleSetup consoleSetup(const KioskOptions& options, const QString& dataDir) {
    ConsoleSetup setup;
    setup.dataDir = dataDir;
    setup.settingsFile = gradphoto::console::KioskSettingsFile::defaultPath(options.configFile);
    setup.language = options.language.isEmpty() ? "zh" : options.language;
    if (options.demo) {
        const QString folder = gradphoto::kiosk::demoReplayFolder(options.replayDir);
        setup.cameraFactory = [folder](const gradphoto::kiosk::CameraSettings&) {
            return std::make_unique<gradphoto::kiosk::ReplayCamera>(folder);
        };
    } else {
        setup.cameraFactory = [](const gradphoto::kiosk::CameraSettings& settings) {
            return std::make_unique<gradphoto::kiosk::QtCamera>(settings);
        };
    }
    return setup;
}

std::unique_ptr<gradphoto::store::SqliteRecordStore> openStore(const QString& dataDir) {
    try {
        if (!QDir().mkpath(dataDir)) {
            std::fprintf(stderr, "gradphoto-kiosk: cannot create data folder %s\n",
                         dataDir.toUtf8().constData());
            return nullptr;
        }
        return gradphoto::store::SqliteRecordStore::open(
            std::filesystem::path(dataDir.toStdString()));
    } catch (const gradphoto::Error& e) {
        std::fprintf(stderr, "gradphoto-kiosk: record store in %s unusable: %s\n",
                     dataDir.toUtf8().constData(), e.problem().message_en.c_str());
        return nullptr;
    }
}

void showWindow(QWidget& window, const KioskOptions& options) {
    if (options.windowed || QGuiApplication::platformName() == "offscreen") {
        window.resize(1280, 800);
        window.show();
    } else {
        window.showFullScreen();
    }
}

// --staff: the console alone; signing out returns to its sign-in screen.
int runConsole(QApplication& app, const KioskOptions& options) {
    const QString dataDir = dataFolder(options);
    auto store = openStore(dataDir);
    if (!store) return 3;
    try {
        ConsoleWindow console(*store, consoleSetup(options, dataDir));
        showWindow(console, options);
        return app.exec();
    } catch (const gradphoto::Error& e) {
        std::fprintf(stderr, "gradphoto-kiosk: %s\n", e.problem().message_en.c_str());
        return 3;
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("gradphoto");
    QApplication::setOrganizationName("GradPhoto");
    const auto options = gradphoto::kiosk::parseKioskOptions(QApplication::arguments());
    if (!options) return 2;
    gradphoto::kiosk::applyKioskLook();
    if (options->staff) return runConsole(app, *options);
    // The autopilot photographs the replay images; without any there is nothing to capture.
    // Exit 77 so that ctest reports the autopilot test as skipped, not failed.
    if (options->autopilot && gradphoto::kiosk::demoReplayFolder(options->replayDir).isEmpty()) {
        std::fprintf(stderr,
                     "gradphoto-kiosk: no replay images (--replay DIR, GRADPHOTO_REPLAY_DIR or "
                     "GRADPHOTO_TESTDATA/portraits): the autopilot has nothing to photograph\n");
        return 77;
    }

    std::unique_ptr<gradphoto::kiosk::KioskRuntime> runtime;
    try {
        runtime = std::make_unique<gradphoto::kiosk::KioskRuntime>(*options);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "gradphoto-kiosk: %s\n", e.what());
        return 3;
    }
    for (const QString& warning : runtime->warnings())
        std::fprintf(stderr, "gradphoto-kiosk: %s\n", warning.toUtf8().constData());

    auto& window = runtime->window();
    gradphoto::console::ConsoleOverKiosk overlay(
        consoleSetup(*options, runtime->dataDir()), &window,
        [&options](QWidget& console) { showWindow(console, *options); });
    // The kiosk's staff gesture opens the console over the kiosk; signing out closes it and the
    // kiosk goes on.
    QObject::connect(&window, &gradphoto::kiosk::KioskWindow::staffConsoleRequested, &overlay,
                     [&overlay] { overlay.open(); });
    if (options->autopilot) {
        window.allowClose();
        window.resize(1440, 900);
        window.show();
        auto* pilot = new gradphoto::kiosk::Autopilot(window);
        QObject::connect(pilot, &gradphoto::kiosk::Autopilot::finished, &app,
                         [&app](int code) { app.exit(code); });
        pilot->start();
    } else {
        showWindow(window, *options);
    }
    const int code = app.exec();
    if (!options->screenshotDir.isEmpty())
        std::fprintf(stderr, "gradphoto-kiosk: %d screenshot(s) in %s\n", window.screenshotsTaken(),
                     options->screenshotDir.toUtf8().constData());
    return code;
}
