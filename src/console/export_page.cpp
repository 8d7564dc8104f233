#include "export_page.h"

#include <QDateTime>
#include <QFileDialog>
#include <QHeaderView>

#include "console_text.h"
#include "gradphoto/export/photo_verifier.h"
#include "gradphoto/store/sqlite_record_store.h"

namespace gradphoto::console {

namespace {

const char* const kPatterns[] = {"{身份证号}.jpg", "{学号}.jpg", "{考生号}.jpg",
                                 "{姓名}_{学号}.jpg"};

QString when(store::UnixTime t) {
    return QDateTime::fromSecsSinceEpoch(t).toString("yyyy-MM-dd HH:mm");
}

}  // namespace

ExportPage::ExportPage(ConsoleContext& context, QWidget* parent) : ConsolePage(context, parent) {
    ui_.setupUi(this);
    for (const char* pattern : kPatterns) ui_.patternCombo->addItem(QString::fromUtf8(pattern));
    ui_.encodingCombo->addItem(tr("UTF-8（推荐）"), QStringLiteral("utf8"));
    ui_.encodingCombo->addItem(tr("GBK（旧版 Excel）"), QStringLiteral("gbk"));
    ui_.batchesTable->verticalHeader()->hide();
    ui_.batchesTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui_.batchesTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    ui_.sinceDate->setEnabled(false);
    connect(ui_.sinceCheck, &QCheckBox::toggled, ui_.sinceDate, &QWidget::setEnabled);
    connect(ui_.browseButton, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("选择输出文件夹"), ui_.outDirEdit->text());
        if (!dir.isEmpty()) ui_.outDirEdit->setText(dir);
    });
    connect(ui_.startButton, &QPushButton::clicked, this, [this] { start(); });
    connect(ui_.cancelButton, &QPushButton::clicked, this, &ExportPage::cancel);
    setRunning(false);
}

ExportPage::~ExportPage() {
    if (worker_) {
        cancel_ = true;
        worker_->wait();
    }
}

void ExportPage::activate() {
    const store::UnixTime now = context_.clock();
    if (ui_.batchNameEdit->text().isEmpty())
        ui_.batchNameEdit->setText(
            QString::fromStdString(exports::BatchExport::defaultBatchName(now)));
    if (!ui_.sinceCheck->isChecked())
        ui_.sinceDate->setDate(QDateTime::fromSecsSinceEpoch(now).date());
    refreshBatches();
}

void ExportPage::setRunning(bool running) {
    ui_.startButton->setEnabled(!running);
    ui_.cancelButton->setEnabled(running);
    for (QWidget* w :
         {static_cast<QWidget*>(ui_.outDirEdit), static_cast<QWidget*>(ui_.browseButton),
          static_cast<QWidget*>(ui_.batchNameEdit), static_cast<QWidget*>(ui_.patternCombo),
          static_cast<QWidget*>(ui_.zipCheck), static_cast<QWidget*>(ui_.sinceCheck),
          static_cast<QWidget*>(ui_.encodingCombo)})
        w->setEnabled(!running);
    ui_.sinceDate->setEnabled(!running && ui_.sinceCheck->isChecked());
}

