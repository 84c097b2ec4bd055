// Replace and re-parse end to end on a real corpus issue: variants made at test time (a character fixed, a
// paragraph split, two paragraphs joined, a paragraph and an article deleted), re-parse of every issue, and
// atomicity (a failure leaves every table as it was).
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"
#include "tests/support/engines.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

QString dump(Library &library)
{
    QStringList out;
    for (const char *table : {"source_files", "source_contents", "issues", "articles", "blocks", "highlights", "notes",
                              "highlight_tags", "note_tags", "block_tags", "article_tags", "notebook_entries"}) {
        QSqlQuery q(library.database());
        q.exec(u"SELECT * FROM "_s + QLatin1String(table) + u" ORDER BY 1, 2"_s);
        while (q.next()) {
            QStringList values{QString::fromLatin1(table)};
            for (int c = 0; c < q.record().count(); ++c)
                values.append(q.value(c).isNull() ? u"NULL"_s : q.value(c).toString());
            out.append(values.join(u'|'));
        }
    }
    return out.join(u'\n');
}

} // namespace

class TestReanchor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void replace_sameFile_everythingStays();
    void replace_correctedCharacter_highlightMovesByFuzzyMatch();
    void replace_paragraphSplitInTwo_highlightFollowsItsHalf();
    void replace_twoParagraphsJoined_annotationsFollowIntoJoined();
    void replace_paragraphDeleted_orphansKeepQuoteTagsAndNotes();
    void replace_colleaguesTaggings_keepTheirMaker();
    void replace_articleRemoved_articleTagAndHighlightOrphaned();
    void replace_earlierOrphan_reattachedWhenTextComesBack();
    void reparse_everyIssue_annotationsStay();
    void reparse_originalGone_reportedAndNothingChanged();
    void replace_emptyFile_failsAndChangesNothing();
    void replace_triggerAbortsMidway_everythingAsBefore();
    void replace_contentOfAnotherIssue_refused();

private:
    /// Writes `lines` (the corpus file's lines, edited) as a file and returns its path.
    QString write(const QString &name, const QStringList &lines);
    /// Imports a file and returns the stored issue.
    StoredIssue import(const QString &path);
    StoredIssue reload(qint64 id) { return *IssueRepository(*m_library).issue(id); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    QString m_original; ///< path of the corpus file
    QStringList m_lines;
};

void TestReanchor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReanchor::init()
{
    const QDir corpus(QStringLiteral(DUBAO_CORPUS_DIR));
    const QStringList files = corpus.entryList({u"000_*.txt"_s});
    QVERIFY2(!files.isEmpty(), "the corpus has no 000_*.txt");
    m_original = corpus.filePath(files.front());
    QFile file(m_original);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_lines = QString::fromUtf8(file.readAll()).split(u'\n');
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = std::make_unique<Library>();
    const QString location = test::onPostgres() ? test::libraryLocation() : m_dir->filePath(u"lib.sqlite"_s);
    QVERIFY2(!location.isEmpty(), qPrintable(test::engineRun().lastError));
    const Result<void> opened = m_library->open(location);
    QVERIFY2(opened, qPrintable(opened.error().message()));
}

void TestReanchor::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

QString TestReanchor::write(const QString &name, const QStringList &lines)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(lines.join(u'\n').toUtf8());
    return path;
}

StoredIssue TestReanchor::import(const QString &path)
{
    const ImportReport report = Importer(*m_library).importPaths({path});
    if (report.imported.size() != 1)
        return {};
    return reload(report.imported.front().issueId);
}

