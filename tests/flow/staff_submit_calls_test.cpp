// 工作人员确认提交 as a port call made outside (FlowPorts::callsOutside, as the kiosk does on a
// thread of its own): the PIN check and the store's write happen where the call is answered, the
// flow waits on the result page (取消 and the idle reset wait for the answer too); a wrong PIN or a
// failing store says what the sink says; a second press while waiting starts nothing.

#include <gtest/gtest.h>

#include <stdexcept>

#include "gradphoto/flow/demo_payment_gateway.h"
#include "gradphoto/flow/demo_student_lookup.h"
#include "gradphoto/flow/kiosk_flow.h"

namespace gradphoto::flow {
namespace {

// Stores staff-confirmed submissions in memory; PIN 1357 is right. `failure` makes it throw.
class RecordingSink : public SubmissionSink {
  public:
    enum class Failure { kNone, kStore, kOther };
    std::string submit(const Submission&) override {
        throw std::logic_error("a failed check is never submitted without a staff member");
    }
    SubmissionStatus status(const std::string&) override { return {}; }
    std::string submitConfirmedByStaff(const Submission& submission,
                                       const StaffSubmission& staff) override {
        ++calls;
        if (staff.pin != "1357")
            throw Error(Error::Kind::kInput,
                        {"wrong_pin", "工号或 PIN 不正确，还可尝试 4 次。", "wrong PIN, 4 left"});
        if (failure == Failure::kStore)
            throw Error(Error::Kind::kIo,
                        {"store_write", "照片没有保存成功，请联系工作人员。", "disk full"});
        if (failure == Failure::kOther) throw std::runtime_error("out of memory");
        stored.push_back(submission);
        staffSeen.push_back(staff);
        return "A1-" + std::to_string(100 + stored.size());
    }
    Failure failure = Failure::kNone;
    int calls = 0;
    std::vector<Submission> stored;
    std::vector<StaffSubmission> staffSeen;
};

StandardizedPhoto eyesClosedPhoto() {
    StandardizedPhoto photo;
    photo.report.ok = true;
    photo.jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    photo.photo = cv::Mat(640, 480, CV_8UC3, cv::Scalar(255, 197, 100));
    photo.report.checks.push_back({"face_count", CheckStatus::kPass, 1, 1, "一张人脸", "one"});
    photo.report.checks.push_back(
        {"eyes_open", CheckStatus::kFail, 0.1, 0.2, "请睁开眼睛", "eyes closed"});
    return photo;
}

class StaffSubmitCallsTest : public ::testing::Test {
  protected:
    StaffSubmitCallsTest() : flow(settings(), {&students, &payments, &sink, nullptr, true}) {}

    static FlowSettings settings() {
        FlowSettings s;
        s.paymentPollMs = 1000;
        s.paymentTimeoutSeconds = 120;
        s.idleSeconds = 60;
        s.idleWarningSeconds = 10;
        return s;
    }
    // Plays the worker thread: answers the calls asked for so far with the real ports.
    void work() {
        for (const PortCall& c : flow.takeCalls())
            flow.handle(events::PortAnswered{answerCall(c, &students, &payments, &sink)});
    }
    void tick(std::int64_t ms) {
        for (std::int64_t t = 0; t < ms; t += 100) {
            flow.handle(events::Tick{100});
            work();
        }
    }
    // Welcome → … → the result page of a capture whose eyes_open check failed; paid by a staff
    // member's cash confirmation (the demo gateway).
    void toResult() {
        flow.handle(events::StartCapture{});
        flow.handle(events::CodeScanned{"DEMO-CHSI-0001"});
        work();
        flow.handle(events::Last4Entered{"123X"});
        work();
        ASSERT_EQ(flow.state(), FlowState::kServiceInfo);
        flow.handle(events::AcceptService{});
        work();
        tick(3000);
        ASSERT_EQ(flow.state(), FlowState::kPhotoGuide);
        flow.handle(events::GuideRead{});
        flow.handle(events::ShutterPressed{});
        tick(3000);
        ASSERT_NE(flow.captureRequest(), 0u);
        flow.handle(events::PhotoTaken{flow.captureRequest(),
                                       cv::Mat(720, 960, CV_8UC3, cv::Scalar(200, 200, 200))});
        flow.handle(events::Upload{});
        flow.handle(events::StandardizationDone{flow.standardizationJob(), eyesClosedPhoto()});
        ASSERT_EQ(flow.state(), FlowState::kResult);
    }
    // Staff press 确认提交: exactly one call goes out, nothing is stored yet.
    PortCall staffPresses(const std::string& pin) {
        flow.handle(events::StaffSubmit{"S001", pin});
        std::vector<PortCall> calls = flow.takeCalls();
        EXPECT_EQ(calls.size(), 1u);
        return calls.empty() ? PortCall{} : calls.front();
    }
    void answer(const PortCall& c) {
        flow.handle(events::PortAnswered{answerCall(c, &students, &payments, &sink)});
    }

    DemoStudentLookup students;
    DemoPaymentGateway payments{2};
    RecordingSink sink;
    KioskFlow flow;
};

TEST_F(StaffSubmitCallsTest, TheAnswerSubmitsWithTheQueueNumber) {
    toResult();
    const PortCall c = staffPresses("1357");
    EXPECT_EQ(c.kind, PortCall::Kind::kStaffSubmit);
    EXPECT_EQ(c.staffSubmission.staffNo, "S001");
    EXPECT_EQ(c.staffSubmission.failedChecks, std::vector<std::string>{"eyes_open"});
    EXPECT_EQ(c.submission.studentNo, "2022010001");
    EXPECT_EQ(c.submission.payload, "DEMO-CHSI-0001");
    EXPECT_TRUE(c.submission.captureJpeg.empty());  // encoded where the call is answered
    EXPECT_EQ(c.capture.size(), cv::Size(960, 720));
    // Waiting: still the result page, saying it is checking; nothing stored yet.
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.waitingFor(), PortCall::Kind::kStaffSubmit);
    EXPECT_TRUE(flow.waitsFor(c.id));
    EXPECT_EQ(flow.notice().code, "staff_submit_checking");
    EXPECT_EQ(sink.calls, 0);

