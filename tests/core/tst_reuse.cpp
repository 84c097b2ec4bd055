// Text reuse (core/reuse): folding with offsets back into the blocks, winnowing's guarantee, the alignment of
// constructed copies (an insertion, a cut, paragraphs in another order, a Traditional copy with spaces and pinyin
// glosses), and the index in a library: incremental, re-parsed text, boilerplate, clusters, sources, schema v10.
#include "core/reuse/reusealigner.h"
#include "core/reuse/reuseindex.h"
#include "core/reuse/reusetext.h"
#include "core/store/schema.h"
#include "core/store/sql.h"
#include "tests/support/engines.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QTest>

#include <set>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

namespace {

std::u32string folded(const QString &text)
{
    return reuse::foldBlocks({text}).chars;
}

int matched(const std::vector<reuse::AlignedPassage> &passages)
{
    int n = 0;
    for (const reuse::AlignedPassage &p : passages)
        n += int(p.matches.size());
    return n;
}

} // namespace

class TestReuse : public QObject
{
    Q_OBJECT

private slots:
    void fold_traditionalSpacesAndPunctuation_matchSimplified()
    {
        const reuse::FoldedText t = reuse::foldBlocks({u"國務院 總理，李強(li qiang)主持會議。"_s, u"🎉新華社"_s});
        QCOMPARE(t.chars, folded(u"国务院总理李强主持会议新华社"_s));
        // Offsets are code points of the block's text: 李 is code point 7 of the first block (after " " and "，").
        QCOMPARE(t.blocks[5], 0);
        QCOMPARE(t.starts[5], 7);
        // After an emoji (two UTF-16 units, one code point) 新 is code point 1 of the second block.
        QCOMPARE(t.blocks[11], 1);
        QCOMPARE(t.starts[11], 1);
    }

    void winnow_sharedRunOfGuaranteedLength_givesCommonFingerprint()
    {
        for (quint32 seed = 1; seed <= 40; ++seed) {
            const QString run = hanText(1000 + seed, reuse::kGuaranteedRun);
            const QString a = hanText(seed, 50 + int(seed)) + run + hanText(seed + 100, 40);
            const QString b = hanText(seed + 200, 7 * int(seed) % 90) + run + hanText(seed + 300, 30);
            std::set<std::uint64_t> inA;
            for (const reuse::Fingerprint &f : reuse::winnow(reuse::shingleHashes(folded(a))))
                inA.insert(f.hash);
            bool common = false;
            for (const reuse::Fingerprint &f : reuse::winnow(reuse::shingleHashes(folded(b))))
                common = common || inA.count(f.hash);
            QVERIFY2(common, qPrintable(u"seed %1"_s.arg(seed)));
        }
    }

    void winnow_keepsFewFingerprints()
    {
        const auto fingerprints = reuse::winnow(reuse::shingleHashes(folded(hanText(7, 2000))));
        QVERIFY(fingerprints.size() > 2000 / reuse::kWindow);
        QVERIFY(fingerprints.size() < 2000 * 3 / reuse::kWindow);
    }

    void align_insertionOfJunk_onePassage()
    {
        const QString base = hanText(11, 300);
        const QString copy = base.left(150) + u"资料图新华社记者摄影报道"_s + base.mid(150);
        const auto passages = reuse::alignTexts(folded(base), folded(copy));
        QCOMPARE(passages.size(), std::size_t(1));
        QCOMPARE(matched(passages), 300);
        QCOMPARE(passages[0].aStart, 0);
        QCOMPARE(passages[0].aEnd, 300);
        QCOMPARE(passages[0].bEnd, 312);
    }

    void align_cut_onePassageWithoutTheCut()
    {
        const QString base = hanText(12, 400);
        const QString copy = base.left(120) + base.mid(180);
        const auto passages = reuse::alignTexts(folded(base), folded(copy));
        QCOMPARE(passages.size(), std::size_t(1));
        QCOMPARE(matched(passages), 340);
    }

    void align_reorderedParagraphs_twoPassages()
    {
        const QString p1 = hanText(13, 200), p2 = hanText(14, 150);
        const auto passages = reuse::alignTexts(folded(p1 + p2), folded(hanText(15, 30) + p2 + p1));
        QCOMPARE(passages.size(), std::size_t(2));
        QCOMPARE(matched(passages), 350);
        QCOMPARE(passages[0].aStart, 0);
        QCOMPARE(passages[0].bStart, 180);
        QCOMPARE(passages[1].aStart, 200);
        QCOMPARE(passages[1].bStart, 30);
    }