void TestReanchor::replace_sameFile_everythingStays()
{
    const StoredIssue issue = import(m_original);
    QVERIFY(issue.id > 0);
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"t"_s);
    const Article &article = issue.parsed.articles.at(0);
    const qint64 h = annotations.addHighlight(article.blocks.at(2).id, 5, 11, {tag->id}).valueOr(0);
    const qint64 n = annotations.addNote(article.blocks.at(1).id, 0, u"n"_s).valueOr(0);
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, article.blocks.at(3).id).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, article.id).valueOr(false));

    const auto counts = IssueReplacer(*m_library).replace(issue.id, m_original);
    QVERIFY(counts);
    QCOMPARE(counts->stayed, 4);
    QCOMPARE(counts->moved + counts->orphaned, 0);
    const StoredIssue after = reload(issue.id);
    const Article &newArticle = after.parsed.articles.at(0);
    QCOMPARE(annotations.highlight(h)->blockId, newArticle.blocks.at(2).id); // the new rows (ids may be reused)
    QCOMPARE(annotations.highlight(h)->start, 5);
    QCOMPARE(annotations.highlight(h)->tagIds, QList<qint64>{tag->id});
    QCOMPARE(annotations.note(n)->blockId, newArticle.blocks.at(1).id);
    QCOMPARE(tags.tagsOfBlock(newArticle.blocks.at(3).id).size(), 1);
    QCOMPARE(tags.tagsOfArticle(newArticle.id).size(), 1);
}

void TestReanchor::replace_correctedCharacter_highlightMovesByFuzzyMatch()
{
    // The library holds a copy with an OCR error (明 misread as 朋); the corpus file is the correction.
    QStringList damaged = m_lines;
    QVERIFY(damaged[13].contains(u"社会文明水平"_s));
    damaged[13].replace(u"社会文明水平"_s, u"社会文朋水平"_s);
    const StoredIssue issue = import(write(u"damaged.txt"_s, damaged));
    QVERIFY(issue.id > 0);
    const Block b = issue.parsed.articles.at(0).blocks.at(2);
    const int start = int(b.text.indexOf(u"是社会文朋水平的重要体现"));
    QVERIFY(start > 0);
    AnnotationRepository annotations(*m_library);
    const qint64 h = annotations.addHighlight(b.id, start, start + 12).valueOr(0);

    const auto counts = IssueReplacer(*m_library).replace(issue.id, m_original);
    QVERIFY(counts);
    QCOMPARE(counts->moved, 1);
    QCOMPARE(counts->orphaned, 0);
    const auto placed = annotations.highlight(h);
    QVERIFY(!placed->orphan);
    QCOMPARE(placed->anchor.quote, u"是社会文明水平的重要体现"_s);
    QCOMPARE(placed->blockId, reload(issue.id).parsed.articles.at(0).blocks.at(2).id);
}

void TestReanchor::replace_paragraphSplitInTwo_highlightFollowsItsHalf()
{
    const StoredIssue issue = import(m_original);
    const Article &article = issue.parsed.articles.at(0);
    const Block b = article.blocks.at(2); // 会议指出，实行垃圾分类，…资源。全区各级各部门…
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"垃圾分类"_s);
    const int first = int(b.text.indexOf(u"实行垃圾分类"));
    const int second = int(b.text.indexOf(u"全区各级各部门"));
    const int cut = int(b.text.indexOf(u"全区各级"));
    const qint64 h1 = annotations.addHighlight(b.id, first, first + 6).valueOr(0);
    const qint64 h2 = annotations.addHighlight(b.id, second, second + 7).valueOr(0);
    const qint64 crossing = annotations.addHighlight(b.id, cut - 3, cut + 4).valueOr(0); // 资源。|全区各级
    const qint64 note = annotations.addNote(b.id, 0, u"on the paragraph"_s).valueOr(0);
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, b.id).valueOr(false));

    QStringList split = m_lines;
    const qsizetype rawCut = split[13].indexOf(u"全区各级");
    split[13] = split[13].left(rawCut) + u"\n\n"_s + split[13].mid(rawCut); // a blank line: two paragraphs
    const auto counts = IssueReplacer(*m_library).replace(issue.id, write(u"split.txt"_s, split));
    QVERIFY(counts);
    const Article after = reload(issue.id).parsed.articles.at(0);
    QCOMPARE(after.blocks.size(), article.blocks.size() + 1);
    QCOMPARE(after.blocks.at(2).text + after.blocks.at(3).text, b.text);

    QCOMPARE(annotations.highlight(h1)->blockId, after.blocks.at(2).id);
    QCOMPARE(annotations.highlight(h1)->start, first);
    QCOMPARE(annotations.highlight(h2)->blockId, after.blocks.at(3).id);
    QCOMPARE(annotations.highlight(h2)->start, second - cut);
    QCOMPARE(annotations.highlight(h2)->anchor.quote, u"全区各级各部门"_s);
    // Crossing the split: kept whole in the half holding most of it (4 of 7 characters), shortened to it.
    const auto c = annotations.highlight(crossing);
    QCOMPARE(c->blockId, after.blocks.at(3).id);
    QCOMPARE(c->anchor.quote, u"全区各级"_s);
    QCOMPARE(counts->clipped, 1);
    // The paragraph's note goes to the half holding most of the paragraph; its tag to both halves.
    const int larger = after.blocks.at(3).text.size() > after.blocks.at(2).text.size() ? 3 : 2;
    QCOMPARE(annotations.note(note)->blockId, after.blocks.at(larger).id);
    QCOMPARE(tags.tagsOfBlock(after.blocks.at(2).id).size(), 1);
    QCOMPARE(tags.tagsOfBlock(after.blocks.at(3).id).size(), 1);
    QCOMPARE(counts->orphaned, 0);
    QCOMPARE(counts->stayed, 1); // h1: same block position, same offsets
}

