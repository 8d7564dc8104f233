#pragma once

#include <QThread>
#include <atomic>
#include <optional>

#include "console_page.h"
#include "gradphoto/export/batch_export.h"
#include "ui_console_export_page.h"

namespace gradphoto::console {

// The CHSI export (admins): output folder, batch name, file-name pattern, ZIP, since-date, CSV
// encoding. The export runs on a worker thread with its own store connection (one SQLite
// connection per thread); progress and the result come back as queued calls, so the GUI thread
// never waits. Cancel sets the flag BatchExport polls between photos: the batch stays open and
// no ZIP is written; a later run goes on where it stopped.
class ExportPage : public ConsolePage {
    Q_OBJECT
  public:
    ExportPage(ConsoleContext& context, QWidget* parent);
    ~ExportPage() override;

    QString title() const override { return tr("导出"); }
    QString pageId() const override { return "export"; }
    bool adminOnly() const override { return true; }
    void activate() override;

    // Starts the export of the form; false when one is running or the form is incomplete.
    bool start();
    void cancel();
    bool running() const { return worker_ != nullptr; }
    // The last finished run (empty while none or when it failed).
    const std::optional<exports::ExportSummary>& lastSummary() const { return summary_; }
    void refreshBatches();
    Ui::ConsoleExportPage& ui() { return ui_; }

  signals:
    void finished();

  private:
    void showProgress(const exports::ExportProgress& progress);
    void showSummary(const exports::ExportSummary& summary);
    void showFailure(const Problem& problem);
    void done();
    void setRunning(bool running);

    Ui::ConsoleExportPage ui_;
    QThread* worker_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::optional<exports::ExportSummary> summary_;
};

}  // namespace gradphoto::console
