#pragma once

// The `kiosk.fee_fen` and `payment` keys of the settings file (shared/docs/CLI-CONTRACT.md), and
// the providers they configure:
//
//   "payment": { "provider": "wechat",
//                "wechat": { "api_base", "appid", "mchid", "merchant_serial_no",
//                            "merchant_private_key_file", "platform_serial_no",
//                            "platform_public_key_file", "api_v3_key_file", "notify_url",
//                            "order_timeout_s": 300, "poll_ms": 2000, "timeout_ms": 10000 },
//                "campus": { "api_base", "merchant_id", "secret_file", "timeout_ms" } }
//
// "demo" as payment.provider selects the DEMO provider (no money moves).

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gradphoto/payment/campus_pay_provider.h"
#include "gradphoto/payment/checkout.h"
#include "gradphoto/payment/wechat_pay_provider.h"

namespace gradphoto::payment {

struct PaymentSettings {
    std::string provider = "wechat";  // the default for `pay create` and the kiosk
    CheckoutSettings checkout;
    WechatPaySettings wechat;
    CampusPaySettings campus;
    std::vector<std::string> unknownKeys;  // "payment.wechat.typo": reported, not ignored

    bool wechatConfigured() const { return !wechat.mchid.empty(); }
    bool campusConfigured() const { return !campus.apiBase.empty(); }
};

// Reads the keys from a parsed settings file (relative key paths are resolved against
// `baseDir`). Throws Error(kInput) for wrong types or values.
PaymentSettings paymentSettingsFrom(const nlohmann::json& settings,
                                    const std::filesystem::path& baseDir);
// Reads the file; an absent `file` gives the defaults.
PaymentSettings loadPaymentSettings(const std::optional<std::filesystem::path>& file);

// Adds the provider `name` (wechat, campus, demo) to checkout when it is configured; returns
// false when it is not. Throws Error(kInput) when its keys cannot be read.
bool addConfiguredProvider(Checkout& checkout, const PaymentSettings& settings,
                           const std::string& name);

}  // namespace gradphoto::payment