void TestReanchor::replace_twoParagraphsJoined_annotationsFollowIntoJoined()
{
    const StoredIssue issue = import(m_original);
    const Article &article = issue.parsed.articles.at(0);
    const Block b1 = article.blocks.at(1);
    const Block b2 = article.blocks.at(2);
    AnnotationRepository annotations(*m_library);
    const qint64 h1 = annotations.addHighlight(b1.id, 4, 7).valueOr(0);
    const qint64 h2 = annotations.addHighlight(b2.id, 5, 11).valueOr(0);
    const qint64 n1 = annotations.addNote(b1.id, 0, u"first"_s).valueOr(0);
    const qint64 n2 = annotations.addNote(b2.id, h2, u"on h2"_s).valueOr(0);

    QStringList joined = m_lines;
    joined[11] += joined[13]; // line 12 + line 14, and the blank line and line 14 go
    joined.remove(12, 2);
    const auto counts = IssueReplacer(*m_library).replace(issue.id, write(u"joined.txt"_s, joined));
    QVERIFY(counts);
    const Article after = reload(issue.id).parsed.articles.at(0);
    QCOMPARE(after.blocks.size(), article.blocks.size() - 1);
    QCOMPARE(after.blocks.at(1).text, b1.text + b2.text);
    QCOMPARE(annotations.highlight(h1)->blockId, after.blocks.at(1).id);
    QCOMPARE(annotations.highlight(h2)->blockId, after.blocks.at(1).id);
    QCOMPARE(annotations.highlight(h2)->start, int(b1.text.size()) + 5);
    QCOMPARE(annotations.highlight(h2)->anchor.quote, b2.text.mid(5, 6));
    QCOMPARE(annotations.note(n1)->blockId, after.blocks.at(1).id);
    QCOMPARE(annotations.note(n2)->blockId, after.blocks.at(1).id);
    QCOMPARE(annotations.note(n2)->highlightId, h2);
    QCOMPARE(counts->orphaned, 0);
    QCOMPARE(counts->stayed + counts->moved, 4);
}

