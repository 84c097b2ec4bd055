// A window on a team library follows what colleagues commit (issue 13): a note added by dubao-cli in another
// process, as another user, shows in the open article's margin and in the status bar ("rita added a note to …")
// within a second; a tag likewise; the window's own note is not announced back to it. Text reuse (schema v18): an
// annotator reads the marks, clusters and comparison an editor's index gives, and may not build it. While the user
// types a note, the reload waits: nothing typed is lost.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/notespanel.h"
#include "app/reader/readerview.h"
#include "app/reuse/comparisonview.h"
#include "app/reuse/reusepart.h"
#include "app/reuse/reuseview.h"
#include "app/shell/mainwindow.h"
#include "app/shell/teamchangelistener.h"
#include "core/reuse/reuseindex.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamChanges : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void colleaguesNote_showsInTheOpenArticleWithinASecond_statusNamesThem();
    void colleaguesTag_statusSaysSo();
    void ownNote_notAnnouncedBack();
    void whileTypingANote_reloadWaits_typedTextKeptAndSaved();
    void colleaguesNoteAndCorrection_readerKeepsScrollSelectionAndNoteEditor();
    void colleagueDeletesANote_statusNamesTheArticle_markGoes();
    void colleaguesUndeclaredDeletion_namedWithinASecond();
    void reuse_onATeamLibrary_marksAndClusters_builtByAnEditorOnly();

private:
    /// Runs dubao-cli as rita on the team library without waiting: the window's event loop keeps running.
    void startCli(QProcess &process, QStringList args) const
    {
        args << u"--library"_s << m_server->url(m_db, u"rita"_s);
        process.start(QStringLiteral(DUBAO_CLI_PATH), args);
    }
    int notesOnBlock(MainWindow &window) const { return window.reader()->noteMarkers().value(m_block); }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    qint64 m_block = 0;
    qint64 m_article = 0;
    QString m_title;
};

void TestTeamChanges::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"changes"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    Library owner;
    const Result<void> opened = owner.open(m_server->url(m_db));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(test::importSampleIssue(owner));
    QVERIFY(team::init(owner, nullptr));
    QVERIFY(team::addUser(owner, u"rita"_s, team::Role::Annotator, u"rita-pw"_s));
    QVERIFY(team::addUser(owner, u"anna"_s, team::Role::Annotator, u"anna-pw"_s));
    QVERIFY(TagRepository(owner).create(u"economy"_s));
    m_block = sql::scalar(owner.database(), u"SELECT min(id) FROM blocks"_s).toLongLong();
    m_article = sql::scalar(owner.database(), u"SELECT article_id FROM blocks WHERE id = ?"_s, {m_block}).toLongLong();
    m_title = sql::scalar(owner.database(), u"SELECT title FROM articles WHERE id = ?"_s, {m_article}).toString();
    QVERIFY(m_block > 0 && m_article > 0 && !m_title.isEmpty());
}

void TestTeamChanges::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamChanges::colleaguesNote_showsInTheOpenArticleWithinASecond_statusNamesThem()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->teamChanges()->isListening());
    QVERIFY(window->showArticle(m_article));
    const int before = notesOnBlock(*window);
    QSignalSpy applied(window->teamChanges(), &TeamChangeListener::applied);

    QProcess cli;
    startCli(cli, {u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"from rita"_s});
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QCOMPARE(cli.exitCode(), 0);
    // The commit is before the program's exit: a second from there is more than the issue's second from the commit.
    QElapsedTimer sinceExit;
    sinceExit.start();
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before + 1, 1000);
    qInfo() << "note shown" << sinceExit.elapsed() << "ms after dubao-cli ended";
    QCOMPARE(applied.size(), 1);
    const QString expected = u"rita added a note to “%1”"_s.arg(m_title);
    QCOMPARE(window->teamChanges()->lastMessage(), expected);
    QCOMPARE(window->statusBar()->currentMessage(), expected);
}

void TestTeamChanges::colleaguesTag_statusSaysSo()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->showArticle(m_article));
    QSignalSpy tagsChanged(&window->annotations()->document(), &AnnotationDocument::tagsChanged);
    QProcess cli;
    startCli(cli, {u"tag"_s, u"apply"_s, u"economy"_s, u"--article"_s, QString::number(m_article)});
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusBar()->currentMessage(), u"rita tagged “%1”"_s.arg(m_title), 1000);
    QVERIFY(!tagsChanged.isEmpty()); // the Tags dock and the panels read again
}

