#include "app/shell/mainwindow.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/notebookview.h"
#include "app/export/exportdialog.h"
#include "app/issues/editissueinfocommand.h"
#include "app/issues/importcontroller.h"
#include "app/issues/importresultdialog.h"
#include "app/issues/issuedetailsdialog.h"
#include "app/maintenance/checkdialog.h"
#include "app/maintenance/restoredialog.h"
#include "app/reader/findbar.h"
#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "app/search/concordanceview.h"
#include "app/search/searchpanel.h"
#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/shortcutsdialog.h"
#include "app/shell/userfeedback.h"
#include "core/ingest/librarycheck.h"
#include "core/jobs/indexjob.h"
#include "core/jobs/jobrunner.h"
#include "core/jobs/reparsejob.h"
#include "core/search/concordance.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/backup.h"
#include "core/store/library.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace dubao {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new LibraryTreeModel(this))
    , m_tree(new QTreeView)
    , m_treeDock(new QDockWidget(tr("Library"), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_reader(new ReaderView)
    , m_original(new OriginalView)
    , m_undoStack(new QUndoStack(this))
    , m_positionTimer(new QTimer(this))
    , m_import(new ImportController(this, [this]() -> UserFeedback & { return feedback(); }))
    , m_issueStatus(new QLabel(this))
    , m_positionStatus(new QLabel(this))
    , m_libraryStatus(new QLabel(this))
    , m_feedback(std::make_unique<DialogFeedback>())
    , m_actions(new ActionRegistry(this))
    , m_indexRunner(new JobRunner(QStringLiteral("searchIndex"), this))
    , m_reparseRunner(new JobRunner(QStringLiteral("reparse"), this))
    , m_dailyBackup(new JobRunner(QStringLiteral("dailyBackup"), this))
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

    for (QLabel *label : {m_issueStatus, m_positionStatus, m_libraryStatus}) {
        label->setContentsMargins(8, 0, 8, 0);
        statusBar()->addPermanentWidget(label);
    }

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onTreeCurrentChanged(current); });
    connect(m_reader, &ReaderView::nextArticleRequested, this, [this] { nextArticle(); });
    connect(m_reader, &ReaderView::previousArticleRequested, this, [this] { previousArticle(); });
    connect(m_reader, &ReaderView::currentBlockChanged, m_original, &OriginalView::highlightBlock);
    connect(m_reader, &ReaderView::textSizeChanged, this, [this](int points) {
        AppSettings::setTextSize(points);
        m_original->setTextSize(std::max(8, points - 3));
        statusBar()->showMessage(tr("Text size: %1 pt").arg(points), 2000);
    });
    connect(m_import, &ImportController::finished, this, &MainWindow::onImportFinished);
    // Writing QSettings syncs the file to disk (~10 ms): once per burst of navigation, not twice per article.
    m_positionTimer->setSingleShot(true);
    m_positionTimer->setInterval(1000);
    connect(m_positionTimer, &QTimer::timeout, this, &MainWindow::writeReadingPosition);
    connect(m_indexRunner, &JobRunner::progress, this, &MainWindow::onIndexProgress);
    connect(m_import, &ImportController::progress, this, [this](int done, int total, const QString &) {
        statusBar()->showMessage(tr("Importing: %1 of %2 files").arg(done).arg(total));
    });

    createMenus();
    setUpAnnotations();
    connectPanelExports();
    setUpSearch();
    setUpMaintenance();
    restoreSettings();
    m_reader->showPlaceholder(tr("No library is open."));
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow()
{
    waitForDailyBackup();
    stopIndexing();
    m_reparseRunner->cancelAndWait();
    m_import->cancelAndWait();
    if (m_positionTimer->isActive())
        writeReadingPosition();
    m_tree->setModel(nullptr);
    m_model->setRepository(nullptr);
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

QAction *MainWindow::addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut,
                               void (MainWindow::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    if (menu)
        menu->addAction(action);
    return action;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    addAction(file, QStringLiteral("actionNewLibrary"), tr("&New Library…"), QKeySequence(), &MainWindow::newLibrary);
    addAction(file, QStringLiteral("actionOpenLibrary"), tr("Open &Library…"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), &MainWindow::openLibraryDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addSeparator();
    addAction(file, QStringLiteral("actionImportFiles"), tr("&Import Files…"), QKeySequence(Qt::CTRL | Qt::Key_O),
              &MainWindow::importFilesDialog);
    addAction(file, QStringLiteral("actionImportFolder"), tr("Import &Folder…"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), &MainWindow::importFolderDialog);
    createExportAction(file);
    file->addSeparator();
    QAction *quit = addAction(file, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit, nullptr);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copy = addAction(edit, QStringLiteral("actionCopy"), tr("&Copy"), QKeySequence::Copy, nullptr);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_reader->addAction(copy);
    connect(copy, &QAction::triggered, m_reader, &QTextEdit::copy);
    addAction(edit, QStringLiteral("actionSelectAll"), tr("Select &All"), QKeySequence(), nullptr);
    connect(findChild<QAction *>(QStringLiteral("actionSelectAll")), &QAction::triggered, m_reader,
            &QTextEdit::selectAll);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *showOriginal = addAction(view, QStringLiteral("actionShowOriginal"), tr("Show &Original Text"),
                                      QKeySequence(Qt::CTRL | Qt::Key_U), nullptr);
    showOriginal->setCheckable(true);
    showOriginal->setIconText(tr("Original Text"));
    connect(showOriginal, &QAction::toggled, this, &MainWindow::setShowOriginal);
    QAction *sideBySide = addAction(view, QStringLiteral("actionSideBySide"), tr("Original &Beside the Article"),
                                    QKeySequence(), nullptr);
    sideBySide->setCheckable(true);
    sideBySide->setChecked(true);
    connect(sideBySide, &QAction::toggled, this, &MainWindow::updateOriginalLayout);
    view->addSeparator();
    QAction *zoomIn = addAction(view, QStringLiteral("actionZoomIn"), tr("&Larger Text"), QKeySequence(), nullptr);
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    connect(zoomIn, &QAction::triggered, m_reader, &ReaderView::zoomInText);
    QAction *zoomOut = addAction(view, QStringLiteral("actionZoomOut"), tr("&Smaller Text"), QKeySequence(), nullptr);
    zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(zoomOut, &QAction::triggered, m_reader, &ReaderView::zoomOutText);
    QAction *zoomReset = addAction(view, QStringLiteral("actionZoomReset"), tr("&Default Text Size"),
                                   QKeySequence(Qt::CTRL | Qt::Key_0), nullptr);
    connect(zoomReset, &QAction::triggered, m_reader, &ReaderView::resetTextSize);
    view->addSeparator();
    QAction *dockToggle = m_treeDock->toggleViewAction();
    dockToggle->setObjectName(QStringLiteral("actionShowLibrary"));
    dockToggle->setText(tr("Library &Panel"));
    view->addAction(dockToggle);

    QMenu *theme = view->addMenu(tr("&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, tr("&System")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[value, text] : themes) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setData(int(value));
        action->setObjectName(QStringLiteral("actionTheme%1").arg(int(value)));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [value] {
            AppSettings::setTheme(value);
            applyTheme(value);
        });
    }

    QMenu *language = view->addMenu(tr("&Language"));
    m_languageGroup = new QActionGroup(this);
    const std::pair<QString, QString> languages[] = {{QStringLiteral("system"), tr("&System")},
                                                     {QStringLiteral("en"), QStringLiteral("English")},
                                                     {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")}};
    for (const auto &[value, text] : languages) {
        QAction *action = language->addAction(text);
        action->setCheckable(true);
        action->setData(value);
        action->setObjectName(QStringLiteral("actionLanguage_%1").arg(value));
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, value] {
            AppSettings::setLanguage(value);
            feedback().inform(this, tr("Language"), tr("The language changes when Dubao is started again."));
        });
    }

    QMenu *issue = menuBar()->addMenu(tr("&Issue"));
    addAction(issue, QStringLiteral("actionEditIssue"), tr("Edit &Details…"), QKeySequence(Qt::CTRL | Qt::Key_I),
              &MainWindow::editIssueDetails);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *back =
        addAction(go, QStringLiteral("actionBack"), tr("&Back"), QKeySequence(Qt::ALT | Qt::Key_Left), nullptr);
    connect(back, &QAction::triggered, this, [this] { goBack(); });
    QAction *forward =
        addAction(go, QStringLiteral("actionForward"), tr("&Forward"), QKeySequence(Qt::ALT | Qt::Key_Right), nullptr);
    connect(forward, &QAction::triggered, this, [this] { goForward(); });
    go->addSeparator();
    QAction *nextArticleAction = addAction(go, QStringLiteral("actionNextArticle"), tr("&Next Article"),
                                           QKeySequence(Qt::CTRL | Qt::Key_Down), nullptr);
    connect(nextArticleAction, &QAction::triggered, this, [this] { nextArticle(); });
    QAction *previousArticleAction = addAction(go, QStringLiteral("actionPreviousArticle"), tr("&Previous Article"),
                                               QKeySequence(Qt::CTRL | Qt::Key_Up), nullptr);
    connect(previousArticleAction, &QAction::triggered, this, [this] { previousArticle(); });
    QAction *nextIssueAction = addAction(go, QStringLiteral("actionNextIssue"), tr("Next &Issue"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), nullptr);
    connect(nextIssueAction, &QAction::triggered, this, [this] { nextIssue(); });
    QAction *previousIssueAction = addAction(go, QStringLiteral("actionPreviousIssue"), tr("Previous I&ssue"),
                                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), nullptr);
    connect(previousIssueAction, &QAction::triggered, this, [this] { previousIssue(); });
    go->addSeparator();
    addAction(go, QStringLiteral("actionFocusLibrary"), tr("Go to &Library"), QKeySequence(Qt::CTRL | Qt::Key_1),
              &MainWindow::focusLibrary);
    addAction(go, QStringLiteral("actionFocusReader"), tr("Go to &Article Text"), QKeySequence(Qt::CTRL | Qt::Key_2),
              &MainWindow::focusReader);
    addAction(go, QStringLiteral("actionToggleFocus"), tr("Switch &Pane"), QKeySequence(Qt::Key_F6),
              &MainWindow::toggleFocus);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    addAction(help, QStringLiteral("actionShortcuts"), tr("&Keyboard Shortcuts"),
              QKeySequence(Qt::CTRL | Qt::Key_Slash), &MainWindow::showShortcuts);
    QAction *aboutAction =
        addAction(help, QStringLiteral("actionAbout"), tr("&About Dubao"), QKeySequence(), &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    forward->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    previousArticleAction->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    nextArticleAction->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    for (QAction *action : {back, forward, previousArticleAction, nextArticleAction})
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                         action->shortcut().toString(QKeySequence::NativeText)));
    toolbar->addAction(back);
    toolbar->addAction(forward);
    toolbar->addSeparator();
    toolbar->addAction(previousArticleAction);
    toolbar->addAction(nextArticleAction);
    toolbar->addSeparator();
    toolbar->addAction(showOriginal);
    toolbar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
}

