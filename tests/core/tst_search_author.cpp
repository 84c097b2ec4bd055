// author: in search (issue 13): what one person annotated — paragraphs they tagged, highlighted or noted, articles
// they tagged, their notes' text — alone and with words, the authors the library knows, an unknown name; on both
// engines (a team library records the login, so the second author is written as a copy of a library would).
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/authorship.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestSearchAuthor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void authorAlone_listsWhatTheyAnnotated();
    void authorWithWords_narrowsToTheirParagraphs();
    void authorInNotes_theirNotesOnly();
    void unknownAuthor_saysSoAndNamesTheKnown();
    void authorWithTag_bothMustHold();

private:
    /// Who the library records for this test's writes: the library user on SQLite, the login on PostgreSQL.
    QString me() const
    {
        return test::onPostgres() ? sql::scalar(m_library->database(), u"SELECT current_user"_s).toString() : u"rita"_s;
    }
    /// Records `table`'s row `id` as made by `name`, as a copy of a library writes it (the server otherwise writes
    /// the login's name).
    void setAuthor(const QString &table, qint64 id, const QString &name);
    QSet<qint64> blocksOf(const SearchResult &result) const;

    test::TemporaryLibrary m_library;
    QList<qint64> m_blocks; // the sample issue's first paragraphs, of two articles
    qint64 m_otherArticle = 0;
};

void TestSearchAuthor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSearchAuthor::init()
{
    authorship::setUserName(u"rita"_s);
    QVERIFY(m_library.create());
    QVERIFY(test::importSampleIssue(*m_library));
    QSqlQuery query(m_library->database());
    // Three paragraphs of the first article and the first paragraph of another.
    QVERIFY(query.exec(u"SELECT b.id FROM blocks b JOIN articles a ON a.id = b.article_id WHERE a.id = (SELECT min(id) "
                       "FROM articles) AND length(b.text) > 10 ORDER BY b.position LIMIT 3"_s));
    while (query.next())
        m_blocks.append(query.value(0).toLongLong());
    QCOMPARE(m_blocks.size(), 3);
    m_otherArticle = sql::scalar(m_library->database(), u"SELECT max(article_id) FROM blocks WHERE length(text) > 10"_s)
                         .toLongLong();
    QVERIFY(m_otherArticle > 0);

    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const Result<Tag> tag = tags.create(u"经济"_s);
    QVERIFY(tag);
    // me: a highlight in the first paragraph, a tag on the second; sam: a note on the third.
    QVERIFY(annotations.addHighlight(m_blocks[0], 0, 2));
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, m_blocks[1]).valueOr(false));
    const Result<qint64> note = annotations.addNote(m_blocks[2], 0, u"会议纪要，要再读"_s);
    QVERIFY(note);
    setAuthor(u"notes"_s, *note, u"sam"_s);
}

void TestSearchAuthor::cleanup()
{
    m_library.reset();
    m_blocks.clear();
    authorship::setUserName(QString());
}

void TestSearchAuthor::setAuthor(const QString &table, qint64 id, const QString &name)
{
    QSqlDatabase db = m_library->database();
    QVERIFY(db.transaction());
    if (test::onPostgres()) {
        QSqlQuery copying(db);
        QVERIFY2(copying.exec(u"SET LOCAL dubao.copy = 'on'"_s), qPrintable(copying.lastError().text()));
    }
    QVERIFY(sql::exec(db, u"UPDATE %1 SET created_by = ? WHERE id = ?"_s.arg(table), {name, id}));
    QVERIFY(db.commit());
}

QSet<qint64> TestSearchAuthor::blocksOf(const SearchResult &result) const
{
    QSet<qint64> blocks;
    for (const SearchHit &hit : result.hits)
        blocks.insert(hit.blockId);
    return blocks;
}

void TestSearchAuthor::authorAlone_listsWhatTheyAnnotated()
{
    SearchService service(*m_library);
    const SearchResult mine = service.search(u"author:"_s + me(), {SearchOrder::Oldest, 0, 20});
    QVERIFY2(mine.ok(), qPrintable(mine.error));
    QCOMPARE(mine.total, 2);
    QCOMPARE(blocksOf(mine), (QSet<qint64>{m_blocks[0], m_blocks[1]}));
    // The highlight is what the hit marks; the tagged paragraph has no range to mark.
    for (const SearchHit &hit : mine.hits) {
        if (hit.blockId == m_blocks[0])
            QCOMPARE(hit.matches, (QList<TextRange>{{0, 2}}));
        else
            QVERIFY(hit.matches.isEmpty());
    }
    const SearchResult sams = service.search(u"author:SAM"_s); // ASCII case folded, as tag names
    QVERIFY2(sams.ok(), qPrintable(sams.error));
    QCOMPARE(blocksOf(sams), QSet<qint64>{m_blocks[2]});

    // An article someone tagged: its first paragraph, as tag: alone lists it.
    const Result<Tag> tag = TagRepository(*m_library).create(u"人物"_s);
    QVERIFY(tag);
    QVERIFY(TagRepository(*m_library).addTagging(TagTarget::Article, tag->id, m_otherArticle).valueOr(false));
    const qint64 first =
        sql::scalar(m_library->database(), u"SELECT id FROM blocks WHERE article_id = ? ORDER BY position LIMIT 1"_s,
                    {m_otherArticle})
            .toLongLong();
    const SearchResult withArticle = service.search(u"author:"_s + me(), {SearchOrder::Newest, 0, 20});
    QCOMPARE(blocksOf(withArticle), (QSet<qint64>{m_blocks[0], m_blocks[1], first}));
    QCOMPARE(service.count(QueryParser::parse(QString(u"author:"_s + me()))).valueOr(-1), 3);
    QCOMPARE(service.search(u"author:sam to:1900-01-01"_s).total, 0); // the other filters narrow it
}