void TestTeamChanges::ownNote_notAnnouncedBack()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->showArticle(m_article));
    QSignalSpy applied(window->teamChanges(), &TeamChangeListener::applied);
    const int before = notesOnBlock(*window);
    QVERIFY(window->annotations()->document().addNote(m_block, 0, u"my own"_s) > 0);
    QCOMPARE(notesOnBlock(*window), before + 1);
    QTest::qWait(300);
    QCOMPARE(applied.size(), 0);
    QVERIFY(window->teamChanges()->lastMessage().isEmpty());
}

void TestTeamChanges::whileTypingANote_reloadWaits_typedTextKeptAndSaved()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->showArticle(m_article));
    auto *notes = window->findChild<NotesPanel *>();
    QVERIFY(notes);
    const qint64 mine = window->annotations()->document().addNote(m_block, 0, u"mine"_s);
    QVERIFY(mine > 0);
    notes->selectNote(mine); // her own: rita's notes on the paragraph are rita's to change (row-level security)
    QTRY_VERIFY(notes->editor()->isEnabled() && !notes->editor()->isReadOnly());
    const QString typed = notes->editor()->toPlainText() + u" and more"_s; // the note the panel shows
    const int before = notesOnBlock(*window);
    notes->editor()->activateWindow();
    notes->editor()->setFocus();
    QTRY_VERIFY(notes->editor()->hasFocus());
    notes->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes->editor(), u" and more"_s); // typed, not yet saved (a pause of 1.2 s saves)
    QProcess cli;
    startCli(cli, {u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"while typing"_s});
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QCOMPARE(cli.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().startsWith(u"rita added a note"_s), 1000);
    QCOMPARE(notes->editor()->toPlainText(), typed); // not put back to the stored text
    window->libraryTree()->setFocus(); // focus leaves: the note is saved, then the colleague's note is read
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before + 1, 2000);
    QTRY_COMPARE(m_server->psql(m_db, u"SELECT count(*) FROM notes WHERE text = '%1'"_s.arg(typed)).valueOr({}),
                 u"1"_s);
}

// The reader stays where the user is: a colleague's note on the open article, then their correction of its text
// (which makes the window show the article again), keep the paragraph at the top, the selection and the Notes
// editor's open note with what was typed in it (it had jumped to the first paragraph).
void TestTeamChanges::colleaguesNoteAndCorrection_readerKeepsScrollSelectionAndNoteEditor()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    window->resize(900, 420); // low: the article scrolls
    const QList<qint64> blocks = [this] {
        Library library;
        if (!library.open(m_server->url(m_db)))
            return QList<qint64>{};
        return sql::ids(library.database(), u"SELECT id FROM blocks WHERE article_id = ? ORDER BY position"_s,
                        {m_article});
    }();
    QVERIFY(blocks.size() >= 4);
    QVERIFY(window->showArticle(m_article));
    ReaderView *reader = window->reader();
    auto *notes = window->findChild<NotesPanel *>();
    QVERIFY(notes);
    const qint64 noted = blocks.at(blocks.size() - 2);
    const qint64 noteId = window->annotations()->document().addNote(noted, 0, u"kept open"_s);
    QVERIFY(noteId > 0);
    QTRY_VERIFY(reader->verticalScrollBar()->maximum() > 0);
    // Scrolled down, a few characters of a lower paragraph selected, a note open in the Notes editor with typing.
    QVERIFY(reader->scrollToBlock(noted));
    QTest::qWait(50);
    const int scrolled = reader->verticalScrollBar()->value();
    const qint64 top = reader->topBlockId();
    QVERIFY(scrolled > 0 && top != blocks.front());
    QTextCursor selection(reader->textBlock(noted));
    selection.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, 3);
    reader->setTextCursor(selection);
    const QString selected = reader->textCursor().selectedText();
    QCOMPARE(selected.size(), 3);
    QCOMPARE(notes->blockId(), noted); // the Notes panel follows the cursor
    notes->selectNote(noteId);
    QTRY_COMPARE(notes->editor()->toPlainText(), u"kept open"_s);
    notes->editor()->activateWindow();
    notes->editor()->setFocus();
    QTRY_VERIFY(notes->editor()->hasFocus());
    notes->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes->editor(), u" and typed"_s);
    reader->setFocus(); // typing ends (the note is saved): the reload happens at once
    QTRY_VERIFY(reader->hasFocus());

    QSignalSpy applied(window->teamChanges(), &TeamChangeListener::applied);
    const int before = reader->noteMarkers().value(blocks.front()); // (the other tests' notes)
    QProcess cli;
    startCli(cli, {u"note"_s, u"add"_s, u"--block"_s, QString::number(blocks.front()), u"--text"_s, u"up there"_s});
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
    QCOMPARE(cli.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(reader->noteMarkers().value(blocks.front()), before + 1, 2000);
    QTRY_COMPARE(applied.size(), 1);
    QTest::qWait(50);
    QCOMPARE(reader->topBlockId(), top);
    QCOMPARE(reader->verticalScrollBar()->value(), scrolled);
    QCOMPARE(reader->textCursor().selectedText(), selected);
    QCOMPARE(notes->editor()->toPlainText(), u"kept open and typed"_s);

    // A correction of the shown article's first paragraph: the article is shown again, in the same place.
    QProcess correct;
    correct.start(QStringLiteral(DUBAO_CLI_PATH),
                  {u"correct"_s, QString::number(blocks.front()), u"--start"_s, u"0"_s, u"--end"_s, u"1"_s, u"--text"_s,
                   u"X"_s, u"--library"_s, m_server->url(m_db)}); // the owner: an annotator may not correct
    QTRY_VERIFY_WITH_TIMEOUT(correct.state() == QProcess::NotRunning, 30000);
    QVERIFY2(correct.exitCode() == 0, correct.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 2000);
    QTest::qWait(50);
    QCOMPARE(reader->topBlockId(), top);
    QCOMPARE(reader->textCursor().selectedText(), selected);
    QCOMPARE(notes->editor()->toPlainText(), u"kept open and typed"_s);
}

