// The staff console under offscreen Qt: real SQLite files, real JPEGs, the replay camera.

#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <functional>

#include "booth_page.h"
#include "console_over_kiosk.h"
#include "console_window.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "qt_wait.h"
#include "replay_camera.h"
#include "review_page.h"
#include "staffed_console_test.h"
#include "test_support.h"
#include "today_page.h"

namespace {

namespace fs = std::filesystem;
using namespace gradphoto;
using console::BoothPage;
using console::ConsoleSetup;
using console::ConsoleWindow;
using console::ReviewPage;
using console::TodayPage;
using store::CaptureStatus;

bool waitFor(const std::function<bool()>& condition, int timeoutMs = 10000) {
    return gradphoto::test::waitFor(condition, timeoutMs);
}

void key(QWidget* target, int k, const QString& text = {}) {
    QKeyEvent press(QEvent::KeyPress, k, Qt::NoModifier, text);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, k, Qt::NoModifier, text);
    QApplication::sendEvent(target, &release);
    QApplication::processEvents();
}

std::vector<std::uint8_t> jpeg(int width, int height, QColor colour, const QString& label) {
    return test::consoleJpeg(width, height, colour, label);
}

std::string reportWith(const std::vector<std::pair<std::string, std::string>>& checks) {
    std::string json = R"({"ok":true,"preset":"chsi-blue","checks":[)";
    bool first = true;
    for (const auto& [id, status] : checks) {
        if (!first) json += ",";
        first = false;
        const std::string zh = status == "fail"   ? "不合格：" + id
                               : status == "warn" ? "注意：" + id
                                                  : "合格";
        json += R"({"id":")" + id + R"(","status":")" + status + R"(","message_zh":")" + zh +
                R"(","message_en":")" + id + " " + status + R"("})";
    }
    return json + "]}";
}

// A data folder with staff accounts, students, paid orders and submitted captures.
class ConsoleTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = store::SqliteRecordStore::open(dir_.path());
        store::StaffAccess access(*store_, [this] { return now_; });
        access.setPinIterations(1000);
        admin_ = access.addFirstAdmin("A001", "王老师", "246810");
        access.addAccount(admin_, "S001", "李老师", store::StaffRole::kStaff, "135790");
        settingsFile_ = QString::fromStdString((dir_ / "settings.json").string());
    }

    void addStudent(const std::string& no, const std::string& name, bool paid = true) {
        store::Student s;
        s.studentNo = no;
        s.name = name;
        s.idNumber = "440106199001011234";
        s.department = "计算机学院";
        store_->students().upsert(s);
        if (paid) {
            auto st = store_->database().prepare(
                "INSERT INTO payments (order_no, student_no, provider, amount_fen, state, "
                "created_at, updated_at, paid_at) VALUES (?1, ?2, 'wechat', 2000, 'paid', ?3, ?3, "
                "?3)");
            st.bind(1, "GP" + no).bind(2, no).bind(3, now_);
            st.run();
        }
    }

    std::int64_t submit(const std::string& no, const std::string& report,
                        QColor colour = QColor(60, 110, 190)) {
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        const auto raw = jpeg(1600, 1200, colour.darker(130), QString::fromStdString("RAW " + no));
        const auto final = jpeg(480, 640, colour, QString::fromStdString(no));
        return queue.recordAndSubmit({no, raw, final, report, "kiosk"}).id;
    }

    std::unique_ptr<ConsoleWindow> makeWindow(console::CameraFactory camera = {}) {
        ConsoleSetup setup;
        setup.dataDir = QString::fromStdString(dir_.path().string());
        setup.settingsFile = settingsFile_;
        setup.cameraFactory = std::move(camera);
        setup.clock = [this] { return now_; };
        auto window = std::make_unique<ConsoleWindow>(*store_, setup);
        window->resize(1440, 900);
        window->show();
        QApplication::processEvents();
        return window;
    }

    void signIn(ConsoleWindow& window, const QString& staffNo, const QString& pin) {
        auto& ui = window.signInPage().ui();
        ui.staffNoEdit->setText(staffNo);
        ui.pinEdit->setText(pin);
        ui.signInButton->click();
        QApplication::processEvents();
    }

    ReviewPage& review(ConsoleWindow& window) {
        return *qobject_cast<ReviewPage*>(window.page("review"));
    }

    QWidget* list(ConsoleWindow& window) { return review(window).ui().queueList; }

    CaptureStatus statusOf(std::int64_t id) { return store_->captures().find(id)->status; }

    bool audited(const std::string& action, std::int64_t captureId) {
        for (const auto& e : store_->audit().forSubject("capture:" + std::to_string(captureId)))
            if (e.action == action) return true;
        return false;
    }

    test::ScratchDir dir_{"console"};
    store::UnixTime now_ = 1780300800;  // 2026-06-01T08:00:00Z
    std::unique_ptr<store::SqliteRecordStore> store_;
    store::StaffAccount admin_;
    QString settingsFile_;
};

