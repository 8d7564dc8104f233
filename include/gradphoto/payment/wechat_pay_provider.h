#pragma once

// WeChat Pay API v3, Native payment (the student scans a QR code shown on the kiosk):
//   create  POST /v3/pay/transactions/native                      → {"code_url"}
//   query   GET  /v3/pay/transactions/out-trade-no/{no}?mchid=…    → {"trade_state",...}
//   close   POST /v3/pay/transactions/out-trade-no/{no}/close      → 204
//   refund  POST /v3/refund/domestic/refunds
// Every request carries `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,
// signature=…,timestamp=…,serial_no=…`, the signature being SHA256-RSA with the merchant key
// over "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n". Every 2xx answer must carry
// Wechatpay-Serial (the configured platform serial), Wechatpay-Timestamp (within 5 minutes),
// Wechatpay-Nonce and Wechatpay-Signature over "TIMESTAMP\nNONCE\nBODY\n", verified with the
// platform public key; anything else is refused as forged or replayed. Notifications are
// verified the same way and their resource decrypted with AEAD_AES_256_GCM and the APIv3 key.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "gradphoto/payment/payment_provider.h"

namespace gradphoto::payment {

class PemKey;

struct WechatPaySettings {
    std::string apiBase = "https://api.mch.weixin.qq.com";
    std::string appid;
    std::string mchid;
    std::string merchantSerialNo;
    std::filesystem::path merchantPrivateKeyFile;  // chmod 600
    std::string platformSerialNo;
    std::filesystem::path platformPublicKeyFile;  // public key or platform certificate
    std::filesystem::path apiV3KeyFile;           // 32 characters, chmod 600; notifications only
    std::string notifyUrl;
    long requestTimeoutMs = 10000;
    int maxClockSkewSeconds = 300;
};

class WechatPayProvider : public PaymentProvider {
  public:
    // Reads the keys now: throws Error(kInput) for a missing, unreadable or too readable file.
    explicit WechatPayProvider(const WechatPaySettings& settings,
                               store::Clock clock = store::systemNow);
    ~WechatPayProvider() override;

    std::string name() const override { return "wechat"; }
    std::string create(const CreateRequest& request) override;
    ProviderStatus query(const std::string& orderNo) override;
    void close(const std::string& orderNo) override;
    void refund(const std::string& orderNo, std::int64_t amountFen) override;

    // Verifies and decrypts a notification (headers with lower-case names). Throws PaymentFault
    // (permanent) "notify_signature" / "notify_malformed" for anything not from WeChat Pay.
    ProviderNotification parseNotification(const std::map<std::string, std::string>& headers,
                                           const std::string& body);

    // WeChat's trade_state → our state.
    static OrderState stateOf(const std::string& tradeState);

  private:
    struct Answer {
        long status = 0;
        std::string body;
    };
    Answer call(const std::string& method, const std::string& pathAndQuery,
                const std::string& body);
    void verifySigned(const std::map<std::string, std::string>& headers, const std::string& body,
                      const char* code);

    WechatPaySettings settings_;
    store::Clock clock_;
    std::unique_ptr<PemKey> merchantKey_;
    std::unique_ptr<PemKey> platformKey_;
    std::optional<std::string> apiV3Key_;
};

}  // namespace gradphoto::payment
