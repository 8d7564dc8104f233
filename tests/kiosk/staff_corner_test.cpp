// The hidden corner's staff menu (员工后台, 退出程序, 全屏) behind the staff accounts: the kiosk
// window over a real SQLite record store on disk with flow::StoreStaffGate, offscreen. Five taps
// on the corner (or Esc) open the staff dialog; only a staff number with its PIN opens the menu,
// a refusal says why in the dialog, the PIN reaches no log, and a fresh booth without accounts
// still opens with the kiosk.staff_pin setting.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <utility>

#include "audit_search.h"
#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/store/pin.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "staff_check.h"
#include "staff_settlement_dialog.h"

namespace gradphoto::kiosk {
namespace {

// What happened at the hidden corner.
struct CornerVisit {
    bool dialogShown = false;
    QString dialogTitle;
    QStringList refusals;  // the dialog's reason after each refused try
    bool pinClearedAfterRefusal = true;
    QStringList menuButtons;  // empty: the menu never opened
    bool fieldsFit = true;    // the PIN field and the reason sit above the buttons, unsqueezed
    // While a check ran (off the GUI thread): the dialog said so and the screen's timers went on.
    bool checkingShown = true;  // button disabled with 正在核对…, fields read-only, every time
    int ticksWhileChecking = 0;  // a 1 ms timer's ticks on the GUI thread during the checks
};

// Whether the dialog's PIN field (full height) and its reason, if shown, end above the buttons.
bool fieldsFit(StaffSettlementDialog& d) {
    const auto bottomOf = [&](QWidget* w) { return w->mapTo(&d, QPoint(0, w->height())).y(); };
    const int buttonsTop = d.ui().confirmButton->mapTo(&d, QPoint(0, 0)).y();
    QWidget* last = d.ui().refusalLabel->isVisible() ? static_cast<QWidget*>(d.ui().refusalLabel)
                                                     : d.ui().pinEdit;
    return d.ui().pinEdit->height() >= d.ui().pinEdit->minimumSizeHint().height() &&
           bottomOf(last) <= buttonsTop;
}

class StaffCornerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        store = store::SqliteRecordStore::open(QDir(dir.path()).filePath("store").toStdString());
        camera = std::make_unique<ReplayCamera>(gui_test::plainReplayFolder(dir.path()), 50, 2);
        sink = std::make_unique<flow::DemoSubmissionSink>(
            QDir(dir.path()).filePath("demo").toStdString());
        gates = storeStaffGates(QDir(dir.path()).filePath("store").toStdString(), "A1", "2580");
        notes = storeStaffMenuNotes(QDir(dir.path()).filePath("store").toStdString(), "A1");
    }
    void TearDown() override { window.reset(); }

    // An admin A001 (PIN 246810) and the staff member S001 (PIN 4321); their PINs hashed with
    // `iterations` (fewer than the real store::kPinIterations keep most tests fast).
    void addAccounts(int iterations = 1000) {
        store::StaffAccess access(*store);
        access.setPinIterations(iterations);
        admin = access.addFirstAdmin("A001", "王老师", "246810");
        access.addAccount(admin, "S001", "值班员", store::StaffRole::kStaff, "4321");
    }

    void build(StaffGateFactory staffGates = {}) {
        KioskParts parts;
        parts.ports = {&students, &payments, sink.get()};
        parts.camera = camera.get();
        parts.staffGates = staffGates ? staffGates : gates;
        parts.staffMenuNotes = notes;
        window = std::make_unique<KioskWindow>(parts);
        countConsoleRequests();
        window->allowClose();
        window->resize(1280, 800);
        window->show();
    }
    void countConsoleRequests() {
        QObject::connect(window.get(), &KioskWindow::staffConsoleRequested,
                         [this] { ++consoleRequests; });
    }