TEST_F(ConsoleTest, SignInWithTheRightPinOpensTheReviewQueue) {
    auto window = makeWindow();
    EXPECT_FALSE(window->isSignedIn());
    EXPECT_FALSE(window->signInPage().offersFirstAdmin());
    signIn(*window, "S001", "135790");
    ASSERT_TRUE(window->isSignedIn());
    EXPECT_EQ(window->currentPage()->pageId(), "review");
    EXPECT_TRUE(window->pageVisibleInSidebar("review"));
    EXPECT_TRUE(window->pageVisibleInSidebar("today"));
    EXPECT_FALSE(window->pageVisibleInSidebar("booth"));  // admin only
    EXPECT_FALSE(review(*window).ui().revokeButton->isVisible());
    bool found = false;
    for (const auto& e : store_->audit().forSubject("staff:S001"))
        found |= e.action == "staff.sign_in";
    EXPECT_TRUE(found);

    window->signOut();
    EXPECT_FALSE(window->isSignedIn());
    EXPECT_EQ(window->currentPage(), nullptr);
    signIn(*window, "A001", "246810");
    ASSERT_TRUE(window->isSignedIn());
    EXPECT_TRUE(window->pageVisibleInSidebar("booth"));
}

TEST_F(ConsoleTest, WrongPinSaysHowManyTriesAreLeft) {
    auto window = makeWindow();
    signIn(*window, "S001", "000000");
    EXPECT_FALSE(window->isSignedIn());
    EXPECT_TRUE(window->signInPage().message().contains("还可尝试 4 次"))
        << window->signInPage().message().toStdString();
    EXPECT_TRUE(window->signInPage().ui().pinEdit->text().isEmpty());
    signIn(*window, "S999", "135790");
    EXPECT_FALSE(window->isSignedIn());
    EXPECT_TRUE(window->signInPage().message().contains("不正确"));
}

TEST_F(ConsoleTest, FiveWrongPinsLockTheAccountForMinutes) {
    auto window = makeWindow();
    for (int i = 0; i < 5; ++i) signIn(*window, "S001", "999999");
    const QString message = window->signInPage().message();
    EXPECT_TRUE(message.contains("锁定 5 分钟")) << message.toStdString();
    signIn(*window, "S001", "135790");  // the right PIN while locked
    EXPECT_FALSE(window->isSignedIn());
    EXPECT_TRUE(window->signInPage().message().contains("分钟"))
        << window->signInPage().message().toStdString();
    now_ += 6 * 60;  // the lockout runs out
    signIn(*window, "S001", "135790");
    EXPECT_TRUE(window->isSignedIn());
}

TEST(ConsoleFirstAdmin, AnEmptyStoreOffersToCreateTheFirstAdmin) {
    test::ScratchDir dir("console-empty");
    auto store = store::SqliteRecordStore::open(dir.path());
    ConsoleSetup setup;
    setup.dataDir = QString::fromStdString(dir.path().string());
    setup.settingsFile = QString::fromStdString((dir / "settings.json").string());
    ConsoleWindow window(*store, setup);
    window.show();
    ASSERT_TRUE(window.signInPage().offersFirstAdmin());
    auto& ui = window.signInPage().ui();
    ui.adminNoEdit->setText("A100");
    ui.adminNameEdit->setText("张老师");
    ui.adminPinEdit->setText("2468");
    ui.adminPinAgainEdit->setText("2469");
    ui.createAdminButton->click();
    EXPECT_FALSE(window.isSignedIn());
    EXPECT_TRUE(window.signInPage().message().contains("不一致"));
    ui.adminPinAgainEdit->setText("2468");
    ui.createAdminButton->click();
    ASSERT_TRUE(window.isSignedIn());
    EXPECT_TRUE(window.context().isAdmin());
    ASSERT_TRUE(store->staff().find("A100"));
    EXPECT_EQ(store->staff().find("A100")->role, store::StaffRole::kAdmin);
    window.signOut();
    EXPECT_FALSE(window.signInPage().offersFirstAdmin());
}

TEST_F(ConsoleTest, IdleSignsOut) {
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    ASSERT_TRUE(window->isSignedIn());
    window->setIdleSignOutSeconds(1);
    EXPECT_TRUE(waitFor([&] { return !window->isSignedIn(); }, 5000));
    EXPECT_TRUE(window->signInPage().message().contains("自动退出"));
    bool found = false;
    for (const auto& e : store_->audit().forSubject("staff:S001"))
        found |= e.action == "staff.sign_out";
    EXPECT_TRUE(found);
}

