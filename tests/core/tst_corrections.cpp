// The reader's corrections of the OCR (docs/corrections.md): a span corrected, joined, split or given a kind; taken
// back and put back; kept across re-parse and replace (or kept as an orphan); highlights on the paragraph staying on
// their words; the search seeing the corrected text; the corrections table kept by the schema and the migration.
#include "core/annotate/anchoring.h"
#include "core/annotate/correcting.h"
#include "core/ingest/backuprestorer.h"
#include "core/ingest/corrector.h"
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/correctionrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/sampleissue.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCorrections : public QObject
{
    Q_OBJECT

private:
    test::TemporaryLibrary m_library;
    qint64 m_issueId = 0;

    /// The id and text of the stored paragraph holding `needle`.
    std::pair<qint64, QString> blockWith(const QString &needle)
    {
        QSqlQuery q((*m_library).database());
        q.prepare(u"SELECT id, text FROM blocks WHERE instr(text, ?) > 0 ORDER BY id LIMIT 1"_s);
        q.addBindValue(needle);
        if (!q.exec() || !q.next())
            return {0, {}};
        return {q.value(0).toLongLong(), q.value(1).toString()};
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q((*m_library).database());
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    QString textOf(qint64 blockId) { return value(u"SELECT text FROM blocks WHERE id = %1"_s.arg(blockId)).toString(); }
    qint64 hits(const QString &query) { return SearchService(*m_library).search(query).total; }
    /// Every paragraph of the library as "kind: text", in reading order.
    static QStringList paragraphs(Library &library)
    {
        QStringList texts;
        QSqlQuery q(library.database());
        if (q.exec(u"SELECT b.kind, b.text FROM blocks b JOIN articles a ON a.id = b.article_id "
                   "ORDER BY a.position, b.position"_s)) {
            while (q.next())
                texts << q.value(0).toString() + u": "_s + q.value(1).toString();
        }
        return texts;
    }

private slots:
    void init()
    {
        QVERIFY(m_library.create());
        const std::optional<StoredIssue> issue = test::importSampleIssue(*m_library);
        QVERIFY(issue);
        m_issueId = issue->id;
    }

    void correctText_changesTheParagraphKeepsTheOriginalAndTheHighlight()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        QVERIFY(blockId > 0);
        const QString raw = value(u"SELECT raw FROM blocks WHERE id = %1"_s.arg(blockId)).toString();
        const int highlightAt = int(before.indexOf(u"农村居民人均可支配收入"_s));
        AnnotationRepository annotations(*m_library);
        const Result<qint64> highlight = annotations.addHighlight(blockId, highlightAt, highlightAt + 11);
        QVERIFY(highlight);

        const int at = int(before.indexOf(u"播种面积"_s)); // the paragraph is all in the BMP: code points == UTF-16
        const Result<qint64> id = Corrector(*m_library).correctText(blockId, at + 2, at + 4, u"总面积"_s, u"ann"_s);
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message()));
        const QString after = textOf(blockId);
        QCOMPARE(after, QString(before).replace(u"播种面积"_s, u"播种总面积"_s));
        QCOMPARE(value(u"SELECT raw FROM blocks WHERE id = %1"_s.arg(blockId)).toString(), raw);

        const std::optional<Highlight> moved = annotations.highlight(*highlight);
        QVERIFY(moved);
        QCOMPARE(moved->blockId, blockId);
        QCOMPARE(after.mid(moved->start, moved->end - moved->start), u"农村居民人均可支配收入"_s);
        QCOMPARE(moved->start, highlightAt + 1);

        const Result<std::optional<Correction>> stored = CorrectionRepository(*m_library).find(*id);
        QVERIFY(stored && *stored);
        const Correction &c = **stored;
        QCOMPARE(c.blockId, blockId);
        QCOMPARE(c.original, u"面积"_s);
        QCOMPARE(c.text, u"总面积"_s);
        QCOMPARE(c.start, at + 2);
        QCOMPARE(c.end, at + 4);
        QCOMPARE(c.author, u"ann"_s);
        QVERIFY(!c.orphan);

        // The search sees the corrected text, not the OCR's, in the same transaction.
        QCOMPARE(hits(u"播种总面积"_s), 1);
        QCOMPARE(hits(u"播种面积"_s), 0);
        // ... and finds the OCR's text when asked (ocr:), alone or with words of the corrected text.
        QCOMPARE(hits(u"ocr:播种面积"_s), 1);
        QCOMPARE(hits(u"ocr:播种面积 粮食"_s), 1);
        QCOMPARE(hits(u"ocr:播种面积 湿地"_s), 0);
        QCOMPARE(hits(u"ocr:播种总面积"_s), 0);
    }

    void ocrSearch_nonBmpBeforeTheCorrection_findsAndMarksTheCorrectedSpan()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        QVERIFY(blockId > 0);
        Corrector corrector(*m_library);
        // 会 → 𠮷 (U+20BB7, two UTF-16 units) at the paragraph's start, then 面积 → 总面积 after it.
        QVERIFY(corrector.correctText(blockId, 0, 1, u"\U00020BB7"_s, u"ann"_s));
        const QString shown = textOf(blockId);
        const int at = correcting::codePoints(shown, int(shown.indexOf(u"播种面积"_s)));
        QVERIFY(corrector.correctText(blockId, at + 2, at + 4, u"总面积"_s, u"ann"_s));
        const QString after = textOf(blockId);
        QVERIFY(after.startsWith(u"\U00020BB7"_s));

        const SearchResult result = SearchService(*m_library).search(u"ocr:播种面积"_s);
        QCOMPARE(result.total, 1);
        const SearchHit &hit = result.hits.front();
        QCOMPARE(hit.blockId, blockId);
        // The mark is the corrected span where the OCR read 面积, in UTF-16 units as every match of a hit.
        QCOMPARE(hit.matches.size(), 1);
        QCOMPARE(after.mid(hit.matches.front().start, hit.matches.front().length), u"总面积"_s);
        QCOMPARE(hit.snippet.ranges.size(), 1);
        QCOMPARE(hit.snippet.text.mid(hit.snippet.ranges.front().start, hit.snippet.ranges.front().length),
                 u"总面积"_s);
        // The first correction's OCR text: found, marked on 𠮷.
        const SearchResult first = SearchService(*m_library).search(u"ocr:会议指出"_s);
        QCOMPARE(first.total, 1);
        QCOMPARE(first.hits.front().matches.front().start, 0);
        QCOMPARE(first.hits.front().matches.front().length, 2);
        // Text the OCR read the same where no correction stands is not an OCR find; with words it narrows.
        QCOMPARE(hits(u"ocr:农村居民"_s), 0);
        QCOMPARE(hits(u"ocr:播种面积 农村居民"_s), 1);
        QCOMPARE(hits(u"ocr:播种面积 湿地"_s), 0);
    }

    void uncorrectAndRestore_goBackAndForth()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        const int at = int(before.indexOf(u"播种面积"_s));
        Corrector corrector(*m_library);
        const Result<qint64> id = corrector.correctText(blockId, at, at + 2, u"栽种"_s, u"ann"_s);
        QVERIFY(id);
        QVERIFY(textOf(blockId) != before);
        const Result<Correction> removed = corrector.uncorrect(*id);
        QVERIFY(removed);
        QCOMPARE(textOf(blockId), before);
        QCOMPARE(hits(u"栽种面积"_s), 0);
        QVERIFY(corrector.restore(*removed));
        QCOMPARE(textOf(blockId), QString(before).replace(u"播种面积"_s, u"栽种面积"_s));
        QCOMPARE(CorrectionRepository(*m_library).list()->size(), 1);
        QCOMPARE(CorrectionRepository(*m_library).list()->first().id, *id);
    }

    void overlappingCorrection_isRefusedAndChangesNothing()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        const int at = int(before.indexOf(u"播种面积"_s));
        Corrector corrector(*m_library);
        QVERIFY(corrector.correctText(blockId, at, at + 2, u"栽种"_s, u"ann"_s));
        const QString corrected = textOf(blockId);
        const Result<qint64> overlap = corrector.correctText(blockId, at + 1, at + 3, u"X"_s, u"ann"_s);
        QVERIFY(!overlap);
        QVERIFY(overlap.error().message().contains(u"overlaps"_s));
        QVERIFY(!corrector.correctText(blockId, 5, 3, u"X"_s, u"ann"_s));
        QVERIFY(!corrector.correctText(blockId, 0, 1, u"a\nb"_s, u"ann"_s));
        QCOMPARE(textOf(blockId), corrected);
        QCOMPARE(CorrectionRepository(*m_library).list()->size(), 1);
    }

    void splitJoinAndKind_changeTheParagraphs()
    {
        const auto [blockId, before] = blockWith(u"会议强调"_s);
        QVERIFY(blockId > 0);
        const qint64 articleId = value(u"SELECT article_id FROM blocks WHERE id = %1"_s.arg(blockId)).toLongLong();
        const int blocksBefore = value(u"SELECT count(*) FROM blocks WHERE article_id = %1"_s.arg(articleId)).toInt();
        Corrector corrector(*m_library);
        const int cut = int(before.indexOf(u"要抓好农资保供"_s));
        QVERIFY(cut > 0);
        const Result<qint64> split = corrector.split(blockId, cut, u"ann"_s);
        QVERIFY2(split, qPrintable(split ? QString() : split.error().message()));
        QCOMPARE(value(u"SELECT count(*) FROM blocks WHERE article_id = %1"_s.arg(articleId)).toInt(),
                 blocksBefore + 1);
        // The part holding most of the paragraph keeps its id (docs/schema.md, "Stable identities").
        const auto [first, firstText] = blockWith(before.left(8));
        const auto [second, secondText] = blockWith(u"要抓好农资保供"_s);
        QCOMPARE(firstText, before.left(cut));
        QCOMPARE(secondText, before.mid(cut));
        QVERIFY(first == blockId || second == blockId);

        const Result<qint64> kind = corrector.setKind(second, BlockKind::Heading, u"ann"_s);
        QVERIFY2(kind, qPrintable(kind ? QString() : kind.error().message()));
        QCOMPARE(value(u"SELECT kind FROM blocks WHERE id = %1"_s.arg(second)).toString(), u"heading"_s);
        QVERIFY(corrector.uncorrect(*kind));
        QVERIFY(corrector.uncorrect(*split));
        QCOMPARE(textOf(blockId), before);

        // Joined with the next paragraph, then the join taken back.
        const QString next = value(u"SELECT text FROM blocks WHERE article_id = %1 AND position = "
                                   "(SELECT position + 1 FROM blocks WHERE id = %2)"_s.arg(articleId)
                                       .arg(blockId))
                                 .toString();
        QVERIFY(!next.isEmpty());
        const Result<qint64> join = corrector.join(blockId, u"ann"_s);
        QVERIFY2(join, qPrintable(join ? QString() : join.error().message()));
        QCOMPARE(textOf(blockId), before + next);
        QVERIFY(corrector.uncorrect(*join));
        QCOMPARE(textOf(blockId), before);
        QCOMPARE(value(u"SELECT count(*) FROM blocks WHERE article_id = %1"_s.arg(articleId)).toInt(), blocksBefore);
    }

    void reparse_keepsTheCorrectionAndTheHighlightOnItsWords()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        const int at = int(before.indexOf(u"播种面积"_s));
        Corrector corrector(*m_library);
        QVERIFY(corrector.correctText(blockId, at + 2, at + 4, u"总面积"_s, u"ann"_s));
        const QString corrected = textOf(blockId);
        const int highlightAt = int(corrected.indexOf(u"农村居民"_s));
        AnnotationRepository annotations(*m_library);
        const Result<qint64> highlight = annotations.addHighlight(blockId, highlightAt, highlightAt + 4);
        QVERIFY(highlight);

        const ReparseReport report = IssueReplacer(*m_library).reparseAll(ReparseOptions{true, {}, nullptr, 1000});
        QVERIFY(report.failed.isEmpty());
        QCOMPARE(report.changed, 0); // the corrected parse is what is stored: nothing written
        QCOMPARE(textOf(blockId), corrected);
        const std::optional<Highlight> h = annotations.highlight(*highlight);
        QCOMPARE(h->start, highlightAt);

        // A parser that changes the text before the correction: the correction and the highlight follow their words.
        IssueReplacer changed(
            *m_library,
            [](const QByteArray &bytes, const QString &path) {
                IssueFileResult parsed = parseIssueBytes(bytes, path);
                for (Article &article : parsed.issue.articles)
                    for (Block &block : article.blocks)
                        block.text.replace(u"会议指出，"_s, u"会议指出：这次"_s);
                return parsed;
            },
            kParserVersion + 1);
        QVERIFY(changed.reparse(m_issueId));
        const QString now = textOf(blockId);
        QVERIFY2(now.contains(u"会议指出：这次去年全区粮食播种总面积"_s), qPrintable(now));
        const std::optional<Highlight> moved = annotations.highlight(*highlight);
        QCOMPARE(moved->blockId, blockId);
        QCOMPARE(now.mid(moved->start, moved->end - moved->start), u"农村居民"_s);
        const Correction c = CorrectionRepository(*m_library).list()->first();
        QVERIFY(!c.orphan);
        QCOMPARE(c.start, at + 2 + 2);
    }

    void replaceWithoutTheText_keepsTheCorrectionAsAnOrphan()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        const int at = int(before.indexOf(u"播种面积"_s));
        QVERIFY(Corrector(*m_library).correctText(blockId, at, at + 4, u"种植面积"_s, u"ann"_s));
        QFile sample(test::sampleIssuePath());
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray bytes = sample.readAll();
        bytes.replace(u"去年全区粮食播种面积稳定在38.6万亩,"_s.toUtf8(), QByteArray());
        QVERIFY(IssueReplacer(*m_library).replaceBytes(m_issueId, bytes, m_library.filePath(u"new.txt"_s)));
        const Result<QList<Correction>> orphans = CorrectionRepository(*m_library).orphans();
        QVERIFY(orphans);
        QCOMPARE(orphans->size(), 1);
        QCOMPARE(orphans->first().original, u"播种面积"_s);
        QCOMPARE(orphans->first().blockId, 0);
        QVERIFY(!textOf(blockId).contains(u"种植面积"_s));
    }

    void backupAndRestore_bringTheCorrectionsBack()
    {
        const auto [blockId, before] = blockWith(u"会议强调"_s);
        Corrector corrector(*m_library);
        const int at = int(before.indexOf(u"春争日"_s));
        QVERIFY(corrector.correctText(blockId, at, at + 3, u"春争時"_s, u"ann"_s));
        QVERIFY(corrector.split(blockId, int(before.indexOf(u"要抓好农资保供"_s)), u"ann"_s));
        const auto [highlighted, highlightedText] = blockWith(u"头等大事"_s);
        const int highlightAt = int(highlightedText.indexOf(u"头等大事"_s));
        QVERIFY(AnnotationRepository(*m_library).addHighlight(highlighted, highlightAt, highlightAt + 4));
        const QString corrected = textOf(blockId);
        const QString blocks = value(u"SELECT group_concat(id || ':' || text, '|') FROM blocks"_s).toString();
        const Result<QString> backup = Backup::create(*m_library, u"manual"_s, 10);
        QVERIFY(backup);
        const QString path = (*m_library).path();
        m_library->close();
        const Result<RestoreReport> restored = BackupRestorer::restore(*backup, path);
        QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message()));
        QCOMPARE(restored->newShapes, 0);
        QCOMPARE(restored->orphaned, 0);
        QVERIFY(m_library->open(path));
        QCOMPARE(value(u"SELECT group_concat(id || ':' || text, '|') FROM blocks"_s).toString(), blocks);
        QCOMPARE(CorrectionRepository(*m_library).list()->size(), 2);
        QCOMPARE(CorrectionRepository(*m_library).orphans()->size(), 0);
        QCOMPARE(hits(u"春争時"_s), 1);
        // and the next re-parse finds nothing to change
        const ReparseReport report = IssueReplacer(*m_library).reparseAll(ReparseOptions{true, {}, nullptr, 1000});
        QCOMPARE(report.changed, 0);
        QCOMPARE(textOf(blockId), corrected);
    }

    void migrationFromVersion8_addsTheTableAndKeepsTheLibrary()
    {
        const QString path = (*m_library).path();
        QVERIFY(test::dropSchemaVersion9((*m_library).database()));
        QVERIFY(QSqlQuery((*m_library).database()).exec(u"PRAGMA user_version = 8"_s));
        const QString blocks = value(u"SELECT group_concat(text, '|') FROM blocks"_s).toString();
        m_library->close();
        QVERIFY(m_library->open(path));
        QVERIFY(!m_library->isReadOnly());
        QCOMPARE(value(u"PRAGMA user_version"_s).toInt(), Library::currentSchemaVersion());
        QCOMPARE(value(u"SELECT count(*) FROM corrections"_s).toInt(), 0);
        QCOMPARE(value(u"SELECT group_concat(text, '|') FROM blocks"_s).toString(), blocks);
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        QVERIFY(Corrector(*m_library).correctText(blockId, 0, 2, u"会上"_s, u"ann"_s));
    }

    void correctedIssueText_writesTheCorrectionIntoItsLine()
    {
        const auto [blockId, before] = blockWith(u"播种面积"_s);
        const int at = int(before.indexOf(u"播种面积"_s));
        Corrector corrector(*m_library);
        QVERIFY(corrector.correctText(blockId, at + 2, at + 4, u"总面积"_s, u"ann"_s));
        QFile sample(test::sampleIssuePath());
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QStringList original = QString::fromUtf8(sample.readAll()).split(u'\n');
        const Result<QString> corrected = corrector.correctedIssueText(m_issueId);
        QVERIFY(corrected);
        const QStringList lines = corrected->split(u'\n');
        QCOMPARE(lines.size(), original.size()); // the line layout kept
        int changed = 0;
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i) != original.at(i)) {
                ++changed;
                QCOMPARE(lines.at(i), QString(original.at(i)).replace(u"播种面积"_s, u"播种总面积"_s));
            }
        }
        QCOMPARE(changed, 1);
        // A split paragraph: its lines become the two paragraphs.
        QVERIFY(corrector.split(blockId, 4, u"ann"_s));
        const QString split = *corrector.correctedIssueText(m_issueId);
        QVERIFY(split.contains(before.left(4) + u"\n\n"_s));
    }

    void correctedIssueFile_joinsAndSplits_reimportAsTheCorrectedParagraphs()
    {
        // A join of two paragraphs, a split of another after a sentence, a text correction in a third.
        const QStringList parsed = paragraphs(*m_library);
        const qint64 joined = blockWith(u"周明远要"_s).first;
        const auto [cut, cutText] = blockWith(u"会议强调"_s);
        QVERIFY(joined > 0 && cut > 0 && joined != cut);
        Corrector corrector(*m_library);
        QVERIFY(corrector.join(joined, u"ann"_s));
        const int sentence = int(cutText.indexOf(u'。')) + 1;
        QVERIFY(sentence > 0 && sentence < cutText.size());
        QVERIFY(corrector.split(cut, correcting::codePoints(cutText, sentence), u"ann"_s));
        const auto [fixed, fixedText] = blockWith(u"播种面积"_s);
        const int at = correcting::codePoints(fixedText, int(fixedText.indexOf(u"播种面积"_s)));
        QVERIFY(corrector.correctText(fixed, at + 2, at + 4, u"总面积"_s, u"ann"_s));
        const QStringList corrected = paragraphs(*m_library);
        QCOMPARE(corrected.size(), parsed.size()); // one fewer by the join, one more by the split
        QVERIFY(corrected != parsed);

        const Result<QString> file = corrector.correctedIssueText(m_issueId);
        QVERIFY(file);
        // The split's parts are two paragraphs of the file, a blank line between, as the file lays paragraphs out.
        QVERIFY(file->contains(cutText.left(sentence) + u"\n\n"_s + cutText.mid(sentence)));
        test::TemporaryLibrary again;
        QVERIFY(again.create());
        const QString path = again.filePath(u"corrected.txt"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file->toUtf8());
        out.close();
        const ImportReport report = Importer(*again).importPaths({path});
        QCOMPARE(report.imported.size(), 1);
        QCOMPARE(paragraphs(*again), corrected);
    }

    void correctedIssueFile_joinAndSplitBesideABylineAndANote_keepTheirText()
    {
        // The byline opens the first paragraph's line (本报讯(滨江日报记者 …)3月5日,…) and an editor's note closes the
        // line of another ((本报有删节)): a join of the one and a split of the other rewrite those lines, and what
        // is not the paragraphs' text on them stays, so the file re-imports with its byline and note.
        auto bylines = [](Library &library) {
            QStringList out;
            QSqlQuery q(library.database());
            if (q.exec(u"SELECT byline_source, byline_date, byline_raw FROM articles ORDER BY position"_s)) {
                while (q.next())
                    out << q.value(0).toString() + u"|"_s + q.value(1).toString() + u"|"_s + q.value(2).toString();
            }
            return out;
        };
        const QStringList parsedBylines = bylines(*m_library);
        const auto [opening, openingText] = blockWith(u"清溪区召开2024年"_s);
        const auto [noted, notedText] = blockWith(u"北段开放后"_s);
        QVERIFY(opening > 0 && noted > 0);
        Corrector corrector(*m_library);
        QVERIFY(corrector.join(opening, u"ann"_s));
        const int sentence = int(notedText.indexOf(u'。')) + 1;
        QVERIFY(sentence > 0 && sentence < notedText.size());
        QVERIFY(corrector.split(noted, correcting::codePoints(notedText, sentence), u"ann"_s));
        const QStringList corrected = paragraphs(*m_library);

        const Result<QString> file = corrector.correctedIssueText(m_issueId);
        QVERIFY(file);
        QVERIFY2(file->contains(u"本报讯(滨江日报记者 林晓舟 韩雨桐)3月5日，清溪区召开2024年"_s), qPrintable(*file));
        QVERIFY2(file->contains(u"享受到更多绿色空间。(本报有删节)"_s), qPrintable(*file));
        test::TemporaryLibrary again;
        QVERIFY(again.create());
        const QString path = again.filePath(u"corrected.txt"_s);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file->toUtf8());
        out.close();
        QCOMPARE(Importer(*again).importPaths({path}).imported.size(), 1);
        QCOMPARE(paragraphs(*again), corrected);
        QCOMPARE(bylines(*again), parsedBylines);
    }

    void apply_isPureAndMapsBack()
    {
        Article article;
        article.title = u"题"_s;
        for (const char16_t *text : {u"甲乙丙丁戊己", u"庚辛壬癸"}) {
            Block block;
            block.text = QString::fromUtf16(text);
            article.blocks.append(block);
        }
        ParsedIssue issue;
        issue.articles = {article};
        Correction c;
        c.kind = CorrectionKind::Text;
        c.text = u"XYZ"_s;
        c.anchor.issueId = 1;
        // anchorTo's work, by hand: 乙丙 of the first paragraph.
        anchoring::ArticleText text{article.title, {article.blocks[0].text, article.blocks[1].text}};
        c.anchor = anchoring::makeAnchor(text, 0, 0, 1, 3);
        c.original = c.anchor.quote;
        Correction join;
        join.kind = CorrectionKind::Join;
        join.anchor = anchoring::makeAnchor(text, 0, 0, 0, 6);
        join.original = join.anchor.quote;
        const correcting::CorrectedIssue corrected = correcting::apply(issue.articles, {c, join});
        QCOMPARE(corrected.articles[0].blocks.size(), 1);
        QCOMPARE(corrected.articles[0].blocks[0].text, u"甲XYZ丁戊己庚辛壬癸"_s);
        QVERIFY(corrected.placements[0].placed);
        QCOMPARE(corrected.placements[0].start, 1);
        QCOMPARE(corrected.placements[0].end, 4);
        int touches = -1;
        QVERIFY(!correcting::toParse(corrected, 0, 0, 2, 5, &touches));
        QCOMPARE(touches, 0);
        const auto span = correcting::toParse(corrected, 0, 0, 8, 10);
        QVERIFY(span);
        QCOMPARE(span->parseBlock, 1);
        QCOMPARE(span->start, 1);
        QCOMPARE(span->end, 3);
        QCOMPARE(correcting::codePoints(u"a😀b"_s, 3), 2);
        QCOMPARE(correcting::utf16Offset(u"a😀b"_s, 2), 3);
    }
};

QTEST_GUILESS_MAIN(TestCorrections)
#include "tst_corrections.moc"
