// WechatPayProvider against a loopback server that plays WeChat Pay API v3: it checks every
// request's Authorization signature with the merchant public key and signs its answers with a
// platform key generated here. Forged, replayed, malformed, slow and absent answers.

#include "gradphoto/payment/wechat_pay_provider.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "payment/signing.h"
#include "payment_fixture.h"

namespace gradphoto::payment::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

const std::string kMchid = "1900000109";
const std::string kAppid = "wxd678efh567hg6787";
const std::string kMerchantSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
const std::string kPlatformSerial = "7132D72A03E93CDDF8C03BBD1F37EEDF2A7B16A1";
const std::string kApiV3Key = "0123456789abcdef0123456789ABCDEF";  // 32 bytes

struct KeyPair {
    std::string privatePem;
    std::string publicPem;
};

KeyPair generateRsa() {
    EVP_PKEY* key = EVP_RSA_gen(2048);
    EXPECT_NE(key, nullptr);
    auto pem = [&](bool isPrivate) {
        BIO* bio = BIO_new(BIO_s_mem());
        if (isPrivate)
            PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
        else
            PEM_write_bio_PUBKEY(bio, key);
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        std::string text(data, static_cast<size_t>(size));
        BIO_free(bio);
        return text;
    };
    KeyPair pair{pem(true), pem(false)};
    EVP_PKEY_free(key);
    return pair;
}

const KeyPair& merchantKeys() {
    static const KeyPair keys = generateRsa();
    return keys;
}
const KeyPair& platformKeys() {
    static const KeyPair keys = generateRsa();
    return keys;
}
const KeyPair& strangerKeys() {
    static const KeyPair keys = generateRsa();
    return keys;
}