TEST_F(ConsoleTest, QueueShowsPendingOldestFirstWithThumbnails) {
    addStudent("2020001", "张三丰");
    addStudent("2020002", "李四");
    addStudent("2020003", "欧阳娜娜");
    const auto first = submit("2020001", reportWith({{"exposure", "pass"}}));
    const auto second = submit("2020002", reportWith({{"exposure", "pass"}}));
    const auto third = submit("2020003", reportWith({{"exposure", "pass"}}));
    {
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        queue.approve(second, admin_);
    }
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    auto& page = review(*window);
    auto& model = page.model();
    ASSERT_EQ(model.rowCount(), 2);  // pending only
    EXPECT_EQ(model.entry(0).id, first);
    EXPECT_EQ(model.entry(1).id, third);
    EXPECT_EQ(page.currentCaptureId(), first);
    // Names are masked on screen.
    const QString text = model.data(model.index(0), Qt::DisplayRole).toString();
    EXPECT_TRUE(text.contains("张*丰")) << text.toStdString();
    EXPECT_FALSE(text.contains("张三丰"));
    // Thumbnails: decoded when painted, then served from the cache.
    page.ui().queueList->grab();
    const auto pixmap = model.data(model.index(0), Qt::DecorationRole).value<QPixmap>();
    ASSERT_FALSE(pixmap.isNull());
    EXPECT_LE(pixmap.height(), 96);
    const int decodes = page.thumbnails().decodes();
    EXPECT_GE(decodes, 1);
    (void)model.data(model.index(0), Qt::DecorationRole);
    (void)model.data(model.index(1), Qt::DecorationRole);
    EXPECT_LE(page.thumbnails().decodes(), 2);
    // The detail: both photos, the header with the masked name.
    EXPECT_FALSE(page.ui().finalImage->pixmap().isNull());
    EXPECT_EQ(page.ui().finalImage->pixmap().size(), QSize(480, 640));  // 1:1
    EXPECT_FALSE(page.ui().rawImage->pixmap().isNull());
    EXPECT_TRUE(page.ui().headerLabel->text().contains("张*丰"));
    // The "all" filter: pending first.
    page.ui().filterCombo->setCurrentIndex(3);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.entry(0).status, CaptureStatus::kSubmitted);
    EXPECT_EQ(model.entry(1).status, CaptureStatus::kSubmitted);
    EXPECT_EQ(model.entry(2).id, second);
}

TEST_F(ConsoleTest, ChecksShowFailedAndWarnedFirst) {
    addStudent("2020001", "张三丰");
    submit("2020001", reportWith({{"exposure", "pass"},
                                  {"head_yaw", "warn"},
                                  {"clothing_contrast", "fail"},
                                  {"sharpness", "pass"}}));
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    auto* table = review(*window).ui().checksTable;
    ASSERT_EQ(table->rowCount(), 4);
    EXPECT_EQ(table->item(0, 0)->text(), "不合格");
    EXPECT_TRUE(table->item(0, 1)->text().contains("衣服颜色与背景相近"));
    EXPECT_EQ(table->item(0, 2)->text(), "不合格：clothing_contrast");
    EXPECT_EQ(table->item(1, 0)->text(), "注意");
    EXPECT_EQ(table->item(2, 0)->text(), "合格");
}

TEST_F(ConsoleTest, EnterApprovesAndSelectsTheNextPending) {
    addStudent("2020001", "张三丰");
    addStudent("2020002", "李四");
    const auto first = submit("2020001", reportWith({{"exposure", "pass"}}));
    const auto second = submit("2020002", reportWith({{"exposure", "pass"}}));
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    ASSERT_EQ(review(*window).currentCaptureId(), first);
    key(list(*window), Qt::Key_Return);
    EXPECT_EQ(statusOf(first), CaptureStatus::kApproved);
    EXPECT_TRUE(audited("capture.approve", first));
    const auto reviews = store_->captures().reviewsOf(first);
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].staffNo, "S001");
    EXPECT_EQ(review(*window).currentCaptureId(), second);
    EXPECT_EQ(review(*window).model().rowCount(), 1);
    EXPECT_TRUE(review(*window).message().contains("已通过"));
}

