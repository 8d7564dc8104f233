#pragma once

#include <QImage>
#include <QPointer>
#include <memory>

#include "console_page.h"
#include "gradphoto/checks/booth_lighting.h"
#include "kiosk_settings_file.h"
#include "ui_console_booth_page.h"

namespace gradphoto::console {

// The booth (admins): camera choice and format, a live view, "capture empty background plate"
// (DATA_DIR/booth/plate.jpg, written atomically; the standardizer's --plate), the lighting check
// of the empty booth (checks::BoothLighting) on the plate or the live frame, and the kiosk
// settings editor (idle time, fee, help phone, preset) over KioskSettingsFile.
//
// Over a running kiosk (ConsoleContext::kioskCamera) the live view is the kiosk's own camera,
// already open: the page listens to it and never opens a second one nor stops it, so the kiosk's
// preview goes on while the console is open and after it closes. The camera and format chosen
// here then take effect when the kiosk restarts. Alone, the page opens its own camera through
// ConsoleContext::cameraFactory and stops it when hidden.
class BoothPage : public ConsolePage {
    Q_OBJECT
  public:
    BoothPage(ConsoleContext& context, QWidget* parent);
    ~BoothPage() override;

    QString title() const override { return tr("采集点设置"); }
    QString pageId() const override { return "booth"; }
    bool adminOnly() const override { return true; }
    void activate() override;
    void deactivate() override;

    void openCamera();
    void capturePlate();
    void checkLighting();
    void saveSettings();
    QString platePath() const;
    bool cameraRunning() const { return camera_ != nullptr; }
    kiosk::CameraSource* camera() const { return camera_; }  // the kiosk's or the page's own
    bool usesKioskCamera() const { return camera_ && camera_ == context_.kioskCamera; }
    const QImage& lastFrame() const { return lastFrame_; }
    std::optional<checks::BoothLightingReport> lastLighting() const { return lastLighting_; }
    Ui::ConsoleBoothPage& ui() { return ui_; }

  private:
    void fillDevices();
    void fillFormats();
    void loadSettings();
    void closeCamera();
    void listenTo(kiosk::CameraSource* camera);
    void onFrame(const QImage& frame);
    void onStill(quint64 request, const QImage& image);
    void showLighting(const checks::BoothLightingReport& report, const QString& source);
    void sayPlate(const QString& text, bool problem);
    void saySettings(const QString& text, bool problem);

    Ui::ConsoleBoothPage ui_;
    QPointer<kiosk::CameraSource> camera_;            // what the live view shows
    std::unique_ptr<kiosk::CameraSource> ownCamera_;  // alone: opened by this page
    QImage lastFrame_;
    quint64 plateRequest_ = 0;
    // Still requests of this page: far above the kiosk flow's own numbers, so that on the kiosk's
    // camera neither takes the other's still.
    quint64 nextRequest_ = quint64(1) << 62;
    qint64 lastShownMs_ = 0;
    std::optional<checks::BoothLightingReport> lastLighting_;
    KioskSettingsFile settingsFile_;
};

}  // namespace gradphoto::console
