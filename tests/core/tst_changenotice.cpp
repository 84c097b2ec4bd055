// A team library's change notices (issue 13, core/store/changenotice.h): every committed write sends one
// pg_notify on 'dubao_changes' from the store's commit seam, naming what changed, the articles and issues it
// touched, the sender's backend and user; a rolled-back transaction sends nothing; a ChangeListener on another
// connection receives them, skips its own library's, and subscribes again after its connection was terminated.
#include "core/store/annotationrepository.h"
#include "core/store/changelistener.h"
#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestChangeNotice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void noteAdded_oneNotice_namesKindArticleIssuePidUser();
    void insideAnOuterTransaction_savepointRowsFound_oneNoticeAtTheEnd();
    void rolledBack_sendsNothing();
    void tagged_deleted_edited_sayWhatTheyCan();
    void deletions_nameTheirArticleAndRow_evenUndeclared();
    void import_namesTheIssue();
    void ownLibrarysNotice_notEmitted();
    void listenerTerminated_subscribesAgain_seesLaterChanges();
    void payload_roundTrips();

private:
    /// A second client of the same database, with its own library connection.
    std::unique_ptr<Library> openClient()
    {
        auto library = std::make_unique<Library>();
        const Result<void> opened = library->open(m_server->url(m_db));
        return opened ? std::move(library) : nullptr;
    }

    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    std::unique_ptr<Library> m_writer; // the colleague
    std::unique_ptr<Library> m_reader; // this window's library
    std::unique_ptr<ChangeListener> m_listener;
    std::unique_ptr<QSignalSpy> m_spy;
    qint64 m_issue = 0;
    qint64 m_block = 0;
    qint64 m_article = 0;
};

void TestChangeNotice::initTestCase()
{
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"notice"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    std::unique_ptr<Library> owner = openClient();
    QVERIFY(owner);
    const std::optional<StoredIssue> issue = test::importSampleIssue(*owner);
    QVERIFY(issue);
    m_issue = issue->id;
    m_block = sql::scalar(owner->database(), u"SELECT min(id) FROM blocks"_s).toLongLong();
    m_article = sql::scalar(owner->database(), u"SELECT article_id FROM blocks WHERE id = ?"_s, {m_block}).toLongLong();
    QVERIFY(m_block > 0 && m_article > 0);
}

void TestChangeNotice::cleanupTestCase()
{
    m_server.reset();
}

void TestChangeNotice::init()
{
    m_writer = openClient();
    QVERIFY(m_writer);
    m_reader = openClient();
    QVERIFY(m_reader);
    m_listener = std::make_unique<ChangeListener>();
    const Result<void> listening = m_listener->listen(*m_reader);
    QVERIFY2(listening, qPrintable(listening.error().message()));
    m_spy = std::make_unique<QSignalSpy>(m_listener.get(), &ChangeListener::changed);
}

void TestChangeNotice::cleanup()
{
    m_spy.reset();
    m_listener.reset();
    m_reader.reset();
    m_writer.reset();
}

static changes::ChangeNotice noticeAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<changes::ChangeNotice>();
}

