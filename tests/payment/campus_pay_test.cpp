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

#include "campus_gateway.h"
#include "payment/signing.h"
#include "payment_fixture.h"

namespace gradphoto::payment::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

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
