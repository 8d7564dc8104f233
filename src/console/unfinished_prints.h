#pragma once

#include <QGroupBox>
#include <cstdint>
#include <string>
#include <vector>

#include "gradphoto/store/database.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace gradphoto::console {

// A print whose sheet may not have come out: its print_jobs row was written before the printer
// was touched (error print_unfinished) and never settled — the printer still has not answered —
// or its kiosk closed while the printer hung and the next start marked it print_interrupted
// (docs/kiosk.md, print::PhotoPrinter).
struct UnfinishedPrint {
    std::int64_t id = 0;  // the print_jobs row
    std::int64_t captureId = 0;
    std::string studentNo;    // empty when the capture is gone
    std::string studentName;  // unmasked: mask it before it is shown
    std::string kind;         // standard / sheet
    std::string paper;
    std::int64_t copies = 1;
    std::string boothId;
    std::string staffNo;
    std::string state;           // print::PhotoPrinter::kUnfinished or kInterrupted
    std::int64_t printedAt = 0;  // when the print was begun (Unix seconds)
};

// The unfinished and interrupted prints, newest first, at most `limit`. A print of the same
// capture that succeeded afterwards (the staff reprinted it) settles the question: such rows are
// left out.
std::vector<UnfinishedPrint> loadUnfinishedPrints(store::Database& db, int limit = 100);

// 未完成的打印 on the console's print page: when, 学号 with the masked name, what was printed,
// where, and the state in the console's language. "打开补打" (or a double click) asks the page to
// open the row's student, whose approved photo can then be printed again.
class UnfinishedPrintsList : public QGroupBox {
    Q_OBJECT
  public:
    explicit UnfinishedPrintsList(QWidget* parent = nullptr);

    // Reads the rows again; a store problem is shown in the box, never thrown.
    void reload(store::Database& db);
    const std::vector<UnfinishedPrint>& prints() const { return prints_; }
    QTableWidget* table() const { return table_; }
    QPushButton* reprintButton() const { return reprintButton_; }
    // The state of a row as the staff read it.
    static QString stateText(const std::string& state);

  signals:
    void reprintRequested(const QString& studentNo);

  private:
    void requestReprint();

    QTableWidget* table_;
    QPushButton* reprintButton_;
    QLabel* summaryLabel_;
    std::vector<UnfinishedPrint> prints_;
};

}  // namespace gradphoto::console
