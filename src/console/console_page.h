#pragma once

#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

#include "console_context.h"

namespace gradphoto::console {

// One page of the console's sidebar. The window makes the pages after sign-in, shows only those
// the signed-in role may see, and tells a page when it is shown and hidden.
class ConsolePage : public QWidget {
    Q_OBJECT
  public:
    ConsolePage(ConsoleContext& context, QWidget* parent) : QWidget(parent), context_(context) {}

    virtual QString title() const = 0;
    // Stable, for screenshots and tests: "review", "booth", "today".
    virtual QString pageId() const = 0;
    virtual bool adminOnly() const { return false; }
    virtual void activate() {}    // now visible: refresh, start the camera
    virtual void deactivate() {}  // hidden or signed out: stop the camera, close dialogs
    // Another page asked to show this student here (the review queue's 打印照片 → 学生照片).
    virtual void openStudent(const QString& studentNo) { (void)studentNo; }

  signals:
    // Show page `pageId` with this student (ConsoleWindow switches and calls openStudent).
    void studentRequested(const QString& pageId, const QString& studentNo);
    // A one-line note for the status bar (decisions, refusals, saves).
    void status(const QString& text, bool problem);

  protected:
    ConsoleContext& context_;
};

// The pages of the console, in sidebar order. Another page is one more entry here (or a call of
// ConsoleWindow::addPage); builtinConsolePages() lists the review queue, the booth and today.
struct ConsolePageEntry {
    QString id;
    std::function<ConsolePage*(ConsoleContext&, QWidget*)> make;
};
std::vector<ConsolePageEntry> builtinConsolePages();

}  // namespace gradphoto::console
