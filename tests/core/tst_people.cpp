// The people index: the extraction rules on short hand-made sentences, facts checked by hand in the corpus, the
// user's edits surviving re-extraction, re-extraction when text changes, and the search filters person:/office:
// checked against the index by brute force. On both engines: an SQLite file and a team library (schema v16), but
// for the migrations of SQLite files and the many-batches run (see the end).
#include "core/analysis/officialextractor.h"
#include "core/analysis/peopleindex.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/engines.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

Article articleOf(const QStringList &paragraphs, BlockKind kind = BlockKind::Body)
{
    Article a;
    a.title = u"标题"_s;
    for (const QString &p : paragraphs)
        a.blocks.append(Block{0, kind, p, p, 1, 1});
    return a;
}

const Appearance *find(const QList<Appearance> &list, const QString &name, const QDate &date)
{
    for (const Appearance &a : list)
        if (a.name == name && a.date == date)
            return &a;
    return nullptr;
}

} // namespace

class TestPeople : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void extract_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // name:office+office:role, ';'-separated, in order

        QTest::newRow("office-then-name, presides") << u"区委书记张智奎主持会议。"_s << u"张智奎:区委书记:主持"_s;
        QTest::newRow("two offices, one person") << u"区委副书记、区长常晓勇，区委副书记蔡焱，区委常委出席。"_s
                                                 << u"常晓勇:区委副书记+区长:出席;蔡焱:区委副书记:出席"_s;
        QTest::newRow("ministry office, inspects") << u"水利部农村水利水电司副司长许德志率专家组到永川区调研。"_s
                                                   << u"许德志:水利部农村水利水电司副司长:调研"_s;
        QTest::newRow("group label, list, takes part")
            << u"区领导邓文、陈小东参加会议。"_s << u"邓文::参加;陈小东::参加"_s;
        QTest::newRow("list closed by 等") << u"区领导宋文、王寒峰等参加调研。"_s << u"宋文::参加;王寒峰::参加"_s;
        QTest::newRow("not a name") << u"全区各级各部门要深入学习贯彻习近平总书记重要讲话精神。"_s << QString();
        QTest::newRow("office alone, no name") << u"区委常委出席。有关区领导列席。"_s << QString();
        QTest::newRow("sits in") << u"区委副书记蔡焘列席会议。"_s << u"蔡焘:区委副书记:列席"_s;
        QTest::newRow("known name with role")
            << u"江津区委书记唐大军出席会议。会议由唐大军主持。"_s << u"唐大军:江津区委书记:出席;唐大军::主持"_s;
    }

    void extract()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QStringList got;
        for (const OfficialMention &m : extractOfficials(articleOf({text})))
            got.append(m.name + u':' + m.offices.join(u'+') + u':' + m.role);
        QCOMPARE(got.join(u';'), expected);
    }

    void extract_speakerLine_speaksWithInheritedOffice()
    {
        const QList<OfficialMention> m =
            extractOfficials(articleOf({u"永川区交通局党委书记、局长 曾宪勇"_s}, BlockKind::Speaker));
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].name, u"曾宪勇"_s);
        QCOMPARE(m[0].offices, QStringList({u"永川区交通局党委书记"_s, u"永川区交通局局长"_s}));
        QCOMPARE(m[0].role, u"讲话"_s);
    }

    void extract_reporterOfByline_isNoOfficial()
    {
        Article a = articleOf({u"区委书记彭禹乔主持会议。"_s});
        a.byline = Byline{u"本报讯"_s, {u"彭禹乔"_s}, {}, {}};
        QVERIFY(extractOfficials(a).isEmpty());
    }

    void extract_order_isFirstMentionRank()
    {
        const QList<OfficialMention> m = extractOfficials(
            articleOf({u"区委书记张智奎主持会议。区委副书记、区长常晓勇出席。"_s, u"区委书记张智奎讲话。"_s}));
        QCOMPARE(m.size(), 3);
        QCOMPARE(m[0].order, 1);
        QCOMPARE(m[1].order, 2);
        QCOMPARE(m[2].order, 1);
        QCOMPARE(m[2].blockIndex, 1);
    }

    void looksLikePersonalName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("name");
        QTest::newRow("three") << u"张智奎"_s << true;
        QTest::newRow("two") << u"邓文"_s << true;
        QTest::newRow("compound surname") << u"欧阳明"_s << true;
        QTest::newRow("not a surname") << u"全区各"_s << false;
        QTest::newRow("office word") << u"区委常"_s << false;
        QTest::newRow("too long") << u"张智奎主持"_s << false;
        QTest::newRow("latin") << u"Li"_s << false;
        // Words that start with a surname character (false names on the generated 1 GB library).
        QTest::newRow("word 项目") << u"项目"_s << false;
        QTest::newRow("word 农业") << u"农业"_s << false;
        QTest::newRow("word 严肃") << u"严肃"_s << false;
        QTest::newRow("three keeps the character") << u"严肃华"_s << true;
        QTest::newRow("two, other ending") << u"严明"_s << true;
    }

    void looksLikePersonalName()
    {
        QFETCH(QString, text);
        QFETCH(bool, name);
        QCOMPARE(dubao::looksLikePersonalName(text), name);
    }

    // Facts read by hand in the corpus.
    void corpus_officesRolesAndOrder()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        QVERIFY(Importer(library).importPaths({test::corpusDir()}).failed.isEmpty());
        PeopleIndex index(library);
        QVERIFY(index.pendingArticles() > 0);
        const Result<qint64> updated = index.update();
        QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().message()));
        QCOMPARE(index.pendingArticles(), 0);

        const QList<Appearance> zhang = index.appearances(u"张智奎"_s);
        const Appearance *presides = find(zhang, u"张智奎"_s, QDate(2023, 2, 21));
        QVERIFY(presides);
        QCOMPARE(presides->office(), u"区委书记"_s);
        QCOMPARE(presides->role, u"主持"_s);
        QCOMPARE(presides->order, 1);

        const QList<Appearance> chang = index.appearances(u"常晓勇"_s);
        const Appearance *chairs = find(chang, u"常晓勇"_s, QDate(2024, 12, 19));
        QVERIFY(chairs);
        QCOMPARE(chairs->offices, QStringList({u"区委副书记"_s, u"区长"_s}));
        QCOMPARE(chairs->role, u"主持"_s);
        QCOMPARE(chairs->order, 2); // after 张智奎, who attends and speaks

        const QList<PersonSummary> persons = index.persons();
        QStringList names;
        for (const PersonSummary &p : persons)
            names.append(p.name);
        for (const QString &official : {u"许德志"_s, u"潘文峰"_s, u"文良印"_s, u"宋文"_s, u"刘佳"_s, u"傅倩倩"_s})
            QVERIFY2(names.contains(official), qPrintable(official));
        for (const QString &reporter : {u"彭禹乔"_s, u"涂燕"_s, u"徐灵"_s})
            QVERIFY2(!names.contains(reporter), qPrintable(reporter));
        // The compiled feature of 2023-07-28: its speakers speak, in the order of the page.
        QStringList speakers;
        for (const Appearance &a : index.appearances())
            if (a.date == QDate(2023, 7, 28) && a.role == u"讲话"_s)
                speakers.append(a.name);
        QCOMPARE(speakers.size(), 9);
        QCOMPARE(speakers.front(), u"宋文"_s);
        QCOMPARE(speakers.back(), u"刘佳"_s);
    }

    // Schema v14 keeps no copy of the sentence: every appearance's sentence, cut from its block's text when read, is
    // exactly the sentence the extractor gave for that mention, through appearances() and sentences() alike.
    void corpus_sentencesAreTheExtractorsOwn()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        PeopleIndex index(library);
        QVERIFY(index.update());
        QCOMPARE(sql::scalar(library.database(),
                             u"SELECT count(*) FROM pragma_table_info('appearances') WHERE name = 'sentence'"_s)
                     .toInt(),
                 0);

        // The extractor's mentions, by block id and sentence start.
        QMap<qint64, Article> articles;
        QHash<qint64, QList<qint64>> blockIds;
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"SELECT article_id, id, kind, text FROM blocks ORDER BY article_id, position"_s));
        while (q.next()) {
            Block b;
            b.id = q.value(1).toLongLong();
            b.kind = blockKindFromName(q.value(2).toString()).value_or(BlockKind::Body);
            b.text = q.value(3).toString();
            articles[q.value(0).toLongLong()].blocks.append(b);
            blockIds[q.value(0).toLongLong()].append(b.id);
        }
        QHash<std::pair<qint64, int>, QString> extracted;
        for (auto it = articles.cbegin(); it != articles.cend(); ++it)
            for (const OfficialMention &m : extractOfficials(*it))
                extracted.insert({blockIds.value(it.key()).value(m.blockIndex), m.sentenceStart}, m.sentence);

        const QList<Appearance> all = index.appearances();
        QVERIFY(all.size() > 20);
        QList<qint64> ids;
        for (const Appearance &a : all) {
            ids.append(a.id);
            const auto found = extracted.constFind({a.blockId, a.sentenceStart});
            QVERIFY2(found != extracted.cend(), qPrintable(a.name));
            QVERIFY(!a.sentence.isEmpty());
            QCOMPARE(a.sentence, *found);
        }
        const QHash<qint64, QString> sentences = index.sentences(ids);
        QCOMPARE(sentences.size(), all.size());
        for (const Appearance &a : all)
            QCOMPARE(sentences.value(a.id), a.sentence);
    }

    // The update extracts on a worker thread, one batch (400 articles) ahead of its writes: over several batches,
    // every article's appearances are exactly what the extractor finds in it, and nothing is left to do.
    void update_severalBatches_extractsEveryArticleOnce()
    {
        Library library;
        QVERIFY(library.open(location(u"batches"_s)));
        const QStringList copies = test::writeCorpusCopies(m_dir.filePath(u"copies"_s), 72);
        QVERIFY(Importer(library).importPaths(copies).failed.isEmpty());
        QSqlDatabase db = library.database();
        const qint64 articleCount = sql::scalar(db, u"SELECT count(*) FROM articles"_s).toLongLong();
        QVERIFY2(articleCount > 2 * 400, qPrintable(QString::number(articleCount)));
        PeopleIndex index(library);
        QCOMPARE(index.pendingArticles(), articleCount);
        const Result<qint64> updated = index.update();
        QVERIFY(updated);
        QCOMPARE(*updated, articleCount);
        QCOMPARE(index.pendingArticles(), 0);

        QMap<qint64, Article> articles;
        QHash<qint64, QList<qint64>> blockIds;
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT article_id, id, kind, text FROM blocks ORDER BY article_id, position"_s));
        while (q.next()) {
            Block b;
            b.id = q.value(1).toLongLong();
            b.kind = blockKindFromName(q.value(2).toString()).value_or(BlockKind::Body);
            b.text = q.value(3).toString();
            articles[q.value(0).toLongLong()].blocks.append(b);
            blockIds[q.value(0).toLongLong()].append(b.id);
        }
        QVERIFY(q.exec(u"SELECT ar.article_id, r.name FROM article_reporters ar "
                       u"JOIN reporters r ON r.id = ar.reporter_id"_s));
        while (q.next()) {
            Article &a = articles[q.value(0).toLongLong()];
            if (!a.byline)
                a.byline = Byline{};
            a.byline->reporters.append(q.value(1).toString());
        }
        QStringList expected;
        for (auto it = articles.cbegin(); it != articles.cend(); ++it)
            for (const OfficialMention &m : extractOfficials(*it))
                expected.append(u"%1 %2 %3 %4"_s.arg(it.key())
                                    .arg(blockIds.value(it.key()).value(m.blockIndex))
                                    .arg(m.sentenceStart)
                                    .arg(m.name));
        QStringList stored;
        QVERIFY(q.exec(u"SELECT a.article_id, a.block_id, a.sentence_start, p.name FROM appearances a "
                       u"JOIN persons p ON p.id = a.person_id"_s));
        while (q.next())
            stored.append(u"%1 %2 %3 %4"_s.arg(q.value(0).toLongLong())
                              .arg(q.value(1).toLongLong())
                              .arg(q.value(2).toInt())
                              .arg(q.value(3).toString()));
        expected.sort();
        stored.sort();
        QVERIFY(stored.size() > 100);
        QCOMPARE(stored, expected);
    }

    // A v12 library (its appearances with their sentence copies and the person_id index) upgrades to v14 in place:
    // the copies and the index are gone, and every appearance reads back as before.
    void migration_fromVersion12_dropsTheSentenceCopy()
    {
        const QString path = m_dir.filePath(u"v12.sqlite"_s);
        QList<Appearance> before;
        {
            Library library;
            QVERIFY(library.open(path));
            QVERIFY(Importer(library).importPaths({test::corpusFiles().front()}).failed.isEmpty());
            PeopleIndex index(library);
            QVERIFY(index.update());
            before = index.appearances();
            QVERIFY(!before.isEmpty());
            QVERIFY(test::dropSchemaVersion14(library.database()));
            QVERIFY(sql::exec(library.database(), u"PRAGMA user_version = 12"_s));
            QCOMPARE(sql::scalar(library.database(), u"SELECT count(*) FROM appearances WHERE sentence <> ''"_s)
                         .toLongLong(),
                     qint64(before.size()));
        }
        Library library;
        QVERIFY(library.open(path));
        QSqlDatabase db = library.database();
        QCOMPARE(sql::scalar(db, u"PRAGMA user_version"_s).toInt(), Library::currentSchemaVersion());
        QCOMPARE(
            sql::scalar(db, u"SELECT count(*) FROM pragma_table_info('appearances') WHERE name = 'sentence'"_s).toInt(),
            0);
        QVERIFY(!sql::scalar(db, u"SELECT 1 FROM sqlite_master WHERE name = 'appearances_person'"_s).isValid());
        QVERIFY(sql::scalar(db, u"SELECT 1 FROM sqlite_master WHERE name = 'appearances_person_offices'"_s).isValid());
        PeopleIndex index(library);
        QCOMPARE(index.pendingArticles(), 0); // nothing to extract again
        const QList<Appearance> after = index.appearances();
        QCOMPARE(after.size(), before.size());
        for (qsizetype k = 0; k < after.size(); ++k) {
            QCOMPARE(after[k].id, before[k].id);
            QCOMPARE(after[k].name, before[k].name);
            QCOMPARE(after[k].sentence, before[k].sentence);
        }
    }

    // Every person and office of the corpus: person:/office: alone list exactly the articles the index names them in;
    // with a word, exactly the word's paragraphs in those articles.
    void searchFilters_matchTheIndex()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        PeopleIndex index(library);
        QVERIFY(index.update());
        const QList<Appearance> all = index.appearances();
        QVERIFY(all.size() >= 50);
        SearchService search(library);
        SearchOptions options;
        options.limit = 100000;
        auto articlesOf = [&](const QString &query) {
            const SearchResult r = search.search(query, options);
            QSet<qint64> ids;
            for (const SearchHit &hit : r.hits)
                ids.insert(hit.articleId);
            if (!r.ok() || r.total != r.hits.size())
                ids.insert(-1); // an error, or hits lost
            return ids;
        };
        auto expected = [&](const std::function<bool(const Appearance &)> &keep) {
            QSet<qint64> ids;
            for (const Appearance &a : all)
                if (keep(a))
                    ids.insert(a.articleId);
            return ids;
        };
        QSet<QString> offices;
        for (const PersonSummary &p : index.persons()) {
            QCOMPARE(articlesOf(u"person:"_s + p.name),
                     expected([&](const Appearance &a) { return a.name == p.name; }));
            for (const PersonOffice &o : p.offices)
                offices.insert(o.title);
        }
        offices += {u"区长"_s, u"书记"_s, u"主任"_s};
        for (const QString &office : std::as_const(offices))
            QCOMPARE(articlesOf(u"office:"_s + office), expected([&](const Appearance &a) {
                         return std::any_of(a.offices.cbegin(), a.offices.cend(),
                                            [&](const QString &o) { return o.contains(office); });
                     }));

        // Two persons: the articles naming both; a period: the articles of those dates.
        QCOMPARE(articlesOf(u"person:张智奎 person:常晓勇"_s),
                 expected([](const Appearance &a) { return a.name == u"张智奎"_s; }) &
                     expected([](const Appearance &a) { return a.name == u"常晓勇"_s; }));
        const QSet<qint64> to2023 = articlesOf(u"person:张智奎 to:2023-12-31"_s);
        QCOMPARE(to2023, expected([](const Appearance &a) {
                     return a.name == u"张智奎"_s && a.date && a.date->year() <= 2023;
                 }));

        // With a word: the word's paragraphs, narrowed to the person's articles.
        const QSet<qint64> zhang = expected([](const Appearance &a) { return a.name == u"张智奎"_s; });
        QSet<qint64> blocks;
        for (const SearchHit &hit : search.search(u"会议"_s, options).hits)
            if (zhang.contains(hit.articleId))
                blocks.insert(hit.blockId);
        QVERIFY(!blocks.isEmpty());
        const SearchResult narrowed = search.search(u"会议 person:张智奎"_s, options);
        QSet<qint64> narrowedBlocks;
        for (const SearchHit &hit : narrowed.hits)
            narrowedBlocks.insert(hit.blockId);
        QCOMPARE(narrowedBlocks, blocks);
        QCOMPARE(narrowed.total, qint64(blocks.size()));

        // office: with a word, alone and beside another filter of the article (publication:), read apart from it.
        const QSet<qint64> mayors = expected([](const Appearance &a) {
            return std::any_of(a.offices.cbegin(), a.offices.cend(),
                               [](const QString &o) { return o.contains(u"区长"_s); });
        });
        const SearchResult meetings = search.search(u"会议"_s, options);
        QSet<qint64> mayorBlocks;
        QString publication;
        for (const SearchHit &hit : meetings.hits) {
            if (mayors.contains(hit.articleId)) {
                mayorBlocks.insert(hit.blockId);
                publication = hit.publication;
            }
        }
        QVERIFY(!mayorBlocks.isEmpty() && !publication.isEmpty());
        auto blocksOf = [&](const QString &query) {
            const SearchResult r = search.search(query, options);
            QSet<qint64> ids;
            for (const SearchHit &hit : r.hits)
                ids.insert(hit.blockId);
            if (!r.ok() || r.total != r.hits.size())
                ids.insert(-1);
            return ids;
        };
        QCOMPARE(blocksOf(u"会议 office:区长"_s), mayorBlocks);
        QSet<qint64> inPublication;
        for (const SearchHit &hit : meetings.hits)
            if (mayors.contains(hit.articleId) && hit.publication.contains(publication))
                inPublication.insert(hit.blockId);
        QCOMPARE(blocksOf(u"会议 office:区长 publication:"_s + publication), inPublication);
        QCOMPARE(blocksOf(u"会议 office:区长 person:张智奎"_s), mayorBlocks & blocks);

        // Alone, the hits are headlines, newest first, and counted by day as trends count them.
        const SearchResult alone = search.search(u"person:张智奎"_s, options);
        QVERIFY(!alone.hits.isEmpty());
        QCOMPARE(alone.hits.front().kind, SearchHit::Kind::Headline);
        for (qsizetype k = 1; k < alone.hits.size(); ++k)
            QVERIFY(alone.hits[k - 1].date >= alone.hits[k].date);
        const Result<QMap<qint64, qint64>> days = search.countByDay(QueryParser::parse(u"person:张智奎"_s));
        QVERIFY(days);
        qint64 counted = 0;
        for (qint64 n : *days)
            counted += n;
        QCOMPARE(counted, alone.total);
        QVERIFY(articlesOf(u"person:无此人"_s).isEmpty());
    }

    void edits_surviveReextraction_andUndo()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        PeopleIndex index(library);
        // 蔡焱 (2023-06-14) is 蔡焘 written by the OCR another way.
        const Result<qint64> merge = index.addEdit({0, PersonEdit::Kind::Merge, u"蔡焱"_s, 0, u"蔡焘"_s});
        QVERIFY(merge);
        QVERIFY(find(index.appearances(u"蔡焘"_s), u"蔡焘"_s, QDate(2023, 6, 14)));
        QVERIFY(index.appearances(u"蔡焱"_s).isEmpty());
        const Result<qint64> falseHit = index.addEdit({0, PersonEdit::Kind::FalseHit, u"袁家军"_s, 0, {}});
        QVERIFY2(falseHit, qPrintable(falseHit ? QString() : falseHit.error().message()));
        QVERIFY(index.appearances(u"袁家军"_s).isEmpty());

        QVERIFY(index.rebuild());
        QVERIFY(index.appearances(u"蔡焱"_s).isEmpty());
        QVERIFY(index.appearances(u"袁家军"_s).isEmpty());
        QCOMPARE(index.appearances(u"蔡焘"_s).size(), 4);

        QVERIFY(index.removeEdit(*merge));
        QCOMPARE(index.appearances(u"蔡焱"_s).size(), 1);
        QCOMPARE(index.appearances(u"蔡焘"_s).size(), 3);
        QVERIFY(!index.addEdit({0, PersonEdit::Kind::Merge, u"蔡焱"_s, 0, {}})); // a merge needs the other name
    }

    // The other two corrections of issue 16: split one person (the appearances of a paragraph are someone else)
    // and correct an office (in a paragraph, or everywhere). Both survive a re-extraction and are taken back.
    void edits_splitAndOffice_surviveReextraction_andUndo()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        PeopleIndex index(library);
        const QList<Appearance> before = index.appearances(u"张智奎"_s);
        QVERIFY(before.size() >= 3);
        const Appearance &last = before.back();
        const qsizetype inBlock = std::count_if(before.cbegin(), before.cend(),
                                                [&](const Appearance &a) { return a.blockId == last.blockId; });

        const Result<qint64> split =
            index.addEdit({0, PersonEdit::Kind::Split, u"张智奎"_s, last.blockId, u"张智奎（另一人）"_s});
        QVERIFY2(split, qPrintable(split ? QString() : split.error().message()));
        const Result<qint64> office =
            index.addEdit({0, PersonEdit::Kind::Office, u"常晓勇"_s, 0, u"永川区委副书记、永川区区长"_s});
        QVERIFY2(office, qPrintable(office ? QString() : office.error().message()));
        const auto check = [&] {
            QCOMPARE(index.appearances(u"张智奎"_s).size(), before.size() - inBlock);
            const QList<Appearance> other = index.appearances(u"张智奎（另一人）"_s);
            QCOMPARE(other.size(), inBlock);
            QCOMPARE(other.front().blockId, last.blockId);
            const QList<Appearance> chang = index.appearances(u"常晓勇"_s);
            QVERIFY(!chang.isEmpty());
            for (const Appearance &a : chang)
                QCOMPARE(a.offices, (QStringList{u"永川区委副书记"_s, u"永川区区长"_s}));
        };
        check();
        QVERIFY(index.rebuild()); // every article extracted again: the edits apply again
        check();

        QVERIFY(index.removeEdit(*split));
        QVERIFY(index.removeEdit(*office));
        QCOMPARE(index.appearances(u"张智奎"_s).size(), before.size());
        QVERIFY(index.appearances(u"张智奎（另一人）"_s).isEmpty());
        QVERIFY(index.appearances(u"常晓勇"_s).front().offices.contains(u"区委副书记"_s));
    }

    void changedText_isExtractedAgain()
    {
        Library library;
        QVERIFY(library.open(location(u"corpus"_s)));
        PeopleIndex index(library);
        QCOMPARE(index.pendingArticles(), 0);
        // An OCR correction of a paragraph (any write of a block's text) puts its article on the to-do list.
        const qint64 block = sql::scalar(library.database(), u"SELECT block_id FROM appearances a JOIN persons p "
                                                             u"ON p.id = a.person_id WHERE p.name = '文良印'"_s)
                                 .toLongLong();
        QVERIFY(block > 0);
        QVERIFY(sql::exec(library.database(),
                          u"UPDATE blocks SET text = replace(text, '文良印', '文良印') || "
                          u"'区政协副主席马小明出席。' WHERE id = ?"_s,
                          {block}));
        QCOMPARE(index.pendingArticles(), 1);
        QVERIFY(index.update());
        QCOMPARE(index.appearances(u"马小明"_s).size(), 1);
        QCOMPARE(index.appearances(u"马小明"_s).front().role, u"出席"_s);
    }

    void migration_fromVersion5_queuesEveryArticle()
    {
        const QString path = m_dir.filePath(u"v5.sqlite"_s);
        {
            Library library;
            QVERIFY(library.open(path));
            QVERIFY(Importer(library).importPaths({test::corpusFiles().front()}).failed.isEmpty());
            QVERIFY(test::dropSchemaVersions7And8(library.database()));
            QVERIFY(sql::exec(library.database(), {{u"DROP TABLE appearances"_s, {}},
                                                   {u"DROP TABLE persons"_s, {}},
                                                   {u"DROP TABLE person_edits"_s, {}},
                                                   {u"DROP TABLE analysis_pending"_s, {}},
                                                   {u"DROP TRIGGER analysis_block_inserted"_s, {}},
                                                   {u"DROP TRIGGER analysis_block_changed"_s, {}},
                                                   {u"DROP TRIGGER analysis_block_deleted"_s, {}},
                                                   {u"PRAGMA user_version = 5"_s, {}}}));
        }
        Library library;
        QVERIFY(library.open(path));
        PeopleIndex index(library);
        QCOMPARE(index.pendingArticles(),
                 sql::scalar(library.database(), u"SELECT count(*) FROM articles"_s).toLongLong());
        QVERIFY(index.update());
        QVERIFY(!index.appearances(u"张智奎"_s).isEmpty());
    }

private:
    /// The library `name` of this run: a file, or a database of its own on the run's server (made once).
    QString location(const QString &name)
    {
        if (!test::onPostgres())
            return m_dir.filePath(name + u".sqlite"_s);
        QString &url = m_databases[name];
        if (url.isEmpty())
            url = test::separateLibraryLocation(name);
        return url;
    }

    QTemporaryDir m_dir;
    QHash<QString, QString> m_databases;
};

// update_severalBatches: 432 issues take ~12 s to import into a team library on the loaded CI machine; the batches
// are engine-independent C++ (bench_team measures a team library's people build at 100 MB).
DUBAO_TEST_MAIN_BOTH_ENGINES(TestPeople, {u"migration_fromVersion12_dropsTheSentenceCopy"_s,
                                          u"migration_fromVersion5_queuesEveryArticle"_s,
                                          u"update_severalBatches_extractsEveryArticleOnce"_s})
#include "tst_people.moc"
