// Stable identities (schema v4): ids and uids that survive re-parsing and replacing, the lineage of split, joined and
// removed paragraphs, links that resolve through it, and writing only what changed.
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/exportwriter.h"
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/parse/issuefile.h"
#include "core/search/searchindex.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "core/store/uid.h"
#include "tests/support/corpus.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// (id, uid) of every article and block, in id order.
QStringList identities(Library &library)
{
    QStringList out;
    for (const char *table : {"issues", "articles", "blocks"}) {
        QSqlQuery q(library.database());
        q.exec(u"SELECT id, hex(uid) FROM "_s + QLatin1String(table) + u" ORDER BY id"_s);
        while (q.next())
            out.append(QString::fromLatin1(table) + u':' + q.value(0).toString() + u':' + q.value(1).toString());
    }
    return out;
}

QString rowOf(Library &library, const QString &sql, qint64 id)
{
    QSqlQuery q(library.database());
    q.prepare(sql);
    q.addBindValue(id);
    q.exec();
    QStringList values;
    if (q.next())
        for (int c = 0; c < 32 && q.value(c).isValid(); ++c)
            values.append(q.value(c).toString());
    return values.join(u'|');
}

QVariant scalarOf(Library &library, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(library.database());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

/// The test-only rule change: in the first article with at least six paragraphs, paragraph 1 is split after 70 %
/// of its text and paragraphs 3 and 4 are joined. Everything else as the real parser gives it.
IssueFileResult changedParser(const QByteArray &bytes, const QString &path)
{
    IssueFileResult result = parseIssueBytes(bytes, path);
    if (!result.ok)
        return result;
    for (Article &article : result.issue.articles) {
        if (article.blocks.size() < 6 || article.blocks.at(1).text.size() < 20)
            continue;
        QList<Block> &blocks = article.blocks;
        Block joined = blocks.at(3);
        joined.text += blocks.at(4).text;
        joined.raw += u'\n' + blocks.at(4).raw;
        joined.lastLine = blocks.at(4).lastLine;
        blocks[3] = joined;
        blocks.removeAt(4);
        Block second = blocks.at(1);
        const qsizetype cut = blocks.at(1).text.size() * 7 / 10;
        second.text = blocks.at(1).text.mid(cut);
        blocks[1].text.truncate(cut);
        blocks.insert(2, second);
        break;
    }
    return result;
}

/// What the paragraph index finds for every two-character run of Han text in the library (and each character
/// alone): rowids per term. Equal before and after SearchIndex::rebuild() exactly when the index holds what the
/// tables hold.
QStringList indexHits(Library &library)
{
    QSet<QString> terms;
    QSqlQuery q(library.database());
    q.exec(u"SELECT text FROM blocks ORDER BY id"_s);
    while (q.next()) {
        const QString text = q.value(0).toString();
        for (qsizetype k = 0; k + 1 < text.size() && terms.size() < 3000; ++k) {
            const QChar a = text.at(k);
            const QChar b = text.at(k + 1);
            if (a.script() == QChar::Script_Han && b.script() == QChar::Script_Han)
                terms.insert(QString(a) + b);
        }
    }
    QStringList sorted(terms.cbegin(), terms.cend());
    sorted.sort();
    QStringList out;
    QSqlQuery match(library.database());
    // The blocks found (a key is a paragraph's place among its day's, which a rebuild numbers afresh: searchindex.h).
    match.prepare(u"SELECT k.block_id FROM search_blocks JOIN search_block_keys k ON k.key = search_blocks.rowid "
                  "WHERE search_blocks MATCH ? ORDER BY k.block_id"_s);
    for (const QString &term : std::as_const(sorted)) {
        for (const QString &query : QStringList{u'"' + term + u'"', u'"' + term.left(1) + u"\" *"_s}) {
            match.addBindValue(query);
            QStringList rows;
            if (match.exec())
                while (match.next())
                    rows.append(match.value(0).toString());
            out.append(query + u':' + rows.join(u','));
        }
    }
    return out;
}

} // namespace