void MainWindow::restoreSettings()
{
    const QByteArray geometry = AppSettings::windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 800);
    restoreState(AppSettings::windowState());
    const QByteArray splitter = AppSettings::splitterState();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    if (const int size = AppSettings::textSize(); size > 0)
        m_reader->setTextSize(size);
    m_original->setTextSize(std::max(8, m_reader->textSize() - 3));
    findChild<QAction *>(QStringLiteral("actionSideBySide"))->setChecked(AppSettings::sideBySide());
    findChild<QAction *>(QStringLiteral("actionShowOriginal"))->setChecked(AppSettings::showOriginal());
    const Theme theme = AppSettings::theme();
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(theme));
    const QString language = AppSettings::language();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == language);
    m_original->setVisible(isOriginalShown());
    updateOriginalLayout();
}

void MainWindow::saveSettings()
{
    AppSettings::setWindowLayout(saveGeometry(), saveState(), m_splitter->saveState());
    AppSettings::setTextSize(m_reader->textSize());
    AppSettings::setOriginalView(isOriginalShown(),
                                 findChild<QAction *>(QStringLiteral("actionSideBySide"))->isChecked());
    saveReadingPosition();
    writeReadingPosition();
}

void MainWindow::saveReadingPosition()
{
    if (!m_session || m_currentArticle <= 0)
        return;
    // A hidden reader (window closing, original shown alone) has no meaningful scroll position: keep the last.
    if (m_reader->isVisible())
        m_topBlock = m_reader->topBlockId();
    m_positionTimer->start(); // writeReadingPosition() soon; saveSettings() and switching libraries write now
}

