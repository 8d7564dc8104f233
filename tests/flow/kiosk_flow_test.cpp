#include "gradphoto/flow/kiosk_flow.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/demo_submission_sink.h"
#include "test_support.h"

namespace gradphoto::flow {
namespace {

using test::ScratchDir;

StandardizedPhoto goodPhoto() {
    StandardizedPhoto photo;
    photo.report.ok = true;
    photo.jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    photo.photo = cv::Mat(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    return photo;
}

StandardizedPhoto refusedPhoto() {
    StandardizedPhoto photo;
    photo.report.ok = false;
    photo.report.errors.push_back({"no_face", "未检测到人脸", "no face"});
    return photo;
}

cv::Mat still() {
    return cv::Mat(720, 960, CV_8UC3, cv::Scalar(200, 200, 200));
}

// A payment gateway whose every call fails, as when the network is down.
class UnreachablePayments : public PaymentGateway {
  public:
    PaymentOrder create(const std::string&, int) override { throw std::runtime_error("offline"); }
    PaymentState poll(const std::string&) override { throw std::runtime_error("offline"); }
    void close(const std::string&) override { throw std::runtime_error("offline"); }
    bool alreadyPaid(const std::string&) override { return false; }
};

class FailingSubmissions : public SubmissionSink {
  public:
    std::string submit(const Submission&) override { throw std::runtime_error("disk full"); }
    SubmissionStatus status(const std::string&) override { return {}; }
};

// A second flow (other ports) walked from welcome to an uploaded still, as the fixture's flow is.
void walkToUpload(KioskFlow& f) {
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    f.handle(events::Last4Entered{"123X"});
    f.handle(events::AcceptService{});
    for (int i = 0; i < 20; ++i) f.handle(events::Tick{100});
    f.handle(events::GuideRead{});
    f.handle(events::ShutterPressed{});
    for (int i = 0; i < 30; ++i) f.handle(events::Tick{100});
    f.handle(events::PhotoTaken{f.captureRequest(), still()});
    f.handle(events::Upload{});
}

class KioskFlowTest : public ::testing::Test {
  protected:
    KioskFlowTest() : sink(scratch.path()), flow(settings(), {&students, &payments, &sink}) {}

    static FlowSettings settings() {
        FlowSettings s;
        s.idleSeconds = 60;
        s.idleWarningSeconds = 10;
        s.paymentPollMs = 1000;
        s.paymentTimeoutSeconds = 120;
        return s;
    }

    void tick(std::int64_t ms, std::int64_t step = 100) {
        for (std::int64_t t = 0; t < ms; t += step) flow.handle(events::Tick{step});
    }

    void toVerify(const std::string& payload = "DEMO-CHSI-0001") {
        flow.handle(events::StartCapture{});
        flow.handle(events::CodeScanned{payload});
    }
    void toService() {
        toVerify();
        flow.handle(events::Last4Entered{"123X"});
    }
    void toPayment() {
        toService();
        flow.handle(events::AcceptService{});
    }
    void toCapture() {
        toPayment();
        tick(2000);
        flow.handle(events::GuideRead{});
    }
    void takePhoto() {
        flow.handle(events::ShutterPressed{});
        tick(3000);
        ASSERT_NE(flow.captureRequest(), 0u);
        flow.handle(events::PhotoTaken{flow.captureRequest(), still()});
    }
    void toResult(StandardizedPhoto photo = goodPhoto()) {
        toCapture();
        takePhoto();
        flow.handle(events::Upload{});
        flow.handle(events::StandardizationDone{flow.standardizationJob(), std::move(photo)});
    }

    ScratchDir scratch{"kiosk-flow"};
    DemoStudentLookup students;
    DemoPaymentGateway payments{2};
    DemoSubmissionSink sink;
    KioskFlow flow;
};

TEST_F(KioskFlowTest, StartsAtWelcome) {
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_TRUE(flow.session().empty());
}

TEST_F(KioskFlowTest, WholeFlowToSubmitted) {
    toResult();
    ASSERT_EQ(flow.state(), FlowState::kResult);
    flow.handle(events::Submit{});
    ASSERT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(flow.session().queueNumber, "A1-0003");
    EXPECT_EQ(sink.status("2022010001").kind, SubmissionStatus::Kind::kPending);
    EXPECT_TRUE(std::filesystem::exists(sink.folder() / "A1-0003-final.jpg"));
    flow.handle(events::Finish{});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_TRUE(flow.session().empty());
}

TEST_F(KioskFlowTest, ScanUnknownCodeStaysWithNotice) {
    toVerify("not-a-code");
    EXPECT_EQ(flow.state(), FlowState::kScanCode);
    EXPECT_EQ(flow.notice().code, "code_unknown");
    flow.handle(events::CodeScanned{""});
    EXPECT_EQ(flow.notice().code, "code_empty");
}

TEST_F(KioskFlowTest, VerifyShowsOnlyMaskedRecord) {
    toVerify();
    ASSERT_EQ(flow.state(), FlowState::kVerifyStudent);
    ASSERT_TRUE(flow.session().student);
    EXPECT_EQ(flow.session().student->maskedName, "张*三");
    EXPECT_EQ(flow.session().student->maskedId, "1101**********123X");
}

TEST_F(KioskFlowTest, VerifyAcceptsLowerCaseX) {
    toVerify();
    flow.handle(events::Last4Entered{"123x"});
    EXPECT_EQ(flow.state(), FlowState::kServiceInfo);
}

TEST_F(KioskFlowTest, VerifyRejectsBadFormat) {
    toVerify();
    for (const char* bad : {"12", "12345", "X123", "12a4", ""}) {
        flow.handle(events::Last4Entered{bad});
        EXPECT_EQ(flow.state(), FlowState::kVerifyStudent) << bad;
        EXPECT_EQ(flow.notice().code, "verify_format") << bad;
    }
    EXPECT_EQ(flow.session().verifyTriesLeft, 5);  // format errors cost no try
}

TEST_F(KioskFlowTest, WrongLast4CountsDownThenLocks) {
    toVerify();
    for (int i = 4; i >= 1; --i) {
        flow.handle(events::Last4Entered{"0000"});
        EXPECT_EQ(flow.notice().code, "verify_mismatch");
        EXPECT_EQ(flow.session().verifyTriesLeft, i);
    }
    flow.handle(events::Last4Entered{"0000"});
    EXPECT_EQ(flow.notice().code, "verify_locked");
    flow.handle(events::Last4Entered{"123X"});  // even the right one: locked here
    EXPECT_EQ(flow.state(), FlowState::kVerifyStudent);
    EXPECT_EQ(flow.notice().code, "verify_locked");
}

TEST_F(KioskFlowTest, PaymentPollsUntilPaid) {
    toPayment();
    ASSERT_EQ(flow.state(), FlowState::kPayment);
    ASSERT_TRUE(flow.session().order);
    EXPECT_TRUE(flow.session().order->demo);
    EXPECT_EQ(flow.session().order->amountFen, 2000);
    tick(1000);
    EXPECT_EQ(flow.state(), FlowState::kPayment);
    tick(1000);
    EXPECT_EQ(flow.state(), FlowState::kPhotoGuide);
    EXPECT_TRUE(flow.session().paid);
}

TEST_F(KioskFlowTest, PaymentTimeoutClosesOrder) {
    DemoPaymentGateway never{1'000'000};
    KioskFlow f(settings(), {&students, &never, &sink});
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    f.handle(events::Last4Entered{"123X"});
    f.handle(events::AcceptService{});
    ASSERT_EQ(f.state(), FlowState::kPayment);
    const std::string order = f.session().order->order;
    EXPECT_EQ(f.paymentSecondsLeft(), 120);
    for (int i = 0; i < 1200; ++i) f.handle(events::Tick{100});
    EXPECT_EQ(f.state(), FlowState::kServiceInfo);
    EXPECT_EQ(f.notice().code, "payment_timeout");
    EXPECT_EQ(never.poll(order), PaymentState::kClosed);
}

TEST_F(KioskFlowTest, PaymentNotIdleReset) {
    DemoPaymentGateway never{1'000'000};
    KioskFlow f(settings(), {&students, &never, &sink});
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    f.handle(events::Last4Entered{"123X"});
    f.handle(events::AcceptService{});
    for (int i = 0; i < 800; ++i) f.handle(events::Tick{100});  // 80 s > idle 60 s
    EXPECT_EQ(f.state(), FlowState::kPayment);
    EXPECT_FALSE(f.idleWarningSecondsLeft());
}

TEST_F(KioskFlowTest, PaymentUnreachableStaysOnServicePage) {
    UnreachablePayments offline;
    KioskFlow f(settings(), {&students, &offline, &sink});
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    f.handle(events::Last4Entered{"123X"});
    f.handle(events::AcceptService{});
    EXPECT_EQ(f.state(), FlowState::kServiceInfo);
    EXPECT_EQ(f.notice().code, "payment_unavailable");
}

TEST_F(KioskFlowTest, CancelDuringPaymentClosesOrderAndWipes) {
    toPayment();
    const std::string order = flow.session().order->order;
    flow.handle(events::Cancel{});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_TRUE(flow.session().empty());
    EXPECT_EQ(payments.poll(order), PaymentState::kClosed);
}

TEST_F(KioskFlowTest, SecondSessionDoesNotPayTwice) {
    toPayment();
    tick(2000);
    ASSERT_TRUE(flow.session().paid);
    flow.handle(events::Cancel{});
    toPayment();
    EXPECT_EQ(flow.state(), FlowState::kPhotoGuide);
    EXPECT_EQ(flow.notice().code, "already_paid");
}

TEST_F(KioskFlowTest, CountdownThenStillRequest) {
    toCapture();
    ASSERT_EQ(flow.state(), FlowState::kCapture);
    flow.handle(events::ShutterPressed{});
    EXPECT_EQ(flow.countdownSecondsLeft(), 3);
    tick(1000);
    EXPECT_EQ(flow.countdownSecondsLeft(), 2);
    tick(1000);
    EXPECT_EQ(flow.countdownSecondsLeft(), 1);
    EXPECT_EQ(flow.captureRequest(), 0u);
    tick(1000);
    EXPECT_FALSE(flow.countdownSecondsLeft());
    const auto request = flow.captureRequest();
    ASSERT_NE(request, 0u);
    flow.handle(events::PhotoTaken{request + 1, still()});  // stale: ignored
    EXPECT_EQ(flow.state(), FlowState::kCapture);
    flow.handle(events::PhotoTaken{request, still()});
    EXPECT_EQ(flow.state(), FlowState::kPreview);
    EXPECT_EQ(flow.session().captureCount, 1);
}

TEST_F(KioskFlowTest, StillThatNeverArrivesTimesOut) {
    toCapture();
    flow.handle(events::ShutterPressed{});
    tick(3000);
    ASSERT_NE(flow.captureRequest(), 0u);
    tick(5000);
    EXPECT_EQ(flow.captureRequest(), 0u);
    EXPECT_EQ(flow.notice().code, "capture_timeout");
    EXPECT_EQ(flow.state(), FlowState::kCapture);
}

TEST_F(KioskFlowTest, FailedOrEmptyStillStaysOnCapture) {
    toCapture();
    flow.handle(events::ShutterPressed{});
    tick(3000);
    flow.handle(events::CaptureFailed{flow.captureRequest()});
    EXPECT_EQ(flow.notice().code, "capture_failed");
    flow.handle(events::ShutterPressed{});
    tick(3000);
    flow.handle(events::PhotoTaken{flow.captureRequest(), cv::Mat{}});
    EXPECT_EQ(flow.state(), FlowState::kCapture);
    EXPECT_EQ(flow.notice().code, "capture_failed");
}

TEST_F(KioskFlowTest, CameraLostBlocksShutterUntilRestored) {
    toCapture();
    flow.handle(events::ShutterPressed{});
    flow.handle(events::CameraLost{});
    EXPECT_FALSE(flow.countdownSecondsLeft());
    EXPECT_EQ(flow.notice().code, "camera_lost");
    flow.handle(events::ShutterPressed{});
    EXPECT_FALSE(flow.countdownSecondsLeft());
    flow.handle(events::CameraRestored{});
    EXPECT_TRUE(flow.notice().empty());
    takePhoto();
    EXPECT_EQ(flow.state(), FlowState::kPreview);
}

TEST_F(KioskFlowTest, RetakeFromPreviewAndResult) {
    toCapture();
    takePhoto();
    flow.handle(events::Retake{});
    EXPECT_EQ(flow.state(), FlowState::kCapture);
    EXPECT_TRUE(flow.session().capture.empty());
    takePhoto();
    flow.handle(events::Upload{});
    EXPECT_EQ(flow.state(), FlowState::kStandardizing);
    flow.handle(events::StandardizationDone{flow.standardizationJob(), goodPhoto()});
    flow.handle(events::Retake{});
    EXPECT_EQ(flow.state(), FlowState::kCapture);
    EXPECT_FALSE(flow.session().standardized);
    EXPECT_TRUE(flow.session().paid);  // a retake in the same session is free
}

TEST_F(KioskFlowTest, RefusedPhotoCannotBeSubmitted) {
    toResult(refusedPhoto());
    ASSERT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "standardize_refused");
    flow.handle(events::Submit{});
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "submit_refused");
}

TEST_F(KioskFlowTest, AFailedCheckNeedsAStaffMemberToSubmit) {
    StandardizedPhoto photo = goodPhoto();
    photo.report.checks.push_back(
        {"mouth_closed", CheckStatus::kFail, 0.2, 0.08, "请自然闭嘴，不要露齿", "lips apart"});
    photo.report.checks.push_back(
        {"jewellery", CheckStatus::kWarn, 0, 0, "可能戴有耳环", "earrings?"});
    toResult(photo);
    ASSERT_EQ(flow.state(), FlowState::kResult);
    // The student alone cannot submit it.
    flow.handle(events::Submit{});
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "submit_needs_staff");
    // Without a staff number and PIN the demo port refuses; the photo stays.
    flow.handle(events::StaffSubmit{"", ""});
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "staff_refused");
    EXPECT_TRUE(flow.session().standardized);
    flow.handle(events::StaffSubmit{"S001", "135790"});
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_FALSE(flow.session().queueNumber.empty());
}