void TestSearchAuthor::authorWithWords_narrowsToTheirParagraphs()
{
    SearchService service(*m_library);
    const QString text = sql::scalar(m_library->database(), u"SELECT text FROM blocks WHERE id = ?"_s, {m_blocks[0]})
                             .toString()
                             .simplified()
                             .remove(u' ');
    const QString word = text.left(2);
    const SearchResult all = service.search(word, {SearchOrder::Newest, 0, 500});
    QVERIFY(blocksOf(all).contains(m_blocks[0]));
    const SearchResult mine = service.search(word + u" author:"_s + me(), {SearchOrder::Newest, 0, 500});
    QVERIFY2(mine.ok(), qPrintable(mine.error));
    QVERIFY(blocksOf(mine).contains(m_blocks[0]));
    QVERIFY(blocksOf(mine).size() < blocksOf(all).size() || all.total <= 2);
    for (const qint64 block : blocksOf(mine))
        QVERIFY(block == m_blocks[0] || block == m_blocks[1]);
    const SearchResult sams = service.search(word + u" author:sam"_s, {SearchOrder::Newest, 0, 500});
    QVERIFY2(sams.ok(), qPrintable(sams.error));
    QVERIFY(!blocksOf(sams).contains(m_blocks[0]));
    for (const qint64 block : blocksOf(sams))
        QCOMPARE(block, m_blocks[2]);
    // The same restriction on headlines: the articles with something they annotated.
    const QString title =
        sql::scalar(m_library->database(), u"SELECT title FROM articles WHERE id = ?"_s, {m_otherArticle}).toString();
    if (title.size() >= 2) {
        const QString titleQuery = u"title:\"%1\""_s.arg(title.left(2));
        QVERIFY(service.search(titleQuery).total >= 1);
        QCOMPARE(service.search(titleQuery + u" author:sam"_s).total,
                 service.search(titleQuery + u" author:sam"_s).hits.size());
    }
}

void TestSearchAuthor::authorInNotes_theirNotesOnly()
{
    SearchService service(*m_library);
    const SearchResult sams = service.search(u"in:notes 纪要 author:sam"_s);
    QVERIFY2(sams.ok(), qPrintable(sams.error));
    QCOMPARE(sams.total, 1);
    QCOMPARE(sams.hits.value(0).kind, SearchHit::Kind::Note);
    QCOMPARE(sams.hits.value(0).text, u"会议纪要，要再读"_s);
    const SearchResult mine = service.search(u"in:notes 纪要 author:"_s + me());
    QVERIFY2(mine.ok(), qPrintable(mine.error));
    QCOMPARE(mine.total, 0);
}

void TestSearchAuthor::unknownAuthor_saysSoAndNamesTheKnown()
{
    SearchService service(*m_library);
    const Result<QStringList> authors = service.authors();
    QVERIFY(authors);
    QStringList expected{me(), u"sam"_s};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(*authors, expected);

    const SearchResult unknown = service.search(u"author:nobody"_s);
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error.contains(u"author:nobody"_s) && unknown.error.contains(u"sam"_s), qPrintable(unknown.error));
    QVERIFY(!service.count(QueryParser::parse(u"会 author:nobody"_s)));

    const SearchQuery empty = QueryParser::parse(u"author:"_s);
    QVERIFY(!empty.isValid());
    QVERIFY(empty.error.contains(u"author: needs a value"_s));
}

void TestSearchAuthor::authorWithTag_bothMustHold()
{
    SearchService service(*m_library);
    // Only the second paragraph is tagged 经济; the author's highlight is in the first.
    const SearchResult both = service.search(u"tag:经济 author:"_s + me());
    QVERIFY2(both.ok(), qPrintable(both.error));
    QCOMPARE(blocksOf(both), QSet<qint64>{m_blocks[1]});
    QCOMPARE(service.search(u"tag:经济 author:sam"_s).total, 0);
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestSearchAuthor, {})
#include "tst_search_author.moc"
