// A REFI-QDA project read back is the proof that its offsets are right: Dubao → .qdpx → a fresh library of the same
// issues gives the same annotations (kinds, paragraphs, offsets, quotes, tags with colours and hierarchy, notes),
// even where two issues hold the same article. Reading it twice adds nothing; another program's selection across
// two paragraphs becomes a highlight in each; a damaged file or a source the library lacks changes nothing. On both
// engines: an SQLite file and a team library (each library of a test a database of its own).
#include "core/export/excerptcollector.h"
#include "core/export/qdpxformat.h"
#include "core/export/qdpximporter.h"
#include "core/export/zipwriter.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/engines.h"
#include "tests/support/exportfixture.h"

#include <QBuffer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// What a library's whole export says, without ids: one line per excerpt.
QStringList canonical(Library &library)
{
    const Result<ExportDocument> doc = ExcerptCollector(library).collect({});
    if (!doc)
        return {u"collect failed: "_s + doc.error().message()};
    QStringList lines;
    for (const Excerpt &e : doc->excerpts) {
        QStringList tags = e.tags;
        tags.sort();
        QStringList notes;
        // XML keeps no carriage return (a parser reads CR LF as LF, XML 1.0 §2.11): a note's line ends come back as LF.
        for (const ExportNote &n : e.notes)
            notes.append(QString(n.text).replace(u"\r\n"_s, u"\n"_s));
        notes.sort();
        lines.append(QStringList{excerptKindName(e.kind), e.publication, e.issueDate.toString(Qt::ISODate),
                                 QString::number(e.articlePosition), e.articleTitle, QString::number(e.blockPosition),
                                 QString::number(e.start), QString::number(e.end), e.quote, tags.join(u'|'),
                                 notes.join(u"\n--\n"_s)}
                         .join(u'\t'));
    }
    lines.sort();
    return lines;
}

QStringList tagsWithColours(Library &library)
{
    QStringList tags;
    for (const Tag &t : TagRepository(library).list())
        tags.append(t.path + u' ' + t.color);
    tags.sort();
    return tags;
}

QByteArray zip(const QList<std::pair<QString, QByteArray>> &files)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ZipWriter writer(buffer);
    for (const auto &[name, bytes] : files)
        writer.addFile(name, bytes);
    return writer.finish() ? buffer.data() : QByteArray();
}

} // namespace

class TestQdpxImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_sameAnnotations();
    void roundTrip_whoMadeEachCoding_keptInAFile_theImportersOnAServer();
    void importedTwice_addsNothing();
    void intoTheLibraryItCameFrom_addsNothing();
    void foreignSelectionAcrossParagraphs_aHighlightInEach();
    void damagedOrForeignFiles_changeNothing();
    void removed_thenImportedAgain();

private:
    test::ExportFixture m_source;
    test::ExportFixture m_target;
    QByteArray m_qdpx;
};

void TestQdpxImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (test::onPostgres()) {
        m_source.location = test::separateLibraryLocation(u"source"_s);
        m_target.location = test::separateLibraryLocation(u"target"_s);
        QVERIFY2(!m_source.location.isEmpty() && !m_target.location.isEmpty(), qPrintable(test::engineRun().lastError));
    }
    QString error;
    QVERIFY2(m_source.setUp(&error), qPrintable(error));
    QVERIFY2(m_target.setUpIssues(&error), qPrintable(error));
    // Who made what, as a team's file says it: bo's highlight that sam changed, bo's note, sam's article tag (on a
    // server only its owner, copying, writes other names).
    {
        QSqlDatabase db = m_source.library->database();
        QVERIFY(db.transaction());
        if (test::onPostgres())
            QVERIFY(QSqlQuery(db).exec(u"SET LOCAL dubao.copy = 'on'"_s));
        QVERIFY(sql::exec(db, u"UPDATE highlights SET created_by = 'bo', changed_by = 'sam' WHERE id = ?"_s,
                          {m_source.h1}));
        QVERIFY(sql::exec(db, u"UPDATE notes SET created_by = 'bo', changed_by = 'bo' WHERE id = ?"_s, {m_source.n3}));
        QVERIFY(sql::exec(db, u"UPDATE article_tags SET created_by = 'sam' WHERE article_id = ?"_s,
                          {m_source.taggedArticle}));
        QVERIFY(db.commit());
    }
    const Result<ExportDocument> all = ExcerptCollector(*m_source.library).collect({});
    QVERIFY2(all.ok(), qPrintable(all.error().message()));
    m_qdpx = test::writeToBytes(u"qdpx"_s, *all);
    QVERIFY(!m_qdpx.isEmpty());
}

