// 下载 on the approved 查询结果 page (issue 8): the files of the student's copy without widgets,
// then the real window under offscreen Qt — 保存到U盘 into a temporary folder standing in for the
// stick, no stick, 打印排版照 to a PDF file printer with its print_jobs row, 全屏查看, and the
// buttons hidden when the booth does not enable them. The print runs on a print thread: a test
// can hold the (real, PDF) printer in its set-up until it lets go, as a hung driver would, and
// check that the screen keeps working meanwhile.

#include <gtest/gtest.h>
#include <unistd.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMouseEvent>
#include <QPointer>
#include <QPrinter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <stdexcept>
#include <thread>

#include "full_photo_view.h"
#include "gradphoto/common/error.h"
#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/imaging/jpeg_codec.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "kiosk_window.h"
#include "kiosk_window_driver.h"
#include "port_worker.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "student_copy.h"
#include "student_copy_offer.h"
#include "test_support.h"

namespace gradphoto::kiosk {
namespace {

namespace fs = std::filesystem;
using flow::FlowState;

std::vector<std::uint8_t> photoJpeg() {
    cv::Mat img(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    cv::circle(img, {240, 260}, 110, cv::Scalar(60, 80, 120), cv::FILLED);
    return encodeJpeg(img, 90, 300);
}

fs::path u8path(const std::string& text) {
    return fs::path(std::u8string(text.begin(), text.end()));
}

std::vector<std::uint8_t> readBytes(const fs::path& file) {
    const std::string text = gradphoto::test::readText(file);
    return {text.begin(), text.end()};
}

TEST(StudentCopy, FilesAreTheStoredPhotoAndA6InchSheet) {
    const auto jpeg = photoJpeg();
    const auto files = studentCopyFiles("2022010001", jpeg, "6in", layout::LayoutSettings::load());
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].name, "2022010001-标准照.jpg");
    EXPECT_EQ(files[0].bytes, jpeg);  // the bytes as stored, not re-encoded
    EXPECT_EQ(files[1].name, "2022010001-排版照-6in.jpg");
    const cv::Mat sheet = cv::imdecode(files[1].bytes, cv::IMREAD_COLOR);
    ASSERT_FALSE(sheet.empty());
    EXPECT_EQ(std::max(sheet.cols, sheet.rows), 1800);
    EXPECT_EQ(std::min(sheet.cols, sheet.rows), 1200);
}

TEST(StudentCopy, WritesBothFilesIntoTheStudentsFolder) {
    gradphoto::test::ScratchDir dir;
    const auto files =
        studentCopyFiles("2022010001", photoJpeg(), "6in", layout::LayoutSettings::load());
    const fs::path folder = writeStudentCopy(dir.path(), "2022010001", files);
    EXPECT_EQ(folder, dir.path() / u8path("毕业照-2022010001"));
    for (const auto& file : files) EXPECT_EQ(readBytes(folder / u8path(file.name)), file.bytes);
    // Again (the student presses twice): same files, nothing left over.
    writeStudentCopy(dir.path(), "2022010001", files);
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 2);
}

TEST(StudentCopy, NoStickAndReadOnlyStickAreNamed) {
    gradphoto::test::ScratchDir dir;
    const std::vector<StudentCopyFile> files = {{"x.jpg", {1, 2, 3}}};
    try {
        writeStudentCopy(dir.path() / "gone", "2022010001", files);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().code, "student_copy_no_root");
        EXPECT_NE(e.problem().message_zh.find("U盘"), std::string::npos);
    }
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only folders";
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    try {
        writeStudentCopy(dir.path(), "2022010001", files);
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.problem().code, "student_copy_read_only");
        EXPECT_NE(e.problem().message_zh.find("只读"), std::string::npos);
    }
    fs::permissions(dir.path(), fs::perms::owner_all);
}

TEST(StudentCopy, SettingsReadTheKeysWithoutWarnings) {
    QTemporaryDir dir;
    const QString file = QDir(dir.path()).filePath("settings.json");
    QFile out(file);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(R"({"kiosk": {"booth_id": "B2", "student_copy": {"usb": true, "print": true,
        "show": false, "paper": "5in", "printer": "Booth_Printer"}},
        "retention": {"raw_days": 30}})");
    out.close();
    QStringList warnings;
    const auto s = KioskSettings::load(file, &warnings);
    EXPECT_TRUE(warnings.isEmpty()) << warnings.join("; ").toStdString();
    EXPECT_TRUE(s.studentCopy.usb);
    EXPECT_TRUE(s.studentCopy.print);
    EXPECT_FALSE(s.studentCopy.show);
    EXPECT_EQ(s.studentCopy.paper, "5in");
    EXPECT_EQ(s.studentCopy.printer, "Booth_Printer");
}

