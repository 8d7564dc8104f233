#include "kiosk_runtime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QStandardPaths>
#include <cstdio>
#include <stdexcept>

#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/flow/photo_processor.h"
#include "gradphoto/flow/review_queue_submission_sink.h"
#include "gradphoto/flow/roster_student_lookup.h"
#include "gradphoto/flow/sqlite_session_journal.h"
#include "gradphoto/payment/checkout_payment_gateway.h"
#include "gradphoto/payment/payment_settings.h"
#include "gradphoto/store/reject_reasons.h"
#include "kiosk_window.h"
#include "qt_camera.h"
#include "replay_camera.h"

// Q_INIT_RESOURCE must be called outside any namespace; the kiosk.qrc lives in a static library.
static void initKioskResources() {
    Q_INIT_RESOURCE(kiosk);
}

namespace gradphoto::kiosk {

std::optional<KioskOptions> parseKioskOptions(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription("GradPhoto Station kiosk");
    parser.addHelpOption();
    parser.addOptions({
        {"demo", "Replay camera, demo roster, DEMO payment, data under the user's data folder."},
        {"autopilot", "Drive the demo through the whole flow by itself, then exit (0: done)."},
        {"screenshots", "Save a PNG of every page shown into DIR.", "DIR"},
        {"data-dir", "Data folder (submissions and photos).", "DIR"},
        {"config", "Settings file (JSON).", "FILE"},
        {"replay", "Folder of images for the replay camera.", "DIR"},
        {"lang", "zh or en.", "LANG"},
        {"windowed", "Do not go fullscreen."},
        {"staff",
         "Open the staff console (sign-in with staff number and PIN) instead of the "
         "student flow."},
    });
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "gradphoto-kiosk: %s\n", parser.errorText().toUtf8().constData());
        return std::nullopt;
    }
    if (parser.isSet("help")) parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "gradphoto-kiosk: unexpected argument %s\n",
                     parser.positionalArguments().first().toUtf8().constData());
        return std::nullopt;
    }
    KioskOptions o;
    o.demo = parser.isSet("demo");
    o.autopilot = parser.isSet("autopilot");
    o.windowed = parser.isSet("windowed");
    o.staff = parser.isSet("staff");
    o.screenshotDir = parser.value("screenshots");
    o.dataDir = parser.value("data-dir");
    o.configFile = parser.value("config");
    o.replayDir = parser.value("replay");
    o.language = parser.value("lang");
    if (!o.language.isEmpty() && o.language != "zh" && o.language != "en") {
        std::fprintf(stderr, "gradphoto-kiosk: --lang must be zh or en\n");
        return std::nullopt;
    }
    if (o.staff && o.autopilot) {
        std::fprintf(stderr, "gradphoto-kiosk: --staff and --autopilot exclude each other\n");
        return std::nullopt;
    }
    if (o.autopilot && !o.demo) {
        std::fprintf(stderr, "gradphoto-kiosk: --autopilot needs --demo\n");
        return std::nullopt;
    }
    return o;
}

QString demoReplayFolder(const QString& explicitFolder) {
    QStringList candidates;
    if (!explicitFolder.isEmpty()) return explicitFolder;
    if (const QString env = qEnvironmentVariable("GRADPHOTO_REPLAY_DIR"); !env.isEmpty())
        candidates << env;
    if (const QString env = qEnvironmentVariable("GRADPHOTO_TESTDATA"); !env.isEmpty())
        candidates << QDir(env).filePath("portraits");
    candidates << QStringLiteral(GRADPHOTO_SOURCE_DIR "/../shared/testdata/portraits");
    for (const QString& folder : candidates)
        if (QDir(folder).exists() && !QDir(folder).entryList(QDir::Files).isEmpty()) return folder;
    return {};
}