void TestReanchor::replace_paragraphDeleted_orphansKeepQuoteTagsAndNotes()
{
    const StoredIssue issue = import(m_original);
    const Block b1 = issue.parsed.articles.at(0).blocks.at(1);
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"人物"_s);
    const qint64 h = annotations.addHighlight(b1.id, 4, 7, {tag->id}).valueOr(0); // 张智奎
    const qint64 n = annotations.addNote(b1.id, h, u"who is he?"_s).valueOr(0);
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, b1.id).valueOr(false));
    const qint64 elsewhere = annotations.addHighlight(issue.parsed.articles.at(1).blocks.at(0).id, 0, 4).valueOr(0);

    QStringList deleted = m_lines;
    deleted.remove(11, 2); // line 12 and the blank line after it
    const auto counts = IssueReplacer(*m_library).replace(issue.id, write(u"deleted.txt"_s, deleted));
    QVERIFY(counts);
    QCOMPARE(counts->orphaned, 3); // the highlight, its note, the block tag
    QCOMPARE(counts->stayed, 1);

    const auto orphan = annotations.highlight(h);
    QVERIFY(orphan->orphan);
    QCOMPARE(orphan->blockId, 0);
    QCOMPARE(orphan->anchor.quote, u"张智奎"_s);
    QVERIFY(orphan->anchor.suffix.startsWith(u"主持会议"_s));
    QCOMPARE(orphan->tagIds, QList<qint64>{tag->id});
    QVERIFY(annotations.note(n)->orphan);
    QCOMPARE(annotations.note(n)->text, u"who is he?"_s);
    QVERIFY(!annotations.highlight(elsewhere)->orphan);

    const QList<AnnotationItem> orphans = annotations.orphans();
    QCOMPARE(orphans.size(), 3);
    int blockTagOrphans = 0;
    for (const AnnotationItem &item : orphans) {
        if (item.kind == AnnotationItem::Kind::Highlight && item.highlight.origin == HighlightOrigin::BlockTag) {
            ++blockTagOrphans;
            QCOMPARE(item.highlight.anchor.quote, b1.text);
            QCOMPARE(item.highlight.tagIds, QList<qint64>{tag->id});
        }
    }
    QCOMPARE(blockTagOrphans, 1);

    // Re-attached by hand; the note follows.
    const Block target = reload(issue.id).parsed.articles.at(0).blocks.at(1);
    QVERIFY(annotations.attachHighlight(h, target.id, 0, 4));
    QVERIFY(!annotations.highlight(h)->orphan);
    QCOMPARE(annotations.note(n)->blockId, target.id);
    QCOMPARE(annotations.orphans().size(), 1);
}

void TestReanchor::replace_colleaguesTaggings_keepTheirMaker()
{
    const StoredIssue issue = import(m_original);
    const Article &article = issue.parsed.articles.at(0);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"垃圾分类"_s);
    QVERIFY(tag);
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, article.blocks.at(1).id).valueOr(false)); // deleted below
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, article.blocks.at(2).id).valueOr(false)); // split below
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, article.id).valueOr(false));
    // bo tagged them; whoever re-shapes the issue is someone else (on a team library the owner replaces it, and
    // only the owner copying a library writes a name as given: as dubao-cli copy does).
    QSqlDatabase db = m_library->database();
    QVERIFY(db.transaction());
    if (test::onPostgres())
        QVERIFY(QSqlQuery(db).exec(u"SET LOCAL dubao.copy = 'on'"_s));
    for (const QString &table : {u"block_tags"_s, u"article_tags"_s})
        QVERIFY(QSqlQuery(db).exec(u"UPDATE %1 SET created_by = 'bo'"_s.arg(table)));
    QVERIFY(db.commit());

    QStringList changed = m_lines;
    const qsizetype rawCut = changed[13].indexOf(u"全区各级");
    changed[13] = changed[13].left(rawCut) + u"\n\n"_s + changed[13].mid(rawCut);
    changed.remove(11, 2); // line 12 and the blank line after it
    const auto counts = IssueReplacer(*m_library).replace(issue.id, write(u"changed.txt"_s, changed));
    QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().message()));
    QCOMPARE(counts->orphaned, 1);

    auto column = [&](const QString &sql) {
        QStringList values;
        QSqlQuery q(db);
        q.exec(sql);
        while (q.next())
            values << q.value(0).toString();
        return values;
    };
    // Both halves of the split paragraph, the article and the orphan of the deleted paragraph: still bo's.
    QCOMPARE(column(u"SELECT created_by FROM block_tags ORDER BY block_id"_s), (QStringList{u"bo"_s, u"bo"_s}));
    QCOMPARE(column(u"SELECT created_by FROM article_tags"_s), QStringList{u"bo"_s});
    QCOMPARE(column(u"SELECT created_by || '/' || changed_by FROM highlights WHERE orphan = 1"_s),
             QStringList{u"bo/bo"_s});
    QCOMPARE(column(u"SELECT created_by FROM highlight_tags"_s), QStringList{u"bo"_s});
    // A highlight the replacing user makes afterwards is theirs, not bo's: the names were kept only while
    // re-anchoring.
    const Block first = reload(issue.id).parsed.articles.at(0).blocks.at(0);
    const qint64 mine = AnnotationRepository(*m_library).addHighlight(first.id, 0, 2).valueOr(0);
    QVERIFY(mine > 0);
    QVERIFY(AnnotationRepository(*m_library).highlight(mine)->createdBy != u"bo"_s);
}

