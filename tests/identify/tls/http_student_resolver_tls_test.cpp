// HttpStudentResolver over real TLS on loopback: a cpp-httplib SSLServer with a certificate the
// test issues itself (OpenSSL), so that verification is exercised for real: an unknown issuer is
// refused, a certificate for another host is refused, and the partner's CA file (resolver's
// caFile) makes the same server trusted.
//
// Its own executable: cpp-httplib's SSL classes need CPPHTTPLIB_OPENSSL_SUPPORT before the header,
// and no other test file of the identify tests includes httplib.h that way.

#define CPPHTTPLIB_OPENSSL_SUPPORT
#include <gtest/gtest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "gradphoto/identify/http_student_resolver.h"
#include "test_support.h"

namespace gradphoto::identify {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

const std::string kSecret = "tls shared secret";

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

KeyPtr newKey() {
    return KeyPtr(EVP_EC_gen("P-256"), EVP_PKEY_free);
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    ASSERT_NE(ext, nullptr) << value;
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// A certificate for `subjectKey` named `commonName`, signed by issuerKey (issuerCert null:
// self-signed). `altNames` like "IP:127.0.0.1"; empty for a CA.
CertPtr issue(EVP_PKEY* subjectKey, const std::string& commonName, EVP_PKEY* issuerKey,
              X509* issuerCert, const std::string& altNames, long serial) {
    CertPtr cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), issuerCert ? X509_get_subject_name(issuerCert) : name);
    X509* issuerForExt = issuerCert ? issuerCert : cert.get();
    if (altNames.empty()) {
        addExtension(cert.get(), issuerForExt, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), issuerForExt, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert.get(), issuerForExt, NID_basic_constraints, "CA:FALSE");
        addExtension(cert.get(), issuerForExt, NID_subject_alt_name, altNames.c_str());
        addExtension(cert.get(), issuerForExt, NID_ext_key_usage, "serverAuth");
    }
    X509_sign(cert.get(), issuerKey, EVP_sha256());
    return cert;
}

void writePem(const fs::path& file, X509* cert) {
    FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    PEM_write_X509(f, cert);
    std::fclose(f);
}

void writePem(const fs::path& file, EVP_PKEY* key) {
    FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(f);
}

// The partner's resolve service over HTTPS with a certificate for 127.0.0.1 issued by a CA
// that only this test knows.
class TlsResolveService {
  public:
    explicit TlsResolveService(const fs::path& dir)
        : caKey_(newKey()), serverKey_(newKey()), ca_(nullptr, X509_free) {
        ca_ = issue(caKey_.get(), "GradPhoto Test CA", caKey_.get(), nullptr, "", 1);
        auto server =
            issue(serverKey_.get(), "127.0.0.1", caKey_.get(), ca_.get(), "IP:127.0.0.1", 2);
        caFile = dir / "ca.pem";
        writePem(caFile, ca_.get());
        writePem(dir / "server.pem", server.get());
        writePem(dir / "server.key", serverKey_.get());
        server_ = std::make_unique<httplib::SSLServer>((dir / "server.pem").c_str(),
                                                       (dir / "server.key").c_str());
        server_->Post("/resolve", [](const httplib::Request& req, httplib::Response& res) {
            if (req.get_header_value("X-GradPhoto-Signature") !=
                HttpStudentResolver::signature(kSecret, req.body)) {
                res.status = 401;
                return;
            }
            const std::string body = nlohmann::json{{"found", true},
                                                    {"student",
                                                     {{"student_no", "2020001"},
                                                      {"name", "张三"},
                                                      {"id_number", "11010519491231002X"}}}}
                                         .dump();
            res.set_header("X-GradPhoto-Signature", HttpStudentResolver::signature(kSecret, body));
            res.set_content(body, "application/json");
        });
        port_ = server_->bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_->listen_after_bind(); });
        while (!server_->is_running()) std::this_thread::sleep_for(1ms);
    }
    ~TlsResolveService() {
        server_->stop();
        thread_.join();
    }
    std::string url(const std::string& host) const {
        return "https://" + host + ":" + std::to_string(port_) + "/resolve";
    }
    bool valid() const { return server_ && server_->is_valid(); }

    fs::path caFile;

  private:
    KeyPtr caKey_;
    KeyPtr serverKey_;
    CertPtr ca_;
    std::unique_ptr<httplib::SSLServer> server_;
    int port_ = 0;
    std::thread thread_;
};

class HttpStudentResolverTls : public ::testing::Test {
  protected:
    HttpResolverSettings settings(const std::string& url) {
        std::ofstream(dir_ / "secret") << kSecret << "\n";
        HttpResolverSettings s;
        s.url = url;
        s.secretFile = dir_ / "secret";
        s.boothId = "A1";
        s.timeout = 3000ms;
        s.connectTimeout = 3000ms;
        s.attempts = 1;
        return s;
    }
    test::ScratchDir dir_;
    TlsResolveService service_{dir_.path()};
};

TEST_F(HttpStudentResolverTls, UnknownIssuerIsRefused) {
    ASSERT_TRUE(service_.valid());
    HttpStudentResolver resolver(settings(service_.url("127.0.0.1")));  // the system trust store
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    EXPECT_EQ(r.status, ResolveStatus::kFailed);
    EXPECT_FALSE(r.student.has_value());
}

TEST_F(HttpStudentResolverTls, PartnerCaMakesTheServiceTrusted) {
    ASSERT_TRUE(service_.valid());
    auto s = settings(service_.url("127.0.0.1"));
    s.caFile = service_.caFile;
    HttpStudentResolver resolver(s);
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    ASSERT_EQ(r.status, ResolveStatus::kFound) << r.problem.message_en;
    ASSERT_TRUE(r.student.has_value());
    EXPECT_EQ(r.student->studentNo, "2020001");
}

TEST_F(HttpStudentResolverTls, CertificateForAnotherHostIsRefused) {
    ASSERT_TRUE(service_.valid());
    // Same server, same trusted CA, but reached as "localhost": the certificate names only
    // 127.0.0.1, so host verification must refuse it.
    auto s = settings(service_.url("localhost"));
    s.caFile = service_.caFile;
    HttpStudentResolver resolver(s);
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    EXPECT_EQ(r.status, ResolveStatus::kFailed);
    EXPECT_FALSE(r.student.has_value());
}

}  // namespace
}  // namespace gradphoto::identify
