#include "app/shell/mainwindow.h"

#include "app/annotations/annotationcontroller.h"
#include "app/calendar/calendarpart.h"
#include "app/export/exportpart.h"
#include "app/issues/importcontroller.h"
#include "app/issues/issuespart.h"
#include "app/maintenance/maintenancepart.h"
#include "app/maintenance/mergepart.h"
#include "app/maintenance/teambackuppart.h"
#include "app/people/peoplepart.h"
#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "app/reuse/reusepart.h"
#include "app/search/searchpart.h"
#include "app/shell/appsettings.h"
#include "app/shell/docklayout.h"
#include "app/shell/language.h"
#include "app/shell/launcharguments.h"
#include "app/shell/librarysession.h"
#include "app/shell/libraryswitcher.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/navigator.h"
#include "app/shell/preferencesdialog.h"
#include "app/shell/shortcutsdialog.h"
#include "app/shell/statusfields.h"
#include "app/shell/teamchangelistener.h"
#include "app/shell/undofeedback.h"
#include "app/shell/viewoptions.h"
#include "app/trends/trendspart.h"
#include "core/ingest/librarycheck.h"
#include "core/store/dialect.h"
#include "core/store/upgradeprogress.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QShowEvent>
#include <QSplitter>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStyle>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <climits>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;
using Kind = ActionRegistry::Kind;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_feedback(std::make_unique<DialogFeedback>())
    , m_actions(new ActionRegistry(this))
    , m_model(new LibraryTreeModel(this))
    , m_tree(new QTreeView)
    , m_treeDock(new QDockWidget(tr("Library"), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_reader(new ReaderView)
    , m_original(new OriginalView)
    , m_undoStack(new QUndoStack(this))
    , m_status(new StatusFields(statusBar()))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Dubao"));
    setAcceptDrops(true);

    m_tree->setObjectName(QStringLiteral("libraryTree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_treeDock->setObjectName(QStringLiteral("libraryDock"));
    m_treeDock->setWidget(m_tree);
    m_treeDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                            QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, m_treeDock);
    resizeDocks({m_treeDock}, {340}, Qt::Horizontal);

    m_splitter->setObjectName(QStringLiteral("readerSplitter"));
    m_splitter->addWidget(m_reader);
    m_splitter->addWidget(m_original);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    setCentralWidget(m_splitter);
    m_original->hide();

    connect(m_reader, &ReaderView::currentBlockChanged, m_original, &OriginalView::highlightBlock);
    connect(m_reader, &ReaderView::readableWidthChanged, this, &MainWindow::balanceDocks);
    connect(m_reader, &ReaderView::textSizeChanged, this, [this](int points) {
        AppSettings::setTextSize(points);
        m_original->setTextSize(std::max(8, points - 3));
        statusBar()->showMessage(tr("Text size: %1 pt").arg(points), 2000);
    });

    // The parts, each registering its actions; the menu bar is built once they all have.
    registerActions();
    m_navigator = new Navigator(*this, m_model, m_tree, *m_actions);
    connect(m_navigator, &Navigator::changed, this, [this] {
        updateStatus();
        updateActions();
    });
    connect(m_navigator, &Navigator::articleShown, this, &MainWindow::articleShown);
    createToolBar(); // first: the read-only banner goes on its own row below it
    m_switcher = new LibrarySwitcher(*this, *m_actions);
    m_issues = new IssuesPart(*this, *m_actions);
    m_export = new ExportPart(*this, *m_actions);
    setUpAnnotations();
    m_export->connectPanelExports();
    m_search = new SearchPart(*this, m_splitter, m_treeDock, *m_actions);
    m_maintenance = new MaintenancePart(*this, *m_actions);
    new MergePart(*this, *m_actions);      // owned by the window
    new TeamBackupPart(*this, *m_actions); // owned by the window
    new TrendsPart(*this, *m_actions);     // owned by the window
    new CalendarPart(*this, *m_actions);   // owned by the window
    new PeoplePart(*this, *m_actions);     // owned by the window
    m_reuse = new ReusePart(*this, *m_actions);
    m_teamChanges = new TeamChangeListener(*this); // owned by the window
    registerHelpActions();
    m_actions->populate(menuBar());
    // The side docks keep their height and their lists a few rows, whatever opens at the bottom (docklayout.h).
    giveSideDocksFullHeight(*this);
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly)) {
        keepDockListsReadable(*dock);
        // Once the layout has placed the docks: a dock shown, hidden or moved.
        const auto queue = [this] {
            QTimer::singleShot(0, this, [this] { balanceDocks(); });
        };
        connect(dock, &QDockWidget::visibilityChanged, this, queue);
        connect(dock, &QDockWidget::dockLocationChanged, this, queue);
    }
    // A live language switch (language.h): the texts composed with values are composed again.
    followLanguageChanges(this, [this] {
        setWindowTitle(m_session ? tr("Dubao — %1").arg(m_session->displayName()) : tr("Dubao"));
        updateStatus();
    });

    restoreSettings();
    m_reader->showPlaceholder(tr("No library is open."));
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    stopJobs();
    m_navigator->flushReadingPosition();
    m_tree->setModel(nullptr);
    m_model->setRepository(nullptr);
}