TEST_F(KioskFlowTest, APortWithoutStaffSubmissionSaysSo) {
    FailingSubmissions plain;  // the default submitConfirmedByStaff: not offered
    KioskFlow f(settings(), {&students, &payments, &plain});
    walkToUpload(f);
    StandardizedPhoto photo = goodPhoto();
    photo.report.checks.push_back(
        {"eyes_open", CheckStatus::kFail, 0.1, 0.2, "请睁开眼睛", "closed"});
    f.handle(events::StandardizationDone{f.standardizationJob(), photo});
    f.handle(events::StaffSubmit{"S001", "135790"});
    EXPECT_EQ(f.state(), FlowState::kResult);
    EXPECT_EQ(f.notice().code, "submit_failed");
    EXPECT_NE(f.notice().message_en.find("not offered"), std::string::npos)
        << f.notice().message_en;
}

TEST_F(KioskFlowTest, StaleStandardizationIgnoredAfterCancel) {
    toCapture();
    takePhoto();
    flow.handle(events::Upload{});
    const auto job = flow.standardizationJob();
    flow.handle(events::Cancel{});
    flow.handle(events::StandardizationDone{job, goodPhoto()});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_TRUE(flow.session().empty());
}

TEST_F(KioskFlowTest, SubmitFailureKeepsPhoto) {
    FailingSubmissions failing;
    KioskFlow f(settings(), {&students, &payments, &failing});
    walkToUpload(f);
    f.handle(events::StandardizationDone{f.standardizationJob(), goodPhoto()});
    f.handle(events::Submit{});
    EXPECT_EQ(f.state(), FlowState::kResult);
    EXPECT_EQ(f.notice().code, "submit_failed");
    EXPECT_TRUE(f.session().standardized);
}