void TestReanchor::replace_articleRemoved_articleTagAndHighlightOrphaned()
{
    const StoredIssue issue = import(m_original);
    const Article &last = issue.parsed.articles.back();
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"供水"_s);
    const qint64 h = annotations.addHighlight(last.blocks.at(1).id, 0, 6).valueOr(0);
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, last.id).valueOr(false));

    const QStringList cut = m_lines.mid(0, last.firstLine - 1);
    const auto counts = IssueReplacer(*m_library).replace(issue.id, write(u"cut.txt"_s, cut));
    QVERIFY(counts);
    QCOMPARE(reload(issue.id).parsed.articles.size(), issue.parsed.articles.size() - 1);
    QCOMPARE(counts->orphaned, 2);
    QVERIFY(annotations.highlight(h)->orphan);
    QCOMPARE(annotations.highlight(h)->anchor.articleTitle, last.title);
    bool articleTagKept = false;
    for (const AnnotationItem &item : annotations.orphans())
        articleTagKept |=
            item.highlight.origin == HighlightOrigin::ArticleTag && item.highlight.tagIds == QList{tag->id};
    QVERIFY(articleTagKept);
}

void TestReanchor::replace_earlierOrphan_reattachedWhenTextComesBack()
{
    const StoredIssue issue = import(m_original);
    const Block b1 = issue.parsed.articles.at(0).blocks.at(1);
    AnnotationRepository annotations(*m_library);
    const qint64 h = annotations.addHighlight(b1.id, 4, 9).valueOr(0);
    QStringList deleted = m_lines;
    deleted.remove(11, 2);
    QCOMPARE(IssueReplacer(*m_library).replace(issue.id, write(u"deleted.txt"_s, deleted))->orphaned, 1);
    const auto counts = IssueReplacer(*m_library).replace(issue.id, m_original);
    QVERIFY(counts);
    QCOMPARE(counts->reattached, 1);
    QCOMPARE(annotations.highlight(h)->blockId, reload(issue.id).parsed.articles.at(0).blocks.at(1).id);
    QCOMPARE(annotations.highlight(h)->start, 4);
}

void TestReanchor::reparse_everyIssue_annotationsStay()
{
    const QDir corpus(QStringLiteral(DUBAO_CORPUS_DIR));
    const ImportReport report = Importer(*m_library).importPaths({corpus.path()});
    QVERIFY(report.imported.size() >= 2);
    AnnotationRepository annotations(*m_library);
    int made = 0;
    for (const auto &imported : report.imported) {
        const StoredIssue issue = reload(imported.issueId);
        const Block &b = issue.parsed.articles.front().blocks.front();
        QVERIFY(annotations.addHighlight(b.id, 0, std::min(5, int(b.text.size()))).valueOr(0) > 0);
        QVERIFY(annotations.addNote(b.id, 0, u"n"_s).valueOr(0) > 0);
        made += 2;
    }
    int progressCalls = 0;
    const ReparseReport reparsed = IssueReplacer(*m_library).reparseAll([&](int, int) { ++progressCalls; });
    QVERIFY2(reparsed.failed.isEmpty(), qPrintable(reparsed.failed.value(0).reason));
    QCOMPARE(reparsed.issues, int(report.imported.size()));
    QCOMPARE(progressCalls, reparsed.issues);
    QCOMPARE(reparsed.counts.stayed, made);
    QCOMPARE(annotations.orphans().size(), 0);
}