TEST_F(ConsoleTest, RAndAReasonRejectsWithTheFailedChecksReasonFirst) {
    addStudent("2020001", "张三丰");
    addStudent("2020002", "李四");
    const auto first =
        submit("2020001",
               reportWith({{"exposure", "pass"}, {"jewellery", "fail"}, {"head_roll", "fail"}}));
    const auto second = submit("2020002", reportWith({{"exposure", "pass"}}));
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    key(list(*window), Qt::Key_R, "r");
    auto* dialog = review(*window).openDialog();
    ASSERT_NE(dialog, nullptr);
    const auto codes = dialog->listedCodes();
    ASSERT_GE(codes.size(), 3u);
    EXPECT_EQ(codes[0], "jewellery");
    EXPECT_EQ(codes[1], "head_pose");
    EXPECT_EQ(dialog->reasonCode(), "jewellery");
    // Esc cancels: nothing changes.
    key(dialog->ui().reasonList, Qt::Key_Escape);
    EXPECT_TRUE(waitFor([&] { return review(*window).openDialog() == nullptr; }));
    EXPECT_EQ(statusOf(first), CaptureStatus::kSubmitted);

    key(list(*window), Qt::Key_R, "r");
    dialog = review(*window).openDialog();
    ASSERT_NE(dialog, nullptr);
    key(dialog->ui().reasonList, Qt::Key_Down);  // the second suggestion: head_pose
    dialog->ui().noteEdit->setText("头向右歪");
    key(dialog->ui().noteEdit, Qt::Key_Return);
    EXPECT_TRUE(waitFor([&] { return statusOf(first) == CaptureStatus::kRejected; }));
    const auto reviews = store_->captures().reviewsOf(first);
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(reviews[0].reasonCode, "head_pose");
    EXPECT_EQ(reviews[0].note, "头向右歪");
    EXPECT_TRUE(audited("capture.reject", first));
    EXPECT_EQ(review(*window).currentCaptureId(), second);
}

TEST_F(ConsoleTest, AnUnpaidCaptureIsRefused) {
    addStudent("2020001", "张三丰", /*paid=*/false);
    const auto id = submit("2020001", reportWith({{"exposure", "pass"}}));
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    key(list(*window), Qt::Key_Enter);
    EXPECT_EQ(statusOf(id), CaptureStatus::kSubmitted);
    EXPECT_TRUE(review(*window).message().contains("尚未缴费"))
        << review(*window).message().toStdString();
    EXPECT_FALSE(audited("capture.approve", id));
    EXPECT_EQ(review(*window).currentCaptureId(), id);  // still there
}

TEST_F(ConsoleTest, KeyboardFlowThroughSeveralEntries) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 5; ++i) {
        const std::string no = "202100" + std::to_string(i);
        addStudent(no, "学生" + std::to_string(i));
        ids.push_back(submit(no, reportWith({{"clothing_contrast", i == 1 ? "fail" : "pass"}})));
    }
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    QWidget* queue = list(*window);
    key(queue, Qt::Key_Return);  // approve 0
    key(queue, Qt::Key_R, "r");  // reject 1 with the suggested reason
    auto* dialog = review(*window).openDialog();
    ASSERT_NE(dialog, nullptr);
    key(dialog->ui().reasonList, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return statusOf(ids[1]) == CaptureStatus::kRejected; }));
    EXPECT_EQ(review(*window).currentCaptureId(), ids[2]);
    key(queue, Qt::Key_J, "j");  // skip 2
    EXPECT_EQ(review(*window).currentCaptureId(), ids[3]);
    key(queue, Qt::Key_Return);  // approve 3
    EXPECT_EQ(review(*window).currentCaptureId(), ids[4]);
    key(queue, Qt::Key_K, "k");  // back to 2
    EXPECT_EQ(review(*window).currentCaptureId(), ids[2]);
    key(queue, Qt::Key_Down);
    EXPECT_EQ(review(*window).currentCaptureId(), ids[4]);
    key(queue, Qt::Key_Up);
    key(queue, Qt::Key_Return);  // approve 2
    EXPECT_EQ(statusOf(ids[0]), CaptureStatus::kApproved);
    EXPECT_EQ(store_->captures().reviewsOf(ids[1])[0].reasonCode, "clothing_contrast");
    EXPECT_EQ(statusOf(ids[2]), CaptureStatus::kApproved);
    EXPECT_EQ(statusOf(ids[3]), CaptureStatus::kApproved);
    EXPECT_EQ(statusOf(ids[4]), CaptureStatus::kSubmitted);
    EXPECT_EQ(review(*window).currentCaptureId(), ids[4]);
    key(queue, Qt::Key_Return);
    EXPECT_EQ(review(*window).model().rowCount(), 0);
    EXPECT_TRUE(review(*window).ui().headerLabel->text().contains("没有需要处理的照片"));
}

