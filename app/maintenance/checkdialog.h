// Help → Check Library…: runs LibraryCheck on a worker thread (its own connection: a check of a large library
// takes seconds) and shows each problem in plain words with how to repair it; the Repair button (off for a
// read-only library) rebuilds what is derived and lists lost annotations as orphans. Closing the dialog
// while a check runs stops it.
#pragma once

#include "core/ingest/librarycheck.h"
#include "core/jobs/jobrunner.h"

#include <QDialog>

#include <atomic>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace dubao {

class CheckDialog final : public QDialog
{
    Q_OBJECT

public:
    /// Checks (or repairs and checks); called on a worker thread, so it must use its own connection.
    using Runner = std::function<CheckReport(bool repair, const std::atomic_bool *cancel)>;

    /// The runner the app uses: opens its own Library on `libraryPath` (on the worker thread) and checks it,
    /// or repairs it unless `readOnly`.
    static Runner onOwnConnection(const QString &libraryPath, bool readOnly);

    CheckDialog(Runner run, bool readOnly, QWidget *parent = nullptr);
    ~CheckDialog() override; ///< stops a running check and waits for it

    /// Starts the check (or the repair) on a worker thread and returns; checkFinished() follows.
    void runCheck(bool repair = false);
    bool isRunning() const { return m_runner.isRunning(); }
    const CheckReport &report() const { return m_report; }
    QString reportText() const; ///< the report as shown, in plain text (for tests)

    /// The report as HTML (also used for the status bar's short form).
    static QString toHtml(const CheckReport &report);

public slots:
    void reject() override; ///< stops a running check first (a repair is finished: it writes)

signals:
    void checkFinished(bool repaired);

private:
    void finish(const CheckReport &report, bool repaired);
    void stop();
    /// Shows `status` with a busy bar and disables the buttons while it is not empty.
    void setRunning(const QString &status);

    Runner m_run;
    bool m_readOnly;
    CheckReport m_report;
    QTextBrowser *m_text;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_repair;
    QPushButton *m_again;
    JobRunner m_runner; ///< a stopped run's result is dropped
    bool m_repairing = false;
};

} // namespace dubao
