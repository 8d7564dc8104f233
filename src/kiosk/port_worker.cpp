#include "port_worker.h"

#include "gradphoto/store/pin.h"

#include <QMetaObject>
#include <QPointer>
#include <QtGlobal>
#include <atomic>
#include <exception>
#include <optional>

namespace gradphoto::kiosk {

// What the worker thread keeps between calls.
struct PortWorkerState {
    WorkerPortsFactory factory;
    std::unique_ptr<WorkerPorts> ports;  // created and destroyed on the worker thread
    std::optional<Problem> unusable;     // the factory threw
    std::atomic<bool> stopping{false};
};

PortWorker::PortWorker(WorkerPortsFactory factory, QObject* parent)
    : QObject(parent), state_(std::make_shared<PortWorkerState>()) {
    state_->factory = std::move(factory);
    thread_ = new QThread;
    thread_->setObjectName("gradphoto-ports");
    runner_ = new QObject;
    runner_->moveToThread(thread_);
    connect(thread_, &QThread::finished, runner_, &QObject::deleteLater);
    thread_->start();
}

void PortWorker::leaveHungWorkAfter(std::chrono::milliseconds wait, std::string leftBehind) {
    stopWait_ = wait;
    leftBehind_ = std::move(leftBehind);
}

PortWorker::~PortWorker() {
    state_->stopping = true;
    auto state = state_;
    // The ports (and their SQLite connection) are closed on the thread that opened them.
    QMetaObject::invokeMethod(
        runner_, [state] { state->ports.reset(); }, Qt::QueuedConnection);
    thread_->quit();
    const bool finished =
        stopWait_ ? thread_->wait(QDeadlineTimer(stopWait_->count())) : thread_->wait();
    if (finished) {
        delete thread_;
        return;
    }
    // Left behind, not terminated (terminating a thread inside a driver or mid-write to SQLite
    // could corrupt either). If the process goes on (tests), the work finishes whenever the
    // driver returns, its result is dropped (stopping) and the thread object goes once it has
    // finished, on the GUI thread's event loop. In the kiosk, the process exits right after
    // closing: nobody waits for the thread and it dies with the process, its work unfinished.
    qWarning("gradphoto-kiosk: %s", leftBehind_.c_str());
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
    if (thread_->isFinished()) {  // finished between the wait and the connection
        thread_->wait();
        delete thread_;
    }
}

void PortWorker::submit(const flow::PortCall& call) {
    auto state = state_;
    QPointer<PortWorker> self(this);
    // A copy that is not const (capturing `call` itself would keep its const): the PIN it
    // carries is wiped once answered.
    post([state, self, call = flow::PortCall(call)]() mutable -> std::function<void()> {
        if (!state->ports && !state->unusable) {
            try {
                state->ports = state->factory();
            } catch (const Error& e) {
                state->unusable = e.problem();
            } catch (const std::exception& e) {
                state->unusable =
                    Problem{"ports_unusable", "服务暂时不可用，请联系工作人员。", e.what()};
            }
        }
        flow::PortAnswer answer;
        if (state->ports) {
            answer = flow::answerCall(call, state->ports->students(), state->ports->payments(),
                                      state->ports->submissions());
        } else {
            answer.id = call.id;
            answer.kind = call.kind;
            answer.failed = true;
            answer.problem = state->unusable.value_or(Problem{});
        }
        // Answered: the staff PIN this call carried is not kept while the job waits to be freed.
        store::wipePin(call.staff.pin);
        store::wipePin(call.staffSubmission.pin);
        // Runs on this object's thread, and only while it exists (post() checks).
        return [self, answer] { emit self->answered(answer); };
    });
}

void PortWorker::post(std::function<std::function<void()>()> job) {
    auto state = state_;
    QPointer<PortWorker> self(this);
    QMetaObject::invokeMethod(
        runner_,
        [state, self, job = std::move(job)] {
            if (state->stopping) return;
            std::function<void()> answer = job();
            if (state->stopping || !answer) return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, answer = std::move(answer)] {
                    if (self) answer();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

}  // namespace gradphoto::kiosk
