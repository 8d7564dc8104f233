#pragma once

// The statistics charts of the admin console: per day, bars of submissions, approvals and
// rejections (all booths together), and a pie of the rejection reasons of the period.
//
//   auto* chart = new StatisticsChart(parent);
//   chart->setReport(stats::collectStatistics(store->database(), query));

#include <QWidget>

#include "gradphoto/stats/statistics.h"
#include "gradphoto/store/reject_reasons.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QLabel;
QT_END_NAMESPACE

namespace gradphoto::stats_gui {

class StatisticsChart : public QWidget {
  public:
    // reasons: labels for the reason codes (Chinese); the codes themselves when a code is unknown.
    explicit StatisticsChart(store::RejectReasons reasons, QWidget* parent = nullptr);

    void setReport(const stats::StatisticsReport& report);

    // For tests and the console: how many day categories and reason slices are shown.
    int dayCount() const { return dayCount_; }
    int reasonCount() const { return reasonCount_; }

  private:
    std::string reasonLabel(const std::string& code) const;

    store::RejectReasons reasons_;
    QChartView* daysView_ = nullptr;
    QChartView* reasonsView_ = nullptr;
    QLabel* summary_ = nullptr;
    int dayCount_ = 0;
    int reasonCount_ = 0;
};

}  // namespace gradphoto::stats_gui