TEST_F(KioskFlowTest, IdleWarningThenResetWipesSession) {
    toCapture();
    takePhoto();
    ASSERT_EQ(flow.state(), FlowState::kPreview);
    tick(59'900);
    EXPECT_FALSE(flow.idleWarningSecondsLeft());
    tick(100);
    EXPECT_EQ(flow.idleWarningSecondsLeft(), 10);
    tick(9'900);
    EXPECT_EQ(flow.idleWarningSecondsLeft(), 1);
    tick(100);
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_EQ(flow.notice().code, "idle_reset");
    EXPECT_TRUE(flow.session().empty());
    EXPECT_TRUE(flow.session().capture.empty());
    EXPECT_FALSE(flow.session().student);
    EXPECT_EQ(flow.sessionsEnded(), 1);
}

TEST_F(KioskFlowTest, ActivityDismissesIdleWarning) {
    toVerify();
    tick(65'000);
    EXPECT_TRUE(flow.idleWarningSecondsLeft());
    flow.handle(events::UserActivity{});
    EXPECT_FALSE(flow.idleWarningSecondsLeft());
    tick(30'000);
    EXPECT_EQ(flow.state(), FlowState::kVerifyStudent);
}

TEST_F(KioskFlowTest, WelcomeNeverIdles) {
    tick(500'000, 1000);
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_FALSE(flow.idleWarningSecondsLeft());
}

TEST_F(KioskFlowTest, CancelFromEveryPageReturnsToWelcome) {
    const std::vector<std::function<void()>> routes = {
        [&] { flow.handle(events::StartCapture{}); },
        [&] { toVerify(); },
        [&] { toService(); },
        [&] { toPayment(); },
        [&] { toCapture(); },
        [&] {
            toCapture();
            takePhoto();
        },
        [&] { toResult(); },
        [&] {
            toResult();
            flow.handle(events::Submit{});
        },
        [&] {
            toVerify();
            flow.handle(events::OpenHelp{});
        },
    };
    for (std::size_t i = 0; i < routes.size(); ++i) {
        routes[i]();
        EXPECT_NE(flow.state(), FlowState::kWelcome) << i;
        flow.handle(events::Cancel{});
        EXPECT_EQ(flow.state(), FlowState::kWelcome) << i;
        EXPECT_TRUE(flow.session().empty()) << i;
    }
}

TEST_F(KioskFlowTest, HelpReturnsToThePage) {
    toVerify();
    flow.handle(events::OpenHelp{});
    EXPECT_EQ(flow.state(), FlowState::kHelp);
    flow.handle(events::CloseHelp{});
    EXPECT_EQ(flow.state(), FlowState::kVerifyStudent);
    EXPECT_TRUE(flow.session().student);
}

TEST_F(KioskFlowTest, HelpNotDuringPaymentOrStandardizing) {
    toPayment();
    flow.handle(events::OpenHelp{});
    EXPECT_EQ(flow.state(), FlowState::kPayment);
}

TEST_F(KioskFlowTest, SubmittedReturnsToWelcomeByItself) {
    toResult();
    flow.handle(events::Submit{});
    EXPECT_EQ(flow.autoReturnSecondsLeft(), 30);
    tick(30'000);
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_TRUE(flow.session().empty());
}

TEST_F(KioskFlowTest, CheckResultPending) {
    toResult();
    flow.handle(events::Submit{});
    flow.handle(events::Finish{});
    flow.handle(events::CheckResult{});
    flow.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    flow.handle(events::Last4Entered{"123X"});
    ASSERT_EQ(flow.state(), FlowState::kStatus);
    EXPECT_EQ(flow.session().status->kind, SubmissionStatus::Kind::kPending);
    flow.handle(events::FreeRetake{});  // not rejected: no retake
    EXPECT_EQ(flow.state(), FlowState::kStatus);
}

TEST_F(KioskFlowTest, RejectedStudentRetakesForFree) {
    toVerify("DEMO-CHSI-0002");
    flow.handle(events::Last4Entered{"5678"});
    ASSERT_EQ(flow.state(), FlowState::kStatus);  // a capture visit still shows the result first
    EXPECT_EQ(flow.session().status->kind, SubmissionStatus::Kind::kRejected);
    EXPECT_FALSE(flow.session().status->reason_zh.empty());
    flow.handle(events::FreeRetake{});
    EXPECT_EQ(flow.state(), FlowState::kPhotoGuide);
    EXPECT_FALSE(flow.session().order);  // no payment
    flow.handle(events::GuideRead{});
    EXPECT_EQ(flow.state(), FlowState::kCapture);
}

TEST_F(KioskFlowTest, ApprovedStudentSeesApproval) {
    flow.handle(events::CheckResult{});
    flow.handle(events::CodeScanned{"DEMO-CHSI-0003"});
    flow.handle(events::Last4Entered{"4321"});
    ASSERT_EQ(flow.state(), FlowState::kStatus);
    EXPECT_EQ(flow.session().status->kind, SubmissionStatus::Kind::kApproved);
    EXPECT_EQ(flow.session().student->maskedName, "欧**月");
}

TEST_F(KioskFlowTest, CheckWithoutRecordCanStartCapture) {
    flow.handle(events::CheckResult{});
    flow.handle(events::CodeScanned{"DEMO-CHSI-0001"});
    flow.handle(events::Last4Entered{"123X"});
    ASSERT_EQ(flow.state(), FlowState::kStatus);
    EXPECT_EQ(flow.session().status->kind, SubmissionStatus::Kind::kNone);
    flow.handle(events::StartCapture{});
    EXPECT_EQ(flow.state(), FlowState::kServiceInfo);
}

TEST_F(KioskFlowTest, PortFaultLeadsToFailsafeThenWelcome) {
    class BrokenLookup : public StudentLookup {
      public:
        LookupResult findByPayload(const std::string&) override {
            LookupResult r;
            r.status = LookupResult::Status::kFound;
            r.student = StudentRecord{"1", "*", "*", "", "", ""};
            return r;
        }
        VerifyResult verifyLast4(const std::string&, const std::string&) override {
            throw std::logic_error("broken");
        }
    } broken;
    KioskFlow f(settings(), {&broken, &payments, &sink});
    f.handle(events::StartCapture{});
    f.handle(events::CodeScanned{"x"});
    f.handle(events::Last4Entered{"1234"});
    EXPECT_EQ(f.state(), FlowState::kFailsafe);
    EXPECT_FALSE(f.notice().message_zh.empty());
    EXPECT_TRUE(f.session().empty());
    for (int i = 0; i < 100; ++i) f.handle(events::Tick{100});
    EXPECT_EQ(f.state(), FlowState::kWelcome);
}

TEST_F(KioskFlowTest, EventsOutOfPlaceAreIgnored) {
    flow.handle(events::Submit{});
    flow.handle(events::Upload{});
    flow.handle(events::ShutterPressed{});
    flow.handle(events::Last4Entered{"1234"});
    flow.handle(events::FreeRetake{});
    flow.handle(events::CloseHelp{});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
}

TEST(FlowStateTest, NamesAndSteps) {
    EXPECT_EQ(toString(FlowState::kCapture), "capture");
    EXPECT_EQ(stepOf(FlowState::kWelcome), 0);
    EXPECT_EQ(stepOf(FlowState::kScanCode), 1);
    EXPECT_EQ(stepOf(FlowState::kSubmitted), kStepCount);
    EXPECT_EQ(eventName(events::Tick{5}), "tick");
}

}  // namespace
}  // namespace gradphoto::flow
