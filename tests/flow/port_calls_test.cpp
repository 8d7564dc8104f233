// The flow with its slow port calls made outside (FlowPorts::callsOutside, as the kiosk's worker
// thread does): calls are taken, answered later, stale answers ignored; poll faults, staff
// confirmation and auto-capture.

#include <gtest/gtest.h>

#include <stdexcept>

#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "gradphoto/flow/kiosk_flow.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

// A payment gateway that records staff confirmations and fails polls while `down` is set.
class CountingPayments : public DemoPaymentGateway {
  public:
    CountingPayments() : DemoPaymentGateway(1'000'000) {}
    PaymentState poll(const std::string& order) override {
        if (down) throw std::runtime_error("network down");
        return paidAtServer ? PaymentState::kPaid : DemoPaymentGateway::poll(order);
    }
    PaymentOrder create(const std::string& studentNo, int amountFen) override {
        if (down) throw std::runtime_error("network down");
        return DemoPaymentGateway::create(studentNo, amountFen);
    }
    void close(const std::string& order) override {
        closed.push_back(order);
        DemoPaymentGateway::close(order);
    }
    PaymentOrder confirmByStaff(const StaffConfirmation& c) override {
        if (c.pin != "1357")
            throw Error(Error::Kind::kInput, {"wrong_pin", "PIN 不正确", "wrong PIN"});
        confirmations.push_back(c);
        PaymentOrder o;
        o.order = "STAFF1";
        o.studentNo = c.studentNo;
        o.provider = "staff";
        o.state = PaymentState::kPaid;
        return o;
    }
    bool down = false;
    bool paidAtServer = false;
    std::vector<std::string> closed;
    std::vector<StaffConfirmation> confirmations;
};

class PortCallsTest : public ::testing::Test {
  protected:
    PortCallsTest() : sink(scratch.path()) {}

    static FlowSettings settings() {
        FlowSettings s;
        s.paymentPollMs = 1000;
        s.paymentTimeoutSeconds = 120;
        s.autoCapture = true;
        return s;
    }
    FlowPorts outside() { return {&students, &payments, &sink, nullptr, true}; }

    // Plays the worker: answers every call the flow asked for with the real ports.
    void work(KioskFlow& f) {
        for (const PortCall& c : f.takeCalls())
            f.handle(events::PortAnswered{answerCall(c, &students, &payments)});
    }
    void tick(KioskFlow& f, std::int64_t ms) {
        for (std::int64_t t = 0; t < ms; t += 100) {
            f.handle(events::Tick{100});
            work(f);
        }
    }
    void toService(KioskFlow& f) {
        f.handle(events::StartCapture{});
        f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
        work(f);
        f.handle(events::Last4Entered{"123X"});
        work(f);
        ASSERT_EQ(f.state(), FlowState::kServiceInfo);
    }

    test::ScratchDir scratch{"port-calls"};
    DemoStudentLookup students;
    CountingPayments payments;
    DemoSubmissionSink sink;
};

TEST_F(PortCallsTest, LookupWaitsForItsAnswer) {
    KioskFlow f(settings(), outside());
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    EXPECT_EQ(f.state(), FlowState::kScanCode);
    EXPECT_TRUE(f.waiting());
    EXPECT_EQ(f.waitingFor(), PortCall::Kind::kLookup);
    const auto calls = f.takeCalls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].payload, "DEMO-CHSI-0001");
    f.handle(events::CodeScanned{"DEMO-CHSI-0002"});  // a second code while waiting: ignored
    EXPECT_TRUE(f.takeCalls().empty());
    f.handle(events::PortAnswered{answerCall(calls[0], &students, &payments)});
    EXPECT_FALSE(f.waiting());
    ASSERT_EQ(f.state(), FlowState::kVerifyStudent);
    EXPECT_EQ(f.session().payload, "DEMO-CHSI-0001");
}