TEST_F(ConsoleTest, AnAdminRevokesAnApprovalWithAReason) {
    addStudent("2020001", "张三丰");
    const auto id = submit("2020001", reportWith({{"exposure", "pass"}}));
    auto window = makeWindow();
    signIn(*window, "A001", "246810");
    key(list(*window), Qt::Key_Return);
    ASSERT_EQ(statusOf(id), CaptureStatus::kApproved);
    auto& page = review(*window);
    page.ui().filterCombo->setCurrentIndex(1);  // approved
    ASSERT_EQ(page.currentCaptureId(), id);
    EXPECT_TRUE(page.ui().revokeButton->isEnabled());
    key(list(*window), Qt::Key_V, "v");
    auto* dialog = page.openDialog();
    ASSERT_NE(dialog, nullptr);
    const auto codes = dialog->listedCodes();
    const auto wrongPerson = std::find(codes.begin(), codes.end(), "wrong_person") - codes.begin();
    dialog->ui().reasonList->setCurrentRow(static_cast<int>(wrongPerson));
    key(dialog->ui().reasonList, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] { return statusOf(id) == CaptureStatus::kRejected; }));
    EXPECT_TRUE(audited("capture.revoke", id));
    EXPECT_EQ(store_->captures().reviewsOf(id).back().reasonCode, "wrong_person");
}

TEST_F(ConsoleTest, TheQueueStaysFastWithFiftyThousandRows) {
    addStudent("2020001", "张三丰");
    submit("2020001", reportWith({{"exposure", "pass"}}));
    const auto photo = store_->captures().find(1);
    // 50,000 current submitted captures of 50,000 students, straight into the tables.
    store_->inTransaction([&] {
        auto student = store_->database().prepare(
            "INSERT INTO students (student_no, name, id_number, status, created_at, updated_at) "
            "VALUES (?1, '学生', '', 'submitted', 0, 0)");
        auto capture = store_->database().prepare(
            "INSERT INTO captures (student_no, raw_sha256, final_sha256, report_json, "
            "checks_failed, "
            "status, created_at, submitted_at) VALUES (?1, ?2, ?3, '{}', 0, 'submitted', ?4, ?4)");
        for (int i = 0; i < 50000; ++i) {
            const std::string no = "3" + std::to_string(1000000 + i);
            student.bind(1, no);
            student.run();
            student.reset();
            capture.bind(1, no)
                .bind(2, photo->rawSha256)
                .bind(3, photo->finalSha256)
                .bind(4, now_ + 10 + i);
            capture.run();
            capture.reset();
        }
    });
    auto window = makeWindow();
    QElapsedTimer timer;
    timer.start();
    signIn(*window, "S001", "135790");
    auto& page = review(*window);
    EXPECT_EQ(page.model().rowCount(), 50);
    EXPECT_EQ(page.model().pagesFetched(), 1);
    // Down to the end of the first pages: each page is fetched on demand.
    for (int i = 0; i < 120; ++i) key(list(*window), Qt::Key_J, "j");
    EXPECT_GE(page.model().rowCount(), 121);
    EXPECT_LE(page.model().rowCount(), 200);
    EXPECT_LT(timer.elapsed(), 20000);  // generous: the shared build machine is busy
    EXPECT_TRUE(page.ui().countLabel->text().contains("50001"));
}

TEST_F(ConsoleTest, SettingsEditorKeepsEveryOtherKey) {
    {
        QFile file(settingsFile_);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(R"({"kiosk": {"booth_id": "B7", "idle_seconds": 90, "fee_fen": 2000,
                       "language": "zh", "staff_pin": "2580"},
                       "payment": {"provider": "wechat", "wechat": {"mchid": "1900000001"}},
                       "resolver": {"kind": "roster"},
                       "future_section": [1, 2, {"x": true}]})");
    }
    auto window = makeWindow();
    signIn(*window, "A001", "246810");
    window->showPage("booth");
    auto* page = qobject_cast<BoothPage*>(window->page("booth"));
    ASSERT_EQ(window->currentPage(), page);
    auto& ui = page->ui();
    EXPECT_EQ(ui.idleSpin->value(), 90);
    EXPECT_DOUBLE_EQ(ui.feeSpin->value(), 20.0);
    ui.idleSpin->setValue(120);
    ui.feeSpin->setValue(25.5);
    ui.phoneEdit->setText("020-12345678");
    ui.presetCombo->setCurrentText("chsi-white");
    ui.saveButton->click();
    EXPECT_TRUE(ui.settingsMessage->text().contains("已保存"))
        << ui.settingsMessage->text().toStdString();

    QFile file(settingsFile_);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject kiosk = root["kiosk"].toObject();
    EXPECT_EQ(kiosk["idle_seconds"].toInt(), 120);
    EXPECT_EQ(kiosk["fee_fen"].toInt(), 2550);
    EXPECT_EQ(kiosk["help_phone"].toString(), "020-12345678");
    EXPECT_EQ(kiosk["preset"].toString(), "chsi-white");
    EXPECT_EQ(kiosk["booth_id"].toString(), "B7");
    EXPECT_EQ(kiosk["staff_pin"].toString(), "2580");
    EXPECT_EQ(kiosk["language"].toString(), "zh");
    EXPECT_EQ(root["payment"].toObject()["wechat"].toObject()["mchid"].toString(), "1900000001");
    EXPECT_EQ(root["resolver"].toObject()["kind"].toString(), "roster");
    EXPECT_EQ(root["future_section"].toArray().size(), 3);
    EXPECT_FALSE(QFile::exists(settingsFile_ + ".tmp"));
}

