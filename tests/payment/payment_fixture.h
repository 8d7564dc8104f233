#pragma once

// What the payment tests share: a real store in a scratch folder with students and a staff
// account, a controllable clock, and a provider whose answers the test scripts.

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gradphoto/payment/checkout.h"
#include "gradphoto/store/sqlite_record_store.h"
#include "gradphoto/store/staff_access.h"
#include "test_support.h"

namespace gradphoto::payment::test {

inline constexpr const char* kStudent = "2020123456";
inline constexpr const char* kOtherStudent = "2020654321";
inline constexpr const char* kStaffNo = "S001";
inline constexpr const char* kStaffPin = "4321";

// A provider that answers what the test says: each query pops the next answer (or repeats
// `steady` when none is left); faults are thrown as given.
class ScriptedProvider : public PaymentProvider {
  public:
    struct Calls {
        int create = 0;
        int query = 0;
        int close = 0;
        std::vector<std::string> created;
    };
    explicit ScriptedProvider(std::string name = "wechat") : name_(std::move(name)) {}

    std::string name() const override { return name_; }
    std::string create(const CreateRequest& request) override {
        ++calls->create;
        calls->created.push_back(request.orderNo);
        if (createFault) throw *createFault;
        return "weixin://wxpay/bizpayurl?pr=" + request.orderNo;
    }
    ProviderStatus query(const std::string&) override {
        ++calls->query;
        if (!answers->empty()) {
            auto next = answers->front();
            answers->pop_front();
            return next();
        }
        return {*steady, "4200000001"};
    }
    void close(const std::string&) override {
        ++calls->close;
        if (*steady == OrderState::kPaying) *steady = OrderState::kClosed;
    }
    void refund(const std::string&, std::int64_t) override {}

    // Shared with the test after the provider moves into the Checkout.
    std::shared_ptr<Calls> calls = std::make_shared<Calls>();
    std::shared_ptr<std::deque<std::function<ProviderStatus()>>> answers =
        std::make_shared<std::deque<std::function<ProviderStatus()>>>();
    std::shared_ptr<OrderState> steady = std::make_shared<OrderState>(OrderState::kPaying);
    std::optional<PaymentFault> createFault;

  private:
    std::string name_;
};

inline PaymentFault temporaryFault() {
    return PaymentFault(true, {"network", "无法连接支付服务", "payment service unreachable"});
}

class PaymentFixture : public ::testing::Test {
  protected:
    void SetUp() override {
        store = store::SqliteRecordStore::open(dir.path());
        for (const char* no : {kStudent, kOtherStudent}) {
            store::Student s;
            s.studentNo = no;
            s.name = "测试学生";
            store->students().upsert(s);
        }
        store::StaffAccess access(*store, [this] { return now; });
        access.setPinIterations(1000);
        access.addFirstAdmin(kStaffNo, "值班员", kStaffPin);
    }

    std::unique_ptr<Checkout> makeCheckout(CheckoutSettings settings = {}) {
        return std::make_unique<Checkout>(*store, settings, [this] { return now; });
    }

    gradphoto::test::ScratchDir dir{"gradphoto-payment"};
    std::unique_ptr<store::SqliteRecordStore> store;
    store::UnixTime now = 1780000000;  // 2026-05-28
};

}  // namespace gradphoto::payment::test