    // Opens the staff dialog (five corner taps, or Esc), tries each staff number + PIN in turn in
    // the same dialog, then cancels it if it is still open; in the menu presses `choice`.
    CornerVisit visit(std::vector<std::pair<QString, QString>> tries,
                      const QString& choice = "返回", bool byEscape = false) {
        CornerVisit seen;
        std::size_t next = 0;
        bool awaiting = false;  // a try was given: its verdict comes from the staff-check thread
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            if (window->staffCheck()->running()) ++seen.ticksWhileChecking;
        });
        ticker.start();
        QTimer driver;
        driver.setInterval(30);
        QObject::connect(&driver, &QTimer::timeout, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* d = qobject_cast<StaffSettlementDialog*>(modal)) {
                seen.dialogShown = true;
                seen.dialogTitle = d->windowTitle();
                if (d->result() == QDialog::Accepted) return;  // closing, the menu comes next
                if (awaiting) {
                    if (window->staffCheck()->running()) return;
                    awaiting = false;
                    if (d->ui().refusalLabel->isVisible()) {
                        seen.refusals << d->ui().refusalLabel->text();
                        if (!d->ui().pinEdit->text().isEmpty()) seen.pinClearedAfterRefusal = false;
                        QApplication::processEvents();  // the dialog grows to the reason
                        seen.fieldsFit = seen.fieldsFit && fieldsFit(*d);
                        if (!shotsFolder.isEmpty())
                            d->grab().save(QDir(shotsFolder).filePath(shotName + "-refused.png"));
                    }
                    return;
                }
                if (next >= tries.size()) {
                    d->ui().cancelButton->click();
                    return;
                }
                QApplication::processEvents();
                seen.fieldsFit = seen.fieldsFit && fieldsFit(*d);
                d->ui().staffNoEdit->setText(tries[next].first);
                d->ui().pinEdit->setText(tries[next].second);
                ++next;
                if (!shotsFolder.isEmpty() && next == tries.size())
                    d->grab().save(QDir(shotsFolder).filePath(shotName + "-filled.png"));
                d->ui().confirmButton->click();
                awaiting = true;
                // The verdict cannot be here yet: it comes back through the event loop.
                seen.checkingShown =
                    seen.checkingShown && window->staffCheck()->running() &&
                    d->result() != QDialog::Accepted && !d->ui().confirmButton->isEnabled() &&
                    d->ui().confirmButton->text() == checkingText &&
                    d->ui().pinEdit->isReadOnly() && d->ui().staffNoEdit->isReadOnly();
            } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                for (QAbstractButton* b : box->buttons()) seen.menuButtons << b->text();
                for (QAbstractButton* b : box->buttons())
                    if (b->text() == choice) {
                        b->click();
                        return;
                    }
            }
        });
        driver.start();
        if (byEscape) {
            QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
            QApplication::sendEvent(window.get(), &escape);
        } else {
            auto* corner = window->findChild<QAbstractButton*>("staffCorner");
            EXPECT_NE(corner, nullptr);
            if (corner)
                for (int i = 0; i < 5; ++i) corner->click();
        }
        driver.stop();
        ticker.stop();
        return seen;
    }

    int audited(const std::string& action, const std::string& actor) {
        const auto entries = test::auditEntries(*store, action);
        return int(std::count_if(entries.begin(), entries.end(),
                                 [&](const store::AuditEntry& e) { return e.actor == actor; }));
    }
    bool logMentions(const QString& text) const {
        for (const QString& line : log.lines())
            if (line.contains(text)) return true;
        return false;
    }
    bool auditMentions(const std::string& text) { return test::auditMentions(*store, text); }

    QTemporaryDir dir;
    std::unique_ptr<store::SqliteRecordStore> store;
    store::StaffAccount admin;
    std::unique_ptr<ReplayCamera> camera;
    flow::DemoStudentLookup students;
    flow::DemoPaymentGateway payments;
    std::unique_ptr<flow::DemoSubmissionSink> sink;
    StaffGateFactory gates;  // the real gate over its own connection to the store's file
    StaffMenuNote notes;     // the real audit of an unused admission, likewise
    std::unique_ptr<KioskWindow> window;
    int consoleRequests = 0;
    // The staff log while the test runs: the PIN must not be in any of its lines.
    gui_test::CapturedMessages log;
    // GRADPHOTO_SHOTS_DIR: the dialogs are saved there as PNGs to look at.
    QString shotsFolder = qEnvironmentVariable("GRADPHOTO_SHOTS_DIR");
    QString shotName = "staff-menu-zh";
    QString checkingText = "正在核对…";
};