TEST_F(ConsoleTest, AMalformedSettingsFileIsNeverOverwritten) {
    {
        QFile file(settingsFile_);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("{\"kiosk\": {\"idle_seconds\": 90,");
    }
    auto window = makeWindow();
    signIn(*window, "A001", "246810");
    window->showPage("booth");
    auto* page = qobject_cast<BoothPage*>(window->page("booth"));
    EXPECT_FALSE(page->ui().saveButton->isEnabled());
    EXPECT_TRUE(page->ui().settingsMessage->text().contains("无法读取"));
    page->saveSettings();  // even when called directly
    QFile file(settingsFile_);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("{\"kiosk\": {\"idle_seconds\": 90,"));
}

TEST_F(ConsoleTest, PlateCaptureWritesTheFileAndChecksTheLighting) {
    const fs::path frames = dir_ / "frames";
    fs::create_directories(frames);
    QImage plate(1280, 960, QImage::Format_RGB888);
    plate.fill(QColor(60, 130, 190));
    ASSERT_TRUE(plate.save(QString::fromStdString((frames / "empty-booth.png").string())));
    auto window = makeWindow([frames](const kiosk::CameraSettings&) {
        return std::make_unique<kiosk::ReplayCamera>(QString::fromStdString(frames.string()), 30);
    });
    signIn(*window, "A001", "246810");
    window->showPage("booth");
    auto* page = qobject_cast<BoothPage*>(window->page("booth"));
    ASSERT_TRUE(page->cameraRunning());
    ASSERT_TRUE(waitFor([&] { return !page->lastFrame().isNull(); }));
    page->ui().plateButton->click();
    const QString file = page->platePath();
    EXPECT_TRUE(file.endsWith("booth/plate.jpg"));
    ASSERT_TRUE(waitFor([&] { return QFile::exists(file); }));
    const QImage saved(file);
    EXPECT_EQ(saved.size(), QSize(1280, 960));
    EXPECT_LT(std::abs(qRed(saved.pixel(640, 480)) - 60), 6);
    ASSERT_TRUE(page->lastLighting().has_value());
    EXPECT_TRUE(page->lastLighting()->pass());
    EXPECT_TRUE(page->ui().lightingSummary->text().contains("灯光良好"));
    // Leaving the page stops the camera.
    window->showPage("review");
    EXPECT_FALSE(page->cameraRunning());
}

TEST_F(ConsoleTest, TodayCountsSessionsPaymentsAndDecisions) {
    addStudent("2020001", "张三丰");
    addStudent("2020002", "李四");
    addStudent("2020003", "王五", false);
    {
        auto st = store_->database().prepare(
            "INSERT INTO payments (order_no, student_no, provider, amount_fen, state, settlement, "
            "created_at, updated_at, paid_at) VALUES ('GP-CASH', '2020003', 'staff', 2000, 'paid', "
            "'cash', ?1, ?1, ?1)");
        st.bind(1, now_);
        st.run();
        auto sessions = store_->database().prepare(
            "INSERT INTO kiosk_sessions (booth_id, started_at, ended_at, outcome) VALUES "
            "('A1', ?1, ?1, 'submitted'), ('A1', ?1, ?1, 'submitted'), ('A1', ?1, ?1, 'idle'), "
            "('A1', ?2, ?2, 'cancelled')");
        sessions.bind(1, now_).bind(2, now_ - 3 * 24 * 3600);  // the last one is not today
        sessions.run();
    }
    const auto a = submit("2020001", reportWith({{"exposure", "pass"}}));
    const auto b = submit("2020002", reportWith({{"clothing_contrast", "fail"}}));
    {
        store::ReviewQueue queue(*store_, store::RejectReasons::load(), [this] { return ++now_; });
        queue.approve(a, admin_);
        queue.reject(b, admin_, "clothing_contrast", "");
    }
    auto window = makeWindow();
    signIn(*window, "S001", "135790");
    window->showPage("today");
    auto* page = qobject_cast<TodayPage*>(window->page("today"));
    const auto& f = page->figures();
    EXPECT_EQ(f.sessions, 3);
    EXPECT_EQ(f.paidOrders, 3);
    EXPECT_EQ(f.paidFen, 6000);
    EXPECT_EQ(f.cashOrders, 1);
    EXPECT_EQ(f.cashFen, 2000);
    EXPECT_EQ(f.activity.submitted, 2);
    EXPECT_EQ(f.activity.approved, 1);
    EXPECT_EQ(f.activity.rejected, 1);
    ASSERT_EQ(page->ui().reasonsTable->rowCount(), 1);
    EXPECT_EQ(page->ui().reasonsTable->item(0, 0)->text(), "衣服颜色与背景相近");
    EXPECT_TRUE(page->ui().paymentsFigure->text().contains("60.00"));
}

