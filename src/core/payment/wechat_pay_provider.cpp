#include "gradphoto/payment/wechat_pay_provider.h"

#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

#include "http_transport.h"
#include "signing.h"

namespace gradphoto::payment {
namespace {

using nlohmann::json;

PaymentFault permanent(const std::string& code, const std::string& zh, const std::string& en) {
    return PaymentFault(false, {code, zh, en});
}

// RFC 3339 in China time, as WeChat Pay wants time_expire.
std::string chinaTime(store::UnixTime t) {
    const std::time_t shifted = t + 8 * 3600;
    std::tm tm{};
    gmtime_r(&shifted, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
    return buf;
}

json parseJson(const std::string& body) {
    return parseProviderAnswer(body, "支付服务", "WeChat Pay");
}

}  // namespace

WechatPayProvider::WechatPayProvider(const WechatPaySettings& settings, store::Clock clock)
    : settings_(settings), clock_(std::move(clock)) {
    if (settings_.mchid.empty() || settings_.appid.empty() || settings_.merchantSerialNo.empty() ||
        settings_.platformSerialNo.empty())
        throw Error(Error::Kind::kInput,
                    {"payment_settings", "微信支付配置不完整",
                     "payment.wechat needs appid, mchid, merchant_serial_no and "
                     "platform_serial_no"});
    merchantKey_ = std::make_unique<PemKey>(PemKey::loadPrivate(settings_.merchantPrivateKeyFile));
    platformKey_ = std::make_unique<PemKey>(PemKey::loadPublic(settings_.platformPublicKeyFile));
    if (!settings_.apiV3KeyFile.empty())
        apiV3Key_ = readSecretFile(settings_.apiV3KeyFile, "APIv3 key");
}

WechatPayProvider::~WechatPayProvider() = default;

void WechatPayProvider::verifySigned(const std::map<std::string, std::string>& headers,
                                     const std::string& body, const char* code) {
    auto header = [&](const char* name) {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    };
    const std::string serial = header("wechatpay-serial");
    const std::string timestamp = header("wechatpay-timestamp");
    const std::string nonce = header("wechatpay-nonce");
    const std::string signature = header("wechatpay-signature");
    if (serial.empty() || timestamp.empty() || nonce.empty() || signature.empty())
        throw permanent(code, "支付服务的应答没有签名，已拒绝",
                        "WeChat Pay answer without a signature: refused as forged");
    if (serial != settings_.platformSerialNo)
        throw permanent(code, "支付服务的应答证书序列号不符，已拒绝",
                        "WeChat Pay answer signed with an unknown platform serial: refused");
    char* end = nullptr;
    const long long at = std::strtoll(timestamp.c_str(), &end, 10);
    if (end == timestamp.c_str() || *end != '\0' ||
        std::llabs(static_cast<long long>(clock_()) - at) > settings_.maxClockSkewSeconds)
        throw permanent(code, "支付服务的应答已过期（可能是重放），已拒绝",
                        "WeChat Pay answer timestamp outside 5 minutes: refused as replayed");
    if (!verifySha256Rsa(*platformKey_, timestamp + "\n" + nonce + "\n" + body + "\n", signature))
        throw permanent(code, "支付服务的应答签名无效，已拒绝",
                        "WeChat Pay answer signature does not verify: refused as forged");
}

WechatPayProvider::Answer WechatPayProvider::call(const std::string& method,
                                                  const std::string& pathAndQuery,
                                                  const std::string& body) {
    const std::string timestamp = std::to_string(clock_());
    const std::string nonce = randomHex(16);
    const std::string message =
        method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    const std::string signature = signSha256Rsa(*merchantKey_, message);

    HttpRequest request;
    request.method = method;
    request.url = settings_.apiBase + pathAndQuery;
    request.body = body;
    request.timeoutMs = settings_.requestTimeoutMs;
    request.headers["Accept"] = "application/json";
    request.headers["User-Agent"] = "GradPhotoStation";
    if (method != "GET") request.headers["Content-Type"] = "application/json";
    request.headers["Authorization"] = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + settings_.mchid +
                                       "\",nonce_str=\"" + nonce + "\",signature=\"" + signature +
                                       "\",timestamp=\"" + timestamp + "\",serial_no=\"" +
                                       settings_.merchantSerialNo + "\"";
    const HttpResponse response = sendHttp(request);

    if (response.status >= 500 || response.status == 429)
        throw PaymentFault(true, {"provider_unavailable", "支付服务暂时不可用",
                                  "WeChat Pay answered HTTP " + std::to_string(response.status)});
    if (response.status >= 200 && response.status < 300) {
        verifySigned(response.headers, response.body, "response_signature");
        return {response.status, response.body};
    }
    return {response.status, response.body};  // 4xx: the caller reads the error code
}

std::string WechatPayProvider::create(const CreateRequest& request) {
    const json body = {{"appid", settings_.appid},
                       {"mchid", settings_.mchid},
                       {"description", request.description},
                       {"out_trade_no", request.orderNo},
                       {"time_expire", chinaTime(request.expiresAt)},
                       {"notify_url", settings_.notifyUrl},
                       {"amount", {{"total", request.amountFen}, {"currency", "CNY"}}}};
    const auto answer = call("POST", "/v3/pay/transactions/native", body.dump());
    if (answer.status != 200) {
        const json error = json::parse(answer.body, nullptr, false);
        const std::string code = error.is_object() ? error.value("code", "") : "";
        throw permanent(
            "provider_refused", "微信支付拒绝了订单（" + code + "）",
            "WeChat Pay refused the order: HTTP " + std::to_string(answer.status) + " " + code);
    }
    const json parsed = parseJson(answer.body);
    if (!parsed.contains("code_url") || !parsed["code_url"].is_string())
        throw PaymentFault(true, {"provider_malformed", "支付服务返回了无法识别的数据",
                                  "WeChat Pay answered without code_url"});
    return parsed["code_url"].get<std::string>();
}

OrderState WechatPayProvider::stateOf(const std::string& tradeState) {
    if (tradeState == "SUCCESS") return OrderState::kPaid;
    if (tradeState == "REFUND") return OrderState::kRefunded;
    if (tradeState == "CLOSED" || tradeState == "REVOKED") return OrderState::kClosed;
    if (tradeState == "PAYERROR") return OrderState::kFailed;
    return OrderState::kPaying;  // NOTPAY, USERPAYING
}

ProviderStatus WechatPayProvider::query(const std::string& orderNo) {
    const auto answer = call(
        "GET", "/v3/pay/transactions/out-trade-no/" + orderNo + "?mchid=" + settings_.mchid, "");
    if (answer.status == 404) return {OrderState::kClosed, ""};  // ORDER_NOT_EXIST
    if (answer.status != 200)
        throw permanent("provider_refused", "微信支付拒绝了查询",
                        "WeChat Pay refused the query: HTTP " + std::to_string(answer.status));
    const json parsed = parseJson(answer.body);
    if (!parsed.contains("trade_state") || !parsed["trade_state"].is_string() ||
        parsed.value("out_trade_no", "") != orderNo)
        throw PaymentFault(true, {"provider_malformed", "支付服务返回了无法识别的数据",
                                  "WeChat Pay query answer without trade_state for the order"});
    return {stateOf(parsed["trade_state"].get<std::string>()), parsed.value("transaction_id", "")};
}

void WechatPayProvider::close(const std::string& orderNo) {
    const json body = {{"mchid", settings_.mchid}};
    const auto answer =
        call("POST", "/v3/pay/transactions/out-trade-no/" + orderNo + "/close", body.dump());
    if (answer.status == 204 || answer.status == 200 || answer.status == 404) return;
    throw permanent("provider_refused", "微信支付拒绝关闭订单",
                    "WeChat Pay refused to close the order: HTTP " + std::to_string(answer.status));
}

void WechatPayProvider::refund(const std::string& orderNo, std::int64_t amountFen) {
    const json body = {
        {"out_trade_no", orderNo},
        {"out_refund_no", "R" + orderNo},
        {"amount", {{"refund", amountFen}, {"total", amountFen}, {"currency", "CNY"}}}};
    const auto answer = call("POST", "/v3/refund/domestic/refunds", body.dump());
    if (answer.status != 200)
        throw permanent("provider_refused", "微信支付拒绝退款",
                        "WeChat Pay refused the refund: HTTP " + std::to_string(answer.status));
}

ProviderNotification WechatPayProvider::parseNotification(
    const std::map<std::string, std::string>& headers, const std::string& body) {
    verifySigned(headers, body, "notify_signature");
    auto malformed = [](const std::string& why) {
        return permanent("notify_malformed", "支付通知无法识别", "WeChat Pay notification " + why);
    };
    const json parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("id") || !parsed.contains("resource") ||
        !parsed["resource"].is_object())
        throw malformed("is not a JSON object with id and resource");
    const json& resource = parsed["resource"];
    if (resource.value("algorithm", "") != "AEAD_AES_256_GCM")
        throw malformed("uses an unknown algorithm");
    if (!apiV3Key_) throw malformed("cannot be decrypted: payment.wechat.api_v3_key_file unset");
    const auto plain =
        decryptAes256Gcm(*apiV3Key_, resource.value("nonce", ""),
                         resource.value("associated_data", ""), resource.value("ciphertext", ""));
    if (!plain) throw malformed("does not decrypt with the APIv3 key");
    const json transaction = json::parse(*plain, nullptr, false);
    if (!transaction.is_object() || transaction.value("mchid", "") != settings_.mchid ||
        !transaction.contains("out_trade_no") || !transaction.contains("trade_state"))
        throw malformed("names another merchant or no order");
    ProviderNotification n;
    n.eventId = parsed["id"].is_string() ? parsed["id"].get<std::string>() : parsed["id"].dump();
    n.orderNo = transaction.value("out_trade_no", "");
    n.status = {stateOf(transaction.value("trade_state", "")),
                transaction.value("transaction_id", "")};
    return n;
}

}  // namespace gradphoto::payment
