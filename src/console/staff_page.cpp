#include "staff_page.h"

#include <QDateTime>
#include <QHeaderView>

#include "console_text.h"

namespace gradphoto::console {

namespace {
constexpr int kStaffNoColumn = 0;
}

StaffPage::StaffPage(ConsoleContext& context, QWidget* parent) : ConsolePage(context, parent) {
    ui_.setupUi(this);
    ui_.roleCombo->addItem(tr("工作人员"), QStringLiteral("staff"));
    ui_.roleCombo->addItem(tr("管理员"), QStringLiteral("admin"));
    ui_.editRoleCombo->addItem(tr("工作人员"), QStringLiteral("staff"));
    ui_.editRoleCombo->addItem(tr("管理员"), QStringLiteral("admin"));
    ui_.staffTable->verticalHeader()->hide();
    ui_.staffTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    connect(ui_.addButton, &QPushButton::clicked, this, &StaffPage::add);
    connect(ui_.resetPinButton, &QPushButton::clicked, this, &StaffPage::resetPin);
    connect(ui_.saveAccountButton, &QPushButton::clicked, this, &StaffPage::saveAccount);
    connect(ui_.lockButton, &QPushButton::clicked, this, [this] { setLocked(true); });
    connect(ui_.unlockButton, &QPushButton::clicked, this, [this] { setLocked(false); });
    connect(ui_.staffTable, &QTableWidget::itemSelectionChanged, this, &StaffPage::updateSelection);
    updateSelection();
}

void StaffPage::refresh() {
    const QString keep = selectedStaffNo();
    std::vector<store::StaffAccount> accounts;
    try {
        accounts = context_.store.staff().list();
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return;
    }
    const store::UnixTime now = context_.clock();
    ui_.staffTable->setRowCount(static_cast<int>(accounts.size()));
    int row = 0;
    for (const auto& a : accounts) {
        QString state = tr("正常");
        if (a.lockedUntil && *a.lockedUntil > now) {
            // An admin's lock runs "until unlock" (far in the future); a PIN lockout for minutes.
            state = *a.lockedUntil - now > 24 * 3600
                        ? tr("已锁定")
                        : tr("已锁定至 %1")
                              .arg(QDateTime::fromSecsSinceEpoch(*a.lockedUntil).toString("HH:mm"));
        }
        ui_.staffTable->setItem(row, kStaffNoColumn,
                                new QTableWidgetItem(QString::fromStdString(a.staffNo)));
        ui_.staffTable->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(a.name)));
        auto* role = new QTableWidgetItem(a.role == store::StaffRole::kAdmin ? tr("管理员")
                                                                             : tr("工作人员"));
        role->setData(Qt::UserRole, QString::fromStdString(std::string(store::toString(a.role))));
        ui_.staffTable->setItem(row, 2, role);
        ui_.staffTable->setItem(row, 3, new QTableWidgetItem(state));
        ++row;
    }
    if (!keep.isEmpty()) selectStaff(keep);
    updateSelection();
}

void StaffPage::deactivate() {
    for (QLineEdit* pin : {ui_.pinEdit, ui_.pinAgainEdit, ui_.newPinEdit, ui_.newPinAgainEdit})
        pin->clear();
}

bool StaffPage::selectStaff(const QString& staffNo) {
    for (int row = 0; row < ui_.staffTable->rowCount(); ++row) {
        if (ui_.staffTable->item(row, kStaffNoColumn)->text() == staffNo) {
            ui_.staffTable->selectRow(row);
            return true;
        }
    }
    return false;
}

QString StaffPage::selectedStaffNo() const {
    const auto rows = ui_.staffTable->selectionModel()
                          ? ui_.staffTable->selectionModel()->selectedRows()
                          : QModelIndexList{};
    if (rows.isEmpty()) return {};
    const auto* item = ui_.staffTable->item(rows.first().row(), kStaffNoColumn);
    return item ? item->text() : QString{};
}