// Every student is approved, with the real JPEG as the 标准照.
class ApprovedSink : public flow::SubmissionSink {
  public:
    std::string submit(const flow::Submission&) override { return "A1-001"; }
    flow::SubmissionStatus status(const std::string&) override {
        flow::SubmissionStatus s;
        s.kind = flow::SubmissionStatus::Kind::kApproved;
        s.queueNumber = "A1-001";
        s.finalJpeg = jpeg;
        return s;
    }
    std::vector<std::uint8_t> jpeg = photoJpeg();
};

using gradphoto::test::waitFor;

class StudentCopyWindowTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        camera = std::make_unique<ReplayCamera>(QDir(dir.path()).filePath("no-camera"));
        store = store::SqliteRecordStore::open(QDir(dir.path()).filePath("store").toStdString());
        usbRoot = QDir(dir.path()).filePath("stick");
        QDir().mkpath(usbRoot);
        pdf = QDir(dir.path()).filePath("sheet.pdf");
    }
    void TearDown() override { window.reset(); }

    void build(StudentCopySettings copy) {
        KioskParts parts;
        parts.settings.flow.paymentPollMs = 200;
        parts.settings.boothId = "B7";
        parts.settings.studentCopy = copy;
        parts.ports = {&students, &payments, &sink};
        parts.camera = camera.get();
        for (const auto& s : flow::DemoStudentLookup::defaultRoster())
            parts.demoCodes << QString::fromStdString(s.payload);
        parts.demo = true;
        parts.usbRoots = QStringList{usbRoot} + moreSticks;
        parts.printDb = &store->database();
        parts.printerSetUp = [this](QPrinter& printer) {
            printThread = QThread::currentThread();
            {
                std::unique_lock lock(gate);
                printerEntered = true;
                gateChanged.notify_all();
                gateChanged.wait(lock, [this] { return !holdPrinter; });
            }
            if (setUpFails) throw std::runtime_error("the printer set-up failed");
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(pdf);
        };
        window = std::make_unique<KioskWindow>(parts);
        window->allowClose();
        window->resize(1280, 800);
        window->show();
    }

    QAbstractButton* button(const char* name) {
        return window->page(FlowState::kStatus)->findChild<QAbstractButton*>(name);
    }
    void click(FlowState state, const char* name) {
        ASSERT_TRUE(gui_test::press(*window, state, name));
    }
    // 查询审核结果 for the first demo student (last four 123X).
    void toApprovedStatus() {
        click(FlowState::kWelcome, "checkButton");
        click(FlowState::kScanCode, "demoCode1");
        ASSERT_TRUE(waitFor([&] { return window->flow().state() == FlowState::kVerifyStudent; }));
        ASSERT_TRUE(gui_test::enterLastFour(*window));
        ASSERT_TRUE(waitFor([&] { return window->flow().state() == FlowState::kStatus; }));
        QApplication::processEvents();
    }
    // 保存到U盘 of an approved student with a second stick mounted at second: the chooser.
    UsbStickChooser* openChooserWithASecondStick(const QString& second) {
        moreSticks = {second};
        build({.usb = true});
        toApprovedStatus();
        button("usbButton")->click();
        return window->studentCopy()->stickChooser();
    }
    QString message() {
        return window->page(FlowState::kStatus)->findChild<QLabel*>("copyMessageLabel")->text();
    }
    std::int64_t printJobs(const std::string& where) {
        auto q = store->database().prepare("SELECT count(*) FROM print_jobs WHERE " + where);
        return q.step() ? q.integer(0) : -1;
    }
    // An approved student's 打印排版照 pressed while the printer hangs: the print thread is inside
    // the printer when this returns.
    void startAPrintThatHangs() {
        build({.print = true});
        toApprovedStatus();
        holdThePrinter();
        printButton()->click();
        ASSERT_TRUE(waitFor([&] { return printerWasEntered(); }));
    }
    // The printer seam: while held, the print thread waits in printerSetUp (as in a hung driver).
    void holdThePrinter() {
        std::lock_guard lock(gate);
        holdPrinter = true;
    }
    void releaseThePrinter() {
        std::lock_guard lock(gate);
        holdPrinter = false;
        gateChanged.notify_all();
    }
    bool printerWasEntered() {
        std::lock_guard lock(gate);
        return printerEntered;
    }
    QAbstractButton* printButton() { return button("printButton"); }
    void saveShot(const QString& name) {
        const QString shots = qEnvironmentVariable("GRADPHOTO_TEST_SHOTS");
        if (shots.isEmpty()) return;
        QDir().mkpath(shots);
        window->grab().save(QDir(shots).filePath(name));
    }

    QTemporaryDir dir;
    flow::DemoStudentLookup students;
    flow::DemoPaymentGateway payments{2};
    ApprovedSink sink;
    std::unique_ptr<ReplayCamera> camera;
    std::unique_ptr<store::SqliteRecordStore> store;
    QString usbRoot;
    QStringList moreSticks;  // further mounted sticks (folders)
    QString pdf;
    std::mutex gate;
    std::condition_variable gateChanged;
    bool holdPrinter = false;
    bool printerEntered = false;
    std::atomic<bool> setUpFails{false};  // the printer set-up throws (a driver that refuses)
    std::atomic<QThread*> printThread{nullptr};
    std::unique_ptr<KioskWindow> window;
};

