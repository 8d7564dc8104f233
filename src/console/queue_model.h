#pragma once

#include <QAbstractListModel>
#include <optional>
#include <vector>

#include "gradphoto/store/review_queue.h"
#include "thumbnail_cache.h"

namespace gradphoto::console {

// The review queue as a list model that pages: the first page on load, the next one when the
// view scrolls to the end (canFetchMore / fetchMore). With a status filter it pages by keyset
// (QueueQuery::after: as fast deep in a 50,000-row queue as on the first page); "all" pages by
// offset, pending first. Thumbnails are asked for only when a row is painted.
class QueueModel : public QAbstractListModel {
    Q_OBJECT
  public:
    enum Role { kCaptureIdRole = Qt::UserRole + 1, kStatusRole };

    QueueModel(store::ReviewQueue& queue, store::RecordStore& store, ThumbnailCache& thumbnails,
               QObject* parent = nullptr);

    // status empty: every current capture, pending first.
    void load(std::optional<store::CaptureStatus> status);
    std::optional<store::CaptureStatus> filter() const { return filter_; }
    void setPageSize(int rows) { pageSize_ = rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const store::QueueEntry& entry(int row) const {
        return rows_[static_cast<std::size_t>(row)].entry;
    }
    int rowOf(std::int64_t captureId) const;
    // After a decision: the row takes the capture's new status, or leaves the list when the
    // filter no longer matches it.
    void updateCapture(const store::Capture& capture);
    int pagesFetched() const { return pagesFetched_; }

  private:
    struct Row {
        store::QueueEntry entry;
        std::string finalSha256;
    };

    std::vector<Row> fetchPage();

    store::ReviewQueue& queue_;
    store::RecordStore& store_;
    ThumbnailCache& thumbnails_;
    std::optional<store::CaptureStatus> filter_ = store::CaptureStatus::kSubmitted;
    std::vector<Row> rows_;
    std::optional<std::pair<store::UnixTime, std::int64_t>> cursor_;
    int offset_ = 0;
    bool exhausted_ = false;
    int pageSize_ = 50;
    int pagesFetched_ = 0;
};

// 待审核, 已通过, ... in the console's language.
QString statusText(store::CaptureStatus status);

}  // namespace gradphoto::console
