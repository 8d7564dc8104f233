#include "record_store_cli.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>

#include "gradphoto/common/error.h"
#include "gradphoto/store/data_dir.h"
#include "gradphoto/store/masking.h"
#include "gradphoto/store/staff_access.h"

namespace gradphoto::cli {

std::unique_ptr<store::SqliteRecordStore> openRecordStore(const CommandContext& ctx) {
    return store::SqliteRecordStore::open(store::dataDir(ctx.globals.dataDir));
}

std::string readPin(const char* envVar, const std::string& prompt) {
    if (const char* env = std::getenv(envVar); env != nullptr) return env;
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0) {
        throw Error(
            Error::Kind::kUsage,
            {"pin_needed", std::string("需要 PIN：请设置环境变量 ") + envVar + " 或在终端运行",
             std::string("a PIN is needed: set ") + envVar + " or run on a terminal"});
    }
    termios saved{};
    const bool isTerminal = ::tcgetattr(tty, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    const std::string text = prompt + ": ";
    [[maybe_unused]] const auto written = ::write(tty, text.data(), text.size());
    std::string pin;
    char c = 0;
    while (::read(tty, &c, 1) == 1 && c != '\n' && c != '\r') pin += c;
    if (isTerminal) ::tcsetattr(tty, TCSAFLUSH, &saved);
    [[maybe_unused]] const auto newline = ::write(tty, "\n", 1);
    ::close(tty);
    return pin;
}

store::StaffAccount signInStaff(store::RecordStore& store, const std::string& staffNo) {
    store::StaffAccess access(store);
    return access.signIn(staffNo, readPin(kPinVariable, "PIN for " + staffNo));
}

std::string localized(const CommandContext& ctx, const Problem& problem) {
    return ctx.globals.lang == "zh" ? problem.message_zh : problem.message_en;
}

nlohmann::json queueEntryJson(const store::QueueEntry& entry) {
    return {{"id", entry.id},
            {"student", entry.studentNo},
            {"name", store::maskName(entry.name)},
            {"status", std::string(store::toString(entry.status))},
            {"submitted_at",
             entry.submittedAt ? nlohmann::json(store::toIsoTime(*entry.submittedAt)) : nullptr},
            {"checks_failed", entry.checksFailed}};
}

store::QueueEntry queueEntryOf(store::RecordStore& store, const store::Capture& capture) {
    store::QueueEntry e;
    e.id = capture.id;
    e.studentNo = capture.studentNo;
    if (const auto student = store.students().find(capture.studentNo)) e.name = student->name;
    e.status = capture.status;
    e.submittedAt = capture.submittedAt;
    e.checksFailed = capture.checksFailed;
    return e;
}

int runRefusable(CommandContext& ctx, const std::function<int()>& body) {
    try {
        return body();
    } catch (const store::Refusal& refusal) {
        return ctx.fail(kExitNo, localized(ctx, refusal.problem()));
    } catch (const Error& e) {
        const int code = e.kind() == Error::Kind::kUsage ? kExitUsage : kExitInput;
        return ctx.fail(code, localized(ctx, e.problem()));
    }
}

}  // namespace gradphoto::cli
