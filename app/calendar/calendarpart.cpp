// The window's calendar (calendarpart.h).
#include "app/calendar/calendarpart.h"

#include "app/calendar/calendarview.h"
#include "app/shell/actionregistry.h"
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
    , m_dock(new QDockWidget(QCoreApplication::translate("dubao::MainWindow", "Calendar"), &window))
{
    m_dock->setObjectName(QStringLiteral("calendarDock"));
    m_dock->setWidget(m_view);
    window.addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (auto *concordance = window.findChild<QDockWidget *>(QStringLiteral("concordanceDock")))
        window.tabifyDockWidget(concordance, m_dock);
    m_dock->hide();

    QAction *show = actions.add(
        ActionRegistry::Menu::View, ActionRegistry::Section::ViewSearch, QStringLiteral("actionCalendar"),
        QCoreApplication::translate("dubao::MainWindow", "Ca&lendar"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(show, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
    });
    // Read when shown: the listing is one indexed read of the issues, and nothing at all while hidden.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            reload();
    });
    connect(&window, &MainWindow::libraryOpened, this, [this] {
        if (m_dock->isVisible())
            reload();
    });
    connect(&window, &MainWindow::importFinished, this, [this] {
        if (m_dock->isVisible())
            reload();
    });
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