TEST_F(StaffCornerTest, PlainSettingPinNoLongerOpensTheMenu) {
    addAccounts();
    build();
    const CornerVisit seen = visit({{"S001", "2580"}, {"D001", "2580"}});
    EXPECT_TRUE(seen.dialogShown);
    EXPECT_EQ(seen.dialogTitle, "工作人员");
    ASSERT_EQ(seen.refusals.size(), 2);
    EXPECT_TRUE(seen.refusals[0].contains("工号或 PIN 不正确")) << seen.refusals[0].toStdString();
    EXPECT_TRUE(seen.pinClearedAfterRefusal);
    EXPECT_TRUE(seen.checkingShown);
    EXPECT_TRUE(seen.menuButtons.isEmpty());
    EXPECT_EQ(consoleRequests, 0);
    // The wrong try counts towards S001's lock-out and both are audited, without the PIN.
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 1);
    EXPECT_EQ(audited("kiosk.staff_menu_refused", "S001"), 1);
    EXPECT_EQ(audited("kiosk.staff_menu_refused", "D001"), 1);
    EXPECT_FALSE(auditMentions("2580"));
    EXPECT_FALSE(logMentions("2580"));
    EXPECT_TRUE(logMentions("staff menu refused: unknown staff number or wrong PIN"));
    EXPECT_FALSE(logMentions("no staff accounts"));
}

TEST_F(StaffCornerTest, StaffNumberAndPinOpenTheMenuAndItsConsole) {
    addAccounts();
    build();
    shotName = "staff-menu-zh";
    const CornerVisit seen = visit({{"S001", "4321"}}, "员工后台");
    EXPECT_TRUE(seen.refusals.isEmpty()) << seen.refusals.join("; ").toStdString();
    QStringList buttons = seen.menuButtons;  // in the platform's button order
    buttons.sort();
    QStringList expected{"员工后台", "退出程序", "全屏", "返回"};
    expected.sort();
    EXPECT_EQ(buttons, expected) << seen.menuButtons.join(", ").toStdString();
    EXPECT_EQ(consoleRequests, 1);
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 1);
    EXPECT_FALSE(auditMentions("4321"));
    EXPECT_FALSE(logMentions("4321"));
    EXPECT_EQ(window->staffDialog(), nullptr);  // the dialog is gone with the menu
}

TEST_F(StaffCornerTest, WrongPinSaysWhyThenTheRightOneOpens) {
    addAccounts();
    build();
    shotName = "staff-menu-zh";
    const CornerVisit zh = visit({{"S001", "1111"}, {"S001", "4321"}});
    ASSERT_EQ(zh.refusals.size(), 1);
    EXPECT_TRUE(zh.refusals[0].contains("还可尝试 4 次")) << zh.refusals[0].toStdString();
    EXPECT_FALSE(zh.menuButtons.isEmpty());
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 0);  // reset by the right PIN

    EXPECT_TRUE(zh.checkingShown);

    window->setLanguage("en");
    shotName = "staff-menu-en";
    checkingText = "Checking…";
    const CornerVisit en = visit({{"S001", "1111"}});
    EXPECT_EQ(en.dialogTitle, "Staff");
    ASSERT_EQ(en.refusals.size(), 1);
    EXPECT_TRUE(en.refusals[0].contains("wrong PIN (4 attempts left"))
        << en.refusals[0].toStdString();
    EXPECT_TRUE(en.menuButtons.isEmpty());
    EXPECT_TRUE(en.checkingShown);
    EXPECT_TRUE(en.fieldsFit);  // the English intro wraps to three lines: the dialog grows
    EXPECT_TRUE(zh.fieldsFit);
    EXPECT_FALSE(logMentions("1111"));
}