TEST_F(StudentCopyWindowTest, SaveToUsbWritesThePhotoAndTheSheet) {
    build({.usb = true, .print = true, .show = true});
    toApprovedStatus();
    ASSERT_TRUE(button("usbButton")->isVisible());
    saveShot("status-approved-copy.png");
    button("usbButton")->click();
    const fs::path folder = fs::path(usbRoot.toStdString()) / u8path("毕业照-2022010001");
    const auto photo = readBytes(folder / u8path("2022010001-标准照.jpg"));
    EXPECT_EQ(photo, sink.jpeg);
    EXPECT_FALSE(cv::imdecode(photo, cv::IMREAD_COLOR).empty());
    const cv::Mat sheet =
        cv::imdecode(readBytes(folder / u8path("2022010001-排版照-6in.jpg")), cv::IMREAD_COLOR);
    ASSERT_FALSE(sheet.empty());
    EXPECT_EQ(std::max(sheet.cols, sheet.rows), 1800);
    EXPECT_EQ(std::min(sheet.cols, sheet.rows), 1200);
    EXPECT_TRUE(message().contains("已保存到U盘")) << message().toStdString();
    saveShot("status-approved-saved.png");
}

TEST_F(StudentCopyWindowTest, NoStickSaysSo) {
    build({.usb = true});
    QDir(usbRoot).removeRecursively();  // the stick was pulled
    toApprovedStatus();
    button("usbButton")->click();
    EXPECT_TRUE(message().contains("U盘")) << message().toStdString();
    EXPECT_TRUE(message().contains("插入")) << message().toStdString();
}

// Touches a row of a list the way a finger does (press and release on its viewport).
void touch(QListWidget* list, int row) {
    const QPointF at = list->visualItemRect(list->item(row)).center();
    for (QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease}) {
        QMouseEvent event(type, at, list->viewport()->mapToGlobal(at), Qt::LeftButton,
                          type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton,
                          Qt::NoModifier);
        QApplication::sendEvent(list->viewport(), &event);
    }
}

