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
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QPointer>
#include <QProgressDialog>
#include <QStatusBar>

namespace dubao {

namespace {

/// The unmatched lines a preview or report lists; the rest are counted.
constexpr int kUnmatchedShown = 12;

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
    Result<MergeReport> preview = [&] {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        Result<MergeReport> dry = librarymerge::merge(from, session->library(), true);
        QApplication::restoreOverrideCursor();
        return dry;
    }();
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
                                        "is added, or nothing.\n\n%2")
                                         .arg(name, describe(*preview)),
                                     true))
        return preview;
    Result<MergeReport> merged = runMerge(info.absoluteFilePath());
    if (!merged && merged.error().message() == librarymerge::cancelledMessage()) {
        m_window.statusBar()->showMessage(tr("The merge was cancelled; nothing was merged."), 10000);
        return merged.error();
    }
    if (!merged)
        return merged.error();
    m_window.annotations()->document().reload(); // the reader's marks, the panels, the Tags dock
    m_window.statusBar()->showMessage(tr("Merged the work of “%1”").arg(name), 6000);
    m_window.feedback().inform(&m_window, tr("Merge Personal Library"),
                               tr("Merged the work of “%1” into this library.\n\n%2").arg(name, describe(*merged)));
    return merged;
}

void MergePart::cancel()
{
    if (m_runner)
        m_runner->cancel();
}

Result<MergeReport> MergePart::runMerge(const QString &from)
{
    JobRunner runner(QStringLiteral("merge"));
    m_runner = &runner;
    QPointer<QProgressDialog> dialog;
    if (m_window.feedback().showsDialogs()) {
        dialog = new QProgressDialog(tr("Merging…"), tr("Cancel"), 0, 0, &m_window);
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
        [from, into](JobContext &context) -> Result<MergeReport> {
            Library source; // the worker's own connections
            if (Result<void> opened = source.open(from); !opened)
                return opened.error();
            Library target;
            if (Result<void> opened = target.open(into); !opened)
                return opened.error();
            librarymerge::Options options;
            options.cancel = context.cancelFlag();
            options.progress = [&context](int step, int steps, const QString &what) {
                context.progress(step, steps,
                                 what.isEmpty() ? tr("Merged; committing…")
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
