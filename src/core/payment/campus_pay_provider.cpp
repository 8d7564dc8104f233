#include "gradphoto/payment/campus_pay_provider.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "http_transport.h"
#include "signing.h"

namespace gradphoto::payment {
namespace {

using nlohmann::json;

PaymentFault refused(const std::string& what, long status) {
    return PaymentFault(
        false, {"provider_refused", "校园支付平台拒绝了请求",
                "the campus gateway refused " + what + ": HTTP " + std::to_string(status)});
}

json parseObject(const std::string& body) {
    return parseProviderAnswer(body, "校园支付平台", "the campus gateway");
}

}  // namespace

CampusPayProvider::CampusPayProvider(const CampusPaySettings& settings, store::Clock clock)
    : settings_(settings), clock_(std::move(clock)) {
    if (settings_.apiBase.empty() || settings_.merchantId.empty())
        throw Error(Error::Kind::kInput, {"payment_settings", "校园支付配置不完整",
                                          "payment.campus needs api_base and merchant_id"});
    secret_ = readSecretFile(settings_.secretFile, "campus gateway secret");
}

std::string CampusPayProvider::requestSignature(const std::string& secret,
                                                const std::string& method,
                                                const std::string& pathAndQuery,
                                                const std::string& timestamp,
                                                const std::string& nonce, const std::string& body) {
    return hmacSha256Hex(secret, method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce +
                                     "\n" + body + "\n");
}

std::string CampusPayProvider::answerSignature(const std::string& secret,
                                               const std::string& timestamp,
                                               const std::string& nonce, const std::string& body) {
    return hmacSha256Hex(secret, timestamp + "\n" + nonce + "\n" + body + "\n");
}

CampusPayProvider::Answer CampusPayProvider::call(const std::string& method,
                                                  const std::string& pathAndQuery,
                                                  const std::string& body) {
    const std::string timestamp = std::to_string(clock_());
    const std::string nonce = randomHex(16);
    HttpRequest request;
    request.method = method;
    request.url = settings_.apiBase + pathAndQuery;
    request.body = body;
    request.timeoutMs = settings_.requestTimeoutMs;
    request.headers["Accept"] = "application/json";
    if (method != "GET") request.headers["Content-Type"] = "application/json";
    request.headers["X-Campus-Merchant"] = settings_.merchantId;
    request.headers["X-Campus-Timestamp"] = timestamp;
    request.headers["X-Campus-Nonce"] = nonce;
    request.headers["X-Campus-Signature"] =
        requestSignature(secret_, method, pathAndQuery, timestamp, nonce, body);
    const HttpResponse response = sendHttp(request);
    if (response.status >= 500 || response.status == 429)
        throw PaymentFault(true,
                           {"provider_unavailable", "校园支付平台暂时不可用",
                            "the campus gateway answered HTTP " + std::to_string(response.status)});
    if (response.status >= 200 && response.status < 300) {
        const std::string at = response.header("x-campus-timestamp");
        char* end = nullptr;
        const long long t = std::strtoll(at.c_str(), &end, 10);
        const bool fresh =
            !at.empty() && *end == '\0' &&
            std::llabs(static_cast<long long>(clock_()) - t) <= settings_.maxClockSkewSeconds;
        if (!fresh ||
            !equalInConstantTime(
                response.header("x-campus-signature"),
                answerSignature(secret_, at, response.header("x-campus-nonce"), response.body)))
            throw PaymentFault(false, {"response_signature", "校园支付平台的应答签名无效，已拒绝",
                                       "campus gateway answer unsigned, forged or replayed: "
                                       "refused"});
    }
    return {response.status, response.body};
}

std::string CampusPayProvider::create(const CreateRequest& request) {
    const json body = {{"merchant_id", settings_.merchantId},
                       {"order_no", request.orderNo},
                       {"amount_fen", request.amountFen},
                       {"description", request.description},
                       {"expires_at", request.expiresAt}};
    const auto answer = call("POST", "/orders", body.dump());
    if (answer.status != 200 && answer.status != 201) throw refused("the order", answer.status);
    const json parsed = parseObject(answer.body);
    if (!parsed.contains("pay_url") || !parsed["pay_url"].is_string())
        throw PaymentFault(true, {"provider_malformed", "校园支付平台返回了无法识别的数据",
                                  "the campus gateway answered without pay_url"});
    return parsed["pay_url"].get<std::string>();
}

ProviderStatus CampusPayProvider::query(const std::string& orderNo) {
    const auto answer =
        call("GET", "/orders/" + orderNo + "?merchant_id=" + settings_.merchantId, "");
    if (answer.status == 404) return {OrderState::kClosed, ""};
    if (answer.status != 200) throw refused("the query", answer.status);
    const json parsed = parseObject(answer.body);
    const std::string state = parsed.value("state", "");
    if (parsed.value("order_no", "") != orderNo || state.empty())
        throw PaymentFault(true, {"provider_malformed", "校园支付平台返回了无法识别的数据",
                                  "the campus gateway query answer names no state"});
    OrderState s = OrderState::kPaying;
    if (state == "paid")
        s = OrderState::kPaid;
    else if (state == "closed")
        s = OrderState::kClosed;
    else if (state == "failed")
        s = OrderState::kFailed;
    else if (state == "refunded")
        s = OrderState::kRefunded;
    return {s, parsed.value("transaction_id", "")};
}

void CampusPayProvider::close(const std::string& orderNo) {
    const auto answer = call("POST", "/orders/" + orderNo + "/close",
                             json{{"merchant_id", settings_.merchantId}}.dump());
    if (answer.status == 200 || answer.status == 204 || answer.status == 404) return;
    throw refused("closing the order", answer.status);
}

void CampusPayProvider::refund(const std::string& orderNo, std::int64_t amountFen) {
    const auto answer =
        call("POST", "/orders/" + orderNo + "/refund",
             json{{"merchant_id", settings_.merchantId}, {"amount_fen", amountFen}}.dump());
    if (answer.status != 200) throw refused("the refund", answer.status);
}

}  // namespace gradphoto::payment
