// The payment rules over a real SQLite file: the state machine, one paid order per student,
// resuming, timeouts, backoff, staff confirmation, notifications, crash recovery.

#include <gtest/gtest.h>

#include <chrono>

#include "gradphoto/payment/checkout_payment_gateway.h"
#include "gradphoto/payment/demo_pay_provider.h"
#include "gradphoto/payment/paid_approval_guard.h"
#include "gradphoto/store/reject_reasons.h"
#include "gradphoto/store/review_queue.h"
#include "gradphoto/store/schema.h"
#include "payment_fixture.h"

namespace gradphoto::payment::test {
namespace {

using std::chrono::milliseconds;

TEST(PaymentStateMachine, AllowsOnlyTheDocumentedTransitions) {
    using S = OrderState;
    EXPECT_TRUE(canTransition(S::kCreated, S::kPaying));
    EXPECT_TRUE(canTransition(S::kPaying, S::kPaid));
    EXPECT_TRUE(canTransition(S::kPaying, S::kClosed));
    EXPECT_TRUE(canTransition(S::kPaid, S::kRefunded));
    EXPECT_TRUE(canTransition(S::kClosed, S::kPaid));  // paid after the kiosk gave up
    EXPECT_FALSE(canTransition(S::kPaid, S::kClosed));
    EXPECT_FALSE(canTransition(S::kPaid, S::kPaying));
    EXPECT_FALSE(canTransition(S::kRefunded, S::kPaid));
    EXPECT_FALSE(canTransition(S::kClosed, S::kPaying));
    for (auto s : {S::kCreated, S::kPaying, S::kPaid, S::kClosed, S::kFailed, S::kRefunded})
        EXPECT_EQ(parseOrderState(toString(s)), s);
    EXPECT_FALSE(parseOrderState("PAID"));
}

TEST_F(PaymentFixture, DemoOrderIsPaidAfterPollingAndLabelled) {
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<DemoPayProvider>(2));
    auto order = checkout->start(kStudent, "demo");
    EXPECT_EQ(order.state, OrderState::kPaying);
    EXPECT_EQ(order.amountFen, 2000);
    EXPECT_EQ(order.codeUrl.rfind("DEMO:", 0), 0u);
    std::vector<milliseconds> sleeps;
    order = checkout->waitForPayment(order.orderNo, [&](milliseconds d) { sleeps.push_back(d); });
    EXPECT_EQ(order.state, OrderState::kPaid);
    EXPECT_TRUE(order.codeUrl.empty());
    EXPECT_EQ(sleeps, std::vector<milliseconds>{milliseconds(2000)});
}

TEST_F(PaymentFixture, FeeComesFromSettingsInFen) {
    CheckoutSettings settings;
    settings.feeFen = 1500;
    auto checkout = makeCheckout(settings);
    checkout->addProvider(std::make_unique<ScriptedProvider>());
    EXPECT_EQ(checkout->start(kStudent, "wechat").amountFen, 1500);
}

TEST_F(PaymentFixture, SecondScanResumesTheSameOpenOrder) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto first = checkout->start(kStudent, "wechat");
    const auto again = checkout->start(kStudent, "wechat");
    EXPECT_EQ(first.orderNo, again.orderNo);
    EXPECT_EQ(first.codeUrl, again.codeUrl);
    EXPECT_EQ(calls->create, 1);
    EXPECT_EQ(checkout->orders().list({}).size(), 1u);
}

TEST_F(PaymentFixture, PaidStudentRetakesForFree) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto steady = provider->steady;
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    *steady = OrderState::kPaid;
    EXPECT_EQ(checkout->refresh(order.orderNo).state, OrderState::kPaid);
    EXPECT_TRUE(checkout->alreadyPaid(kStudent));
    // Rejected, back at the booth: the same paid order, nothing new at the provider.
    const auto retake = checkout->start(kStudent, "wechat");
    EXPECT_EQ(retake.orderNo, order.orderNo);
    EXPECT_EQ(retake.state, OrderState::kPaid);
    EXPECT_EQ(calls->create, 1);
    EXPECT_FALSE(checkout->alreadyPaid(kOtherStudent));
}

