#include "queue_model.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPixmap>
#include <unordered_set>

#include "gradphoto/store/masking.h"

namespace gradphoto::console {

QString statusText(store::CaptureStatus status) {
    switch (status) {
        case store::CaptureStatus::kCaptured:
            return QCoreApplication::translate("gradphoto::console::QueueModel", "未提交");
        case store::CaptureStatus::kSubmitted:
            return QCoreApplication::translate("gradphoto::console::QueueModel", "待审核");
        case store::CaptureStatus::kApproved:
            return QCoreApplication::translate("gradphoto::console::QueueModel", "已通过");
        case store::CaptureStatus::kRejected:
            return QCoreApplication::translate("gradphoto::console::QueueModel", "已退回");
    }
    return {};
}

QueueModel::QueueModel(store::ReviewQueue& queue, store::RecordStore& store,
                       ThumbnailCache& thumbnails, QObject* parent)
    : QAbstractListModel(parent), queue_(queue), store_(store), thumbnails_(thumbnails) {}

void QueueModel::load(std::optional<store::CaptureStatus> status) {
    beginResetModel();
    filter_ = status;
    rows_.clear();
    cursor_.reset();
    offset_ = 0;
    exhausted_ = false;
    pagesFetched_ = 0;
    rows_ = fetchPage();
    endResetModel();
}

std::vector<QueueModel::Row> QueueModel::fetchPage() {
    if (exhausted_) return {};
    store::QueueQuery query;
    query.status = filter_;
    query.limit = pageSize_;
    if (filter_)
        query.after = cursor_;
    else
        query.offset = offset_;
    const auto entries = queue_.list(query);
    ++pagesFetched_;
    if (static_cast<int>(entries.size()) < pageSize_) exhausted_ = true;
    offset_ += static_cast<int>(entries.size());
    std::unordered_set<std::int64_t> known;
    for (const auto& r : rows_) known.insert(r.entry.id);
    std::vector<Row> page;
    page.reserve(entries.size());
    for (const auto& e : entries) {
        if (e.submittedAt) cursor_ = std::make_pair(*e.submittedAt, e.id);
        if (known.count(e.id)) continue;  // offset paging after a decision moved a row
        Row row{e, {}};
        if (const auto capture = store_.captures().find(e.id))
            row.finalSha256 = capture->finalSha256;
        page.push_back(std::move(row));
    }
    return page;
}

int QueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size())) return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const auto& e = row.entry;
    switch (role) {
        case Qt::DisplayRole: {
            const QString when =
                e.submittedAt
                    ? QDateTime::fromSecsSinceEpoch(*e.submittedAt).toString("MM-dd HH:mm")
                    : QString();
            QString checks =
                e.checksFailed > 0
                    ? QCoreApplication::translate("gradphoto::console::QueueModel", "%n 项不合格",
                                                  nullptr, e.checksFailed)
                    : QCoreApplication::translate("gradphoto::console::QueueModel", "检查全部通过");
            // Pending is the usual case; other statuses are named.
            const QString status = e.status == store::CaptureStatus::kSubmitted
                                       ? QString()
                                       : statusText(e.status) + QStringLiteral(" · ");
            return QStringLiteral("%1  %2\n%3%4 · %5")
                .arg(QString::fromStdString(e.studentNo),
                     QString::fromStdString(store::maskName(e.name)), status, when, checks);
        }
        case Qt::DecorationRole:
            return thumbnails_.thumbnail(row.finalSha256);
        case Qt::ToolTipRole:
            return QStringLiteral("#%1").arg(e.id);
        case kCaptureIdRole:
            return QVariant::fromValue<qlonglong>(e.id);
        case kStatusRole:
            return static_cast<int>(e.status);
        default:
            return {};
    }
}

bool QueueModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !exhausted_;
}

void QueueModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || exhausted_) return;
    auto page = fetchPage();
    if (page.empty()) return;
    const int first = static_cast<int>(rows_.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    for (auto& row : page) rows_.push_back(std::move(row));
    endInsertRows();
}

int QueueModel::rowOf(std::int64_t captureId) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].entry.id == captureId) return static_cast<int>(i);
    return -1;
}

void QueueModel::updateCapture(const store::Capture& capture) {
    const int row = rowOf(capture.id);
    if (row < 0) return;
    if (filter_ && *filter_ != capture.status) {
        beginRemoveRows({}, row, row);
        rows_.erase(rows_.begin() + row);
        endRemoveRows();
        return;
    }
    auto& e = rows_[static_cast<std::size_t>(row)].entry;
    e.status = capture.status;
    emit dataChanged(index(row), index(row));
}

}  // namespace gradphoto::console
