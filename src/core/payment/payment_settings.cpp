#include "gradphoto/payment/payment_settings.h"

#include <set>

#include "gradphoto/common/settings_file.h"
#include "gradphoto/payment/demo_pay_provider.h"

namespace gradphoto::payment {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

Error badSetting(const std::string& key, const std::string& expected) {
    return Error(Error::Kind::kInput,
                 {"settings", "设置项 " + key + " 无效（应为" + expected + "）",
                  "setting " + key + " must be " + expected});
}

void reportUnknown(const json& object, const std::string& prefix,
                   const std::set<std::string>& known, std::vector<std::string>& unknown) {
    for (const auto& [key, value] : object.items())
        if (!known.count(key)) unknown.push_back(prefix + key);
}

std::string text(const json& object, const std::string& key, const std::string& path,
                 const std::string& fallback = "") {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_string()) throw badSetting(path + key, "a string");
    return object[key].get<std::string>();
}

std::int64_t integer(const json& object, const std::string& key, const std::string& path,
                     std::int64_t fallback, std::int64_t min) {
    if (!object.contains(key)) return fallback;
    if (!object[key].is_number_integer() || object[key].get<std::int64_t>() < min)
        throw badSetting(path + key, "an integer ≥ " + std::to_string(min));
    return object[key].get<std::int64_t>();
}

fs::path file(const json& object, const std::string& key, const std::string& path,
              const fs::path& baseDir) {
    const std::string value = text(object, key, path);
    if (value.empty()) return {};
    const fs::path p(value);
    return p.is_relative() ? baseDir / p : p;
}

const json& section(const json& parent, const std::string& key, const std::string& path) {
    static const json kEmpty = json::object();
    if (!parent.contains(key)) return kEmpty;
    if (!parent[key].is_object()) throw badSetting(path + key, "an object");
    return parent[key];
}

}  // namespace

PaymentSettings paymentSettingsFrom(const json& settings, const fs::path& baseDir) {
    PaymentSettings s;
    if (!settings.is_object()) throw badSetting("(top level)", "an object");
    const json& kiosk = section(settings, "kiosk", "");
    s.checkout.feeFen = integer(kiosk, "fee_fen", "kiosk.", s.checkout.feeFen, 0);

    const json& payment = section(settings, "payment", "");
    reportUnknown(payment, "payment.", {"provider", "wechat", "campus"}, s.unknownKeys);
    s.provider = text(payment, "provider", "payment.", s.provider);
    if (s.provider != "wechat" && s.provider != "campus" && s.provider != "staff" &&
        s.provider != "demo")
        throw badSetting("payment.provider", "wechat, campus, staff or demo");

    const json& w = section(payment, "wechat", "payment.");
    const std::string wp = "payment.wechat.";
    reportUnknown(w, wp,
                  {"api_base", "appid", "mchid", "merchant_serial_no", "merchant_private_key_file",
                   "platform_serial_no", "platform_public_key_file", "api_v3_key_file",
                   "notify_url", "order_timeout_s", "poll_ms", "timeout_ms"},
                  s.unknownKeys);
    s.wechat.apiBase = text(w, "api_base", wp, s.wechat.apiBase);
    s.wechat.appid = text(w, "appid", wp);
    s.wechat.mchid = text(w, "mchid", wp);
    s.wechat.merchantSerialNo = text(w, "merchant_serial_no", wp);
    s.wechat.merchantPrivateKeyFile = file(w, "merchant_private_key_file", wp, baseDir);
    s.wechat.platformSerialNo = text(w, "platform_serial_no", wp);
    s.wechat.platformPublicKeyFile = file(w, "platform_public_key_file", wp, baseDir);
    s.wechat.apiV3KeyFile = file(w, "api_v3_key_file", wp, baseDir);
    s.wechat.notifyUrl = text(w, "notify_url", wp);
    s.wechat.requestTimeoutMs = integer(w, "timeout_ms", wp, s.wechat.requestTimeoutMs, 100);
    s.checkout.orderTimeoutSeconds =
        static_cast<int>(integer(w, "order_timeout_s", wp, s.checkout.orderTimeoutSeconds, 60));
    s.checkout.pollMs = static_cast<int>(integer(w, "poll_ms", wp, s.checkout.pollMs, 200));

    const json& c = section(payment, "campus", "payment.");
    const std::string cp = "payment.campus.";
    reportUnknown(c, cp, {"api_base", "merchant_id", "secret_file", "timeout_ms"}, s.unknownKeys);
    s.campus.apiBase = text(c, "api_base", cp);
    s.campus.merchantId = text(c, "merchant_id", cp);
    s.campus.secretFile = file(c, "secret_file", cp, baseDir);
    s.campus.requestTimeoutMs = integer(c, "timeout_ms", cp, s.campus.requestTimeoutMs, 100);
    return s;
}

PaymentSettings loadPaymentSettings(const std::optional<fs::path>& path) {
    if (!path) return {};
    return paymentSettingsFrom(readSettingsFile(*path), path->parent_path());
}

bool addConfiguredProvider(Checkout& checkout, const PaymentSettings& settings,
                           const std::string& name) {
    if (checkout.hasProvider(name)) return true;
    if (name == "wechat" && settings.wechatConfigured()) {
        checkout.addProvider(std::make_unique<WechatPayProvider>(settings.wechat));
        return true;
    }
    if (name == "campus" && settings.campusConfigured()) {
        checkout.addProvider(std::make_unique<CampusPayProvider>(settings.campus));
        return true;
    }
    if (name == "demo" && settings.provider == "demo") {
        // Each command is a new process: the DEMO order is never paid here (staff may settle it).
        checkout.addProvider(std::make_unique<DemoPayProvider>(0));
        return true;
    }
    return false;
}

}  // namespace gradphoto::payment
