#include "console_window.h"

#include <QApplication>
#include <QKeyEvent>
#include <QShortcut>

#include "console_text.h"
#include "gradphoto/payment/paid_approval_guard.h"
#include "kiosk_settings_file.h"

namespace gradphoto::console {

namespace {
constexpr int kDefaultIdleSeconds = 300;

store::ReviewQueue makeQueue(store::SqliteRecordStore& store, const store::Clock& clock) {
    store::ReviewQueue queue(store, store::RejectReasons::load(), clock);
    // No approval of a capture whose student has not paid (the payment issue's guard).
    queue.setApprovalGuard(payment::paidApprovalGuard(store.database()));
    return queue;
}
}  // namespace

ConsoleWindow::ConsoleWindow(store::SqliteRecordStore& store, ConsoleSetup setup, QWidget* parent)
    : QWidget(parent),
      store_(store),
      queue_(makeQueue(store, setup.clock)),
      access_(store, setup.clock),
      context_{store,
               queue_,
               access_,
               setup.dataDir,
               setup.settingsFile,
               setup.cameraFactory,
               setup.kioskCamera,
               setup.clock,
               std::nullopt} {
    setConsoleLanguage(setup.language);
    if (setup.language == "en" && translator_.load(":/i18n/gradphoto_console_en.qm"))
        QCoreApplication::installTranslator(&translator_);
    ui_.setupUi(this);
    ui_.statusLabel->hide();

    signIn_ = new SignInPage(context_, ui_.signInScreen);
    ui_.signInScreen->layout()->addWidget(signIn_);
    connect(signIn_, &SignInPage::signedIn, this, &ConsoleWindow::onSignedIn);
    connect(ui_.signOutButton, &QPushButton::clicked, this, [this] { signOut(); });
    connect(ui_.sidebar, &QListWidget::currentRowChanged, this, &ConsoleWindow::onSidebarRow);

    for (const auto& entry : builtinConsolePages()) addPage(entry);

    idleSeconds_ = setup.idleSignOutSeconds > 0
                       ? setup.idleSignOutSeconds
                       : KioskSettingsFile(setup.settingsFile)
                             .staffNumber("idle_sign_out_seconds", kDefaultIdleSeconds);
    idleTimer_.setSingleShot(true);
    connect(&idleTimer_, &QTimer::timeout, this, [this] {
        signOut(tr("%1 分钟无操作，已自动退出登录。").arg(std::max(1, idleSeconds_ / 60)));
    });
    qApp->installEventFilter(this);

    // Ctrl+1, Ctrl+2, ...: the pages of the sidebar.
    for (int i = 0; i < 9; ++i) {
        auto* shortcut =
            new QShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            if (!isSignedIn() || i >= ui_.sidebar->count() || ui_.sidebar->item(i)->isHidden())
                return;
            ui_.sidebar->setCurrentRow(i);
        });
    }

    ui_.screens->setCurrentWidget(ui_.signInScreen);
    ui_.staffLabel->clear();
    ui_.signOutButton->hide();
}

ConsoleWindow::~ConsoleWindow() {
    if (qApp) qApp->removeEventFilter(this);
    for (ConsolePage* page : pages_) page->deactivate();
    QCoreApplication::removeTranslator(&translator_);
}

void ConsoleWindow::addPage(const ConsolePageEntry& entry) {
    ConsolePage* page = entry.make(context_, ui_.pages);
    pages_.push_back(page);
    ui_.pages->addWidget(page);
    // Indented by text, not by style sheet padding (which Qt 6.4 applies to the selected item
    // only).
    auto* item = new QListWidgetItem(QStringLiteral("    ") + page->title(), ui_.sidebar);
    item->setSizeHint(QSize(0, 52));
    item->setHidden(!isSignedIn() || (page->adminOnly() && !context_.isAdmin()));
    connect(page, &ConsolePage::studentRequested, this,
            [this](const QString& id, const QString& studentNo) {
                ConsolePage* target = this->page(id);
                if (target == nullptr || !pageVisibleInSidebar(id)) return;
                showPage(id);
                target->openStudent(studentNo);
            });
    connect(page, &ConsolePage::status, this, [this](const QString& text, bool problem) {
        ui_.statusLabel->setStyleSheet(problem ? "color: #b3261e;" : "color: #3c4043;");
        ui_.statusLabel->setText(text);
        ui_.statusLabel->setVisible(!text.isEmpty());
    });
}

