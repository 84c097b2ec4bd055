// Search on the real corpus: hit counts against a brute-force scan of the cleaned text done here, the index
// kept in step with deletes, re-imports, edits and notes, ordering, paging, filters, highlighting, rebuild.
#include "core/ingest/importer.h"
#include "core/parse/issuefile.h"
#include "core/search/matchhighlighter.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/text/chinesetext.h"
#include "tests/support/sampleissue.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

bool exec(Library &library, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(library.database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

/// FTS5's own consistency check of the paragraph and headline indexes.
bool checkIndex(Library &library)
{
    return exec(library, u"INSERT INTO search_blocks (search_blocks, rank) VALUES ('integrity-check', 0)"_s) &&
           exec(library, u"INSERT INTO search_articles (search_articles, rank) VALUES ('integrity-check', 0)"_s);
}

QString squeeze(const QString &s)
{
    return text::removeSpaces(text::foldToSimplified(s));
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    Library m_library;
    QHash<qint64, QString> m_blocks; // block id → cleaned text, read back from the library

    // The brute force: paragraphs whose text, folded and without whitespace, contains the term.
    qint64 bruteForce(const QString &term) const
    {
        const QString needle = squeeze(term);
        qint64 n = 0;
        for (const QString &text : m_blocks)
            n += squeeze(text).contains(needle) ? 1 : 0;
        return n;
    }

    void loadBlocks()
    {
        m_blocks.clear();
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(QStringLiteral("SELECT id, text FROM blocks")));
        while (q.next())
            m_blocks.insert(q.value(0).toLongLong(), q.value(1).toString());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("library.sqlite"));
        QVERIFY(m_library.open(m_path));
        const ImportReport report = Importer(m_library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)});
        QVERIFY(report.allOk());
        QCOMPARE(report.imported.size(), 5);
        loadBlocks();
        QVERIFY(m_blocks.size() > 50);
        QVERIFY(!SearchIndex::needsRebuild(m_library));
    }

    void count_matchesBruteForce_data()
    {
        QTest::addColumn<QString>("term");
        const QStringList terms{u"永川"_s,       u"会议"_s,         u"常委会"_s,       u"高质量发展"_s,
                                u"會議"_s,       u"永"_s,           u"会"_s,           u"的"_s,
                                u"区委"_s,       u"书记"_s,         u"制造业"_s,       u"推动制造业高质量发展"_s,
                                u"习近平"_s,     u"习近平总书记"_s, u"人大"_s,         u"发展"_s,
                                u"产业"_s,       u"泸永江"_s,       u"重庆"_s,         u"成渝"_s,
                                u"市域副中心"_s, u"建设"_s,         u"高质量"_s,       u"中心城市"_s,
                                u"共赢"_s,       u"共贏"_s,         u"國家"_s,         u"張智奎"_s,
                                u"要"_s,         u"工作"_s,         u"全面"_s,         u"坚持"_s,
                                u"党委书记"_s,   u"镇党委书记"_s,   u"区政府副区长"_s, u"不存在的词语"_s,
                                u"永川 区"_s,    u"2023年"_s,       u"12月"_s};
        for (const QString &t : terms)
            QTest::newRow(qPrintable(t)) << t;
    }

    void count_matchesBruteForce()
    {
        QFETCH(QString, term);
        SearchService service(m_library);
        // Quoted: one phrase (an unquoted "永川 区" is two words).
        const SearchResult result = service.search(u'"' + term + u'"', {SearchOrder::Relevance, 0, 50});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.total, bruteForce(term));
        for (const SearchHit &hit : result.hits) {
            // Every hit has its matches, each covering the whole term, last character included.
            QVERIFY2(!hit.matches.isEmpty(), qPrintable(hit.text));
            for (const TextRange &r : hit.matches)
                QVERIFY(squeeze(hit.text.mid(r.start, r.length)).contains(squeeze(term)));
            QVERIFY(!hit.snippet.ranges.isEmpty());
        }
    }

    void count_allSubstringsOfAParagraph_matchBruteForce()
    {
        // Many terms of lengths 1-6 cut from the corpus itself, so most have hits.
        SearchService service(m_library);
        QList<qint64> ids = m_blocks.keys();
        std::sort(ids.begin(), ids.end());
        int checked = 0;
        for (qsizetype b = 0; b < ids.size() && checked < 150; b += 7) {
            const QString text = m_blocks.value(ids[b]);
            for (int length = 1; length <= 6; ++length) {
                for (qsizetype at = length; at + length <= text.size() && at < 30; at += 4) {
                    const QString term = text.mid(at, length);
                    if (!std::all_of(term.begin(), term.end(), [](QChar c) { return text::isHan(c); }))
                        continue;
                    const SearchResult result = service.search(u'"' + term + u'"', {SearchOrder::Newest, 0, 0});
                    QVERIFY2(result.ok(), qPrintable(result.error));
                    QVERIFY2(result.total == bruteForce(term), qPrintable(term));
                    ++checked;
                }
            }
        }
        QVERIFY(checked >= 100);
    }

    void ocrSpacedText_isFound()
    {
        // Cleaned text has no OCR spaces left between Chinese characters; put one in by hand.
        const qint64 blockId = m_blocks.keys().first();
        const QString before = m_blocks.value(blockId);
        QVERIFY(exec(m_library, u"UPDATE blocks SET text = ? WHERE id = ?"_s, {u"测试 段落里的永 川区"_s, blockId}));
        SearchService service(m_library);
        const SearchResult result = service.search(u"\"永川区\" 段落"_s);
        QCOMPARE(result.total, 1);
        QCOMPARE(result.hits.front().blockId, blockId);
        QCOMPARE(result.hits.front().matches.size(), 2);
        QCOMPARE(result.hits.front().matches.back(), (TextRange{7, 4})); // 永 川区, space included
        QVERIFY(exec(m_library, u"UPDATE blocks SET text = ? WHERE id = ?"_s, {before, blockId}));
        QCOMPARE(service.search(u"\"测试 段落里\""_s).total, 0);
    }

    void highlighter_coversLastCjkCharacter()
    {
        SearchService service(m_library);
        const SearchResult result = service.search(u"常委会"_s, {SearchOrder::Newest, 0, 100});
        QVERIFY(result.total > 0);
        for (const SearchHit &hit : result.hits) {
            for (const TextRange &r : hit.matches)
                QCOMPARE(hit.text.mid(r.start, r.length), u"常委会"_s); // not 常委
            const QString marked = hit.snippet.markedUp(u"[", u"]");
            QVERIFY2(marked.contains(u"[常委会]"_s), qPrintable(marked));
        }
    }

    void orderings_newestOldestRelevance_andPaging()
    {
        SearchService service(m_library);
        const SearchResult newest = service.search(u"发展"_s, {SearchOrder::Newest, 0, 1000});
        QVERIFY(newest.total > 20);
        QCOMPARE(newest.hits.size(), newest.total);
        for (qsizetype k = 1; k < newest.hits.size(); ++k)
            QVERIFY(newest.hits[k - 1].date >= newest.hits[k].date || !newest.hits[k].date.isValid());
        const SearchResult oldest = service.search(u"发展"_s, {SearchOrder::Oldest, 0, 1000});
        QCOMPARE(oldest.hits.size(), newest.hits.size());
        QCOMPARE(oldest.hits.front().blockId, newest.hits.back().blockId);
        // Paging gives the same sequence as one big page.
        const SearchResult relevance = service.search(u"发展"_s, {SearchOrder::Relevance, 0, 1000});
        QList<qint64> paged;
        for (int offset = 0; offset < relevance.total; offset += 7) {
            const SearchResult page = service.search(u"发展"_s, {SearchOrder::Relevance, offset, 7});
            for (const SearchHit &hit : page.hits)
                paged.append(hit.blockId);
        }
        QList<qint64> whole;
        for (const SearchHit &hit : relevance.hits)
            whole.append(hit.blockId);
        QCOMPARE(paged, whole);
        QVERIFY(whole != QList<qint64>([&] {
                    QList<qint64> ids;
                    for (const SearchHit &h : newest.hits)
                        ids.append(h.blockId);
                    return ids;
                }()));
    }

    void operators_orNotPhrase()
    {
        SearchService service(m_library);
        const qint64 a = service.search(u"永川"_s).total;
        const qint64 b = service.search(u"重庆"_s).total;
        const qint64 both = service.search(u"永川 重庆"_s).total;
        const qint64 either = service.search(u"永川 OR 重庆"_s).total;
        const qint64 aNotB = service.search(u"永川 -重庆"_s).total;
        QCOMPARE(either, a + b - both);
        QCOMPARE(aNotB, a - both);
        QCOMPARE(service.search(u"永川 NOT 重庆"_s).total, aNotB);
        QCOMPARE(service.search(u"\"永川\" \"重庆\""_s).total, both);
    }

    void filters_dateTitleReporterPublication()
    {
        SearchService service(m_library);
        const SearchResult all = service.search(u"发展"_s, {SearchOrder::Newest, 0, 1000});
        const QDate pivot = all.hits.at(all.hits.size() / 2).date;
        QVERIFY(pivot.isValid());
        qint64 fromCount = 0, toCount = 0;
        for (const SearchHit &h : all.hits) {
            fromCount += h.date.isValid() && h.date >= pivot;
            toCount += h.date.isValid() && h.date <= pivot;
        }
        const QString p = pivot.toString(Qt::ISODate);
        QCOMPARE(service.search(u"发展 from:"_s + p).total, fromCount);
        QCOMPARE(service.search(u"发展 to:"_s + p).total, toCount);

        const SearchResult titled = service.search(u"发展 title:常委会"_s, {SearchOrder::Newest, 0, 100});
        QVERIFY(titled.total > 0 && titled.total < all.total);
        for (const SearchHit &h : titled.hits)
            QCOMPARE(!h.titleMatches.isEmpty(), h.articleTitle.contains(u"常委会"_s));
        const SearchResult headlines = service.search(u"title:常委会"_s);
        QVERIFY(headlines.total > 0);
        QCOMPARE(headlines.hits.front().kind, SearchHit::Kind::Headline);
        QVERIFY(!headlines.hits.front().matches.isEmpty());

        const SearchResult byReporter = service.search(u"永川 reporter:彭禹乔"_s);
        QVERIFY2(byReporter.ok(), qPrintable(byReporter.error));
        QVERIFY(byReporter.total > 0 && byReporter.total < service.search(u"永川"_s).total);
        QCOMPARE(service.search(u"永川 reporter:没有这个人"_s).total, 0);
        const qint64 named = scalar(m_library, u"SELECT count(*) FROM blocks b JOIN articles a ON a.id = b.article_id "
                                               "JOIN issues i ON i.id = a.issue_id JOIN publications p "
                                               "ON p.id = i.publication_id WHERE p.name LIKE '%西都市%' "
                                               "AND b.text LIKE '%永川%'"_s);
        QVERIFY(named > 0);
        QCOMPARE(service.search(u"永川 publication:西都市"_s).total, named);
        QCOMPARE(service.search(u"永川 publication:人民日报"_s).total, 0);
    }

    void tags_filterArticlesAndParagraphs()
    {
        const qint64 articleId = scalar(m_library, u"SELECT article_id FROM blocks WHERE text LIKE '%永川%' LIMIT 1"_s);
        QVERIFY(exec(
            m_library,
            u"INSERT INTO tags (id, name, parent_id, color, created_at) VALUES (1, '经济', NULL, '#FF0000', '')"_s));
        QVERIFY(
            exec(m_library,
                 u"INSERT INTO tags (id, name, parent_id, color, created_at) VALUES (2, '制造', 1, '#00FF00', '')"_s));
        QVERIFY(exec(m_library, u"INSERT INTO article_tags (article_id, tag_id, created_at) VALUES (?, 2, '')"_s,
                     {articleId}));
        SearchService service(m_library);
        const qint64 inArticle = scalar(
            m_library, u"SELECT count(*) FROM blocks WHERE article_id = %1 AND text LIKE '%%永川%%'"_s.arg(articleId));
        QCOMPARE(service.search(u"永川 tag:制造"_s).total, inArticle);
        QCOMPARE(service.search(u"永川 tag:经济"_s).total, inArticle); // the parent tag includes its children
        QCOMPARE(service.search(u"永川 tag:其他"_s).total, 0);
        QVERIFY(exec(m_library, u"DELETE FROM article_tags"_s));
        QVERIFY(exec(m_library, u"DELETE FROM tags"_s));
    }

    void tagAlone_listsTaggedParagraphsHighlightsAndArticles()
    {
        // Three articles: one paragraph tagged 政法, a highlight tagged with its child 法院 in another article,
        // and a third article tagged 政法 as a whole; an untagged highlight beside them.
        QList<qint64> articles;
        QSqlQuery q(m_library.database());
        QVERIFY(
            q.exec(u"SELECT id FROM articles WHERE (SELECT count(*) FROM blocks WHERE article_id = articles.id) > 2 "
                   "ORDER BY id LIMIT 3"_s));
        while (q.next())
            articles.append(q.value(0).toLongLong());
        QCOMPARE(articles.size(), 3);
        auto blockOf = [&](qint64 article, int position) {
            return scalar(
                m_library,
                u"SELECT id FROM blocks WHERE article_id = %1 ORDER BY position LIMIT 1 OFFSET %2"_s.arg(article).arg(
                    position));
        };
        const qint64 tagged = blockOf(articles[0], 1);
        const qint64 highlighted = blockOf(articles[1], 2);
        const qint64 lead = blockOf(articles[2], 0);
        QVERIFY(exec(m_library, u"INSERT INTO tags (id, name, parent_id, color, created_at) VALUES "
                                "(11, '政法', NULL, '#FF0000', ''), (12, '法院', 11, '#00FF00', ''), "
                                "(13, '其他', NULL, '#0000FF', '')"_s));
        QVERIFY(
            exec(m_library, u"INSERT INTO block_tags (block_id, tag_id, created_at) VALUES (?, 11, '')"_s, {tagged}));
        QVERIFY(exec(m_library, u"INSERT INTO article_tags (article_id, tag_id, created_at) VALUES (?, 11, '')"_s,
                     {articles[2]}));
        for (const auto &[start, end, tag] : {std::tuple{2, 5, 12}, std::tuple{4, 7, 12}, std::tuple{9, 11, 13}}) {
            QVERIFY(exec(m_library,
                         u"INSERT INTO highlights (block_id, start, \"end\", quote, created_at, modified_at) "
                         "VALUES (?, ?, ?, '', '', '')"_s,
                         {highlighted, start, end}));
            QVERIFY(exec(m_library, u"INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)"_s,
                         {scalar(m_library, u"SELECT max(id) FROM highlights"_s), tag}));
        }

        SearchService service(m_library);
        SearchResult result = service.search(u"tag:政法"_s, {SearchOrder::Oldest, 0, 20});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.total, 3);
        QHash<qint64, SearchHit> hits;
        for (const SearchHit &hit : std::as_const(result.hits))
            hits.insert(hit.blockId, hit);
        QCOMPARE(QSet<qint64>(hits.keyBegin(), hits.keyEnd()), (QSet<qint64>{tagged, highlighted, lead}));
        // The tagged highlights are what the hit marks (the two that overlap as one range, not the untagged one).
        QCOMPARE(hits[highlighted].matches, (QList<TextRange>{{2, 5}}));
        QVERIFY(hits[tagged].matches.isEmpty());
        QCOMPARE(hits[lead].articleId, articles[2]);

        // The child tag lists only its highlight; filters narrow; an unknown tag lists nothing, without an error.
        QCOMPARE(service.search(u"tag:法院"_s).total, 1);
        QCOMPARE(service.search(u"tag:政法/法院"_s).total, 1);
        QCOMPARE(service.search(u"tag:政法 tag:法院"_s).total, 1);
        QCOMPARE(service.search(u"tag:其他"_s).total, 1);
        QCOMPARE(service.search(u"tag:政法 to:1900-01-01"_s).total, 0);
        const SearchResult none = service.search(u"tag:没有"_s);
        QVERIFY2(none.ok(), qPrintable(none.error));
        QCOMPARE(none.total, 0);
        for (SearchOrder order : {SearchOrder::Relevance, SearchOrder::Newest})
            QCOMPARE(service.search(u"tag:政法"_s, {order, 0, 20}).hits.size(), 3);
        QCOMPARE(*service.count(QueryParser::parse(u"tag:政法"_s)), 3);
        const Result<QMap<qint64, qint64>> days = service.countByDay(QueryParser::parse(u"tag:政法"_s));
        QVERIFY(days.ok());
        qint64 byDay = 0;
        for (const qint64 n : *days)
            byDay += n;
        QCOMPARE(byDay, 3);
        // With words, tag: still filters them: the paragraphs of the tagged article count too.
        QVERIFY(service.search(u"的 tag:政法"_s).total >= 1);

        QVERIFY(exec(m_library, u"DELETE FROM highlights"_s));
        QVERIFY(exec(m_library, u"DELETE FROM block_tags"_s));
        QVERIFY(exec(m_library, u"DELETE FROM article_tags"_s));
        QVERIFY(exec(m_library, u"DELETE FROM tags"_s));
    }

    void notes_searchableWithInNotes()
    {
        const qint64 blockId = m_blocks.keys().first();
        QVERIFY(exec(m_library, u"INSERT INTO notes (block_id, text, created_at, modified_at) VALUES (?, ?, '', '')"_s,
                     {blockId, u"这段讲的是蓝莓种植和數字經濟"_s}));
        const qint64 noteId = scalar(m_library, u"SELECT max(id) FROM notes"_s);
        SearchService service(m_library);
        SearchResult result = service.search(u"数字经济 in:notes"_s);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.total, 1);
        QCOMPARE(result.hits.front().kind, SearchHit::Kind::Note);
        QCOMPARE(result.hits.front().noteId, noteId);
        QCOMPARE(result.hits.front().blockId, blockId);
        QCOMPARE(result.hits.front().matches, (QList<TextRange>{{10, 4}}));
        QCOMPARE(service.search(u"蓝莓"_s).total, 0); // notes are not paragraphs

        QVERIFY(exec(m_library, u"UPDATE notes SET text = '改成了草莓' WHERE id = ?"_s, {noteId}));
        QCOMPARE(service.search(u"蓝莓 in:notes"_s).total, 0);
        QCOMPARE(service.search(u"草莓 in:notes"_s).total, 1);
        QVERIFY(exec(m_library, u"DELETE FROM notes WHERE id = ?"_s, {noteId}));
        QCOMPARE(service.search(u"草莓 in:notes"_s).total, 0);
    }

    void index_followsDeleteAndReimport()
    {
        SearchService service(m_library);
        const qint64 before = service.search(u"永川"_s).total;
        QVERIFY(before > 0);
        // Delete one file's source row: issue, articles and blocks go by cascade.
        const qint64 sourceId = scalar(m_library, u"SELECT id FROM source_files ORDER BY id LIMIT 1"_s);
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(u"SELECT path FROM source_files WHERE id = %1"_s.arg(sourceId)) && q.next());
        const QString path = q.value(0).toString();
        q.finish();
        QVERIFY(exec(m_library, u"DELETE FROM source_files WHERE id = ?"_s, {sourceId}));
        loadBlocks();
        QCOMPARE(service.search(u"永川"_s).total, bruteForce(u"永川"_s));
        QVERIFY(service.search(u"永川"_s).total < before);
        QCOMPARE(scalar(m_library, u"SELECT count(*) FROM search_block_keys"_s), m_blocks.size());

        const ImportReport report = Importer(m_library).importPaths({path});
        QCOMPARE(report.imported.size(), 1);
        loadBlocks();
        QCOMPARE(service.search(u"永川"_s).total, before);
        QCOMPARE(service.search(u"永川"_s).total, bruteForce(u"永川"_s));
        QCOMPARE(
            service.search(u"title:常委会"_s).total,
            scalar(m_library, u"SELECT count(*) FROM articles WHERE title || kicker || subtitles LIKE '%常委会%'"_s));
    }

    void index_followsIssueDate()
    {
        SearchService service(m_library);
        const SearchResult result = service.search(u"永川"_s, {SearchOrder::Newest, 0, 1});
        const qint64 issueId = result.hits.front().issueId;
        const QString oldDate = result.hits.front().date.toString(Qt::ISODate);
        QVERIFY(exec(m_library, u"UPDATE issues SET date = '1999-01-02' WHERE id = ?"_s, {issueId}));
        const SearchResult oldest = service.search(u"永川"_s, {SearchOrder::Oldest, 0, 1});
        QCOMPARE(oldest.hits.front().issueId, issueId);
        QCOMPARE(service.search(u"永川 to:1999-12-31"_s).total,
                 scalar(m_library, u"SELECT count(*) FROM blocks b JOIN articles a ON a.id = b.article_id "
                                   "WHERE a.issue_id = %1 AND b.text LIKE '%%永川%%'"_s.arg(issueId)));
        QVERIFY(exec(m_library, u"UPDATE issues SET date = ? WHERE id = ?"_s, {oldDate, issueId}));
        QCOMPARE(service.search(u"永川 to:1999-12-31"_s).total, 0);
        QCOMPARE(service.search(u"永川"_s).total, bruteForce(u"永川"_s));
    }

    void importTransaction_indexesItsRowsBeforeCommitting()
    {
        SearchService service(m_library);
        const qint64 before = service.search(u"永川"_s).total;
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(u"SELECT id, path FROM source_files ORDER BY id DESC LIMIT 2"_s));
        QList<qint64> ids;
        QStringList paths;
        while (q.next()) {
            ids.append(q.value(0).toLongLong());
            paths.append(q.value(1).toString());
        }
        q.finish();
        for (qint64 id : ids)
            QVERIFY(exec(m_library, u"DELETE FROM source_files WHERE id = ?"_s, {id}));
        const qint64 without = service.search(u"永川"_s).total;
        QVERIFY(without < before);

        // By hand, what the importer does: rows inserted while indexing is deferred are not in the index...
        QSqlDatabase db = m_library.database();
        IssueRepository issues(m_library);
        {
            sql::WriteScope transaction(db);
            QVERIFY(transaction.isActive());
            QVERIFY(SearchIndex::deferIndexing(db));
            const IssueFileResult first = parseIssueFile(paths.at(0));
            QVERIFY(first.ok);
            const qint64 firstId = issues.insert(first.issue).valueOr(0);
            QVERIFY(firstId > 0);
            QCOMPARE(service.search(u"永川"_s).total, without);
            QCOMPARE(scalar(m_library, u"SELECT count(*) FROM search_block_keys k JOIN blocks b ON b.id = k.block_id "
                                       "JOIN articles a ON a.id = b.article_id WHERE a.issue_id = %1"_s.arg(firstId)),
                     0);
            // ... editing and deleting them leaves the index alone (a 'delete' of a row FTS5 never had would
            // corrupt it) ...
            const qint64 edited = scalar(m_library, u"SELECT max(b.id) FROM blocks b JOIN articles a ON a.id = "
                                                    "b.article_id WHERE a.issue_id = %1"_s.arg(firstId));
            QVERIFY(exec(m_library, u"UPDATE blocks SET text = '延迟索引时改过的段落' WHERE id = ?"_s, {edited}));
            const qint64 deleted = scalar(m_library, u"SELECT min(b.id) FROM blocks b JOIN articles a ON a.id = "
                                                     "b.article_id WHERE a.issue_id = %1"_s.arg(firstId));
            QVERIFY(exec(m_library, u"DELETE FROM blocks WHERE id = ?"_s, {deleted}));
            QVERIFY(exec(m_library, u"UPDATE articles SET title = title || '改' WHERE issue_id = ?"_s, {firstId}));
            // ... and indexDeferred() indexes them, with their text at that time, before the commit.
            QVERIFY(SearchIndex::indexDeferred(db, {firstId}));
            QVERIFY(transaction.commit());
        }
        QVERIFY(!SearchIndex::needsRebuild(m_library));
        QCOMPARE(scalar(m_library, u"SELECT count(*) FROM search_meta WHERE key = 'defer'"_s), 0);
        QCOMPARE(service.search(u"延迟索引时改过"_s).total, 1);
        // After the transaction, inserts are indexed at once again (the importer's second file, alone).
        QCOMPARE(Importer(m_library).importPaths({paths.at(1)}).imported.size(), 1);

        loadBlocks();
        QCOMPARE(service.search(u"永川"_s).total, bruteForce(u"永川"_s));
        QCOMPARE(
            service.search(u"title:常委会"_s).total,
            scalar(m_library, u"SELECT count(*) FROM articles WHERE title || kicker || subtitles LIKE '%常委会%'"_s));
        const SearchIndex::Stats stats = SearchIndex::stats(m_library);
        QCOMPARE(stats.blocks, scalar(m_library, u"SELECT count(*) FROM blocks"_s));
        QCOMPARE(stats.articles, scalar(m_library, u"SELECT count(*) FROM articles"_s));
        QVERIFY(checkIndex(m_library));

        // A deferral that was committed without indexing: the index needs a rebuild.
        QVERIFY(exec(m_library, u"INSERT INTO search_meta (key, value) VALUES ('defer', '1')"_s));
        QVERIFY(SearchIndex::needsRebuild(m_library));
        QVERIFY(SearchIndex::rebuild(m_library));
        QVERIFY(!SearchIndex::needsRebuild(m_library));
        QCOMPARE(scalar(m_library, u"SELECT count(*) FROM search_meta WHERE key = 'defer'"_s), 0);
        QCOMPARE(service.search(u"永川"_s).total, bruteForce(u"永川"_s));
    }

    void rebuild_withProgressAndCancel()
    {
        SearchService service(m_library);
        const qint64 before = service.search(u"会议"_s).total;
        std::atomic_bool cancel = true;
        QVERIFY(!SearchIndex::rebuild(m_library, {}, &cancel));
        QCOMPARE(service.search(u"会议"_s).total, before); // rolled back: the old index is intact
        cancel = false;
        QList<qint64> done;
        const Result<void> rebuilt = SearchIndex::rebuild(
            m_library, [&](const SearchIndex::Progress &p) { done.append(p.done); }, &cancel);
        QVERIFY2(rebuilt, qPrintable(rebuilt.error().message()));
        QVERIFY(done.size() >= 2);
        QCOMPARE(done.front(), 0);
        QVERIFY(std::is_sorted(done.begin(), done.end()));
        QCOMPARE(service.search(u"会议"_s).total, before);
        QVERIFY(!SearchIndex::needsRebuild(m_library));

        // A stale index (another tokenizer version) is noticed.
        QVERIFY(exec(m_library, u"UPDATE search_meta SET value = 'dubao/0' WHERE key = 'tokenizer'"_s));
        QVERIFY(SearchIndex::needsRebuild(m_library));
        QVERIFY(SearchIndex::rebuild(m_library));
        QVERIFY(!SearchIndex::needsRebuild(m_library));
        const SearchIndex::Stats stats = SearchIndex::stats(m_library);
        QCOMPARE(stats.blocks, m_blocks.size());
        QVERIFY(stats.textBytes > 0 && stats.indexBytes > 0);
    }

    void migration_indexesExistingData()
    {
        // A library made before v3 (user_version 2, no index) gets its index when opened.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.sqlite"_s);
        {
            Library library;
            QVERIFY(library.open(path));
            QVERIFY(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
            QStringList triggers;
            QSqlQuery q(library.database());
            QVERIFY(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"_s));
            while (q.next())
                triggers.append(q.value(0).toString());
            q.finish();
            QCOMPARE(triggers.size(), 10);
            for (const QString &t : triggers)
                QVERIFY(exec(library, u"DROP TRIGGER "_s + t));
            for (const char *sql :
                 {"DROP TABLE search_blocks", "DROP TABLE search_articles", "DROP TABLE search_notes",
                  "DROP TABLE search_block_keys", "DROP TABLE search_meta", "PRAGMA user_version = 2"}) {
                QVERIFY(exec(library, QString::fromUtf8(sql)));
            }
            QVERIFY(test::dropSchemaVersions5To8(library.database()));
            QVERIFY(test::dropSchemaVersion4(library.database()));
            QCOMPARE(scalar(library, u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'"_s), 0);
        }
        Library library;
        QVERIFY(library.open(path));
        QCOMPARE(scalar(library, u"PRAGMA user_version"_s), Library::currentSchemaVersion());
        QCOMPARE(SearchService(library).search(u"永川"_s).total,
                 scalar(library, u"SELECT count(*) FROM blocks WHERE text LIKE '%永川%'"_s));
        QVERIFY(!SearchIndex::needsRebuild(library));
    }

    void olderIndexLayout_isRebuiltAndItsQueueDropped()
    {
        const QString path = m_dir.filePath(u"layout1.sqlite"_s);
        {
            Library library;
            QVERIFY(library.open(path));
            QVERIFY(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
            // Layout 1 queued bulk imports in two tables and stamped only the tokenizer.
            for (const char *sql : {"CREATE TABLE search_pending_blocks (block_id INTEGER PRIMARY KEY)",
                                    "CREATE TABLE search_pending_articles (article_id INTEGER PRIMARY KEY)",
                                    "UPDATE search_meta SET value = 'dubao/2' WHERE key = 'tokenizer'"}) {
                QVERIFY(exec(library, QString::fromUtf8(sql)));
            }
            QVERIFY(SearchIndex::needsRebuild(library));
            QVERIFY(SearchIndex::rebuild(library));
            QVERIFY(!SearchIndex::needsRebuild(library));
            QCOMPARE(scalar(library, u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'search_pending%'"_s), 0);
            QCOMPARE(SearchService(library).search(u"永川"_s).total,
                     scalar(library, u"SELECT count(*) FROM blocks WHERE text LIKE '%永川%'"_s));
        }
    }

    void cancel_fromAnotherThread_stopsTheSearch()
    {
        SearchService service(m_library);
        std::atomic_bool cancel = true; // already set: must come back cancelled, not with results
        const SearchResult result = service.search(u"的 OR 是 OR 在"_s, {}, &cancel);
        QVERIFY(result.cancelled);
        QVERIFY(result.hits.isEmpty());
        // And the connection works normally afterwards.
        QVERIFY(service.search(u"的"_s).total > 0);
        std::atomic_bool later = false;
        std::thread setter([&] { later = true; });
        setter.join();
        QVERIFY(service.search(u"的"_s, {}, &later).cancelled);
    }

    // dubao_rank() (what ranks the newest hits of a common query) orders a one-phrase query as bm25() does: it
    // leaves out only the phrase's weight, which is the same for every row.
    void rankFunction_onePhrase_ordersAsBm25()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        QSqlQuery q(library->database());
        QVERIFY(q.prepare(u"INSERT INTO search_blocks (rowid, text) VALUES (?, ?)"_s));
        for (int i = 1; i <= 300; ++i) {
            QString text = QString(u"永川"_s).repeated(1 + i % 4) + QString(u"区委会议"_s).repeated(i % 13);
            q.addBindValue(i);
            q.addBindValue(i % 7 == 0 ? u"江津"_s : text);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        auto order = [&](const QString &score, const QString &match) {
            QList<qint64> ids;
            QSqlQuery r(library->database());
            r.prepare(u"SELECT rowid FROM search_blocks WHERE search_blocks MATCH ? ORDER BY "_s + score +
                      u", rowid DESC"_s);
            r.addBindValue(match);
            if (!r.exec())
                qWarning() << r.lastError().text();
            while (r.next())
                ids.append(r.value(0).toLongLong());
            return ids;
        };
        const QString match = QueryParser::parse(u"永川"_s).matchExpression();
        const QList<qint64> bm25 = order(u"bm25(search_blocks)"_s, match);
        QCOMPARE(bm25.size(), 300 - 300 / 7);
        QCOMPARE(order(u"dubao_rank(search_blocks)"_s, match), bm25);
        // Two phrases: the same rows as bm25() (the order may differ: bm25() weighs the rarer phrase more).
        const QString both = QueryParser::parse(u"永川 会议"_s).matchExpression();
        QList<qint64> two = order(u"dubao_rank(search_blocks)"_s, both);
        QList<qint64> twoBm25 = order(u"bm25(search_blocks)"_s, both);
        QVERIFY(!two.isEmpty());
        std::sort(two.begin(), two.end());
        std::sort(twoBm25.begin(), twoBm25.end());
        QCOMPARE(two, twoBm25);
    }

    void queryErrors_areMessagesNotSqlErrors()
    {
        SearchService service(m_library);
        for (const QString &input : {u""_s, u"*"_s, u"\""_s, u"-"_s, u"OR"_s, u"NOT"_s, u"，。"_s, u"-永川"_s,
                                     u"from:2023-01-01"_s, u"title:"_s, u"(("_s, u"永川 OR"_s, u"\"永川"_s}) {
            const SearchResult r = service.search(input);
            QVERIFY2(!r.error.startsWith(u"database error"_s), qPrintable(input + u": "_s + r.error));
        }
        QVERIFY(service.search(u"\"永川"_s).ok());  // unbalanced quote: a phrase to the end
        QVERIFY(service.search(u"永川 OR"_s).ok()); // a stray OR is dropped
        QVERIFY(!service.search(u"*"_s).ok());      // nothing to search for: a clear message
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
