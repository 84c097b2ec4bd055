#include "app/shell/navigator.h"

#include "app/reader/originalview.h"
#include "app/reader/readerplace.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QTimer>
#include <QTreeView>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;

Navigator::Navigator(MainWindow &window, LibraryTreeModel *model, QTreeView *tree, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_model(model)
    , m_tree(tree)
    , m_positionTimer(new QTimer(this))
{
    // Writing QSettings syncs the file to disk (~10 ms): once per burst of navigation, not twice per article.
    m_positionTimer->setSingleShot(true);
    m_positionTimer->setInterval(1000);
    connect(m_positionTimer, &QTimer::timeout, this, &Navigator::writeReadingPosition);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onTreeCurrentChanged(current); });
    connect(m_window.reader(), &ReaderView::nextArticleRequested, this, [this] { stepArticle(1); });
    connect(m_window.reader(), &ReaderView::previousArticleRequested, this, [this] { stepArticle(-1); });

    m_back =
        actions.add(Menu::Go, Section::GoHistory, QStringLiteral("actionBack"),
                    QCoreApplication::translate("dubao::MainWindow", "&Back"), QKeySequence(Qt::ALT | Qt::Key_Left));
    connect(m_back, &QAction::triggered, this, [this] { goBack(); });
    m_forward = actions.add(Menu::Go, Section::GoHistory, QStringLiteral("actionForward"),
                            QCoreApplication::translate("dubao::MainWindow", "&Forward"),
                            QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(m_forward, &QAction::triggered, this, [this] { goForward(); });
    const struct
    {
        const char *id;
        const char *text;
        QKeySequence key;
        bool issue;
        int step;
    } steps[] = {
        {"actionNextArticle", QT_TRANSLATE_NOOP("dubao::MainWindow", "&Next Article"),
         QKeySequence(Qt::CTRL | Qt::Key_Down), false, 1},
        {"actionPreviousArticle", QT_TRANSLATE_NOOP("dubao::MainWindow", "&Previous Article"),
         QKeySequence(Qt::CTRL | Qt::Key_Up), false, -1},
        {"actionNextIssue", QT_TRANSLATE_NOOP("dubao::MainWindow", "Next &Issue"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Down), true, 1},
        {"actionPreviousIssue", QT_TRANSLATE_NOOP("dubao::MainWindow", "Previous I&ssue"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Up), true, -1},
    };
    for (const auto &step : steps) {
        QAction *action = actions.add(Menu::Go, Section::GoArticles, QLatin1String(step.id),
                                      QCoreApplication::translate("dubao::MainWindow", step.text), step.key);
        connect(action, &QAction::triggered, this,
                [this, issue = step.issue, by = step.step] { issue ? stepIssue(by) : stepArticle(by); });
        m_stepActions << action;
    }
}

Navigator::~Navigator() = default;

void Navigator::flushReadingPosition()
{
    if (m_positionTimer->isActive())
        writeReadingPosition();
}

// ------------------------------------------------------------------------------------------------ showing

bool Navigator::showArticle(qint64 articleId, bool recordHistory)
{
    LibrarySession *session = m_window.session();
    if (!session || articleId <= 0)
        return false;
    if (articleId == m_currentArticle)
        return true;
    const std::optional<Article> article = session->issues().article(articleId);
    if (!article)
        return false;
    const QModelIndex index = m_model->indexOfArticle(articleId);
    const qint64 issueId =
        index.isValid() ? m_model->issueId(index) : session->issues().issueIdOfArticle(articleId).value_or(0);
    const IssueInfo info = m_model->issueSummary(issueId).value_or(IssueSummary{}).info;

    saveReadingPosition();
    m_currentArticle = articleId;
    m_currentIssue = issueId;
    m_topBlock = 0;
    m_currentIndex = index;
    m_window.reader()->setArticle(*article, info);
    m_window.originalView()->setArticle(*article);
    selectInTree(index);

    if (recordHistory) {
        while (m_history.size() > m_historyPosition + 1)
            m_history.removeLast();
        m_history.append(articleId);
        m_historyPosition = int(m_history.size()) - 1;
    }
    saveReadingPosition();
    emit changed();
    emit articleShown(articleId);
    return true;
}

