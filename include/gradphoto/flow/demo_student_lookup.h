#pragma once

#include <map>
#include <string>
#include <vector>

#include "gradphoto/flow/student_lookup.h"

namespace gradphoto::flow {

// A fictional student of the demo roster. Full names and ID numbers stay inside the lookup; the
// flow only ever sees the masked record.
struct DemoStudent {
    std::string payload;  // the collection code's content
    std::string studentNo;
    std::string name;
    std::string idNumber;
    std::string department;
    std::string major;
    std::string level;
};

// The --demo roster: three fictional students (a new one, one rejected, one approved), wrong
// last-four entries counted per student and locked at maxTries.
class DemoStudentLookup : public StudentLookup {
  public:
    explicit DemoStudentLookup(std::vector<DemoStudent> roster = defaultRoster(), int maxTries = 5);

    static std::vector<DemoStudent> defaultRoster();

    LookupResult findByPayload(const std::string& payload) override;
    VerifyResult verifyLast4(const std::string& studentNo, const std::string& last4) override;

  private:
    std::vector<DemoStudent> roster_;
    int maxTries_;
    std::map<std::string, int> failures_;
};

}  // namespace gradphoto::flow
