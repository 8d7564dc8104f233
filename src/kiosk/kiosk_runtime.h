#pragma once

#include <QString>
#include <QStringList>
#include <memory>

#include "camera_source.h"
#include "gradphoto/flow/payment_gateway.h"
#include "gradphoto/flow/session_journal.h"
#include "gradphoto/flow/student_lookup.h"
#include "gradphoto/flow/submission_sink.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "kiosk_settings.h"
#include "port_worker.h"
#include "staff_check.h"

class QCoreApplication;

namespace gradphoto::kiosk {

class KioskWindow;

// The command line of gradphoto-kiosk.
struct KioskOptions {
    bool demo = false;
    bool autopilot = false;
    bool windowed = false;
    bool staff = false;  // --staff: the staff console (issue 7) instead of the student flow
    QString screenshotDir;
    QString dataDir;
    QString configFile;
    QString replayDir;
    QString language;
};

// Parses argv; on bad usage prints one line to stderr and returns nullopt (exit code 2).
std::optional<KioskOptions> parseKioskOptions(const QStringList& arguments);

// The folder of images the demo camera replays: --replay, $GRADPHOTO_REPLAY_DIR,
// $GRADPHOTO_TESTDATA/portraits, the source tree's ../shared/testdata/portraits; empty when none.
QString demoReplayFolder(const QString& explicitFolder);

// Everything one kiosk run owns: settings, the ports, the camera, the standardizer, the window.
class KioskRuntime {
  public:
    // Throws std::runtime_error with a reason when the settings or the data dir are unusable.
    explicit KioskRuntime(const KioskOptions& options);
    ~KioskRuntime();

    KioskWindow& window() { return *window_; }
    const QString& dataDir() const { return dataDir_; }
    QStringList warnings() const { return warnings_; }

  private:
    QString dataDir_;
    QStringList warnings_;
    std::unique_ptr<store::SqliteRecordStore> store_;  // without --demo; outlives the ports
    std::unique_ptr<flow::StudentLookup> students_;
    std::unique_ptr<flow::PaymentGateway> payments_;
    std::unique_ptr<flow::SubmissionSink> submissions_;
    std::unique_ptr<flow::SessionJournal> journal_;
    StaffGateFactory staffGates_;   // the hidden corner's staff menu, checked off the GUI thread
    StaffMenuNote staffMenuNotes_;  // audits an admission whose dialog closed during the check
    std::unique_ptr<CameraSource> camera_;
    std::unique_ptr<KioskWindow> window_;
};

// The worker thread's ports without --demo: its own connection to the record store of dataDir,
// the roster or the partner's HTTPS resolver (resolver.kind), Checkout with payment.provider, and
// the review queue for 工作人员确认提交 (staff PIN check and submission, with its audit entry).
WorkerPortsFactory storeWorkerPorts(const QString& dataDir, const KioskSettings& settings,
                                    const QString& configFile);

// Loads the style sheet and the application font; call once after QApplication exists.
void applyKioskLook();

}  // namespace gradphoto::kiosk