// Every page as a PNG (docs/screenshots/console-*.png are copies of these).
TEST_F(ConsoleTest, ScreenshotsOfEveryPage) {
    const QString out =
        qEnvironmentVariable("GRADPHOTO_CONSOLE_SCREENSHOTS", GRADPHOTO_CONSOLE_SCREENSHOT_DIR);
    QDir().mkpath(out);
    addStudent("2020001", "张三丰");
    addStudent("2020002", "李四");
    addStudent("2020003", "欧阳娜娜", false);
    submit("2020001", reportWith({{"face_count", "pass"},
                                  {"exposure", "pass"},
                                  {"clothing_contrast", "fail"},
                                  {"head_yaw", "warn"},
                                  {"sharpness", "pass"},
                                  {"jewellery", "pass"}}));
    submit("2020002", reportWith({{"exposure", "pass"}}), QColor(70, 120, 200));
    submit("2020003", reportWith({{"exposure", "pass"}}), QColor(80, 125, 185));
    const fs::path frames = dir_ / "frames";
    fs::create_directories(frames);
    QImage plate(1280, 720, QImage::Format_RGB888);
    for (int x = 0; x < plate.width(); ++x) {
        const int shade = 190 - x * 40 / plate.width();
        for (int y = 0; y < plate.height(); ++y) plate.setPixelColor(x, y, QColor(60, 130, shade));
    }
    plate.save(QString::fromStdString((frames / "booth.png").string()));
    auto window = makeWindow([frames](const kiosk::CameraSettings&) {
        return std::make_unique<kiosk::ReplayCamera>(QString::fromStdString(frames.string()), 30);
    });
    window->resize(1920, 1080);  // a staff desk's screen
    {
        auto sessions = store_->database().prepare(
            "INSERT INTO kiosk_sessions (booth_id, started_at, ended_at, outcome) VALUES "
            "('A1', ?1, ?1, 'submitted'), ('A1', ?1, ?1, 'submitted'), ('A1', ?1, ?1, "
            "'submitted'), ('A1', ?1, ?1, 'cancelled'), ('A1', ?1, ?1, 'idle'), "
            "('A1', ?1, ?1, 'status_checked')");
        sessions.bind(1, now_);
        sessions.run();
    }
    auto save = [&](const QString& name) {
        QApplication::processEvents();
        const QString file = QDir(out).filePath("console-" + name + ".png");
        EXPECT_TRUE(window->grab().save(file)) << file.toStdString();
        EXPECT_GT(QFileInfo(file).size(), 10000);
    };
    save("sign-in");
    signIn(*window, "S001", "1111");
    save("sign-in-wrong-pin");
    signIn(*window, "A001", "246810");
    save("review");
    key(list(*window), Qt::Key_R, "r");
    ASSERT_NE(review(*window).openDialog(), nullptr);
    {
        auto* dialog = review(*window).openDialog();
        QApplication::processEvents();
        dialog->grab().save(QDir(out).filePath("console-reject-dialog.png"));
        key(dialog->ui().reasonList, Qt::Key_Escape);
    }
    key(list(*window), Qt::Key_J, "j");
    key(list(*window), Qt::Key_J, "j");
    key(list(*window), Qt::Key_Return);  // unpaid: refused
    save("review-unpaid");
    key(list(*window), Qt::Key_K, "k");
    key(list(*window), Qt::Key_K, "k");
    key(list(*window), Qt::Key_R, "r");  // the first: clothing contrast
    ASSERT_NE(review(*window).openDialog(), nullptr);
    key(review(*window).openDialog()->ui().reasonList, Qt::Key_Return);
    key(list(*window), Qt::Key_Return);  // the second: approved
    window->showPage("booth");
    auto* booth = qobject_cast<BoothPage*>(window->page("booth"));
    ASSERT_TRUE(waitFor([&] { return !booth->lastFrame().isNull(); }));
    booth->ui().plateButton->click();
    ASSERT_TRUE(waitFor([&] { return booth->lastLighting().has_value(); }));
    waitFor([] { return false; }, 200);
    save("booth");
    window->showPage("today");
    save("today");
}

}  // namespace

