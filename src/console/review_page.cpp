#include "review_page.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QScrollBar>

#include "console_text.h"
#include "gradphoto/store/masking.h"

namespace gradphoto::console {

namespace {

int statusRank(const QString& status) {
    if (status == "fail") return 0;
    if (status == "warn") return 1;
    if (status == "unknown") return 2;
    return 3;
}

}  // namespace

ReviewPage::ReviewPage(ConsoleContext& context, QWidget* parent) : ConsolePage(context, parent) {
    ui_.setupUi(this);
    thumbnails_ = std::make_unique<ThumbnailCache>(context_.store.photos(), QSize(72, 96));
    model_ = new QueueModel(context_.queue, context_.store, *thumbnails_, this);
    ui_.queueList->setModel(model_);
    ui_.queueList->setIconSize(QSize(72, 96));
    ui_.queueList->setSpacing(2);
    ui_.queueList->installEventFilter(this);
    ui_.queueList->setFocusPolicy(Qt::StrongFocus);

    ui_.filterCombo->addItem(tr("待审核（先到先审）"),
                             static_cast<int>(store::CaptureStatus::kSubmitted));
    ui_.filterCombo->addItem(tr("已通过"), static_cast<int>(store::CaptureStatus::kApproved));
    ui_.filterCombo->addItem(tr("已退回"), static_cast<int>(store::CaptureStatus::kRejected));
    ui_.filterCombo->addItem(tr("全部（待审核在前）"), -1);
    connect(ui_.filterCombo, &QComboBox::currentIndexChanged, this, [this] {
        reload();
        ui_.queueList->setFocus();
    });

    ui_.checksTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    ui_.checksTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    ui_.checksTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    ui_.checksTable->verticalHeader()->hide();
    ui_.rawScroll->setWidgetResizable(false);
    ui_.finalScroll->setWidgetResizable(false);

    connect(ui_.approveButton, &QPushButton::clicked, this, &ReviewPage::approveCurrent);
    connect(ui_.rejectButton, &QPushButton::clicked, this, &ReviewPage::rejectCurrent);
    connect(ui_.revokeButton, &QPushButton::clicked, this, &ReviewPage::revokeCurrent);
    connect(ui_.printButton, &QPushButton::clicked, this, &ReviewPage::printCurrent);
    connect(ui_.queueList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReviewPage::showCurrent);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &ReviewPage::updateCount);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &ReviewPage::updateCount);
    connect(model_, &QAbstractItemModel::modelReset, this, &ReviewPage::updateCount);
}

void ReviewPage::activate() {
    ui_.revokeButton->setVisible(context_.isAdmin());
    ui_.keysLabel->setText(
        context_.isAdmin() ? tr("↑/↓ 或 J/K 切换 · Enter 通过 · R 退回 · V 撤销通过 · Z 原图 1:1")
                           : tr("↑/↓ 或 J/K 切换 · Enter 通过 · R 退回 · Z 原图 1:1"));
    reload();
    ui_.queueList->setFocus();
}

void ReviewPage::deactivate() {
    if (dialog_) dialog_->reject();
}

void ReviewPage::reload() {
    const int value = ui_.filterCombo->currentData().toInt();
    std::optional<store::CaptureStatus> filter;
    if (value >= 0) filter = static_cast<store::CaptureStatus>(value);
    try {
        model_->load(filter);
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
    }
    if (model_->rowCount() > 0)
        ui_.queueList->setCurrentIndex(model_->index(0));  // shows it (currentChanged)
    else
        showCurrent();
    updateCount();
}

void ReviewPage::updateCount() {
    QString text;
    try {
        const auto counts = context_.store.captures().countByStatus();
        const auto pending = counts.count(store::CaptureStatus::kSubmitted)
                                 ? counts.at(store::CaptureStatus::kSubmitted)
                                 : 0;
        text = tr("待审核 %1 张 · 已列出 %2 条").arg(pending).arg(model_->rowCount());
    } catch (const Error& e) {
        text = problemText(e.problem());
    }
    ui_.countLabel->setText(text);
}

