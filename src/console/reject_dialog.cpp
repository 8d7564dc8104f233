#include "reject_dialog.h"

#include <QPushButton>
#include <algorithm>

#include "console_text.h"

namespace gradphoto::console {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
}

RejectDialog::RejectDialog(const store::RejectReasons& reasons,
                           const std::vector<std::string>& failedChecks, const QString& title,
                           QWidget* parent)
    : QDialog(parent) {
    ui_.setupUi(this);
    setWindowTitle(title);
    ui_.titleLabel->setText(title);
    ui_.buttons->button(QDialogButtonBox::Ok)->setText(tr("确定"));
    ui_.buttons->button(QDialogButtonBox::Cancel)->setText(tr("取消"));
    connect(ui_.buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui_.buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    std::vector<const store::RejectReason*> ordered;
    std::vector<bool> suggested;
    for (const auto& check : failedChecks) {
        if (const auto* r = reasons.forCheck(check);
            r && std::find(ordered.begin(), ordered.end(), r) == ordered.end()) {
            ordered.push_back(r);
            suggested.push_back(true);
        }
    }
    for (const auto& r : reasons.all()) {
        if (std::find(ordered.begin(), ordered.end(), &r) == ordered.end()) {
            ordered.push_back(&r);
            suggested.push_back(false);
        }
    }
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        QString text = localized(ordered[i]->zh, ordered[i]->en);
        if (suggested[i]) text = tr("%1（检查未通过）").arg(text);
        auto* item = new QListWidgetItem(text, ui_.reasonList);
        item->setData(kCodeRole, QString::fromStdString(ordered[i]->code));
        if (suggested[i]) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
    }
    ui_.reasonList->setCurrentRow(0);
    ui_.reasonList->setFocus();
    // Enter in the list or the note presses the default button (OK).
    ui_.buttons->button(QDialogButtonBox::Ok)->setDefault(true);
}

std::string RejectDialog::reasonCode() const {
    const auto* item = ui_.reasonList->currentItem();
    return item ? item->data(kCodeRole).toString().toStdString() : std::string{};
}

std::string RejectDialog::note() const {
    return ui_.noteEdit->text().trimmed().toStdString();
}

std::vector<std::string> RejectDialog::listedCodes() const {
    std::vector<std::string> codes;
    for (int i = 0; i < ui_.reasonList->count(); ++i)
        codes.push_back(ui_.reasonList->item(i)->data(kCodeRole).toString().toStdString());
    return codes;
}

}  // namespace gradphoto::console
