#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/identify/roster_csv.h"
#include "gradphoto/identify/student_resolver.h"

namespace gradphoto::identify {

// Finds a student by the SHA-256 of their collection code. The store implements it over SQLite;
// InMemoryRoster holds parsed CSV rows (the kiosk demo and tests use it).
class RosterLookup {
  public:
    virtual ~RosterLookup() = default;
    virtual std::optional<StudentRecord> findByCollectionCodeSha256(
        const std::string& sha256Hex) const = 0;
};

class InMemoryRoster final : public RosterLookup {
  public:
    explicit InMemoryRoster(const std::vector<RosterRow>& rows);
    std::optional<StudentRecord> findByCollectionCodeSha256(
        const std::string& sha256Hex) const override;
    std::size_t size() const { return byCode_.size(); }

  private:
    std::map<std::string, StudentRecord> byCode_;
};

class RosterStudentResolver final : public StudentResolver {
  public:
    explicit RosterStudentResolver(std::shared_ptr<const RosterLookup> roster);
    Resolution resolve(const ScannedCode& code) override;

  private:
    std::shared_ptr<const RosterLookup> roster_;
};

}  // namespace gradphoto::identify
