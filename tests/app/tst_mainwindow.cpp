// MainWindow end to end (offscreen): tree → reader, keyboard navigation and history, original text, import
// through the job, settings round trip, undo of an issue's date, the library lock.
#include "app/issues/importcontroller.h"
#include "app/issues/importresultdialog.h"
#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "app/shell/appsettings.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "app/shell/shortcutsdialog.h"
#include "core/jobs/importjob.h"
#include "core/store/issuerepository.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using namespace dubao;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void title_startsWithDubao();
    void shortcutsDialog_listsMenuShortcuts();
    void fileMenu_eachMnemonicOnce();
    void selectingArticleInTree_showsItInReader();
    void statusBar_yearNotPrinted_isFlagged();
    void keyboard_ctrlDownUp_movesBetweenArticlesAndIssues();
    void keyboard_readerJK_andHistoryBackForward();
    void showOriginal_ctrlU_showsRawTextWithLineNumbers();
    void importJob_corpus_reportsProgressAndCancels();
    void import_throughController_updatesTreeWithoutRestart();
    void importResultDialog_listsFilesInRoomToReadThem();
    void settings_textSizeAndLastArticle_roundTrip();
    void editIssueDate_undo_restoresUndatedIssue();
    void openLibrary_lockedByAnotherSession_explainsWhy();
    void zoomShortcuts_changeTextSize();
    void sampleIssue_shipped_importsAsOneIssue();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &path);

    QTemporaryDir m_dir;
    QString m_corpusLibrary;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_corpusLibrary = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(m_corpusLibrary);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(const QString &path)
{
    return test::openShownWindow(path);
}

void TestMainWindow::title_startsWithDubao()
{
    auto window = openWindow(m_corpusLibrary);
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Dubao")));
    QVERIFY(window->windowTitle().contains(QStringLiteral("corpus.sqlite")));
}

namespace {

/// Entries of `menu` (and of its submenus, each a menu of its own) that share their mnemonic (Alt+letter) with an
/// entry before them: pressing that letter in the open menu would only move between them.
QStringList sharedMnemonics(const QMenu *menu)
{
    QStringList found;
    QHash<QKeySequence, QString> taken;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QKeySequence mnemonic = QKeySequence::mnemonic(action->text());
        if (!mnemonic.isEmpty()) {
            if (taken.contains(mnemonic))
                found << QStringLiteral("%1 / %2: %3").arg(taken.value(mnemonic), action->text(), mnemonic.toString());
            else
                taken.insert(mnemonic, action->text());
        }
        if (action->menu())
            found << sharedMnemonics(action->menu());
    }
    return found;
}

} // namespace

