#pragma once

// The console over a real SQLite store file, shared by the admin page and unfinished print tests:
// a data folder with an admin (A001, PIN 246810) and a staff member (S001, PIN 135790), booth B2's
// settings file, the fixture's clock, and a window signed in on a 1920x1080 screen.

#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "../export/export_fixture.h"
#include "console_window.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::test {

// A JPEG of width x height in colour with a white oval (a face's place) and label below it.
inline std::vector<std::uint8_t> consoleJpeg(int width, int height, QColor colour,
                                             const QString& label = {}) {
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(colour);
    QPainter painter(&image);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(std::max(12, height / 12));
    painter.setFont(font);
    painter.drawEllipse(QRect(width / 4, height / 6, width / 2, height / 2));
    if (!label.isEmpty())
        painter.drawText(QRect(0, height * 3 / 4, width, height / 5), Qt::AlignCenter, label);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return {bytes.begin(), bytes.end()};
}

class StaffedConsoleTest : public ::testing::Test {
  protected:
    explicit StaffedConsoleTest(const std::string& tag) : dir_(tag) {}

    void SetUp() override {
        store_ = store::SqliteRecordStore::open(dir_.path());
        store::StaffAccess access(*store_, [this] { return now_; });
        access.setPinIterations(1000);
        admin_ = access.addFirstAdmin("A001", "王老师", "246810");
        staff_ = access.addAccount(admin_, "S001", "李老师", store::StaffRole::kStaff, "135790");
        settingsFile_ = QString::fromStdString((dir_ / "settings.json").string());
        QFile settings(settingsFile_);
        ASSERT_TRUE(settings.open(QIODevice::WriteOnly));
        settings.write(R"({"kiosk": {"booth_id": "B2"}})");
    }

    // A window over the store, signed in as staffNo with pin.
    std::unique_ptr<console::ConsoleWindow> signedIn(const QString& staffNo, const QString& pin,
                                                     const QString& language = "zh") {
        console::ConsoleSetup setup;
        setup.language = language;
        setup.dataDir = QString::fromStdString(dir_.path().string());
        setup.settingsFile = settingsFile_;
        setup.clock = [this] { return now_; };
        auto window = std::make_unique<console::ConsoleWindow>(*store_, setup);
        window->resize(1920, 1080);
        window->show();
        signIn(*window, staffNo, pin);
        return window;
    }
    static void signIn(console::ConsoleWindow& window, const QString& staffNo, const QString& pin) {
        auto& ui = window.signInPage().ui();
        ui.staffNoEdit->setText(staffNo);
        ui.pinEdit->setText(pin);
        ui.signInButton->click();
        QApplication::processEvents();
    }

    // The page id of window, shown, as its class.
    template <typename Page>
    Page& page(console::ConsoleWindow& window, const QString& id) {
        window.showPage(id);
        QApplication::processEvents();
        auto* p = qobject_cast<Page*>(window.page(id));
        EXPECT_NE(p, nullptr) << id.toStdString();
        return *p;
    }

    // The console screenshots (docs/screenshots/console-NAME.png), as ScreenshotsOfEveryPage.
    static void screenshot(console::ConsoleWindow& window, const QString& name) {
        const QString out =
            qEnvironmentVariable("GRADPHOTO_CONSOLE_SCREENSHOTS", GRADPHOTO_CONSOLE_SCREENSHOT_DIR);
        QDir().mkpath(out);
        QApplication::processEvents();
        const QString file = QDir(out).filePath("console-" + name + ".png");
        EXPECT_TRUE(window.grab().save(file)) << file.toStdString();
    }

    ScratchDir dir_;
    store::UnixTime now_ = 1780300800;  // 2026-06-01T08:00:00Z
    std::unique_ptr<store::SqliteRecordStore> store_;
    store::StaffAccount admin_, staff_;
    QString settingsFile_;
};

}  // namespace gradphoto::test
