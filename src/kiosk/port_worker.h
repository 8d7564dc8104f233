#pragma once

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

#include "gradphoto/flow/port_call.h"

namespace gradphoto::kiosk {

// The slow ports (student lookup, payment) as the worker thread owns them: its own record-store
// connection (one SQLite connection per thread) and the ports over it.
class WorkerPorts {
  public:
    virtual ~WorkerPorts() = default;
    virtual flow::StudentLookup* students() = 0;
    virtual flow::PaymentGateway* payments() = 0;
};
// Called on the worker thread, once, before the first call; may throw (every answer then says
// why).
using WorkerPortsFactory = std::function<std::unique_ptr<WorkerPorts>()>;

// Runs the flow's port calls (lookups, payment create / poll / close, staff confirmation) one
// after the other on its own thread, so that a slow network never freezes the screen. Answers come
// back on the thread that owns this object through answered().
class PortWorker : public QObject {
    Q_OBJECT
  public:
    explicit PortWorker(WorkerPortsFactory factory, QObject* parent = nullptr);
    ~PortWorker() override;  // finishes the call in progress, drops the queued ones

    void submit(const flow::PortCall& call);

  signals:
    void answered(const gradphoto::flow::PortAnswer& answer);

  private:
    QThread thread_;
    QObject* runner_ = nullptr;  // lives on thread_
    std::shared_ptr<struct PortWorkerState> state_;
};

}  // namespace gradphoto::kiosk
