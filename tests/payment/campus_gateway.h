#pragma once
// A loopback campus payment gateway (cpp-httplib) for the tests: checks the HMAC of every request
// (CampusPayProvider::requestSignature) and signs its answers, or forges / replays them on demand.
// Order states live here, in the "provider", so they survive a killed kiosk process.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "gradphoto/payment/campus_pay_provider.h"
#include "payment/signing.h"

namespace gradphoto::payment::test {

inline const std::string kSecret = "campus-shared-secret-for-tests";
inline const std::string kMerchant = "PHOTO01";

class CampusGateway {
  public:
    enum class Answer { kSigned, kForged, kReplayed };

    CampusGateway() {
        server_.Post("/orders", [this](const httplib::Request& req, httplib::Response& res) {
            if (!authentic(req, "/orders", res)) return;
            const auto body = nlohmann::json::parse(req.body);
            std::lock_guard lock(mutex_);
            lastCreate = body;
            ++creates;
            if (!states.count(body.at("order_no"))) states[body.at("order_no")] = "unpaid";
            reply(res, 200,
                  nlohmann::json{{"pay_url", "https://pay.campus.example/qr/" +
                                                 body.at("order_no").get<std::string>()}}
                      .dump());
        });
        server_.Get(R"(/orders/([A-Za-z0-9]+))", [this](const httplib::Request& req,
                                                        httplib::Response& res) {
            const std::string no = req.matches[1];
            if (!authentic(req,
                           "/orders/" + no + "?merchant_id=" + req.get_param_value("merchant_id"),
                           res))
                return;
            std::lock_guard lock(mutex_);
            reply(res, 200,
                  nlohmann::json{{"order_no", no}, {"state", states[no]}, {"transaction_id", "C1"}}
                      .dump());
        });
        server_.Post(R"(/orders/([A-Za-z0-9]+)/close)",
                     [this](const httplib::Request& req, httplib::Response& res) {
                         const std::string no = req.matches[1];
                         if (!authentic(req, "/orders/" + no + "/close", res)) return;
                         std::lock_guard lock(mutex_);
                         if (states[no] == "unpaid") states[no] = "closed";
                         reply(res, 204, "");
                     });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~CampusGateway() {
        server_.stop();
        thread_.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

    std::atomic<Answer> answer{Answer::kSigned};
    std::atomic<int> refused{0};
    // Guarded by lock() while the server runs.
    nlohmann::json lastCreate;
    int creates = 0;
    std::map<std::string, std::string> states;
    std::unique_lock<std::mutex> lock() { return std::unique_lock(mutex_); }

  private:
    bool authentic(const httplib::Request& req, const std::string& pathAndQuery,
                   httplib::Response& res) {
        const bool ok =
            req.get_header_value("X-Campus-Merchant") == kMerchant &&
            req.get_header_value("X-Campus-Signature") ==
                CampusPayProvider::requestSignature(
                    kSecret, req.method, pathAndQuery, req.get_header_value("X-Campus-Timestamp"),
                    req.get_header_value("X-Campus-Nonce"), req.body);
        if (!ok) {
            ++refused;
            res.status = 401;
        }
        return ok;
    }
    void reply(httplib::Response& res, int status, const std::string& body) {
        long long t = static_cast<long long>(std::time(nullptr));
        if (answer == Answer::kReplayed) t -= 3600;
        const std::string nonce = randomHex(16);
        const std::string secret = answer == Answer::kForged ? "guessed" : kSecret;
        res.status = status;
        res.set_header("X-Campus-Timestamp", std::to_string(t));
        res.set_header("X-Campus-Nonce", nonce);
        res.set_header("X-Campus-Signature",
                       CampusPayProvider::answerSignature(secret, std::to_string(t), nonce, body));
        if (!body.empty()) res.set_content(body, "application/json");
    }

    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
};

}  // namespace gradphoto::payment::test