TEST_F(StudentCopyWindowTest, TwoSticksLetTheStudentChooseWhichOne) {
    const QString second = QDir(dir.path()).filePath("media/kiosk/KINGSTON");
    QDir().mkpath(second);
    {
        QFile existing(QDir(second).filePath("notes.txt"));  // the student's own file stays
        ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
        existing.write("mine");
    }
    UsbStickChooser* chooser = openChooserWithASecondStick(second);
    ASSERT_NE(chooser, nullptr);
    ASSERT_TRUE(waitFor([&] { return chooser->isVisible(); }));
    QListWidget* list = chooser->list();
    ASSERT_EQ(list->count(), 2);
    EXPECT_TRUE(list->item(0)->text().startsWith("stick")) << list->item(0)->text().toStdString();
    EXPECT_TRUE(list->item(1)->text().startsWith("KINGSTON"));
    EXPECT_TRUE(list->item(1)->text().contains(QRegularExpression("可用 [0-9.]+ [KMGT]?B")))
        << list->item(1)->text().toStdString();
    EXPECT_TRUE(QDir(second).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    if (const QString shots = qEnvironmentVariable("GRADPHOTO_TEST_SHOTS"); !shots.isEmpty())
        chooser->grab().save(QDir(shots).filePath("status-usb-chooser.png"));  // its own window

    touch(list, 1);
    ASSERT_TRUE(waitFor([&] { return window->studentCopy()->stickChooser() == nullptr; }));
    const fs::path folder = fs::path(second.toStdString()) / u8path("毕业照-2022010001");
    EXPECT_EQ(readBytes(folder / u8path("2022010001-标准照.jpg")), sink.jpeg);
    EXPECT_TRUE(fs::exists(folder / u8path("2022010001-排版照-6in.jpg")));
    EXPECT_FALSE(fs::exists(fs::path(usbRoot.toStdString()) / u8path("毕业照-2022010001")));
    EXPECT_EQ(readBytes(fs::path(second.toStdString()) / "notes.txt"),
              (std::vector<std::uint8_t>{'m', 'i', 'n', 'e'}));
    EXPECT_TRUE(message().contains("已保存到U盘")) << message().toStdString();
}

TEST_F(StudentCopyWindowTest, TwoSticksAndCancelWritesNothing) {
    const QString second = QDir(dir.path()).filePath("media/kiosk/SANDISK");
    QDir().mkpath(second);
    UsbStickChooser* chooser = openChooserWithASecondStick(second);
    ASSERT_NE(chooser, nullptr);
    chooser->findChild<QAbstractButton*>("cancelButton")->click();
    ASSERT_TRUE(waitFor([&] { return window->studentCopy()->stickChooser() == nullptr; }));
    for (const QString& root : {usbRoot, second})
        EXPECT_TRUE(QDir(root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty())
            << root.toStdString();
    // The student leaves with the list open: it goes with their data.
    button("usbButton")->click();
    ASSERT_NE(window->studentCopy()->stickChooser(), nullptr);
    window->send(flow::events::Finish{});
    ASSERT_TRUE(waitFor([&] { return window->studentCopy()->stickChooser() == nullptr; }));
}

TEST_F(StudentCopyWindowTest, PrintSheetPrintsToThePrinterAndRecordsTheJob) {
    build({.print = true});
    toApprovedStatus();
    ASSERT_TRUE(button("printButton")->isVisible());
    button("printButton")->click();
    ASSERT_TRUE(waitFor([&] { return message().contains("已发送到打印机"); }))
        << message().toStdString();
    EXPECT_NE(printThread.load(), nullptr);
    EXPECT_NE(printThread.load(), QThread::currentThread());  // the print thread, not the GUI's
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    EXPECT_EQ(printJobs("kind = 'sheet' AND paper = '6in' AND booth_id = 'B7' AND ok = 1"), 1);
}

TEST_F(StudentCopyWindowTest, PrintRunsOffTheGuiThreadAndTheButtonWaitsForIt) {
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    // The printer hangs; the screen does not: the button says so and waits, timers still fire.
    EXPECT_EQ(printButton()->text(), "正在打印…");
    EXPECT_FALSE(printButton()->isEnabled());
    EXPECT_TRUE(window->studentCopy()->printing());
    EXPECT_TRUE(message().contains("正在打印排版照")) << message().toStdString();
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] { ++ticks; });
    timer.start(20);
    EXPECT_TRUE(waitFor([&] { return ticks >= 10; }, 5000)) << ticks;
    window->send(flow::events::UserActivity{});  // the flow still takes events
    EXPECT_EQ(window->flow().state(), FlowState::kStatus);
    window->studentCopy()->printSheet();  // a second press meanwhile starts nothing
    saveShot("status-printing.png");
    // One row, written before the printer was touched, not yet settled.
    EXPECT_EQ(printJobs("1 = 1"), 1);
    EXPECT_EQ(printJobs("ok = 0 AND error = 'print_unfinished'"), 1);

    bool finished = false;
    QObject::connect(window->studentCopy(), &StudentCopyOffer::printFinished,
                     [&](bool ok) { finished = ok; });
    releaseThePrinter();
    ASSERT_TRUE(waitFor([&] { return finished; }));
    EXPECT_TRUE(message().contains("已发送到打印机")) << message().toStdString();
    EXPECT_TRUE(printButton()->isEnabled());
    EXPECT_EQ(printButton()->text(), "打印排版照");
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    EXPECT_EQ(printJobs("kind = 'sheet' AND ok = 1"), 1);
    EXPECT_EQ(printJobs("1 = 1"), 1);  // one press, one print
    saveShot("status-printed.png");
}

