#pragma once

#include <QObject>
#include <QThread>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gradphoto/flow/port_call.h"

namespace gradphoto::kiosk {

// The slow ports (student lookup, payment, the staff-confirmed submission) as the worker thread
// owns them: its own record-store connection (one SQLite connection per thread) and the ports
// over it.
class WorkerPorts {
  public:
    virtual ~WorkerPorts() = default;
    virtual flow::StudentLookup* students() = 0;
    virtual flow::PaymentGateway* payments() = 0;
    // 工作人员确认提交 (PortCall::Kind::kStaffSubmit); null: not offered (the call says so).
    virtual flow::SubmissionSink* submissions() { return nullptr; }
};
// Called on the worker thread, once, before the first call; may throw (every answer then says
// why).
using WorkerPortsFactory = std::function<std::unique_ptr<WorkerPorts>()>;

// Runs the flow's port calls (lookups, payment create / poll / close, staff confirmation, a
// staff-confirmed submission) one
// after the other on its own thread, so that a slow network never freezes the screen. Answers come
// back on the thread that owns this object through answered().
//
// run() puts other slow work on such a thread the same way (打印排版照: a printer driver that
// hangs must not freeze the kiosk). The kiosk gives that work a worker of its own, so that a
// hung printer does not hold up the next student's lookup either:
//
//   PortWorker printing({});  // no ports: only run() is used
//   printing.leaveHungWorkAfter(kHungDeviceWait, "...");  // closing must not wait for a driver
//   printing.run<PrintOutcome>([job] { return printOnThisThread(job); },   // worker thread
//                              [this](PrintOutcome outcome) { show(outcome); });  // GUI thread
//
// Destroying the worker drops the queued calls and waits for the one in progress: for the ports
// that wait is bounded by their own time-outs (HTTP: the resolver's and the payment provider's
// timeout_ms through libcurl; SQLite: the busy time-out). Work that can hang in a device driver
// (a printer) has no such bound: leaveHungWorkAfter() makes destroying wait at most that long and
// then leave the thread behind (never terminated: it may be writing its own SQLite connection),
// with a line in the staff log. In the kiosk the worker goes when the kiosk closes, and the
// process exits right after: a thread left behind dies with it, its work unfinished — work that
// can be left behind must record itself before it starts (PhotoPrinter::begin) so the next start
// can tell. Such work must own everything it uses (copies, its own store connection) — nothing
// the GUI thread frees on closing.
class PortWorker : public QObject {
    Q_OBJECT
  public:
    explicit PortWorker(WorkerPortsFactory factory, QObject* parent = nullptr);
    ~PortWorker() override;  // drops the queued calls, waits for the one in progress (see above)

    // Destroying waits at most `wait` for the work in progress, then leaves it behind and logs
    // `leftBehind` (English, for the staff log; one line).
    void leaveHungWorkAfter(std::chrono::milliseconds wait, std::string leftBehind);

    void submit(const flow::PortCall& call);

    // `work` runs on the worker thread, in turn with the calls before it; it must not throw, nor
    // touch widgets or objects of other threads. `done` then gets the result on this object's
    // thread — unless this worker was destroyed first: the work in progress still finishes, its
    // result is dropped.
    template <typename Result>
    void run(std::function<Result()> work, std::function<void(Result)> done) {
        post([work = std::move(work), done = std::move(done)]() -> std::function<void()> {
            auto result = std::make_shared<Result>(work());
            return [done, result] { done(std::move(*result)); };
        });
    }

  signals:
    void answered(const gradphoto::flow::PortAnswer& answer);

  private:
    // `job` runs on thread_ (unless the worker is stopping); what it returns runs on this
    // object's thread afterwards (unless the worker was destroyed by then).
    void post(std::function<std::function<void()>()> job);

    // On the heap: a thread left behind (leaveHungWorkAfter) must outlive this object; it then
    // deletes itself once it finishes, if the GUI thread's event loop still runs by then.
    QThread* thread_ = nullptr;
    QObject* runner_ = nullptr;  // lives on thread_
    std::shared_ptr<struct PortWorkerState> state_;
    std::optional<std::chrono::milliseconds> stopWait_;  // empty: wait until the work finishes
    std::string leftBehind_;
};

// How long closing the kiosk waits for a print in progress before leaving it behind: a sheet
// normally reaches the spooler well within a second; 3 s lets one that is nearly done finish and
// record itself, and is still short enough that staff closing the booth see it close at once.
inline constexpr std::chrono::milliseconds kHungDeviceWait{3000};

}  // namespace gradphoto::kiosk
