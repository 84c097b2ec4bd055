// Help → Check Library…: runs LibraryCheck on a worker thread (its own connection: a check of a large library
// takes seconds, a full one minutes) with its progress and a Cancel button, and shows each problem in plain words
// with how to repair it; the Repair button rebuilds what is derived, lists lost annotations as orphans and, when
// the library holds database objects Dubao did not make, removes them as `dubao-cli check --repair` does (a copy
// of the library is kept first). Closing the dialog while a check runs stops it.
#pragma once

#include "core/ingest/librarycheck.h"
#include "core/jobs/jobrunner.h"

#include <QDialog>

#include <atomic>
#include <functional>

class QCheckBox;
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
    using Runner = std::function<CheckReport(bool repair, const CheckOptions &options)>;

    /// The runner the app uses: opens its own Library on `libraryPath` (on the worker thread) and checks it,
    /// or repairs it unless `readOnly` (as `dubao-cli check --repair`: opened for a schema repair).
    static Runner onOwnConnection(const QString &libraryPath, bool readOnly);

    /// `readOnly`: the library's file cannot be written (a library that is read-only because of objects Dubao
    /// did not make can be repaired).
    CheckDialog(Runner run, bool readOnly, QWidget *parent = nullptr);
    ~CheckDialog() override; ///< stops a running check and waits for it

    /// Starts the check (full when the Full Check box is ticked), or the repair, on a worker thread and
    /// returns; checkFinished() follows (also after a cancel, with report().cancelled set).
    void runCheck(bool repair = false);
    /// Stops a running check; the dialog says the check was cancelled (a repair cannot be cancelled).
    void cancelCheck();
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
    void showProgress(qint64 done, qint64 total, const QString &step);

    Runner m_run;
    bool m_readOnly;
    CheckReport m_report;
    QTextBrowser *m_text;
    QLabel *m_status;
    QProgressBar *m_busy;
    QPushButton *m_repair;
    QPushButton *m_again;
    QPushButton *m_cancel;
    QCheckBox *m_full;
    JobRunner m_runner; ///< a stopped run's result is dropped
    bool m_repairing = false;
};

} // namespace dubao