class TestStableIds : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void uid_version7_monotonicAndTextRoundTrip();
    void reparse_unchangedParser_keepsEveryIdAndWritesNothing();
    void reparse_stampedIssues_skippedUnlessAll();
    void reparse_changedParser_splitAndJoinKeepIdsWithLineage();
    void reparse_changedParser_searchIndexAsRebuilt();
    void replace_correctedFile_unchangedParagraphsKeepIds();
    void links_oldExportsResolveAfterReparseReplaceAndCopy();

private:
    void importCorpus();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestStableIds::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStableIds::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = std::make_unique<Library>();
    QVERIFY(m_library->open(m_dir->filePath(u"lib.sqlite"_s)));
}

void TestStableIds::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

void TestStableIds::importCorpus()
{
    const ImportReport report = Importer(*m_library).importPaths({test::corpusDir()});
    QCOMPARE(report.imported.size(), test::corpusFileCount());
}

void TestStableIds::uid_version7_monotonicAndTextRoundTrip()
{
    QByteArray previous;
    for (int k = 0; k < 5000; ++k) {
        const QByteArray u = uid::make();
        QCOMPARE(u.size(), 16);
        QCOMPARE(quint8(u.at(6)) >> 4, 7);                // version 7
        QCOMPARE(quint8(u.at(8)) & 0xc0, 0x80);           // RFC 9562 variant
        QVERIFY2(previous < u, "uids are not ascending"); // monotonic within the process
        QCOMPARE(uid::fromText(uid::toText(u)), std::optional<QByteArray>(u));
        previous = u;
    }
    QCOMPARE(uid::toText(QByteArray::fromHex("0123456789abcdef0123456789abcdef")),
             u"01234567-89ab-cdef-0123-456789abcdef"_s);
    QVERIFY(!uid::fromText(u"01234567-89ab-cdef-0123-456789abcde"_s));
    QVERIFY(!uid::fromText(u"0123456789abcdef0123456789abcdeg"_s));
}

void TestStableIds::reparse_unchangedParser_keepsEveryIdAndWritesNothing()
{
    importCorpus();
    AnnotationRepository annotations(*m_library);
    const qint64 block = scalarOf(*m_library, u"SELECT min(id) FROM blocks"_s).toLongLong();
    const qint64 h = annotations.addHighlight(block, 0, 6, {}).valueOr(0);
    QVERIFY(h > 0);
    const QStringList before = identities(*m_library);
    const QString highlightRow = rowOf(*m_library, u"SELECT * FROM highlights WHERE id = ?"_s, h);
    sqlite3 *db = sql::handle(m_library->database());
    QVERIFY(db);
    const int changesBefore = sqlite3_total_changes(db);
    const QString countersSql = u"SELECT group_concat(name || '=' || value) FROM change_counter "
                                u"WHERE name IN ('library', 'work')"_s;
    const QString countersBefore = scalarOf(*m_library, countersSql).toString();

    ReparseOptions options;
    options.all = true;
    const ReparseReport report = IssueReplacer(*m_library).reparseAll(options);
    QVERIFY(report.failed.isEmpty());
    QCOMPARE(report.issues, test::corpusFileCount());
    QCOMPARE(report.unchanged, test::corpusFileCount());
    QCOMPARE(report.changed, 0);
    QCOMPARE(report.counts.stayed, 1);
    // Not one row of the library written: the only change is the write scope's bump of the identity's row, which
    // every transaction makes so that a -wal is recognised as the library's (core/store/walcheck.h).
    QCOMPARE(sqlite3_total_changes(db), changesBefore + 1);
    QCOMPARE(scalarOf(*m_library, countersSql).toString(), countersBefore);
    QCOMPARE(identities(*m_library), before);
    QCOMPARE(rowOf(*m_library, u"SELECT * FROM highlights WHERE id = ?"_s, h), highlightRow);
}

