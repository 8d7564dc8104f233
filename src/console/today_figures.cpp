#include "today_figures.h"

namespace gradphoto::console {

TodayFigures loadTodayFigures(store::SqliteRecordStore& store, store::UnixTime from,
                              store::UnixTime to) {
    TodayFigures f;
    auto& db = store.database();
    {
        auto s = db.prepare(
            "SELECT outcome, COUNT(*) FROM kiosk_sessions WHERE started_at >= ?1 AND started_at < "
            "?2 GROUP BY outcome");
        s.bind(1, from).bind(2, to);
        while (s.step()) {
            f.sessionsByOutcome[s.text(0)] = s.integer(1);
            f.sessions += s.integer(1);
        }
    }
    {
        // Paid orders by the time they were paid; waivers are paid staff orders of 0 fen.
        auto s = db.prepare(
            "SELECT COUNT(*), COALESCE(SUM(amount_fen), 0),"
            " COALESCE(SUM(settlement = 'cash'), 0),"
            " COALESCE(SUM(CASE WHEN settlement = 'cash' THEN amount_fen ELSE 0 END), 0),"
            " COALESCE(SUM(settlement = 'waiver'), 0)"
            " FROM payments WHERE state = 'paid' AND paid_at >= ?1 AND paid_at < ?2");
        s.bind(1, from).bind(2, to);
        if (s.step()) {
            f.paidOrders = s.integer(0);
            f.paidFen = s.integer(1);
            f.cashOrders = s.integer(2);
            f.cashFen = s.integer(3);
            f.waivers = s.integer(4);
        }
    }
    f.activity = store.captures().summarize(from, to);
    return f;
}

}  // namespace gradphoto::console
