#include "print_page.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPrintDialog>
#include <QPrinter>
#include <opencv2/core.hpp>

#include "console_text.h"
#include "gradphoto/layout/layout_sheet.h"
#include "gradphoto/layout/print_size.h"
#include "gradphoto/store/masking.h"

namespace gradphoto::console {

namespace {

QImage toQImage(const cv::Mat& bgr) {
    return QImage(bgr.data, bgr.cols, bgr.rows, static_cast<qsizetype>(bgr.step),
                  QImage::Format_BGR888)
        .copy();
}

int fileDpi(const QImage& image) {
    const int dpi = static_cast<int>(image.dotsPerMeterX() * 0.0254 + 0.5);
    return dpi > 0 ? dpi : 300;
}

}  // namespace

PrintPage::PrintPage(ConsoleContext& context, QWidget* parent)
    : ConsolePage(context, parent), printer_(&context.store.database()) {
    ui_.setupUi(this);
    ui_.kindCombo->addItem(tr("排版照（多张）"), QStringLiteral("sheet"));
    ui_.kindCombo->addItem(tr("标准照（单张，实际尺寸）"), QStringLiteral("standard"));
    try {
        settings_ = layout::LayoutSettings::load();
        for (const auto& paper : settings_->papers)
            ui_.paperCombo->addItem(localized(paper.titleZh, paper.titleEn),
                                    QString::fromStdString(paper.name));
        const int at = ui_.paperCombo->findData(QString::fromStdString(settings_->defaultPaper));
        if (at >= 0) ui_.paperCombo->setCurrentIndex(at);
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
    }
    connect(ui_.findButton, &QPushButton::clicked, this,
            [this] { find(ui_.studentNoEdit->text()); });
    connect(ui_.studentNoEdit, &QLineEdit::returnPressed, this,
            [this] { find(ui_.studentNoEdit->text()); });
    connect(ui_.kindCombo, &QComboBox::currentIndexChanged, this, &PrintPage::updateKind);
    connect(ui_.previewButton, &QPushButton::clicked, this, [this] {
        auto j = job();
        if (!j) return;
        QPrinter printer(QPrinter::HighResolution);
        show(printer_.preview(printer, *j, this));
    });
    connect(ui_.printButton, &QPushButton::clicked, this, [this] {
        if (!job()) return;
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() == QDialog::Accepted) printTo(printer);
    });
    unfinished_ = new UnfinishedPrintsList(this);
    ui_.layout->addWidget(unfinished_);
    connect(unfinished_, &UnfinishedPrintsList::reprintRequested, this, [this](const QString& no) {
        openStudent(no);
        ui_.studentNoEdit->setFocus();
    });
    clearStudent();
    unfinished_->reload(context_.store.database());
}

void PrintPage::activate() {
    ui_.studentNoEdit->setFocus();
    unfinished_->reload(context_.store.database());
}

void PrintPage::openStudent(const QString& studentNo) {
    ui_.studentNoEdit->setText(studentNo);
    find(studentNo);
}

void PrintPage::clearStudent() {
    capture_.reset();
    photo_.clear();
    studentName_.clear();
    ui_.photoLabel->setPixmap({});
    ui_.photoLabel->setText(tr("输入学号查找已通过审核的照片"));
    ui_.studentLabel->clear();
    ui_.printGroup->setEnabled(false);
    updateKind();
}

void PrintPage::updateKind() {
    const bool sheet = ui_.kindCombo->currentData().toString() == "sheet";
    ui_.copiesSpin->setEnabled(sheet);
    ui_.cutLinesCheck->setEnabled(sheet);
    ui_.captionCheck->setEnabled(sheet);
}

void PrintPage::say(const QString& text, bool problem) {
    ui_.messageLabel->setText(text);
    ui_.messageLabel->setStyleSheet(problem ? "color: #b3261e;" : "color: #1e6b34;");
    if (!text.isEmpty()) emit status(text, problem);
}