void TestStableIds::reparse_stampedIssues_skippedUnlessAll()
{
    importCorpus();
    ReparseReport report = IssueReplacer(*m_library).reparseAll(ReparseOptions{});
    QCOMPARE(report.skipped, test::corpusFileCount());
    QCOMPARE(report.issues, 0);
    // A newer parser version: every issue is due, and once stamped skipped again.
    report = IssueReplacer(*m_library, {}, kParserVersion + 1).reparseAll(ReparseOptions{});
    QCOMPARE(report.issues, test::corpusFileCount());
    QCOMPARE(report.unchanged, test::corpusFileCount());
    QCOMPARE(
        scalarOf(*m_library, u"SELECT count(*) FROM issues WHERE parser_version = ?"_s, {kParserVersion + 1}).toInt(),
        test::corpusFileCount());
    report = IssueReplacer(*m_library, {}, kParserVersion + 1).reparseAll(ReparseOptions{});
    QCOMPARE(report.skipped, test::corpusFileCount());
}

void TestStableIds::reparse_changedParser_splitAndJoinKeepIdsWithLineage()
{
    importCorpus();
    // The article the changed parser alters, and its paragraphs' ids and uids.
    const qint64 articleId =
        scalarOf(*m_library, u"SELECT article_id FROM blocks GROUP BY article_id HAVING count(*) >= 6 AND "
                             "(SELECT length(text) FROM blocks b WHERE b.article_id = blocks.article_id AND "
                             "b.position = 1) >= 20 ORDER BY article_id LIMIT 1"_s)
            .toLongLong();
    QVERIFY(articleId > 0);
    const Article before = *IssueRepository(*m_library).article(articleId);
    auto uidOf = [&](qint64 id) {
        return scalarOf(*m_library, u"SELECT uid FROM blocks WHERE id = ?"_s, {id}).toByteArray();
    };
    QList<QByteArray> uids;
    for (const Block &b : before.blocks)
        uids.append(uidOf(b.id));
    // Issues and articles: the changed parser splits and joins paragraphs only, so every one keeps its identity.
    const QStringList headIdentities = identities(*m_library).filter(QRegularExpression(u"^(issues|articles):"_s));
    const int blockCount = scalarOf(*m_library, u"SELECT count(*) FROM blocks"_s).toInt();

    AnnotationRepository annotations(*m_library);
    const qint64 onUnchanged = annotations.addHighlight(before.blocks.at(0).id, 1, 5, {}).valueOr(0);
    const qint64 onSplit = annotations.addHighlight(before.blocks.at(1).id, 0, 6, {}).valueOr(0);
    const int secondOffset = int(before.blocks.at(4).text.size()) / 2;
    const qint64 onJoined =
        annotations.addHighlight(before.blocks.at(4).id, secondOffset, secondOffset + 4, {}).valueOr(0);
    QVERIFY(onUnchanged && onSplit && onJoined);
    const QString unchangedRow = rowOf(*m_library, u"SELECT * FROM highlights WHERE id = ?"_s, onUnchanged);

    ReparseOptions options;
    options.all = true;
    const ReparseReport report = IssueReplacer(*m_library, changedParser, kParserVersion + 1).reparseAll(options);
    QVERIFY(report.failed.isEmpty());
    QVERIFY(report.changed >= 1);
    QCOMPARE(report.counts.orphaned, 0);

    const Article after = *IssueRepository(*m_library).article(articleId); // the article kept its id
    QCOMPARE(after.blocks.size(), before.blocks.size()); // one more by the split, one less by the join
    // Unchanged paragraphs: same id and uid.
    QCOMPARE(after.blocks.at(0).id, before.blocks.at(0).id);
    QCOMPARE(after.blocks.at(3).id, before.blocks.at(2).id);
    for (int b = 5; b < after.blocks.size(); ++b)
        QCOMPARE(after.blocks.at(b).id, before.blocks.at(b).id);
    QCOMPARE(uidOf(after.blocks.at(0).id), uids.at(0));
    // The split: the part holding most of the text keeps the id; the other is new, with lineage.
    QCOMPARE(after.blocks.at(1).id, before.blocks.at(1).id);
    QCOMPARE(uidOf(after.blocks.at(1).id), uids.at(1));
    const qint64 splitPart = after.blocks.at(2).id;
    QVERIFY(splitPart != before.blocks.at(2).id);
    QCOMPARE(scalarOf(*m_library,
                      u"SELECT count(*) FROM block_lineage WHERE old_uid = ? AND kind = 'split' AND new_id = ?"_s,
                      {uids.at(1), splitPart})
                 .toInt(),
             1);
    // The join: the longer of the two keeps its id, the other has joined it.
    const int keeper = before.blocks.at(3).text.size() >= before.blocks.at(4).text.size() ? 3 : 4;
    const int loser = 7 - keeper;
    QCOMPARE(after.blocks.at(4).id, before.blocks.at(keeper).id);
    QCOMPARE(scalarOf(*m_library, u"SELECT count(*) FROM blocks WHERE id = ?"_s, {before.blocks.at(loser).id}).toInt(),
             0);
    QCOMPARE(scalarOf(*m_library, u"SELECT kind FROM block_lineage WHERE old_uid = ?"_s, {uids.at(loser)}).toString(),
             u"joined"_s);
    // Every issue and article is as it was; one paragraph more and one less in each changed issue.
    QCOMPARE(identities(*m_library).filter(QRegularExpression(u"^(issues|articles):"_s)), headIdentities);
    QCOMPARE(scalarOf(*m_library, u"SELECT count(*) FROM blocks"_s).toInt(), blockCount);

    // Annotations: untouched on an unchanged paragraph; re-anchored with their text on changed ones.
    QCOMPARE(rowOf(*m_library, u"SELECT * FROM highlights WHERE id = ?"_s, onUnchanged), unchangedRow);
    const auto split = annotations.highlight(onSplit);
    QCOMPARE(split->blockId, before.blocks.at(1).id);
    QCOMPARE(split->anchor.quote, before.blocks.at(1).text.mid(0, 6));
    const auto joined = annotations.highlight(onJoined);
    QCOMPARE(joined->blockId, after.blocks.at(4).id);
    QCOMPARE(after.blocks.at(4).text.mid(joined->start, joined->end - joined->start),
             before.blocks.at(4).text.mid(secondOffset, 4));

    // Links: split and joined paragraphs resolve, with what happened.
    LinkResolver resolver(*m_library);
    const auto splitLink = resolver.resolve(DubaoLink::blockLink(uids.at(1)));
    QVERIFY(splitLink);
    QCOMPARE(splitLink->status, ResolvedLink::Status::Split);
    QCOMPARE(splitLink->blockId, before.blocks.at(1).id);
    QCOMPARE(splitLink->otherBlockIds, QList<qint64>{splitPart});
    const auto joinedLink = resolver.resolve(DubaoLink::blockLink(uids.at(loser)));
    QVERIFY(joinedLink);
    QCOMPARE(joinedLink->status, ResolvedLink::Status::Joined);
    QCOMPARE(joinedLink->blockId, after.blocks.at(4).id);
    const auto byOldId = resolver.resolve(u"dubao://block/%1"_s.arg(before.blocks.at(loser).id));
    QVERIFY(byOldId);
    QCOMPARE(byOldId->status, ResolvedLink::Status::Joined);
    QCOMPARE(byOldId->blockId, after.blocks.at(4).id);
    const auto unknown = resolver.resolve(DubaoLink::blockLink(uid::make()));
    QVERIFY(unknown);
    QCOMPARE(unknown->status, ResolvedLink::Status::Unknown);
    QVERIFY(!resolver.resolve(u"dubao://block/xyz"_s));

    // The same parser again: nothing changes.
    const QStringList settled = identities(*m_library);
    const ReparseReport again = IssueReplacer(*m_library, changedParser, kParserVersion + 1).reparseAll(options);
    QCOMPARE(again.changed, 0);
    QCOMPARE(identities(*m_library), settled);
}