TEST_F(PortCallsTest, AnswerAfterCancelIsIgnored) {
    KioskFlow f(settings(), outside());
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    const auto calls = f.takeCalls();
    f.handle(events::Cancel{});
    f.handle(events::PortAnswered{answerCall(calls[0], &students, &payments)});
    EXPECT_EQ(f.state(), FlowState::kWelcome);
    EXPECT_TRUE(f.session().empty());
}

TEST_F(PortCallsTest, LookupFailureIsUnavailableNotice) {
    KioskFlow f(settings(), outside());
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    PortAnswer a;
    a.id = f.takeCalls().at(0).id;
    a.kind = PortCall::Kind::kLookup;
    a.failed = true;
    f.handle(events::PortAnswered{a});
    EXPECT_EQ(f.state(), FlowState::kScanCode);
    EXPECT_EQ(f.notice().code, "lookup_unavailable");
}

TEST_F(PortCallsTest, OrderOpenedAfterCancelIsClosed) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    const auto calls = f.takeCalls();
    ASSERT_EQ(calls.size(), 1u);
    ASSERT_EQ(calls[0].kind, PortCall::Kind::kPaymentStart);
    EXPECT_EQ(calls[0].amountFen, 2000);
    f.handle(events::Cancel{});
    const PortAnswer late = answerCall(calls[0], &students, &payments);  // the order now exists
    ASSERT_TRUE(late.order);
    f.handle(events::PortAnswered{late});
    work(f);
    ASSERT_EQ(payments.closed.size(), 1u);
    EXPECT_EQ(payments.closed[0], late.order->order);
    EXPECT_EQ(f.state(), FlowState::kWelcome);
}

TEST_F(PortCallsTest, PaidAtProviderMovesOn) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    ASSERT_EQ(f.state(), FlowState::kPayment);
    tick(f, 3000);
    EXPECT_EQ(f.state(), FlowState::kPayment);
    payments.paidAtServer = true;
    tick(f, 1000);
    EXPECT_EQ(f.state(), FlowState::kPhotoGuide);
    EXPECT_TRUE(f.session().paid);
}

TEST_F(PortCallsTest, OnePollAtATime) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    for (int i = 0; i < 50; ++i) f.handle(events::Tick{100});  // the worker is stuck
    const auto calls = f.takeCalls();
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].kind, PortCall::Kind::kPaymentPoll);
}

TEST_F(PortCallsTest, PollFaultsKeepTryingThenSaySo) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    payments.down = true;
    tick(f, 2000);  // two failed polls: no notice yet
    EXPECT_EQ(f.state(), FlowState::kPayment);
    EXPECT_TRUE(f.notice().empty());
    tick(f, 1000);
    EXPECT_EQ(f.notice().code, "payment_retrying");
    payments.down = false;
    tick(f, 1000);
    EXPECT_TRUE(f.notice().empty());
    payments.paidAtServer = true;
    tick(f, 1000);
    EXPECT_EQ(f.state(), FlowState::kPhotoGuide);
}

TEST_F(PortCallsTest, ProviderDownThenStaffConfirmsCash) {
    KioskFlow f(settings(), outside());
    toService(f);
    payments.down = true;
    f.handle(events::AcceptService{});
    work(f);
    EXPECT_EQ(f.state(), FlowState::kServiceInfo);
    EXPECT_EQ(f.notice().code, "payment_unavailable");
    f.handle(events::StaffConfirm{"S01", "0000", false, "现金"});
    work(f);
    EXPECT_EQ(f.state(), FlowState::kServiceInfo);
    EXPECT_EQ(f.notice().code, "staff_refused");
    f.handle(events::StaffConfirm{"S01", "1357", false, "网络故障，收现金"});
    work(f);
    EXPECT_EQ(f.state(), FlowState::kPhotoGuide);
    EXPECT_EQ(f.notice().code, "staff_confirmed");
    EXPECT_TRUE(f.session().paid);
    ASSERT_EQ(payments.confirmations.size(), 1u);
    EXPECT_EQ(payments.confirmations[0].studentNo, "2022010001");
    EXPECT_EQ(payments.confirmations[0].reason, "网络故障，收现金");
    EXPECT_FALSE(payments.confirmations[0].waiver);
}

