// HttpStudentResolver against a real HTTP server on loopback (cpp-httplib): slow, failing and
// malicious answers.

#include "gradphoto/identify/http_student_resolver.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "gradphoto/common/error.h"
#include "test_support.h"

namespace gradphoto::identify {
namespace {

using namespace std::chrono_literals;

const std::string kSecret = "correct horse battery staple";

class ResolveService {
  public:
    ResolveService() {
        const auto signedReply = [](httplib::Response& res, const std::string& body) {
            res.set_header("X-GradPhoto-Signature", HttpStudentResolver::signature(kSecret, body));
            res.set_content(body, "application/json");
        };
        const auto authentic = [](const httplib::Request& req) {
            return req.get_header_value("X-GradPhoto-Signature") ==
                   HttpStudentResolver::signature(kSecret, req.body);
        };
        server_.Post("/resolve", [=, this](const httplib::Request& req, httplib::Response& res) {
            ++hits_;
            if (!authentic(req)) {
                res.status = 401;
                return;
            }
            const auto request = nlohmann::json::parse(req.body);
            lastRequest_ = request;
            if (request.value("payload", "") != "KNOWN") {
                signedReply(res, R"({"found":false})");
                return;
            }
            signedReply(res, nlohmann::json{{"found", true},
                                            {"student",
                                             {{"student_no", "2020001"},
                                              {"name", "张三"},
                                              {"id_number", "11010519491231002X"},
                                              {"department", "计算机学院"},
                                              {"major", "软件工程"},
                                              {"level", "本科"}}}}
                                 .dump());
        });
        server_.Post("/slow", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            std::this_thread::sleep_for(1500ms);
            signedReply(res, R"({"found":false})");
        });
        server_.Post("/flaky", [=, this](const httplib::Request&, httplib::Response& res) {
            if (++hits_ == 1) {
                res.status = 500;
                return;
            }
            signedReply(res, R"({"found":true,"student":{"student_no":"1","name":"李四",)"
                             R"("id_number":"11010519491231002X"}})");
        });
        server_.Post("/badjson", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            signedReply(res, R"({"found":true,"student":)");
        });
        server_.Post("/wrongtypes", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            signedReply(res, R"({"found":true,"student":{"student_no":7,"name":[]}})");
        });
        server_.Post("/huge", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            signedReply(res, R"({"found":false,"pad":")" + std::string(2'000'000, 'a') + "\"}");
        });
        server_.Post("/badsig", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            res.set_header("X-GradPhoto-Signature", std::string(64, '0'));
            res.set_content(R"({"found":true,"student":{"student_no":"666","name":"X",)"
                            R"("id_number":"11010519491231002X"}})",
                            "application/json");
        });
        server_.Post("/gone", [=, this](const httplib::Request&, httplib::Response& res) {
            ++hits_;
            res.status = 404;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(1ms);
    }
    ~ResolveService() {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& path) const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    int hits() const { return hits_; }
    nlohmann::json lastRequest() const { return lastRequest_; }

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::atomic<int> hits_{0};
    nlohmann::json lastRequest_;
};

class HttpStudentResolverTest : public ::testing::Test {
  protected:
    HttpResolverSettings settings(const std::string& url, const std::string& secret = kSecret) {
        std::ofstream(dir_ / "secret") << secret << "\n";
        HttpResolverSettings s;
        s.url = url;
        s.secretFile = dir_ / "secret";
        s.boothId = "A1";
        s.timeout = 400ms;
        s.connectTimeout = 400ms;
        s.attempts = 3;
        s.firstBackoff = 20ms;
        return s;
    }
    test::ScratchDir dir_;
    ResolveService service_;
};

TEST_F(HttpStudentResolverTest, ResolvesAKnownCodeWithASignedRequest) {
    HttpStudentResolver resolver(settings(service_.url("/resolve")));
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    ASSERT_EQ(r.status, ResolveStatus::kFound) << r.problem.message_en;
    EXPECT_EQ(r.student->studentNo, "2020001");
    EXPECT_EQ(r.student->name, "张三");
    EXPECT_EQ(service_.lastRequest()["booth_id"], "A1");
    EXPECT_EQ(service_.lastRequest()["nonce"].get<std::string>().size(), 32u);
    EXPECT_EQ(resolver.resolve({"OTHER", CodeFormat::kQrCode}).status, ResolveStatus::kNotFound);
}

