#include "gradphoto/identify/suffix_verifier.h"

#include <gtest/gtest.h>

namespace gradphoto::identify {
namespace {

constexpr const char* kId = "11010519491231002X";

TEST(SuffixVerifier, MatchesCaseInsensitiveX) {
    SuffixVerifier verifier;
    EXPECT_EQ(verifier.verify("s1", kId, "002x").outcome, SuffixOutcome::kMatch);
    EXPECT_EQ(verifier.verify("s1", kId, "002X").outcome, SuffixOutcome::kMatch);
    EXPECT_EQ(verifier.verify("s1", "440524200001010013", "0013").outcome, SuffixOutcome::kMatch);
}

TEST(SuffixVerifier, MalformedEntriesDoNotCount) {
    SuffixVerifier verifier;
    for (const char* entry : {"", "12", "12345", "X002", "00a2"}) {
        const auto r = verifier.verify("s1", kId, entry);
        EXPECT_EQ(r.outcome, SuffixOutcome::kMalformed) << entry;
        EXPECT_EQ(r.triesLeft, SuffixVerifier::kMaxFailures);
    }
}

TEST(SuffixVerifier, FiveWrongTriesLockUntilStaffUnlock) {
    auto counter = std::make_shared<InMemoryAttemptCounter>();
    SuffixVerifier verifier(counter);
    for (int i = 1; i < SuffixVerifier::kMaxFailures; ++i) {
        const auto r = verifier.verify("s1", kId, "1234");
        EXPECT_EQ(r.outcome, SuffixOutcome::kMismatch);
        EXPECT_EQ(r.triesLeft, SuffixVerifier::kMaxFailures - i);
        EXPECT_FALSE(r.problem.message_zh.empty());
    }
    EXPECT_EQ(verifier.verify("s1", kId, "1234").outcome, SuffixOutcome::kLocked);
    EXPECT_TRUE(verifier.locked("s1"));
    // Even the right answer is refused while locked; other records are unaffected.
    EXPECT_EQ(verifier.verify("s1", kId, "002X").outcome, SuffixOutcome::kLocked);
    EXPECT_EQ(verifier.verify("s2", kId, "002X").outcome, SuffixOutcome::kMatch);
    // The counter is shared state: another verifier over it (another screen) sees the lock.
    SuffixVerifier other(counter);
    EXPECT_TRUE(other.locked("s1"));
    verifier.unlock("s1");
    EXPECT_FALSE(other.locked("s1"));
    EXPECT_EQ(verifier.verify("s1", kId, "002X").outcome, SuffixOutcome::kMatch);
}

TEST(SuffixVerifier, ASuccessResetsTheCount) {
    SuffixVerifier verifier;
    verifier.verify("s1", kId, "1111");
    verifier.verify("s1", kId, "2222");
    EXPECT_EQ(verifier.triesLeft("s1"), 3);
    EXPECT_EQ(verifier.verify("s1", kId, "002X").outcome, SuffixOutcome::kMatch);
    EXPECT_EQ(verifier.triesLeft("s1"), SuffixVerifier::kMaxFailures);
}

TEST(SuffixVerifier, MessagesNeverContainTheIdNumber) {
    SuffixVerifier verifier;
    for (int i = 0; i < 6; ++i) {
        const auto r = verifier.verify("s1", kId, "1234");
        EXPECT_EQ(r.problem.message_zh.find("002X"), std::string::npos);
        EXPECT_EQ(r.problem.message_en.find("002X"), std::string::npos);
    }
}

}  // namespace
}  // namespace gradphoto::identify
