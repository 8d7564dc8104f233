#pragma once

// The campus gateway: a university's unified payment platform (校园统一支付平台) behind a small
// JSON-over-HTTPS API, so that a school can plug in its card system without code. The protocol
// (docs/payment.md, "The campus gateway protocol"):
//
//   POST {api_base}/orders               {"merchant_id","order_no","amount_fen","description",
//                                         "expires_at"} → {"pay_url"}
//   GET  {api_base}/orders/{order_no}?merchant_id=M → {"order_no","state","transaction_id"}
//        state: unpaid | paid | closed | failed | refunded
//   POST {api_base}/orders/{order_no}/close   {"merchant_id"} → 200 or 204
//   POST {api_base}/orders/{order_no}/refund  {"merchant_id","amount_fen"} → 200
//
// Requests carry X-Campus-Merchant, X-Campus-Timestamp (Unix seconds), X-Campus-Nonce and
// X-Campus-Signature = hex HMAC-SHA256(secret, "METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n").
// Answers carry X-Campus-Timestamp, X-Campus-Nonce and X-Campus-Signature = hex
// HMAC-SHA256(secret, "TIMESTAMP\nNONCE\nBODY\n"); an answer without a valid signature or older
// than 5 minutes is refused.

#include <filesystem>
#include <string>

#include "gradphoto/payment/payment_provider.h"

namespace gradphoto::payment {

struct CampusPaySettings {
    std::string apiBase;
    std::string merchantId;
    std::filesystem::path secretFile;  // chmod 600
    long requestTimeoutMs = 10000;
    int maxClockSkewSeconds = 300;
};

class CampusPayProvider : public PaymentProvider {
  public:
    explicit CampusPayProvider(const CampusPaySettings& settings,
                               store::Clock clock = store::systemNow);

    std::string name() const override { return "campus"; }
    std::string create(const CreateRequest& request) override;
    ProviderStatus query(const std::string& orderNo) override;
    void close(const std::string& orderNo) override;
    void refund(const std::string& orderNo, std::int64_t amountFen) override;

    static std::string requestSignature(const std::string& secret, const std::string& method,
                                        const std::string& pathAndQuery,
                                        const std::string& timestamp, const std::string& nonce,
                                        const std::string& body);
    static std::string answerSignature(const std::string& secret, const std::string& timestamp,
                                       const std::string& nonce, const std::string& body);

  private:
    struct Answer {
        long status = 0;
        std::string body;
    };
    Answer call(const std::string& method, const std::string& pathAndQuery,
                const std::string& body);

    CampusPaySettings settings_;
    store::Clock clock_;
    std::string secret_;
};

}  // namespace gradphoto::payment
