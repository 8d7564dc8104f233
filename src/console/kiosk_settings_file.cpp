#include "kiosk_settings_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <stdexcept>

#include "gradphoto/common/atomic_file.h"
#include "gradphoto/common/resources.h"

namespace gradphoto::console {

QJsonObject KioskSettingsFile::readObject() const {
    QFile in(path_);
    if (!in.exists()) return {};
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error(
            QStringLiteral("%1: %2").arg(path_, in.errorString()).toStdString());
    const QByteArray bytes = in.readAll();
    if (bytes.trimmed().isEmpty()) return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (!doc.isObject())
        throw std::runtime_error(QStringLiteral("%1: not a JSON object (%2)")
                                     .arg(path_, error.errorString())
                                     .toStdString());
    return doc.object();
}

EditableSettings KioskSettingsFile::read() const {
    const QJsonObject root = readObject();
    EditableSettings s;
    const QJsonObject kiosk = root.value("kiosk").toObject();
    s.idleSeconds = kiosk.value("idle_seconds").toInt(s.idleSeconds);
    s.feeFen = static_cast<qint64>(kiosk.value("fee_fen").toDouble(static_cast<double>(s.feeFen)));
    s.helpPhone = kiosk.value("help_phone").toString(s.helpPhone);
    s.preset = kiosk.value("preset").toString(s.preset);
    const QJsonObject camera = root.value("camera").toObject();
    s.cameraDevice = camera.value("device").toString();
    s.cameraWidth = camera.value("width").toInt(s.cameraWidth);
    s.cameraHeight = camera.value("height").toInt(s.cameraHeight);
    return s;
}

int KioskSettingsFile::staffNumber(const QString& key, int fallback) const {
    try {
        return readObject().value("staff").toObject().value(key).toInt(fallback);
    } catch (const std::exception&) {
        return fallback;
    }
}

void KioskSettingsFile::write(const EditableSettings& s) const {
    QJsonObject root = readObject();
    QJsonObject kiosk = root.value("kiosk").toObject();
    kiosk["idle_seconds"] = s.idleSeconds;
    kiosk["fee_fen"] = static_cast<double>(s.feeFen);
    kiosk["help_phone"] = s.helpPhone;
    kiosk["preset"] = s.preset;
    root["kiosk"] = kiosk;
    if (!s.cameraDevice.isEmpty()) {
        QJsonObject camera = root.value("camera").toObject();
        camera["device"] = s.cameraDevice;
        camera["width"] = s.cameraWidth;
        camera["height"] = s.cameraHeight;
        root["camera"] = camera;
    }
    const QString folder = QFileInfo(path_).absolutePath();
    if (!QDir().mkpath(folder))
        throw std::runtime_error(("cannot create folder " + folder).toStdString());
    writeFileAtomically(std::filesystem::path(path_.toStdString()),
                        QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString());
}

QString KioskSettingsFile::defaultPath(const QString& configOption) {
    if (!configOption.isEmpty()) return configOption;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath("settings.json");
}

QStringList presetNames() {
    QStringList names;
    const QDir dir(QString::fromStdString((resourcesDir() / "presets").string()));
    for (const QFileInfo& file : dir.entryInfoList({"*.json"}, QDir::Files, QDir::Name))
        names << file.completeBaseName();
    return names;
}

}  // namespace gradphoto::console