namespace {
class StoreWorkerPorts final : public WorkerPorts {
  public:
    StoreWorkerPorts(const QString& dataDir, const KioskSettings& settings,
                     const payment::PaymentSettings& pay)
        : store_(store::SqliteRecordStore::open(std::filesystem::path(dataDir.toStdString()))) {
        if (settings.resolverKind == "http")
            students_ = std::make_unique<flow::RosterStudentLookup>(
                *store_, std::make_shared<identify::HttpStudentResolver>(settings.httpResolver));
        else
            students_ = std::make_unique<flow::RosterStudentLookup>(*store_);
        checkout_ = std::make_unique<payment::Checkout>(*store_, pay.checkout);
        payment::addConfiguredProvider(*checkout_, pay, pay.provider);
        payments_ = std::make_unique<payment::CheckoutPaymentGateway>(*checkout_, pay.provider);
        submissions_ = std::make_unique<flow::ReviewQueueSubmissionSink>(
            *store_, store::RejectReasons::load(), settings.boothId.toStdString());
    }
    flow::StudentLookup* students() override { return students_.get(); }
    flow::PaymentGateway* payments() override { return payments_.get(); }
    flow::SubmissionSink* submissions() override { return submissions_.get(); }

  private:
    std::unique_ptr<store::SqliteRecordStore> store_;
    std::unique_ptr<flow::StudentLookup> students_;
    std::unique_ptr<payment::Checkout> checkout_;
    std::unique_ptr<flow::PaymentGateway> payments_;
    std::unique_ptr<flow::SubmissionSink> submissions_;  // 工作人员确认提交
};
}  // namespace

WorkerPortsFactory storeWorkerPorts(const QString& dataDir, const KioskSettings& settings,
                                    const QString& configFile) {
    const auto pay = payment::loadPaymentSettings(
        configFile.isEmpty() ? std::nullopt
                             : std::optional<std::filesystem::path>(configFile.toStdString()));
    return [dataDir, settings, pay]() -> std::unique_ptr<WorkerPorts> {
        return std::make_unique<StoreWorkerPorts>(dataDir, settings, pay);
    };
}

