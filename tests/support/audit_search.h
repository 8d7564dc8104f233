#pragma once

// Looks through a record store's audit log as a test asserts on it: the entries of one action,
// and whether any entry mentions a text (a PIN must never appear in actor, subject or detail).

#include <string>
#include <vector>

#include "gradphoto/store/repositories.h"

namespace gradphoto::test {

inline std::vector<store::AuditEntry> auditEntries(store::RecordStore& store,
                                                   const std::string& action) {
    std::vector<store::AuditEntry> found;
    for (const auto& e : store.audit().recent(1000))
        if (e.action == action) found.push_back(e);
    return found;
}

inline bool auditMentions(store::RecordStore& store, const std::string& text) {
    for (const auto& e : store.audit().recent(1000))
        if (e.actor.find(text) != std::string::npos || e.subject.find(text) != std::string::npos ||
            e.detailJson.find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace gradphoto::test