std::optional<std::int64_t> ReviewPage::currentCaptureId() const {
    const QModelIndex index = ui_.queueList->currentIndex();
    if (!index.isValid()) return std::nullopt;
    return index.data(QueueModel::kCaptureIdRole).toLongLong();
}

void ReviewPage::say(const QString& text, bool problem) {
    ui_.messageLabel->setStyleSheet(problem ? "color: #b3261e; font-weight: bold;"
                                            : "color: #1b6e20;");
    ui_.messageLabel->setText(text);
}

void ReviewPage::updateButtons() {
    const bool pending =
        shown_ && shown_->status == store::CaptureStatus::kSubmitted && !shown_->supersededBy;
    ui_.approveButton->setEnabled(pending);
    ui_.rejectButton->setEnabled(pending);
    ui_.revokeButton->setEnabled(context_.isAdmin() && shown_ &&
                                 shown_->status == store::CaptureStatus::kApproved);
    ui_.printButton->setEnabled(shown_ && shown_->status == store::CaptureStatus::kApproved &&
                                !shown_->supersededBy);
}

void ReviewPage::printCurrent() {
    if (!ui_.printButton->isEnabled() || !shown_) return;
    emit studentRequested("print", QString::fromStdString(shown_->studentNo));
}

void ReviewPage::showCurrent() {
    shown_.reset();
    failedChecks_.clear();
    rawPath_.clear();
    rawOneToOne_ = false;
    ui_.rawImage->clear();
    ui_.finalImage->clear();
    ui_.checksTable->setRowCount(0);
    const auto id = currentCaptureId();
    if (!id) {
        ui_.headerLabel->setText(model_->rowCount() == 0 ? tr("没有需要处理的照片。")
                                                         : tr("请选择左侧的一条记录"));
        updateButtons();
        return;
    }
    try {
        shown_ = context_.queue.find(*id);
        if (!shown_) {
            ui_.headerLabel->setText(tr("找不到记录 #%1").arg(*id));
            updateButtons();
            return;
        }
        const auto student = context_.store.students().find(shown_->studentNo);
        const QString name =
            student ? QString::fromStdString(store::maskName(student->name)) : QString();
        const QString department =
            student ? QString::fromStdString(student->department) : QString();
        const QString when =
            shown_->submittedAt
                ? QDateTime::fromSecsSinceEpoch(*shown_->submittedAt).toString("yyyy-MM-dd HH:mm")
                : QString("—");
        ui_.headerLabel->setText(tr("<b>%1 %2</b> · %3 · %4 · 提交于 %5 · 记录 #%6")
                                     .arg(QString::fromStdString(shown_->studentNo), name,
                                          department, statusText(shown_->status), when)
                                     .arg(shown_->id));
        auto& photos = context_.store.photos();
        const QImage finalPhoto(
            QString::fromStdString(photos.pathOf(shown_->finalSha256).string()));
        if (finalPhoto.isNull()) {
            ui_.finalImage->setText(tr("标准照文件缺失"));
        } else {
            ui_.finalImage->setPixmap(QPixmap::fromImage(finalPhoto));
        }
        ui_.finalImage->adjustSize();
        rawPath_ = QString::fromStdString(photos.pathOf(shown_->rawSha256).string());
        showRaw();
        showChecks(shown_->reportJson);
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
    }
    updateButtons();
}

void ReviewPage::showRaw() {
    // Fitted to the pane, decoded at reduced scale (fast for large captures); Z: 1:1.
    const QSize room = ui_.rawScroll->viewport()->size() - QSize(4, 4);
    const QSize bound = rawOneToOne_ || !room.isValid() ? QSize(1 << 15, 1 << 15) : room;
    const QImage shown = rawPath_.isEmpty() ? QImage() : readScaledPhoto(rawPath_, bound);
    if (shown.isNull()) {
        ui_.rawImage->setText(tr("原图文件缺失"));
        ui_.rawImage->adjustSize();
        return;
    }
    ui_.rawImage->setPixmap(QPixmap::fromImage(shown));
    ui_.rawImage->adjustSize();
    ui_.rawGroup->setTitle(rawOneToOne_ ? tr("拍摄原图（1:1，Z 缩小）")
                                        : tr("拍摄原图（缩放显示，Z 看 1:1）"));
}

