// CampusPayProvider against a loopback campus gateway (cpp-httplib) that checks the HMAC of every
// request and signs its answers.

#include "gradphoto/payment/campus_pay_provider.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "payment/signing.h"
#include "payment_fixture.h"

namespace gradphoto::payment::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

const std::string kSecret = "campus-shared-secret-for-tests";
const std::string kMerchant = "PHOTO01";

class CampusGateway {
  public:
    enum class Answer { kSigned, kForged, kReplayed };

    CampusGateway() {
        server_.Post("/orders", [this](const httplib::Request& req, httplib::Response& res) {
            if (!authentic(req, "/orders", res)) return;
            const auto body = json::parse(req.body);
            std::lock_guard lock(mutex_);
            lastCreate = body;
            states[body.at("order_no")] = "unpaid";
            reply(res, 200,
                  json{{"pay_url",
                        "https://pay.campus.example/qr/" + body.at("order_no").get<std::string>()}}
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
                  json{{"order_no", no}, {"state", states[no]}, {"transaction_id", "C1"}}.dump());
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
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~CampusGateway() {
        server_.stop();
        thread_.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

    std::atomic<Answer> answer{Answer::kSigned};
    std::atomic<int> refused{0};
    json lastCreate;
    std::map<std::string, std::string> states;

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

class CampusPayTest : public PaymentFixture {
  protected:
    CampusPaySettings settings(const std::string& base, const std::string& secret = kSecret) {
        fs::remove(dir / "campus.secret");
        std::ofstream(dir / "campus.secret") << secret << "\n";
        fs::permissions(dir / "campus.secret", fs::perms::owner_read | fs::perms::owner_write);
        CampusPaySettings s;
        s.apiBase = base;
        s.merchantId = kMerchant;
        s.secretFile = dir / "campus.secret";
        s.requestTimeoutMs = 8000;
        return s;
    }
};

TEST_F(CampusPayTest, CreateQueryCloseWithSignedRequestsAndAnswers) {
    CampusGateway gateway;
    now = static_cast<store::UnixTime>(std::time(nullptr));
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<CampusPayProvider>(settings(gateway.base())));
    const auto order = checkout->start(kStudent, "campus");
    EXPECT_EQ(order.state, OrderState::kPaying);
    EXPECT_EQ(order.codeUrl, "https://pay.campus.example/qr/" + order.orderNo);
    EXPECT_EQ(gateway.lastCreate["amount_fen"], 2000);
    EXPECT_TRUE(gateway.lastCreate["amount_fen"].is_number_integer());
    EXPECT_EQ(checkout->refresh(order.orderNo).state, OrderState::kPaying);
    EXPECT_EQ(checkout->close(order.orderNo).state, OrderState::kClosed);
    EXPECT_EQ(gateway.states[order.orderNo], "closed");
    EXPECT_EQ(gateway.refused, 0);
}

TEST_F(CampusPayTest, PaidOrderIsSeen) {
    CampusGateway gateway;
    now = static_cast<store::UnixTime>(std::time(nullptr));
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<CampusPayProvider>(settings(gateway.base())));
    const auto order = checkout->start(kStudent, "campus");
    gateway.states[order.orderNo] = "paid";
    const auto paid = checkout->refresh(order.orderNo);
    EXPECT_EQ(paid.state, OrderState::kPaid);
    EXPECT_EQ(paid.providerTransactionId, "C1");
}

TEST_F(CampusPayTest, ForgedAndReplayedAnswersAreRefused) {
    CampusGateway gateway;
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<CampusPayProvider>(settings(gateway.base())));
    const auto order = checkout->start(kStudent, "campus");
    gateway.states[order.orderNo] = "paid";
    for (auto mode : {CampusGateway::Answer::kForged, CampusGateway::Answer::kReplayed}) {
        gateway.answer = mode;
        try {
            checkout->refresh(order.orderNo);
            ADD_FAILURE() << "a bad answer was accepted";
        } catch (const PaymentFault& fault) {
            EXPECT_FALSE(fault.temporary());
            EXPECT_EQ(fault.problem().code, "response_signature");
        }
    }
    EXPECT_EQ(checkout->orders().find(order.orderNo)->state, OrderState::kPaying);
}

TEST_F(CampusPayTest, WrongSecretIsRefusedByTheGateway) {
    CampusGateway gateway;
    auto checkout = makeCheckout();
    checkout->addProvider(
        std::make_unique<CampusPayProvider>(settings(gateway.base(), "wrong secret")));
    EXPECT_THROW(checkout->start(kStudent, "campus"), PaymentFault);
    EXPECT_EQ(gateway.refused, 1);
    EXPECT_EQ(checkout->orders().list({}).at(0).state, OrderState::kFailed);
}

}  // namespace
}  // namespace gradphoto::payment::test