// A deletion is named (the notice carries the deleted note's article): the status bar says which article lost a
// note, and its mark goes from the open article.
void TestTeamChanges::colleagueDeletesANote_statusNamesTheArticle_markGoes()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->showArticle(m_article));
    QSignalSpy applied(window->teamChanges(), &TeamChangeListener::applied);
    const int before = notesOnBlock(*window);
    QProcess add;
    startCli(add, {u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"short-lived"_s});
    QTRY_VERIFY_WITH_TIMEOUT(add.state() == QProcess::NotRunning, 30000);
    QCOMPARE(add.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before + 1, 2000);
    const QString id =
        m_server->psql(m_db, u"SELECT max(id) FROM notes WHERE text = 'short-lived'"_s).valueOr(QString());
    QVERIFY(id.toLongLong() > 0);
    QProcess remove;
    startCli(remove, {u"note"_s, u"delete"_s, id});
    QTRY_VERIFY_WITH_TIMEOUT(remove.state() == QProcess::NotRunning, 30000);
    QVERIFY2(remove.exitCode() == 0, remove.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before, 2000);
    QTRY_COMPARE(applied.size(), 2);
    const changes::ChangeNotice notice = applied.at(1).at(0).value<changes::ChangeNotice>();
    QCOMPARE(notice.deleted, QStringList{u"note"_s});
    QCOMPARE(notice.articleIds, QList<qint64>{m_article});
    const QString expected = u"rita deleted a note on “%1”"_s.arg(m_title);
    QCOMPARE(window->teamChanges()->lastMessage(), expected);
    QCOMPARE(window->statusBar()->currentMessage(), expected);
}