void TestQdpxImport::roundTrip_sameAnnotations()
{
    QVERIFY(canonical(*m_target.library).isEmpty());
    const Result<QdpxImportReport> report = QdpxImporter(*m_target.library).importArchive(m_qdpx);
    QVERIFY2(report.ok(), qPrintable(report.error().message()));
    QVERIFY2(report->unmatched.isEmpty(), qPrintable(report->unmatched.join(u'\n')));
    QCOMPARE(report->unplaced, 0);
    QCOMPARE(report->highlightsAdded, 3);
    QCOMPARE(report->paragraphTagsAdded, 1);
    QCOMPARE(report->articleTagsAdded, 1);
    QCOMPARE(report->notesAdded, 3);
    QCOMPARE(report->alreadyThere, 0);
    // The file names bo and sam (QDA-XML <Users>): kept in a file and in a team library its owner imports into.
    QVERIFY(report->authorsKept >= 3);
    QVERIFY2(report->authorsNotKept.isEmpty(), qPrintable(report->authorsNotKept.join(u',')));

    const QStringList expected = canonical(*m_source.library);
    QCOMPARE(expected.size(), 6); // three highlights, a tagged paragraph, a tagged article, a note
    QCOMPARE(canonical(*m_target.library), expected);
    // The code book: every tag used, with its colour and place in the hierarchy.
    for (const QString &tag : tagsWithColours(*m_target.library))
        QVERIFY2(tagsWithColours(*m_source.library).contains(tag), qPrintable(tag));
    QVERIFY(tagsWithColours(*m_target.library)
                .contains(u"农业/春耕 "_s + TagRepository(*m_source.library).tag(m_source.spring)->color));
    // The highlight on the second issue's copy of the article went to that issue, not the first.
    const auto h3 = AnnotationRepository(*m_target.library).highlightsOfBlock(m_target.block(m_target.stored2, 0, 0));
    QCOMPARE(h3.size(), 1);
    QCOMPARE(AnnotationRepository(*m_target.library).highlightsOfBlock(m_target.block(m_target.stored1, 0, 0)).size(),
             1);
}

void TestQdpxImport::roundTrip_whoMadeEachCoding_keptInAFile_theImportersOnAServer()
{
    // (imported by roundTrip_sameAnnotations)
    QSqlDatabase db = m_target.library->database();
    const QString quote = AnnotationRepository(*m_source.library).highlight(m_source.h1)->anchor.quote;
    auto value = [&](const QString &sql, const QVariantList &binds = {}) {
        return sql::scalar(db, sql, binds).toString();
    };
    const QString h1 = u"SELECT created_by || '/' || changed_by FROM highlights WHERE quote = ?"_s;
    const QString n3 = u"SELECT created_by || '/' || changed_by FROM notes WHERE text = ?"_s;
    const QString tagger = u"SELECT created_by FROM article_tags WHERE article_id = ?"_s;
    const qint64 article = m_target.stored1.parsed.articles.at(2).id; // (the source's taggedArticle)
    const QString note =
        sql::scalar(m_source.library->database(), u"SELECT text FROM notes WHERE id = ?"_s, {m_source.n3}).toString();
    // A file, and a team library its owner imports into (issue 13; the test's login owns the tables), keep the QDA
    // users; an annotator's import stays theirs (tst_cli_teamrows).
    if (test::onPostgres())
        QCOMPARE(m_target.library->teamAccess().role, u"owner"_s);
    QCOMPARE(value(h1, {quote}), u"bo/sam"_s);
    QCOMPARE(value(n3, {note}), u"bo/bo"_s);
    QCOMPARE(value(tagger, {article}), u"sam"_s);
}

void TestQdpxImport::importedTwice_addsNothing()
{
    const QStringList before = canonical(*m_target.library);
    QVERIFY(!before.isEmpty());
    const Result<QdpxImportReport> again = QdpxImporter(*m_target.library).importArchive(m_qdpx);
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    QCOMPARE(again->highlightsAdded + again->paragraphTagsAdded + again->articleTagsAdded + again->notesAdded +
                 again->tagsCreated,
             0);
    QVERIFY(again->alreadyThere >= 8);
    QCOMPARE(canonical(*m_target.library), before);
}

void TestQdpxImport::intoTheLibraryItCameFrom_addsNothing()
{
    // The library's own project read back into it: its notes were sanitised on the way out (raw HTML gone) and
    // their CR LF came back as LF, yet each is the note the library has, not a second one.
    const QStringList before = canonical(*m_source.library);
    const Result<QdpxImportReport> back = QdpxImporter(*m_source.library).importArchive(m_qdpx);
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back->notesAdded, 0);
    QCOMPARE(back->highlightsAdded + back->paragraphTagsAdded + back->articleTagsAdded + back->tagsCreated, 0);
    QVERIFY(back->alreadyThere >= 8);
    QCOMPARE(canonical(*m_source.library), before);
}

