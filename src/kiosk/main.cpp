// gradphoto-kiosk: the student flow at the booth (shared/docs/PRODUCT.md).

#include <QApplication>
#include <cstdio>
#include <exception>

#include "autopilot.h"
#include "kiosk_runtime.h"
#include "kiosk_window.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("gradphoto");
    QApplication::setOrganizationName("GradPhoto");
    const auto options = gradphoto::kiosk::parseKioskOptions(QApplication::arguments());
    if (!options) return 2;
    gradphoto::kiosk::applyKioskLook();

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
    if (options->autopilot) {
        window.allowClose();
        window.resize(1440, 900);
        window.show();
        auto* pilot = new gradphoto::kiosk::Autopilot(window);
        QObject::connect(pilot, &gradphoto::kiosk::Autopilot::finished, &app,
                         [&app](int code) { app.exit(code); });
        pilot->start();
    } else if (options->windowed || QGuiApplication::platformName() == "offscreen") {
        window.resize(1280, 800);
        window.show();
    } else {
        window.showFullScreen();
    }
    const int code = app.exec();
    if (!options->screenshotDir.isEmpty())
        std::fprintf(stderr, "gradphoto-kiosk: %d screenshot(s) in %s\n", window.screenshotsTaken(),
                     options->screenshotDir.toUtf8().constData());
    return code;
}