namespace {

TEST(ConsoleLanguage, EnglishComesFromTheCompiledTranslation) {
    gradphoto::test::ScratchDir dir("console-en");
    auto store = gradphoto::store::SqliteRecordStore::open(dir.path());
    gradphoto::store::StaffAccess(*store).addFirstAdmin("A001", "Wang", "246810");
    gradphoto::console::ConsoleSetup setup;
    setup.dataDir = QString::fromStdString(dir.path().string());
    setup.settingsFile = QString::fromStdString((dir / "settings.json").string());
    setup.language = "en";
    {
        gradphoto::console::ConsoleWindow window(*store, setup);
        window.show();
        EXPECT_EQ(window.signInPage().ui().titleLabel->text(), "Staff sign-in");
        EXPECT_EQ(window.signInPage().ui().signInButton->text(), "Sign in");
        auto& ui = window.signInPage().ui();
        ui.staffNoEdit->setText("A001");
        ui.pinEdit->setText("0000");
        ui.signInButton->click();
        // The store's refusal in English too.
        EXPECT_TRUE(window.signInPage().message().contains("wrong PIN"))
            << window.signInPage().message().toStdString();
    }
    setup.language = "zh";
    gradphoto::console::ConsoleWindow chinese(*store, setup);
    EXPECT_EQ(chinese.signInPage().ui().titleLabel->text(), "工作人员登录");
}

}  // namespace

namespace {

TEST(ConsoleOverKiosk, OpensOverTheKioskAndClosesWhenStaffSignOut) {
    gradphoto::test::ScratchDir dir("console-over-kiosk");
    {
        auto store = gradphoto::store::SqliteRecordStore::open(dir.path());
        gradphoto::store::StaffAccess access(*store);
        access.setPinIterations(1000);
        access.addFirstAdmin("A001", "王老师", "246810");
    }
    QWidget kiosk;
    kiosk.show();
    gradphoto::console::ConsoleSetup setup;
    setup.dataDir = QString::fromStdString(dir.path().string());
    setup.settingsFile = QString::fromStdString((dir / "settings.json").string());
    int shown = 0;
    gradphoto::console::ConsoleOverKiosk overlay(setup, &kiosk, [&](QWidget& console) {
        ++shown;
        console.show();
    });
    int closed = 0;
    QObject::connect(&overlay, &gradphoto::console::ConsoleOverKiosk::closed, [&] { ++closed; });
    ASSERT_TRUE(overlay.open());
    auto* console = overlay.console();
    ASSERT_NE(console, nullptr);
    EXPECT_TRUE(console->isVisible());
    EXPECT_TRUE(overlay.open());  // the gesture again: the same window
    EXPECT_EQ(overlay.console(), console);
    EXPECT_EQ(shown, 1);
    auto& ui = console->signInPage().ui();
    ui.staffNoEdit->setText("A001");
    ui.pinEdit->setText("246810");
    ui.signInButton->click();
    ASSERT_TRUE(console->isSignedIn());
    console->signOut();
    EXPECT_EQ(closed, 1);
    EXPECT_EQ(overlay.console(), nullptr);
    EXPECT_TRUE(kiosk.isVisible());
    QApplication::processEvents();
    ASSERT_TRUE(overlay.open());  // and again later
    EXPECT_NE(overlay.console(), nullptr);
    EXPECT_EQ(shown, 2);
}

TEST(ConsoleOverKiosk, AnUnusableStoreIsReportedNotACrash) {
    gradphoto::test::ScratchDir dir("console-over-kiosk-bad");
    {
        QFile garbage(QString::fromStdString((dir / "gradphoto.db").string()));
        ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
        garbage.write("this is not a database, just some bytes to look like one......");
    }
    gradphoto::console::ConsoleSetup setup;
    setup.dataDir = QString::fromStdString(dir.path().string());
    gradphoto::console::ConsoleOverKiosk overlay(setup, nullptr, {});
    EXPECT_FALSE(overlay.open());
    EXPECT_EQ(overlay.console(), nullptr);
}

}  // namespace
