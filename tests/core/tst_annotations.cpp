// Highlights and notes: validation, overlap, delete → restore with the same rows and ids, attaching orphans,
// the annotations panel's filters, counts and deleting an issue with its annotations.
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/corpus.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// Every row of a table as text, for comparing before and after.
QStringList rows(Library &library, const QString &table)
{
    QStringList result;
    QSqlQuery q(library.database());
    q.exec(u"SELECT * FROM "_s + table + u" ORDER BY 1, 2"_s);
    while (q.next()) {
        QStringList values;
        for (int c = 0; c < q.record().count(); ++c)
            values.append(q.value(c).isNull() ? u"NULL"_s : q.value(c).toString());
        result.append(values.join(u'|'));
    }
    return result;
}

} // namespace

class TestAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addHighlight_storesQuoteAndAnchor();
    void addHighlight_invalidRanges_refused();
    void addHighlight_overlapping_bothKept();
    void addNote_onHighlight_mustBeInItsBlock();
    void editNote_returnsOldText_updatesModified();
    void removeHighlight_restore_identicalRowsAndIds();
    void removeNote_restore_identicalRowsAndIds();
    void removeNote_changedSinceRead_refusedNamingWho_andKept();
    void list_authorFilter_foldsCaseAsSearchsAuthorDoes();
    void attachHighlight_orphan_placedAndUndoable();
    void list_filters_tagChildTagsArticleDateText();
    void orphans_listedSeparately();
    void deleteIssue_countsThenDeletesAnnotations();

private:
    test::TemporaryLibrary m_library;
    StoredIssue m_issue;
    StoredIssue m_other;
    Block block(int article, int block) const { return m_issue.parsed.articles.at(article).blocks.at(block); }
};

void TestAnnotations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAnnotations::init()
{
    QVERIFY(m_library.create());
    const ImportReport report =
        Importer(*m_library).importPaths({test::corpusFile(u"000"_s), test::corpusFile(u"001"_s)});
    QCOMPARE(report.imported.size(), 2);
    m_issue = *IssueRepository(*m_library).issue(report.imported.at(0).issueId);
    m_other = *IssueRepository(*m_library).issue(report.imported.at(1).issueId);
    QVERIFY(m_issue.parsed.articles.size() >= 2);
}

void TestAnnotations::cleanup()
{
    m_library.reset();
}

void TestAnnotations::addHighlight_storesQuoteAndAnchor()
{
    AnnotationRepository annotations(*m_library);
    const Block b = block(0, 1);
    const qint64 id = annotations.addHighlight(b.id, 2, 6).valueOr(0);
    QVERIFY(id > 0);
    const auto h = annotations.highlight(id);
    QCOMPARE(h->blockId, b.id);
    QCOMPARE(h->anchor.quote, b.text.mid(2, 4));
    QCOMPARE(h->anchor.suffix, b.text.mid(6, 32));
    QCOMPARE(h->anchor.issueId, m_issue.id);
    QCOMPARE(h->anchor.articleTitle, m_issue.parsed.articles.at(0).title);
    QCOMPARE(h->anchor.blockPosition, 1);
    QCOMPARE(h->anchor.articleStart, int(block(0, 0).text.size()) + 2);
    QVERIFY(!h->orphan);
    QCOMPARE(h->createdAt.timeSpec(), Qt::UTC);
    QVERIFY(h->createdAt.isValid());
}

void TestAnnotations::addHighlight_invalidRanges_refused()
{
    AnnotationRepository annotations(*m_library);
    const Block b = block(0, 0);
    QCOMPARE(annotations.addHighlight(b.id, 5, 5).valueOr(0), 0); // empty
    QCOMPARE(annotations.addHighlight(b.id, 6, 5).valueOr(0), 0);
    QCOMPARE(annotations.addHighlight(b.id, 0, int(b.text.size()) + 1).valueOr(0), 0);
    QCOMPARE(annotations.addHighlight(b.id, -1, 3).valueOr(0), 0);
    const auto unknownBlock = annotations.addHighlight(999999, 0, 1);
    QCOMPARE(unknownBlock.valueOr(0), 0);
    QVERIFY(unknownBlock.error().message().contains(u"999999"_s));
    QCOMPARE(annotations.addHighlight(b.id, 0, 1, {424242}).valueOr(0), 0); // unknown tag
    QCOMPARE(rows(*m_library, u"highlights"_s).size(), 0);
}

