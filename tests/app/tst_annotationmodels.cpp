// The annotation views' models, each watched by QAbstractItemModelTester while the annotation document changes
// underneath: the tag tree, the annotations list, the orphans, a notebook's entries and a paragraph's notes. On a
// temporary library holding the sample issue.
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationlistmodel.h"
#include "app/annotations/notebookentrymodel.h"
#include "app/annotations/notelistmodel.h"
#include "app/annotations/orphanlistmodel.h"
#include "app/annotations/tagtreemodel.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QSqlQuery>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace dubao;

class TestAnnotationModels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tagTree_followsCreateMoveMergeDelete();
    void annotationList_filtersByTagAndTintsByColour();
    void orphanList_listsAnOrphanUntilReattached();
    void notebookEntries_onlyTextEditable_editAndMoveThroughDocument();
    void noteList_paragraphNotes_highlightsNoteBold();

private:
    /// A checker that fails the test on the first inconsistency of `model`.
    void check(QAbstractItemModel *model);

    test::TemporaryLibrary m_library;
    std::unique_ptr<QUndoStack> m_stack;
    std::unique_ptr<AnnotationDocument> m_document;
    QList<qint64> m_blocks; ///< the sample issue's paragraphs with some text
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};

void TestAnnotationModels::init()
{
    const Result<void> opened = m_library.create();
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    const std::optional<StoredIssue> issue = test::importSampleIssue(*m_library);
    QVERIFY(issue.has_value());
    for (const Article &article : issue->parsed.articles)
        for (const Block &block : article.blocks)
            if (block.text.size() >= 10)
                m_blocks << block.id;
    QVERIFY(m_blocks.size() >= 3);
    m_stack = std::make_unique<QUndoStack>();
    m_document = std::make_unique<AnnotationDocument>(m_stack.get());
    m_document->setLibrary(&*m_library);
}

void TestAnnotationModels::cleanup()
{
    m_testers.clear();
    m_document.reset();
    m_stack.reset();
    m_blocks.clear();
    m_library.reset();
}

