#pragma once

#include <QObject>
#include <QString>

namespace gradphoto::kiosk {

// Whether the booth is online, from QNetworkInformation. Without a backend (containers, some
// desktops) the state is unknown, and the kiosk treats unknown as "try and see".
class NetworkStatus : public QObject {
    Q_OBJECT
  public:
    enum class State { kUnknown, kOnline, kOffline };
    explicit NetworkStatus(QObject* parent = nullptr);
    State state() const;

  signals:
    void changed();
};

}  // namespace gradphoto::kiosk