TEST_F(PortCallsTest, StaffWaiverFromThePaymentPage) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    ASSERT_EQ(f.state(), FlowState::kPayment);
    f.handle(events::StaffConfirm{"S01", "1357", true, "家庭困难"});
    work(f);
    EXPECT_EQ(f.state(), FlowState::kPhotoGuide);
    EXPECT_TRUE(payments.confirmations.at(0).waiver);
}

TEST_F(PortCallsTest, StaffConfirmIgnoredElsewhere) {
    KioskFlow f(settings(), outside());
    f.handle(events::StaffConfirm{"S01", "1357", false, ""});
    f.handle(events::StartCapture{});
    f.handle(events::StaffConfirm{"S01", "1357", false, ""});
    EXPECT_TRUE(f.takeCalls().empty());
    EXPECT_EQ(f.state(), FlowState::kScanCode);
}

TEST_F(PortCallsTest, AutoCaptureAfterChecksPassLongEnough) {
    KioskFlow f(settings(), outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    payments.paidAtServer = true;
    tick(f, 1000);
    f.handle(events::GuideRead{});
    ASSERT_EQ(f.state(), FlowState::kCapture);
    f.handle(events::LiveCheck{true});
    tick(f, 1000);
    EXPECT_FALSE(f.countdownSecondsLeft());
    f.handle(events::LiveCheck{false});  // a failing frame starts the wait again
    f.handle(events::LiveCheck{true});
    tick(f, 1000);
    EXPECT_FALSE(f.countdownSecondsLeft());
    tick(f, 600);
    ASSERT_TRUE(f.countdownSecondsLeft());
    EXPECT_EQ(*f.countdownSecondsLeft(), 3);
    tick(f, 3000);
    EXPECT_NE(f.captureRequest(), 0u);
}

TEST_F(PortCallsTest, NoAutoCaptureWhenOff) {
    FlowSettings s = settings();
    s.autoCapture = false;
    KioskFlow f(s, outside());
    toService(f);
    f.handle(events::AcceptService{});
    work(f);
    payments.paidAtServer = true;
    tick(f, 1000);
    f.handle(events::GuideRead{});
    f.handle(events::LiveCheck{true});
    tick(f, 5000);
    EXPECT_FALSE(f.countdownSecondsLeft());
    EXPECT_EQ(f.captureRequest(), 0u);
}

}  // namespace
}  // namespace gradphoto::flow

namespace gradphoto::flow {
namespace {

TEST(DemoStaffConfirmation, PaysTheDemoOrderAndSaysDemo) {
    test::ScratchDir dir("demo-staff");
    DemoStudentLookup students;
    DemoPaymentGateway payments;
    DemoSubmissionSink sink(dir.path());
    KioskFlow f(FlowSettings{}, {&students, &payments, &sink});
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    f.handle(events::Last4Entered{"123X"});
    f.handle(events::AcceptService{});
    ASSERT_EQ(f.state(), FlowState::kPayment);
    const std::string open = f.session().order->order;
    f.handle(events::StaffConfirm{"", "", false, "现金"});
    EXPECT_EQ(f.notice().code, "staff_refused");
    f.handle(events::StaffConfirm{"S1", "1", false, "现金"});
    ASSERT_EQ(f.state(), FlowState::kPhotoGuide);
    EXPECT_TRUE(f.session().order->demo);
    EXPECT_EQ(f.session().order->provider, "staff");
    EXPECT_EQ(f.session().order->amountFen, 2000);
    EXPECT_EQ(payments.poll(open), PaymentState::kClosed);
    EXPECT_TRUE(payments.alreadyPaid("2022010001"));
}

}  // namespace
}  // namespace gradphoto::flow