void StaffPage::updateSelection() {
    const QString staffNo = selectedStaffNo();
    const bool any = !staffNo.isEmpty();
    ui_.selectedLabel->setText(any ? tr("账号 %1").arg(staffNo) : tr("请在左侧选择一个账号"));
    // The edit fields show the selected account's name and role.
    int row = -1;
    for (int r = 0; any && r < ui_.staffTable->rowCount(); ++r)
        if (ui_.staffTable->item(r, kStaffNoColumn)->text() == staffNo) row = r;
    ui_.editNameEdit->setText(row >= 0 && ui_.staffTable->item(row, 1)
                                  ? ui_.staffTable->item(row, 1)->text()
                                  : QString{});
    if (row >= 0 && ui_.staffTable->item(row, 2))
        ui_.editRoleCombo->setCurrentIndex(
            ui_.staffTable->item(row, 2)->data(Qt::UserRole) == QStringLiteral("admin") ? 1 : 0);
    for (QWidget* w :
         {static_cast<QWidget*>(ui_.newPinEdit), static_cast<QWidget*>(ui_.newPinAgainEdit),
          static_cast<QWidget*>(ui_.resetPinButton), static_cast<QWidget*>(ui_.lockButton),
          static_cast<QWidget*>(ui_.unlockButton), static_cast<QWidget*>(ui_.editNameEdit),
          static_cast<QWidget*>(ui_.editRoleCombo), static_cast<QWidget*>(ui_.saveAccountButton)})
        w->setEnabled(any);
}

void StaffPage::say(const QString& text, bool problem) {
    ui_.messageLabel->setText(text);
    ui_.messageLabel->setStyleSheet(problem ? "color: #b3261e;" : "color: #1e6b34;");
    emit status(text, problem);
}

void StaffPage::add() {
    const QString staffNo = ui_.staffNoEdit->text().trimmed();
    const QString name = ui_.nameEdit->text().trimmed();
    if (staffNo.isEmpty() || name.isEmpty()) {
        say(tr("请填写工号和姓名"), true);
        return;
    }
    if (ui_.pinEdit->text() != ui_.pinAgainEdit->text()) {
        say(tr("两次输入的 PIN 不一致"), true);
        ui_.pinAgainEdit->clear();
        return;
    }
    const auto role = ui_.roleCombo->currentData().toString() == "admin" ? store::StaffRole::kAdmin
                                                                         : store::StaffRole::kStaff;
    try {
        context_.access.addAccount(*context_.staff, staffNo.toStdString(), name.toStdString(), role,
                                   ui_.pinEdit->text().toStdString());
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return;
    }
    ui_.pinEdit->clear();
    ui_.pinAgainEdit->clear();
    ui_.staffNoEdit->clear();
    ui_.nameEdit->clear();
    refresh();
    selectStaff(staffNo);
    say(tr("已添加 %1（%2）").arg(staffNo, name), false);
}

void StaffPage::resetPin() {
    const QString staffNo = selectedStaffNo();
    if (staffNo.isEmpty()) return;
    if (ui_.newPinEdit->text() != ui_.newPinAgainEdit->text()) {
        say(tr("两次输入的 PIN 不一致"), true);
        ui_.newPinAgainEdit->clear();
        return;
    }
    try {
        context_.access.resetPin(*context_.staff, staffNo.toStdString(),
                                 ui_.newPinEdit->text().toStdString());
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return;
    }
    ui_.newPinEdit->clear();
    ui_.newPinAgainEdit->clear();
    refresh();
    say(tr("已重置 %1 的 PIN").arg(staffNo), false);
}

void StaffPage::saveAccount() {
    const QString staffNo = selectedStaffNo();
    if (staffNo.isEmpty()) return;
    const QString name = ui_.editNameEdit->text().trimmed();
    if (name.isEmpty()) {
        say(tr("请填写姓名"), true);
        return;
    }
    const auto role = ui_.editRoleCombo->currentData().toString() == "admin"
                          ? store::StaffRole::kAdmin
                          : store::StaffRole::kStaff;
    try {
        context_.access.changeAccount(*context_.staff, staffNo.toStdString(), name.toStdString(),
                                      role);
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        refresh();
        return;
    }
    refresh();
    say(tr("已保存 %1 的姓名和角色").arg(staffNo), false);
}

void StaffPage::setLocked(bool locked) {
    const QString staffNo = selectedStaffNo();
    if (staffNo.isEmpty()) return;
    try {
        if (locked)
            context_.access.lock(*context_.staff, staffNo.toStdString());
        else
            context_.access.unlock(*context_.staff, staffNo.toStdString());
    } catch (const Error& e) {
        say(problemText(e.problem()), true);
        return;
    }
    refresh();
    say(locked ? tr("已锁定 %1").arg(staffNo) : tr("已解锁 %1").arg(staffNo), false);
}

}  // namespace gradphoto::console
