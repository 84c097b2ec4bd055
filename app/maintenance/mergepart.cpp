#include "app/maintenance/mergepart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/jobrunner.h"
#include "core/store/library.h"
#include "core/store/librarymerge.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>

namespace dubao {

namespace {

/// The unmatched lines a preview or report lists; the rest are counted.
constexpr int kUnmatchedShown = 12;
/// The added lines the report's message lists; all of them are in the report's file.
constexpr int kAddedShown = 15;

} // namespace

MergePart::MergePart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
{
    m_merge = actions.add(ActionRegistry::Menu::File, ActionRegistry::Section::FileBackup,
                          QStringLiteral("actionMergeLibrary"), tr("&Merge Personal Library…"), QKeySequence(),
                          ActionRegistry::Kind::Editing);
    m_merge->setStatusTip(tr("Carry your highlights, notes, tags and notebooks from a library file into this library, "
                             "which holds the same issues (a preview first)"));
    m_merge->setEnabled(false);
    connect(m_merge, &QAction::triggered, this, &MergePart::chooseAndMerge);
    connect(&window, &MainWindow::libraryOpened, this, [this] { m_merge->setEnabled(m_window.session() != nullptr); });
}

MergePart::~MergePart() = default;

QString MergePart::describe(const MergeReport &r)
{
    QStringList lines;
    lines << tr("Issues matched by their source file: %1; not in this library: %2")
                 .arg(r.issuesMatched)
                 .arg(r.issuesUnmatched);
    lines << tr("Highlights: %1, notes: %2, paragraph tags: %3, article tags: %4, tags on annotations: %5")
                 .arg(r.highlightsAdded)
                 .arg(r.notesAdded)
                 .arg(r.paragraphTagsAdded)
                 .arg(r.articleTagsAdded)
                 .arg(r.annotationTagsAdded);
    lines << tr("Tags created: %1, notebooks created: %2, notebook entries: %3")
                 .arg(r.tagsCreated)
                 .arg(r.notebooksCreated)
                 .arg(r.notebookEntriesAdded);
    lines << tr("Already in this library: %1; not matched: %2").arg(r.alreadyThere).arg(r.unmatched.size());
    for (qsizetype i = 0; i < std::min<qsizetype>(r.unmatched.size(), kUnmatchedShown); ++i)
        lines << tr("Not matched: %1").arg(r.unmatched.at(i));
    if (r.unmatched.size() > kUnmatchedShown)
        lines << tr("… and %1 more not matched").arg(r.unmatched.size() - kUnmatchedShown);
    return lines.join(QLatin1Char('\n'));
}

Result<MergeReport> MergePart::mergeFrom(const QString &file)
{
    LibrarySession *session = m_window.session();
    if (!session)
        return Error(tr("no library is open"));
    const QFileInfo info(file);
    if (!info.isFile())
        return Error(tr("“%1” is not a library file").arg(QDir::toNativeSeparators(file)));
    if (!session->isTeamLibrary() && info.canonicalFilePath() == QFileInfo(session->path()).canonicalFilePath())
        return Error(tr("“%1” is the library that is open").arg(QDir::toNativeSeparators(file)));
    Library from;
    if (Result<void> opened = from.open(info.absoluteFilePath()); !opened)
        return opened.error();
    const QString name = info.fileName();
    from.close(); // (opened to say early that it is not a library; the worker opens its own)
    // The dry run reads both libraries through and writes into a transaction it rolls back: seconds or minutes on a
    // big library, so on the worker with progress and Cancel, as the merge itself.
    Result<MergeReport> preview = runMerge(info.absoluteFilePath(), true);
    if (!preview && preview.error().message() == librarymerge::cancelledMessage()) {
        m_window.statusBar()->showMessage(tr("The preview was cancelled; nothing was merged."), 10000);
        return preview.error();
    }
    if (!preview)
        return preview.error();
    if (preview->added() == 0) {
        m_window.feedback().inform(
            &m_window, tr("Merge Personal Library"),
            tr("“%1” holds nothing to add to this library.\n\n%2").arg(name, describe(*preview)));
        return preview;
    }
    if (!m_window.feedback().confirm(&m_window, tr("Merge Personal Library"),
                                     tr("Merge the work of “%1” into this library? It is one step: everything below "
                                        "is added, or nothing.\n\nIt cannot be undone: Edit → Undo does not take a "
                                        "merge back (on a shared library colleagues may already work with what it "
                                        "adds). The report after it lists everything added, to review.\n\n%2")
                                         .arg(name, describe(*preview)),
                                     true))
        return preview;
    Result<MergeReport> merged = runMerge(info.absoluteFilePath(), false);
    if (!merged && merged.error().message() == librarymerge::cancelledMessage()) {
        m_window.statusBar()->showMessage(tr("The merge was cancelled; nothing was merged."), 10000);
        return merged.error();
    }
    if (!merged)
        return merged.error();
    m_window.annotations()->document().reload(); // the reader's marks, the panels, the Tags dock
    m_window.statusBar()->showMessage(tr("Merged the work of “%1”").arg(name), 6000);
    QStringList added;
    for (qsizetype i = 0; i < std::min<qsizetype>(merged->addedItems.size(), kAddedShown); ++i)
        added << tr("Added: %1").arg(merged->addedItems.at(i));
    if (merged->addedItems.size() > kAddedShown)
        added << tr("… and %1 more added").arg(merged->addedItems.size() - kAddedShown);
    const Result<QString> saved = saveReport(name, *merged);
    added << (saved ? tr("The whole report is in %1").arg(QDir::toNativeSeparators(*saved))
                    : tr("The report could not be saved: %1").arg(saved.error().message()));
    m_window.feedback().inform(&m_window, tr("Merge Personal Library"),
                               tr("Merged the work of “%1” into this library.\n\n%2\n\n%3")
                                   .arg(name, describe(*merged), added.join(QLatin1Char('\n'))));
    return merged;
}

void MergePart::cancel()
{
    if (m_runner)
        m_runner->cancel();
}

Result<QString> MergePart::saveReport(const QString &name, const MergeReport &report) const
{
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/merge-reports");
    if (!QDir().mkpath(folder))
        return Error(tr("cannot make the folder %1").arg(QDir::toNativeSeparators(folder)));
    const QDateTime now = QDateTime::currentDateTime();
    QSaveFile file(folder + QStringLiteral("/merge-%1.txt").arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error(file.errorString());
    QStringList lines{tr("Merged the work of “%1” into %2 on %3.")
                          .arg(name, m_window.libraryPath(), QLocale().toString(now, QLocale::LongFormat)),
                      QString(), describe(report), QString()};
    for (const QString &item : report.addedItems)
        lines << tr("Added: %1").arg(item);
    for (const QString &item : report.unmatched)
        lines << tr("Not matched: %1").arg(item);
    file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    if (!file.commit())
        return Error(file.errorString());
    return file.fileName();
}

Result<MergeReport> MergePart::runMerge(const QString &from, bool dryRun)
{
    JobRunner runner(QStringLiteral("merge"));
    m_runner = &runner;
    QPointer<QProgressDialog> dialog;
    if (m_window.feedback().showsDialogs()) {
        dialog = new QProgressDialog(dryRun ? tr("Reading what the merge would add…") : tr("Merging…"), tr("Cancel"), 0,
                                     0, &m_window);
        dialog->setWindowTitle(tr("Merge Personal Library"));
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(0);
        connect(dialog, &QProgressDialog::canceled, &runner, &JobRunner::cancel);
    }
    connect(&runner, &JobRunner::progress, this, [this, dialog](qint64 step, qint64 steps, const QString &text) {
        if (dialog) {
            dialog->setMaximum(int(steps));
            dialog->setValue(int(step));
            dialog->setLabelText(text);
        }
        emit progressed(text, int(step), int(steps));
    });
    const QString into = m_window.libraryPath();
    Result<MergeReport> result = Error();
    QEventLoop loop;
    runner.start(
        [from, into, dryRun](JobContext &context) -> Result<MergeReport> {
            Library source; // the worker's own connections
            if (Result<void> opened = source.open(from); !opened)
                return opened.error();
            Library target;
            if (Result<void> opened = target.open(into); !opened)
                return opened.error();
            librarymerge::Options options;
            options.dryRun = dryRun;
            options.cancel = context.cancelFlag();
            options.progress = [&context, dryRun](int step, int steps, const QString &what) {
                if (dryRun)
                    context.progress(step, steps,
                                     what.isEmpty()
                                         ? tr("Preview read; rolling back…")
                                         : tr("Previewing the %1 (%2 of %3)…").arg(what).arg(step + 1).arg(steps));
                else
                    context.progress(step, steps,
                                     what.isEmpty()
                                         ? tr("Merged; committing…")
                                         : tr("Merging the %1 (%2 of %3)…").arg(what).arg(step + 1).arg(steps));
            };
            return librarymerge::merge(source, target, options);
        },
        [&](Result<MergeReport> merged) {
            result = std::move(merged);
            loop.quit();
        });
    if (runner.isRunning())
        loop.exec();
    m_runner = nullptr;
    delete dialog;
    return result;
}

void MergePart::chooseAndMerge()
{
    const QString file = QFileDialog::getOpenFileName(
        &m_window, tr("Merge Personal Library"), QFileInfo(Library::defaultPath()).absolutePath(),
        QCoreApplication::translate("dubao::MainWindow", "Dubao libraries (*.sqlite)"));
    if (file.isEmpty())
        return;
    if (Result<MergeReport> merged = mergeFrom(file);
        !merged && merged.error().message() != librarymerge::cancelledMessage())
        m_window.feedback().warn(&m_window, tr("Merge Personal Library"),
                                 tr("Nothing was merged: %1").arg(merged.error().message()));
}

} // namespace dubao