void MainWindow::writeReadingPosition()
{
    m_positionTimer->stop();
    if (!m_session || m_currentArticle <= 0)
        return;
    AppSettings::setReadingPosition(m_session->path(), {m_currentArticle, m_topBlock});
}

// --------------------------------------------------------------------------------------------------- library

bool MainWindow::openLibrary(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_session && m_session->path() == absolute)
        return true;
    QString openError;
    std::unique_ptr<LibrarySession> session = LibrarySession::open(absolute, &openError);
    if (!session) {
        if (error)
            *error = openError;
        return false;
    }
    m_import->cancelAndWait();
    saveReadingPosition();
    if (m_positionTimer->isActive())
        writeReadingPosition(); // the library being left
    m_undoStack->clear();
    m_history.clear();
    m_historyPosition = -1;
    m_currentArticle = 0;
    m_currentIssue = 0;
    m_model->setRepository(nullptr);
    m_session = std::move(session);
    m_model->setRepository(&m_session->issues());
    m_articleCount = m_session->issues().articleCount();
    AppSettings::addRecentLibrary(m_session->path());
    setWindowTitle(tr("Dubao — %1").arg(QFileInfo(m_session->path()).fileName()));

    const AppSettings::ReadingPosition position = AppSettings::readingPosition(m_session->path());
    if (position.articleId > 0 && showArticle(position.articleId, true)) {
        if (position.topBlockId > 0 && m_reader->scrollToBlock(position.topBlockId))
            m_topBlock = position.topBlockId;
        saveReadingPosition();
    } else {
        showFirstArticle();
    }
    updateStatus();
    updateActions();
    emit libraryOpened(m_session->path());
    return true;
}

void MainWindow::showFirstArticle()
{
    QModelIndex issue = m_model->index(0, 0);
    // Down the first branch to its first issue.
    while (issue.isValid() && m_model->kind(issue) != LibraryTreeModel::NodeKind::Issue) {
        m_model->fetchMore(issue);
        issue = m_model->index(0, 0, issue);
    }
    for (; issue.isValid(); issue = m_model->siblingIssue(issue, 1)) {
        const QModelIndex article = m_model->firstArticle(issue);
        if (article.isValid() && showArticle(m_model->articleId(article), true))
            return;
    }
    m_reader->showPlaceholder(m_session ? tr("This library is empty.\n\nImport issues with File → Import Files… "
                                             "or File → Import Folder…, or drop files on this window.")
                                        : tr("No library is open."));
    m_original->clearArticle();
}

void MainWindow::reloadTree()
{
    m_syncingTree = true;
    m_model->reload();
    m_syncingTree = false;
    if (m_session)
        m_articleCount = m_session->issues().articleCount();
    m_currentIndex = QPersistentModelIndex();
    if (m_currentArticle > 0) {
        const QModelIndex index = m_model->indexOfArticle(m_currentArticle);
        m_currentIndex = index;
        selectInTree(index);
        if (const auto summary = m_model->issueSummary(m_currentIssue))
            m_reader->setIssueInfo(summary->info);
    }
    updateStatus();
    updateActions();
}

bool MainWindow::importPaths(const QStringList &paths)
{
    if (!m_session) {
        reportProblem(tr("Import"), tr("Open or create a library before importing."));
        return false;
    }
    if (m_import->isRunning()) {
        reportProblem(tr("Import"), tr("An import is already running."));
        return false;
    }
    return m_import->start(m_session->path(), paths);
}

void MainWindow::onImportFinished(const ImportReport &report, const QString &error)
{
    reloadTree();
    if (m_currentArticle == 0)
        showFirstArticle();
    statusBar()->showMessage(error.isEmpty() ? ImportResultDialog::summary(report) : error, 8000);
    emit importFinished(report);
}