bool ExportPage::start() {
    if (worker_ || !context_.staff) return false;
    const QString outDir = ui_.outDirEdit->text().trimmed();
    if (outDir.isEmpty()) {
        ui_.progressLabel->setText(tr("请选择输出文件夹（例如 U 盘）"));
        emit status(ui_.progressLabel->text(), true);
        return false;
    }
    exports::ExportRequest request;
    request.outDir = outDir.toStdString();
    request.batchName = ui_.batchNameEdit->text().trimmed().toStdString();
    request.pattern = ui_.patternCombo->currentText().trimmed().toStdString();
    request.zip = ui_.zipCheck->isChecked();
    if (ui_.sinceCheck->isChecked())
        request.approvedSince = ui_.sinceDate->date().startOfDay().toSecsSinceEpoch();
    request.encoding = ui_.encodingCombo->currentData().toString() == "gbk"
                           ? exports::ManifestEncoding::kGbk
                           : exports::ManifestEncoding::kUtf8;

    summary_.reset();
    cancel_ = false;
    ui_.summaryText->clear();
    ui_.progressBar->setRange(0, 0);  // busy until the first progress
    ui_.progressLabel->setText(tr("正在准备导出…"));
    setRunning(true);

    const std::filesystem::path dataDir = context_.dataDir.toStdString();
    const store::StaffAccount admin = *context_.staff;
    const store::Clock clock = context_.clock;
    worker_ = QThread::create([this, request, dataDir, admin, clock] {
        try {
            // Its own connection: SQLite connections are not shared between threads here.
            auto store = store::SqliteRecordStore::open(dataDir);
            exports::PhotoVerifier verifier;
            exports::BatchExport exporter(*store, verifier, clock);
            auto summary = exporter.run(
                request, admin,
                [this](const exports::ExportProgress& p) {
                    QMetaObject::invokeMethod(
                        this, [this, p] { showProgress(p); }, Qt::QueuedConnection);
                },
                &cancel_);
            QMetaObject::invokeMethod(
                this, [this, summary = std::move(summary)] { showSummary(summary); },
                Qt::QueuedConnection);
        } catch (const Error& e) {
            QMetaObject::invokeMethod(
                this, [this, p = e.problem()] { showFailure(p); }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            const Problem p{"export_failed", std::string("导出失败：") + e.what(),
                            std::string("export failed: ") + e.what()};
            QMetaObject::invokeMethod(
                this, [this, p] { showFailure(p); }, Qt::QueuedConnection);
        }
    });
    connect(worker_, &QThread::finished, this, &ExportPage::done, Qt::QueuedConnection);
    worker_->start();
    emit status(tr("导出已开始"), false);
    return true;
}

void ExportPage::cancel() {
    if (!worker_) return;
    cancel_ = true;
    ui_.progressLabel->setText(tr("正在取消…（当前照片写完后停止）"));
}

void ExportPage::showProgress(const exports::ExportProgress& p) {
    using Stage = exports::ExportProgress::Stage;
    ui_.progressBar->setRange(0, std::max(1, p.total));
    ui_.progressBar->setValue(p.done);
    switch (p.stage) {
        case Stage::kPhotos:
            ui_.progressLabel->setText(tr("校验并写入照片 %1 / %2").arg(p.done).arg(p.total));
            break;
        case Stage::kManifest:
            ui_.progressLabel->setText(tr("写入清单（manifest.csv、manifest.json）"));
            break;
        case Stage::kZip:
            ui_.progressLabel->setText(tr("打包 ZIP %1 / %2").arg(p.done).arg(p.total));
            break;
        case Stage::kDone:
            ui_.progressLabel->setText(tr("完成"));
            break;
    }
}

void ExportPage::showSummary(const exports::ExportSummary& s) {
    summary_ = s;
    QString html;
    if (s.cancelled)
        html +=
            tr("<p><b>已取消。</b>批次 %1 保持未完成，再次导出同一批次会从停下的地方继续（不生成 "
               "ZIP）。</p>")
                .arg(QString::fromStdString(s.batchName).toHtmlEscaped());
    else
        html += tr("<p><b>导出完成：</b>批次 %1</p>")
                    .arg(QString::fromStdString(s.batchName).toHtmlEscaped());
    html += tr("<p>本次导出 %1 张 · 批次中已有 %2 张 · 批次共 %3 张 · 未导出 %4 张</p>")
                .arg(s.exported.size())
                .arg(s.alreadyInBatch)
                .arg(s.totalInBatch)
                .arg(s.refused.size());
    html += tr("<p>文件夹：%1</p>").arg(QString::fromStdString(s.folder.string()).toHtmlEscaped());
    if (!s.zipFile.empty())
        html +=
            tr("<p>ZIP：%1</p>").arg(QString::fromStdString(s.zipFile.string()).toHtmlEscaped());
    if (!s.refused.empty()) {
        html += tr("<p><b>未导出（下次导出会重试）：</b></p><ul>");
        for (const auto& r : s.refused)
            html += QStringLiteral("<li>%1（采集 %2）：%3</li>")
                        .arg(QString::fromStdString(r.studentNo).toHtmlEscaped())
                        .arg(r.captureId)
                        .arg(problemText(r.problem).toHtmlEscaped());
        html += "</ul>";
    }
    ui_.summaryText->setHtml(html);
    ui_.progressLabel->setText(s.cancelled ? tr("已取消") : tr("完成"));
    emit status(s.cancelled ? tr("导出已取消") : tr("导出完成：%1 张").arg(s.exported.size()),
                false);
}

void ExportPage::showFailure(const Problem& problem) {
    ui_.summaryText->setHtml(QStringLiteral("<p style='color:#b3261e'>%1</p>")
                                 .arg(problemText(problem).toHtmlEscaped()));
    ui_.progressLabel->setText(tr("导出失败"));
    emit status(problemText(problem), true);
}

void ExportPage::done() {
    if (worker_) {
        worker_->wait();
        worker_->deleteLater();
        worker_ = nullptr;
    }
    ui_.progressBar->setRange(0, 1);
    ui_.progressBar->setValue(summary_ && !summary_->cancelled ? 1 : 0);
    setRunning(false);
    refreshBatches();
    emit finished();
}

void ExportPage::refreshBatches() {
    try {
        auto q = context_.store.database().prepare(
            "SELECT b.name, (SELECT count(*) FROM export_items i WHERE i.batch_id = b.id), "
            "b.state, b.out_dir, b.created_by, b.created_at, b.zip_file FROM export_batches b "
            "ORDER BY b.created_at DESC, b.id DESC");
        ui_.batchesTable->setRowCount(0);
        while (q.step()) {
            const int row = ui_.batchesTable->rowCount();
            ui_.batchesTable->insertRow(row);
            ui_.batchesTable->setItem(row, 0,
                                      new QTableWidgetItem(QString::fromStdString(q.text(0))));
            ui_.batchesTable->setItem(row, 1, new QTableWidgetItem(QString::number(q.integer(1))));
            ui_.batchesTable->setItem(
                row, 2, new QTableWidgetItem(q.text(2) == "complete" ? tr("完成") : tr("未完成")));
            QString where = QString::fromStdString(q.text(3));
            if (!q.text(6).empty()) where += " · ZIP";
            ui_.batchesTable->setItem(row, 3, new QTableWidgetItem(where));
            ui_.batchesTable->setItem(row, 4,
                                      new QTableWidgetItem(QString::fromStdString(q.text(4))));
            ui_.batchesTable->setItem(row, 5, new QTableWidgetItem(when(q.integer(5))));
        }
        ui_.batchesTitle->setText(ui_.batchesTable->rowCount() == 0 ? tr("还没有导出过批次")
                                                                    : tr("已有批次"));
    } catch (const Error& e) {
        ui_.batchesTitle->setText(problemText(e.problem()));
    }
}

}  // namespace gradphoto::console
