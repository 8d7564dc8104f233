#include "port_worker.h"

#include <QMetaObject>
#include <QPointer>
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
    thread_.setObjectName("gradphoto-ports");
    runner_ = new QObject;
    runner_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, runner_, &QObject::deleteLater);
    thread_.start();
}

PortWorker::~PortWorker() {
    state_->stopping = true;
    auto state = state_;
    // The ports (and their SQLite connection) are closed on the thread that opened them.
    QMetaObject::invokeMethod(
        runner_, [state] { state->ports.reset(); }, Qt::QueuedConnection);
    thread_.quit();
    thread_.wait();
}

void PortWorker::submit(const flow::PortCall& call) {
    auto state = state_;
    QPointer<PortWorker> self(this);
    post([state, self, call]() -> std::function<void()> {
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
            answer = flow::answerCall(call, state->ports->students(), state->ports->payments());
        } else {
            answer.id = call.id;
            answer.kind = call.kind;
            answer.failed = true;
            answer.problem = state->unusable.value_or(Problem{});
        }
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
