#include "app/search/searchpart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/findbar.h"
#include "app/reader/readerview.h"
#include "app/search/concordanceview.h"
#include "app/search/querycompleter.h"
#include "app/search/searchpanel.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/indexjob.h"
#include "core/jobs/jobrunner.h"
#include "core/search/concordance.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QProgressDialog>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;
using Kind = ActionRegistry::Kind;

SearchPart::SearchPart(MainWindow &window, QSplitter *splitter, QDockWidget *libraryDock, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_indexRunner(new JobRunner(QStringLiteral("searchIndex"), this))
{
    // The find bar sits under the reader: the splitter's first pane becomes reader + bar.
    ReaderView *reader = window.reader();
    auto *readerPane = new QWidget;
    readerPane->setObjectName(QStringLiteral("readerPane"));
    m_findBar = new FindBar(reader, readerPane);
    splitter->replaceWidget(0, readerPane);
    auto *paneLayout = new QVBoxLayout(readerPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addWidget(reader, 1);
    paneLayout->addWidget(m_findBar);
    reader->show();
    splitter->setStretchFactor(0, 3);

    m_panel = new SearchPanel;
    m_dock = new QDockWidget(QCoreApplication::translate("dubao::MainWindow", "Search"), &window);
    m_dock->setObjectName(QStringLiteral("searchDock"));
    m_dock->setWidget(m_panel);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                        QDockWidget::DockWidgetFloatable);
    window.addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    window.tabifyDockWidget(libraryDock, m_dock);
    libraryDock->raise();

    m_concordance = new ConcordanceView;
    m_concordanceDock = new QDockWidget(QCoreApplication::translate("dubao::MainWindow", "Concordance"), &window);
    m_concordanceDock->setObjectName(QStringLiteral("concordanceDock"));
    m_concordanceDock->setWidget(m_concordance);
    window.addDockWidget(Qt::BottomDockWidgetArea, m_concordanceDock);
    if (auto *annotations = window.findChild<QDockWidget *>(QStringLiteral("annotationsDock")))
        window.tabifyDockWidget(annotations, m_concordanceDock);
    m_concordanceDock->hide();

    // `tag:` completes the library's tags, kept up to date as they are created, renamed and deleted.
    AnnotationDocument &document = window.annotations()->document();
    const auto updateTags = [this, &document] {
        m_panel->setTagNames(QueryCompleter::tagPaths(document.tagList()));
    };
    connect(&document, &AnnotationDocument::tagsChanged, this, updateTags);
    updateTags();
    // `author:` completes the people who annotated the library, as annotations come and go (a colleague's too).
    const auto updateAuthors = [this, &document] {
        QStringList names;
        if (document.hasLibrary())
            names = SearchService(*document.library()).authors().valueOr(QStringList());
        m_panel->setAuthorNames(names);
    };
    connect(&document, &AnnotationDocument::annotationsChanged, this, updateAuthors);
    connect(&document, &AnnotationDocument::tagsChanged, this, updateAuthors);
    updateAuthors();

    connect(m_panel, &SearchPanel::hitActivated, this, &SearchPart::openSearchHit);
    connect(m_panel, &SearchPanel::clearHighlightingRequested, reader, &ReaderView::clearSearchMatches);
    connect(m_concordance, &ConcordanceView::lineActivated, this, &SearchPart::openConcordanceLine);
    connect(&window, &MainWindow::libraryOpened, this, &SearchPart::checkIndex);
    connect(&window, &MainWindow::importFinished, this, [this] {
        m_panel->refresh();
        m_concordance->refresh();
    });
    connect(&window, &MainWindow::articleShown, this, [this] {
        if (m_findBar->isVisible())
            m_findBar->reapply();
    });
    connect(m_indexRunner, &JobRunner::progress, this, &SearchPart::onIndexProgress);

    QAction *findLibrary = actions.add(Menu::Edit, Section::EditFind, QStringLiteral("actionFindInLibrary"),
                                       QCoreApplication::translate("dubao::MainWindow", "Find in &Library…"),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(findLibrary, &QAction::triggered, this, [this] {
        m_dock->show();
        m_dock->raise();
        m_panel->focusQuery();
    });
    QAction *find =
        actions.add(Menu::Edit, Section::EditFind, QStringLiteral("actionFindInArticle"),
                    QCoreApplication::translate("dubao::MainWindow", "&Find in Article…"), QKeySequence::Find);
    connect(find, &QAction::triggered, m_findBar, &FindBar::activate);
    QAction *next =
        actions.add(Menu::Edit, Section::EditFind, QStringLiteral("actionFindNext"),
                    QCoreApplication::translate("dubao::MainWindow", "Find &Next"), QKeySequence(Qt::Key_F3));
    connect(next, &QAction::triggered, this, [this, reader] {
        if (!reader->hasSearchMatches() && !m_findBar->text().isEmpty())
            m_findBar->reapply();
        else
            reader->nextSearchMatch();
    });
    QAction *previous = actions.add(Menu::Edit, Section::EditFind, QStringLiteral("actionFindPrevious"),
                                    QCoreApplication::translate("dubao::MainWindow", "Find Pre&vious"),
                                    QKeySequence(Qt::SHIFT | Qt::Key_F3));
    connect(previous, &QAction::triggered, reader, &ReaderView::previousSearchMatch);
    QAction *rebuild = actions.add(Menu::Edit, Section::EditFind, QStringLiteral("actionRebuildSearchIndex"),
                                   QCoreApplication::translate("dubao::MainWindow", "Rebuild Search &Index"),
                                   QKeySequence(), Kind::Editing);
    connect(rebuild, &QAction::triggered, this, &SearchPart::rebuildIndex);
    rebuild->setEnabled(false);
    connect(&window, &MainWindow::libraryOpened, rebuild, [rebuild] { rebuild->setEnabled(true); });

    QAction *concordance = actions.add(Menu::View, Section::ViewSearch, QStringLiteral("actionConcordance"),
                                       QCoreApplication::translate("dubao::MainWindow", "&Concordance"),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(concordance, &QAction::triggered, this, [this] {
        m_concordanceDock->show();
        m_concordanceDock->raise();
        m_concordance->focusTerm();
    });
    actions.addExisting(Menu::View, Section::ViewSearch, m_dock->toggleViewAction(),
                        QStringLiteral("actionShowSearch"));
}

SearchPart::~SearchPart() = default;

void SearchPart::setSearchLibrary(const QString &path, const QString &offMessage)
{
    if (!path.isEmpty()) {
        m_panel->setLibraryPath(path);
        m_concordance->setLibraryPath(path);
    }
    const bool on = offMessage.isEmpty();
    m_panel->setSearchEnabled(on, offMessage);
    m_concordance->setSearchEnabled(on, offMessage);
}

void SearchPart::checkIndex()
{
    stopIndexing();
    LibrarySession *session = m_window.session();
    // A team library's index is kept on the server by whoever writes (issue 13); the app never rebuilds it there.
    if (session && !session->isTeamLibrary() && SearchIndex::needsRebuild(session->library())) {
        m_panel->setLibraryPath(QString());
        m_concordance->setLibraryPath(QString());
        rebuildIndex();
        return;
    }
    m_panel->setLibraryPath(m_window.libraryPath());
    m_concordance->setLibraryPath(m_window.libraryPath());
    m_panel->setSearchEnabled(true);
    m_concordance->setSearchEnabled(true);
}

bool SearchPart::isIndexing() const
{
    return m_indexRunner->isRunning();
}

void SearchPart::rebuildIndex()
{
    if (!m_window.session() || m_indexRunner->isRunning())
        return;
    const QString path = m_window.libraryPath();
    setSearchLibrary(QString(),
                     QCoreApplication::translate("dubao::MainWindow",
                                                 "Building the search index… Search is available when it is done."));
    m_window.statusBar()->showMessage(QCoreApplication::translate("dubao::MainWindow", "Building the search index…"));

    if (m_window.feedback().showsDialogs()) {
        m_indexProgress =
            new QProgressDialog(QCoreApplication::translate("dubao::MainWindow", "Building the search index…"),
                                QCoreApplication::translate("dubao::MainWindow", "Cancel"), 0, 1000, &m_window);
        m_indexProgress->setObjectName(QStringLiteral("indexProgress"));
        m_indexProgress->setWindowTitle(QCoreApplication::translate("dubao::MainWindow", "Search Index"));
        m_indexProgress->setWindowModality(Qt::WindowModal);
        m_indexProgress->setMinimumDuration(300);
        m_indexProgress->setAutoClose(false);
        m_indexProgress->setAutoReset(false);
        connect(m_indexProgress, &QProgressDialog::canceled, m_indexRunner, &JobRunner::cancel);
    }
    m_indexRunner->start([path](JobContext &job) { return IndexJob::rebuild(path, job); },
                         [this, path](const IndexOutcome &outcome) { onIndexed(path, outcome); });
}

void SearchPart::onIndexProgress(qint64 done, qint64 total)
{
    const int permille = total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0;
    if (m_indexProgress)
        m_indexProgress->setValue(permille);
    m_window.statusBar()->showMessage(
        QCoreApplication::translate("dubao::MainWindow", "Building the search index: %1%").arg(permille / 10));
}

void SearchPart::onIndexed(const QString &path, const IndexOutcome &outcome)
{
    if (m_indexProgress)
        m_indexProgress->deleteLater();
    if (m_window.libraryPath() != path)
        return;
    if (outcome.ok) {
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "The search index is ready."), 4000);
        setSearchLibrary(path);
        return;
    }
    const QString message =
        outcome.cancelled ? QCoreApplication::translate("dubao::MainWindow",
                                                        "The search index was not built, so search is off. Edit → "
                                                        "Rebuild Search Index builds it.")
                          : QCoreApplication::translate("dubao::MainWindow", "The search index could not be built: %1")
                                .arg(outcome.error);
    m_window.statusBar()->showMessage(message, 8000);
    setSearchLibrary(QString(), message);
}

void SearchPart::stopIndexing()
{
    m_indexRunner->cancelAndWait();
    if (m_indexProgress)
        m_indexProgress->deleteLater();
}

void SearchPart::stopJobs()
{
    stopIndexing();
    m_panel->closeConnection();
    m_concordance->closeConnection();
}

void SearchPart::openSearchHit(const SearchHit &hit, const SearchQuery &query)
{
    ReaderView *reader = m_window.reader();
    if (hit.articleId <= 0 || !m_window.showArticle(hit.articleId)) {
        m_window.statusBar()->showMessage(
            hit.articleId <= 0
                ? QCoreApplication::translate("dubao::MainWindow", "This note is not attached to a paragraph.")
                : QCoreApplication::translate("dubao::MainWindow", "This article is no longer in the library."),
            5000);
        return;
    }
    m_findBar->hide();
    const int count = reader->setSearchQuery(query);
    if (hit.blockId > 0) {
        reader->scrollToBlock(hit.blockId);
        const int index = reader->searchMatchFrom(hit.blockId);
        if (index >= 0 && reader->searchMatches().at(index).blockId == hit.blockId)
            reader->setCurrentSearchMatch(index);
    } else if (count > 0) {
        reader->setCurrentSearchMatch(0);
    }
    if (count > 0)
        m_window.statusBar()->showMessage(
            count == 1 ? QCoreApplication::translate("dubao::MainWindow", "1 match in this article; Esc clears it.")
                       : QCoreApplication::translate("dubao::MainWindow",
                                                     "%1 matches in this article: F3 / Shift+F3 step through them, "
                                                     "Esc clears them.")
                             .arg(count),
            8000);
}

void SearchPart::openConcordanceLine(const ConcordanceLine &line)
{
    if (line.articleId <= 0 || !m_window.showArticle(line.articleId)) {
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "This article is no longer in the library."), 5000);
        return;
    }
    m_window.reader()->clearSearchMatches();
    m_window.reader()->selectSpan({line.blockId, int(line.offset), int(line.offset + line.length)});
}

} // namespace dubao