    void align_traditionalCopyWithGlossesAndChangedWords_matchesTheText()
    {
        const QString simplified =
            u"国务院总理李强主持召开国务院常务会议，贯彻落实习近平总书记关于防汛救灾工作的重要指示精神，"
            u"听取当前防汛抗洪救灾情况汇报，研究下一步做好防汛抢险救灾、群众生活保障和灾后恢复重建工作举措。"_s;
        const QString traditional =
            u"國(guo)務院總理李強主持召開 國務院常務會議,貫徹落實習近平總書記關於防汛救災工作的"
            u"重要指示精神,聽取目前防汛抗洪救災情況匯報,研究下一步做好防汛搶險救災、群眾生活保障和災後"
            u"恢復重建工作舉措。"_s;
        const auto passages = reuse::alignTexts(folded(simplified), folded(traditional));
        QCOMPARE(passages.size(), std::size_t(1));
        // 当前 → 目前: one character differs; every other folded character is matched.
        QCOMPARE(matched(passages), int(folded(simplified).size()) - 1);
    }

    void align_datesAtAnEdge_noFragmentOfTheirMonthAndDay()
    {
        // Two runs (a changed character between them), then a changed character and two dates: "5月4日" and "6月8日"
        // both fold to 月日, which the local alignment would take in past the changed character.
        const QString s1 = hanText(18, 60), s2 = hanText(19, 60);
        const QString a = s1 + u"甲"_s + s2 + u"乙5月4日"_s + hanText(20, 40);
        const QString b = s1 + u"丙"_s + s2 + u"丁6月8日"_s + hanText(21, 40);
        const auto passages = reuse::alignTexts(folded(a), folded(b));
        QCOMPARE(passages.size(), std::size_t(1));
        QCOMPARE(matched(passages), 120);
        QCOMPARE(passages[0].aEnd, 121); // the end of s2, not of 日
        // The same at the start of a passage.
        const auto reversed = reuse::alignTexts(folded(hanText(22, 40) + u"5月4日乙"_s + s1 + u"甲"_s + s2),
                                                folded(hanText(23, 40) + u"6月8日丁"_s + s1 + u"丙"_s + s2));
        QCOMPARE(reversed.size(), std::size_t(1));
        QCOMPARE(matched(reversed), 120);
        QCOMPARE(reversed[0].aStart, 43);
    }