void TestStableIds::reparse_changedParser_searchIndexAsRebuilt()
{
    // Re-parsing writes the index of a batch's changed paragraphs in one key-ordered pass at its end
    // (SearchIndex::deferRemoval, indexDeferred): what it finds must be what a rebuild from the tables finds.
    importCorpus();
    ReparseOptions options;
    options.all = true;
    for (const auto &[parse, version] :
         {std::pair{IssueReplacer::ParseFunction(changedParser), kParserVersion + 1},
          std::pair{IssueReplacer::ParseFunction(
                        [](const QByteArray &bytes, const QString &path) { return parseIssueBytes(bytes, path); }),
                    kParserVersion + 2}}) {
        const ReparseReport report = IssueReplacer(*m_library, parse, version).reparseAll(options);
        QVERIFY(report.failed.isEmpty());
        QVERIFY(report.changed >= 1);
        QVERIFY(!SearchIndex::needsRebuild(*m_library));
        QCOMPARE(SearchIndex::stats(*m_library).blocks,
                 scalarOf(*m_library, u"SELECT count(*) FROM blocks"_s).toLongLong());
        const QStringList hits = indexHits(*m_library);
        QVERIFY(hits.size() > 200);
        QVERIFY(SearchIndex::rebuild(*m_library));
        QCOMPARE(hits, indexHits(*m_library));
    }
}