TEST_F(PaymentFixture, DatabaseRefusesASecondPaidOrder) {
    PaymentOrders orders(store->database());
    PaymentOrder a;
    a.orderNo = "GPA1";
    a.studentNo = kStudent;
    a.provider = "wechat";
    a.amountFen = 2000;
    a.state = OrderState::kPaid;
    orders.insert(a);
    PaymentOrder b = a;
    b.orderNo = "GPB2";
    EXPECT_THROW(orders.insert(b), Error);
    b.state = OrderState::kClosed;
    EXPECT_NO_THROW(orders.insert(b));
}

TEST_F(PaymentFixture, NeverPaidOrderIsClosedAtTimeout) {
    CheckoutSettings settings;
    settings.orderTimeoutSeconds = 10;
    settings.pollMs = 2000;
    auto checkout = makeCheckout(settings);
    auto provider = std::make_unique<ScriptedProvider>();
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    const auto done = checkout->waitForPayment(order.orderNo, [&](milliseconds d) {
        now += static_cast<store::UnixTime>(d.count() / 1000);
    });
    EXPECT_EQ(done.state, OrderState::kClosed);
    EXPECT_TRUE(done.codeUrl.empty());
    EXPECT_EQ(calls->close, 1);
    // A new scan after the timeout: a new order.
    const auto next = checkout->start(kStudent, "wechat");
    EXPECT_NE(next.orderNo, order.orderNo);
    EXPECT_EQ(next.state, OrderState::kPaying);
}

TEST_F(PaymentFixture, PaidAtTheLastSecondIsKeptWhenClosing) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto steady = provider->steady;
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    *steady = OrderState::kPaid;  // the student paid just before the cancel
    const auto closed = checkout->close(order.orderNo);
    EXPECT_EQ(closed.state, OrderState::kPaid);
    EXPECT_EQ(calls->close, 0);
}

TEST_F(PaymentFixture, PaidAfterTheKioskGaveUpIsHonouredOnTheNextScan) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto steady = provider->steady;
    auto answers = provider->answers;
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    // The close reaches the kiosk's database but the provider is down: closed locally.
    answers->push_back([]() -> ProviderStatus { throw temporaryFault(); });
    EXPECT_EQ(checkout->close(order.orderNo).state, OrderState::kClosed);
    // Meanwhile the student paid. Next scan: found, honoured, no new order.
    *steady = OrderState::kPaid;
    const auto next = checkout->start(kStudent, "wechat");
    EXPECT_EQ(next.orderNo, order.orderNo);
    EXPECT_EQ(next.state, OrderState::kPaid);
    EXPECT_EQ(calls->create, 1);
}

TEST_F(PaymentFixture, TemporaryFaultsBackOffAndRecover) {
    CheckoutSettings settings;
    settings.pollMs = 2000;
    settings.maxBackoffMs = 10000;
    auto checkout = makeCheckout(settings);
    auto provider = std::make_unique<ScriptedProvider>();
    auto answers = provider->answers;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    for (int i = 0; i < 4; ++i)
        answers->push_back([]() -> ProviderStatus { throw temporaryFault(); });
    answers->push_back([] { return ProviderStatus{OrderState::kPaying, ""}; });
    answers->push_back([] { return ProviderStatus{OrderState::kPaid, "4200000042"}; });
    std::vector<long> sleeps;
    const auto done = checkout->waitForPayment(
        order.orderNo, [&](milliseconds d) { sleeps.push_back(static_cast<long>(d.count())); });
    EXPECT_EQ(done.state, OrderState::kPaid);
    EXPECT_EQ(done.providerTransactionId, "4200000042");
    EXPECT_TRUE(done.lastFault.empty());
    EXPECT_EQ(sleeps, (std::vector<long>{4000, 8000, 10000, 10000, 2000}));
}

TEST_F(PaymentFixture, PermanentFaultStopsPollingAndIsKept) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto answers = provider->answers;
    checkout->addProvider(std::move(provider));
    const auto order = checkout->start(kStudent, "wechat");
    answers->push_back([]() -> ProviderStatus {
        throw PaymentFault(false, {"response_signature", "签名无效", "forged"});
    });
    EXPECT_THROW(checkout->waitForPayment(order.orderNo, [](milliseconds) {}), PaymentFault);
    const auto stored = checkout->orders().find(order.orderNo);
    EXPECT_EQ(stored->state, OrderState::kPaying);
    EXPECT_EQ(stored->lastFault, "response_signature");
}