void TestQdpxImport::foreignSelectionAcrossParagraphs_aHighlightInEach()
{
    // What another QDA program writes: its own GUIDs, inline text, no Dubao descriptions, a selection from the
    // middle of the first paragraph to the middle of the second, coded with a nested code.
    const Article &article = m_target.stored1.parsed.articles.at(1);
    QVERIFY(article.blocks.size() >= 2);
    QStringList paragraphs;
    for (const Block &b : article.blocks)
        paragraphs.append(b.text);
    const QString text = qdpx::articleText(paragraphs);
    const qsizetype from = 2;
    const qsizetype to = article.blocks.at(0).text.size() + 2 + 4;
    QString xml = uR"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="other">
 <CodeBook><Codes>
  <Code guid="11111111-1111-4111-8111-111111111111" name="外部" isCodable="true" color="#12ab34">
   <Code guid="22222222-2222-4222-8222-222222222222" name="a/b" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="33333333-3333-4333-8333-333333333333" name="renamed by the other program">
   <Description>滨江日报, 2024-03-05</Description>
   <PlainTextContent>%1</PlainTextContent>
   <PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="%2" endPosition="%3">
    <Coding guid="55555555-5555-4555-8555-555555555555">
     <CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/>
    </Coding>
   </PlainTextSelection>
  </TextSource>
  <TextSource guid="66666666-6666-4666-8666-666666666666" name="missing">
   <PlainTextContent>这篇文章不在库中。</PlainTextContent>
  </TextSource>
  <TextSource guid="77777777-6666-4666-8666-666666666666" name="in both issues">
   <PlainTextContent>%1</PlainTextContent>
  </TextSource>
 </Sources>
</Project>)"_s.arg(text.toHtmlEscaped())
                      .arg(qdpx::codePoints(text, from))
                      .arg(qdpx::codePoints(text, to));
    const Result<QdpxImportReport> report =
        QdpxImporter(*m_target.library).importArchive(zip({{u"project.qde"_s, xml.toUtf8()}}));
    QVERIFY2(report.ok(), qPrintable(report.error().message()));
    QCOMPARE(report->sources, 3);
    QCOMPARE(report->matchedSources, 1);
    QCOMPARE(report->unmatched, QStringList({u"missing: no article in this library has its text"_s,
                                             u"in both issues: 2 articles in this library have its text"_s}));
    QCOMPARE(report->tagsCreated, 2);
    QCOMPARE(report->highlightsAdded, 2);

    AnnotationRepository annotations(*m_target.library);
    TagRepository tags(*m_target.library);
    const auto tag = tags.findByPath(u"外部/a／b"_s);
    QVERIFY(tag);
    QCOMPARE(tags.findByPath(u"外部"_s)->color, u"#12AB34"_s);
    const QList<Highlight> first = annotations.highlightsOfBlock(article.blocks.at(0).id);
    const QList<Highlight> second = annotations.highlightsOfBlock(article.blocks.at(1).id);
    QCOMPARE(first.size(), 1);
    QCOMPARE(second.size(), 1);
    QCOMPARE(first.first().start, 2);
    QCOMPARE(first.first().end, int(article.blocks.at(0).text.size()));
    QCOMPARE(second.first().start, 0);
    QCOMPARE(second.first().end, 4);
    QCOMPARE(tags.tagsOfHighlight(first.first().id).size(), 1);
    QCOMPARE(tags.tagsOfHighlight(second.first().id).first().id, tag->id);
}