    answer(c);
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(flow.session().queueNumber, "A1-101");
    EXPECT_FALSE(flow.waiting());
    ASSERT_EQ(sink.stored.size(), 1u);
    const auto& jpeg = sink.stored[0].captureJpeg;
    ASSERT_GT(jpeg.size(), 2u);
    EXPECT_EQ(jpeg[0], 0xFF);
    EXPECT_EQ(jpeg[1], 0xD8);
    EXPECT_EQ(sink.stored[0].finalJpeg, eyesClosedPhoto().jpeg);
    EXPECT_FALSE(sink.stored[0].reportJson.empty());
    EXPECT_EQ(sink.staffSeen[0].pin, "1357");
}

TEST_F(StaffSubmitCallsTest, AWrongPinSaysTheSinksReasonAndStoresNothing) {
    toResult();
    answer(staffPresses("0000"));
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "staff_refused");
    EXPECT_EQ(flow.notice().message_zh, "工号或 PIN 不正确，还可尝试 4 次。");
    EXPECT_TRUE(sink.stored.empty());
    EXPECT_TRUE(flow.session().standardized);  // the photo stays for another try
    answer(staffPresses("1357"));
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(sink.stored.size(), 1u);
}

TEST_F(StaffSubmitCallsTest, AFailingStoreSaysSoAndTheStudentCanTryAgain) {
    toResult();
    sink.failure = RecordingSink::Failure::kStore;
    answer(staffPresses("1357"));
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "submit_failed");
    EXPECT_EQ(flow.notice().message_zh, "照片没有保存成功，请联系工作人员。");
    sink.failure = RecordingSink::Failure::kOther;
    answer(staffPresses("1357"));
    EXPECT_EQ(flow.notice().code, "submit_failed");
    EXPECT_EQ(flow.notice().message_zh, "提交没有成功，请再试一次，或联系工作人员。");
    EXPECT_TRUE(sink.stored.empty());
    sink.failure = RecordingSink::Failure::kNone;
    answer(staffPresses("1357"));
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
}

// 取消 and the idle reset would tell the student their data was cleared while the photo is being
// submitted: while the PIN is checked both wait for the answer, which says what happened.
TEST_F(StaffSubmitCallsTest, CancelAndTheIdleResetWaitForTheAnswer) {
    toResult();
    const PortCall c = staffPresses("1357");
    flow.handle(events::Cancel{});  // the student presses 取消 while the PIN is checked
    for (int i = 0; i < 700; ++i) flow.handle(events::Tick{100});  // well past the idle limit
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_TRUE(flow.waitsFor(c.id));
    EXPECT_FALSE(flow.idleWarningSecondsLeft());
    EXPECT_EQ(flow.notice().code, "staff_submit_checking");
    answer(c);
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(flow.session().queueNumber, "A1-101");
    EXPECT_EQ(sink.stored.size(), 1u);
}

// Once answered (here: a wrong PIN, back on the result page), 取消 and the idle timer work again.
TEST_F(StaffSubmitCallsTest, AfterTheAnswerCancelAndTheIdleResetWorkAgain) {
    toResult();
    answer(staffPresses("0000"));
    ASSERT_EQ(flow.state(), FlowState::kResult);
    ASSERT_EQ(flow.notice().code, "staff_refused");
    for (int i = 0; i < 700 && flow.state() == FlowState::kResult; ++i)
        flow.handle(events::Tick{100});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
    EXPECT_EQ(flow.notice().code, "idle_reset");
    EXPECT_TRUE(sink.stored.empty());

    flow.handle(events::StartCapture{});
    ASSERT_EQ(flow.state(), FlowState::kScanCode);
    flow.handle(events::Cancel{});
    EXPECT_EQ(flow.state(), FlowState::kWelcome);
}

TEST_F(StaffSubmitCallsTest, PressingAgainWhileWaitingStartsNothing) {
    toResult();
    const PortCall c = staffPresses("1357");
    flow.handle(events::StaffSubmit{"S001", "1357"});
    flow.handle(events::Submit{});
    flow.handle(events::Retake{});    // the photo may be being stored: the answer decides
    flow.handle(events::OpenHelp{});  // leaving the page would drop the answer
    EXPECT_TRUE(flow.takeCalls().empty());
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_TRUE(flow.waitsFor(c.id));
    EXPECT_EQ(flow.notice().code, "staff_submit_checking");
    answer(c);
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(sink.calls, 1);
    EXPECT_EQ(sink.stored.size(), 1u);
    answer(c);  // the same answer twice (never happens): not a second submission
    EXPECT_EQ(flow.state(), FlowState::kSubmitted);
    EXPECT_EQ(flow.session().queueNumber, "A1-101");
}

TEST_F(StaffSubmitCallsTest, ACallWithoutASubmissionPortSaysWhy) {
    toResult();
    const PortCall c = staffPresses("1357");
    flow.handle(events::PortAnswered{answerCall(c, &students, &payments)});
    EXPECT_EQ(flow.state(), FlowState::kResult);
    EXPECT_EQ(flow.notice().code, "submit_failed");
    EXPECT_EQ(flow.notice().message_zh, "系统设置不完整，请联系工作人员。");
    EXPECT_EQ(toString(PortCall::Kind::kStaffSubmit), "staff_submit");
}

}  // namespace
}  // namespace gradphoto::flow
