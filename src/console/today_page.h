#pragma once

#include "console_page.h"
#include "today_figures.h"
#include "ui_console_today_page.h"

namespace gradphoto::console {

// Today at this booth (local midnight to midnight): sessions, payments, submissions, approvals,
// rejections by reason.
class TodayPage : public ConsolePage {
    Q_OBJECT
  public:
    TodayPage(ConsoleContext& context, QWidget* parent);

    QString title() const override { return tr("今日概况"); }
    QString pageId() const override { return "today"; }
    void activate() override { refresh(); }
    void refresh();
    const TodayFigures& figures() const { return figures_; }
    Ui::ConsoleTodayPage& ui() { return ui_; }

  protected:
    void keyPressEvent(QKeyEvent* event) override;

  private:
    Ui::ConsoleTodayPage ui_;
    TodayFigures figures_;
};

}  // namespace gradphoto::console