void TestQdpxImport::damagedOrForeignFiles_changeNothing()
{
    const QStringList before = canonical(*m_target.library);
    const QStringList tagsBefore = tagsWithColours(*m_target.library);
    struct Case
    {
        const char *name;
        QByteArray bytes;
        const char *message;
    };
    QByteArray badOffsets = m_qdpx;
    const QList<Case> cases = {
        {"not a zip", "plain text, not a project", "not a REFI-QDA project file"},
        {"truncated", m_qdpx.left(m_qdpx.size() / 2), "not a REFI-QDA project file"},
        {"no project.qde", zip({{u"Sources/x.txt"_s, "x"}}), "no project.qde"},
        {"not XML", zip({{u"project.qde"_s, "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Code"}}), "well-formed"},
        {"another root", zip({{u"project.qde"_s, "<html/>"}}), "not a REFI-QDA project"},
        // A code whose name the library refuses as a tag (a sibling's name twice is fine: it is reused), so the
        // import fails after some rows were written: everything is rolled back.
    };
    for (const Case &c : cases) {
        const Result<QdpxImportReport> report = QdpxImporter(*m_target.library).importArchive(c.bytes);
        QVERIFY2(!report.ok(), c.name);
        QVERIFY2(report.error().message().contains(QLatin1String(c.message)), qPrintable(report.error().message()));
    }
    // A failure half-way: the library file may grow by two pages only (on a team library the server refuses the
    // note as a full disk would), so the code and the highlight are written and the 2 M-character note fails with
    // "database or disk is full". Everything is rolled back.
    const QString hugeNote(2 * 1024 * 1024, u'字');
    const Article &article = m_target.stored1.parsed.articles.at(0);
    QStringList paragraphs;
    for (const Block &b : article.blocks)
        paragraphs.append(b.text);
    const QString xml = uR"(<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
<Code guid="77777777-7777-4777-8777-777777777777" name="回滚" isCodable="true"/></Codes></CodeBook><Sources>
<TextSource guid="88888888-8888-4888-8888-888888888888" name="%1"><Description>滨江日报 2024-03-05</Description>
<PlainTextContent>%2</PlainTextContent>
<PlainTextSelection guid="99999999-9999-4999-8999-999999999999" startPosition="0" endPosition="1">
<Coding guid="bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"><CodeRef targetGUID="77777777-7777-4777-8777-777777777777"/>
</Coding><NoteRef targetGUID="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"/></PlainTextSelection></TextSource></Sources>
<Notes><Note guid="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"><PlainTextContent>%3</PlainTextContent></Note></Notes>
</Project>)"_s.arg(article.title.toHtmlEscaped(), qdpx::articleText(paragraphs).toHtmlEscaped(), hugeNote);
    QSqlDatabase db = m_target.library->database();
    QSqlQuery pages(db);
    if (test::onPostgres()) {
        QVERIFY(pages.exec(u"CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           "IF length(NEW.text) > 1000000 THEN RAISE EXCEPTION 'database or disk is full'; END IF; "
                           "RETURN NEW; END $$"_s));
        QVERIFY(pages.exec(u"CREATE TRIGGER test_disk_full BEFORE INSERT ON notes FOR EACH ROW "
                           "EXECUTE FUNCTION test_disk_full()"_s));
    } else {
        QVERIFY(pages.exec(u"PRAGMA page_count"_s) && pages.next());
        const qint64 pageCount = pages.value(0).toLongLong();
        QVERIFY(pages.exec(u"PRAGMA max_page_count = %1"_s.arg(pageCount + 2)));
    }
    const Result<QdpxImportReport> refused =
        QdpxImporter(*m_target.library).importArchive(zip({{u"project.qde"_s, xml.toUtf8()}}));
    QVERIFY(pages.exec(test::onPostgres() ? u"DROP FUNCTION test_disk_full CASCADE"_s
                                          : u"PRAGMA max_page_count = 1073741823"_s));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message().contains(u"full"_s), qPrintable(refused.error().message()));
    QVERIFY(!TagRepository(*m_target.library).findByPath(u"回滚"_s));
    QCOMPARE(canonical(*m_target.library), before);
    QCOMPARE(tagsWithColours(*m_target.library), tagsBefore);
}

void TestQdpxImport::removed_thenImportedAgain()
{
    // The app's undo and redo: remove what the import added, import again.
    test::ExportFixture fresh;
    if (test::onPostgres()) {
        fresh.location = test::separateLibraryLocation(u"fresh"_s);
        QVERIFY2(!fresh.location.isEmpty(), qPrintable(test::engineRun().lastError));
    }
    QString error;
    QVERIFY2(fresh.setUpIssues(&error), qPrintable(error));
    QdpxImporter importer(*fresh.library);
    const Result<QdpxImportReport> first = importer.importArchive(m_qdpx);
    QVERIFY2(first.ok(), qPrintable(first.error().message()));
    QCOMPARE(first->added.highlights.size(), 3);
    QCOMPARE(first->added.notes.size(), 3);
    QCOMPARE(first->added.taggings.size(), 2); // the tagged paragraph and article
    const Result<void> removed = importer.remove(first->added);
    QVERIFY2(removed.ok(), qPrintable(removed.error().message()));
    QVERIFY(canonical(*fresh.library).isEmpty());
    QVERIFY(tagsWithColours(*fresh.library).isEmpty());
    QVERIFY(AnnotationRepository(*fresh.library).orphans().isEmpty());
    const Result<QdpxImportReport> again = importer.importArchive(m_qdpx);
    QVERIFY2(again.ok(), qPrintable(again.error().message()));
    QCOMPARE(canonical(*fresh.library), canonical(*m_source.library));
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestQdpxImport, {})
#include "tst_qdpx_import.moc"