TEST_F(PaymentFixture, CreateWhileNetworkIsDownKeepsTheOrderToRetry) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    provider->createFault = temporaryFault();
    auto* raw = provider.get();
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    EXPECT_THROW(checkout->start(kStudent, "wechat"), PaymentFault);
    auto orders = checkout->orders().list({});
    ASSERT_EQ(orders.size(), 1u);
    EXPECT_EQ(orders[0].state, OrderState::kCreated);
    EXPECT_EQ(orders[0].lastFault, "network");
    raw->createFault.reset();  // back online: the same order number is sent again
    const auto order = checkout->start(kStudent, "wechat");
    EXPECT_EQ(order.orderNo, orders[0].orderNo);
    EXPECT_EQ(order.state, OrderState::kPaying);
    EXPECT_EQ(calls->created, (std::vector<std::string>{order.orderNo, order.orderNo}));
}

TEST_F(PaymentFixture, UnsentOrderOfAProviderNoLongerConfiguredIsClosed) {
    {
        auto checkout = makeCheckout();
        auto provider = std::make_unique<ScriptedProvider>();
        provider->createFault = temporaryFault();
        checkout->addProvider(std::move(provider));
        EXPECT_THROW(checkout->start(kStudent, "wechat"), PaymentFault);
    }
    auto checkout = makeCheckout();  // the booth switched to the campus gateway
    checkout->addProvider(std::make_unique<ScriptedProvider>("campus"));
    const auto order = checkout->start(kStudent, "campus");
    EXPECT_EQ(order.provider, "campus");
    EXPECT_EQ(order.state, OrderState::kPaying);
    const auto all = checkout->orders().list({});
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].state == OrderState::kClosed || all[1].state == OrderState::kClosed, true);
}

TEST_F(PaymentFixture, PermanentCreateFaultFailsTheOrder) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    provider->createFault = PaymentFault(false, {"provider_refused", "拒绝", "refused"});
    checkout->addProvider(std::move(provider));
    EXPECT_THROW(checkout->start(kStudent, "wechat"), PaymentFault);
    EXPECT_EQ(checkout->orders().list({}).at(0).state, OrderState::kFailed);
}

TEST_F(PaymentFixture, RestartRecoversAnOrderPaidWhileTheKioskWasDown) {
    std::string orderNo;
    {
        auto checkout = makeCheckout();
        checkout->addProvider(std::make_unique<ScriptedProvider>());
        orderNo = checkout->start(kStudent, "wechat").orderNo;
    }  // the kiosk dies here; the student pays
    store.reset();
    store = store::SqliteRecordStore::open(dir.path());
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    *provider->steady = OrderState::kPaid;
    checkout->addProvider(std::move(provider));
    const auto resumed = checkout->resumeOpenOrders();
    ASSERT_EQ(resumed.size(), 1u);
    EXPECT_EQ(resumed[0].orderNo, orderNo);
    EXPECT_EQ(resumed[0].state, OrderState::kPaid);
    EXPECT_TRUE(checkout->alreadyPaid(kStudent));
}

TEST_F(PaymentFixture, StaffConfirmsCashWithTheRightPin) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto calls = provider->calls;
    checkout->addProvider(std::move(provider));
    const auto qr = checkout->start(kStudent, "wechat");  // network trouble: staff take cash
    const auto cash =
        checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kCash, "现金");
    EXPECT_EQ(cash.state, OrderState::kPaid);
    EXPECT_EQ(cash.provider, "staff");
    EXPECT_EQ(cash.amountFen, 2000);
    EXPECT_EQ(cash.confirmedBy, kStaffNo);
    EXPECT_EQ(checkout->orders().find(qr.orderNo)->state, OrderState::kClosed);
    EXPECT_EQ(calls->close, 1);
    EXPECT_EQ(checkout->orders().cashTotalFen(now - 10, now + 10), 2000);
    const auto audit = store->audit().forSubject("payment:" + cash.orderNo);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "payment.staff_cash");
    EXPECT_EQ(audit[0].actor, kStaffNo);
    EXPECT_EQ(audit[0].detailJson.find("现金"), std::string::npos);  // free text stays out
}

