#include "app/annotations/issuechanges.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "app/shell/userfeedback.h"
#include "core/jobs/reparsejob.h"
#include "core/store/library.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>

namespace dubao {

namespace {

// The messages below keep the context they are translated under: they were the annotation controller's.

QString countsText(const ReanchorCounts &counts)
{
    return AnnotationController::tr("Annotations: %1 stayed, %2 moved, %3 became orphans (%4 orphans re-attached, "
                                    "%5 still orphans).")
        .arg(counts.stayed)
        .arg(counts.moved)
        .arg(counts.orphaned)
        .arg(counts.reattached)
        .arg(counts.stillOrphan);
}

} // namespace

IssueChanges::IssueChanges(MainWindow *window, AnnotationDocument &document, UserFeedback &feedback,
                           QDockWidget *orphansDock, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_document(document)
    , m_feedback(feedback)
    , m_orphansDock(orphansDock)
{}

IssueChanges::~IssueChanges() = default;

void IssueChanges::registerActions(ActionRegistry &actions)
{
    using Menu = ActionRegistry::Menu;
    using Section = ActionRegistry::Section;
    constexpr auto Editing = ActionRegistry::Kind::Editing;
    connect(actions.add(Menu::Issue, Section::IssueReplace, QStringLiteral("actionReplaceIssue"),
                        AnnotationController::tr("&Replace with Corrected File…"), {}, Editing),
            &QAction::triggered, this, &IssueChanges::replaceIssueDialog);
    connect(actions.add(Menu::Issue, Section::IssueReplace, QStringLiteral("actionReparseAll"),
                        AnnotationController::tr("Re-&parse All Issues…"), {}, Editing),
            &QAction::triggered, this, &IssueChanges::reparseAllDialog);
    connect(actions.add(Menu::Issue, Section::IssueDelete, QStringLiteral("actionDeleteIssue"),
                        AnnotationController::tr("&Delete Issue…"), {}, Editing),
            &QAction::triggered, this, &IssueChanges::deleteIssueDialog);
}

bool IssueChanges::bound() const
{
    return m_window->session() && m_document.library() == &m_window->session()->library();
}

Result<ReanchorCounts> IssueChanges::replaceIssue(qint64 issueId, const QString &path)
{
    if (!bound())
        return Error();
    const Result<ReanchorCounts> counts = IssueReplacer(m_window->session()->library()).replace(issueId, path);
    if (!counts)
        return counts;
    afterIssueChange();
    return counts;
}

Result<void> IssueChanges::deleteIssue(qint64 issueId)
{
    if (!bound())
        return Error();
    const Result<void> deleted = IssueReplacer(m_window->session()->library()).deleteIssue(issueId);
    if (!deleted)
        return deleted;
    afterIssueChange();
    return {};
}

void IssueChanges::afterIssueChange()
{
    // Articles and paragraphs got new ids: commands on the stack would point at ones that are gone.
    m_document.clearHistory();
    m_window->reloadLibrary();
    m_document.reload();
}

void IssueChanges::replaceIssueDialog()
{
    const qint64 issueId = m_window->currentIssueId();
    if (!bound() || issueId <= 0)
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, AnnotationController::tr("Replace with Corrected File"), {},
                                     AnnotationController::tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const AnnotationCounts counts = IssueReplacer(m_window->session()->library()).annotationsOfIssue(issueId);
    if (!m_feedback.confirm(
            m_window, AnnotationController::tr("Replace with Corrected File"),
            AnnotationController::tr(
                "Replace this issue's text with “%1”?\n\nIts %n annotation(s) will be re-anchored in the new text; "
                "those that cannot be placed become orphans (kept in the Orphans panel).\n\nThis cannot be undone, "
                "and it clears the undo history.",
                nullptr, counts.total())
                .arg(QFileInfo(path).fileName()),
            true))
        return;
    const Result<ReanchorCounts> result = replaceIssue(issueId, path);
    if (!result) {
        m_feedback.warn(m_window, AnnotationController::tr("Replace with Corrected File"),
                        AnnotationController::tr("The issue was not changed: %1").arg(result.error().message()));
        return;
    }
    m_feedback.inform(m_window, AnnotationController::tr("Replace with Corrected File"),
                      AnnotationController::tr("The issue's text was replaced.") + QLatin1Char('\n') +
                          countsText(*result));
    if (result->orphaned > 0) {
        m_orphansDock->show();
        m_orphansDock->raise();
    }
}

void IssueChanges::reparseAllDialog()
{
    if (!bound())
        return;
    if (!m_feedback.confirm(
            m_window, AnnotationController::tr("Re-parse All Issues"),
            AnnotationController::tr("Re-parse every issue with the current parser and re-anchor all annotations?\n\n"
                                     "Annotations that cannot be placed become orphans. This cannot be undone, and it "
                                     "clears the undo history."),
            true))
        return;
    // The window's issues part runs the re-parse on its job runner (progress, cancel, joined on teardown).
    m_window->reparseAllIssues([this](const ReparseOutcome &outcome) {
        const ReparseReport &result = outcome.report;
        afterIssueChange();
        if (!outcome.error.isEmpty()) {
            m_feedback.warn(m_window, AnnotationController::tr("Re-parse All Issues"), outcome.error);
            return;
        }
        QString message = AnnotationController::tr("%n issue(s) re-parsed.", nullptr, result.issues);
        if (result.cancelled)
            message += QLatin1Char(' ') + AnnotationController::tr("Cancelled before the end.");
        if (!result.failed.isEmpty())
            message += QLatin1Char(' ') +
                       AnnotationController::tr("%n issue(s) left as they were.", nullptr, int(result.failed.size()));
        message += QLatin1Char('\n') + countsText(result.counts);
        m_feedback.inform(m_window, AnnotationController::tr("Re-parse All Issues"), message);
    });
}

void IssueChanges::deleteIssueDialog()
{
    const qint64 issueId = m_window->currentIssueId();
    if (!bound() || issueId <= 0)
        return;
    const AnnotationCounts counts = IssueReplacer(m_window->session()->library()).annotationsOfIssue(issueId);
    QString detail = counts.total() == 0
                         ? AnnotationController::tr("It has no annotations.")
                         : AnnotationController::tr(
                               "%n annotation(s) go with it: %1 highlights, %2 notes, %3 paragraph tags, %4 article "
                               "tags (and %5 notebook entries showing them).",
                               nullptr, counts.total())
                               .arg(counts.highlights)
                               .arg(counts.notes)
                               .arg(counts.blockTags)
                               .arg(counts.articleTags)
                               .arg(counts.notebookEntries);
    if (!m_feedback.confirm(
            m_window, AnnotationController::tr("Delete Issue"),
            AnnotationController::tr("Delete this issue from the library?\n\n%1\n\nThis cannot be undone.")
                .arg(detail)))
        return;
    if (const Result<void> deleted = deleteIssue(issueId); !deleted)
        m_feedback.warn(m_window, AnnotationController::tr("Delete Issue"),
                        AnnotationController::tr("The issue was not deleted: %1").arg(deleted.error().message()));
}

} // namespace dubao
