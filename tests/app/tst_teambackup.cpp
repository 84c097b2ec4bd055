// File → Back Up Team Library… and Restore Team Library… (issue 13), on a real server: the owner backs a team
// library up into one file, restores it into an empty team library (the same rows, authorship kept, the window
// shows the issue), and is refused a restore into one that is not empty. A Cancel while the server holds the work
// up (a colleague's lock) leaves nothing: no file and no temporary folder for a backup, a team library still empty
// for a restore. For an annotator and a reader both entries are off, their tooltip saying why; for a library file
// they are not shown.
#include "app/maintenance/teambackuppart.h"
#include "app/shell/mainwindow.h"
#include "core/ingest/backuprestorer.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void backUp_thenRestoreIntoEmptyTeamLibrary_sameRows();
    void cancel_whileTheServerWaits_leavesNothing();
    void annotatorAndReader_entriesOffWithReason_libraryFile_notShown();

private:
    QString value(const QString &db, const QString &sql) const { return m_server->psql(db, sql).valueOr(u"?"_s); }
    /// The rows a backup must carry, as one line.
    QString fingerprint(const QString &db) const
    {
        return value(db, u"SELECT (SELECT count(*) FROM issues) || '/' || (SELECT count(*) FROM blocks) || '/' || "
                         "(SELECT string_agg(created_by || ':' || text, ',' ORDER BY id) FROM notes) || '/' || "
                         "(SELECT string_agg(created_by || ':' || start, ',' ORDER BY id) FROM highlights)"_s);
    }
    /// Calls part->cancel() once a statement of `db` waits for a lock (the one the test holds).
    void cancelWhenWaiting(TeamBackupPart *part, const QString &db, bool *cancelled);
    QStringList leftInDir() const
    {
        return QDir(m_dir.path())
            .entryList({u".dubao-team-backup-*"_s, u"*.partial-*"_s},
                       QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
};

void TestTeamBackup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"backup"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    Library team;
    QVERIFY(team.open(m_server->url(m_db)));
    QVERIFY(test::importSampleIssue(team));
    QVERIFY(team::init(team, nullptr));
    QVERIFY(team::addUser(team, u"rita"_s, team::Role::Reader, u"rita-pw"_s));
    QVERIFY(team::addUser(team, u"anna"_s, team::Role::Annotator, u"anna-pw"_s));
    const qint64 block = sql::scalar(team.database(), u"SELECT min(id) FROM blocks"_s).toLongLong();
    AnnotationRepository annotations(team);
    QVERIFY(annotations.addNote(block, 0, u"核对原文"_s));
    // anna's own highlight (the server writes who made it): who made it travels with it.
    Library anna;
    QVERIFY(anna.open(m_server->url(m_db, u"anna"_s)));
    QVERIFY(AnnotationRepository(anna).addHighlight(block, 2, 4));
}

void TestTeamBackup::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamBackup::cancelWhenWaiting(TeamBackupPart *part, const QString &db, bool *cancelled)
{
    auto *poll = new QTimer(part);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, part, [this, part, db, poll, cancelled] {
        if (value(db, u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                      "wait_event_type = 'Lock'"_s) == u"0"_s)
            return;
        *cancelled = true;
        part->cancel();
        poll->deleteLater();
    });
    poll->start();
}

void TestTeamBackup::backUp_thenRestoreIntoEmptyTeamLibrary_sameRows()
{
    const QString before = fingerprint(m_db);
    QVERIFY2(before.startsWith(u"1/"_s) && before.contains(u"dubao:核对原文"_s) && before.contains(u"anna:2"_s),
             qPrintable(before));
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db));
    auto *part = window->findChild<TeamBackupPart *>();
    QVERIFY(part);
    QAction *backUp = window->findChild<QAction *>(u"actionBackUpTeamLibrary"_s);
    QVERIFY(backUp && backUp->isVisible() && backUp->isEnabled());
    QSignalSpy progressed(part, &TeamBackupPart::progressed);
    const QString file = m_dir.filePath(u"team.dubao-backup"_s);
    const Result<QString> made = part->backUpTo(file);
    QVERIFY2(made, qPrintable(made.error().message()));
    QCOMPARE(*made, file);
    QVERIFY(QFileInfo(file).size() > 0);
    QCOMPARE(leftInDir(), QStringList()); // its temporary library is gone
    QVERIFY2(window->statusBar()->currentMessage().startsWith(u"Backed up the team library to "_s),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(!progressed.isEmpty());
    QVERIFY2(progressed.front().at(0).toString().startsWith(u"Copying the rows from the server: "_s),
             qPrintable(progressed.front().at(0).toString()));

    // Into an empty team library: the same rows, with who made them; the window shows the issue.
    const Result<QString> empty = m_server->createDatabase(u"restored"_s);
    QVERIFY(empty);
    std::unique_ptr<MainWindow> other = test::openShownWindow(m_server->url(*empty));
    auto *otherPart = other->findChild<TeamBackupPart *>();
    QAction *restore = other->findChild<QAction *>(u"actionRestoreTeamLibrary"_s);
    QVERIFY(restore && restore->isVisible() && restore->isEnabled());
    const Result<RestoreReport> restored = otherPart->restoreFrom(file);
    QVERIFY2(restored, qPrintable(restored.error().message()));
    QVERIFY(!restored->cancelled);
    QCOMPARE(restored->issues, 1);
    QCOMPARE(fingerprint(*empty), before);
    QVERIFY2(other->statusBar()->currentMessage().startsWith(
                 u"Restored team.dubao-backup into the team library (issues: 1)"_s),
             qPrintable(other->statusBar()->currentMessage()));
    const qint64 article = value(*empty, u"SELECT min(id) FROM articles"_s).toLongLong();
    QVERIFY(other->showArticle(article));
    QCOMPARE(other->currentArticleId(), article);

    // Not empty any more: refused, counting its rows; nothing changed.
    const Result<RestoreReport> again = otherPart->restoreFrom(file);
    QVERIFY(!again);
    QVERIFY2(again.error().message().contains(u"only into an empty team library"_s),
             qPrintable(again.error().message()));
    QVERIFY(other->statusBar()->currentMessage().startsWith(u"Nothing was restored: "_s));
    QCOMPARE(fingerprint(*empty), before);
}