void TestAnnotationModels::check(QAbstractItemModel *model)
{
    m_testers.push_back(
        std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void TestAnnotationModels::tagTree_followsCreateMoveMergeDelete()
{
    TagTreeModel model(*m_document);
    check(&model);
    QCOMPARE(model.rowCount(), 0);
    const qint64 politics = m_document->createTag(QStringLiteral("政治"), 0, QStringLiteral("#C04040"));
    const qint64 economy = m_document->createTag(QStringLiteral("经济"));
    const qint64 election = m_document->createTag(QStringLiteral("选举"), politics);
    QVERIFY(politics > 0 && economy > 0 && election > 0);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex parent = model.indexOfTag(politics);
    QCOMPARE(parent.data().toString(), QStringLiteral("政治"));
    QCOMPARE(parent.data(Qt::ToolTipRole).toString(), QStringLiteral("政治"));
    QCOMPARE(parent.data(TagTreeModel::TagIdRole).toLongLong(), politics);
    QCOMPARE(model.rowCount(parent), 1);
    QCOMPARE(model.indexOfTag(election).parent(), parent);
    QCOMPARE(model.indexOfTag(election).data(Qt::ToolTipRole).toString(), QStringLiteral("政治/选举"));
    QVERIFY(!parent.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(model.flags(parent) & Qt::ItemIsDragEnabled);

    // The count column: how many things the tag is on.
    QVERIFY(m_document->tag(TagTarget::Block, m_blocks[0], economy));
    QVERIFY(m_document->addHighlight(m_blocks[1], 0, 4, {economy}) > 0);
    model.refresh(); // the counts are read again when the tags change (as the dock had them)
    QCOMPARE(model.indexOfTag(economy).siblingAtColumn(TagTreeModel::UsesColumn).data().toString(),
             QStringLiteral("2"));
    QVERIFY(!model.indexOfTag(election).siblingAtColumn(TagTreeModel::UsesColumn).data().isValid());

    QVERIFY(m_document->moveTag(election, economy));
    QCOMPARE(model.rowCount(model.indexOfTag(politics)), 0);
    QCOMPARE(model.indexOfTag(election).parent(), model.indexOfTag(economy));
    m_stack->undo();
    QCOMPARE(model.indexOfTag(election).parent(), model.indexOfTag(politics));

    QVERIFY(m_document->mergeTags(economy, politics));
    QVERIFY(!model.indexOfTag(economy).isValid());
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(m_document->deleteTag(politics));
    // Its child moves up a level.
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(TagTreeModel::TagIdRole).toLongLong(), election);
    m_stack->undo();
    m_stack->undo();
    QCOMPARE(model.rowCount(), 2);
}

void TestAnnotationModels::annotationList_filtersByTagAndTintsByColour()
{
    AnnotationListModel model(*m_document);
    check(&model);
    const qint64 red = m_document->createTag(QStringLiteral("红"), 0, QStringLiteral("#E04040"));
    const qint64 blue = m_document->createTag(QStringLiteral("蓝"), 0, QStringLiteral("#4060E0"));
    const qint64 h1 = m_document->addHighlight(m_blocks[0], 0, 6, {red});
    const qint64 h2 = m_document->addHighlight(m_blocks[1], 2, 8, {blue});
    const qint64 note = m_document->addNote(m_blocks[2], 0, QStringLiteral("a note\nwith two lines"));
    QVERIFY(h1 > 0 && h2 > 0 && note > 0);

    model.setFilter({});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(AnnotationListModel::TagsColumn, Qt::Horizontal).toString(), QStringLiteral("Tags"));
    QCOMPARE(model.headerData(AnnotationListModel::AuthorColumn, Qt::Horizontal).toString(), QStringLiteral("Author"));
    AnnotationFilter filter;
    filter.tagIds = {red};
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.item(0)->highlight.id, h1);
    const QString quote = m_document->annotations().highlight(h1)->anchor.quote;
    QCOMPARE(model.index(0, AnnotationListModel::TextColumn).data().toString(), QStringLiteral("“%1”").arg(quote));
    QCOMPARE(model.index(0, AnnotationListModel::TagsColumn).data().toString(), QStringLiteral("红"));
    const QColor tint = model.index(0, AnnotationListModel::TagsColumn).data(Qt::BackgroundRole).value<QColor>();
    QCOMPARE(tint.rgb(), QColor(QStringLiteral("#E04040")).rgb());
    QCOMPARE(tint.alpha(), 70);
    QVERIFY(!model.item(1).has_value());

    filter.tagIds.clear();
    filter.text = QStringLiteral("two lines");
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("✎ a note with two lines"));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("a note\nwith two lines"));
    // Without a library: nothing.
    m_document->setLibrary(nullptr);
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
}

void TestAnnotationModels::orphanList_listsAnOrphanUntilReattached()
{
    OrphanListModel model(*m_document);
    check(&model);
    QCOMPARE(model.rowCount(), 0);
    const qint64 highlight = m_document->addHighlight(m_blocks[0], 0, 5);
    QVERIFY(highlight > 0);
    QVERIFY(m_document->addNote(m_blocks[0], highlight, QStringLiteral("on the highlight")) > 0);
    const QString quote = m_document->annotations().highlight(highlight)->anchor.quote;
    // What a re-parse that cannot place it leaves behind.
    QSqlQuery query(m_library->database());
    QVERIFY(
        query.exec(QStringLiteral("UPDATE highlights SET orphan = 1, block_id = NULL WHERE id = %1").arg(highlight)));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    const int row = 0;
    QCOMPARE(model.item(row)->highlight.id, highlight);
    QCOMPARE(model.index(row, OrphanListModel::QuoteColumn).data().toString(), quote);
    QCOMPARE(model.index(row, OrphanListModel::NotesColumn).data().toString(), QStringLiteral("on the highlight"));
    QCOMPARE(model.headerData(OrphanListModel::ArticleColumn, Qt::Horizontal).toString(), QStringLiteral("Was in"));

    // Re-attached through the document: the list follows by itself.
    QVERIFY(m_document->attachHighlight(highlight, m_blocks[1], 0, 3));
    QCOMPARE(model.rowCount(), 0);
    m_stack->undo();
    QCOMPARE(model.rowCount(), 1);
}