void TestChangeNotice::noteAdded_oneNotice_namesKindArticleIssuePidUser()
{
    QVERIFY(AnnotationRepository(*m_writer).addNote(m_block, 0, u"from a colleague"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 1, 1000);
    const changes::ChangeNotice notice = noticeAt(*m_spy, 0);
    QCOMPARE(notice.kinds, QStringList{u"note"_s}); // (the search index's rows written with it are not a kind)
    QCOMPARE(notice.added, QStringList{u"note"_s});
    QCOMPARE(notice.articleIds, QList<qint64>{m_article});
    QVERIFY(!notice.manyArticles);
    QCOMPARE(notice.issueIds, QList<qint64>{m_issue});
    QCOMPARE(notice.pid, dialect::backendPid(m_writer->database()));
    QCOMPARE(notice.user, test::PgServer::superuser());
    QVERIFY(notice.touchesArticle(m_article));
    QVERIFY(!notice.touchesArticle(m_article + 1000));
    QTest::qWait(200);
    QCOMPARE(m_spy->size(), 1); // one commit, one notice
}

void TestChangeNotice::insideAnOuterTransaction_savepointRowsFound_oneNoticeAtTheEnd()
{
    {
        sql::WriteScope outer(m_writer->database());
        QVERIFY(outer.isActive());
        AnnotationRepository annotations(*m_writer);
        QVERIFY(annotations.addHighlight(m_block, 0, 2)); // a savepoint each: rows with subtransaction xmins
        QVERIFY(annotations.addNote(m_block, 0, u"inside"_s));
        QTest::qWait(200);
        QCOMPARE(m_spy->size(), 0); // nothing before the commit
        QVERIFY(outer.commit());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 1, 1000);
    const changes::ChangeNotice notice = noticeAt(*m_spy, 0);
    QCOMPARE(QSet<QString>(notice.kinds.begin(), notice.kinds.end()), (QSet<QString>{u"note"_s, u"highlight"_s}));
    QCOMPARE(notice.articleIds, QList<qint64>{m_article});
}

void TestChangeNotice::rolledBack_sendsNothing()
{
    {
        sql::WriteScope scope(m_writer->database());
        QVERIFY(AnnotationRepository(*m_writer).addNote(m_block, 0, u"never committed"_s));
    } // rolled back
    QVERIFY(TagRepository(*m_writer).create(u"after the rollback"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 1, 1000);
    QCOMPARE(noticeAt(*m_spy, 0).kinds, QStringList{u"tag"_s}); // the first notice is the tag's
    QTest::qWait(200);
    QCOMPARE(m_spy->size(), 1);
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM notes WHERE text = 'never committed'"_s).valueOr({}), u"0"_s);
}

void TestChangeNotice::tagged_deleted_edited_sayWhatTheyCan()
{
    TagRepository tags(*m_writer);
    const Result<Tag> tag = tags.create(u"economy"_s);
    QVERIFY(tag);
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, m_article));
    AnnotationRepository annotations(*m_writer);
    const Result<qint64> note = annotations.addNote(m_block, 0, u"to delete"_s);
    QVERIFY(note);
    QVERIFY(annotations.removeNote(*note));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 4, 2000);
    QCOMPARE(noticeAt(*m_spy, 0).kinds, QStringList{u"tag"_s}); // the tag made: no article
    QVERIFY(noticeAt(*m_spy, 0).articleIds.isEmpty() && !noticeAt(*m_spy, 0).manyArticles);
    QCOMPARE(noticeAt(*m_spy, 1).kinds, QStringList{u"tag"_s});
    QCOMPARE(noticeAt(*m_spy, 1).articleIds, QList<qint64>{m_article});
    QCOMPARE(noticeAt(*m_spy, 1).issueIds, QList<qint64>{m_issue});
    const changes::ChangeNotice removed = noticeAt(*m_spy, 3);
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, m_block).valueOr(false)); // a paragraph's tag: its article
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 5, 1000);
    QCOMPARE(noticeAt(*m_spy, 4).articleIds, QList<qint64>{m_article});
    QCOMPARE(noticeAt(*m_spy, 4).issueIds, QList<qint64>{m_issue});
    QVERIFY(removed.has(u"note"_s));
    QVERIFY(removed.added.isEmpty());
    QCOMPARE(removed.deleted, QStringList{u"note"_s});
    QVERIFY(!removed.manyArticles); // the repository declared the deleted note's article
    QCOMPARE(removed.articleIds, QList<qint64>{m_article});
    QCOMPARE(removed.issueIds, QList<qint64>{m_issue});
    QVERIFY(removed.touchesArticle(m_article));
    QVERIFY(!removed.touchesArticle(m_article + 1000));
}

void TestChangeNotice::deletions_nameTheirArticleAndRow_evenUndeclared()
{
    TagRepository tags(*m_writer);
    const Result<Tag> tag = tags.create(u"to take off"_s);
    QVERIFY(tag);
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, m_article));
    AnnotationRepository annotations(*m_writer);
    const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2);
    QVERIFY(highlight);
    QVERIFY(tags.addTagging(TagTarget::Highlight, tag->id, *highlight));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 4, 2000);
    m_spy->clear();
    QVERIFY(tags.removeTagging(TagTarget::Article, tag->id, m_article).valueOr(false));
    QVERIFY(annotations.removeHighlight(*highlight)); // with its tagging
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 2, 2000);
    for (const auto &[index, kind] : {std::pair{0, u"tag"_s}, std::pair{1, u"highlight"_s}}) {
        const changes::ChangeNotice notice = noticeAt(*m_spy, index);
        QVERIFY2(notice.deleted.contains(kind), notice.toJson().constData());
        QVERIFY2(!notice.manyArticles, notice.toJson().constData());
        QCOMPARE(notice.articleIds, QList<qint64>{m_article});
        QCOMPARE(notice.issueIds, QList<qint64>{m_issue});
    }
    // Each deleted row is named with its article, as the server recorded it (schema v21).
    const QList<changes::DeletedRow> untagged = noticeAt(*m_spy, 0).deletedRows;
    QCOMPARE(untagged.size(), 1);
    QCOMPARE(untagged.front().kind, u"tag"_s);
    QCOMPARE(untagged.front().table, u"article_tags"_s);
    QCOMPARE(untagged.front().id, tag->id);
    QCOMPARE(untagged.front().article, m_article);
    QStringList tables;
    for (const changes::DeletedRow &row : noticeAt(*m_spy, 1).deletedRows) {
        tables.append(row.table);
        QCOMPARE(row.article, m_article);
    }
    tables.sort();
    QCOMPARE(tables, (QStringList{u"highlight_tags"_s, u"highlights"_s}));
    // A deletion nobody declared (here raw SQL behind the repository's back, as a cascade or another program would):
    // named all the same, from the server's record (it said "many" before v21).
    const Result<qint64> note = annotations.addNote(m_block, 0, u"deleted behind the repository's back"_s);
    QVERIFY(note);
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 3, 2000);
    {
        sql::WriteScope scope(m_writer->database());
        QVERIFY(sql::exec(m_writer->database(), u"DELETE FROM notes WHERE id = ?"_s, {*note}));
        QVERIFY(scope.commit());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 4, 2000);
    const changes::ChangeNotice behindItsBack = noticeAt(*m_spy, 3);
    QVERIFY2(!behindItsBack.manyArticles, behindItsBack.toJson().constData());
    QCOMPARE(behindItsBack.deleted, QStringList{u"note"_s});
    QCOMPARE(behindItsBack.articleIds, QList<qint64>{m_article});
    QCOMPARE(behindItsBack.issueIds, QList<qint64>{m_issue});
    QCOMPARE(behindItsBack.deletedRows.size(), 1);
    QCOMPARE(behindItsBack.deletedRows.front().id, *note);
    QCOMPARE(behindItsBack.deletedRows.front().kind, u"note"_s);
    // The record keeps nothing once announced.
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM change_deletions"_s).valueOr({}), u"0"_s);
}