void TestAnnotations::addHighlight_overlapping_bothKept()
{
    AnnotationRepository annotations(*m_library);
    const Block b = block(0, 0);
    const qint64 a = annotations.addHighlight(b.id, 0, 10).valueOr(0);
    const qint64 c = annotations.addHighlight(b.id, 5, 15).valueOr(0);
    const auto list = annotations.highlightsOfBlock(b.id);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, a);
    QCOMPARE(list.at(1).id, c);
    QCOMPARE(annotations.highlightsOfArticle(m_issue.parsed.articles.at(0).id).size(), 2);
}

void TestAnnotations::addNote_onHighlight_mustBeInItsBlock()
{
    AnnotationRepository annotations(*m_library);
    const qint64 h = annotations.addHighlight(block(0, 0).id, 0, 4).valueOr(0);
    const auto elsewhere = annotations.addNote(block(0, 1).id, h, u"x"_s);
    QCOMPARE(elsewhere.valueOr(0), 0);
    QVERIFY(elsewhere.error().message().contains(u"not in paragraph"_s));
    const qint64 n = annotations.addNote(0, h, u"# 标题\n正文"_s).valueOr(0); // block taken from the highlight
    QVERIFY(n > 0);
    QCOMPARE(annotations.note(n)->blockId, block(0, 0).id);
    QCOMPARE(annotations.note(n)->text, u"# 标题\n正文"_s);
    QCOMPARE(annotations.notesOfHighlight(h).size(), 1);
    QCOMPARE(annotations.notesOfBlock(block(0, 0).id).size(), 1);

    // All notes on highlights at once (exports): the same lists, in the same order, as one highlight at a time; a
    // note on the paragraph only is in none.
    const qint64 second = annotations.addNote(0, h, u"二"_s).valueOr(0);
    const qint64 other = annotations.addHighlight(block(0, 1).id, 2, 6).valueOr(0);
    const qint64 third = annotations.addNote(0, other, u"三"_s).valueOr(0);
    const qint64 plain = annotations.addNote(block(0, 1).id, 0, u"plain"_s).valueOr(0);
    QVERIFY(second > 0 && third > 0 && plain > 0);
    const QHash<qint64, QList<Note>> all = annotations.notesOfHighlights();
    QCOMPARE(all.size(), 2);
    for (const qint64 id : {h, other}) {
        QList<qint64> one, bulk;
        for (const Note &note : annotations.notesOfHighlight(id))
            one << note.id;
        for (const Note &note : all.value(id))
            bulk << note.id;
        QCOMPARE(bulk, one);
    }
    QCOMPARE(all.value(h).size(), 2);
    QCOMPARE(all.value(h).back().id, second);
    for (const QList<Note> &notes : all)
        for (const Note &note : notes)
            QVERIFY(note.id != plain);
}

void TestAnnotations::editNote_returnsOldText_updatesModified()
{
    AnnotationRepository annotations(*m_library);
    const qint64 n = annotations.addNote(block(0, 0).id, 0, u"first"_s).valueOr(0);
    const auto before = annotations.note(n);
    QTest::qWait(5);
    QCOMPARE(*annotations.editNote(n, u"second"_s), u"first"_s);
    const auto after = annotations.note(n);
    QCOMPARE(after->text, u"second"_s);
    QCOMPARE(after->createdAt, before->createdAt);
    QVERIFY(after->modifiedAt > before->modifiedAt);
    QVERIFY(!annotations.editNote(999, u"x"_s));
}

