#pragma once

// One HTTP exchange over libcurl for the payment providers: TLS verification on, connect and
// total timeouts, no redirects, bounded response size. Network faults (nothing listening, DNS,
// timeouts, TLS) throw PaymentFault(temporary) with code "network"; the HTTP status is returned
// as it is, for the provider to classify.

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace gradphoto::payment {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::map<std::string, std::string> headers;
    std::string body;
    long timeoutMs = 10000;
    long connectTimeoutMs = 5000;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;

    std::string header(const std::string& lowerName) const {
        const auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
};

HttpResponse sendHttp(const HttpRequest& request);

// The JSON object of a provider's answer. Anything else (not JSON, not an object) throws a
// temporary PaymentFault "provider_malformed" naming the provider (zh: 校园支付平台, en: the
// campus gateway).
nlohmann::json parseProviderAnswer(const std::string& body, const std::string& providerZh,
                                   const std::string& providerEn);

}  // namespace gradphoto::payment
