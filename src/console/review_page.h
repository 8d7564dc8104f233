#pragma once

#include <QImage>
#include <QPointer>
#include <memory>

#include "console_page.h"
#include "queue_model.h"
#include "reject_dialog.h"
#include "thumbnail_cache.h"
#include "ui_console_review_page.h"

namespace gradphoto::console {

// The review queue: pending first, oldest first, with thumbnails; the selected capture's raw
// photo and final photo side by side with its check results (failed and warned first).
// Keyboard: Up/Down or J/K move, Enter approves, R rejects (reason dialog), V revokes (admin),
// Z shows the raw photo 1:1, P prints an approved photo (学生照片). After a decision the next
// pending entry is selected.
class ReviewPage : public ConsolePage {
    Q_OBJECT
  public:
    ReviewPage(ConsoleContext& context, QWidget* parent);

    QString title() const override { return tr("审核队列"); }
    QString pageId() const override { return "review"; }
    void activate() override;
    void deactivate() override;

    void reload();
    void approveCurrent();
    void rejectCurrent();
    void revokeCurrent();
    // An approved capture: open 学生照片 with its student to print (P).
    void printCurrent();
    std::optional<std::int64_t> currentCaptureId() const;
    QueueModel& model() { return *model_; }
    ThumbnailCache& thumbnails() { return *thumbnails_; }
    RejectDialog* openDialog() const { return dialog_; }
    QString message() const { return ui_.messageLabel->text(); }
    Ui::ConsoleReviewPage& ui() { return ui_; }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void showCurrent();
    void showChecks(const std::string& reportJson);
    void showRaw();
    void afterDecision(const store::Capture& capture, int row, const QString& text);
    void say(const QString& text, bool problem);
    void updateCount();
    void updateButtons();
    void openReasonDialog(bool revoke);
    void moveBy(int delta);

    Ui::ConsoleReviewPage ui_;
    std::unique_ptr<ThumbnailCache> thumbnails_;
    QueueModel* model_;
    QPointer<RejectDialog> dialog_;
    std::optional<store::Capture> shown_;
    std::vector<std::string> failedChecks_;
    QString rawPath_;
    bool rawOneToOne_ = false;
};

}  // namespace gradphoto::console