void TestAnnotations::removeHighlight_restore_identicalRowsAndIds()
{
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    NotebookRepository notebooks(*m_library);
    const auto tag = tags.create(u"t"_s);
    const qint64 h = annotations.addHighlight(block(0, 0).id, 3, 9, {tag->id}).valueOr(0);
    const qint64 n = annotations.addNote(block(0, 0).id, h, u"note"_s).valueOr(0);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addText(book, u"before"_s));
    QVERIFY(notebooks.addHighlight(book, h));
    QVERIFY(notebooks.addText(book, u"after"_s));
    const QStringList tables{u"highlights"_s, u"highlight_tags"_s, u"notes"_s, u"notebook_entries"_s};
    QList<QStringList> before;
    for (const QString &t : tables)
        before.append(rows(*m_library, t));

    const auto deletion = annotations.removeHighlight(h);
    QVERIFY(deletion);
    QVERIFY(!annotations.highlight(h));
    QCOMPARE(annotations.note(n)->highlightId, 0); // the note stays, on the paragraph
    QCOMPARE(notebooks.entries(book).size(), 2);
    QCOMPARE(notebooks.entries(book).at(1).text, u"after"_s);
    QCOMPARE(notebooks.entries(book).at(1).position, 1);

    QVERIFY(annotations.restore(*deletion));
    for (int k = 0; k < tables.size(); ++k)
        QCOMPARE(rows(*m_library, tables.at(k)), before.at(k));
}

void TestAnnotations::removeNote_restore_identicalRowsAndIds()
{
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    NotebookRepository notebooks(*m_library);
    const qint64 n = annotations.addNote(block(0, 1).id, 0, u"笔记 **粗体**"_s).valueOr(0);
    QVERIFY(tags.addTagging(TagTarget::Note, tags.create(u"t"_s)->id, n).valueOr(false));
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addNote(book, n));
    const QStringList tables{u"notes"_s, u"note_tags"_s, u"notebook_entries"_s};
    QList<QStringList> before;
    for (const QString &t : tables)
        before.append(rows(*m_library, t));
    const auto deletion = annotations.removeNote(n);
    QVERIFY(deletion);
    QVERIFY(rows(*m_library, u"notes"_s).isEmpty());
    QVERIFY(rows(*m_library, u"notebook_entries"_s).isEmpty());
    QVERIFY(annotations.restore(*deletion));
    for (int k = 0; k < tables.size(); ++k)
        QCOMPARE(rows(*m_library, tables.at(k)), before.at(k));
}

void TestAnnotations::attachHighlight_orphan_placedAndUndoable()
{
    AnnotationRepository annotations(*m_library);
    const qint64 h = annotations.addHighlight(block(0, 0).id, 0, 4).valueOr(0);
    const qint64 n = annotations.addNote(0, h, u"n"_s).valueOr(0);
    // Make it an orphan the way a re-parse does.
    QSqlQuery q(m_library->database());
    QVERIFY(q.exec(u"UPDATE highlights SET block_id = NULL, orphan = 1 WHERE id = %1"_s.arg(h)));
    QVERIFY(q.exec(u"UPDATE notes SET block_id = NULL, orphan = 1 WHERE id = %1"_s.arg(n)));
    QVERIFY(annotations.highlight(h)->orphan);

    const Block target = block(1, 0);
    const auto previous = annotations.attachHighlight(h, target.id, 1, 3);
    QVERIFY(previous);
    QVERIFY(previous->orphan);
    const auto placed = annotations.highlight(h);
    QVERIFY(!placed->orphan);
    QCOMPARE(placed->blockId, target.id);
    QCOMPARE(placed->anchor.quote, target.text.mid(1, 2));
    QCOMPARE(annotations.note(n)->blockId, target.id); // the note follows its highlight
    QVERIFY(!annotations.note(n)->orphan);

    QVERIFY(annotations.restoreHighlightPlacement(*previous));
    QVERIFY(annotations.highlight(h)->orphan);
    QCOMPARE(annotations.highlight(h)->anchor.quote, block(0, 0).text.left(4));
    QVERIFY(annotations.note(n)->orphan);
}