TEST_F(PaymentFixture, StaffWaiverIsZeroFenAndNotCash) {
    auto checkout = makeCheckout();
    const auto waiver = checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin,
                                                 StaffSettlement::kWaiver, "困难学生减免");
    EXPECT_EQ(waiver.amountFen, 0);
    EXPECT_EQ(waiver.settlement, "waiver");
    EXPECT_EQ(checkout->orders().cashTotalFen(now - 10, now + 10), 0);
    EXPECT_TRUE(checkout->alreadyPaid(kStudent));
}

TEST_F(PaymentFixture, WrongPinConfirmsNothingAndIsRecorded) {
    auto checkout = makeCheckout();
    try {
        checkout->confirmByStaff(kStudent, kStaffNo, "0000", StaffSettlement::kCash, "");
        FAIL() << "a wrong PIN was accepted";
    } catch (const store::Refusal& refusal) {
        EXPECT_EQ(refusal.problem().code, "wrong_pin");
    }
    EXPECT_TRUE(checkout->orders().list({}).empty());
    EXPECT_FALSE(checkout->alreadyPaid(kStudent));
    EXPECT_EQ(store->staff().find(kStaffNo)->failedAttempts, 1);
}

TEST_F(PaymentFixture, CashForAPaidStudentReturnsThePaidOrder) {
    auto checkout = makeCheckout();
    const auto first =
        checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kCash, "");
    const auto second =
        checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kCash, "");
    EXPECT_EQ(first.orderNo, second.orderNo);
    EXPECT_EQ(checkout->orders().cashTotalFen(now - 10, now + 10), 2000);
}

TEST_F(PaymentFixture, QrPaidAfterCashIsFlaggedForRefundNotChargedTwice) {
    auto checkout = makeCheckout();
    auto provider = std::make_unique<ScriptedProvider>();
    auto steady = provider->steady;
    auto answers = provider->answers;
    checkout->addProvider(std::move(provider));
    const auto qr = checkout->start(kStudent, "wechat");
    answers->push_back([]() -> ProviderStatus { throw temporaryFault(); });  // close can't ask
    checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kCash, "");
    *steady = OrderState::kPaid;  // the QR payment went through after all
    const auto late = checkout->refresh(qr.orderNo);
    EXPECT_EQ(late.state, OrderState::kClosed);
    EXPECT_EQ(late.lastFault, "paid_twice_refund_needed");
    EXPECT_EQ(store->audit().forSubject("payment:" + qr.orderNo).back().action,
              "payment.paid_twice");
    const auto refunded = checkout->recordRefund(qr.orderNo, kStaffNo, kStaffPin, "退回");
    EXPECT_TRUE(refunded.lastFault.empty());
}

TEST_F(PaymentFixture, RefundRecordedByStaff) {
    auto checkout = makeCheckout();
    const auto paid =
        checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kCash, "");
    EXPECT_THROW(checkout->recordRefund(paid.orderNo, kStaffNo, "9999", ""), store::Refusal);
    const auto refunded = checkout->recordRefund(paid.orderNo, kStaffNo, kStaffPin, "");
    EXPECT_EQ(refunded.state, OrderState::kRefunded);
    EXPECT_FALSE(checkout->alreadyPaid(kStudent));
    EXPECT_THROW(checkout->recordRefund(paid.orderNo, kStaffNo, kStaffPin, ""), store::Refusal);
}

TEST_F(PaymentFixture, NotificationsApplyOnce) {
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<ScriptedProvider>());
    const auto order = checkout->start(kStudent, "wechat");
    ProviderNotification n{"EV-1", order.orderNo, {OrderState::kPaid, "4200000099"}};
    EXPECT_TRUE(checkout->applyNotification("wechat", n));
    EXPECT_FALSE(checkout->applyNotification("wechat", n));  // replayed
    const auto stored = checkout->orders().find(order.orderNo);
    EXPECT_EQ(stored->state, OrderState::kPaid);
    EXPECT_EQ(stored->providerTransactionId, "4200000099");
    int paidEntries = 0;
    for (const auto& e : store->audit().forSubject("payment:" + order.orderNo))
        paidEntries += e.action == "payment.paid";
    EXPECT_EQ(paidEntries, 1);
    // Another provider's notification for this order, or an unknown order: ignored.
    EXPECT_FALSE(checkout->applyNotification("campus", {"EV-2", order.orderNo, {}}));
    EXPECT_FALSE(checkout->applyNotification("wechat", {"EV-3", "GPNOSUCHORDER", {}}));
}