bool PrintPage::find(const QString& studentNo) {
    clearStudent();
    const std::string no = studentNo.trimmed().toStdString();
    if (no.empty()) return false;
    try {
        const auto student = context_.store.students().find(no);
        if (!student) {
            say(tr("没有学号为 %1 的学生").arg(QString::fromStdString(no)), true);
            return false;
        }
        ui_.studentLabel->setText(tr("<b>%1</b> %2<br>%3")
                                      .arg(QString::fromStdString(no),
                                           QString::fromStdString(store::maskName(student->name)),
                                           QString::fromStdString(student->department)));
        const auto capture = context_.store.captures().currentFor(no);
        if (!capture || capture->status != store::CaptureStatus::kApproved) {
            ui_.photoLabel->setText(tr("没有可打印的照片"));
            say(capture ? tr("该学生的照片尚未通过审核（%1），通过后才能打印")
                              .arg(QString::fromUtf8(store::toString(capture->status).data()))
                        : tr("该学生还没有采集照片"),
                true);
            return false;
        }
        photo_ = context_.store.photos().read(capture->finalSha256);
        capture_ = capture;
        studentName_ = student->name;
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return false;
    }
    QImage image = QImage::fromData(photo_.data(), static_cast<int>(photo_.size()), "JPEG");
    if (image.isNull()) {
        capture_.reset();
        say(tr("照片文件无法读取"), true);
        return false;
    }
    ui_.photoLabel->setPixmap(QPixmap::fromImage(image.scaled(
        ui_.photoLabel->minimumSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    ui_.printGroup->setEnabled(settings_.has_value());
    say(tr("照片已通过审核（采集 %1），可以打印").arg(capture_->id), false);
    return true;
}

std::string PrintPage::boothId() const {
    QFile file(context_.settingsFile);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const auto kiosk = QJsonDocument::fromJson(file.readAll()).object().value("kiosk").toObject();
    return kiosk.value("booth_id").toString().toStdString();
}

std::optional<print::PrintJob> PrintPage::job() {
    if (!capture_ || !settings_) {
        say(tr("请先查找一名照片已通过审核的学生"), true);
        return std::nullopt;
    }
    const std::string paperName = ui_.paperCombo->currentData().toString().toStdString();
    const layout::Paper* paper = settings_->findPaper(paperName);
    if (paper == nullptr) {
        say(tr("未知的相纸 %1").arg(QString::fromStdString(paperName)), true);
        return std::nullopt;
    }
    print::PrintJob job;
    job.paper = *paper;
    job.captureId = capture_->id;
    job.boothId = boothId();
    job.staffNo = context_.staff ? context_.staff->staffNo : std::string{};
    try {
        if (ui_.kindCombo->currentData().toString() == "standard") {
            job.kind = print::PrintKind::kStandard;
            job.image = QImage::fromData(photo_.data(), static_cast<int>(photo_.size()), "JPEG");
            job.photoMm = layout::printSizeOf(job.image.width(), job.image.height(),
                                              fileDpi(job.image), *settings_)
                              .mm;
        } else {
            layout::SheetOptions options;
            options.paper = paperName;
            if (ui_.copiesSpin->value() > 0) options.copies = ui_.copiesSpin->value();
            options.cutLines = ui_.cutLinesCheck->isChecked();
            if (ui_.captionCheck->isChecked()) options.caption = studentName_;
            const auto sheet = layout::makeLayoutSheet(photo_, options, *settings_);
            job.kind = print::PrintKind::kSheet;
            job.image = toQImage(sheet.image);
            job.turned = sheet.plan.turned;
        }
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return std::nullopt;
    }
    return job;
}

print::PrintOutcome PrintPage::printTo(QPrinter& printer) {
    auto j = job();
    if (!j) return {};
    const auto outcome = printer_.print(printer, *j);
    show(outcome);
    return outcome;
}

void PrintPage::show(const print::PrintOutcome& outcome) {
    unfinished_->reload(context_.store.database());
    if (outcome.ok)
        say(tr("已发送到打印机（打印记录 %1）").arg(outcome.recordId), false);
    else if (outcome.problem.code == "print_cancelled")
        say(problemText(outcome.problem), false);
    else if (!outcome.problem.code.empty())
        say(tr("打印失败：%1").arg(problemText(outcome.problem)), true);
}

}  // namespace gradphoto::console
