#pragma once

#include <QImage>
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
    const QImage& lastFrame() const { return lastFrame_; }
    std::optional<checks::BoothLightingReport> lastLighting() const { return lastLighting_; }
    Ui::ConsoleBoothPage& ui() { return ui_; }

  private:
    void fillDevices();
    void fillFormats();
    void loadSettings();
    void onFrame(const QImage& frame);
    void onStill(quint64 request, const QImage& image);
    void showLighting(const checks::BoothLightingReport& report, const QString& source);
    void sayPlate(const QString& text, bool problem);
    void saySettings(const QString& text, bool problem);

    Ui::ConsoleBoothPage ui_;
    std::unique_ptr<kiosk::CameraSource> camera_;
    QImage lastFrame_;
    quint64 plateRequest_ = 0;
    quint64 nextRequest_ = 1;
    qint64 lastShownMs_ = 0;
    std::optional<checks::BoothLightingReport> lastLighting_;
    KioskSettingsFile settingsFile_;
};

}  // namespace gradphoto::console