ConsolePage* ConsoleWindow::page(const QString& id) const {
    for (ConsolePage* p : pages_)
        if (p->pageId() == id) return p;
    return nullptr;
}

ConsolePage* ConsoleWindow::currentPage() const {
    return isSignedIn() ? qobject_cast<ConsolePage*>(ui_.pages->currentWidget()) : nullptr;
}

bool ConsoleWindow::pageVisibleInSidebar(const QString& id) const {
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (pages_[i]->pageId() == id) return !ui_.sidebar->item(static_cast<int>(i))->isHidden();
    return false;
}

void ConsoleWindow::showPage(const QString& id) {
    for (std::size_t i = 0; i < pages_.size(); ++i)
        if (pages_[i]->pageId() == id && !ui_.sidebar->item(static_cast<int>(i))->isHidden())
            ui_.sidebar->setCurrentRow(static_cast<int>(i));
}

void ConsoleWindow::onSidebarRow(int row) {
    if (!isSignedIn() || row < 0 || row >= static_cast<int>(pages_.size())) return;
    ConsolePage* next = pages_[static_cast<std::size_t>(row)];
    if (ConsolePage* previous = qobject_cast<ConsolePage*>(ui_.pages->currentWidget());
        previous && previous != next)
        previous->deactivate();
    ui_.pages->setCurrentWidget(next);
    ui_.statusLabel->clear();
    ui_.statusLabel->hide();
    next->activate();
}

void ConsoleWindow::onSignedIn(const store::StaffAccount& account) {
    context_.staff = account;
    const bool admin = context_.isAdmin();
    ui_.staffLabel->setText(tr("%1 %2（%3）")
                                .arg(QString::fromStdString(account.staffNo),
                                     QString::fromStdString(account.name),
                                     admin ? tr("管理员") : tr("工作人员")));
    ui_.signOutButton->show();
    for (std::size_t i = 0; i < pages_.size(); ++i)
        ui_.sidebar->item(static_cast<int>(i))->setHidden(pages_[i]->adminOnly() && !admin);
    ui_.screens->setCurrentWidget(ui_.workScreen);
    idleTimer_.start(idleSeconds_ * 1000);
    const QSignalBlocker block(ui_.sidebar);
    ui_.sidebar->setCurrentRow(-1);
    ui_.pages->setCurrentIndex(-1);
    showPage("review");
    if (ui_.sidebar->currentRow() < 0) ui_.sidebar->setCurrentRow(0);
    onSidebarRow(ui_.sidebar->currentRow());
    emit signedIn(QString::fromStdString(account.staffNo));
}

void ConsoleWindow::signOut(const QString& why) {
    if (!isSignedIn()) return;
    idleTimer_.stop();
    for (ConsolePage* page : pages_) page->deactivate();
    try {
        store::AuditEntry entry;
        entry.at = context_.clock();
        entry.actor = context_.staff->staffNo;
        entry.action = "staff.sign_out";
        entry.subject = "staff:" + context_.staff->staffNo;
        entry.detailJson = why.isEmpty() ? R"({"reason":"button"})" : R"({"reason":"idle"})";
        store_.audit().append(entry);
    } catch (const Error&) {
        // Signing out must not fail because the audit log is unwritable.
    }
    context_.staff.reset();
    ui_.staffLabel->clear();
    ui_.signOutButton->hide();
    for (int i = 0; i < ui_.sidebar->count(); ++i) ui_.sidebar->item(i)->setHidden(true);
    ui_.statusLabel->clear();
    signIn_->reset();
    if (!why.isEmpty()) signIn_->ui().messageLabel->setText(why);
    ui_.screens->setCurrentWidget(ui_.signInScreen);
    emit signedOut();
}

void ConsoleWindow::setIdleSignOutSeconds(int seconds) {
    idleSeconds_ = std::max(1, seconds);
    if (idleTimer_.isActive()) idleTimer_.start(idleSeconds_ * 1000);
}

bool ConsoleWindow::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            if (isSignedIn()) idleTimer_.start(idleSeconds_ * 1000);
            break;
        default:
            break;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace gradphoto::console
