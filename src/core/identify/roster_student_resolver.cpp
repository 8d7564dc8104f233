#include "gradphoto/identify/roster_student_resolver.h"

#include <algorithm>
#include <cctype>

namespace gradphoto::identify {

InMemoryRoster::InMemoryRoster(const std::vector<RosterRow>& rows) {
    for (const auto& row : rows) {
        if (!row.collectionCodeSha256.empty())
            byCode_.emplace(row.collectionCodeSha256, row.student);
    }
}

std::optional<StudentRecord> InMemoryRoster::findByCollectionCodeSha256(
    const std::string& sha256Hex) const {
    const auto it = byCode_.find(sha256Hex);
    if (it == byCode_.end()) return std::nullopt;
    return it->second;
}

RosterStudentResolver::RosterStudentResolver(std::shared_ptr<const RosterLookup> roster)
    : roster_(std::move(roster)) {}

Resolution RosterStudentResolver::resolve(const ScannedCode& code) {
    Resolution resolution;
    auto student = roster_->findByCollectionCodeSha256(payloadSha256Hex(code.payload));
    // A roster row whose code is itself 64 hex digits was taken as a hash; a payload of that
    // shape matches it directly.
    if (!student && code.payload.size() == 64 &&
        std::all_of(code.payload.begin(), code.payload.end(),
                    [](unsigned char c) { return std::isxdigit(c) != 0; })) {
        std::string lowered = code.payload;
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        student = roster_->findByCollectionCodeSha256(lowered);
    }
    if (student) {
        resolution.status = ResolveStatus::kFound;
        resolution.student = std::move(student);
    } else {
        resolution.status = ResolveStatus::kNotFound;
        resolution.problem = notFoundProblem();
    }
    return resolution;
}

}  // namespace gradphoto::identify
