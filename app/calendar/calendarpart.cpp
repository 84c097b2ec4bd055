// The window's calendar (calendarpart.h).
#include "app/calendar/calendarpart.h"

#include "app/calendar/calendarview.h"
#include "app/shell/analysisdock.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/store/issuerepository.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>

namespace dubao {

CalendarPart::CalendarPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_view(new CalendarView)
    , m_dock(addAnalysisDock(window, actions, m_view, QCoreApplication::translate("dubao::MainWindow", "Calendar"),
                             QStringLiteral("calendarDock"), QStringLiteral("actionCalendar"),
                             QCoreApplication::translate("dubao::MainWindow", "Ca&lendar"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)))
{
    // Read when shown: the listing is one indexed read of the issues, and nothing at all while hidden.
    reloadWhileShown(window, m_dock, this, [this] { reload(); });
    connect(m_view, &CalendarView::issueActivated, this, &CalendarPart::openIssue);
}

CalendarPart::~CalendarPart() = default;

void CalendarPart::reload()
{
    LibrarySession *session = m_window.session();
    m_view->setIssues(session ? IssueRepository(session->library()).issueDates() : QList<IssueSummary>());
}

void CalendarPart::openIssue(qint64 issueId)
{
    LibrarySession *session = m_window.session();
    if (!session)
        return;
    const QList<ArticleSummary> articles = IssueRepository(session->library()).articleSummaries(issueId);
    if (!articles.isEmpty())
        m_window.showArticle(articles.front().id);
}

} // namespace dubao