void TestAnnotationModels::notebookEntries_onlyTextEditable_editAndMoveThroughDocument()
{
    NotebookEntryModel model(*m_document);
    check(&model);
    // The notebook view reads its model again whenever the notebooks change.
    connect(m_document.get(), &AnnotationDocument::notebooksChanged, &model, &NotebookEntryModel::refresh);
    const qint64 notebook = m_document->createNotebook(QStringLiteral("读书笔记"));
    const qint64 highlight = m_document->addHighlight(m_blocks[0], 0, 6);
    QVERIFY(notebook > 0 && highlight > 0);
    const qint64 excerpt = m_document->addHighlightToNotebook(notebook, highlight);
    const qint64 text = m_document->addTextToNotebook(notebook, QStringLiteral("My **own** words"));
    QVERIFY(excerpt > 0 && text > 0);
    model.setNotebook(notebook);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0);
    const QModelIndex second = model.index(1);
    QCOMPARE(first.data(NotebookEntryModel::EntryIdRole).toLongLong(), excerpt);
    QVERIFY(first.data(NotebookEntryModel::HtmlRole)
                .toString()
                .contains(QStringLiteral("dubao://block/%1").arg(m_blocks[0])));
    QVERIFY(!(model.flags(first) & Qt::ItemIsEditable));
    QVERIFY(model.flags(second) & Qt::ItemIsEditable);
    QVERIFY(model.flags(QModelIndex()) & Qt::ItemIsDropEnabled);
    QCOMPARE(second.data(NotebookEntryModel::MarkdownRole).toString(), QStringLiteral("My **own** words"));
    QVERIFY(second.data(NotebookEntryModel::HtmlRole).toString().contains(QStringLiteral("own")));

    // An edit of free text becomes one undoable change once back in the event loop; an excerpt cannot be edited.
    QVERIFY(!model.setData(first, QStringLiteral("no")));
    QVERIFY(model.setData(second, QStringLiteral("Revised")));
    QTRY_COMPARE(m_document->notebooks().entry(text)->text, QStringLiteral("Revised"));
    QCOMPARE(model.index(1).data(NotebookEntryModel::MarkdownRole).toString(), QStringLiteral("Revised"));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Edit Notebook Text"));

    QVERIFY(m_document->moveNotebookEntry(text, 0));
    QCOMPARE(model.index(0).data(NotebookEntryModel::EntryIdRole).toLongLong(), text);
    m_stack->undo();
    QCOMPARE(model.index(0).data(NotebookEntryModel::EntryIdRole).toLongLong(), excerpt);
    QVERIFY(m_document->deleteNotebook(notebook));
    QCOMPARE(model.rowCount(), 0);
}

void TestAnnotationModels::noteList_paragraphNotes_highlightsNoteBold()
{
    NoteListModel model(*m_document);
    check(&model);
    const qint64 highlight = m_document->addHighlight(m_blocks[0], 0, 5);
    const qint64 onParagraph = m_document->addNote(m_blocks[0], 0, QStringLiteral("first line\nsecond line"));
    const qint64 onHighlight = m_document->addNote(m_blocks[0], highlight, QStringLiteral("on the span"));
    const qint64 elsewhere = m_document->addNote(m_blocks[1], 0, QStringLiteral("not here"));
    QVERIFY(onParagraph > 0 && onHighlight > 0 && elsewhere > 0);
    model.setContext(m_blocks[0], highlight);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.noteId(0), onParagraph);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("first line"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("❝ on the span"));
    QCOMPARE(model.index(1).data(NoteListModel::NoteIdRole).toLongLong(), onHighlight);
    QVERIFY(model.index(1).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(0).data(Qt::FontRole).isValid());
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(), QStringLiteral("On the paragraph"));
    model.setContext(m_blocks[1], 0);
    QCOMPARE(model.rowCount(), 1);
    model.setContext(0, 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.noteId(0), 0);
}

QTEST_MAIN(TestAnnotationModels)
#include "tst_annotationmodels.moc"