void TestReanchor::reparse_originalGone_reportedAndNothingChanged()
{
    QStringList copy = m_lines;
    const QString path = write(u"copy.txt"_s, copy);
    const StoredIssue issue = import(path);
    QVERIFY(AnnotationRepository(*m_library).addHighlight(issue.parsed.articles.at(0).blocks.at(1).id, 0, 3));
    QSqlQuery q(m_library->database());
    QVERIFY(q.exec(u"DELETE FROM source_contents"_s)); // as a library from before schema 2
    // The file is still there and unchanged: re-parsed from it.
    QVERIFY(IssueReplacer(*m_library).reparse(issue.id));
    QVERIFY(q.exec(u"DELETE FROM source_contents"_s));
    QVERIFY(QFile::remove(path));
    const QString before = dump(*m_library);
    const auto reparsed = IssueReplacer(*m_library).reparse(issue.id);
    QVERIFY(!reparsed);
    QVERIFY(reparsed.error().message().contains(u"not stored"_s));
    const ReparseReport all = IssueReplacer(*m_library).reparseAll();
    QCOMPARE(all.failed.size(), 1);
    QCOMPARE(dump(*m_library), before);
}

void TestReanchor::replace_emptyFile_failsAndChangesNothing()
{
    const StoredIssue issue = import(m_original);
    QVERIFY(AnnotationRepository(*m_library).addHighlight(issue.parsed.articles.at(0).blocks.at(1).id, 0, 3));
    const QString before = dump(*m_library);
    const auto empty = IssueReplacer(*m_library).replace(issue.id, write(u"empty.txt"_s, {}));
    QVERIFY(!empty);
    QVERIFY(empty.error().message().contains(u"empty"_s));
    QVERIFY(!IssueReplacer(*m_library).replace(issue.id, m_dir->filePath(u"missing.txt"_s)));
    const auto unknown = IssueReplacer(*m_library).replace(4242, m_original);
    QVERIFY(!unknown);
    QVERIFY(unknown.error().message().contains(u"4242"_s));
    QCOMPARE(dump(*m_library), before);
}

void TestReanchor::replace_triggerAbortsMidway_everythingAsBefore()
{
    const StoredIssue issue = import(m_original);
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto tag = tags.create(u"t"_s);
    QVERIFY(annotations.addHighlight(issue.parsed.articles.at(0).blocks.at(1).id, 0, 3, {tag->id}));
    QVERIFY(annotations.addNote(issue.parsed.articles.at(0).blocks.at(2).id, 0, u"n"_s));
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, issue.parsed.articles.at(0).blocks.at(3).id).valueOr(false));
    // Fires in the middle of the writes: when the corrected paragraph's text is updated in place, after the
    // annotations were read and the moved rows parked.
    QSqlQuery q(m_library->database());
    if (test::onPostgres()) {
        QVERIFY(q.exec(
            u"CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; "
            "END $$; CREATE TRIGGER boom BEFORE UPDATE OF text ON blocks FOR EACH ROW EXECUTE FUNCTION boom()"_s));
    } else {
        QVERIFY(
            q.exec(u"CREATE TRIGGER boom BEFORE UPDATE OF text ON blocks BEGIN SELECT RAISE(ABORT, 'boom'); END"_s));
    }
    const QString before = dump(*m_library);
    QStringList changed = m_lines;
    changed[13].replace(u"社会文明水平"_s, u"社会文朋水平"_s);
    const auto failed = IssueReplacer(*m_library).replace(issue.id, write(u"changed.txt"_s, changed));
    QVERIFY(!failed);
    QVERIFY2(failed.error().message().contains(u"boom"_s), qPrintable(failed.error().message()));
    QCOMPARE(dump(*m_library), before);
    QVERIFY(q.exec(test::onPostgres() ? u"DROP TRIGGER boom ON blocks"_s : u"DROP TRIGGER boom"_s));
    QVERIFY(IssueReplacer(*m_library).replace(issue.id, write(u"changed.txt"_s, changed)));
}

void TestReanchor::replace_contentOfAnotherIssue_refused()
{
    const StoredIssue issue = import(m_original);
    const QDir corpus(QStringLiteral(DUBAO_CORPUS_DIR));
    const QString other = corpus.filePath(corpus.entryList({u"001_*.txt"_s}).front());
    const StoredIssue second = import(other);
    const QString before = dump(*m_library);
    const auto duplicate = IssueReplacer(*m_library).replace(issue.id, other);
    QVERIFY(!duplicate);
    QVERIFY(duplicate.error().message().contains(u"already in the library as issue %1"_s.arg(second.id)));
    QCOMPARE(dump(*m_library), before);
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestReanchor, {})
#include "tst_reanchor.moc"
