#include "network_status.h"

#include <QNetworkInformation>

namespace gradphoto::kiosk {

NetworkStatus::NetworkStatus(QObject* parent) : QObject(parent) {
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    if (auto* info = QNetworkInformation::instance())
        connect(info, &QNetworkInformation::reachabilityChanged, this, &NetworkStatus::changed);
}

NetworkStatus::State NetworkStatus::state() const {
    const auto* info = QNetworkInformation::instance();
    if (!info) return State::kUnknown;
    switch (info->reachability()) {
        case QNetworkInformation::Reachability::Online:
            return State::kOnline;
        case QNetworkInformation::Reachability::Disconnected:
        case QNetworkInformation::Reachability::Local:
            return State::kOffline;
        default:
            return State::kUnknown;
    }
}

}  // namespace gradphoto::kiosk
