#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gradphoto::console {

// The keys of the settings file (shared CLI-CONTRACT.md) the booth page edits.
struct EditableSettings {
    int idleSeconds = 90;
    qint64 feeFen = 2000;  // shown in yuan, stored in fen
    QString helpPhone;
    QString preset = "chsi-blue";
    QString cameraDevice;  // empty: keep the file's camera section as it is
    int cameraWidth = 1920;
    int cameraHeight = 1080;
};

// Reads and writes those keys in the kiosk's JSON settings file, keeping every other key as it
// was: the file is read as JSON, only kiosk.idle_seconds, kiosk.fee_fen, kiosk.help_phone,
// kiosk.preset (and camera.device/width/height when a camera was chosen) change, and the whole
// file is replaced atomically. A file that is not a JSON object is never overwritten.
class KioskSettingsFile {
  public:
    explicit KioskSettingsFile(QString path) : path_(std::move(path)) {}

    // Defaults for a missing file; throws std::runtime_error for an unreadable or malformed one.
    EditableSettings read() const;
    // Throws std::runtime_error (malformed existing file) or gradphoto::Error (I/O).
    void write(const EditableSettings& settings) const;
    // A key of the file's "staff" section (the console's own settings), or fallback.
    int staffNumber(const QString& key, int fallback) const;
    const QString& path() const { return path_; }

    // The settings file the kiosk reads: --config when given, else settings.json in the
    // platform's config folder (QStandardPaths::AppConfigLocation).
    static QString defaultPath(const QString& configOption);

  private:
    QJsonObject readObject() const;  // {} when the file does not exist

    QString path_;
};

// The preset names of resources/presets (chsi-blue, ...).
QStringList presetNames();

}  // namespace gradphoto::console