TEST_F(StudentCopyWindowTest, SessionTimingOutWhilePrintingKeepsThePrintJob) {
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    // Nobody touches the screen: the idle warning, then the session is wiped.
    for (int i = 0; i < 3 && window->flow().state() != FlowState::kWelcome; ++i) {
        window->send(flow::events::Tick{200000});
        QApplication::processEvents();
    }
    ASSERT_EQ(window->flow().state(), FlowState::kWelcome);
    EXPECT_FALSE(printButton()->isVisible());
    releaseThePrinter();
    ASSERT_TRUE(waitFor([&] { return !window->studentCopy()->printing(); }));
    EXPECT_EQ(printJobs("kind = 'sheet' AND ok = 1"), 1);
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    EXPECT_TRUE(message().isEmpty()) << message().toStdString();  // not for the next student
    // The next student (here the same one again) finds the button ready and no old message.
    toApprovedStatus();
    EXPECT_TRUE(printButton()->isVisible());
    EXPECT_TRUE(printButton()->isEnabled());
    EXPECT_TRUE(message().isEmpty()) << message().toStdString();
}

TEST_F(StudentCopyWindowTest, FinishingWhilePrintingKeepsThePrintJob) {
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    click(FlowState::kStatus, "finishButton");  // 完成: the student leaves the page
    ASSERT_TRUE(waitFor([&] { return window->flow().state() == FlowState::kWelcome; }));
    releaseThePrinter();
    ASSERT_TRUE(waitFor([&] { return !window->studentCopy()->printing(); }));
    EXPECT_EQ(printJobs("kind = 'sheet' AND ok = 1"), 1);
}

TEST_F(StudentCopyWindowTest, ClosingTheKioskWhilePrintingFinishesThePrintFirst) {
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    // The window goes while the printer still hangs; the printer comes back a moment later,
    // within the time closing gives a print in progress (kHungDeviceWait).
    std::thread printerComesBack([this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        releaseThePrinter();
    });
    window.reset();
    printerComesBack.join();
    EXPECT_EQ(printJobs("kind = 'sheet' AND ok = 1"), 1);
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
}

// Qt's messages (the staff log) while it lives.
class LogCapture {
  public:
    LogCapture() {
        current = this;
        previous_ = qInstallMessageHandler(&LogCapture::keep);
    }
    ~LogCapture() {
        qInstallMessageHandler(previous_);
        current = nullptr;
    }
    bool mentions(const QString& text) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const QString& line) { return line.contains(text); });
    }
    QStringList lines;

  private:
    static void keep(QtMsgType, const QMessageLogContext&, const QString& message) {
        if (current) current->lines << message;
    }
    static inline LogCapture* current = nullptr;
    QtMessageHandler previous_ = nullptr;
};

TEST_F(StudentCopyWindowTest, APrintTheStoreCannotRecordIsReportedAsPrinted) {
    LogCapture log;
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    // While the printer works, another connection (here the test's) holds the store's write
    // lock: the print thread cannot settle its row once the printer answers (db_locked after the
    // busy time-out).
    store->database().exec("BEGIN EXCLUSIVE");
    std::optional<bool> finished;
    QObject::connect(window->studentCopy(), &StudentCopyOffer::printFinished,
                     [&](bool ok) { finished = ok; });
    releaseThePrinter();
    const bool answered = waitFor([&] { return finished.has_value(); }, 20000);
    store->database().exec("ROLLBACK");
    ASSERT_TRUE(answered);

    // The sheet came out: the student is told to take it, not that printing failed.
    EXPECT_TRUE(*finished);
    EXPECT_TRUE(message().contains("已发送到打印机")) << message().toStdString();
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
    // The row is neither printed nor failed: unfinished, and the staff log says why.
    EXPECT_EQ(printJobs("1 = 1"), 1);
    EXPECT_EQ(printJobs("ok = 0 AND error = 'print_unfinished'"), 1);
    EXPECT_TRUE(log.mentions("could not be settled")) << log.lines.join("\n").toStdString();
    EXPECT_TRUE(log.mentions("(printed)")) << log.lines.join("\n").toStdString();
}

