#include "sign_in_page.h"

#include <QDateTime>
#include <QRegularExpressionValidator>

#include "console_text.h"

namespace gradphoto::console {

namespace {
// An admin's lock lasts until 9999-12-31; a lockout after wrong PINs a few minutes.
constexpr store::UnixTime kLongerThanAnyLockout = 24 * 60 * 60;
}  // namespace

SignInPage::SignInPage(ConsoleContext& context, QWidget* parent)
    : QWidget(parent), context_(context) {
    ui_.setupUi(this);
    ui_.titleLabel->setObjectName("consoleTitle");
    auto* digits = new QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), this);
    for (QLineEdit* pin : {ui_.pinEdit, ui_.adminPinEdit, ui_.adminPinAgainEdit})
        pin->setValidator(digits);
    connect(ui_.signInButton, &QPushButton::clicked, this, &SignInPage::signIn);
    connect(ui_.pinEdit, &QLineEdit::returnPressed, this, &SignInPage::signIn);
    connect(ui_.staffNoEdit, &QLineEdit::returnPressed, ui_.pinEdit,
            qOverload<>(&QWidget::setFocus));
    connect(ui_.createAdminButton, &QPushButton::clicked, this, &SignInPage::createFirstAdmin);
    connect(ui_.adminPinAgainEdit, &QLineEdit::returnPressed, this, &SignInPage::createFirstAdmin);
    reset();
}

void SignInPage::reset() {
    for (QLineEdit* edit : findChildren<QLineEdit*>()) edit->clear();
    ui_.messageLabel->clear();
    bool empty = false;
    try {
        empty = context_.access.isEmpty();
    } catch (const Error& e) {
        showProblem(problemText(e.problem()));
    }
    ui_.modes->setCurrentWidget(empty ? ui_.firstAdminMode : ui_.signInMode);
    ui_.titleLabel->setText(empty ? tr("创建第一个管理员账号") : tr("工作人员登录"));
    ui_.hintLabel->setText(
        empty ? tr("这台设备还没有工作人员账号。第一个账号必须是管理员，之后由管理员添加其他账号。")
              : tr("请输入工号和 PIN。连续输错 5 次账号将锁定 5 分钟。"));
    (empty ? ui_.adminNoEdit : ui_.staffNoEdit)->setFocus();
}

bool SignInPage::offersFirstAdmin() const {
    return ui_.modes->currentWidget() == ui_.firstAdminMode;
}

QString SignInPage::message() const {
    return ui_.messageLabel->text();
}

void SignInPage::showProblem(const QString& text) {
    ui_.messageLabel->setProperty("problem", true);
    ui_.messageLabel->setStyleSheet("color: #b3261e; font-weight: bold;");
    ui_.messageLabel->setText(text);
}

QString SignInPage::lockedText(const std::string& staffNo, const QString& fallback) {
    try {
        const auto account = context_.store.staff().find(staffNo);
        if (!account || !account->lockedUntil) return fallback;
        const store::UnixTime left = *account->lockedUntil - context_.clock();
        if (left > kLongerThanAnyLockout)
            return tr("账号 %1 已被管理员锁定，请联系管理员解锁。")
                .arg(QString::fromStdString(staffNo));
        const auto minutes = std::max<store::UnixTime>(1, (left + 59) / 60);
        const QString until =
            QDateTime::fromSecsSinceEpoch(*account->lockedUntil).toString("HH:mm");
        return tr("PIN 连续错误 5 次，账号 %1 已锁定 %2 分钟（%3 后可再试）。")
            .arg(QString::fromStdString(staffNo))
            .arg(minutes)
            .arg(until);
    } catch (const Error&) {
        return fallback;
    }
}

void SignInPage::signIn() {
    const std::string staffNo = ui_.staffNoEdit->text().trimmed().toStdString();
    const std::string pin = ui_.pinEdit->text().toStdString();
    if (staffNo.empty() || pin.empty()) {
        showProblem(tr("请输入工号和 PIN。"));
        (staffNo.empty() ? ui_.staffNoEdit : ui_.pinEdit)->setFocus();
        return;
    }
    try {
        const auto account = context_.access.signIn(staffNo, pin);
        ui_.pinEdit->clear();
        ui_.messageLabel->clear();
        emit signedIn(account);
    } catch (const store::Refusal& r) {
        ui_.pinEdit->clear();
        ui_.pinEdit->setFocus();
        const QString text = problemText(r.problem());
        showProblem(r.problem().code == "locked" ? lockedText(staffNo, text) : text);
    } catch (const Error& e) {
        showProblem(problemText(e.problem()));
    }
}

void SignInPage::createFirstAdmin() {
    const std::string staffNo = ui_.adminNoEdit->text().trimmed().toStdString();
    const std::string name = ui_.adminNameEdit->text().trimmed().toStdString();
    const QString pin = ui_.adminPinEdit->text();
    if (staffNo.empty() || name.empty()) {
        showProblem(tr("请填写工号和姓名。"));
        return;
    }
    if (pin.size() < 4) {
        showProblem(tr("PIN 须为 4–12 位数字。"));
        return;
    }
    if (pin != ui_.adminPinAgainEdit->text()) {
        showProblem(tr("两次输入的 PIN 不一致。"));
        ui_.adminPinAgainEdit->clear();
        ui_.adminPinAgainEdit->setFocus();
        return;
    }
    try {
        const auto account = context_.access.addFirstAdmin(staffNo, name, pin.toStdString());
        for (QLineEdit* edit : findChildren<QLineEdit*>()) edit->clear();
        emit signedIn(account);
    } catch (const Error& e) {
        showProblem(problemText(e.problem()));
    }
}

}  // namespace gradphoto::console