void TestStableIds::replace_correctedFile_unchangedParagraphsKeepIds()
{
    importCorpus();
    const QString original = test::corpusFile(u"000"_s);
    const qint64 issueId = scalarOf(*m_library,
                                    u"SELECT i.id FROM issues i JOIN source_files s ON s.id = "
                                    "i.source_file_id WHERE s.path LIKE ?"_s,
                                    {QVariant(u"%/"_s + QFileInfo(original).fileName())})
                               .toLongLong();
    QVERIFY(issueId > 0);
    const StoredIssue before = *IssueRepository(*m_library).issue(issueId);
    const QStringList identitiesBefore = identities(*m_library);
    // The corrected file: one character of one paragraph fixed.
    const Block &target = before.parsed.articles.at(0).blocks.at(2);
    QFile in(original);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(in.readAll());
    const QString fragment = target.raw.left(12);
    QVERIFY(text.contains(fragment));
    QString fixed = fragment;
    fixed[5] = fixed[5] == u'的' ? u'地' : u'的';
    text.replace(text.indexOf(fragment), fragment.size(), fixed);
    const QString corrected = m_dir->filePath(u"corrected.txt"_s);
    QFile out(corrected);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();

    const auto update = IssueReplacer(*m_library).replace(issueId, corrected);
    QVERIFY(update);
    // Every article and block id and uid is the same; the corrected paragraph's text is the new one.
    QCOMPARE(identities(*m_library), identitiesBefore);
    const StoredIssue after = *IssueRepository(*m_library).issue(issueId);
    QCOMPARE(after.parsed.articles.at(0).blocks.at(2).id, target.id);
    QVERIFY(after.parsed.articles.at(0).blocks.at(2).text != target.text);
    QCOMPARE(scalarOf(*m_library, u"SELECT count(*) FROM block_lineage"_s).toInt(), 0);
}

