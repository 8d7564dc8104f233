// The admin console's statistics charts render offscreen: bars per day, a pie of rejection
// reasons, a summary line; saved as PNG and checked not to be blank.

#include <gtest/gtest.h>

#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <cstdlib>
#include <set>

#include "statistics_chart.h"
#include "test_support.h"

namespace gradphoto::stats_gui {
namespace {

stats::StatisticsReport sampleReport() {
    stats::StatisticsReport report;
    const std::vector<std::tuple<std::string, std::string, int, int, int>> days{
        {"2026-06-01", "A1", 40, 0, 0},
        {"2026-06-01", "B2", 25, 0, 0},
        {"2026-06-02", "A1", 30, 35, 12},
        {"2026-06-03", "A1", 18, 28, 7}};
    for (const auto& [day, booth, submitted, approved, rejected] : days) {
        stats::BoothDay row;
        row.day = day;
        row.booth = booth;
        row.sessions = submitted + 3;
        row.submissions = submitted;
        row.approvals = approved;
        row.rejections = rejected;
        row.paid = {submitted, submitted * 2000};
        row.prints = approved;
        if (rejected > 0) {
            row.rejectionsByReason["clothing_contrast"] = rejected / 2;
            row.rejectionsByReason["background_uniform"] = rejected - rejected / 2;
            row.firstDecided = approved + rejected;
            row.firstApproved = approved;
        }
        report.rows.push_back(row);
        report.total.add(row);
    }
    return report;
}

// Distinct colours in a coarse grid of samples: a blank widget has one or two.
std::size_t colourCount(const QImage& image) {
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
    return colours.size();
}

TEST(StatisticsChart, RendersBarsAndReasonsToPng) {
    StatisticsChart chart(store::RejectReasons::load());
    chart.resize(1000, 520);
    chart.setReport(sampleReport());
    EXPECT_EQ(chart.dayCount(), 3);
    EXPECT_EQ(chart.reasonCount(), 2);
    auto* summary = chart.findChild<QLabel*>("statisticsSummary");
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("提交 113")));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("首次通过率")));
    EXPECT_TRUE(summary->text().contains(QStringLiteral("打印 63 张")));

    const QImage image = chart.grab().toImage();
    ASSERT_FALSE(image.isNull());
    gradphoto::test::ScratchDir dir("gradphoto-chart");
    const auto png = dir / "statistics.png";
    ASSERT_TRUE(image.save(QString::fromStdString(png.string()), "PNG"));
    // To look at it: GRADPHOTO_CHART_PNG=/tmp/chart.png test_print
    if (const char* keep = std::getenv("GRADPHOTO_CHART_PNG")) image.save(keep, "PNG");
    QImage back(QString::fromStdString(png.string()));
    ASSERT_EQ(back.size(), image.size());
    EXPECT_GT(colourCount(back), 20u) << "the chart looks blank";
    // The bar colours are on screen (submissions blue, rejections red).
    bool blue = false, red = false;
    for (int y = 0; y < back.height(); ++y)
        for (int x = 0; x < back.width(); ++x) {
            const QColor c = back.pixelColor(x, y);
            blue = blue || (c.red() == 0x3d && c.green() == 0x7e && c.blue() == 0xd6);
            red = red || (c.red() == 0xd9 && c.green() == 0x53 && c.blue() == 0x4f);
        }
    EXPECT_TRUE(blue);
    EXPECT_TRUE(red);
}

TEST(StatisticsChart, AnEmptyPeriodStillRenders) {
    StatisticsChart chart(store::RejectReasons::load());
    chart.resize(800, 400);
    chart.setReport({});
    EXPECT_EQ(chart.dayCount(), 0);
    EXPECT_EQ(chart.reasonCount(), 0);
    const QImage image = chart.grab().toImage();
    EXPECT_FALSE(image.isNull());
    EXPECT_GT(colourCount(image), 2u);  // titles, axes, summary text
    // A second report replaces the first.
    chart.setReport(sampleReport());
    EXPECT_EQ(chart.dayCount(), 3);
}

}  // namespace
}  // namespace gradphoto::stats_gui