TEST_F(StaffCornerTest, LockedAccountSaysSoAndStaysShut) {
    addAccounts();
    build();
    const CornerVisit wrong = visit({{"S001", "0001"},
                                     {"S001", "0002"},
                                     {"S001", "0003"},
                                     {"S001", "0004"},
                                     {"S001", "0005"},
                                     {"S001", "4321"}});
    ASSERT_EQ(wrong.refusals.size(), 6);
    EXPECT_TRUE(wrong.checkingShown);
    EXPECT_TRUE(wrong.refusals[4].contains("锁定")) << wrong.refusals[4].toStdString();
    EXPECT_TRUE(wrong.refusals[5].contains("账号已锁定")) << wrong.refusals[5].toStdString();
    EXPECT_TRUE(wrong.menuButtons.isEmpty());
    EXPECT_EQ(consoleRequests, 0);
    // The lock is S001's alone: the admin still opens the menu.
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 0);
    EXPECT_FALSE(visit({{"A001", "246810"}}).menuButtons.isEmpty());
}

TEST_F(StaffCornerTest, FreshBoothOpensWithTheSettingPinAndLogsItOnce) {
    build();                                                            // no staff accounts yet
    const CornerVisit first = visit({{"D001", "2580"}}, "返回", true);  // Esc
    EXPECT_TRUE(first.dialogShown);
    EXPECT_FALSE(first.menuButtons.isEmpty());
    const CornerVisit wrong = visit({{"D001", "1234"}});
    ASSERT_EQ(wrong.refusals.size(), 1);
    EXPECT_EQ(wrong.refusals[0], "PIN 不正确。");
    const CornerVisit again = visit({{"D001", "2580"}});
    EXPECT_FALSE(again.menuButtons.isEmpty());
    EXPECT_EQ(log.lines().filter("no staff accounts yet").size(), 1)
        << log.lines().join("\n").toStdString();
    EXPECT_EQ(audited("kiosk.staff_menu", "D001"), 2);
    EXPECT_FALSE(logMentions("2580"));
    // Once the first admin exists, the setting no longer opens the menu.
    addAccounts();
    EXPECT_TRUE(visit({{"D001", "2580"}}).menuButtons.isEmpty());
}

// The real gate behind a hold the test lets go of, as a PBKDF2 on a slow booth PC would take its
// time: made on the staff-check thread (counted, the thread noted), it waits, then checks.
class HeldGates {
  public:
    explicit HeldGates(StaffGateFactory real) : real_(std::move(real)) {}
    StaffGateFactory factory() {
        return [this]() -> std::unique_ptr<flow::StaffGate> {
            {
                std::unique_lock lock(mutex_);
                ++made_;
                thread_ = QThread::currentThread();
                changed_.notify_all();
                changed_.wait(lock, [this] { return !held_; });
            }
            return real_();
        };
    }
    void hold() {
        std::lock_guard lock(mutex_);
        held_ = true;
    }
    void release() {
        std::lock_guard lock(mutex_);
        held_ = false;
        changed_.notify_all();
    }
    int made() {
        std::lock_guard lock(mutex_);
        return made_;
    }
    QThread* thread() {
        std::lock_guard lock(mutex_);
        return thread_;
    }

  private:
    StaffGateFactory real_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool held_ = false;
    int made_ = 0;
    QThread* thread_ = nullptr;
};