void Navigator::showFirstArticle()
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
    m_window.reader()->showPlaceholder(
        m_window.session() ? QCoreApplication::translate(
                                 "dubao::MainWindow", "This library is empty.\n\nImport issues with File → Import "
                                                      "Files… or File → Import Folder…, or drop files on this window.")
                           : QCoreApplication::translate("dubao::MainWindow", "No library is open."));
    m_window.originalView()->clearArticle();
}

void Navigator::selectInTree(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_syncingTree = true;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_syncingTree = false;
}

void Navigator::onTreeCurrentChanged(const QModelIndex &current)
{
    if (m_syncingTree)
        return;
    if (const qint64 id = m_model->articleId(current); id > 0)
        showArticle(id, true);
    emit changed(); // the tree's issue may be the one Edit Details works on
}

bool Navigator::stepArticle(int step)
{
    if (!m_currentIndex.isValid())
        return false;
    const QModelIndex next = m_model->siblingArticle(m_currentIndex, step);
    return next.isValid() && showArticle(m_model->articleId(next), true);
}

bool Navigator::stepIssue(int step)
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

bool Navigator::goBack()
{
    if (m_historyPosition <= 0)
        return false;
    --m_historyPosition;
    return showArticle(m_history[m_historyPosition], false);
}

bool Navigator::goForward()
{
    if (m_historyPosition + 1 >= m_history.size())
        return false;
    ++m_historyPosition;
    return showArticle(m_history[m_historyPosition], false);
}

void Navigator::updateActions()
{
    m_back->setEnabled(m_historyPosition > 0);
    m_forward->setEnabled(m_historyPosition + 1 < m_history.size());
    for (QAction *action : std::as_const(m_stepActions))
        action->setEnabled(m_currentIndex.isValid());
}

// ----------------------------------------------------------------------------------------- library changes

void Navigator::leaveLibrary()
{
    saveReadingPosition();
    flushReadingPosition(); // the library being left
    m_history.clear();
    m_historyPosition = -1;
    m_currentArticle = 0;
    m_currentIssue = 0;
    m_currentIndex = QPersistentModelIndex();
}

void Navigator::enterLibrary(LibrarySession &session)
{
    m_articleCount = session.issues().articleCount();
    const AppSettings::ReadingPosition position = AppSettings::readingPosition(session.path());
    if (position.articleId > 0 && showArticle(position.articleId, true)) {
        if (position.topBlockId > 0 && m_window.reader()->scrollToBlock(position.topBlockId))
            m_topBlock = position.topBlockId;
        saveReadingPosition();
    } else {
        showFirstArticle();
    }
    emit changed();
}

void Navigator::reloadTree()
{
    m_syncingTree = true;
    m_model->reload();
    m_syncingTree = false;
    if (LibrarySession *session = m_window.session())
        m_articleCount = session->issues().articleCount();
    m_currentIndex = QPersistentModelIndex();
    if (m_currentArticle > 0) {
        const QModelIndex index = m_model->indexOfArticle(m_currentArticle);
        m_currentIndex = index;
        selectInTree(index);
        if (const auto summary = m_model->issueSummary(m_currentIssue))
            m_window.reader()->setIssueInfo(summary->info);
    }
    emit changed();
}

void Navigator::reloadArticle()
{
    const qint64 article = m_currentArticle;
    // The reader stays where the user is (its scroll position and selection) when the article is shown again.
    const ReaderPlace place = ReaderPlace::of(*m_window.reader());
    m_currentArticle = 0; // show it again even when its id survived: its text may have changed
    m_currentIndex = QPersistentModelIndex();
    reloadTree();
    if (article <= 0 || !showArticle(article, false))
        showFirstArticle();
    else
        place.restore(*m_window.reader());
    emit changed();
}

// ------------------------------------------------------------------------------------------ reading position

void Navigator::saveReadingPosition()
{
    if (!m_window.session() || m_currentArticle <= 0)
        return;
    // A hidden reader (window closing, original shown alone) has no meaningful scroll position: keep the last.
    if (m_window.reader()->isVisible())
        m_topBlock = m_window.reader()->topBlockId();
    m_positionTimer->start(); // writeReadingPosition() soon; saveSettings() and switching libraries write now
}

void Navigator::writeReadingPosition()
{
    m_positionTimer->stop();
    if (!m_window.session() || m_currentArticle <= 0)
        return;
    AppSettings::setReadingPosition(m_window.session()->path(), {m_currentArticle, m_topBlock});
}

} // namespace dubao
