#include "app/maintenance/checkdialog.h"

#include "core/store/library.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace dubao {

CheckDialog::Runner CheckDialog::onOwnConnection(const QString &libraryPath, bool readOnly)
{
    return [libraryPath, readOnly](bool repair, const CheckOptions &options) {
        Library library;
        const bool repairing = repair && !readOnly;
        if (const Result<void> opened =
                library.open(libraryPath, repairing ? Library::OpenMode::SchemaRepair : Library::OpenMode::Normal);
            !opened) {
            CheckReport report;
            report.problems.append(CheckProblem{
                QStringLiteral("open"),
                QStringLiteral("The library cannot be opened: %1").arg(opened.error().message()), QString(), false});
            return report;
        }
        return repairing ? LibraryCheck::repair(library) : LibraryCheck::check(library, options);
    };
}

CheckDialog::CheckDialog(Runner run, bool readOnly, QWidget *parent)
    : QDialog(parent)
    , m_run(std::move(run))
    , m_readOnly(readOnly)
    , m_text(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_runner(QStringLiteral("libraryCheck"))
{
    setObjectName(QStringLiteral("checkDialog"));
    setWindowTitle(tr("Check Library"));
    m_text->setObjectName(QStringLiteral("checkReport"));
    m_text->setOpenLinks(false);
    m_busy->setRange(0, 0); // busy until the first step is reported (a repair reports none)
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_status->sizeHint().height());
    m_full =
        new QCheckBox(tr("&Full check (reads every page and the search index; minutes for a large library)"), this);
    m_full->setObjectName(QStringLiteral("fullCheckBox"));
    m_full->setToolTip(tr("The quick check reads every page of what no restore could make again: the issues, "
                          "their original bytes and your work. The full check also reads the paragraphs, the "
                          "articles and the search and people indexes, which a restore rebuilds."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_repair = buttons->addButton(tr("&Repair"), QDialogButtonBox::ActionRole);
    m_repair->setObjectName(QStringLiteral("repairButton"));
    m_repair->setToolTip(tr("Rebuilds the search index and lists annotations that lost their place as orphans. "
                            "Nothing is deleted."));
    m_again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("checkAgainButton"));
    m_cancel = buttons->addButton(tr("&Stop Check"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(QStringLiteral("cancelCheckButton"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &CheckDialog::cancelCheck);
    connect(&m_runner, &JobRunner::progress, this, &CheckDialog::showProgress);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_repair, &QPushButton::clicked, this, [this] { runCheck(true); });
    connect(m_again, &QPushButton::clicked, this, [this] { runCheck(false); });
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_status, 1);
    progress->addWidget(m_busy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_full);
    layout->addLayout(progress);
    layout->addWidget(buttons);
    resize(640, 420);
}

CheckDialog::~CheckDialog()
{
    stop();
}

void CheckDialog::runCheck(bool repair)
{
    if (isRunning())
        return;
    const bool repairing = repair && !m_readOnly;
    m_repairing = repairing;
    const bool full = m_full->isChecked();
    setRunning(repairing ? tr("Repairing… (the search index is rebuilt: this can take a minute)")
               : full    ? tr("Checking every page…")
                         : tr("Checking…"));
    m_busy->setRange(0, 0);
    m_runner.start(
        [runner = m_run, repairing, full](JobContext &job) {
            CheckOptions options;
            options.full = full;
            options.cancel = job.cancelFlag();
            options.progress = [&job](int done, int total, const QString &step) {
                job.progress(done, total, step);
            };
            return runner(repairing, options);
        },
        [this, repairing](const CheckReport &report) { finish(report, repairing); });
}

void CheckDialog::cancelCheck()
{
    if (isRunning() && !m_repairing)
        m_runner.cancel(); // the check stops within milliseconds; finish() says it was cancelled
}

void CheckDialog::showProgress(qint64 done, qint64 total, const QString &step)
{
    if (!isRunning() || m_repairing || total <= 0)
        return;
    m_busy->setRange(0, int(total));
    m_busy->setValue(int(done));
    if (!step.isEmpty())
        m_status->setText(tr("Checking %1 (step %2 of %3)…").arg(step).arg(done + 1).arg(total));
}

void CheckDialog::finish(const CheckReport &report, bool repaired)
{
    m_repairing = false;
    m_report = report;
    setRunning({});
    m_text->setHtml(toHtml(m_report));
    emit checkFinished(repaired);
}

void CheckDialog::setRunning(const QString &status)
{
    const bool running = !status.isEmpty();
    m_status->setText(status);
    m_status->setVisible(running);
    m_busy->setVisible(running);
    m_again->setEnabled(!running);
    m_full->setEnabled(!running);
    m_cancel->setVisible(running && !m_repairing);
    const bool repairable = std::any_of(m_report.problems.cbegin(), m_report.problems.cend(),
                                        [](const CheckProblem &p) { return p.repairable; }) ||
                            !m_report.notices.isEmpty();
    m_repair->setEnabled(!running && !m_readOnly && repairable);
}

void CheckDialog::stop()
{
    if (!isRunning())
        return;
    m_runner.cancelAndWait(); // a check stops at once; a repair runs to its end (it writes); no report is shown
    setRunning({});
    if (m_repairing) {
        m_repairing = false;
        emit checkFinished(true); // the library changed: the window reloads it
    }
}

void CheckDialog::reject()
{
    stop();
    QDialog::reject();
}

QString CheckDialog::reportText() const
{
    return m_text->toPlainText();
}

QString CheckDialog::toHtml(const CheckReport &report)
{
    QString html;
    if (report.cancelled)
        return QStringLiteral("<h3>%1</h3>").arg(tr("The check was cancelled; nothing was changed."));
    for (const QString &r : report.repaired)
        html += QStringLiteral("<p>✔ %1</p>").arg(r.toHtmlEscaped());
    if (report.healthy())
        html += QStringLiteral("<h3>%1</h3>").arg(tr("The library is healthy."));
    else
        html += QStringLiteral("<h3>%1</h3>").arg(tr("%n problem(s) found.", nullptr, int(report.problems.size())));
    for (const CheckProblem &p : report.problems)
        html += QStringLiteral("<p><b>%1</b><br/>%2 %3</p>")
                    .arg(p.message.toHtmlEscaped(), tr("To repair:"),
                         p.repairable ? tr("click Repair below (nothing is deleted).") : p.repair.toHtmlEscaped());
    for (const QString &n : report.notices)
        html += QStringLiteral("<p><i>%1</i></p>").arg(n.toHtmlEscaped());
    if (!report.scope.isEmpty())
        html += QStringLiteral("<p><small>%1</small></p>").arg(report.scope.toHtmlEscaped());
    return html;
}

} // namespace dubao