TEST_F(StudentCopyWindowTest, ClosingWhileThePrinterNeverAnswersReturnsAndKeepsTheJobUnfinished) {
    LogCapture log;
    startAPrintThatHangs();
    if (HasFatalFailure()) return;
    // Recorded before the printer was touched: the hung print is in the store already.
    EXPECT_EQ(printJobs("kind = 'sheet' AND booth_id = 'B7' AND ok = 0 AND "
                        "error = 'print_unfinished'"),
              1);
    const QPointer<QThread> leftBehind(printThread.load());
    ASSERT_FALSE(leftBehind.isNull());

    // Staff close the kiosk; the printer never answers while it closes.
    QElapsedTimer closing;
    closing.start();
    window.reset();
    const qint64 closedMs = closing.elapsed();
    EXPECT_GE(closedMs, kHungDeviceWait.count() - 50);  // it gave the print its moment
    EXPECT_LT(closedMs, kHungDeviceWait.count() + 1500) << closedMs;
    EXPECT_FALSE(leftBehind.isNull());  // still inside the printer, not terminated
    EXPECT_EQ(printJobs("ok = 1"), 0);
    EXPECT_EQ(printJobs("ok = 0 AND error = 'print_unfinished'"), 1);
    EXPECT_TRUE(log.mentions("closing while the printer has not answered"))
        << log.lines.join("\n").toStdString();

    // The next start names it for the staff, once.
    build({.print = true});
    EXPECT_EQ(printJobs("ok = 0 AND error = 'print_interrupted'"), 1);
    EXPECT_EQ(log.lines.filter("print(s) never finished").size(), 1)
        << log.lines.join("\n").toStdString();
    window.reset();
    build({.print = true});
    EXPECT_EQ(log.lines.filter("print(s) never finished").size(), 1);
    window.reset();

    // The printer answers at last: the thread left behind prints, settles its own row (the sheet
    // did come out) and goes away; nothing crashes.
    releaseThePrinter();
    ASSERT_TRUE(waitFor([&] { return printJobs("ok = 1") == 1; }));
    ASSERT_TRUE(waitFor([&] { return leftBehind.isNull(); }));
    EXPECT_EQ(printJobs("1 = 1"), 1);
    EXPECT_EQ(printJobs("kind = 'sheet' AND ok = 1 AND error = '' AND printer LIKE 'pdf:%'"), 1);
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
}

TEST_F(StudentCopyWindowTest, PrinterProblemIsShownInChinese) {
    build({.print = true});
    pdf = QDir(dir.path()).filePath("no/such/dir/sheet.pdf");  // the printer cannot start
    toApprovedStatus();
    button("printButton")->click();
    ASSERT_TRUE(waitFor([&] { return message().contains("打印失败"); })) << message().toStdString();
    EXPECT_TRUE(message().contains("无法开始打印")) << message().toStdString();
    EXPECT_TRUE(printButton()->isEnabled());
    EXPECT_EQ(printJobs("ok = 0"), 1);
}

TEST_F(StudentCopyWindowTest, PrinterSetUpFailingSettlesTheBegunRow) {
    build({.print = true});
    setUpFails = true;
    toApprovedStatus();
    button("printButton")->click();
    ASSERT_TRUE(waitFor([&] { return message().contains("打印失败"); })) << message().toStdString();
    EXPECT_TRUE(printButton()->isEnabled());
    // The row begun before the set-up is settled as failed, not left unfinished.
    EXPECT_EQ(printJobs("1 = 1"), 1);
    EXPECT_EQ(printJobs("ok = 0 AND error = 'print_failed'"), 1);
}

TEST_F(StudentCopyWindowTest, FullScreenViewShowsThePhotoLargeAndClosesOnTap) {
    build({.show = true});
    toApprovedStatus();
    button("showButton")->click();
    FullPhotoView* view = window->studentCopy()->fullView();
    ASSERT_TRUE(view);
    ASSERT_TRUE(waitFor([&] { return view->isVisible(); }, 3000));
    EXPECT_EQ(view->geometry(), window->rect());
    EXPECT_GT(view->photoRect().height(), window->height() * 3 / 4);
    saveShot("status-full-view.png");
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(10, 10), view->mapToGlobal(QPointF(10, 10)),
                      Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view, &press);
    EXPECT_TRUE(waitFor([&] { return !window->studentCopy()->fullView(); }, 3000));
}

TEST_F(StudentCopyWindowTest, ButtonsHiddenWhenTheBoothDoesNotEnableThem) {
    build({});
    toApprovedStatus();
    for (const char* name : {"usbButton", "printButton", "showButton"})
        EXPECT_FALSE(button(name)->isVisible()) << name;
    EXPECT_TRUE(window->page(FlowState::kStatus)
                    ->findChild<QLabel*>("detailLabel")
                    ->text()
                    .contains("请工作人员"));
}

}  // namespace
}  // namespace gradphoto::kiosk
