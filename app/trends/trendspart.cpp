// The window's Trends (trendspart.h).
#include "app/trends/trendspart.h"

#include "app/search/searchpanel.h"
#include "app/shell/actionregistry.h"
#include "app/shell/mainwindow.h"
#include "app/trends/trendsview.h"

#include <QAction>
#include <QCoreApplication>
#include <QDate>
#include <QDockWidget>

namespace dubao {

TrendsPart::TrendsPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_view(new TrendsView)
    , m_dock(new QDockWidget(QCoreApplication::translate("dubao::MainWindow", "Trends"), &window))
{
    m_dock->setObjectName(QStringLiteral("trendsDock"));
    m_dock->setWidget(m_view);
    window.addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    if (auto *concordance = window.findChild<QDockWidget *>(QStringLiteral("concordanceDock")))
        window.tabifyDockWidget(concordance, m_dock);
    m_dock->hide();

    using Menu = ActionRegistry::Menu;
    using Section = ActionRegistry::Section;
    QAction *show = actions.add(Menu::View, Section::ViewSearch, QStringLiteral("actionTrends"),
                                QCoreApplication::translate("dubao::MainWindow", "&Trends"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(show, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
        m_view->setFocus();
    });
    connect(&window, &MainWindow::libraryOpened, m_view, &TrendsView::setLibraryPath);
    connect(m_view, &TrendsView::hitsRequested, this, [this](const QString &query, const QDate &from, const QDate &to) {
        SearchPanel *panel = m_window.searchPanel();
        panel->setQuery(periodQuery(query, from, to));
        if (auto *dock = qobject_cast<QDockWidget *>(panel->parentWidget())) {
            dock->show();
            dock->raise();
        }
    });
}

TrendsPart::~TrendsPart() = default;

QString TrendsPart::periodQuery(const QString &query, const QDate &from, const QDate &to)
{
    return query + QStringLiteral(" from:") + from.toString(Qt::ISODate) + QStringLiteral(" to:") +
           to.toString(Qt::ISODate);
}

} // namespace dubao
