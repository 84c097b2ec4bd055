// A team library's connection that goes away (issue 13, docs/safety.md "Roles on a team library"): the server
// ending it between two writes (pg_terminate_backend, a restart) costs nothing — the next write connects again and
// is saved; a server that is away says so, naming it, and saves nothing; a connection lost inside a transaction is
// not retried (the rest of the transaction is gone) and leaves nothing of it. Also the connection errors a user
// meets on open: no such user.
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void terminatedBetweenWrites_nextWriteReconnectsAndIsSaved();
    void terminatedBeforeARead_readReconnects();
    void serverStopped_writeSaysNotSavedNamingTheServer_thenReconnects();
    void lostInsideATransaction_notRetried_nothingOfItSaved();
    void noSuchUser_saysSo();

private:
    QString count(const QString &table) const
    {
        return m_server->psql(m_db, u"SELECT count(*) FROM "_s + table).valueOr(u"(error)"_s);
    }
    /// Ends every connection of Dubao's to the test's database, as an administrator would.
    void terminateClients()
    {
        const Result<QString> ended = m_server->psql(
            u"postgres"_s, u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '%1' AND "
                           "application_name = 'dubao'"_s.arg(m_db));
        QVERIFY2(ended, qPrintable(ended.error().message()));
        QCOMPARE(*ended, u"1"_s);
    }

    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    std::unique_ptr<Library> m_library;
    qint64 m_block = 0;
};

void TestTeamConnection::initTestCase()
{
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
}

void TestTeamConnection::init()
{
    QVERIFY(m_server->startAgain());
    const Result<QString> db = m_server->createDatabase(u"conn"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    m_library = std::make_unique<Library>();
    const Result<void> opened = m_library->open(m_server->url(m_db));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    const std::optional<StoredIssue> issue = test::importSampleIssue(*m_library);
    QVERIFY(issue);
    m_block = m_server->psql(m_db, u"SELECT min(id) FROM blocks"_s).valueOr({}).toLongLong();
    QVERIFY(m_block > 0);
}

void TestTeamConnection::cleanupTestCase()
{
    m_library.reset();
    m_server.reset();
}

void TestTeamConnection::terminatedBetweenWrites_nextWriteReconnectsAndIsSaved()
{
    AnnotationRepository annotations(*m_library);
    QVERIFY(annotations.addNote(m_block, 0, u"first"_s));
    terminateClients();
    const Result<qint64> second = annotations.addNote(m_block, 0, u"second"_s);
    QVERIFY2(second, qPrintable(second.error().message()));
    QCOMPARE(count(u"notes WHERE text IN ('first', 'second')"_s), u"2"_s);
    // And once more, with a tag (another repository, the same connection).
    terminateClients();
    const Result<Tag> tag = TagRepository(*m_library).create(u"after"_s);
    QVERIFY2(tag, qPrintable(tag.error().message()));
    QCOMPARE(count(u"tags WHERE name = 'after'"_s), u"1"_s);
}

void TestTeamConnection::terminatedBeforeARead_readReconnects()
{
    terminateClients();
    const QList<IssueSummary> issues = IssueRepository(*m_library).listIssues();
    QCOMPARE(issues.size(), 1);
    QVERIFY(!issues.front().articles.isEmpty());
}

void TestTeamConnection::serverStopped_writeSaysNotSavedNamingTheServer_thenReconnects()
{
    AnnotationRepository annotations(*m_library);
    QVERIFY(m_server->stop());
    const Result<qint64> lost = annotations.addNote(m_block, 0, u"while away"_s);
    QVERIFY(!lost);
    QVERIFY2(lost.error().message().contains(
                 u"the connection to the PostgreSQL server 127.0.0.1:%1 was lost; the change was not saved"_s.arg(
                     m_server->port())),
             qPrintable(lost.error().message()));
    QVERIFY(m_server->startAgain());
    QCOMPARE(count(u"notes"_s), u"0"_s);
    const Result<qint64> back = annotations.addNote(m_block, 0, u"when back"_s);
    QVERIFY2(back, qPrintable(back.error().message()));
    QCOMPARE(count(u"notes WHERE text = 'when back'"_s), u"1"_s);
}

void TestTeamConnection::lostInsideATransaction_notRetried_nothingOfItSaved()
{
    QSqlDatabase db = m_library->database();
    {
        sql::WriteScope transaction(db);
        QVERIFY(transaction.isActive());
        TagRepository tags(*m_library);
        QVERIFY(tags.create(u"one"_s)); // (a savepoint in the transaction)
        terminateClients();
        const Result<Tag> two = tags.create(u"two"_s);
        QVERIFY(!two);
        QVERIFY2(two.error().message().contains(u"was lost; the change was not saved"_s),
                 qPrintable(two.error().message()));
        QVERIFY(!transaction.commit());
    }
    QCOMPARE(count(u"tags WHERE name IN ('one', 'two')"_s), u"0"_s);
    // The next write connects again.
    const Result<Tag> three = TagRepository(*m_library).create(u"three"_s);
    QVERIFY2(three, qPrintable(three.error().message()));
    QCOMPARE(count(u"tags WHERE name IN ('one', 'two', 'three')"_s), u"1"_s);
}

void TestTeamConnection::noSuchUser_saysSo()
{
    Library library;
    const Result<void> opened = library.open(m_server->url(m_db, u"ghost"_s));
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(
                 u"the PostgreSQL server 127.0.0.1:%1 has no user ghost"_s.arg(m_server->port())),
             qPrintable(opened.error().message()));
}

QTEST_GUILESS_MAIN(TestTeamConnection)
#include "tst_teamconnection.moc"
