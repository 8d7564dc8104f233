#pragma once

// Prints standard photos and layout sheets (排版照) to a QPrinter — a CUPS printer, or a PDF
// file in tests — and records each attempt in the store's print_jobs table.
//
//   PhotoPrinter printer(&store->database());
//   QPrinter qprinter(QPrinter::HighResolution);
//   PrintJob job{PrintKind::kSheet, sheetImage, *settings.findPaper("6in"), plan.turned};
//   PhotoPrinter::setUp(qprinter, job);
//   const auto outcome = printer.print(qprinter, job);     // or printer.preview(qprinter, job, w)
//   if (!outcome.ok) showProblem(outcome.problem);
//
// The page size is the paper's; a sheet fills the whole page (no margins, it has its own), a
// standard photo is centred at its physical size. Printer problems (not valid, stopped with an
// error — CUPS reports out of paper and offline this way — aborted, a failed start) come back as a
// Problem with Chinese and English messages; the print is recorded either way (ok 0 or 1).
//
// A printer driver can hang anywhere from choosing the printer to the last page. A print that must
// survive that (the kiosk's print thread, which the kiosk may leave behind when it closes) is
// recorded before anything touches the printer — begin(): ok 0, error print_unfinished — and the
// row is settled when the printer answers (print(printer, job, begun)). A row still unfinished
// when the kiosk starts again belonged to a kiosk that closed while its printer hung:
// markInterrupted() turns it into print_interrupted for the staff (did the sheet come out?).

#include <QRectF>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gradphoto/common/error.h"
#include "gradphoto/store/database.h"
#include "print_job.h"

class QPainter;
class QPrinter;
class QPrintPreviewDialog;
class QWidget;

namespace gradphoto::print {

struct PrintOutcome {
    bool ok = false;
    Problem problem;            // empty code when ok
    std::int64_t recordId = 0;  // the print_jobs row, 0 when not recorded
    // The printer answered but its begun row could not be settled (the store failed, e.g.
    // db_locked): ok and problem are still the printer's; the row stays print_unfinished, so the
    // next start marks it print_interrupted. Empty when the row was settled.
    std::optional<Problem> unrecorded;
};

class PhotoPrinter {
  public:
    // db: where print_jobs rows go; nullptr prints without recording.
    explicit PhotoPrinter(store::Database* db = nullptr);

    // Page size, orientation, full page and resolution for the job.
    static void setUp(QPrinter& printer, const PrintJob& job);
    // Draws the job on the printer's current page (used by print and by the preview).
    static void paint(QPainter& painter, QPrinter& printer, const PrintJob& job);
    // Where a standard photo lands, in device pixels: its physical size, centred on the page.
    static QRectF standardPhotoRect(QPrinter& printer, const PrintJob& job);

    // The printer's problem before printing (not valid, stopped with an error), if any.
    static std::optional<Problem> readiness(const QPrinter& printer);

    // Records the print as started (ok 0, error print_unfinished) and returns its print_jobs row
    // (0 without a store). Call it before the QPrinter is made or set up.
    std::int64_t begin(const PrintJob& job);
    // Sets the printer up, prints one page and records the attempt: into the row `begun` (from
    // begin()) when given, else a new row. Settling `begun` never throws: a store failure then
    // keeps the printer's outcome and says so in PrintOutcome::unrecorded (the sheet may have come
    // out; reporting a failure would invite a reprint). Recording a new row may throw.
    PrintOutcome print(QPrinter& printer, const PrintJob& job, std::int64_t begun = 0);
    // The row `begun` failed before print() could settle it (a set-up that threw): ok 0, the code.
    void fail(std::int64_t begun, const Problem& problem);

    // This booth's print_jobs rows begun and never settled (its kiosk closed while the printer
    // hung) become print_interrupted; returns their ids. Only at the booth's start, when no print
    // thread of it runs any more; other booths sharing the data folder may be printing, so their
    // rows are left alone.
    static std::vector<std::int64_t> markInterrupted(store::Database& db,
                                                     const std::string& boothId);
    // The codes of those rows' error column.
    static constexpr const char* kUnfinished = "print_unfinished";
    static constexpr const char* kInterrupted = "print_interrupted";

    // A print preview of the job (the dialog's print button prints with `printer`). Show it with
    // exec(); preview() does that and records the print when the user printed.
    std::unique_ptr<QPrintPreviewDialog> previewDialog(QPrinter& printer, const PrintJob& job,
                                                       QWidget* parent);
    PrintOutcome preview(QPrinter& printer, const PrintJob& job, QWidget* parent);

  private:
    std::int64_t record(const QPrinter& printer, const PrintJob& job, const PrintOutcome& outcome);
    void settleRow(std::int64_t row, const QPrinter& printer, const PrintOutcome& outcome);
    // A new print_jobs row for job (begin()'s unfinished one, or record()'s settled one).
    std::int64_t insertRow(const PrintJob& job, int copies, const std::string& printer, bool ok,
                           const std::string& error);

    store::Database* db_;
};

}  // namespace gradphoto::print