TEST_F(HttpStudentResolverTest, WrongSecretIsAPermanentFaultAndNotRetried) {
    HttpStudentResolver resolver(settings(service_.url("/resolve"), "wrong secret"));
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    EXPECT_EQ(r.status, ResolveStatus::kFailed);
    EXPECT_NE(r.problem.message_en.find("401"), std::string::npos);
    EXPECT_EQ(service_.hits(), 1);
}

TEST_F(HttpStudentResolverTest, SlowServiceTimesOutAndReportsOffline) {
    auto s = settings(service_.url("/slow"));
    s.attempts = 2;
    HttpStudentResolver resolver(s);
    const auto start = std::chrono::steady_clock::now();
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.status, ResolveStatus::kOffline);
    EXPECT_NE(r.problem.message_zh.find("暂时无法连接"), std::string::npos);
    EXPECT_LT(elapsed, 1400ms);
    EXPECT_EQ(service_.hits(), 2);
}

TEST_F(HttpStudentResolverTest, RetriesAfterAServerError) {
    HttpStudentResolver resolver(settings(service_.url("/flaky")));
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    ASSERT_EQ(r.status, ResolveStatus::kFound) << r.problem.message_en;
    EXPECT_EQ(r.student->name, "李四");
    EXPECT_EQ(service_.hits(), 2);
}

TEST_F(HttpStudentResolverTest, RefusesMaliciousAnswers) {
    for (const char* path : {"/badjson", "/wrongtypes", "/huge", "/badsig"}) {
        HttpStudentResolver resolver(settings(service_.url(path)));
        const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
        EXPECT_EQ(r.status, ResolveStatus::kFailed) << path;
        EXPECT_FALSE(r.student) << path;
        EXPECT_FALSE(r.problem.message_zh.empty()) << path;
    }
    EXPECT_EQ(service_.hits(), 4);  // none of them is retried
}

TEST_F(HttpStudentResolverTest, NotFoundStatusMeansNotFound) {
    HttpStudentResolver resolver(settings(service_.url("/gone")));
    EXPECT_EQ(resolver.resolve({"KNOWN", CodeFormat::kQrCode}).status, ResolveStatus::kNotFound);
}

TEST_F(HttpStudentResolverTest, NobodyListeningIsOffline) {
    int port = 0;
    {
        httplib::Server probe;
        port = probe.bind_to_any_port("127.0.0.1");
    }  // closed again: nothing listens there now
    HttpStudentResolver resolver(settings("http://127.0.0.1:" + std::to_string(port) + "/resolve"));
    const auto r = resolver.resolve({"KNOWN", CodeFormat::kQrCode});
    EXPECT_EQ(r.status, ResolveStatus::kOffline);
    EXPECT_NE(r.problem.message_en.find("3 attempts"), std::string::npos);
}

TEST_F(HttpStudentResolverTest, RefusesPlainHttpOffLoopbackAndMissingSecrets) {
    EXPECT_THROW(HttpStudentResolver(settings("http://resolve.example.com/x")), Error);
    EXPECT_THROW(HttpStudentResolver(settings("ftp://127.0.0.1/x")), Error);
    auto s = settings(service_.url("/resolve"));
    s.secretFile = dir_ / "absent";
    EXPECT_THROW(HttpStudentResolver{s}, Error);
    std::ofstream(dir_ / "empty") << "  \n";
    s.secretFile = dir_ / "empty";
    EXPECT_THROW(HttpStudentResolver{s}, Error);
    EXPECT_NO_THROW(HttpStudentResolver(settings("https://resolve.example.com/x")));
}

// TLS verification itself: tls/http_student_resolver_tls_test.cpp (a real SSLServer).

}  // namespace
}  // namespace gradphoto::identify