TEST_F(StaffCornerTest, PinCheckRunsOffTheGuiThreadAndASecondPressStartsNothing) {
    addAccounts();
    HeldGates held(gates);
    held.hold();
    build(held.factory());
    struct {
        QString buttonText;
        bool buttonEnabled = true;
        bool fieldsReadOnly = false;
        int ticks = 0;  // of a 10 ms timer while the check is held
        QStringList menuButtons;
    } seen;
    int step = 0;
    int ticks = 0;
    int ticksAtPress = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start();
    QTimer driver;
    driver.setInterval(20);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* d = qobject_cast<StaffSettlementDialog*>(modal)) {
            if (step == 0) {
                d->ui().staffNoEdit->setText("S001");
                d->ui().pinEdit->setText("4321");
                d->ui().confirmButton->click();
                ticksAtPress = ticks;
                step = 1;
            } else if (step == 1 && held.made() == 1) {  // the check thread is in the gate
                seen.buttonText = d->ui().confirmButton->text();
                seen.buttonEnabled = d->ui().confirmButton->isEnabled();
                seen.fieldsReadOnly =
                    d->ui().pinEdit->isReadOnly() && d->ui().staffNoEdit->isReadOnly();
                emit d->credentialsGiven();  // pressed again, however it gets there
                step = 2;
            } else if (step == 2 && ticks - ticksAtPress >= 20) {  // the screen's timers go on
                seen.ticks = ticks - ticksAtPress;
                held.release();
                step = 3;
            }
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            for (QAbstractButton* b : box->buttons()) seen.menuButtons << b->text();
            for (QAbstractButton* b : box->buttons())
                if (b->text() == "返回") {
                    b->click();
                    return;
                }
        }
    });
    driver.start();
    QTimer::singleShot(0, [&] {
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &escape);
    });
    ASSERT_TRUE(gradphoto::test::waitFor([&] { return !seen.menuButtons.isEmpty(); }, 15000))
        << "step " << step;
    driver.stop();
    EXPECT_EQ(seen.buttonText, "正在核对…");
    EXPECT_FALSE(seen.buttonEnabled);
    EXPECT_TRUE(seen.fieldsReadOnly);
    EXPECT_GE(seen.ticks, 20);
    EXPECT_EQ(held.made(), 1);  // the second press started no second check
    EXPECT_NE(held.thread(), nullptr);
    EXPECT_NE(held.thread(), QThread::currentThread());
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 1);
    EXPECT_EQ(audited("kiosk.staff_menu_refused", "S001"), 0);
}

TEST_F(StaffCornerTest, CancellingDuringTheCheckOpensNoMenuAndAuditsTheAdmissionAsUnused) {
    addAccounts();
    HeldGates held(gates);
    held.hold();
    build(held.factory());
    int step = 0;
    bool menuShown = false;
    QTimer driver;
    driver.setInterval(20);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (qobject_cast<QMessageBox*>(modal)) {
            menuShown = true;
            modal->close();
        } else if (auto* d = qobject_cast<StaffSettlementDialog*>(modal)) {
            if (step == 0) {
                d->ui().staffNoEdit->setText("S001");
                d->ui().pinEdit->setText("4321");
                d->ui().confirmButton->click();
                step = 1;
            } else if (step == 1 && held.made() == 1) {  // checking: staff change their mind
                d->ui().cancelButton->click();
                step = 2;
            }
        } else if (step == 2 && !modal) {
            held.release();  // the check admits after its dialog went
            step = 3;
        }
    });
    driver.start();
    QTimer::singleShot(0, [&] {
        QKeyEvent escape(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &escape);
    });
    ASSERT_TRUE(gradphoto::test::waitFor(
        [&] { return audited("kiosk.staff_menu_unused", "S001") == 1; }, 15000))
        << "step " << step;
    (void)gradphoto::test::waitFor([] { return false; }, 300);  // a late menu shows by now
    driver.stop();
    EXPECT_FALSE(menuShown);
    EXPECT_FALSE(window->staffCheck()->running());
    EXPECT_EQ(consoleRequests, 0);
    // The gate's admission stays (it did check the PIN); the next entry says no menu opened.
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 1);
    EXPECT_TRUE(auditMentions("dialog_closed"));
}