void TestAnnotations::list_filters_tagChildTagsArticleDateText()
{
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const auto parent = tags.create(u"人物"_s);
    const auto child = tags.create(u"官员"_s, parent->id);
    const Block b0 = block(0, 0);
    const Block b1 = block(1, 0);
    const qint64 h1 = annotations.addHighlight(b0.id, 0, 4, {parent->id}).valueOr(0);
    const qint64 h2 = annotations.addHighlight(b1.id, 0, 4, {child->id}).valueOr(0);
    const qint64 h3 = annotations.addHighlight(m_other.parsed.articles.at(0).blocks.at(0).id, 0, 3).valueOr(0);
    const qint64 n1 = annotations.addNote(b1.id, 0, u"关于 Zhang 的想法"_s).valueOr(0);

    QCOMPARE(annotations.list().size(), 4);
    AnnotationFilter byTag;
    byTag.tagIds = {parent->id};
    QCOMPARE(annotations.list(byTag).size(), 2);
    byTag.includeChildTags = false;
    QCOMPARE(annotations.list(byTag).size(), 1);
    QCOMPARE(annotations.list(byTag).front().highlight.id, h1);

    AnnotationFilter byArticle;
    byArticle.articleId = m_issue.parsed.articles.at(1).id;
    const auto inArticle = annotations.list(byArticle);
    QCOMPARE(inArticle.size(), 2);
    QCOMPARE(inArticle.at(0).highlight.id, h2);
    QCOMPARE(inArticle.at(1).note.id, n1);
    QCOMPARE(inArticle.at(1).source.articleTitle, m_issue.parsed.articles.at(1).title);

    AnnotationFilter byText;
    byText.text = u"zhang"_s; // case-insensitive for Latin letters
    QCOMPARE(annotations.list(byText).size(), 1);
    byText.text = b0.text.mid(1, 2);
    QCOMPARE(annotations.list(byText).front().highlight.id, h1);

    // By author (created_by, exactly): everything here is by this process's writer; another name lists nothing.
    AnnotationFilter byAuthor;
    byAuthor.author = annotations.highlight(h1)->createdBy;
    QVERIFY(!byAuthor.author.isEmpty());
    QCOMPARE(annotations.list(byAuthor).size(), 4);
    byAuthor.author = u"someone else"_s;
    QVERIFY(annotations.list(byAuthor).isEmpty());

    const QDate date = m_issue.parsed.issue.date;
    const QDate otherDate = m_other.parsed.issue.date;
    if (date.isValid() && otherDate.isValid() && date != otherDate) {
        AnnotationFilter byDate;
        byDate.from = date;
        byDate.to = date;
        QCOMPARE(annotations.list(byDate).size(), 3);
        byDate.from = otherDate;
        byDate.to = otherDate;
        QCOMPARE(annotations.list(byDate).size(), 1);
        QCOMPARE(annotations.list(byDate).front().highlight.id, h3);
    }
}

void TestAnnotations::orphans_listedSeparately()
{
    AnnotationRepository annotations(*m_library);
    const qint64 h = annotations.addHighlight(block(0, 0).id, 0, 4).valueOr(0);
    QVERIFY(annotations.addHighlight(block(0, 1).id, 0, 4));
    QSqlQuery q(m_library->database());
    QVERIFY(q.exec(u"UPDATE highlights SET block_id = NULL, orphan = 1 WHERE id = %1"_s.arg(h)));
    QCOMPARE(annotations.list().size(), 1); // orphans are not in the normal listing
    const auto orphans = annotations.orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.front().highlight.id, h);
    QCOMPARE(orphans.front().highlight.anchor.quote, block(0, 0).text.left(4));
    QCOMPARE(orphans.front().source.issueId, m_issue.id); // from the anchor
}