QString MainWindow::sampleIssuePath()
{
    const QString resource = QStringLiteral(":/sample/sample-issue.txt");
    if (!QFile::exists(resource))
        return {};
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    const QString target = folder + QStringLiteral("/sample-issue.txt");
    if (!QFile::exists(target)) {
        if (!QFile::copy(resource, target))
            return {};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return target;
}

void MainWindow::offerFirstImport()
{
    if (!m_session || m_model->issueCount() > 0 || !feedback().showsDialogs())
        return;
    QMessageBox box(QMessageBox::Question, tr("Welcome to Dubao"),
                    tr("Your library is empty. Import a folder of OCR'd newspaper issues (text files), or start "
                       "with a sample issue?"),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Library: %1").arg(QDir::toNativeSeparators(m_session->path())));
    QPushButton *folder = box.addButton(tr("Import &Folder…"), QMessageBox::AcceptRole);
    QPushButton *sample = nullptr;
    const QString samplePath = sampleIssuePath();
    if (!samplePath.isEmpty())
        sample = box.addButton(tr("Import the &Sample Issue"), QMessageBox::ActionRole);
    box.addButton(tr("Not Now"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == folder)
        importFolderDialog();
    else if (sample && box.clickedButton() == sample)
        importPaths({samplePath});
}

void MainWindow::newLibrary()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Library"), QFileInfo(Library::defaultPath()).absolutePath() + QStringLiteral("/library.sqlite"),
        tr("Dubao libraries (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        // The file dialog already asked before overwriting; a library is never overwritten, only opened.
        reportProblem(
            tr("New Library"),
            tr("“%1” already exists; it was opened instead of replaced.").arg(QDir::toNativeSeparators(path)));
    }
    QString error;
    if (!openLibrary(path, &error))
        reportProblem(tr("New Library"), error);
    else
        offerFirstImport();
}

void MainWindow::openLibraryDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Library"), QFileInfo(libraryPath()).absolutePath(),
                                                      tr("Dubao libraries (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openLibrary(path, &error))
        reportProblem(tr("Open Library"), error);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = AppSettings::recentLibraries();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        action->setCheckable(true);
        action->setChecked(path == libraryPath());
        connect(action, &QAction::triggered, this, [this, path] {
            QString error;
            if (!QFileInfo::exists(path)) {
                AppSettings::removeRecentLibrary(path);
                reportProblem(tr("Open Library"), tr("“%1” no longer exists.").arg(QDir::toNativeSeparators(path)));
            } else if (!openLibrary(path, &error)) {
                reportProblem(tr("Open Library"), error);
            }
        });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent libraries"))->setEnabled(false);
}

void MainWindow::importFilesDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Issue Files"), QString(),
                                                            tr("Text files (*.txt);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void MainWindow::importFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import Folder of Issues"));
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::reportProblem(const QString &title, const QString &message)
{
    feedback().warn(this, title, message);
}

// ------------------------------------------------------------------------------------------------ navigation

bool MainWindow::showArticle(qint64 articleId)
{
    return showArticle(articleId, true);
}

bool MainWindow::showArticle(qint64 articleId, bool recordHistory)
{
    if (!m_session || articleId <= 0)
        return false;
    if (articleId == m_currentArticle)
        return true;
    const std::optional<Article> article = m_session->issues().article(articleId);
    if (!article)
        return false;
    const QModelIndex index = m_model->indexOfArticle(articleId);
    const qint64 issueId =
        index.isValid() ? m_model->issueId(index) : m_session->issues().issueIdOfArticle(articleId).value_or(0);
    const IssueInfo info = m_model->issueSummary(issueId).value_or(IssueSummary{}).info;

    saveReadingPosition();
    m_currentArticle = articleId;
    m_currentIssue = issueId;
    m_topBlock = 0;
    m_currentIndex = index;
    m_reader->setArticle(*article, info);
    m_original->setArticle(*article);
    selectInTree(index);

    if (recordHistory) {
        while (m_history.size() > m_historyPosition + 1)
            m_history.removeLast();
        m_history.append(articleId);
        m_historyPosition = int(m_history.size()) - 1;
    }
    saveReadingPosition();
    updateStatus();
    updateActions();
    emit articleShown(articleId);
    return true;
}

void MainWindow::selectInTree(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_syncingTree = true;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_syncingTree = false;
}

void MainWindow::onTreeCurrentChanged(const QModelIndex &current)
{
    if (m_syncingTree)
        return;
    if (const qint64 id = m_model->articleId(current); id > 0)
        showArticle(id, true);
    updateActions();
}

bool MainWindow::stepArticle(int step)
{
    if (!m_currentIndex.isValid())
        return false;
    const QModelIndex next = m_model->siblingArticle(m_currentIndex, step);
    return next.isValid() && showArticle(m_model->articleId(next), true);
}

bool MainWindow::stepIssue(int step)
{
    if (!m_currentIndex.isValid())
        return false;
    for (QModelIndex issue = m_model->siblingIssue(m_currentIndex, step); issue.isValid();
         issue = m_model->siblingIssue(issue, step)) {
        const QModelIndex article = m_model->firstArticle(issue);
        if (article.isValid())
            return showArticle(m_model->articleId(article), true);
    }
    return false;
}

bool MainWindow::goBack()
{
    if (m_historyPosition <= 0)
        return false;
    --m_historyPosition;
    return showArticle(m_history[m_historyPosition], false);
}

bool MainWindow::goForward()
{
    if (m_historyPosition + 1 >= m_history.size())
        return false;
    ++m_historyPosition;
    return showArticle(m_history[m_historyPosition], false);
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

// ------------------------------------------------------------------------------------------------- issues

void MainWindow::editIssueDetails()
{
    if (!m_session)
        return;
    qint64 issueId = m_model->issueId(m_tree->currentIndex());
    if (issueId == 0)
        issueId = m_currentIssue;
    const auto summary = m_model->issueSummary(issueId);
    if (!summary)
        return;
    IssueDetailsDialog dialog(summary->info, this);
    if (dialog.exec() == QDialog::Accepted && dialog.info() != summary->info)
        editIssueInfo(issueId, dialog.info());
}

void MainWindow::editIssueInfo(qint64 issueId, const IssueInfo &info)
{
    const auto summary = m_model->issueSummary(issueId);
    if (!m_session || !summary)
        return;
    m_undoStack->push(new EditIssueInfoCommand(
        m_session->issues(), issueId, summary->info, info,
        [this](qint64 id, bool ok, const QString &error) { onIssueInfoApplied(id, ok, error); }));
}

bool MainWindow::reparseAllIssues(std::function<void(const ReparseOutcome &)> done)
{
    if (!m_session || m_reparseRunner->isRunning())
        return false;
    QPointer<QProgressDialog> progress;
    if (feedback().showsDialogs()) {
        progress =
            new QProgressDialog(QCoreApplication::translate("dubao::AnnotationController", "Re-parsing issues…"),
                                QCoreApplication::translate("dubao::AnnotationController", "Cancel"), 0, 0, this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(0);
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        connect(progress, &QProgressDialog::canceled, m_reparseRunner, &JobRunner::cancel);
        connect(m_reparseRunner, &JobRunner::progress, progress, [progress](qint64 done, qint64 total) {
            progress->setMaximum(int(total));
            progress->setValue(int(done));
        });
        progress->show();
    }
    const QString path = m_session->path();
    return m_reparseRunner->start([path](JobContext &job) { return ReparseJob::reparseAll(path, job); },
                                  [progress, done = std::move(done)](const ReparseOutcome &outcome) {
                                      if (progress)
                                          progress->deleteLater();
                                      done(outcome);
                                  });
}

void MainWindow::onIssueInfoApplied(qint64 issueId, bool ok, const QString &error)
{
    if (!ok) {
        reportProblem(tr("Issue Details"), tr("The issue could not be changed: %1").arg(error));
        return;
    }
    reloadTree();
    // Show the user where the issue went (e.g. from Undated to its year), keeping the article selected.
    const QModelIndex issue = m_model->indexOfIssue(issueId);
    if (issue.isValid() && issueId != m_currentIssue)
        m_tree->scrollTo(issue);
}

// --------------------------------------------------------------------------------------------------- status

void MainWindow::updateStatus()
{
    if (const auto summary = m_model->issueSummary(m_currentIssue)) {
        const IssueInfo &info = summary->info;
        QString date = info.date.isValid() ? QLocale().toString(info.date, QLocale::LongFormat)
                       : info.month > 0    ? tr("%1-%2, year unknown")
                                              .arg(info.month, 2, 10, QLatin1Char('0'))
                                              .arg(info.day, 2, 10, QLatin1Char('0'))
                                        : tr("No date");
        m_issueStatus->setText(info.publication.isEmpty() ? date : tr("%1, %2").arg(info.publication, date));
    } else {
        m_issueStatus->clear();
    }
    if (m_currentIndex.isValid())
        m_positionStatus->setText(
            tr("Article %1 of %2").arg(m_currentIndex.row() + 1).arg(m_model->rowCount(m_currentIndex.parent())));
    else
        m_positionStatus->clear();
    if (m_session)
        m_libraryStatus->setText(tr("Issues: %1 · Articles: %2 · %3")
                                     .arg(m_model->issueCount())
                                     .arg(m_articleCount)
                                     .arg(QLocale().formattedDataSize(m_session->fileSize())));
    else
        m_libraryStatus->setText(tr("No library"));
}

QString MainWindow::statusText() const
{
    return QStringList{m_issueStatus->text(), m_positionStatus->text(), m_libraryStatus->text()}.join(
        QStringLiteral(" | "));
}

void MainWindow::updateActions()
{
    auto enable = [this](const char *name, bool on) {
        if (QAction *action = findChild<QAction *>(QLatin1String(name)))
            action->setEnabled(on);
    };
    const bool library = m_session != nullptr;
    enable("actionImportFiles", library);
    enable("actionImportFolder", library);
    enable("actionEditIssue", library && (m_currentIssue > 0 || m_model->issueId(m_tree->currentIndex()) > 0));
    enable("actionBack", m_historyPosition > 0);
    enable("actionForward", m_historyPosition + 1 < m_history.size());
    enable("actionNextArticle", m_currentIndex.isValid());
    enable("actionPreviousArticle", m_currentIndex.isValid());
    enable("actionNextIssue", m_currentIndex.isValid());
    enable("actionPreviousIssue", m_currentIndex.isValid());
}

// ------------------------------------------------------------------------------------------ original text

void MainWindow::setShowOriginal(bool show)
{
    QAction *action = findChild<QAction *>(QStringLiteral("actionShowOriginal"));
    if (action->isChecked() != show) {
        action->setChecked(show); // re-enters through toggled
        return;
    }
    m_original->setVisible(show);
    updateOriginalLayout();
    if (show)
        m_original->highlightBlock(m_reader->blockIdAt(m_reader->textCursor()));
}

bool MainWindow::isOriginalShown() const
{
    return findChild<QAction *>(QStringLiteral("actionShowOriginal"))->isChecked();
}

void MainWindow::updateOriginalLayout()
{
    const bool show = isOriginalShown();
    const bool sideBySide = findChild<QAction *>(QStringLiteral("actionSideBySide"))->isChecked();
    m_original->setVisible(show);
    m_reader->setVisible(!show || sideBySide);
    // A pane that was hidden when the splitter last laid out (or saved its state) comes back a few pixels
    // wide: give the original text a readable share again (3 : 2, as the stretch factors say).
    if (show && sideBySide) {
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (total > 0 && sizes.value(1) < total / 4)
            m_splitter->setSizes({total * 3 / 5, total - total * 3 / 5});
    }
}

// ----------------------------------------------------------------------------------------------- events

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_import->cancelAndWait();
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
    if (!paths.isEmpty() && importPaths(paths))
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

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(menuBar(), this);
    dialog.exec();
}

// ----------------------------------------------------------------------------------------------- annotations

void MainWindow::setUpAnnotations()
{
    m_annotations = new AnnotationController(this);
    QMenu *viewMenu = nullptr;
    QMenu *issueMenu = nullptr;
    for (QAction *action : menuBar()->actions()) {
        if (!action->menu())
            continue;
        if (action->text() == tr("&View"))
            viewMenu = action->menu();
        else if (action->text() == tr("&Issue"))
            issueMenu = action->menu();
    }
    m_annotations->createMenus(viewMenu, issueMenu);
}

bool MainWindow::openLink(const QUrl &url)
{
    return m_annotations->openLink(url);
}

void MainWindow::reloadLibrary()
{
    const qint64 article = m_currentArticle;
    m_currentArticle = 0; // show it again even when its id survived: its text may have changed
    m_currentIndex = QPersistentModelIndex();
    reloadTree();
    if (article <= 0 || !showArticle(article, false))
        showFirstArticle();
    updateStatus();
    updateActions();
}

// File → Export… (Ctrl+E): the export dialog on the open library; enabled once a library is open.
void MainWindow::createExportAction(QMenu *file)
{
    QAction *action =
        addAction(file, QStringLiteral("actionExport"), tr("&Export…"), QKeySequence(Qt::CTRL | Qt::Key_E), nullptr);
    action->setEnabled(hasLibrary());
    connect(this, &MainWindow::libraryOpened, action, [action] { action->setEnabled(true); });
    connect(action, &QAction::triggered, this, [this] {
        if (!m_session)
            return;
        auto *dialog = new ExportDialog(m_session->library(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

// Export from the annotations panel's current filter and from the open notebook.
void MainWindow::connectPanelExports()
{
    if (auto *panel = findChild<AnnotationsPanel *>()) {
        connect(panel, &AnnotationsPanel::exportRequested, this, [this](const AnnotationFilter &filter) {
            if (!m_session)
                return;
            auto *dialog = new ExportDialog(m_session->library(), filter, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }
    if (auto *notebook = findChild<NotebookView *>()) {
        connect(notebook, &NotebookView::exportRequested, this, [this](qint64 notebookId) {
            if (!m_session)
                return;
            auto *dialog = new ExportDialog(m_session->library(), this);
            dialog->setNotebook(notebookId);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    }
}

// ---------------------------------------------------------------------------------------------------- search

void MainWindow::setUpSearch()
{
    // The find bar sits under the reader: the splitter's first pane becomes reader + bar.
    auto *readerPane = new QWidget;
    readerPane->setObjectName(QStringLiteral("readerPane"));
    m_findBar = new FindBar(m_reader, readerPane);
    m_splitter->replaceWidget(0, readerPane);
    auto *paneLayout = new QVBoxLayout(readerPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->setSpacing(0);
    paneLayout->addWidget(m_reader, 1);
    paneLayout->addWidget(m_findBar);
    m_reader->show();
    m_splitter->setStretchFactor(0, 3);

    m_searchPanel = new SearchPanel;
    m_searchDock = new QDockWidget(tr("Search"), this);
    m_searchDock->setObjectName(QStringLiteral("searchDock"));
    m_searchDock->setWidget(m_searchPanel);
    m_searchDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                              QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, m_searchDock);
    tabifyDockWidget(m_treeDock, m_searchDock);
    m_treeDock->raise();

    m_concordance = new ConcordanceView;
    m_concordanceDock = new QDockWidget(tr("Concordance"), this);
    m_concordanceDock->setObjectName(QStringLiteral("concordanceDock"));
    m_concordanceDock->setWidget(m_concordance);
    addDockWidget(Qt::BottomDockWidgetArea, m_concordanceDock);
    if (auto *annotations = findChild<QDockWidget *>(QStringLiteral("annotationsDock")))
        tabifyDockWidget(annotations, m_concordanceDock);
    m_concordanceDock->hide();

    connect(m_searchPanel, &SearchPanel::hitActivated, this, &MainWindow::openSearchHit);
    connect(m_searchPanel, &SearchPanel::clearHighlightingRequested, m_reader, &ReaderView::clearSearchMatches);
    connect(m_concordance, &ConcordanceView::lineActivated, this, &MainWindow::openConcordanceLine);
    connect(this, &MainWindow::libraryOpened, this, &MainWindow::checkSearchIndex);
    connect(this, &MainWindow::importFinished, this, [this] {
        m_searchPanel->refresh();
        m_concordance->refresh();
    });
    connect(this, &MainWindow::articleShown, this, [this] {
        if (m_findBar->isVisible())
            m_findBar->reapply();
    });

    QMenu *editMenu = nullptr;
    QMenu *viewMenu = nullptr;
    for (QAction *action : menuBar()->actions()) {
        if (action->menu() && action->text() == tr("&Edit"))
            editMenu = action->menu();
        else if (action->menu() && action->text() == tr("&View"))
            viewMenu = action->menu();
    }
    if (editMenu)
        editMenu->addSeparator();
    QAction *findLibrary = addAction(editMenu, QStringLiteral("actionFindInLibrary"), tr("Find in &Library…"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), nullptr);
    connect(findLibrary, &QAction::triggered, this, [this] {
        m_searchDock->show();
        m_searchDock->raise();
        m_searchPanel->focusQuery();
    });
    QAction *find = addAction(editMenu, QStringLiteral("actionFindInArticle"), tr("&Find in Article…"),
                              QKeySequence::Find, nullptr);
    connect(find, &QAction::triggered, m_findBar, &FindBar::activate);
    QAction *next =
        addAction(editMenu, QStringLiteral("actionFindNext"), tr("Find &Next"), QKeySequence(Qt::Key_F3), nullptr);
    connect(next, &QAction::triggered, this, [this] {
        if (!m_reader->hasSearchMatches() && !m_findBar->text().isEmpty())
            m_findBar->reapply();
        else
            m_reader->nextSearchMatch();
    });
    QAction *previous = addAction(editMenu, QStringLiteral("actionFindPrevious"), tr("Find Pre&vious"),
                                  QKeySequence(Qt::SHIFT | Qt::Key_F3), nullptr);
    connect(previous, &QAction::triggered, m_reader, &ReaderView::previousSearchMatch);
    QAction *rebuild = addAction(editMenu, QStringLiteral("actionRebuildSearchIndex"), tr("Rebuild Search &Index"),
                                 QKeySequence(), &MainWindow::rebuildSearchIndex);
    rebuild->setEnabled(false);
    connect(this, &MainWindow::libraryOpened, rebuild, [rebuild] { rebuild->setEnabled(true); });

    if (viewMenu)
        viewMenu->addSeparator();
    QAction *concordance = addAction(viewMenu, QStringLiteral("actionConcordance"), tr("&Concordance"),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), nullptr);
    connect(concordance, &QAction::triggered, this, [this] {
        m_concordanceDock->show();
        m_concordanceDock->raise();
        m_concordance->focusTerm();
    });
    if (viewMenu) {
        QAction *showSearch = m_searchDock->toggleViewAction();
        showSearch->setObjectName(QStringLiteral("actionShowSearch"));
        viewMenu->addAction(showSearch);
    }
}

void MainWindow::checkSearchIndex()
{
    stopIndexing();
    const QString path = libraryPath();
    if (m_session && SearchIndex::needsRebuild(m_session->library())) {
        m_searchPanel->setLibraryPath(QString());
        m_concordance->setLibraryPath(QString());
        rebuildSearchIndex();
        return;
    }
    m_searchPanel->setLibraryPath(path);
    m_concordance->setLibraryPath(path);
    m_searchPanel->setSearchEnabled(true);
    m_concordance->setSearchEnabled(true);
}

void MainWindow::rebuildSearchIndex()
{
    if (!m_session || m_indexRunner->isRunning())
        return;
    const QString path = m_session->path();
    const QString building = tr("Building the search index… Search is available when it is done.");
    m_searchPanel->setSearchEnabled(false, building);
    m_concordance->setSearchEnabled(false, building);
    statusBar()->showMessage(tr("Building the search index…"));

    if (feedback().showsDialogs()) {
        m_indexProgress = new QProgressDialog(tr("Building the search index…"), tr("Cancel"), 0, 1000, this);
        m_indexProgress->setObjectName(QStringLiteral("indexProgress"));
        m_indexProgress->setWindowTitle(tr("Search Index"));
        m_indexProgress->setWindowModality(Qt::WindowModal);
        m_indexProgress->setMinimumDuration(300);
        m_indexProgress->setAutoClose(false);
        m_indexProgress->setAutoReset(false);
        connect(m_indexProgress, &QProgressDialog::canceled, m_indexRunner, &JobRunner::cancel);
    }
    m_indexRunner->start([path](JobContext &job) { return IndexJob::rebuild(path, job); },
                         [this, path](const IndexOutcome &outcome) {
                             if (m_indexProgress)
                                 m_indexProgress->deleteLater();
                             if (libraryPath() != path)
                                 return;
                             if (outcome.ok) {
                                 statusBar()->showMessage(tr("The search index is ready."), 4000);
                                 m_searchPanel->setLibraryPath(path);
                                 m_concordance->setLibraryPath(path);
                                 m_searchPanel->setSearchEnabled(true);
                                 m_concordance->setSearchEnabled(true);
                                 return;
                             }
                             const QString message =
                                 outcome.cancelled
                                     ? tr("The search index was not built, so search is off. Edit → Rebuild "
                                          "Search Index builds it.")
                                     : tr("The search index could not be built: %1").arg(outcome.error);
                             statusBar()->showMessage(message, 8000);
                             m_searchPanel->setSearchEnabled(false, message);
                             m_concordance->setSearchEnabled(false, message);
                         });
}

void MainWindow::onIndexProgress(qint64 done, qint64 total)
{
    const int permille = total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0;
    if (m_indexProgress)
        m_indexProgress->setValue(permille);
    statusBar()->showMessage(tr("Building the search index: %1%").arg(permille / 10));
}

bool MainWindow::isIndexing() const
{
    return m_indexRunner->isRunning();
}

void MainWindow::stopIndexing()
{
    m_indexRunner->cancelAndWait();
    if (m_indexProgress)
        m_indexProgress->deleteLater();
}

void MainWindow::openSearchHit(const SearchHit &hit, const SearchQuery &query)
{
    if (hit.articleId <= 0 || !showArticle(hit.articleId)) {
        statusBar()->showMessage(hit.articleId <= 0 ? tr("This note is not attached to a paragraph.")
                                                    : tr("This article is no longer in the library."),
                                 5000);
        return;
    }
    m_findBar->hide();
    const int count = m_reader->setSearchQuery(query);
    if (hit.blockId > 0) {
        m_reader->scrollToBlock(hit.blockId);
        const int index = m_reader->searchMatchFrom(hit.blockId);
        if (index >= 0 && m_reader->searchMatches().at(index).blockId == hit.blockId)
            m_reader->setCurrentSearchMatch(index);
    } else if (count > 0) {
        m_reader->setCurrentSearchMatch(0);
    }
    if (count > 0)
        statusBar()->showMessage(count == 1 ? tr("1 match in this article; Esc clears it.")
                                            : tr("%1 matches in this article: F3 / Shift+F3 step through them, Esc "
                                                 "clears them.")
                                                  .arg(count),
                                 8000);
}

void MainWindow::openConcordanceLine(const ConcordanceLine &line)
{
    if (line.articleId <= 0 || !showArticle(line.articleId)) {
        statusBar()->showMessage(tr("This article is no longer in the library."), 5000);
        return;
    }
    m_reader->clearSearchMatches();
    m_reader->selectSpan({line.blockId, int(line.offset), int(line.offset + line.length)});
}

// ------------------------------------------------------------------------------------------------ maintenance

// File → Back Up Now / Restore from Backup…, Help → Check Library…, the daily backup when a library opens, the
// read-only banner and the poll for changes made by other programs (dubao-cli import, a second window).
void MainWindow::setUpMaintenance()
{
    QMenu *fileMenu = nullptr;
    QMenu *helpMenu = nullptr;
    for (QAction *action : menuBar()->actions()) {
        if (action->menu() && action->text() == tr("&File"))
            fileMenu = action->menu();
        else if (action->menu() && action->text() == tr("&Help"))
            helpMenu = action->menu();
    }
    QAction *quit = findChild<QAction *>(QStringLiteral("actionQuit"));
    auto *backUp = new QAction(tr("&Back Up Now"), this);
    backUp->setObjectName(QStringLiteral("actionBackUpNow"));
    connect(backUp, &QAction::triggered, this, [this] {
        QString error;
        const QString path = backUpNow(&error);
        if (path.isEmpty())
            reportProblem(tr("Back Up"), tr("The library could not be backed up: %1").arg(error));
        else
            statusBar()->showMessage(tr("Backed up to %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    auto *restore = new QAction(tr("&Restore from Backup…"), this);
    restore->setObjectName(QStringLiteral("actionRestoreBackup"));
    connect(restore, &QAction::triggered, this, &MainWindow::restoreBackupDialog);
    if (fileMenu) {
        fileMenu->insertAction(quit, backUp);
        fileMenu->insertAction(quit, restore);
        fileMenu->insertSeparator(quit);
    }
    auto *check = new QAction(tr("&Check Library…"), this);
    check->setObjectName(QStringLiteral("actionCheckLibrary"));
    connect(check, &QAction::triggered, this, &MainWindow::checkLibraryDialog);
    if (helpMenu)
        helpMenu->insertAction(helpMenu->actions().value(0), check);
    for (QAction *a : {backUp, restore, check})
        a->setEnabled(false);

    auto *banner = new QToolBar(tr("Read-only"), this);
    banner->setObjectName(QStringLiteral("readOnlyBanner"));
    banner->setMovable(false);
    banner->toggleViewAction()->setVisible(false);
    auto *label = new QLabel(tr("This library is read-only (its file may not be written): you can read and "
                                "search, but not import, annotate or edit."),
                             banner);
    label->setObjectName(QStringLiteral("readOnlyBannerText"));
    label->setWordWrap(true);
    label->setContentsMargins(8, 4, 8, 4);
    banner->addWidget(label);
    banner->setStyleSheet(QStringLiteral("QToolBar#readOnlyBanner { background: #FFF3CD; color: #664D03; }"));
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, banner);
    banner->hide();
    m_readOnlyBanner = banner;

    connect(this, &MainWindow::libraryOpened, this, [this, backUp, restore, check] {
        const bool readOnly = isReadOnlyMode();
        backUp->setEnabled(true);
        restore->setEnabled(!readOnly);
        check->setEnabled(true);
        applyReadOnlyMode();
        m_dataVersion = -1;
        pollExternalChanges(); // remembers the current version
        if (!readOnly)
            startDailyBackup();
    });

    // PRAGMA data_version changes when another connection commits: cheap to ask every 2 s.
    m_changePoll = new QTimer(this);
    m_changePoll->setObjectName(QStringLiteral("externalChangePoll"));
    m_changePoll->setInterval(2000);
    connect(m_changePoll, &QTimer::timeout, this, &MainWindow::pollExternalChanges);
    m_changePoll->start();
}

bool MainWindow::isReadOnlyMode() const
{
    return m_session && m_session->library().isReadOnly();
}

int MainWindow::backupsToKeep()
{
    return QSettings().value(QStringLiteral("backups/keep"), Backup::kDefaultKeep).toInt();
}

void MainWindow::applyReadOnlyMode()
{
    const bool readOnly = isReadOnlyMode();
    m_readOnlyBanner->setVisible(readOnly);
    // Editing actions stay off while the library is read-only, whoever enables them later.
    static const char *const editing[] = {
        "actionImportFiles",        "actionImportFolder", "actionEditIssue",   "actionHighlightLastTag",
        "actionTagPalette",         "actionTagParagraph", "actionTagArticle",  "actionAddNote",
        "actionRemoveHighlight",    "actionNewTag",       "actionNewNotebook", "actionReattachOrphan",
        "actionRebuildSearchIndex", "actionRestoreBackup"};
    for (const char *name : editing) {
        QAction *action = findChild<QAction *>(QLatin1String(name));
        if (!action)
            continue;
        if (readOnly) {
            action->setEnabled(false);
            if (!action->property("dubaoReadOnlyGuard").toBool()) {
                action->setProperty("dubaoReadOnlyGuard", true);
                connect(action, &QAction::enabledChanged, this, [this, action](bool enabled) {
                    if (enabled && isReadOnlyMode())
                        action->setEnabled(false);
                });
            }
        }
    }
    if (!readOnly)
        updateActions();
    setAcceptDrops(!readOnly);
}

bool MainWindow::pollExternalChanges()
{
    if (!m_session)
        return false;
    QSqlQuery query(m_session->library().database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    const qint64 version = query.value(0).toLongLong();
    const qint64 last = std::exchange(m_dataVersion, version);
    // The app's own import and index jobs write on their own connections and reload when they end.
    if (last < 0 || version == last || m_import->isRunning() || isIndexing())
        return false;
    reloadTree();
    statusBar()->showMessage(tr("The library was changed by another program; the list is up to date."), 3000);
    return true;
}

QString MainWindow::backUpNow(QString *error)
{
    if (!m_session) {
        if (error)
            *error = tr("No library is open.");
        return {};
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // One backup at a time: a daily backup still being written finishes first (and counts when old backups
    // beyond the number to keep are removed).
    waitForDailyBackup();
    const Result<QString> path = Backup::create(m_session->library(), QStringLiteral("manual"), backupsToKeep());
    QApplication::restoreOverrideCursor();
    if (!path && error)
        *error = path.error().message();
    return path.valueOr(QString());
}

bool MainWindow::restoreFromBackup(const QString &backupFile, QString *error)
{
    if (!m_session || isReadOnlyMode()) {
        if (error)
            *error = m_session ? tr("The library is read-only.") : tr("No library is open.");
        return false;
    }
    if (const Result<void> verified = Backup::verify(backupFile); !verified) {
        if (error)
            *error = verified.error().message();
        return false;
    }
    const QString path = m_session->path();
    // Close the library (jobs stopped, lock released) before its file is replaced, then open it again.
    m_import->cancelAndWait();
    stopIndexing();
    saveReadingPosition();
    if (m_positionTimer->isActive())
        writeReadingPosition();
    m_undoStack->clear();
    m_history.clear();
    m_historyPosition = -1;
    m_currentArticle = 0;
    m_currentIssue = 0;
    m_currentIndex = QPersistentModelIndex();
    m_model->setRepository(nullptr);
    m_session.reset();
    const Result<QString> kept = Backup::restore(backupFile, path, backupsToKeep());
    if (!kept && error)
        *error = kept.error().message();
    QString openError;
    if (!openLibrary(path, &openError)) {
        if (error)
            *error = openError;
        m_reader->showPlaceholder(tr("The library could not be opened again: %1").arg(openError));
        return false;
    }
    if (kept)
        statusBar()->showMessage(tr("Restored %1; the replaced library is kept in %2")
                                     .arg(QFileInfo(backupFile).fileName(), QDir::toNativeSeparators(*kept)),
                                 10000);
    return kept.ok();
}

// The daily backup (VACUUM INTO: seconds on a large library) runs on its own thread and connection, so
// opening a library never waits for it.
void MainWindow::startDailyBackup()
{
    waitForDailyBackup();
    const QString path = m_session->path();
    const int keep = backupsToKeep();
    m_dailyBackup->start(
        [path, keep](JobContext &) {
            Library library;
            Result<void> backedUp = library.open(path);
            if (backedUp) {
                if (const Result<QString> daily = Backup::ensureDaily(library, keep); !daily)
                    backedUp = daily.error();
            }
            return backedUp.error().message();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                statusBar()->showMessage(tr("No daily backup: %1").arg(error), 10000);
        });
}

void MainWindow::waitForDailyBackup()
{
    m_dailyBackup->waitForResult();
}

void MainWindow::restoreBackupDialog()
{
    waitForDailyBackup();
    if (!m_session)
        return;
    RestoreDialog dialog(Backup::list(m_session->path()), this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedPath().isEmpty())
        return;
    if (!feedback().confirm(this, tr("Restore from Backup"),
                            tr("Replace the library with the backup %1?\n\nWhat the library holds now is kept as "
                               "another backup.")
                                .arg(QFileInfo(dialog.selectedPath()).fileName())))
        return;
    QString error;
    if (!restoreFromBackup(dialog.selectedPath(), &error))
        reportProblem(tr("Restore from Backup"), tr("Nothing was restored: %1").arg(error));
}

CheckReport MainWindow::checkLibrary(bool repair)
{
    if (!m_session)
        return {};
    if (!repair || isReadOnlyMode())
        return LibraryCheck::check(m_session->library());
    const CheckReport report = LibraryCheck::repair(m_session->library());
    reloadLibrary();
    return report;
}

void MainWindow::checkLibraryDialog()
{
    if (!m_session)
        return;
    CheckDialog dialog(CheckDialog::onOwnConnection(m_session->path(), isReadOnlyMode()), isReadOnlyMode(), this);
    connect(&dialog, &CheckDialog::checkFinished, this, [this](bool repaired) {
        if (repaired)
            reloadLibrary();
    });
    dialog.runCheck(false);
    dialog.exec();
}

} // namespace dubao