TEST_F(StaffCornerTest, ReopeningWhileAnAbandonedCheckRunsShowsItsOwnCheck) {
    addAccounts();
    HeldGates held(gates);
    held.hold();
    build(held.factory());
    int step = 0;
    struct {
        QString buttonText;
        bool buttonEnabled = true;
        bool running = false;
        bool refusalShown = false;  // the abandoned check's refusal reached the new dialog
        QStringList menuButtons;
    } seen;
    auto escape = [&] {
        QKeyEvent key(QEvent::KeyPress, Qt::Key_Escape, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &key);
    };
    QTimer driver;
    driver.setInterval(20);
    QObject::connect(&driver, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            for (QAbstractButton* b : box->buttons()) seen.menuButtons << b->text();
            for (QAbstractButton* b : box->buttons())
                if (b->text() == "返回") b->click();
        } else if (auto* d = qobject_cast<StaffSettlementDialog*>(modal)) {
            if (step == 0) {  // a wrong PIN, then cancel while it is being checked
                d->ui().staffNoEdit->setText("S001");
                d->ui().pinEdit->setText("1111");
                d->ui().confirmButton->click();
                step = 1;
            } else if (step == 1 && held.made() == 1) {
                d->ui().cancelButton->click();
                step = 2;
            } else if (step == 3) {  // the dialog again, the old check still held
                d->ui().staffNoEdit->setText("S001");
                d->ui().pinEdit->setText("4321");
                d->ui().confirmButton->click();
                seen.buttonText = d->ui().confirmButton->text();
                seen.buttonEnabled = d->ui().confirmButton->isEnabled();
                seen.running = window->staffCheck()->running();
                held.release();
                step = 4;
            } else if (step == 4) {
                seen.refusalShown = seen.refusalShown || d->ui().refusalLabel->isVisible();
            }
        } else if (step == 2 && !modal) {
            step = 3;
            QTimer::singleShot(0, escape);
        }
    });
    driver.start();
    QTimer::singleShot(0, escape);
    ASSERT_TRUE(gradphoto::test::waitFor([&] { return !seen.menuButtons.isEmpty(); }, 15000))
        << "step " << step;
    driver.stop();
    EXPECT_EQ(seen.buttonText, "正在核对…");
    EXPECT_FALSE(seen.buttonEnabled);
    EXPECT_TRUE(seen.running);
    EXPECT_FALSE(seen.refusalShown);
    EXPECT_EQ(held.made(), 2);  // both checks ran, one after the other
    EXPECT_EQ(audited("kiosk.staff_menu_refused", "S001"), 1);  // the abandoned wrong PIN
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 1);
    EXPECT_EQ(audited("kiosk.staff_menu_unused", "S001"), 0);  // refusals need no note
}

TEST_F(StaffCornerTest, RealPbkdf2CheckLeavesTheScreenResponsive) {
    addAccounts(store::kPinIterations);  // the production hash, as on a booth
    build();
    const CornerVisit seen = visit({{"S001", "1111"}, {"S001", "4321"}});
    ASSERT_EQ(seen.refusals.size(), 1);
    EXPECT_TRUE(seen.refusals[0].contains("还可尝试 4 次")) << seen.refusals[0].toStdString();
    EXPECT_FALSE(seen.menuButtons.isEmpty());
    EXPECT_TRUE(seen.checkingShown);
    // Two PBKDF2 runs of 100 000 iterations: the GUI thread's 1 ms timer fired meanwhile.
    EXPECT_GT(seen.ticksWhileChecking, 0);
    EXPECT_EQ(store->staff().find("S001")->failedAttempts, 0);
    EXPECT_EQ(audited("kiosk.staff_menu_refused", "S001"), 1);
    EXPECT_EQ(audited("kiosk.staff_menu", "S001"), 1);
}

}  // namespace
}  // namespace gradphoto::kiosk