void TestMainWindow::fileMenu_eachMnemonicOnce()
{
    // Alt+F, then one letter, runs one entry: Import Folder… and Back Up to File… both took F, Open Recent and
    // Restore from Backup… R, and the REFI-QDA import and Quit Q.
    auto window = openWindow(m_corpusLibrary);
    const QMenu *file = window->findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(file);
    const QStringList found = sharedMnemonics(file);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

void TestMainWindow::selectingArticleInTree_showsItInReader()
{
    auto window = openWindow(m_corpusLibrary);
    LibraryTreeModel *model = window->libraryModel();
    // The first run of a library shows its first article.
    QVERIFY(window->currentArticleId() > 0);

    const QList<IssueSummary> listed = window->session()->issues().listIssues(IssueRepository::Listing::WithArticles);
    const ArticleSummary &target = listed.back().articles.back();
    const QModelIndex index = model->indexOfArticle(target.id);
    QVERIFY(index.isValid());
    window->libraryTree()->setCurrentIndex(index);
    QCOMPARE(window->currentArticleId(), target.id);
    QCOMPARE(window->reader()->articleId(), target.id);
    const QString text = window->reader()->document()->toPlainText();
    QVERIFY(text.contains(target.title));
    const Article article = *window->session()->issues().article(target.id);
    for (const Block &block : article.blocks)
        QVERIFY(text.contains(block.text.left(30)));
    QVERIFY2(
        window->statusText().contains(
            QStringLiteral("Article %1 of %2").arg(listed.back().articles.size()).arg(listed.back().articles.size())),
        qPrintable(window->statusText()));
    QVERIFY(window->statusText().contains(QStringLiteral("Issues: %1").arg(test::corpusFileCount())));
}

void TestMainWindow::statusBar_yearNotPrinted_isFlagged()
{
    // No corpus issue prints its year: the status bar says so, and for 003 (2022, also 2023) that it is uncertain.
    auto window = openWindow(m_corpusLibrary);
    const QList<IssueSummary> listed = window->session()->issues().listIssues(IssueRepository::Listing::WithArticles);
    int uncertain = 0;
    for (const IssueSummary &issue : listed) {
        window->libraryTree()->setCurrentIndex(window->libraryModel()->indexOfArticle(issue.articles.front().id));
        QCOMPARE(window->currentArticleId(), issue.articles.front().id);
        if (issue.info.date == QDate(2022, 11, 13)) {
            ++uncertain;
            QVERIFY2(window->statusText().contains(QStringLiteral("(year uncertain: also 2023)")),
                     qPrintable(window->statusText()));
        } else {
            QVERIFY2(window->statusText().contains(QStringLiteral("(year inferred)")),
                     qPrintable(window->statusText()));
        }
    }
    QCOMPARE(uncertain, 1);
}

void TestMainWindow::keyboard_ctrlDownUp_movesBetweenArticlesAndIssues()
{
    auto window = openWindow(m_corpusLibrary);
    LibraryTreeModel *model = window->libraryModel();
    const qint64 first = window->currentArticleId();
    QVERIFY(first > 0);
    QModelIndex index = model->indexOfArticle(first);
    const QModelIndex expectedNext = model->siblingArticle(index, 1);
    QVERIFY(expectedNext.isValid());

    QTest::keyClick(window.get(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(window->currentArticleId(), model->articleId(expectedNext));
    QCOMPARE(window->libraryTree()->currentIndex(), expectedNext);
    QTest::keyClick(window.get(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(window->currentArticleId(), first);
    QTest::keyClick(window.get(), Qt::Key_Up, Qt::ControlModifier); // nothing before the first article
    QCOMPARE(window->currentArticleId(), first);

    const qint64 firstIssue = window->currentIssueId();
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(window->currentIssueId() != firstIssue);
    QCOMPARE(model->siblingIssue(model->indexOfIssue(window->currentIssueId()), -1), model->indexOfIssue(firstIssue));
    QCOMPARE(model->indexOfArticle(window->currentArticleId()).row(), 0);
    QTest::keyClick(window.get(), Qt::Key_Up, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->currentIssueId(), firstIssue);

    // Through every article to the end and no further.
    int count = 1;
    while (window->nextArticle())
        ++count;
    QCOMPARE(count, window->session()->issues().articleCount());
}

void TestMainWindow::keyboard_readerJK_andHistoryBackForward()
{
    auto window = openWindow(m_corpusLibrary);
    const qint64 first = window->currentArticleId();
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    QVERIFY(window->reader()->hasFocus());
    QTest::keyClick(window->reader(), Qt::Key_J);
    const qint64 second = window->currentArticleId();
    QVERIFY(second != first);
    QTest::keyClick(window->reader(), Qt::Key_J);
    const qint64 third = window->currentArticleId();
    QVERIFY(third != second);
    QTest::keyClick(window->reader(), Qt::Key_K);
    QCOMPARE(window->currentArticleId(), second);

    QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window->currentArticleId(), third);
    QTest::keyClick(window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(window->currentArticleId(), second);
    QTest::keyClick(window.get(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(window->currentArticleId(), third);

    QTest::keyClick(window.get(), Qt::Key_1, Qt::ControlModifier);
    QVERIFY(window->libraryTree()->hasFocus());
    QTest::keyClick(window.get(), Qt::Key_F6);
    QVERIFY(window->reader()->hasFocus());
}

void TestMainWindow::showOriginal_ctrlU_showsRawTextWithLineNumbers()
{
    auto window = openWindow(m_corpusLibrary);
    QVERIFY(!window->originalView()->isVisible());
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(window->isOriginalShown());
    QVERIFY(window->originalView()->isVisible());
    QVERIFY(window->reader()->isVisible()); // side by side by default
    // ... and wide enough to read, even though it was hidden when the splitter was laid out.
    QTRY_VERIFY(window->originalView()->width() >= window->reader()->width() / 2);

    const Article article = *window->session()->issues().article(window->currentArticleId());
    OriginalView *original = window->originalView();
    const Block &block = article.blocks.front();
    const int line = original->textLineOf(block.firstLine);
    QVERIFY(line >= 0);
    QCOMPARE(original->lineNumber(line), block.firstLine);
    QVERIFY(original->toPlainText().contains(block.raw));

    // Moving to another article updates the original too.
    QVERIFY(window->nextArticle());
    const Article next = *window->session()->issues().article(window->currentArticleId());
    QVERIFY(original->toPlainText().contains(next.blocks.back().raw));

    // Not side by side: the original replaces the article.
    window->findChild<QAction *>(QStringLiteral("actionSideBySide"))->setChecked(false);
    QVERIFY(!window->reader()->isVisible());
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(!window->originalView()->isVisible());
    QVERIFY(window->reader()->isVisible());
}

void TestMainWindow::importJob_corpus_reportsProgressAndCancels()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("job.sqlite"));
    {
        ImportJob job(path, {test::corpusDir()});
        QSignalSpy progress(&job, &ImportJob::progress);
        QSignalSpy finished(&job, &ImportJob::finished);
        job.run();
        QCOMPARE(finished.size(), 1);
        const auto report = finished.front().at(0).value<ImportReport>();
        QCOMPARE(report.imported.size(), test::corpusFileCount());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.back().at(0).toInt(), test::corpusFileCount());
    }
    {
        QTemporaryDir other;
        ImportJob job(other.filePath(QStringLiteral("cancelled.sqlite")), {test::corpusDir()});
        QSignalSpy finished(&job, &ImportJob::finished);
        job.cancel();
        job.run();
        QCOMPARE(finished.size(), 1);
        const auto report = finished.front().at(0).value<ImportReport>();
        QVERIFY(report.cancelled);
        QVERIFY(report.imported.size() < test::corpusFileCount());
    }
}

void TestMainWindow::import_throughController_updatesTreeWithoutRestart()
{
    QTemporaryDir dir;
    auto window = openWindow(dir.filePath(QStringLiteral("empty.sqlite")));
    QVERIFY(window->hasLibrary());
    QCOMPARE(window->libraryModel()->issueCount(), 0);
    QCOMPARE(window->currentArticleId(), 0);
    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    QSignalSpy progress(window->importController(), &ImportController::progress);
    QVERIFY(window->importPaths({test::corpusDir()}));
    QVERIFY(window->importController()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(!window->importController()->isRunning());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(window->libraryModel()->issueCount(), test::corpusFileCount());
    QVERIFY(window->libraryModel()->rowCount() > 0);
    QVERIFY(window->currentArticleId() > 0); // the first article is shown
    const auto report = finished.front().at(0).value<ImportReport>();
    QCOMPARE(report.imported.size(), test::corpusFileCount());

    // Importing again: everything already present, tree unchanged.
    QVERIFY(window->importPaths({test::corpusDir()}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    const auto again = finished.back().at(0).value<ImportReport>();
    QCOMPARE(again.alreadyPresent.size(), test::corpusFileCount());
    QCOMPARE(window->libraryModel()->issueCount(), test::corpusFileCount());
}

void TestMainWindow::settings_textSizeAndLastArticle_roundTrip()
{
    qint64 article = 0;
    qint64 topBlock = 0;
    {
        auto window = openWindow(m_corpusLibrary);
        QVERIFY(window->nextArticle());
        QVERIFY(window->nextArticle());
        article = window->currentArticleId();
        window->reader()->setTextSize(19);
        window->resize(900, 500);
        const Article shown = *window->session()->issues().article(article);
        QVERIFY(shown.blocks.size() >= 2);
        topBlock = shown.blocks.back().id;
        QVERIFY(window->reader()->scrollToBlock(topBlock));
        topBlock = window->reader()->topBlockId();
        window->setShowOriginal(true);
        window->close(); // saves
    }
    QCOMPARE(AppSettings::textSize(), 19);
    QCOMPARE(AppSettings::readingPosition(m_corpusLibrary).articleId, article);
    QCOMPARE(AppSettings::readingPosition(m_corpusLibrary).topBlockId, topBlock);
    QVERIFY(AppSettings::recentLibraries().contains(QFileInfo(m_corpusLibrary).absoluteFilePath()));
    {
        auto window = openWindow(m_corpusLibrary);
        QCOMPARE(window->reader()->textSize(), 19);
        QCOMPARE(window->currentArticleId(), article);
        QCOMPARE(window->reader()->articleId(), article);
        QVERIFY(window->isOriginalShown());
        QCOMPARE(window->libraryTree()->currentIndex(), window->libraryModel()->indexOfArticle(article));
        QCOMPARE(AppSettings::readingPosition(m_corpusLibrary).topBlockId, topBlock);
        QCOMPARE(window->reader()->topBlockId(), topBlock);
    }
}

void TestMainWindow::editIssueDate_undo_restoresUndatedIssue()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("undo.sqlite"));
    QVERIFY(test::buildCorpusLibrary(path).isEmpty());
    auto window = openWindow(path);
    LibraryTreeModel *model = window->libraryModel();
    const IssueSummary issue =
        window->session()->issues().listIssues(IssueRepository::Listing::IssuesOnly).back(); // undated ones last
    const IssueInfo before = issue.info;
    IssueInfo after = before;
    after.date = QDate(1998, 4, 9);
    after.month = 4;
    after.day = 9;
    after.publication = QStringLiteral("测试日报");
    QVERIFY(window->showArticle(model->articleId(model->firstArticle(model->indexOfIssue(issue.id)))));
    window->editIssueInfo(issue.id, after);
    QCOMPARE(window->undoStack()->count(), 1);
    QCOMPARE(window->session()->issues().issue(issue.id)->parsed.issue.date, QDate(1998, 4, 9));
    QModelIndex index = model->indexOfIssue(issue.id);
    QVERIFY(index.isValid());
    QCOMPARE(index.parent().parent().data().toString().left(4), QStringLiteral("1998"));
    QVERIFY(index.data().toString().contains(QStringLiteral("测试日报")));
    // The open article of that issue shows the new date in its byline, headline still in view.
    QVERIFY(window->reader()->document()->toPlainText().contains(QStringLiteral("1998-04-09")));
    QCOMPARE(window->reader()->verticalScrollBar()->value(), 0);

    window->findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(window->session()->issues().issue(issue.id)->parsed.issue.date, before.date);
    QCOMPARE(window->session()->issues().issue(issue.id)->parsed.issue.publication, before.publication);
    index = model->indexOfIssue(issue.id);
    QVERIFY(index.isValid());
    if (!before.date.isValid())
        QCOMPARE(model->kind(index.parent()), LibraryTreeModel::NodeKind::Undated);
    else
        QCOMPARE(index.parent().parent().data().toString().left(4), QString::number(before.date.year()));

    window->undoStack()->redo();
    QCOMPARE(window->session()->issues().issue(issue.id)->parsed.issue.date, QDate(1998, 4, 9));
}

void TestMainWindow::openLibrary_lockedByAnotherSession_explainsWhy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.sqlite"));
    auto first = LibrarySession::open(path);
    QVERIFY2(first, qPrintable(first.error().message()));
    QVERIFY(QFileInfo::exists(LibrarySession::lockFilePath(path)));
    auto second = LibrarySession::open(path);
    QVERIFY(!second);
    const QString error = second.error().message();
    QVERIFY2(error.contains(QStringLiteral("in use by another running Dubao")), qPrintable(error));

    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    QVERIFY(!window.openLibrary(path));
    QVERIFY(!window.hasLibrary());

    first->reset();
    QVERIFY(!QFileInfo::exists(LibrarySession::lockFilePath(path)));
    QVERIFY(window.openLibrary(path));

    // A lock left by a process that no longer runs is taken over.
    QTemporaryDir stale;
    const QString stalePath = stale.filePath(QStringLiteral("stale.sqlite"));
    {
        QFile lock(LibrarySession::lockFilePath(stalePath));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("999999\nDubao\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    }
    auto taken = LibrarySession::open(stalePath);
    QVERIFY2(taken, qPrintable(taken.error().message()));
}

void TestMainWindow::zoomShortcuts_changeTextSize()
{
    auto window = openWindow(m_corpusLibrary);
    const int size = window->reader()->textSize();
    QTest::keyClick(window.get(), Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(window->reader()->textSize(), size + 1);
    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(window.get(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(window->reader()->textSize(), size - 1);
    QTest::keyClick(window.get(), Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(window->reader()->textSize(), ReaderView::DefaultTextSize);
    QCOMPARE(AppSettings::textSize(), ReaderView::DefaultTextSize);
}

void TestMainWindow::sampleIssue_shipped_importsAsOneIssue()
{
    const QString sample = MainWindow::sampleIssuePath();
    QVERIFY2(!sample.isEmpty(), "resources/sample/sample-issue.txt is compiled in");
    QVERIFY(QFileInfo(sample).size() > 0);
    QTemporaryDir dir;
    auto window = openWindow(dir.filePath(QStringLiteral("sample.sqlite")));
    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    QVERIFY(window->importPaths({sample}));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(window->libraryModel()->issueCount(), 1);
    QVERIFY(window->currentArticleId() > 0);
    QVERIFY(!window->reader()->article().blocks.isEmpty());
}

void TestMainWindow::shortcutsDialog_listsMenuShortcuts()
{
    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    ShortcutsDialog dialog(window.actions());
    QVERIFY(dialog.rowCount() >= 20);
    auto *table = dialog.findChild<QTableWidget *>();
    QVERIFY(table);
    QStringList shortcuts;
    for (int row = 0; row < table->rowCount(); ++row)
        shortcuts.append(table->item(row, 1)->text());
    QVERIFY(shortcuts.contains(QKeySequence(Qt::CTRL | Qt::Key_U).toString(QKeySequence::NativeText)));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionShortcuts")));
}

void TestMainWindow::importResultDialog_listsFilesInRoomToReadThem()
{
    ImportReport report;
    for (int i = 0; i < 40; ++i)
        report.imported.append({QStringLiteral("/in/issue-%1.txt").arg(i), i + 1, 3});
    report.failed.append({QStringLiteral("/in/empty.txt"), QStringLiteral("empty file")});
    ImportResultDialog dialog(report, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.fileList()->topLevelItemCount(), 41);
    // Failures first; the list gets the room (it was sized as if hidden, showing three rows).
    QCOMPARE(dialog.fileList()->topLevelItem(0)->text(0), QStringLiteral("empty.txt"));
    QVERIFY2(dialog.fileList()->height() >= 8 * dialog.fileList()->sizeHintForRow(0),
             qPrintable(QString::number(dialog.fileList()->height())));

    ImportResultDialog nothing(ImportReport{}, QStringLiteral("no such folder"));
    QVERIFY(nothing.fileList()->isHidden());
    QVERIFY(nothing.height() < dialog.height());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