void TestStableIds::links_oldExportsResolveAfterReparseReplaceAndCopy()
{
    importCorpus();
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"cited"_s);
    QVERIFY(tag);
    // A highlight on the first six paragraphs of every article with six or more (so the changed parser's split
    // and join are among them) and a tag on each such article.
    QSqlQuery q(m_library->database());
    q.exec(u"SELECT b.id, length(b.text) FROM blocks b JOIN (SELECT article_id FROM blocks GROUP BY article_id "
           "HAVING count(*) >= 6) a ON a.article_id = b.article_id WHERE b.position < 6 ORDER BY b.id"_s);
    QList<std::pair<qint64, int>> blocks;
    while (q.next())
        blocks.append({q.value(0).toLongLong(), q.value(1).toInt()});
    q.finish();
    QVERIFY(blocks.size() >= 6);
    for (const auto &[id, length] : blocks)
        QVERIFY(annotations.addHighlight(id, 0, std::min(length, 8), {tag->id}));

    // The first exports: JSON, Web Annotation, CSL-JSON.
    const ExportDocument document = *ExcerptCollector(*m_library).collect({});
    QCOMPARE(document.excerpts.size(), blocks.size());
    QStringList exported;
    for (const char *name : {"json", "webannotation", "csljson"}) {
        const auto format = findExportFormat(QString::fromLatin1(name));
        QVERIFY2(format, name);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(format->createWriter()->write(document, {}, buffer));
        exported.append(QString::fromUtf8(buffer.data()));
    }
    // What each linked paragraph's highlight said: the resolved paragraph must still hold it.
    QHash<QString, QString> quoteOfLink;
    for (const Excerpt &e : document.excerpts) {
        QVERIFY2(e.link().contains(uid::toText(e.blockUid)), qPrintable(e.link()));
        quoteOfLink.insert(e.link(), e.quote);
    }
    static const QRegularExpression links(u"dubao://(block|article)/[0-9a-f-]{36}"_s);
    QSet<QString> found;
    for (const QString &file : std::as_const(exported))
        for (auto it = links.globalMatch(file); it.hasNext();)
            found.insert(it.next().captured(0));
    QVERIFY(found.size() > blocks.size()); // the paragraphs' links and the articles'
    QVERIFY(exported.at(1).contains(u"urn:dubao:highlight:"_s + uid::toText(document.excerpts.at(0).highlightUid)));
    QVERIFY(exported.at(2).contains(u"dubao-article-"_s + uid::toText(document.excerpts.at(0).articleUid)));

    // A changed parser, then a corrected issue, then a copy of the library.
    ReparseOptions options;
    options.all = true;
    const ReparseReport report = IssueReplacer(*m_library, changedParser, kParserVersion + 1).reparseAll(options);
    QVERIFY(report.failed.isEmpty());
    QVERIFY(report.ids.lineageRows > 0);
    const qint64 issueId = scalarOf(*m_library, u"SELECT min(id) FROM issues"_s).toLongLong();
    const QString path = scalarOf(*m_library,
                                  u"SELECT s.path FROM issues i JOIN source_files s ON s.id = "
                                  "i.source_file_id WHERE i.id = ?"_s,
                                  {issueId})
                             .toString();
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QString corrected = m_dir->filePath(u"corrected.txt"_s);
    QFile out(corrected);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(in.readAll() + "\n");
    out.close();
    QVERIFY(IssueReplacer(*m_library, changedParser, kParserVersion + 1).replace(issueId, corrected));
    QSqlQuery(m_library->database()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    const QString copyPath = m_dir->filePath(u"copy.sqlite"_s);
    QVERIFY(QFile::copy(m_library->path(), copyPath));
    m_library.reset();

    Library copy;
    QVERIFY(copy.open(copyPath));
    LinkResolver resolver(copy);
    IssueRepository issues(copy);
    for (const QString &link : std::as_const(found)) {
        const auto resolved = resolver.resolve(link);
        QVERIFY2(resolved, qPrintable(link));
        QVERIFY2(resolved->found(), qPrintable(link + u' ' + resolvedStatusName(resolved->status)));
        if (!quoteOfLink.contains(link))
            continue;
        // The paragraph it opens holds the text that was highlighted there.
        const auto article = issues.article(resolved->articleId);
        QVERIFY(article);
        QString text;
        for (const Block &b : article->blocks)
            if (b.id == resolved->blockId)
                text = b.text;
        QVERIFY2(text.contains(quoteOfLink.value(link)), qPrintable(link));
    }
}

QTEST_GUILESS_MAIN(TestStableIds)
#include "tst_stableids.moc"
