// The window's Trends (trendspart.h).
#include "app/trends/trendspart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/search/querycompleter.h"
#include "app/search/searchpanel.h"
#include "app/shell/analysisdock.h"
#include "app/shell/mainwindow.h"
#include "app/trends/trendsview.h"
#include "core/search/searchservice.h"

#include <QAction>
#include <QCoreApplication>
#include <QDate>
#include <QDockWidget>

namespace dubao {

TrendsPart::TrendsPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_view(new TrendsView)
    , m_dock(addAnalysisDock(window, actions, m_view, QCoreApplication::translate("dubao::MainWindow", "Trends"),
                             QStringLiteral("trendsDock"), QStringLiteral("actionTrends"),
                             QCoreApplication::translate("dubao::MainWindow", "&Trends"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)))
{
    connect(&window, &MainWindow::libraryOpened, m_view, &TrendsView::setLibraryPath);
    AnnotationDocument &document = window.annotations()->document();
    const auto updateTags = [this, &document] {
        m_view->setTagNames(QueryCompleter::tagPaths(document.tagList()));
    };
    connect(&document, &AnnotationDocument::tagsChanged, this, updateTags);
    updateTags();
    // `author:` completes the people who annotated the library, as the search field does (a colleague's too).
    const auto updateAuthors = [this, &document] {
        QStringList names;
        if (document.hasLibrary())
            names = SearchService(*document.library()).authors().valueOr(QStringList());
        m_view->setAuthorNames(names);
    };
    connect(&document, &AnnotationDocument::annotationsChanged, this, updateAuthors);
    connect(&document, &AnnotationDocument::tagsChanged, this, updateAuthors);
    updateAuthors();
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