void TestTeamChanges::colleaguesUndeclaredDeletion_namedWithinASecond()
{
    // rita, an annotator, deletes her note by a statement no repository declared (as a cascade or another program
    // would): the server's record (schema v21) names it, so anna's window names it too, within a second — before
    // v21 it said "rita changed notes" and read every annotation again.
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(window->showArticle(m_article));
    QSignalSpy applied(window->teamChanges(), &TeamChangeListener::applied);
    const int before = notesOnBlock(*window);
    Library rita;
    QVERIFY(rita.open(m_server->url(m_db, u"rita"_s)));
    const Result<qint64> note = AnnotationRepository(rita).addNote(m_block, 0, u"gone behind its back"_s);
    QVERIFY(note);
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before + 1, 2000);
    QTRY_COMPARE(applied.size(), 1);
    {
        sql::WriteScope scope(rita.database());
        QVERIFY(sql::exec(rita.database(), u"DELETE FROM notes WHERE id = ?"_s, {*note}));
        QVERIFY(scope.commit());
    }
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 2, 1000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    const changes::ChangeNotice notice = applied.at(1).at(0).value<changes::ChangeNotice>();
    QVERIFY2(!notice.manyArticles, notice.toJson().constData());
    QCOMPARE(notice.articleIds, QList<qint64>{m_article});
    QCOMPARE(notice.deletedRows.size(), 1);
    QCOMPARE(notice.deletedRows.front().id, *note);
    const QString expected = u"rita deleted a note on “%1”"_s.arg(m_title);
    QCOMPARE(window->teamChanges()->lastMessage(), expected);
    QCOMPARE(window->statusBar()->currentMessage(), expected);
    QTRY_COMPARE_WITH_TIMEOUT(notesOnBlock(*window), before, 1000);
}

void TestTeamChanges::reuse_onATeamLibrary_marksAndClusters_builtByAnEditorOnly()
{
    // Text reuse is on a team library too (schema v18): an annotator's Reuse view shows the view, says that an editor
    // builds the index, and Build Reuse Index is off for them, saying why.
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, u"anna"_s));
    QVERIFY(!window->findChild<QLabel *>(u"reuseDockTeamMessage"_s));
    QAction *build = window->findChild<QAction *>(u"actionBuildReuseIndex"_s);
    QVERIFY(build);
    QVERIFY(!build->isEnabled());
    QVERIFY2(build->toolTip().contains(u"Only an editor of this team library"_s), qPrintable(build->toolTip()));
    auto *part = window->findChild<ReusePart *>();
    QVERIFY(part);
    QSignalSpy loaded(part, &ReusePart::loaded);
    window->findChild<QAction *>(u"actionReuse"_s)->trigger();
    QVERIFY(loaded.wait(15000));
    bool saysWhoBuildsIt = false;
    for (const QLabel *label : part->view()->findChildren<QLabel *>())
        saysWhoBuildsIt = saysWhoBuildsIt || label->text().contains(u"an editor of this team library builds it"_s);
    QVERIFY(saysWhoBuildsIt);

    // The owner (an editor) stores a story and its copy and builds the index; the annotator's reader marks the copy.
    qint64 wire = 0, copy = 0;
    {
        Library owner;
        QVERIFY(owner.open(m_server->url(m_db)));
        QStringList story;
        for (int k = 0; k < 4; ++k)
            story << test::hanText(500 + k, 120);
        wire = test::storeReuseDocument(owner, {u"team wire"_s, QDate(2023, 2, 1), story, u"新华社"_s});
        copy = test::storeReuseDocument(
            owner, {u"team copy"_s, QDate(2023, 2, 2), QStringList{test::hanText(510, 100)} + story, u"渝西都市报"_s});
        QVERIFY(wire && copy);
        const Result<qint64> built = ReuseIndex(owner).rebuild();
        QVERIFY2(built, qPrintable(built ? QString() : built.error().message()));
    }
    QVERIFY(window->showArticle(copy));
    QVERIFY(!window->reader()->reuseMarks().isEmpty());
    QVERIFY2(window->reader()->reuseLine().contains(u"shared with 新华社 2023-02-01"_s),
             qPrintable(window->reader()->reuseLine()));
    QVERIFY(window->findChild<QAction *>(u"actionCompareWith"_s)->isEnabled());
    QVERIFY(!build->isEnabled()); // still the editors'
    loaded.clear();
    window->findChild<QDockWidget *>(u"reuseDock"_s)->hide(); // shown again: read again
    window->findChild<QAction *>(u"actionReuse"_s)->trigger();
    QVERIFY(loaded.wait(15000));
    QCOMPARE(part->view()->tree()->model()->rowCount(), 1); // the one cluster, read by the annotator
    QVERIFY(part->openComparison(copy, wire));
    QVERIFY(part->comparison());
}

QTEST_MAIN(TestTeamChanges)
#include "tst_teamchanges.moc"
