// `gradphoto pay` end to end: the built binary, a real data folder, a settings file.

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "payment_fixture.h"

namespace gradphoto::payment::test {
namespace {

using gradphoto::test::runCli;
using nlohmann::json;

class PayCliTest : public PaymentFixture {
  protected:
    void SetUp() override {
        PaymentFixture::SetUp();
        store.reset();  // the CLI opens the folder itself
        std::ofstream(dir / "settings.json")
            << R"({"kiosk": {"fee_fen": 2000}, "payment": {"provider": "demo"}})";
    }
    std::vector<std::string> args(std::vector<std::string> a) {
        a.insert(a.end(), {"--data-dir", dir.path().string(), "--config",
                           (dir / "settings.json").string(), "--json"});
        return a;
    }
};

TEST_F(PayCliTest, DemoOrderCreateStatusListAndFreeRetake) {
    auto created = runCli(args({"pay", "create", "--student", kStudent}));
    ASSERT_EQ(created.exitCode, 0) << created.err;
    const auto order = json::parse(created.out);
    for (const char* key : {"order", "student", "provider", "amount_fen", "state", "code_url"})
        EXPECT_TRUE(order.contains(key)) << key;
    EXPECT_EQ(order["student"], kStudent);
    EXPECT_EQ(order["provider"], "demo");
    EXPECT_EQ(order["demo"], true);
    EXPECT_TRUE(order["amount_fen"].is_number_integer());
    EXPECT_EQ(order["amount_fen"], 2000);
    EXPECT_EQ(order["state"], "paying");
    EXPECT_TRUE(order["code_url"].is_string());

    const std::string no = order["order"];
    const auto status = runCli(args({"pay", "status", no}));
    ASSERT_EQ(status.exitCode, 0) << status.err;
    EXPECT_EQ(json::parse(status.out)["state"], "paying");  // the CLI's demo never pays
    EXPECT_EQ(json::parse(runCli(args({"pay", "create", "--student", kStudent})).out)["order"],
              no);  // resumed, not a second order

    // Staff settle it in cash: the open DEMO order is closed, and a retake is free.
    const auto cash = runCli(
        args({"pay", "create", "--student", kStudent, "--provider", "staff", "--staff", kStaffNo}),
        {std::string("GRADPHOTO_PIN=") + kStaffPin});
    ASSERT_EQ(cash.exitCode, 0) << cash.err;
    const std::string paid = json::parse(cash.out)["order"];
    EXPECT_TRUE(json::parse(cash.out)["code_url"].is_null());
    EXPECT_EQ(json::parse(runCli(args({"pay", "status", no})).out)["state"], "closed");
    const auto again = runCli(args({"pay", "create", "--student", kStudent}));
    EXPECT_EQ(json::parse(again.out)["order"], paid);  // the retake is free
    EXPECT_EQ(json::parse(again.out)["state"], "paid");

    const auto list = runCli(args({"pay", "list"}));
    ASSERT_EQ(list.exitCode, 0) << list.err;
    EXPECT_EQ(json::parse(list.out).size(), 2u);
}

TEST_F(PayCliTest, CloseAnOpenOrder) {
    const auto created = json::parse(runCli(args({"pay", "create", "--student", kStudent})).out);
    const auto closed = runCli(args({"pay", "close", created["order"]}));
    ASSERT_EQ(closed.exitCode, 0) << closed.err;
    EXPECT_EQ(json::parse(closed.out)["state"], "closed");
}

TEST_F(PayCliTest, StaffCashWithRightAndWrongPin) {
    auto wrong = runCli(
        args({"pay", "create", "--student", kStudent, "--provider", "staff", "--staff", kStaffNo}),
        {"GRADPHOTO_PIN=0000"});
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_NE(wrong.err.find("gradphoto: "), std::string::npos);
    auto right = runCli(args({"pay", "create", "--student", kStudent, "--provider", "staff",
                              "--staff", kStaffNo, "--settle", "cash"}),
                        {std::string("GRADPHOTO_PIN=") + kStaffPin});
    ASSERT_EQ(right.exitCode, 0) << right.err;
    const auto order = json::parse(right.out);
    EXPECT_EQ(order["provider"], "staff");
    EXPECT_EQ(order["state"], "paid");
    EXPECT_EQ(order["settlement"], "cash");
    EXPECT_EQ(right.err.find(kStaffPin), std::string::npos);
}

TEST_F(PayCliTest, ExitCodes) {
    EXPECT_EQ(runCli(args({"pay"})).exitCode, 2);
    EXPECT_EQ(runCli(args({"pay", "create"})).exitCode, 2);
    EXPECT_EQ(
        runCli(args({"pay", "create", "--student", kStudent, "--provider", "alipay"})).exitCode, 2);
    EXPECT_EQ(runCli(args({"pay", "list", "--date", "yesterday"})).exitCode, 2);
    EXPECT_EQ(runCli(args({"pay", "status", "GPNOSUCHORDER"})).exitCode, 1);
    EXPECT_EQ(runCli(args({"pay", "create", "--student", "1999000000"})).exitCode, 1);
    // WeChat Pay not configured in this settings file.
    EXPECT_EQ(
        runCli(args({"pay", "create", "--student", kStudent, "--provider", "wechat"})).exitCode, 1);
    std::ofstream(dir / "settings.json") << R"({"payment": {"provider": "paypal"}})";
    EXPECT_EQ(runCli(args({"pay", "list"})).exitCode, 0);  // list needs no provider
    EXPECT_EQ(runCli(args({"pay", "create", "--student", kStudent})).exitCode, 3);
}

}  // namespace
}  // namespace gradphoto::payment::test
