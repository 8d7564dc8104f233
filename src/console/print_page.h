#pragma once

#include <optional>

#include "console_page.h"
#include "gradphoto/layout/layout_settings.h"
#include "photo_printer.h"
#include "ui_console_print_page.h"
#include "unfinished_prints.h"

class QPrinter;

namespace gradphoto::console {

// 学生照片: find a student by 学号; when their current capture is approved, print the standard
// photo or a layout sheet (paper, copies, cut lines, caption) through print::PhotoPrinter, with
// the print preview. Every print is recorded in print_jobs (capture, staff, booth). Printer
// problems are shown, never a crash. All signed-in staff may print.
//
// Below, 未完成的打印 lists the prints whose sheet may not have come out (print_unfinished,
// print_interrupted: a printer that hung) so that staff can check the printer and, with
// 打开该学生补打, open the student here and print again; a later successful print of the capture
// takes the row off the list. It is read again when the page is shown and after every print.
class PrintPage : public ConsolePage {
    Q_OBJECT
  public:
    PrintPage(ConsoleContext& context, QWidget* parent);

    QString title() const override { return tr("学生照片"); }
    QString pageId() const override { return "print"; }
    void activate() override;
    void openStudent(const QString& studentNo) override;

    // Looks the student up; true when an approved photo is ready to print.
    bool find(const QString& studentNo);
    // The job of the form (standard photo or sheet); nullopt (and says why) when there is none.
    std::optional<print::PrintJob> job();
    // Prints the form's job to printer (the print dialog's choice, or a PDF printer in tests).
    print::PrintOutcome printTo(QPrinter& printer);
    QString message() const { return ui_.messageLabel->text(); }
    Ui::ConsolePrintPage& ui() { return ui_; }
    UnfinishedPrintsList& unfinishedPrints() { return *unfinished_; }

  private:
    void clearStudent();
    void updateKind();
    void show(const print::PrintOutcome& outcome);
    void say(const QString& text, bool problem);
    std::string boothId() const;

    Ui::ConsolePrintPage ui_;
    std::optional<layout::LayoutSettings> settings_;
    print::PhotoPrinter printer_;
    std::optional<store::Capture> capture_;
    std::string studentName_;
    std::vector<std::uint8_t> photo_;
    UnfinishedPrintsList* unfinished_ = nullptr;
};

}  // namespace gradphoto::console