KioskRuntime::KioskRuntime(const KioskOptions& options) {
    KioskSettings settings;
    QString config = options.configFile;
    if (config.isEmpty()) {
        const QString standard =
            QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                .filePath("settings.json");
        if (QFile::exists(standard)) config = standard;
    }
    if (!config.isEmpty()) settings = KioskSettings::load(config, &warnings_);
    if (!options.language.isEmpty()) settings.language = options.language;

    dataDir_ = options.dataDir;
    if (dataDir_.isEmpty()) {
        dataDir_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (options.demo) dataDir_ = QDir(dataDir_).filePath("demo");
    }
    if (!QDir().mkpath(dataDir_))
        throw std::runtime_error(("cannot create data folder " + dataDir_).toStdString());

    // --demo: the demo roster and submissions. Otherwise the record store of the data folder: its
    // roster resolves the collection code, its wrong-try counter locks a record after five wrong
    // last-four entries (across restarts), its review queue takes the submissions.
    QStringList demoCodes;
    WorkerPortsFactory slowPorts;
    if (options.demo) {
        for (const auto& s : flow::DemoStudentLookup::defaultRoster())
            demoCodes << QString::fromStdString(s.payload);
        students_ = std::make_unique<flow::DemoStudentLookup>();
        submissions_ = std::make_unique<flow::DemoSubmissionSink>(dataDir_.toStdString(),
                                                                  settings.boothId.toStdString());
        // No staff accounts in the demo: its staff (D001) open the menu with kiosk.staff_pin.
        staffGates_ = settingPinStaffGates(settings.staffPin.toStdString());
    } else {
        try {
            store_ = store::SqliteRecordStore::open(std::filesystem::path(dataDir_.toStdString()));
            if (const auto report = store_->checkConsistency(); !report.sound())
                warnings_ << "the record store check found problems: run `gradphoto store check`";
            if (store_->students().count() == 0)
                warnings_ << "the roster is empty: import it with `gradphoto roster import`";
            submissions_ = std::make_unique<flow::ReviewQueueSubmissionSink>(
                *store_, store::RejectReasons::load(), settings.boothId.toStdString());
            journal_ = std::make_unique<flow::SqliteSessionJournal>(store_->database(),
                                                                    settings.boothId.toStdString());
            // The staff menu: the store's staff accounts (kiosk.staff_pin only while it has none).
            // Checked on the staff-check thread, over its own connection (StaffCheck).
            staffGates_ = storeStaffGates(dataDir_.toStdString(), settings.boothId.toStdString(),
                                          settings.staffPin.toStdString());
            staffMenuNotes_ =
                storeStaffMenuNotes(dataDir_.toStdString(), settings.boothId.toStdString());
        } catch (const Error& e) {
            throw std::runtime_error("record store in " + dataDir_.toStdString() +
                                     " unusable: " + e.problem().message_en);
        }
        // The lookup and the payment calls go over the network: a worker thread with its own
        // store connection makes them (PortWorker).
        try {
            const auto pay = payment::loadPaymentSettings(
                config.isEmpty() ? std::nullopt
                                 : std::optional<std::filesystem::path>(config.toStdString()));
            for (const auto& key : pay.unknownKeys)
                warnings_ << QStringLiteral("unknown settings key %1").arg(key.c_str());
            const bool configured = (pay.provider == "wechat" && pay.wechatConfigured()) ||
                                    (pay.provider == "campus" && pay.campusConfigured()) ||
                                    pay.provider == "demo";
            if (!configured)
                warnings_ << QStringLiteral(
                                 "payment.%1 is not configured: only staff can confirm "
                                 "cash or a waiver")
                                 .arg(pay.provider.c_str());
            if (pay.provider == "demo") warnings_ << "payment.provider is demo: no money moves";
            if (settings.resolverKind == "http")
                identify::HttpStudentResolver check(settings.httpResolver);  // URL, secret
            slowPorts = storeWorkerPorts(dataDir_, settings, config);
        } catch (const Error& e) {
            throw std::runtime_error("payment or resolver settings unusable: " +
                                     e.problem().message_en);
        }
    }
    if (options.demo) payments_ = std::make_unique<flow::DemoPaymentGateway>();

    if (options.demo) {
        const QString folder = demoReplayFolder(options.replayDir);
        if (folder.isEmpty()) warnings_ << "no replay images found: the camera page will say so";
        camera_ = std::make_unique<ReplayCamera>(folder);
    } else {
        camera_ = std::make_unique<QtCamera>(settings.camera);
    }

    std::shared_ptr<const flow::PhotoProcessor> processor;
    try {
        processor = flow::makeStandardizerProcessor(
            settings.preset.toStdString(),
            std::filesystem::path(dataDir_.toStdString()) / "booth" / "plate.jpg");
    } catch (const std::exception& e) {
        warnings_ << QStringLiteral("standardizer unavailable: %1").arg(e.what());
    }

    KioskParts parts;
    parts.settings = settings;
    parts.ports = {students_.get(), payments_.get(), submissions_.get(), journal_.get(),
                   static_cast<bool>(slowPorts)};
    parts.slowPorts = slowPorts;
    parts.camera = camera_.get();
    parts.processor = processor;
    parts.demoCodes = demoCodes;
    parts.demo = options.demo;
    parts.screenshotDir = options.screenshotDir;
    parts.staffGates = staffGates_;
    parts.staffMenuNotes = staffMenuNotes_;
    if (store_) parts.printDb = &store_->database();  // print_jobs of 打印排版照
    window_ = std::make_unique<KioskWindow>(parts);
}

KioskRuntime::~KioskRuntime() {
    window_.reset();  // before the ports and the camera it uses
}

void applyKioskLook() {
    initKioskResources();
    QFile style(":/kiosk/kiosk.qss");
    if (style.open(QIODevice::ReadOnly)) qApp->setStyleSheet(QString::fromUtf8(style.readAll()));
    QFont font("Noto Sans CJK SC");
    font.setPixelSize(22);
    qApp->setFont(font);
}

}  // namespace gradphoto::kiosk
