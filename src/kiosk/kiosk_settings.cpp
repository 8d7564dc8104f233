#include "kiosk_settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <stdexcept>

namespace gradphoto::kiosk {

namespace {
void reportUnknown(const QJsonObject& object, const QString& section, const QStringList& known,
                   QStringList* warnings) {
    if (!warnings) return;
    for (const QString& key : object.keys())
        if (!known.contains(key))
            *warnings << QStringLiteral("unknown settings key %1%2")
                             .arg(section.isEmpty() ? QString() : section + ".", key);
}
}  // namespace

KioskSettings KioskSettings::load(const QString& file, QStringList* warnings) {
    KioskSettings s;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error(
            QStringLiteral("%1: %2").arg(file, in.errorString()).toStdString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &error);
    if (!doc.isObject())
        throw std::runtime_error(QStringLiteral("%1: not a JSON object (%2)")
                                     .arg(file, error.errorString())
                                     .toStdString());
    const QJsonObject root = doc.object();
    reportUnknown(root, {},
                  {"kiosk", "camera", "resolver", "payment", "store", "staff", "retention"},
                  warnings);

    const QJsonObject kiosk = root.value("kiosk").toObject();
    reportUnknown(
        kiosk, "kiosk",
        {"booth_id", "idle_seconds", "idle_warning_seconds", "fee_fen", "preset", "help_phone",
         "language", "staff_pin", "auto_capture", "photo_folder", "student_copy"},
        warnings);
    s.boothId = kiosk.value("booth_id").toString(s.boothId);
    s.flow.idleSeconds = kiosk.value("idle_seconds").toInt(s.flow.idleSeconds);
    s.flow.idleWarningSeconds =
        kiosk.value("idle_warning_seconds").toInt(s.flow.idleWarningSeconds);
    s.flow.feeFen = kiosk.value("fee_fen").toInt(s.flow.feeFen);
    s.preset = kiosk.value("preset").toString(s.preset);
    s.helpPhone = kiosk.value("help_phone").toString(s.helpPhone);
    s.language = kiosk.value("language").toString(s.language);
    s.staffPin = kiosk.value("staff_pin").toString(s.staffPin);
    s.flow.autoCapture = kiosk.value("auto_capture").toBool(s.flow.autoCapture);
    s.photoFolder = kiosk.value("photo_folder").toString();
    const QJsonObject copy = kiosk.value("student_copy").toObject();
    reportUnknown(copy, "kiosk.student_copy", {"usb", "print", "show", "paper", "printer"},
                  warnings);
    s.studentCopy.usb = copy.value("usb").toBool(s.studentCopy.usb);
    s.studentCopy.print = copy.value("print").toBool(s.studentCopy.print);
    s.studentCopy.show = copy.value("show").toBool(s.studentCopy.show);
    s.studentCopy.paper = copy.value("paper").toString(s.studentCopy.paper);
    s.studentCopy.printer = copy.value("printer").toString();

    const QDir base = QFileInfo(file).absoluteDir();
    const QJsonObject resolver = root.value("resolver").toObject();
    reportUnknown(resolver, "resolver", {"kind", "http"}, warnings);
    s.resolverKind = resolver.value("kind").toString(s.resolverKind);
    if (s.resolverKind != "roster" && s.resolverKind != "http")
        throw std::runtime_error(
            QStringLiteral("%1: resolver.kind must be roster or http").arg(file).toStdString());
    const QJsonObject http = resolver.value("http").toObject();
    reportUnknown(http, "resolver.http", {"url", "secret_file", "timeout_ms"}, warnings);
    s.httpResolver.url = http.value("url").toString().toStdString();
    if (const QString secret = http.value("secret_file").toString(); !secret.isEmpty())
        s.httpResolver.secretFile = base.absoluteFilePath(secret).toStdString();
    s.httpResolver.timeout = std::chrono::milliseconds(
        http.value("timeout_ms").toInt(static_cast<int>(s.httpResolver.timeout.count())));

    const QJsonObject camera = root.value("camera").toObject();
    reportUnknown(camera, "camera", {"device", "width", "height"}, warnings);
    s.camera.device = camera.value("device").toString();
    s.camera.width = camera.value("width").toInt(s.camera.width);
    s.camera.height = camera.value("height").toInt(s.camera.height);
    s.httpResolver.boothId = s.boothId.toStdString();

    const QJsonObject wechat = root.value("payment").toObject().value("wechat").toObject();
    s.flow.paymentTimeoutSeconds =
        wechat.value("order_timeout_s").toInt(s.flow.paymentTimeoutSeconds);
    s.flow.paymentPollMs = wechat.value("poll_ms").toInt(s.flow.paymentPollMs);
    return s;
}

}  // namespace gradphoto::kiosk
