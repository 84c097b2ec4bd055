// Notebooks: order, moving entries, free text, the document view, delete → restore.
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestNotebooks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void create_uniqueNonEmptyNames();
    void entries_appendAndInsert_keepOrder();
    void moveEntry_dragAndDrop_positionsContiguous();
    void removeEntry_restore_samePlace();
    void document_quoteSourceNotesAndFreeText();
    void removeNotebook_restore_entriesBack();

private:
    QStringList order(qint64 notebook) const;
    test::TemporaryLibrary m_library;
    StoredIssue m_issue;
};

void TestNotebooks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestNotebooks::init()
{
    QVERIFY(m_library.create());
    const auto issue = test::importSampleIssue(*m_library);
    QVERIFY(issue);
    m_issue = *issue;
}

void TestNotebooks::cleanup()
{
    m_library.reset();
}

QStringList TestNotebooks::order(qint64 notebook) const
{
    QStringList result;
    int expected = 0;
    for (const NotebookEntry &e : NotebookRepository(*m_library).entries(notebook)) {
        if (e.position != expected++)
            result.append(u"GAP"_s);
        result.append(e.isFreeText() ? e.text : e.highlightId ? u"h%1"_s.arg(e.highlightId) : u"n%1"_s.arg(e.noteId));
    }
    return result;
}

void TestNotebooks::create_uniqueNonEmptyNames()
{
    NotebookRepository notebooks(*m_library);
    QVERIFY(notebooks.create(u"研究"_s).valueOr(0) > 0);
    const auto same = notebooks.create(u" 研究 "_s);
    QCOMPARE(same.valueOr(0), 0);
    QVERIFY(same.error().message().contains(u"already exists"_s));
    QCOMPARE(notebooks.create(u"  "_s).valueOr(0), 0);
    QVERIFY(notebooks.create(u"阿"_s).valueOr(0) > 0);
    QCOMPARE(notebooks.list().front().name, u"阿"_s); // pinyin: a < yan
}

void TestNotebooks::entries_appendAndInsert_keepOrder()
{
    NotebookRepository notebooks(*m_library);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addText(book, u"a"_s));
    QVERIFY(notebooks.addText(book, u"c"_s));
    QVERIFY(notebooks.addText(book, u"b"_s, 1));
    QVERIFY(notebooks.addText(book, u"first"_s, 0));
    QCOMPARE(order(book), (QStringList{u"first"_s, u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(notebooks.addHighlight(book, 9999, -1).valueOr(0), 0);
    QCOMPARE(notebooks.addText(9999, u"x"_s, -1).valueOr(0), 0);
    QCOMPARE(order(book).size(), 4);
}

void TestNotebooks::moveEntry_dragAndDrop_positionsContiguous()
{
    NotebookRepository notebooks(*m_library);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QList<qint64> ids;
    for (const QString &t : {u"a"_s, u"b"_s, u"c"_s, u"d"_s})
        ids.append(notebooks.addText(book, t).valueOr(0));
    QCOMPARE(*notebooks.moveEntry(ids.at(0), 2), 0);
    QCOMPARE(order(book), (QStringList{u"b"_s, u"c"_s, u"a"_s, u"d"_s}));
    QCOMPARE(*notebooks.moveEntry(ids.at(3), 0), 3);
    QCOMPARE(order(book), (QStringList{u"d"_s, u"b"_s, u"c"_s, u"a"_s}));
    QCOMPARE(*notebooks.moveEntry(ids.at(1), 99), 1); // clamped to the end
    QCOMPARE(order(book), (QStringList{u"d"_s, u"c"_s, u"a"_s, u"b"_s}));
    QCOMPARE(*notebooks.moveEntry(ids.at(1), 1), 3); // undo-style move back
    QCOMPARE(order(book), (QStringList{u"d"_s, u"b"_s, u"c"_s, u"a"_s}));
}

void TestNotebooks::removeEntry_restore_samePlace()
{
    NotebookRepository notebooks(*m_library);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addText(book, u"a"_s));
    const qint64 b = notebooks.addText(book, u"b"_s).valueOr(0);
    QVERIFY(notebooks.addText(book, u"c"_s));
    const auto removed = notebooks.removeEntry(b);
    QVERIFY(removed);
    QCOMPARE(order(book), (QStringList{u"a"_s, u"c"_s}));
    QVERIFY(notebooks.restoreEntry(*removed));
    QCOMPARE(order(book), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(notebooks.entries(book).at(1).id, b);
    QCOMPARE(*notebooks.editText(b, u"B"_s), u"b"_s);
    QCOMPARE(notebooks.entry(b)->text, u"B"_s);
}

void TestNotebooks::document_quoteSourceNotesAndFreeText()
{
    AnnotationRepository annotations(*m_library);
    NotebookRepository notebooks(*m_library);
    const Article &article = m_issue.parsed.articles.front();
    const Block &b = article.blocks.front();
    const auto tag = TagRepository(*m_library).create(u"要点"_s);
    const qint64 h = annotations.addHighlight(b.id, 0, 6, {tag->id}).valueOr(0);
    const qint64 n1 = annotations.addNote(b.id, h, u"on the highlight"_s).valueOr(0);
    const qint64 n2 = annotations.addNote(article.blocks.at(1).id, 0, u"on the paragraph"_s).valueOr(0);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addHighlight(book, h));
    QVERIFY(notebooks.addText(book, u"我的想法"_s));
    QVERIFY(notebooks.addNote(book, n2));

    const QList<NotebookItem> doc = notebooks.document(book);
    QCOMPARE(doc.size(), 3);
    QCOMPARE(doc.at(0).quote, b.text.left(6));
    QCOMPARE(doc.at(0).source.articleTitle, article.title);
    QCOMPARE(doc.at(0).source.articleId, article.id);
    QCOMPARE(doc.at(0).source.blockId, b.id);
    QCOMPARE(doc.at(0).source.publication, m_issue.parsed.issue.publication);
    QCOMPARE(doc.at(0).source.issueDate, m_issue.parsed.issue.date);
    QCOMPARE(doc.at(0).notes.size(), 1);
    QCOMPARE(doc.at(0).notes.front().id, n1);
    QCOMPARE(doc.at(0).tags.front().name, u"要点"_s);
    QCOMPARE(doc.at(1).text, u"我的想法"_s);
    QVERIFY(doc.at(1).quote.isEmpty());
    QCOMPARE(doc.at(2).quote, article.blocks.at(1).text);
    QCOMPARE(doc.at(2).notes.front().text, u"on the paragraph"_s);
}

void TestNotebooks::removeNotebook_restore_entriesBack()
{
    NotebookRepository notebooks(*m_library);
    const qint64 book = notebooks.create(u"nb"_s).valueOr(0);
    QVERIFY(notebooks.addText(book, u"a"_s));
    QVERIFY(notebooks.addText(book, u"b"_s));
    const auto deletion = notebooks.remove(book);
    QVERIFY(deletion);
    QVERIFY(!notebooks.notebook(book));
    QVERIFY(notebooks.entries(book).isEmpty());
    QVERIFY(notebooks.restore(*deletion));
    QCOMPARE(notebooks.notebook(book)->name, u"nb"_s);
    QCOMPARE(order(book), (QStringList{u"a"_s, u"b"_s}));
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestNotebooks, {})
#include "tst_notebooks.moc"