void ReviewPage::showChecks(const std::string& reportJson) {
    const QJsonObject report =
        QJsonDocument::fromJson(QByteArray::fromStdString(reportJson)).object();
    QList<QJsonObject> checks;
    for (const auto& value : report.value("checks").toArray()) checks << value.toObject();
    std::stable_sort(checks.begin(), checks.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return statusRank(a.value("status").toString()) < statusRank(b.value("status").toString());
    });
    QList<QJsonObject> errors;
    for (const auto& value : report.value("errors").toArray()) errors << value.toObject();
    ui_.checksTable->setRowCount(static_cast<int>(checks.size() + errors.size()));
    int row = 0;
    auto put = [&](const QString& result, const QColor& colour, const QString& what,
                   const QString& message) {
        auto* status = new QTableWidgetItem(result);
        status->setForeground(colour);
        QFont bold = status->font();
        bold.setBold(true);
        status->setFont(bold);
        ui_.checksTable->setItem(row, 0, status);
        ui_.checksTable->setItem(row, 1, new QTableWidgetItem(what));
        ui_.checksTable->setItem(row, 2, new QTableWidgetItem(message));
        ++row;
    };
    for (const auto& e : errors)
        put(tr("错误"), QColor("#b3261e"), e.value("code").toString(),
            localized(e.value("message_zh").toString().toStdString(),
                      e.value("message_en").toString().toStdString()));
    for (const auto& c : checks) {
        const QString id = c.value("id").toString();
        const QString status = c.value("status").toString();
        if (status == "fail") failedChecks_.push_back(id.toStdString());
        QString result = tr("合格");
        QColor colour("#1b6e20");
        if (status == "fail") {
            result = tr("不合格");
            colour = QColor("#b3261e");
        } else if (status == "warn") {
            result = tr("注意");
            colour = QColor("#a15c00");
        } else if (status == "unknown") {
            result = tr("未判定");
            colour = QColor("#555555");
        }
        const auto* reason = context_.queue.reasons().forCheck(id.toStdString());
        const QString what =
            reason ? QStringLiteral("%1 (%2)").arg(localized(reason->zh, reason->en), id) : id;
        put(result, colour, what,
            localized(c.value("message_zh").toString().toStdString(),
                      c.value("message_en").toString().toStdString()));
    }
    if (checks.isEmpty() && errors.isEmpty()) {
        ui_.checksTable->setRowCount(1);
        put(tr("无"), QColor("#555555"), QString(), tr("这条记录没有检查报告。"));
    }
    ui_.checksTable->resizeRowsToContents();
}

void ReviewPage::moveBy(int delta) {
    const int rows = model_->rowCount();
    if (rows == 0) return;
    int row = ui_.queueList->currentIndex().row() + delta;
    if (row >= rows && model_->canFetchMore({})) {
        model_->fetchMore({});
    }
    row = std::clamp(row, 0, model_->rowCount() - 1);
    ui_.queueList->setCurrentIndex(model_->index(row));
}

void ReviewPage::afterDecision(const store::Capture& capture, int row, const QString& text) {
    say(text, false);
    model_->updateCapture(capture);
    if (model_->rowCount() <= row && model_->canFetchMore({})) model_->fetchMore({});
    const int rows = model_->rowCount();
    if (rows == 0) {
        ui_.queueList->setCurrentIndex({});
        showCurrent();
        return;
    }
    // The next pending entry: the row that moved up into this place (or the last one).
    int next = std::min(row, rows - 1);
    if (!model_->filter()) {
        for (int r = row; r < rows; ++r)
            if (model_->entry(r).status == store::CaptureStatus::kSubmitted) {
                next = r;
                break;
            }
    }
    ui_.queueList->setCurrentIndex(model_->index(next));
    showCurrent();
}