void TestAnnotations::deleteIssue_countsThenDeletesAnnotations()
{
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    NotebookRepository notebooks(*m_library);
    const auto tag = tags.create(u"t"_s);
    const qint64 h = annotations.addHighlight(block(0, 0).id, 0, 4, {tag->id}).valueOr(0);
    QVERIFY(annotations.addNote(0, h, u"n"_s));
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, m_issue.parsed.articles.at(0).id).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, block(0, 1).id).valueOr(false));
    const qint64 kept = annotations.addHighlight(m_other.parsed.articles.at(0).blocks.at(0).id, 0, 2).valueOr(0);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addHighlight(book, h));
    QVERIFY(notebooks.addHighlight(book, kept));

    IssueReplacer replacer(*m_library);
    const AnnotationCounts counts = replacer.annotationsOfIssue(m_issue.id);
    QCOMPARE(counts.highlights, 1);
    QCOMPARE(counts.notes, 1);
    QCOMPARE(counts.articleTags, 1);
    QCOMPARE(counts.blockTags, 1);
    QCOMPARE(counts.notebookEntries, 1);
    QCOMPARE(counts.total(), 4);

    QVERIFY(replacer.deleteIssue(m_issue.id));
    QVERIFY(!IssueRepository(*m_library).issue(m_issue.id));
    QCOMPARE(rows(*m_library, u"notes"_s).size(), 0);
    QCOMPARE(rows(*m_library, u"highlights"_s).size(), 1);
    QVERIFY(annotations.highlight(kept));
    QCOMPARE(notebooks.entries(book).size(), 1);
    QCOMPARE(notebooks.entries(book).front().position, 0);
    QVERIFY(tags.tag(tag->id)); // the tag itself stays
    if (!test::onPostgres()) {  // PostgreSQL checks every foreign key at every statement
        QSqlQuery fk(m_library->database());
        QVERIFY(fk.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY(!fk.next());
    }
}

// Issue 13: an undo deletes a note only as it read it; a note whose text changed since stays, and the refusal says
// who changed it and when. A notebook says who renamed it last, and its deletion's undo keeps that.
void TestAnnotations::removeNote_changedSinceRead_refusedNamingWho_andKept()
{
    AnnotationRepository annotations(*m_library);
    const Result<qint64> id = annotations.addNote(block(0, 0).id, 0, u"first"_s);
    QVERIFY(id);
    QCOMPARE(annotations.note(*id)->rowVersion, 1);
    QVERIFY(annotations.editNote(*id, u"second"_s));
    const Note now = *annotations.note(*id);
    QCOMPARE(now.rowVersion, 2);
    const Result<NoteDeletion> refused = annotations.removeNote(*id, 1);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(u"note %1 was changed by %2 at "_s.arg(*id).arg(now.changedBy)) &&
                 refused.error().message().contains(u"nothing was deleted"_s),
             qPrintable(refused.error().message()));
    QCOMPARE(annotations.note(*id)->text, u"second"_s);
    QVERIFY(annotations.removeNote(*id, 2));
    QVERIFY(!annotations.note(*id));

    NotebookRepository notebooks(*m_library);
    const Result<qint64> book = notebooks.create(u"reading"_s);
    QVERIFY(book);
    QVERIFY(notebooks.rename(*book, u"reading, renamed"_s));
    const Notebook renamed = *notebooks.notebook(*book);
    QVERIFY(!renamed.changedBy.isEmpty());
    QVERIFY(renamed.changedAt.isValid());
    const Result<NotebookDeletion> deleted = notebooks.remove(*book);
    QVERIFY(deleted);
    QVERIFY(notebooks.restore(*deleted));
    QCOMPARE(*notebooks.notebook(*book), renamed);
}

// Issue 13: the annotations panel's (and exports') author filter and search's author: agree on case: both fold ASCII
// letters, so "RITA" finds rita's highlight in both.
void TestAnnotations::list_authorFilter_foldsCaseAsSearchsAuthorDoes()
{
    AnnotationRepository annotations(*m_library);
    const Result<qint64> id = annotations.addHighlight(block(0, 0).id, 0, 2);
    QVERIFY(id);
    const QString author = annotations.highlight(*id)->createdBy;
    QVERIFY(!author.isEmpty());
    const QString shouted = author.toUpper();
    QVERIFY(shouted != author);
    AnnotationFilter exact;
    exact.author = author;
    AnnotationFilter folded;
    folded.author = shouted;
    QCOMPARE(annotations.list(exact).size(), 1);
    QCOMPARE(annotations.list(folded).size(), 1);
    QCOMPARE(annotations.list(folded).front().highlight.id, *id);
    const SearchResult searched = SearchService(*m_library).search(u"author:"_s + shouted);
    QVERIFY2(searched.ok(), qPrintable(searched.error));
    QCOMPARE(searched.total, 1);
    AnnotationFilter nobody;
    nobody.author = author + u"x"_s;
    QVERIFY(annotations.list(nobody).isEmpty());
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestAnnotations, {})
#include "tst_annotations.moc"