void TestTeamBackup::cancel_whileTheServerWaits_leavesNothing()
{
    // A backup waiting for a table a colleague has locked: Cancel ends the server's statement; no file is left.
    {
        std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db));
        auto *part = window->findChild<TeamBackupPart *>();
        Library locker;
        QVERIFY(locker.open(m_server->url(m_db)));
        QVERIFY(locker.database().transaction());
        QVERIFY(QSqlQuery(locker.database()).exec(u"LOCK TABLE article_lineage IN ACCESS EXCLUSIVE MODE"_s));
        bool cancelled = false;
        cancelWhenWaiting(part, m_db, &cancelled);
        const QString file = m_dir.filePath(u"cancelled.dubao-backup"_s);
        const Result<QString> made = part->backUpTo(file);
        QVERIFY(locker.database().rollback());
        QVERIFY(cancelled);
        QVERIFY2(made, qPrintable(made.error().message()));
        QVERIFY(made->isEmpty());
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(leftInDir(), QStringList());
        QCOMPARE(window->statusBar()->currentMessage(), u"The backup was cancelled; nothing was written."_s);
    }
    // A restore whose copy to the server waits for a lock on the notes, after the issues, paragraphs and highlights
    // have their rows: Cancel rolls them back; the team library is still empty.
    const QString file = m_dir.filePath(u"team.dubao-backup"_s);
    QVERIFY(QFileInfo::exists(file)); // (made by the test before)
    const Result<QString> empty = m_server->createDatabase(u"cancelled"_s);
    QVERIFY(empty);
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(*empty));
    auto *part = window->findChild<TeamBackupPart *>();
    Library locker;
    QVERIFY(locker.open(m_server->url(*empty)));
    QVERIFY(locker.database().transaction());
    QVERIFY(QSqlQuery(locker.database()).exec(u"LOCK TABLE notes IN EXCLUSIVE MODE"_s)); // reads go on
    bool cancelled = false;
    cancelWhenWaiting(part, *empty, &cancelled);
    const Result<RestoreReport> restored = part->restoreFrom(file);
    QVERIFY(locker.database().rollback());
    QVERIFY(cancelled);
    QVERIFY2(restored, qPrintable(restored.error().message()));
    QVERIFY(restored->cancelled);
    QCOMPARE(value(*empty, u"SELECT (SELECT count(*) FROM issues) + (SELECT count(*) FROM blocks) + "
                           "(SELECT count(*) FROM notes) + (SELECT count(*) FROM highlights)"_s),
             u"0"_s);
    QCOMPARE(window->statusBar()->currentMessage(), u"The restore was cancelled; the team library is still empty."_s);
}

void TestTeamBackup::annotatorAndReader_entriesOffWithReason_libraryFile_notShown()
{
    for (const QString &user : {u"rita"_s, u"anna"_s}) {
        Library::setServerPassword(m_server->url(m_db, user), user + u"-pw"_s);
        std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, user));
        QVERIFY(window->session());
        for (const QString &id : {u"actionBackUpTeamLibrary"_s, u"actionRestoreTeamLibrary"_s}) {
            QAction *action = window->findChild<QAction *>(id);
            QVERIFY(action && action->isVisible());
            QVERIFY2(!action->isEnabled(), qPrintable(user + u' ' + id));
            QVERIFY2(action->toolTip().startsWith(u"Only the owner of this team library backs it up and restores it "
                                                  "(%1's role: "_s.arg(user)),
                     qPrintable(action->toolTip()));
        }
        const Result<QString> refused = window->findChild<TeamBackupPart *>()->backUpTo(m_dir.filePath(u"x"_s));
        QVERIFY(!refused);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"x"_s)));
    }
    const QString file = m_dir.filePath(u"personal.sqlite"_s);
    {
        Library personal;
        QVERIFY(personal.open(file));
    }
    std::unique_ptr<MainWindow> window = test::openShownWindow(file);
    QVERIFY(!window->findChild<QAction *>(u"actionBackUpTeamLibrary"_s)->isVisible());
    QVERIFY(!window->findChild<QAction *>(u"actionRestoreTeamLibrary"_s)->isVisible());
}

QTEST_MAIN(TestTeamBackup)
#include "tst_teambackup.moc"