void ReviewPage::approveCurrent() {
    if (!shown_ || !context_.staff) return;
    const int row = ui_.queueList->currentIndex().row();
    if (shown_->status != store::CaptureStatus::kSubmitted) {
        say(tr("只有待审核的照片可以通过（这张是“%1”）。").arg(statusText(shown_->status)), true);
        return;
    }
    try {
        const auto capture = context_.queue.approve(shown_->id, *context_.staff);
        afterDecision(capture, row,
                      tr("已通过：%1（记录 #%2）")
                          .arg(QString::fromStdString(capture.studentNo))
                          .arg(capture.id));
    } catch (const Error& e) {
        say(tr("未能通过：%1").arg(problemText(e.problem())), true);
    }
}

void ReviewPage::rejectCurrent() {
    if (!shown_ || !context_.staff) return;
    if (shown_->status != store::CaptureStatus::kSubmitted) {
        say(tr("只有待审核的照片可以退回（这张是“%1”）。").arg(statusText(shown_->status)), true);
        return;
    }
    openReasonDialog(false);
}

void ReviewPage::revokeCurrent() {
    if (!shown_ || !context_.isAdmin()) return;
    if (shown_->status != store::CaptureStatus::kApproved) {
        say(tr("只能撤销已通过的照片。"), true);
        return;
    }
    openReasonDialog(true);
}

void ReviewPage::openReasonDialog(bool revoke) {
    if (dialog_) return;
    const std::int64_t id = shown_->id;
    const int row = ui_.queueList->currentIndex().row();
    dialog_ = new RejectDialog(
        context_.queue.reasons(), failedChecks_,
        revoke ? tr("撤销通过：学号 %1").arg(QString::fromStdString(shown_->studentNo))
               : tr("退回：学号 %1").arg(QString::fromStdString(shown_->studentNo)),
        this);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::finished, this, [this, id, row, revoke](int result) {
        if (!dialog_) return;  // already handled
        const std::string reason = dialog_->reasonCode();
        const std::string note = dialog_->note();
        dialog_ = nullptr;
        ui_.queueList->setFocus();
        if (result != QDialog::Accepted) {
            say(tr("已取消，未做更改。"), false);
            return;
        }
        try {
            const auto capture = revoke ? context_.queue.revoke(id, *context_.staff, reason, note)
                                        : context_.queue.reject(id, *context_.staff, reason, note);
            const auto* r = context_.queue.reasons().find(reason);
            const QString why = r ? localized(r->zh, r->en) : QString::fromStdString(reason);
            afterDecision(capture, row,
                          (revoke ? tr("已撤销通过：%1（%2）") : tr("已退回：%1（%2）"))
                              .arg(QString::fromStdString(capture.studentNo), why));
        } catch (const Error& e) {
            say(problemText(e.problem()), true);
        }
    });
    dialog_->open();
}

bool ReviewPage::eventFilter(QObject* watched, QEvent* event) {
    if (watched == ui_.queueList && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) return false;
        switch (key->key()) {
            case Qt::Key_J:
                moveBy(1);
                return true;
            case Qt::Key_K:
                moveBy(-1);
                return true;
            case Qt::Key_Return:
            case Qt::Key_Enter:
                approveCurrent();
                return true;
            case Qt::Key_R:
                rejectCurrent();
                return true;
            case Qt::Key_V:
                revokeCurrent();
                return true;
            case Qt::Key_P:
                printCurrent();
                return true;
            case Qt::Key_Z:
                rawOneToOne_ = !rawOneToOne_;
                showRaw();
                return true;
            case Qt::Key_Down:
                if (ui_.queueList->currentIndex().row() == model_->rowCount() - 1 &&
                    model_->canFetchMore({})) {
                    moveBy(1);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }
    return ConsolePage::eventFilter(watched, event);
}

}  // namespace gradphoto::console