TEST_F(PaymentFixture, UnknownStudentOrProviderIsRefused) {
    auto checkout = makeCheckout();
    EXPECT_THROW(checkout->start("1999000000", "demo"), store::Refusal);
    EXPECT_THROW(checkout->start(kStudent, "wechat"), store::Refusal);
}

TEST_F(PaymentFixture, MigrationKeepsVersion2PaymentRows) {
    const auto file = dir.path() / "old" / store::SqliteRecordStore::kDatabaseFile;
    std::filesystem::create_directories(file.parent_path());
    {
        auto db = store::Database::open(file);
        store::migrateTo(db, 5);
        db.exec(
            "INSERT INTO students (student_no, name, created_at, updated_at) VALUES "
            "('2019000001', 'x', 1, 1);"
            "INSERT INTO payments (order_no, student_no, provider, amount_fen, state, "
            "created_at, updated_at, paid_at) VALUES ('GPOLD000001', '2019000001', 'wechat', "
            "2000, 'paid', 1, 2, 2);");
    }
    auto migrated = store::SqliteRecordStore::open(file.parent_path());
    EXPECT_EQ(migrated->database().userVersion(), store::currentSchemaVersion());
    PaymentOrders orders(migrated->database());
    const auto old = orders.find("GPOLD000001");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->state, OrderState::kPaid);
    EXPECT_EQ(old->amountFen, 2000);
    EXPECT_EQ(old->paidAt, 2);
}

TEST_F(PaymentFixture, KioskFlowPortDrivesRealOrders) {
    auto checkout = makeCheckout();
    checkout->addProvider(std::make_unique<DemoPayProvider>(2));
    CheckoutPaymentGateway gateway(*checkout, "demo");
    const auto order = gateway.create(kStudent, 2000);
    EXPECT_TRUE(order.demo);
    EXPECT_EQ(order.amountFen, 2000);
    EXPECT_EQ(order.state, flow::PaymentState::kPaying);
    EXPECT_FALSE(gateway.alreadyPaid(kStudent));
    EXPECT_EQ(gateway.poll(order.order), flow::PaymentState::kPaying);
    EXPECT_EQ(gateway.poll(order.order), flow::PaymentState::kPaid);
    EXPECT_TRUE(gateway.alreadyPaid(kStudent));
    EXPECT_EQ(gateway.create(kStudent, 2000).order, order.order);
}

TEST_F(PaymentFixture, KioskFlowPortClosesExpiredOrders) {
    CheckoutSettings settings;
    settings.orderTimeoutSeconds = 60;
    auto checkout = makeCheckout(settings);
    checkout->addProvider(std::make_unique<DemoPayProvider>(0));
    CheckoutPaymentGateway gateway(*checkout, "demo");
    const auto order = gateway.create(kStudent, 2000);
    now += 61;
    EXPECT_EQ(gateway.poll(order.order), flow::PaymentState::kClosed);
}

TEST_F(PaymentFixture, ReviewQueueRefusesToApproveAnUnpaidCapture) {
    store::ReviewQueue queue(*store, store::RejectReasons::load(), [this] { return now; });
    queue.setApprovalGuard(paidApprovalGuard(store->database()));
    const std::string jpeg = "\xFF\xD8\xFF\xE0photo\xFF\xD9";
    const std::vector<std::uint8_t> bytes(jpeg.begin(), jpeg.end());
    const auto capture = queue.recordAndSubmit({kStudent, bytes, bytes, "", "kiosk"});
    const auto reviewer =
        store::StaffAccess(*store, [this] { return now; }).signIn(kStaffNo, kStaffPin);
    try {
        queue.approve(capture.id, reviewer);
        FAIL() << "an unpaid capture was approved";
    } catch (const store::Refusal& refusal) {
        EXPECT_EQ(refusal.problem().code, "unpaid");
    }
    auto checkout = makeCheckout();
    checkout->confirmByStaff(kStudent, kStaffNo, kStaffPin, StaffSettlement::kWaiver, "");
    EXPECT_EQ(queue.approve(capture.id, reviewer).status, store::CaptureStatus::kApproved);
}

}  // namespace
}  // namespace gradphoto::payment::test