// The parts of `WECHATPAY2-SHA256-RSA2048 k="v",k="v"`.
std::map<std::string, std::string> authorizationParts(const std::string& header) {
    std::map<std::string, std::string> parts;
    const std::string scheme = "WECHATPAY2-SHA256-RSA2048 ";
    if (header.rfind(scheme, 0) != 0) return parts;
    static const std::regex kPart(R"re((\w+)="([^"]*)")re");
    const std::string rest = header.substr(scheme.size());
    for (std::sregex_iterator it(rest.begin(), rest.end(), kPart), end; it != end; ++it)
        parts[(*it)[1]] = (*it)[2];
    return parts;
}

// A WeChat Pay v3 server for one merchant.
class WechatPayServer {
  public:
    enum class Answer { kSigned, kForged, kReplayed, kWrongSerial, kUnsigned, kMalformed, kSlow };

    WechatPayServer() {
        server_.Post("/v3/pay/transactions/native", [this](const httplib::Request& req,
                                                           httplib::Response& res) {
            if (!authentic(req, "/v3/pay/transactions/native", res)) return;
            const auto body = json::parse(req.body);
            std::lock_guard lock(mutex_);
            creates.push_back(body);
            const std::string no = body.at("out_trade_no");
            tradeStates.try_emplace(no, "NOTPAY");
            reply(res, 200, json{{"code_url", "weixin://wxpay/bizpayurl?pr=" + no}}.dump());
        });
        server_.Get(R"(/v3/pay/transactions/out-trade-no/([A-Za-z0-9_-]+))",
                    [this](const httplib::Request& req, httplib::Response& res) {
                        const std::string no = req.matches[1];
                        const std::string path = "/v3/pay/transactions/out-trade-no/" + no +
                                                 "?mchid=" + req.get_param_value("mchid");
                        if (!authentic(req, path, res)) return;
                        std::lock_guard lock(mutex_);
                        ++queries;
                        const auto it = tradeStates.find(no);
                        if (it == tradeStates.end()) {
                            res.status = 404;
                            res.set_content(R"({"code":"ORDER_NOT_EXIST","message":"no"})",
                                            "application/json");
                            return;
                        }
                        json answer = {{"appid", kAppid},
                                       {"mchid", kMchid},
                                       {"out_trade_no", no},
                                       {"trade_state", it->second}};
                        if (it->second == "SUCCESS") answer["transaction_id"] = "4200001" + no;
                        reply(res, 200, answer.dump());
                    });
        server_.Post(
            R"(/v3/pay/transactions/out-trade-no/([A-Za-z0-9_-]+)/close)",
            [this](const httplib::Request& req, httplib::Response& res) {
                const std::string no = req.matches[1];
                if (!authentic(req, "/v3/pay/transactions/out-trade-no/" + no + "/close", res))
                    return;
                std::lock_guard lock(mutex_);
                ++closes;
                if (tradeStates[no] == "NOTPAY") tradeStates[no] = "CLOSED";
                reply(res, 204, "");
            });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~WechatPayServer() {
        server_.stop();
        thread_.join();
    }

    std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
    void pay(const std::string& no) {
        std::lock_guard lock(mutex_);
        tradeStates[no] = "SUCCESS";
    }

    std::atomic<Answer> answer{Answer::kSigned};
    std::atomic<int> verified{0};
    std::atomic<int> refusedRequests{0};
    std::atomic<int> queries{0};
    std::atomic<int> closes{0};
    std::vector<json> creates;
    std::map<std::string, std::string> tradeStates;

  private:
    // Checks the merchant's signature over METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n.
    bool authentic(const httplib::Request& req, const std::string& pathAndQuery,
                   httplib::Response& res) {
        const auto parts = authorizationParts(req.get_header_value("Authorization"));
        const auto merchantPublic = PemKey::publicFromPem(merchantKeys().publicPem);
        const bool ok =
            parts.count("mchid") && parts.at("mchid") == kMchid && parts.count("serial_no") &&
            parts.at("serial_no") == kMerchantSerial && parts.count("nonce_str") &&
            parts.count("timestamp") && parts.count("signature") &&
            verifySha256Rsa(merchantPublic,
                            req.method + "\n" + pathAndQuery + "\n" + parts.at("timestamp") + "\n" +
                                parts.at("nonce_str") + "\n" + req.body + "\n",
                            parts.at("signature"));
        if (!ok) {
            ++refusedRequests;
            res.status = 401;
            res.set_content(R"({"code":"SIGN_ERROR","message":"bad signature"})",
                            "application/json");
            return false;
        }
        ++verified;
        return true;
    }

    void reply(httplib::Response& res, int status, std::string body) {
        const Answer mode = answer;
        if (mode == Answer::kSlow) std::this_thread::sleep_for(1500ms);
        if (mode == Answer::kMalformed) body = R"({"trade_state": "SUCC)";
        long long timestamp = static_cast<long long>(std::time(nullptr));
        if (mode == Answer::kReplayed) timestamp -= 600;
        const std::string nonce = randomHex(16);
        const auto& signer = mode == Answer::kForged ? strangerKeys() : platformKeys();
        const std::string signature =
            signSha256Rsa(PemKey::privateFromPem(signer.privatePem),
                          std::to_string(timestamp) + "\n" + nonce + "\n" + body + "\n");
        res.status = status;
        if (mode != Answer::kUnsigned) {
            res.set_header("Wechatpay-Serial",
                           mode == Answer::kWrongSerial ? std::string("00FF") : kPlatformSerial);
            res.set_header("Wechatpay-Timestamp", std::to_string(timestamp));
            res.set_header("Wechatpay-Nonce", nonce);
            res.set_header("Wechatpay-Signature", signature);
        }
        if (!body.empty()) res.set_content(body, "application/json");
    }

    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
};

class WechatPayTest : public PaymentFixture {
  protected:
    void SetUp() override {
        PaymentFixture::SetUp();
        now = static_cast<store::UnixTime>(std::time(nullptr));
        write("merchant.pem", merchantKeys().privatePem, fs::perms::owner_read);
        write("platform.pem", platformKeys().publicPem,
              fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        write("apiv3.key", kApiV3Key + "\n", fs::perms::owner_read | fs::perms::owner_write);
    }

    void write(const std::string& name, const std::string& text, fs::perms perms) {
        fs::remove(dir / name);
        std::ofstream(dir / name) << text;
        fs::permissions(dir / name, perms);
    }

    WechatPaySettings settings(const std::string& base) {
        WechatPaySettings s;
        s.apiBase = base;
        s.appid = kAppid;
        s.mchid = kMchid;
        s.merchantSerialNo = kMerchantSerial;
        s.merchantPrivateKeyFile = dir / "merchant.pem";
        s.platformSerialNo = kPlatformSerial;
        s.platformPublicKeyFile = dir / "platform.pem";
        s.apiV3KeyFile = dir / "apiv3.key";
        s.notifyUrl = "https://booth.example.edu.cn/pay/notify";
        s.requestTimeoutMs = 8000;  // the machine may be busy; SlowServer sets its own
        return s;
    }

    std::unique_ptr<Checkout> checkoutWith(const WechatPaySettings& s, CheckoutSettings c = {}) {
        auto checkout = makeCheckout(c);
        checkout->addProvider(std::make_unique<WechatPayProvider>(s));
        return checkout;
    }

    // A notification as WeChat Pay sends it: the transaction encrypted with the APIv3 key, the
    // whole body signed with `signer`.
    static std::pair<std::map<std::string, std::string>, std::string> notification(
        const std::string& id, const std::string& orderNo, const KeyPair& signer,
        const std::string& apiV3Key = kApiV3Key, const std::string& mchid = kMchid) {
        const json transaction = {
            {"mchid", mchid},           {"appid", kAppid},
            {"out_trade_no", orderNo},  {"transaction_id", "4200000777"},
            {"trade_state", "SUCCESS"}, {"amount", {{"total", 2000}, {"currency", "CNY"}}}};
        const std::string nonce = "fdasflkja484";
        const json body = {
            {"id", id},
            {"create_time", "2026-05-28T10:00:00+08:00"},
            {"event_type", "TRANSACTION.SUCCESS"},
            {"resource_type", "encrypt-resource"},
            {"resource",
             {{"algorithm", "AEAD_AES_256_GCM"},
              {"ciphertext", encryptAes256Gcm(apiV3Key, nonce, "transaction", transaction.dump())},
              {"associated_data", "transaction"},
              {"nonce", nonce}}}};
        const std::string text = body.dump();
        const std::string timestamp = std::to_string(std::time(nullptr));
        const std::string headerNonce = randomHex(16);
        std::map<std::string, std::string> headers = {
            {"wechatpay-serial", kPlatformSerial},
            {"wechatpay-timestamp", timestamp},
            {"wechatpay-nonce", headerNonce},
            {"wechatpay-signature",
             signSha256Rsa(PemKey::privateFromPem(signer.privatePem),
                           timestamp + "\n" + headerNonce + "\n" + text + "\n")}};
        return {headers, text};
    }
};

TEST_F(WechatPayTest, CreatesSignedNativeOrderAndSeesItPaid) {
    WechatPayServer server;
    auto checkout = checkoutWith(settings(server.base()));
    const auto order = checkout->start(kStudent, "wechat");
    EXPECT_EQ(order.state, OrderState::kPaying);
    EXPECT_EQ(order.codeUrl, "weixin://wxpay/bizpayurl?pr=" + order.orderNo);
    ASSERT_EQ(server.creates.size(), 1u);
    const json& sent = server.creates[0];
    EXPECT_EQ(sent["appid"], kAppid);
    EXPECT_EQ(sent["mchid"], kMchid);
    EXPECT_EQ(sent["out_trade_no"], order.orderNo);
    EXPECT_TRUE(sent["amount"]["total"].is_number_integer());
    EXPECT_EQ(sent["amount"]["total"], 2000);
    EXPECT_EQ(sent["amount"]["currency"], "CNY");
    EXPECT_EQ(sent["notify_url"], "https://booth.example.edu.cn/pay/notify");
    EXPECT_TRUE(std::regex_match(sent["time_expire"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00)")));
    EXPECT_EQ(sent.dump().find(kStudent), std::string::npos);  // the 学号 stays at the booth

    EXPECT_EQ(checkout->refresh(order.orderNo).state, OrderState::kPaying);
    server.pay(order.orderNo);
    const auto paid = checkout->refresh(order.orderNo);
    EXPECT_EQ(paid.state, OrderState::kPaid);
    EXPECT_EQ(paid.providerTransactionId, "4200001" + order.orderNo);
    EXPECT_EQ(server.refusedRequests, 0);
    EXPECT_EQ(server.verified, 3);
}

TEST_F(WechatPayTest, DuplicateCreateForTheSameStudentReturnsTheSameOrder) {
    WechatPayServer server;
    auto checkout = checkoutWith(settings(server.base()));
    const auto a = checkout->start(kStudent, "wechat");
    const auto b = checkout->start(kStudent, "wechat");
    EXPECT_EQ(a.orderNo, b.orderNo);
    EXPECT_EQ(server.creates.size(), 1u);
}

TEST_F(WechatPayTest, UserNeverPaysAndTheOrderIsClosed) {
    WechatPayServer server;
    CheckoutSettings c;
    c.orderTimeoutSeconds = 6;
    c.pollMs = 2000;
    auto checkout = checkoutWith(settings(server.base()), c);
    const auto order = checkout->start(kStudent, "wechat");
    const auto done = checkout->waitForPayment(order.orderNo, [&](std::chrono::milliseconds d) {
        now += static_cast<store::UnixTime>(d.count() / 1000);
    });
    EXPECT_EQ(done.state, OrderState::kClosed);
    EXPECT_EQ(server.closes, 1);
    EXPECT_EQ(server.tradeStates[order.orderNo], "CLOSED");
}

TEST_F(WechatPayTest, PaidAtTheLastSecondIsKept) {
    WechatPayServer server;
    auto checkout = checkoutWith(settings(server.base()));
    const auto order = checkout->start(kStudent, "wechat");
    server.pay(order.orderNo);
    EXPECT_EQ(checkout->close(order.orderNo).state, OrderState::kPaid);
    EXPECT_EQ(server.closes, 0);
}

TEST_F(WechatPayTest, ForgedReplayedAndUnsignedAnswersAreRefused) {
    WechatPayServer server;
    auto checkout = checkoutWith(settings(server.base()));
    const auto order = checkout->start(kStudent, "wechat");
    server.pay(order.orderNo);
    for (auto mode : {WechatPayServer::Answer::kForged, WechatPayServer::Answer::kReplayed,
                      WechatPayServer::Answer::kWrongSerial, WechatPayServer::Answer::kUnsigned}) {
        server.answer = mode;
        try {
            checkout->refresh(order.orderNo);
            ADD_FAILURE() << "an answer in mode " << static_cast<int>(mode) << " was accepted";
        } catch (const PaymentFault& fault) {
            EXPECT_FALSE(fault.temporary());
            EXPECT_EQ(fault.problem().code, "response_signature");
        }
        const auto stored = checkout->orders().find(order.orderNo);
        EXPECT_EQ(stored->state, OrderState::kPaying);  // a forged "SUCCESS" pays nothing
        EXPECT_EQ(stored->lastFault, "response_signature");
    }
    server.answer = WechatPayServer::Answer::kSigned;
    EXPECT_EQ(checkout->refresh(order.orderNo).state, OrderState::kPaid);
}

TEST_F(WechatPayTest, MalformedJsonIsATemporaryFault) {
    WechatPayServer server;
    auto checkout = checkoutWith(settings(server.base()));
    const auto order = checkout->start(kStudent, "wechat");
    server.answer = WechatPayServer::Answer::kMalformed;
    try {
        checkout->refresh(order.orderNo);
        FAIL() << "malformed JSON was accepted";
    } catch (const PaymentFault& fault) {
        EXPECT_TRUE(fault.temporary());
        EXPECT_EQ(fault.problem().code, "provider_malformed");
    }
}

TEST_F(WechatPayTest, SlowServerTimesOutAsTemporary) {
    WechatPayServer server;
    auto s = settings(server.base());
    s.requestTimeoutMs = 300;
    auto checkout = checkoutWith(s);
    const auto order = checkout->start(kStudent, "wechat");
    server.answer = WechatPayServer::Answer::kSlow;
    try {
        checkout->refresh(order.orderNo);
        FAIL() << "a timed out query returned";
    } catch (const PaymentFault& fault) {
        EXPECT_TRUE(fault.temporary());
        EXPECT_EQ(fault.problem().code, "timeout");
    }
}

TEST_F(WechatPayTest, NetworkDownKeepsTheOrderAndRecoversMidQuery) {
    std::string base;
    {
        WechatPayServer gone;
        base = gone.base();
    }  // nothing listens on that port any more
    auto checkout = checkoutWith(settings(base));
    try {
        checkout->start(kStudent, "wechat");
        FAIL() << "created an order with nothing listening";
    } catch (const PaymentFault& fault) {
        EXPECT_TRUE(fault.temporary());
        EXPECT_EQ(fault.problem().code, "network");
    }
    const auto orders = checkout->orders().list({});
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].state, OrderState::kCreated);

    // Online again (another server): the same order is created; then the network fails in the
    // middle of polling and the poller backs off and finds the payment.
    WechatPayServer server;
    auto online = checkoutWith(settings(server.base()));
    const auto order = online->start(kStudent, "wechat");
    EXPECT_EQ(order.orderNo, orders[0].orderNo);
    auto offline = checkoutWith(settings(base));
    EXPECT_THROW(offline->refresh(order.orderNo), PaymentFault);
    EXPECT_EQ(online->orders().find(order.orderNo)->lastFault, "network");
    server.pay(order.orderNo);
    EXPECT_EQ(online->refresh(order.orderNo).state, OrderState::kPaid);
}

TEST_F(WechatPayTest, KilledBetweenPaidAndTheLocalUpdateIsRecoveredOnRestart) {
    WechatPayServer server;
    std::string orderNo;
    {
        auto checkout = checkoutWith(settings(server.base()));
        orderNo = checkout->start(kStudent, "wechat").orderNo;
        server.pay(orderNo);
    }  // the kiosk dies before it polls again
    store.reset();
    store = store::SqliteRecordStore::open(dir.path());
    auto checkout = checkoutWith(settings(server.base()));
    const auto resumed = checkout->resumeOpenOrders();
    ASSERT_EQ(resumed.size(), 1u);
    EXPECT_EQ(resumed[0].state, OrderState::kPaid);
    EXPECT_EQ(checkout->start(kStudent, "wechat").orderNo, orderNo);
    EXPECT_EQ(server.creates.size(), 1u);
}

TEST_F(WechatPayTest, NotificationsAreVerifiedDecryptedAndAppliedOnce) {
    WechatPayServer server;
    WechatPayProvider provider(settings(server.base()));
    auto checkout = checkoutWith(settings(server.base()));
    const auto order = checkout->start(kStudent, "wechat");

    const auto [headers, body] = notification("EV-0001", order.orderNo, platformKeys());
    const auto parsed = provider.parseNotification(headers, body);
    EXPECT_EQ(parsed.orderNo, order.orderNo);
    EXPECT_EQ(parsed.status.state, OrderState::kPaid);
    EXPECT_TRUE(checkout->applyNotification("wechat", parsed));
    EXPECT_FALSE(checkout->applyNotification("wechat", provider.parseNotification(headers, body)));
    EXPECT_EQ(checkout->orders().find(order.orderNo)->state, OrderState::kPaid);
}

TEST_F(WechatPayTest, ForgedNotificationsAreRefused) {
    WechatPayServer server;
    WechatPayProvider provider(settings(server.base()));
    auto expectRefused = [&](const std::map<std::string, std::string>& headers,
                             const std::string& body, const std::string& code) {
        try {
            provider.parseNotification(headers, body);
            ADD_FAILURE() << "a forged notification was accepted";
        } catch (const PaymentFault& fault) {
            EXPECT_FALSE(fault.temporary());
            EXPECT_EQ(fault.problem().code, code);
        }
    };
    auto [forgedHeaders, forgedBody] = notification("EV-1", "GP1", strangerKeys());
    expectRefused(forgedHeaders, forgedBody, "notify_signature");
    auto [headers, body] = notification("EV-2", "GP2", platformKeys());
    expectRefused(headers, body + " ", "notify_signature");  // tampered body
    auto [wrongKeyHeaders, wrongKeyBody] =
        notification("EV-3", "GP3", platformKeys(), "ffffffffffffffffffffffffffffffff");
    expectRefused(wrongKeyHeaders, wrongKeyBody, "notify_malformed");
    auto [otherHeaders, otherBody] =
        notification("EV-4", "GP4", platformKeys(), kApiV3Key, "1900000999");
    expectRefused(otherHeaders, otherBody, "notify_malformed");
}

TEST_F(WechatPayTest, RequestsWithAWrongMerchantKeyAreRefusedByTheServer) {
    WechatPayServer server;
    write("merchant.pem", strangerKeys().privatePem, fs::perms::owner_read);
    auto checkout = checkoutWith(settings(server.base()));
    try {
        checkout->start(kStudent, "wechat");
        FAIL() << "the server accepted a request signed with the wrong key";
    } catch (const PaymentFault& fault) {
        EXPECT_FALSE(fault.temporary());
    }
    EXPECT_EQ(server.refusedRequests, 1);
    EXPECT_EQ(checkout->orders().list({}).at(0).state, OrderState::kFailed);
}

TEST_F(WechatPayTest, KeyFilesOthersCanReadAreRefused) {
    fs::permissions(dir / "merchant.pem", fs::perms::others_read, fs::perm_options::add);
    try {
        WechatPayProvider provider(settings("http://127.0.0.1:1"));
        FAIL() << "a world-readable private key was used";
    } catch (const Error& error) {
        EXPECT_EQ(error.problem().code, "key_file_permissions");
        EXPECT_EQ(std::string(error.what()).find("PRIVATE KEY"), std::string::npos);
    }
}

}  // namespace
}  // namespace gradphoto::payment::test
