// Help → Check Library…: runs LibraryCheck and shows each problem in plain words with how to repair it; the
// Repair button (off for a read-only library) rebuilds what is derived and lists lost annotations as orphans.
#pragma once

#include "store/librarycheck.h"

#include <QDialog>

#include <functional>

class QPushButton;
class QTextBrowser;

namespace dubao {

class CheckDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `run(repair)` checks (or repairs and checks) the library and returns the report.
    CheckDialog(std::function<CheckReport(bool repair)> run, bool readOnly, QWidget *parent = nullptr);

    /// Runs the check (or the repair) and shows the report.
    void runCheck(bool repair = false);
    const CheckReport &report() const { return m_report; }
    QString reportText() const; ///< the report as shown, in plain text (for tests)

    /// The report as HTML (also used for the status bar's short form).
    static QString toHtml(const CheckReport &report);

private:
    std::function<CheckReport(bool)> m_run;
    bool m_readOnly;
    CheckReport m_report;
    QTextBrowser *m_text;
    QPushButton *m_repair;
};

} // namespace dubao