void TestChangeNotice::import_namesTheIssue()
{
    // The sample issue again under another name would be the same bytes (skipped): replace a word of it.
    QTemporaryDir dir;
    QFile in(test::sampleIssuePath());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    bytes.append("\n\nA paragraph added for the notice test.\n");
    QFile out(dir.filePath(u"other-issue.txt"_s));
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
    out.close();
    const ImportReport report = Importer(*m_writer).importPaths({out.fileName()});
    QCOMPARE(report.imported.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_spy->isEmpty(), 2000);
    const changes::ChangeNotice notice = noticeAt(*m_spy, m_spy->size() - 1);
    QVERIFY(notice.has(u"issue"_s));
    QVERIFY(notice.added.contains(u"issue"_s));
    QVERIFY(notice.issueIds.contains(report.imported.front().issueId));
    QVERIFY(notice.manyArticles);
}

void TestChangeNotice::ownLibrarysNotice_notEmitted()
{
    QVERIFY(AnnotationRepository(*m_reader).addNote(m_block, 0, u"my own"_s));
    QVERIFY(AnnotationRepository(*m_writer).addNote(m_block, 0, u"theirs"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 1, 1000);
    QCOMPARE(noticeAt(*m_spy, 0).pid, dialect::backendPid(m_writer->database()));
    QTest::qWait(200);
    QCOMPARE(m_spy->size(), 1);
}

void TestChangeNotice::listenerTerminated_subscribesAgain_seesLaterChanges()
{
    m_listener->setCheckInterval(100);
    QSignalSpy reconnected(m_listener.get(), &ChangeListener::reconnected);
    const qint64 before = m_listener->listenerPid();
    QVERIFY(before > 0);
    QCOMPARE(m_server->psql(m_db, u"SELECT pg_terminate_backend(%1)"_s.arg(before)).valueOr({}), u"t"_s);
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 3000);
    QVERIFY(m_listener->isListening());
    QVERIFY(m_listener->listenerPid() != before);
    QVERIFY(AnnotationRepository(*m_writer).addNote(m_block, 0, u"after the loss"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_spy->size(), 1, 1000);
}

void TestChangeNotice::payload_roundTrips()
{
    changes::ChangeNotice notice;
    notice.kinds = {u"note"_s, u"tag"_s};
    notice.added = {u"note"_s};
    notice.deleted = {u"tag"_s};
    notice.articleIds = {3, 40};
    notice.manyIssues = true;
    notice.pid = 77;
    notice.user = u"rita"_s;
    const QByteArray json = notice.toJson();
    QVERIFY(json.size() < 200);
    QVERIFY(json.contains("\"issues\":\"many\""));
    const changes::ChangeNotice back = changes::ChangeNotice::fromJson(json);
    QCOMPARE(back.kinds, notice.kinds);
    QCOMPARE(back.added, notice.added);
    QCOMPARE(back.deleted, notice.deleted);
    QCOMPARE(back.articleIds, notice.articleIds);
    QVERIFY(back.manyIssues && !back.manyArticles);
    QCOMPARE(back.pid, 77);
    QCOMPARE(back.user, u"rita"_s);
    QVERIFY(!changes::ChangeNotice::fromJson("not json").isValid());
}

QTEST_GUILESS_MAIN(TestChangeNotice)
#include "tst_changenotice.moc"
