#pragma once

// The review queue's approval guard of the payment issue: no approval of a capture whose student
// has no paid order (WeChat, campus, staff cash or a waiver). Install it where the queue is made:
//
//   store::ReviewQueue queue(*store, reasons);
//   queue.setApprovalGuard(payment::paidApprovalGuard(store->database()));

#include "gradphoto/store/database.h"
#include "gradphoto/store/review_queue.h"

namespace gradphoto::payment {

// The guard reads the payments table of `db` at each approval; db must outlive the queue.
store::ReviewQueue::ApprovalGuard paidApprovalGuard(store::Database& db);

}  // namespace gradphoto::payment
