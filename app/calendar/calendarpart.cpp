// The window's calendar (calendarpart.h).
#include "app/calendar/calendarpart.h"

#include "app/calendar/calendarview.h"
#include "app/shell/analysisdock.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/store/issuerepository.h"

#include <QAbstractItemModel>
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
    // Drawn when shown from the issues the library tree has read (at 60,000 issues a second read of them cost start-up
    // ~100 ms), and again whenever the tree reloads them (a library opened, an import, a re-parse, a date edited);
    // nothing at all while hidden.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            reload();
    });
    connect(window.libraryModel(), &QAbstractItemModel::modelReset, this, [this] {
        if (m_dock->isVisible())
            reload();
    });
    connect(m_view, &CalendarView::issueActivated, this, &CalendarPart::openIssue);
}

CalendarPart::~CalendarPart() = default;

void CalendarPart::reload()
{
    m_view->setIssues(m_window.session() ? m_window.libraryModel()->issueSummaries() : QList<IssueSummary>());
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