    void index_dateLineOfItsOwn_noPassageOfTwoCharacters()
    {
        // The story's paragraphs, then a date line of its own: 月日 on both sides run on from the story, exactly.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(24, 90);
        const qint64 a = test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 5, 4), {story, u"5月4日"_s}});
        const qint64 b = test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 6, 8), {story, u"6月8日"_s}});
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        const ReusePair pair = *index.compare(a, b);
        QCOMPARE(pair.sharedChars, 90);
        QCOMPARE(pair.passages.size(), 1);
        QCOMPARE(pair.passages[0].aEnd, 90);
        QCOMPARE(index.pairs()->front().passages.size(), 1);
        // Two dates that start the shared paragraph: 月 and 日 match once folded, but the numbers differ.
        const qint64 c = test::storeReuseDocument(*library, {u"c"_s, QDate(2023, 6, 14), {u"6月14日，"_s + story}});
        const qint64 d = test::storeReuseDocument(*library, {u"d"_s, QDate(2023, 2, 21), {u"2月21日，"_s + story}});
        const ReusePair dated = *index.compare(c, d);
        QCOMPARE(dated.sharedChars, 90);
        QCOMPARE(dated.passages.size(), 1);
        QCOMPARE(dated.passages[0].aStart, 6); // after "6月14日，"
        QCOMPARE(dated.passages[0].bStart, 6);
        // The same date is shared text.
        const qint64 e = test::storeReuseDocument(*library, {u"e"_s, QDate(2023, 6, 14), {u"6月14日，"_s + story}});
        QCOMPARE(index.compare(c, e)->sharedChars, 92);
    }

    void align_unrelatedTexts_nothing()
    {
        QVERIFY(reuse::alignTexts(folded(hanText(16, 500)), folded(hanText(17, 500))).empty());
    }

    void index_copies_pairedWithPassagesInBlockOffsets()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(20, 120), more = hanText(21, 80);
        const qint64 a = test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 3, 1), {story, more}});
        const qint64 b = test::storeReuseDocument(
            *library, {u"b"_s, QDate(2023, 3, 2), {u"本报讯 "_s + hanText(22, 40), u"　"_s + story + more}});
        const qint64 c = test::storeReuseDocument(*library, {u"c"_s, QDate(2023, 3, 2), {hanText(23, 300)}});
        QVERIFY(a && b && c);
        ReuseIndex index(*library);
        // No index until the user builds one: nothing is queued, an update compares nothing.
        QVERIFY(!index.exists());
        QCOMPARE(index.pendingArticles(), 0);
        QCOMPARE(*index.update(), 0);
        QVERIFY(index.pairs()->isEmpty());
        QCOMPARE(*index.rebuild(), 3);
        QVERIFY(index.exists());
        const QList<ReusePair> pairs = *index.pairs();
        QCOMPARE(pairs.size(), 1);
        const ReusePair &p = pairs.front();
        QCOMPARE(p.a, a);
        QCOMPARE(p.b, b);
        QCOMPARE(p.sharedChars, 200);
        QCOMPARE(p.coverageA, 1.0);
        QVERIFY(!p.boilerplate);
        QCOMPARE(p.passages.size(), 2); // a's two blocks, both inside b's second block
        QCOMPARE(p.passages[0].aStart, 0);
        QCOMPARE(p.passages[0].aEnd, 120);
        QCOMPARE(p.passages[0].bStart, 1); // after the ideographic space
        QCOMPARE(p.passages[0].bEnd, 121);
        QCOMPARE(p.passages[1].bStart, 121);
        QCOMPARE(p.passages[1].bEnd, 201);
        QCOMPARE(p.passages[0].aBlock + 1, p.passages[1].aBlock);
        QCOMPARE(p.passages[0].bBlock, p.passages[1].bBlock);
        const QList<ReuseCluster> clusters = index.clusters(pairs);
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters[0].articles, (QList<qint64>{a, b}));
        QCOMPARE(clusters[0].source, std::optional<qint64>(a));
        QCOMPARE(index.pairsOf(b)->front().a, b); // seen from b
        QCOMPARE(index.pairsOf(b)->front().passages[0].aStart, 1);
    }

    void index_newArticle_comparedAlone_andSourceFromReferenceCollection()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(30, 150);
        const qint64 a = test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 5, 3), {story}});
        const qint64 b = test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 5, 4), {hanText(31, 20) + story}});
        ReuseIndex index(*library);
        QCOMPARE(*index.rebuild(), 2);
        const qint64 wire =
            test::storeReuseDocument(*library, {u"wire"_s, QDate(2023, 5, 5), {story + hanText(32, 60)}, u"新华社"_s});
        QCOMPARE(index.pendingArticles(), 1); // only the new article is compared
        QCOMPARE(*index.update(), 1);
        QCOMPARE(index.pairs()->size(), 3);
        QCOMPARE(index.clusters(*index.pairs()).front().source, std::optional<qint64>(a)); // the earliest
        QVERIFY(index.setReferenceCollection(u"新华社"_s, true));
        QCOMPARE(index.referenceCollections(), QStringList{u"新华社"_s});
        QCOMPARE(index.clusters(*index.pairs()).front().source, std::optional<qint64>(wire));
        QVERIFY(!index.setReferenceCollection(u"没有这个报"_s, true));
        QVERIFY(!schema::isRegisteredDerivedTable(u"reuse_sources"_s)); // the user's marks go into backups
        QVERIFY(schema::isRegisteredDerivedTable(u"reuse_pairs"_s));
        Q_UNUSED(b);
    }

    void index_changedText_recomputedAndDeletedArticleForgotten()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(40, 100);
        const qint64 a = test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 1, 1), {story}});
        const qint64 b = test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 1, 2), {story}});
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        QCOMPARE(index.pairs()->size(), 1);
        // An OCR correction or a re-parse writes the block: the trigger queues the article.
        QVERIFY(sql::exec(library->database(), u"UPDATE blocks SET text = ? WHERE article_id = ?"_s,
                          {hanText(41, 100), b}));
        QCOMPARE(index.pendingArticles(), 1);
        QVERIFY(index.update());
        QCOMPARE(index.pairs()->size(), 0);
        QVERIFY(sql::exec(library->database(), u"UPDATE blocks SET text = ? WHERE article_id = ?"_s, {story, b}));
        QVERIFY(index.update());
        QCOMPARE(index.pairs()->size(), 1);
        QVERIFY(sql::exec(library->database(), u"DELETE FROM articles WHERE id = ?"_s, {a}));
        QVERIFY(index.update());
        QCOMPARE(index.pairs()->size(), 0);
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_fingerprints WHERE article_id = %1"_s.arg(a)), 0);
        QVERIFY(!index.compare(a, b));
    }

    void index_formulaYearsApart_boilerplateAndNoCluster()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString formula = hanText(50, 70); // a slogan every report repeats
        QList<qint64> ids;
        for (int year : {2019, 2021, 2023})
            ids << test::storeReuseDocument(
                *library,
                {u"r%1"_s.arg(year), QDate(year, 6, 1), {hanText(year, 200), formula, hanText(year + 1, 90)}});
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        // The first two were paired before the third made the slogan a formula (and are marked boilerplate since);
        // the third shares only the formula with them, so it is not even aligned.
        const QList<ReusePair> pairs = *index.pairs();
        QCOMPARE(pairs.size(), 1);
        QCOMPARE(pairs.front().a, ids[0]);
        QCOMPARE(pairs.front().b, ids[1]);
        for (const ReusePair &p : pairs)
            QVERIFY(p.boilerplate);
        QVERIFY(index.clusters(pairs).isEmpty());
        // compare() aligns them all the same, and says what the index says.
        const ReusePair compared = *index.compare(ids[2], ids[1]);
        QCOMPARE(compared.sharedChars, 70);
        QVERIFY(compared.boilerplate);
    }

    void index_templateYearsApart_boilerplate_butALongReprintIsACopy()
    {
        // The same yearly meeting reported in 2020 and 2026 shares its template's sentences (80 characters), nothing
        // else: a template, not a story (score_reuse's real case). The same 80 characters a week apart are a copy,
        // and so is a document of 200 characters reprinted years later.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString meeting = hanText(70, 80), story = hanText(71, 80), document = hanText(72, 200);
        const auto store = [&](const QString &name, QDate date, const QString &shared, quint32 seed) {
            return test::storeReuseDocument(*library,
                                            {name, date, {hanText(seed, 150), shared, hanText(seed + 1, 100)}});
        };
        const qint64 m2020 = store(u"m2020"_s, QDate(2020, 1, 9), meeting, 100);
        const qint64 m2026 = store(u"m2026"_s, QDate(2026, 1, 8), meeting, 110);
        const qint64 s1 = store(u"s1"_s, QDate(2026, 1, 8), story, 120);
        const qint64 s2 = store(u"s2"_s, QDate(2026, 1, 15), story, 130);
        const qint64 d2019 = store(u"d2019"_s, QDate(2019, 3, 1), document, 140);
        const qint64 d2024 = store(u"d2024"_s, QDate(2024, 3, 1), document, 150);
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        const QList<ReusePair> pairs = *index.pairs();
        QCOMPARE(pairs.size(), 3);
        QHash<qint64, ReusePair> byA;
        for (const ReusePair &p : pairs)
            byA.insert(p.a, p);
        QCOMPARE(byA.value(m2020).b, m2026);
        QCOMPARE(byA.value(m2020).sharedChars, 80);
        QVERIFY(byA.value(m2020).boilerplate);
        QCOMPARE(byA.value(s1).b, s2);
        QVERIFY(!byA.value(s1).boilerplate);
        QCOMPARE(byA.value(d2019).b, d2024);
        QCOMPARE(byA.value(d2019).sharedChars, 200);
        QVERIFY(!byA.value(d2019).boilerplate);
        const QList<ReuseCluster> clusters = index.clusters(pairs);
        QCOMPARE(clusters.size(), 2); // the story and the document; the meetings make none
        QVERIFY(index.compare(m2026, m2020)->boilerplate);
        QVERIFY(!index.compare(s2, s1)->boilerplate);
    }

    void index_sharedQuotation_listedButNoCopy()
    {
        // Two agencies' reports of one letter quote the same sentence of it and state one fact in the same words
        // (score_reuse's real case: 53-76 characters, no passage over 33): listed with its passages, marked a
        // quotation, no cluster. One more sentence makes the shared text a paragraph: a copy.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString quote = hanText(90, 34), fact = hanText(91, 30), paragraph = hanText(92, 60);
        const qint64 a = test::storeReuseDocument(
            *library, {u"a"_s, QDate(2026, 2, 18), {hanText(93, 200), quote, hanText(94, 120), fact}});
        const qint64 b = test::storeReuseDocument(
            *library, {u"b"_s, QDate(2026, 2, 18), {hanText(95, 150), fact, hanText(96, 90), quote}});
        const qint64 c = test::storeReuseDocument(
            *library, {u"c"_s, QDate(2026, 2, 20), {hanText(97, 150), paragraph, hanText(98, 90)}});
        const qint64 d = test::storeReuseDocument(
            *library, {u"d"_s, QDate(2026, 2, 21), {hanText(99, 100), paragraph, hanText(100, 60)}});
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        const QList<ReusePair> pairs = *index.pairs();
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs[0].a, a);
        QCOMPARE(pairs[0].b, b);
        QCOMPARE(pairs[0].sharedChars, 64);
        QCOMPARE(pairs[0].passages.size(), 2);
        QVERIFY(!pairs[0].boilerplate);
        QVERIFY(pairs[0].quotation);
        QCOMPARE(pairs[1].a, c);
        QCOMPARE(pairs[1].b, d);
        QVERIFY(!pairs[1].quotation); // 60 characters in one passage: a reprinted paragraph
        const QList<ReuseCluster> clusters = index.clusters(pairs);
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters[0].articles, QList<qint64>({c, d}));
        QVERIFY(index.compare(b, a)->quotation);
        QVERIFY(!index.compare(c, d)->quotation);
        // The reader still marks the quoted passages: they are shared, only not a copy.
        QCOMPARE(index.pairsOf(a)->size(), 1);
    }

    void index_sentenceRepeatedOnOneSide_countedOnce()
    {
        // One report names the same list twice (its headline and its body), the other once: the list is one
        // passage, its characters counted once — not 40 + 40 shared characters for one sentence of the other.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString list = hanText(80, 40), story = hanText(81, 60);
        const qint64 a = test::storeReuseDocument(
            *library, {u"a"_s, QDate(2023, 3, 1), {hanText(82, 100), list + story, hanText(83, 80)}});
        const qint64 b = test::storeReuseDocument(
            *library, {u"b"_s, QDate(2023, 3, 2), {list, hanText(84, 90), list + story, hanText(85, 50)}});
        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        const ReusePair pair = *index.compare(a, b);
        QCOMPARE(pair.sharedChars, 100);
        QCOMPARE(pair.passages.size(), 1);
        QCOMPARE(pair.passages[0].aStart, 0);
        QCOMPARE(pair.passages[0].aEnd, 100);
        QCOMPARE(index.pairs()->front().sharedChars, 100);
        // The list alone, named twice by one report and once by the other, is shared once: 40 characters.
        const qint64 c = test::storeReuseDocument(*library, {u"c"_s, QDate(2023, 3, 3), {hanText(86, 90), list}});
        QCOMPARE(index.compare(c, b)->sharedChars, 40);
    }

    void update_keepsStatementJournalsInMemory_andRestoresTempStore()
    {
        // The batch's statement journals stay in memory while the index is written (docs/reuse.md: they were most
        // of the bytes a rebuild wrote), and the connection's setting is as it was afterwards.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        QSqlDatabase db = library->database();
        const auto tempStore = [&] {
            return sql::scalar(db, u"PRAGMA temp_store"_s).toInt();
        };
        QCOMPARE(tempStore(), 0);
        {
            const sql::TempStoreInMemoryScope scope(db);
            QCOMPARE(tempStore(), 2); // MEMORY
        }
        QCOMPARE(tempStore(), 0);
        {
            sql::WriteScope transaction(db); // inside a transaction SQLite refuses the change: left alone
            const sql::TempStoreInMemoryScope scope(db);
            QCOMPARE(tempStore(), 0);
        }
        test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 3, 1), {hanText(90, 120)}});
        test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 3, 2), {hanText(90, 120)}});
        QVERIFY(ReuseIndex(*library).rebuild());
        QCOMPARE(ReuseIndex(*library).pairs()->size(), 1);
        QCOMPARE(tempStore(), 0);
    }

    void index_rebuild_sameResult()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(60, 90);
        for (int k = 0; k < 4; ++k)
            QVERIFY(test::storeReuseDocument(*library,
                                             {u"d%1"_s.arg(k), QDate(2024, 2, 1 + k), {hanText(61 + k, 30) + story}}));
        ReuseIndex index(*library);
        QCOMPARE(*index.rebuild(), 4);
        const int before = int(index.pairs()->size());
        QCOMPARE(before, 6);
        QCOMPARE(*index.rebuild(), 4);
        QCOMPARE(int(index.pairs()->size()), before);
    }

    void index_fingerprintInMoreArticlesThanTheCap_leavesTheIndex()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(80, 90);
        for (int k = 0; k < 5; ++k)
            QVERIFY(test::storeReuseDocument(*library,
                                             {u"c%1"_s.arg(k), QDate(2024, 4, 1 + k), {hanText(81 + k, 40) + story}}));
        ReuseParameters parameters;
        parameters.indexCap = 3;
        ReuseIndex index(*library, parameters);
        QCOMPARE(*index.rebuild(), 5);
        QVERIFY(test::scalar(*library, u"SELECT count(*) FROM reuse_hashes WHERE frequent <> 0"_s) > 0);
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_fingerprints WHERE hash IN "
                                        u"(SELECT hash FROM reuse_hashes WHERE frequent <> 0)"_s),
                 0);
        QVERIFY(test::scalar(*library, u"SELECT max(n) FROM (SELECT count(*) AS n FROM reuse_fingerprints "
                                       u"GROUP BY hash)"_s) <= parameters.indexCap);
        QCOMPARE(test::scalar(*library, u"SELECT max(articles) FROM reuse_hashes"_s), 5);
    }

    void migration_fromVersion9_createsEmptyTablesAndQueuesNothing()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        QVERIFY(test::storeReuseDocument(*library, {u"old"_s, QDate(2022, 1, 1), {hanText(70, 50)}}));
        QVERIFY(test::dropSchemaVersion11(library->database()) && test::dropSchemaVersion10(library->database()));
        QSqlQuery q(library->database());
        QVERIFY(q.exec(u"PRAGMA user_version = 9"_s));
        const QString path = library->path();
        library->close();
        Library reopened;
        QVERIFY(reopened.open(path));
        QCOMPARE(test::scalar(reopened, u"PRAGMA user_version"_s), qint64(Library::currentSchemaVersion()));
        ReuseIndex index(reopened);
        QCOMPARE(index.pendingArticles(), 0); // an upgrade does not start hours of work
        QVERIFY(!index.exists());
        QCOMPARE(*index.rebuild(), 1);
        QCOMPARE(test::scalar(reopened, u"SELECT count(*) FROM reuse_articles"_s), 1);
    }
    void articleReuse_marksCopiesEarliestFirst_andOwnText()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(80, 120), local = hanText(81, 80);
        const qint64 wire = test::storeReuseDocument(*library, {u"wire"_s, QDate(2023, 1, 5), {story}, u"新华社"_s});
        const qint64 copy =
            test::storeReuseDocument(*library, {u"copy"_s, QDate(2023, 1, 6), {local, u"　　"_s + story}});
        const qint64 later = test::storeReuseDocument(*library, {u"later"_s, QDate(2023, 1, 9), {story.left(90)}});
        QVERIFY(wire && copy && later);
        ReuseIndex index(*library);
        QVERIFY(!index.articleReuse(copy)->indexed); // never built: nothing to show
        QVERIFY(index.rebuild());
        const ArticleReuse reuse = *index.articleReuse(copy);
        QVERIFY(reuse.indexed);
        QCOMPARE(reuse.date, QDate(2023, 1, 6));
        QCOMPARE(reuse.foldedChars, 200);
        QCOMPARE(reuse.ownChars, 80); // the local paragraph
        QCOMPARE(reuse.sharedShare(), 0.6);
        QCOMPARE(reuse.copies.size(), 2);
        QCOMPARE(reuse.copies[0].article, wire); // earliest first
        QCOMPARE(reuse.copies[0].publication, u"新华社"_s);
        QCOMPARE(reuse.copies[0].date, QDate(2023, 1, 5));
        QCOMPARE(reuse.copies[0].sharedChars, 120);
        QCOMPARE(reuse.copies[1].article, later);
        QCOMPARE(reuse.sourceCopy(), 0);
        // One mark over the shared paragraph (after its two ideographic spaces), naming both copies.
        QCOMPARE(reuse.marks.size(), 1);
        QCOMPARE(reuse.marks[0].start, 2);
        QCOMPARE(reuse.marks[0].end, 122);
        QCOMPARE(reuse.marks[0].copies, (QList<int>{0, 1}));
        // The wire story is the earliest: it has copies but no source.
        QCOMPARE(index.articleReuse(wire)->sourceCopy(), -1);
        QCOMPARE(index.articleReuse(wire)->ownChars, 0);

        // The Reuse view's cluster: the source first, then the copies by date with their lag and share.
        const QList<ReuseClusterDetails> clusters = *index.clusterDetails();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters[0].source, std::optional<qint64>(wire));
        QCOMPARE(clusters[0].copies.size(), 3);
        QCOMPARE(clusters[0].copies[0].article, wire);
        QVERIFY(!clusters[0].copies[0].lagDays);
        QCOMPARE(clusters[0].copies[0].shared, 1.0);
        QCOMPARE(clusters[0].copies[1].article, copy);
        QCOMPARE(clusters[0].copies[1].lagDays, std::optional<int>(1));
        QCOMPARE(clusters[0].copies[1].shared, 0.6);
        QCOMPARE(clusters[0].copies[1].publication, u"测试日报"_s);
        QCOMPARE(clusters[0].copies[2].lagDays, std::optional<int>(4));
        QCOMPARE(clusters[0].copies[2].shared, 1.0);
    }

    void compare_listsTheMatchedCharacters_soChangesShowInsidePassages()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(90, 100);
        QString reworded = story;
        reworded[50] = QChar(0x4E00); // one character changed
        const qint64 a = test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 2, 1), {story}});
        const qint64 b = test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 2, 2), {u"本"_s + reworded}});
        const ReusePair pair = *ReuseIndex(*library).compare(a, b);
        QCOMPARE(pair.passages.size(), 1);
        const QList<QPair<int, int>> &matched = pair.passages[0].matched;
        QCOMPARE(matched.size(), 99);
        QCOMPARE(matched.front(), (QPair<int, int>{0, 1}));
        bool skips50 = true;
        for (const auto &[x, y] : matched)
            skips50 = skips50 && x != 50 && y == x + 1;
        QVERIFY(skips50);
        // Seen from b, the offsets turn round.
        QCOMPARE(pair.swapped().passages[0].matched.front(), (QPair<int, int>{1, 0}));
    }

    void forgetAndRecompute_keepTheUsersChoiceOfState()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(95, 120);
        QVERIFY(test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 4, 1), {story}}));
        QVERIFY(test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 4, 2), {story}}));
        ReuseIndex index(*library);
        QList<std::pair<qint64, qint64>> reports;
        QCOMPARE(*index.rebuild(nullptr, [&](qint64 done, qint64 total) { reports.append({done, total}); }), 2);
        QCOMPARE(reports.back(), (std::pair<qint64, qint64>{2, 2}));
        // A cancelled recomputation keeps the pairs it had.
        std::atomic_bool cancel = true;
        QVERIFY(!index.recompute(&cancel));
        QCOMPARE(index.pairs()->size(), 1);
        QCOMPARE(*index.recompute(), 2);
        QCOMPARE(index.pairs()->size(), 1);
        QVERIFY(index.forget());
        QVERIFY(!index.exists());
        QCOMPARE(index.pendingArticles(), 0);
        QVERIFY(index.pairs()->isEmpty());
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_fingerprints"_s), 0);
    }
};

// On both engines (a team library's index is schema v18, core/reuse/reusepostgres.cpp), but for what has no library
// or is about an SQLite file: folding, winnowing, the aligner, SQLite's statement journals, the v10 migration.
DUBAO_TEST_MAIN_BOTH_ENGINES(TestReuse,
                             {u"fold_traditionalSpacesAndPunctuation_matchSimplified"_s,
                              u"winnow_sharedRunOfGuaranteedLength_givesCommonFingerprint"_s,
                              u"winnow_keepsFewFingerprints"_s, u"align_insertionOfJunk_onePassage"_s,
                              u"align_cut_onePassageWithoutTheCut"_s, u"align_reorderedParagraphs_twoPassages"_s,
                              u"align_traditionalCopyWithGlossesAndChangedWords_matchesTheText"_s,
                              u"align_datesAtAnEdge_noFragmentOfTheirMonthAndDay"_s, u"align_unrelatedTexts_nothing"_s,
                              u"update_keepsStatementJournalsInMemory_andRestoresTempStore"_s,
                              u"migration_fromVersion9_createsEmptyTablesAndQueuesNothing"_s})
#include "tst_reuse.moc"
