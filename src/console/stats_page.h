#pragma once

#include "console_page.h"
#include "gradphoto/stats/statistics.h"
#include "statistics_chart.h"
#include "ui_console_stats_page.h"

namespace gradphoto::console {

// Statistics (admins): a date range, the charts (stats_gui::StatisticsChart), one table row per
// day (all booths together) and the total, and the CSV of the stats core.
class StatsPage : public ConsolePage {
    Q_OBJECT
  public:
    StatsPage(ConsoleContext& context, QWidget* parent);

    QString title() const override { return tr("统计"); }
    QString pageId() const override { return "stats"; }
    bool adminOnly() const override { return true; }
    void activate() override { refresh(); }

    void refresh();
    // Writes the report's CSV (stats::statisticsCsv) atomically; false (and says why) on error.
    bool exportCsv(const QString& file);
    const stats::StatisticsReport& report() const { return report_; }
    stats_gui::StatisticsChart& chart() { return *chart_; }
    Ui::ConsoleStatsPage& ui() { return ui_; }

  private:
    Ui::ConsoleStatsPage ui_;
    stats_gui::StatisticsChart* chart_ = nullptr;
    stats::StatisticsReport report_;
    bool rangeSet_ = false;
};

}  // namespace gradphoto::console