void MainWindow::stopJobs()
{
    m_maintenance->stopDailyBackup(); // interrupted: tried again at the next start
    m_search->stopJobs();             // and the search workers' connections
    m_issues->stopJobs();
    if (m_reuse)
        m_reuse->stopJobs();
}

void MainWindow::setFeedback(std::unique_ptr<UserFeedback> feedback)
{
    Q_ASSERT(feedback);
    m_feedback = std::move(feedback);
}

QString MainWindow::libraryPath() const
{
    return m_session ? m_session->path() : QString();
}

// ---------------------------------------------------------------------------------------------------- actions

// The shell's own actions: Quit, the clipboard and undo, the reader's view, focus, help.
void MainWindow::registerActions()
{
    QAction *quit =
        m_actions->add(Menu::File, Section::FileQuit, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    m_actions->addExisting(Menu::Edit, Section::EditUndo, undo, QStringLiteral("actionUndo"));
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    m_actions->addExisting(Menu::Edit, Section::EditUndo, redo, QStringLiteral("actionRedo"));
    new UndoFeedback(
        m_undoStack, undo, redo, [this](const QString &message) { statusBar()->showMessage(message, 8000); },
        [this](const QUrl &place) { openLink(place); }, this);
    QAction *copy = m_actions->add(Menu::Edit, Section::EditClipboard, QStringLiteral("actionCopy"), tr("&Copy"),
                                   QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_reader->addAction(copy);
    connect(copy, &QAction::triggered, m_reader, &QTextEdit::copy);
    QAction *selectAll =
        m_actions->add(Menu::Edit, Section::EditClipboard, QStringLiteral("actionSelectAll"), tr("Select &All"));
    connect(selectAll, &QAction::triggered, m_reader, &QTextEdit::selectAll);

    QAction *dockToggle = m_treeDock->toggleViewAction();
    dockToggle->setText(tr("Library &Panel"));
    m_actions->addExisting(Menu::View, Section::ViewPanels, dockToggle, QStringLiteral("actionShowLibrary"));
    m_view = new ViewOptions(*this, m_splitter, *m_actions); // its Theme and Language follow the Library Panel

    const std::tuple<const char *, QString, QKeySequence, void (MainWindow::*)()> focus[] = {
        {"actionFocusLibrary", tr("Go to &Library"), QKeySequence(Qt::CTRL | Qt::Key_1), &MainWindow::focusLibrary},
        {"actionFocusReader", tr("Go to &Article Text"), QKeySequence(Qt::CTRL | Qt::Key_2), &MainWindow::focusReader},
        {"actionToggleFocus", tr("Switch &Pane"), QKeySequence(Qt::Key_F6), &MainWindow::toggleFocus},
    };
    for (const auto &[id, text, key, slot] : focus)
        connect(m_actions->add(Menu::Go, Section::GoFocus, QLatin1String(id), text, key), &QAction::triggered, this,
                slot);
}

// After the maintenance part's Check Library…, with no separator between (as the Help menu always had it).
void MainWindow::registerHelpActions()
{
    QAction *preferences = m_actions->add(Menu::Edit, Section::EditPreferences, QStringLiteral("actionPreferences"),
                                          tr("&Preferences…"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_actions->add(Menu::Help, Section::HelpLibrary, QStringLiteral("actionShortcuts"),
                           tr("&Keyboard Shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash)),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *aboutAction =
        m_actions->add(Menu::Help, Section::HelpLibrary, QStringLiteral("actionAbout"), tr("&About Dubao"));
    aboutAction->setMenuRole(QAction::AboutRole);
    connect(aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createToolBar()
{
    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    const std::pair<const char *, QStyle::StandardPixmap> buttons[] = {
        {"actionBack", QStyle::SP_ArrowBack},
        {"actionForward", QStyle::SP_ArrowForward},
        {"actionPreviousArticle", QStyle::SP_ArrowUp},
        {"actionNextArticle", QStyle::SP_ArrowDown},
    };
    for (const auto &[id, icon] : buttons) {
        QAction *action = m_actions->action(QLatin1String(id));
        action->setIcon(style()->standardIcon(icon));
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
        toolbar->addAction(action);
        if (action->objectName() == QLatin1String("actionForward"))
            toolbar->addSeparator();
    }
    toolbar->addSeparator();
    toolbar->addAction(m_view->showOriginalAction());
    toolbar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
}

// The annotations part: its controller registers the Annotate menu, its panels' toggles and its issue actions.
void MainWindow::setUpAnnotations()
{
    m_annotations = new AnnotationController(this);
}

void MainWindow::updateActions()
{
    const bool library = m_session != nullptr;
    m_issues->updateActions(library, m_navigator->currentIssueId() > 0 || m_model->issueId(m_tree->currentIndex()) > 0);
    m_navigator->updateActions();
}

// ---------------------------------------------------------------------------------------------------- settings

void MainWindow::restoreSettings()
{
    const QByteArray geometry = AppSettings::windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1200, 800); // a laptop's 1024×700 gets the whole screen, not a window that runs off it
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size());
        resize(size);
    }
    restoreState(AppSettings::windowState());
    m_view->restore();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    balanceDocks();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_balanceQueued)
        return;
    m_balanceQueued = true; // once the layout has placed the docks at the new size
    QTimer::singleShot(0, this, [this] {
        m_balanceQueued = false;
        balanceDocks();
    });
}

void MainWindow::balanceDocks()
{
    if (!isVisible())
        return;
    tabifyCrowdedSides(*this);
    if (!m_reader->isVisible())
        return;
    narrowSideDocks(*this, m_reader->readableWidth() - m_reader->width());
}

void MainWindow::saveSettings()
{
    AppSettings::setWindowLayout(saveGeometry(), saveState(), m_splitter->saveState());
    m_view->save();
    m_navigator->saveReadingPosition();
    m_navigator->writeReadingPosition();
}

// --------------------------------------------------------------------------------------------------- library

Result<void> MainWindow::openLibrary(const QString &path)
{
    const QString absolute = dialect::isServerUrl(path) ? path : QFileInfo(path).absoluteFilePath();
    if (m_session && m_session->path() == absolute)
        return {};
    // An upgrade of a big library's schema takes minutes, on this thread: a dialog from its first report says how
    // far it is (painted, no input taken, until the library is open).
    std::unique_ptr<QProgressDialog> upgrading;
    const UpgradeProgress progress([this, &upgrading](const QString &what, qint64 done, qint64 total) {
        if (!m_feedback->showsDialogs())
            return;
        if (!upgrading) {
            upgrading = std::make_unique<QProgressDialog>(this);
            upgrading->setWindowTitle(tr("Upgrading the library"));
            upgrading->setCancelButton(nullptr);
            upgrading->setWindowModality(Qt::ApplicationModal);
            upgrading->setMinimumDuration(0);
        }
        upgrading->setMaximum(int(std::min<qint64>(total, INT_MAX)));
        upgrading->setValue(int(std::min<qint64>(done, INT_MAX)));
        upgrading->setLabelText(tr("%1: %2 of %3…").arg(what).arg(done).arg(total));
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    });
    Result<std::unique_ptr<LibrarySession>> opened = LibrarySession::open(absolute);
    upgrading.reset();
    if (!opened)
        return opened.error();
    std::unique_ptr<LibrarySession> session = std::move(*opened);
    m_issues->importController()->cancelAndWait();
    m_navigator->leaveLibrary();
    m_undoStack->clear();
    m_model->setRepository(nullptr);
    m_session = std::move(session);
    m_model->setRepository(&m_session->issues());
    AppSettings::addRecentLibrary(m_session->path());
    setWindowTitle(tr("Dubao — %1").arg(m_session->displayName()));
    m_navigator->enterLibrary(*m_session);
    m_teamChanges->follow();
    emit libraryOpened(m_session->path());
    return {};
}

void MainWindow::closeLibrary()
{
    m_teamChanges->stop();
    stopJobs();
    m_navigator->leaveLibrary();
    m_undoStack->clear();
    m_model->setRepository(nullptr);
    emit libraryClosing();
    m_session.reset();
}

bool MainWindow::importPaths(const QStringList &paths)
{
    return m_issues->importPaths(paths);
}

bool MainWindow::isImporting() const
{
    return m_issues->importController()->isRunning();
}

ImportController *MainWindow::importController() const
{
    return m_issues->importController();
}

void MainWindow::offerFirstImport()
{
    m_issues->offerFirstImport();
}

QString MainWindow::sampleIssuePath()
{
    return IssuesPart::sampleIssuePath();
}

bool MainWindow::reparseAllIssues(std::function<void(const ReparseOutcome &)> done)
{
    return m_issues->reparseAll(std::move(done));
}

void MainWindow::editIssueInfo(qint64 issueId, const IssueInfo &info)
{
    m_issues->setIssueInfo(issueId, info);
}

void MainWindow::reloadLibrary()
{
    m_navigator->reloadArticle();
}

void MainWindow::reloadTree()
{
    m_navigator->reloadTree();
}

// ------------------------------------------------------------------------------------------------ navigation

bool MainWindow::showArticle(qint64 articleId)
{
    return m_navigator->showArticle(articleId, true);
}

void MainWindow::showFirstArticle()
{
    m_navigator->showFirstArticle();
}

qint64 MainWindow::currentArticleId() const
{
    return m_navigator->currentArticleId();
}

qint64 MainWindow::currentIssueId() const
{
    return m_navigator->currentIssueId();
}

bool MainWindow::nextArticle()
{
    return m_navigator->stepArticle(1);
}

bool MainWindow::previousArticle()
{
    return m_navigator->stepArticle(-1);
}

bool MainWindow::nextIssue()
{
    return m_navigator->stepIssue(1);
}

bool MainWindow::previousIssue()
{
    return m_navigator->stepIssue(-1);
}

bool MainWindow::goBack()
{
    return m_navigator->goBack();
}

bool MainWindow::goForward()
{
    return m_navigator->goForward();
}

void MainWindow::focusLibrary()
{
    m_treeDock->show();
    m_tree->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::focusReader()
{
    m_reader->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::toggleFocus()
{
    if (m_tree->hasFocus())
        focusReader();
    else
        focusLibrary();
}

bool MainWindow::openLink(const QUrl &url)
{
    return m_annotations->openLink(url);
}

// ---------------------------------------------------------------------------------------------------- status

void MainWindow::updateStatus()
{
    m_status->update(*m_model, m_navigator->currentIssueId(), m_navigator->currentIndex(), m_session.get(),
                     m_navigator->articleCount());
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

// ------------------------------------------------------------------------------------------ original text

void MainWindow::setShowOriginal(bool show)
{
    m_view->setShowOriginal(show);
}

bool MainWindow::isOriginalShown() const
{
    return m_view->isOriginalShown();
}

// ---------------------------------------------------------------------------------------------------- search

SearchPanel *MainWindow::searchPanel() const
{
    return m_search->panel();
}

ConcordanceView *MainWindow::concordanceView() const
{
    return m_search->concordance();
}

FindBar *MainWindow::findBar() const
{
    return m_search->findBar();
}

bool MainWindow::isIndexing() const
{
    return m_search->isIndexing();
}

void MainWindow::openSearchHit(const SearchHit &hit, const SearchQuery &query)
{
    m_search->openSearchHit(hit, query);
}

void MainWindow::openConcordanceLine(const ConcordanceLine &line)
{
    m_search->openConcordanceLine(line);
}

void MainWindow::rebuildSearchIndex()
{
    m_search->rebuildIndex();
}

// ----------------------------------------------------------------------------------------------- maintenance

Result<QString> MainWindow::backUpNow()
{
    return m_maintenance->backUpNow();
}

Result<QString> MainWindow::backUpToFile(const QString &file)
{
    return m_maintenance->backUpToFile(file);
}

Result<void> MainWindow::restoreFromBackup(const QString &backupFile)
{
    return m_maintenance->restoreFromBackup(backupFile);
}

CheckReport MainWindow::checkLibrary(bool repair)
{
    return m_maintenance->checkLibrary(repair);
}

bool MainWindow::pollExternalChanges()
{
    return m_maintenance->pollExternalChanges();
}

bool MainWindow::isReadOnlyMode() const
{
    return m_maintenance->isReadOnlyMode();
}

int MainWindow::backupsToKeep()
{
    return MaintenancePart::backupsToKeep();
}

// ----------------------------------------------------------------------------------------------- events

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_issues->importController()->cancelAndWait();
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local =
        !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); });
    if (local && m_session)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    // A library file is opened, not imported; issue files and folders are imported (dropOnto).
    if (!paths.isEmpty() && dropOnto(*this, paths))
        event->acceptProposedAction();
}

void MainWindow::about()
{
    QString library = tr("none");
    QString sqliteVersion = QStringLiteral("?");
    if (m_session) {
        QSqlQuery query(m_session->library().database());
        if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
            sqliteVersion = query.value(0).toString();
        const QFileInfo file(m_session->path());
        library = tr("%1 (%2)").arg(QDir::toNativeSeparators(file.absoluteFilePath()).toHtmlEscaped(),
                                    QLocale().formattedDataSize(file.size()));
    }
    QMessageBox::about(
        this, tr("About Dubao"),
        tr("<h3>Dubao %1</h3><p>A reader and annotator for OCR'd Chinese newspaper issues.</p>"
           "<p>Library: %2</p><p>Qt %3, SQLite %4</p>")
            .arg(QCoreApplication::applicationVersion(), library, QString::fromLatin1(qVersion()), sqliteVersion));
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    dialog.exec();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(*m_actions, this);
    dialog.exec();
}

} // namespace dubao
