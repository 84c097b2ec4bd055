// The annotation GUI end to end (offscreen): highlighting a selection in the reading pane and its drawing,
// notes through the notes panel and their margin markers, undo/redo restoring the library's exact rows, the
// tag dock, the annotations panel's filters, notebook reordering (orphans, links and issue changes:
// tst_issuechangeswindow).
#include "app/annotations/annotationlistmodel.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/noteconflictdialog.h"
#include "core/store/annotationrepository.h"
#include "core/store/authorship.h"
#include "tests/support/annotationwindowfixture.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

using namespace dubao;

class TestAnnotationWindow : public QObject, public test::AnnotationWindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void highlightSelection_storesOffsetsAndDrawsOverlap();
    void notesPanel_addAndEdit_storedWithMarkerAndOneUndoStep();
    void notesPanel_preview_sanitisedAndOnlySafeLinksLeave();
    void notesPanel_preview_tableIsATable();
    void notesPanel_changedBySomeoneElse_bothShownNothingLost();
    void undoRedo_highlightTagNoteNotebook_restoresExactRows();
    void paragraphAndArticleTags_drawnInTheMargin();
    void tagDock_createRenameMergeDelete_undoable();
    void annotationsPanel_filterByTag_withAndWithoutChildren();
    void annotationsPanel_authorFilterAndColumn_rememberedSortedAndCurrent();
    void notebookView_moveEntry_reordersAndUndoes();
    void actionsAndQuestions_throughRegistryAndFeedback();
};

void TestAnnotationWindow::initTestCase()
{
    setUpLibrary();
}

void TestAnnotationWindow::init()
{
    QSettings().clear();
}

void TestAnnotationWindow::cleanup()
{
    tearDownWindow();
}

void TestAnnotationWindow::highlightSelection_storesOffsetsAndDrawsOverlap()
{
    openWindow();
    const qint64 red =
        m_window->annotations()->tagDock()->createTag(QStringLiteral("人物"), 0, QStringLiteral("#E04040"));
    const qint64 blue =
        m_window->annotations()->tagDock()->createTag(QStringLiteral("地点"), 0, QStringLiteral("#4060E0"));
    QVERIFY(red > 0 && blue > 0);
    const qint64 blockId = m_blocks.front();
    const QString text = m_window->reader()->textBlock(blockId).text();

    select(blockId, 2, 10);
    const qint64 first = annotations()->highlightSelection(red);
    QVERIFY(first > 0);
    const auto stored = document().annotations().highlight(first);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->blockId, blockId);
    QCOMPARE(stored->start, 2);
    QCOMPARE(stored->end, 10);
    QCOMPARE(stored->anchor.quote, text.mid(2, 8));
    QCOMPARE(stored->tagIds, QList<qint64>{red});
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Highlight with “人物”"));

    // The last tag is one key away: bare H in the reader with a selection, and Ctrl+H (the action).
    select(blockId, 6, 14);
    annotations()->highlightSelection(blue); // now blue is the last tag
    select(blockId, 20, 24);
    m_window->reader()->setFocus();
    QTest::keyClick(m_window->reader(), Qt::Key_H);
    QList<Highlight> all = document().annotations().highlightsOfBlock(blockId);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.back().start, 20);
    QCOMPARE(all.back().tagIds, QList<qint64>{blue});
    select(blockId, 26, 28);
    m_window->findChild<QAction *>(QStringLiteral("actionHighlightLastTag"))->trigger();
    QCOMPARE(document().annotations().highlightsOfBlock(blockId).size(), 4);

    // Drawn: [2,6) red only, [6,10) both (underlined), [10,14) blue only.
    const QList<QTextLayout::FormatRange> formats = m_window->reader()->textBlock(blockId).layout()->formats();
    auto rangeAt = [&](int start) -> std::optional<QTextLayout::FormatRange> {
        for (const QTextLayout::FormatRange &range : formats)
            if (range.start == start)
                return range;
        return std::nullopt;
    };
    const auto redOnly = rangeAt(2);
    const auto both = rangeAt(6);
    const auto blueOnly = rangeAt(10);
    QVERIFY(redOnly && both && blueOnly);
    QCOMPARE(redOnly->length, 4);
    QCOMPARE(both->length, 4);
    QVERIFY(!redOnly->format.fontUnderline());
    QVERIFY(both->format.fontUnderline());
    const QColor r = redOnly->format.background().color();
    const QColor b = blueOnly->format.background().color();
    QVERIFY2(r.red() > r.blue(), qPrintable(r.name()));
    QVERIFY2(b.blue() > b.red(), qPrintable(b.name()));
    QVERIFY(both->format.background().color() != r && both->format.background().color() != b);

    // Removing the highlight is one undoable action and the drawing follows.
    QVERIFY(annotations()->removeHighlight(first));
    bool drawnAt2 = false;
    for (const auto &range : m_window->reader()->textBlock(blockId).layout()->formats())
        drawnAt2 = drawnAt2 || (range.start <= 2 && 2 < range.start + range.length);
    QVERIFY(!drawnAt2);
    m_window->undoStack()->undo();
    QCOMPARE(document().annotations().highlight(first)->start, 2);
}

void TestAnnotationWindow::notesPanel_addAndEdit_storedWithMarkerAndOneUndoStep()
{
    openWindow();
    const qint64 blockId = m_blocks[1];
    ReaderView *reader = m_window->reader();
    QVERIFY(reader->noteMarkers().isEmpty());
    reader->setTextCursor(QTextCursor(reader->textBlock(blockId)));
    NotesPanel *panel = annotations()->notesPanel();
    QCOMPARE(panel->blockId(), blockId);

    const qint64 id = panel->addNote(QStringLiteral("A **bold** thought"));
    QVERIFY(id > 0);
    const auto note = document().annotations().note(id);
    QVERIFY(note.has_value());
    QCOMPARE(note->blockId, blockId);
    QCOMPARE(note->text, QStringLiteral("A **bold** thought"));
    QCOMPARE(reader->noteMarkers().value(blockId), 1);
    QVERIFY(!reader->noteMarkerRect(blockId).isEmpty());
    QCOMPARE(panel->currentNoteId(), id);
    QCOMPARE(panel->preview()->toPlainText().trimmed(), QStringLiteral("A bold thought"));

    // Typing, with pauses that save, is one undo step until the session ends.
    const int commands = m_window->undoStack()->count();
    panel->editor()->setPlainText(QStringLiteral("A **bold** thought, revised"));
    panel->commitEdit(false);
    panel->editor()->setPlainText(QStringLiteral("A **bold** thought, revised twice"));
    panel->commitEdit(true);
    QCOMPARE(document().annotations().note(id)->text, QStringLiteral("A **bold** thought, revised twice"));
    QCOMPARE(m_window->undoStack()->count(), commands + 1);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Edit Note"));
    m_window->undoStack()->undo();
    QCOMPARE(document().annotations().note(id)->text, QStringLiteral("A **bold** thought"));
    QCOMPARE(panel->editor()->toPlainText(), QStringLiteral("A **bold** thought"));

    // Clicking the margin marker opens the paragraph's notes.
    reader->setTextCursor(QTextCursor(reader->textBlock(m_blocks[0])));
    QCOMPARE(panel->blockId(), m_blocks[0]);
    QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, reader->noteMarkerRect(blockId).center());
    QCOMPARE(panel->blockId(), blockId);
    QCOMPARE(panel->noteIds(), QList<qint64>{id});

    // Undoing the add removes the note and its marker.
    m_window->undoStack()->undo();
    QVERIFY(!document().annotations().note(id).has_value());
    QVERIFY(reader->noteMarkers().isEmpty());
}

void TestAnnotationWindow::notesPanel_changedBySomeoneElse_bothShownNothingLost()
{
    openWindow();
    authorship::setUserName(QStringLiteral("rita"));
    ReaderView *reader = m_window->reader();
    reader->setTextCursor(QTextCursor(reader->textBlock(m_blocks[1])));
    NotesPanel *panel = annotations()->notesPanel();
    const qint64 id = panel->addNote(QStringLiteral("first thought"));
    QVERIFY(id > 0);
    // Whose note it is, and when.
    QVERIFY2(panel->details()->text().startsWith(QStringLiteral("rita · ")), qPrintable(panel->details()->text()));
    const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR");

    // A colleague (another connection, another name) changes it while it is open here.
    const QString path = m_dir.filePath(QStringLiteral("copy%1.sqlite").arg(m_copies));
    auto colleagueEdits = [&](const QString &text) {
        authorship::setUserName(QStringLiteral("sam"));
        Library other;
        QVERIFY(other.open(path));
        QVERIFY(AnnotationRepository(other).editNote(id, text));
        authorship::setUserName(QStringLiteral("rita"));
    };
    colleagueEdits(QStringLiteral("their thought"));

    QSignalSpy conflicts(panel, &NotesPanel::editConflict);
    panel->editor()->setPlainText(QStringLiteral("my thought"));
    panel->commitEdit();
    QCOMPARE(conflicts.count(), 1);
    QCOMPARE(m_feedback->shown, QStringList{QStringLiteral("noteConflictDialog")});
    QCOMPARE(document().annotations().note(id)->text, QStringLiteral("their thought")); // nothing overwritten
    QCOMPARE(panel->editor()->toPlainText(), QStringLiteral("my thought"));             // nothing lost
    QVERIFY(panel->hasUnsavedText());
    QVERIFY2(panel->details()->text().contains(QStringLiteral("Not saved: sam changed")),
             qPrintable(panel->details()->text()));
    panel->commitEdit(); // no second save (nor dialog) until the user chose
    QCOMPARE(conflicts.count(), 1);

    // The dialog shows both, with whose and when.
    const Note theirs = qvariant_cast<Note>(conflicts.at(0).at(1));
    NoteConflictDialog dialog(QStringLiteral("my thought"), theirs, m_window.get());
    QCOMPARE(dialog.mineView()->toPlainText(), QStringLiteral("my thought"));
    QCOMPARE(dialog.theirsView()->toPlainText(), QStringLiteral("their thought"));
    QVERIFY(dialog.findChildren<QLabel *>().size() >= 3);
    connect(&dialog, &NoteConflictDialog::chosen, panel, &NotesPanel::resolveConflict);
    if (!shots.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QDir(shots).filePath(QStringLiteral("note-conflict.png")));
        m_window->grab().save(QDir(shots).filePath(QStringLiteral("note-unsaved.png")));
    }
    // Copy mine: theirs stays, mine goes to the clipboard.
    dialog.button(NoteConflictDialog::Choice::CopyMine)->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("my thought"));
    QCOMPARE(panel->editor()->toPlainText(), QStringLiteral("their thought"));
    QVERIFY(!panel->hasUnsavedText());
    QVERIFY2(panel->details()->text().contains(QStringLiteral("changed by sam · ")),
             qPrintable(panel->details()->text()));

    // Again, and overwrite with mine.
    colleagueEdits(QStringLiteral("their second thought"));
    panel->editor()->setPlainText(QStringLiteral("my second thought"));
    panel->commitEdit();
    QCOMPARE(conflicts.count(), 2);
    NoteConflictDialog again(QStringLiteral("my second thought"), qvariant_cast<Note>(conflicts.at(1).at(1)));
    connect(&again, &NoteConflictDialog::chosen, panel, &NotesPanel::resolveConflict);
    again.button(NoteConflictDialog::Choice::OverwriteWithMine)->click();
    QCOMPARE(document().annotations().note(id)->text, QStringLiteral("my second thought"));
    QCOMPARE(document().annotations().note(id)->changedBy, QStringLiteral("rita"));
    QVERIFY(!panel->hasUnsavedText());
    if (!shots.isEmpty())
        m_window->grab().save(QDir(shots).filePath(QStringLiteral("note-author.png")));

    // Undo undoes only one's own change: once sam changed the note again, undoing mine refuses and keeps his.
    colleagueEdits(QStringLiteral("their third thought"));
    const int warnings = int(m_feedback->warnings.size());
    m_window->undoStack()->undo();
    QCOMPARE(document().annotations().note(id)->text, QStringLiteral("their third thought"));
    QCOMPARE(m_feedback->warnings.size(), warnings + 1);
    QVERIFY2(m_feedback->warnings.last().contains(QStringLiteral("changed by sam")),
             qPrintable(m_feedback->warnings.last()));
    authorship::setUserName(QString());
}

void TestAnnotationWindow::notesPanel_preview_sanitisedAndOnlySafeLinksLeave()
{
    openWindow();
    // A panel of its own (no note selected, nothing saved, no window to follow a link): a colleague's note cannot
    // run anything. Raw HTML and file:/javascript: links are gone from the preview; of the clicks, only the safe
    // schemes leave the panel.
    NotesPanel panel(document());
    QSignalSpy links(&panel, &NotesPanel::linkActivated);
    panel.editor()->setPlainText(QStringLiteral("<b>raw</b> [a](file:///etc/passwd) [b](javascript:alert(1)) "
                                                "[c](https://example.org/x)")); // the preview follows
    const QString html = panel.preview()->toHtml();
    QVERIFY2(!html.contains(QLatin1String("file:")) && !html.contains(QLatin1String("javascript:")), qPrintable(html));
    QVERIFY2(!html.contains(QLatin1String("<b>raw")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("https://example.org/x")), qPrintable(html));
    QVERIFY(!panel.preview()->openExternalLinks());
    QVERIFY(!panel.preview()->openLinks());
    emit panel.preview()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    emit panel.preview()->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
    emit panel.preview()->anchorClicked(QUrl(QStringLiteral("dubao://block/1")));
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.at(0).at(0).toUrl(), QUrl(QStringLiteral("dubao://block/1")));
}

void TestAnnotationWindow::notesPanel_preview_tableIsATable()
{
    openWindow();
    // The preview shows a note's table as the exports do (core/export/safemarkdown.h): a table with its head, an
    // escaped pipe a pipe, a cell's raw HTML and script link gone.
    NotesPanel panel(document());
    panel.editor()->setPlainText(QStringLiteral("| 地区 | 人数 \\| 户 |\n|:---|---:|\n| 永川 | **31** |\n"
                                                "| 江津 | <b>2</b> [x](javascript:alert(1)) |"));
    QTextTable *table = nullptr;
    for (QTextFrame *frame : panel.preview()->document()->rootFrame()->childFrames())
        table = table ? table : qobject_cast<QTextTable *>(frame);
    QVERIFY(table);
    QCOMPARE(table->rows(), 3);
    QCOMPARE(table->columns(), 2);
    auto cell = [&](int row, int column) {
        QTextCursor c = table->cellAt(row, column).firstCursorPosition();
        c.setPosition(table->cellAt(row, column).lastCursorPosition().position(), QTextCursor::KeepAnchor);
        return c.selectedText();
    };
    QCOMPARE(cell(0, 1), QStringLiteral("人数 | 户"));
    QCOMPARE(cell(1, 0), QStringLiteral("永川"));
    QCOMPARE(cell(1, 1), QStringLiteral("31"));
    QCOMPARE(cell(2, 1), QStringLiteral("2 x"));
    const QString html = panel.preview()->toHtml();
    QVERIFY2(!html.contains(QLatin1String("javascript:")) && !html.contains(QLatin1String("<b>")), qPrintable(html));
}

void TestAnnotationWindow::paragraphAndArticleTags_drawnInTheMargin()
{
    openWindow();
    ReaderView *reader = m_window->reader();
    QVERIFY(reader->articleTagMarks().isEmpty());
    QVERIFY(reader->blockTagMarks().isEmpty());
    const qint64 economy = annotations()->tagDock()->createTag(QStringLiteral("经济"), 0, QStringLiteral("#30A060"));
    const qint64 land = annotations()->tagDock()->createTag(QStringLiteral("土地"), economy, QStringLiteral("#C04040"));
    reader->setTextCursor(QTextCursor(reader->textBlock(m_blocks[1])));
    QVERIFY(annotations()->tagParagraph(land));
    QVERIFY(annotations()->tagParagraph(economy));
    QVERIFY(annotations()->tagArticle(economy));

    const QList<TagMark> paragraph = reader->blockTagMarks().value(m_blocks[1]);
    QCOMPARE(paragraph.size(), 2);
    QCOMPARE(paragraph.front().path, QStringLiteral("经济")); // list() order: parent before child
    QCOMPARE(paragraph.back().path, QStringLiteral("经济/土地"));
    QCOMPARE(paragraph.back().color, QColor(QStringLiteral("#C04040")));
    QCOMPARE(reader->blockTagMarks().size(), 1);
    QCOMPARE(reader->articleTagMarks().size(), 1);

    // In the right margin, beside the paragraph's first line and beside the title.
    const QRect marks = reader->tagMarksRect(m_blocks[1]);
    QVERIFY(!marks.isEmpty());
    const QRectF block = reader->document()->documentLayout()->blockBoundingRect(reader->textBlock(m_blocks[1]));
    QVERIFY(marks.left() >= block.right() - reader->horizontalScrollBar()->value());
    QVERIFY(marks.right() <= reader->viewport()->width());
    QVERIFY(!reader->tagMarksRect(0).isEmpty());
    QVERIFY(reader->tagMarksRect(m_blocks[0]).isEmpty());
    // Labelled chips in a wide window, dots in a narrow one.
    QVERIFY(reader->tagMarksLabelled());
    m_window->resize(700, 850);
    QTRY_VERIFY(!reader->tagMarksLabelled());
    QVERIFY(!reader->tagMarksRect(m_blocks[1]).isEmpty());
    m_window->resize(1300, 850);
    QTRY_VERIFY(reader->tagMarksLabelled());
    const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        m_window->grab().save(QDir(shots).filePath(QStringLiteral("tag-marks.png")));

    // Undo takes them away again.
    m_window->undoStack()->undo();
    QVERIFY(reader->articleTagMarks().isEmpty());
    m_window->undoStack()->undo();
    QCOMPARE(reader->blockTagMarks().value(m_blocks[1]).size(), 1);
    m_window->undoStack()->undo();
    QVERIFY(reader->blockTagMarks().isEmpty());
    QVERIFY(reader->tagMarksRect(m_blocks[1]).isEmpty());
}

void TestAnnotationWindow::undoRedo_highlightTagNoteNotebook_restoresExactRows()
{
    openWindow();
    QUndoStack *stack = m_window->undoStack();
    const QStringList before = rows();
    const qint64 tag = annotations()->tagDock()->createTag(QStringLiteral("经济"), 0, QStringLiteral("#30A060"));
    select(m_blocks[0], 0, 12);
    const qint64 highlight = annotations()->highlightSelection(tag);
    QVERIFY(highlight > 0);
    m_window->reader()->setTextCursor(QTextCursor(m_window->reader()->textBlock(m_blocks[1])));
    QVERIFY(annotations()->tagParagraph(tag));
    QVERIFY(annotations()->tagArticle(tag));
    select(m_blocks[2], 3, 9);
    const qint64 note = annotations()->addNote(QStringLiteral("note on a new highlight"));
    QVERIFY(note > 0);
    const qint64 notebook = annotations()->notebookView()->createNotebook(QStringLiteral("研究"));
    QVERIFY(notebook > 0);
    AnnotationItem item;
    item.highlight = *document().annotations().highlight(highlight);
    QVERIFY(annotations()->addToNotebook(notebook, item));
    QVERIFY(annotations()->notebookView()->addText(QStringLiteral("My own words")) > 0);
    QVERIFY(annotations()->removeHighlight(highlight)); // also takes its notebook entry
    const QStringList after = rows(false);
    QVERIFY(after != before);

    while (stack->canUndo())
        stack->undo();
    QCOMPARE(rows(), before);
    while (stack->canRedo())
        stack->redo();
    // Taggings get a new created_at when redone; everything else, ids included, is as it was.
    QCOMPARE(rows(false), after);
    // Every id came back the same.
    QVERIFY(!document().annotations().highlight(highlight).has_value()); // removed again by the last redo
    stack->undo();
    QCOMPARE(document().annotations().highlight(highlight)->tagIds, QList<qint64>{tag});
    QCOMPARE(document().notebooks().entries(notebook).size(), 2);
}

void TestAnnotationWindow::tagDock_createRenameMergeDelete_undoable()
{
    openWindow();
    TagDock *dock = annotations()->tagDock();
    QUndoStack *stack = m_window->undoStack();
    const qint64 a = dock->createTag(QStringLiteral("战争"));
    const qint64 b = dock->createTag(QStringLiteral("和平"));
    QVERIFY(a > 0 && b > 0);
    QVERIFY(dock->indexOfTag(a).isValid() && dock->indexOfTag(b).isValid());
    QVERIFY(dock->createTag(QStringLiteral("和平")) == 0); // a sibling's name: refused, nothing pushed
    QCOMPARE(stack->undoText(), QStringLiteral("Create Tag “和平”"));

    QVERIFY(document().renameTag(a, QStringLiteral("冲突")));
    QCOMPARE(document().tags().tag(a)->name, QStringLiteral("冲突"));
    QCOMPARE(dock->indexOfTag(a).data().toString(), QStringLiteral("冲突"));
    stack->undo();
    QCOMPARE(document().tags().tag(a)->name, QStringLiteral("战争"));
    stack->redo();

    QVERIFY(document().recolorTag(b, QStringLiteral("#123456")));
    QCOMPARE(document().tags().tag(b)->color, QStringLiteral("#123456"));

    select(m_blocks[0], 0, 5);
    const qint64 highlight = annotations()->highlightSelection(a);
    QVERIFY(document().moveTag(a, b));
    QCOMPARE(document().tags().tag(a)->parentId, b);
    QCOMPARE(dock->indexOfTag(a).parent(), dock->indexOfTag(b));
    stack->undo();
    QCOMPARE(document().tags().tag(a)->parentId, 0);

    QVERIFY(document().mergeTags(a, b));
    QVERIFY(!document().tags().tag(a).has_value());
    QCOMPARE(document().annotations().highlight(highlight)->tagIds, QList<qint64>{b});
    QVERIFY(!dock->indexOfTag(a).isValid());
    stack->undo();
    QCOMPARE(document().tags().tag(a)->name, QStringLiteral("冲突"));
    QCOMPARE(document().annotations().highlight(highlight)->tagIds, QList<qint64>{a});

    QCOMPARE(dock->taggingsDescription(a), QStringLiteral("1 highlight(s)"));
    QVERIFY(document().deleteTag(a));
    QVERIFY(!document().tags().tag(a).has_value());
    QVERIFY(document().annotations().highlight(highlight).has_value()); // what it tagged stays
    QVERIFY(document().annotations().highlight(highlight)->tagIds.isEmpty());
    stack->undo();
    QCOMPARE(document().annotations().highlight(highlight)->tagIds, QList<qint64>{a});
    QVERIFY(dock->indexOfTag(a).isValid());
}

void TestAnnotationWindow::annotationsPanel_filterByTag_withAndWithoutChildren()
{
    openWindow();
    TagDock *dock = annotations()->tagDock();
    const qint64 parent = dock->createTag(QStringLiteral("政治"));
    const qint64 child = dock->createTag(QStringLiteral("选举"), parent);
    const qint64 other = dock->createTag(QStringLiteral("体育"));
    select(m_blocks[0], 0, 6);
    const qint64 h1 = annotations()->highlightSelection(parent);
    select(m_blocks[1], 0, 6);
    const qint64 h2 = annotations()->highlightSelection(child);
    select(m_blocks[2], 0, 6);
    annotations()->highlightSelection(other);

    AnnotationsPanel *panel = annotations()->annotationsPanel();
    panel->setTagFilter(0);
    QCOMPARE(panel->items().size(), 3);
    QCOMPARE(panel->list()->model()->rowCount(), 3);
    panel->setTagFilter(parent, true);
    QCOMPARE(panel->items().size(), 2);
    panel->setTagFilter(parent, false);
    QCOMPARE(panel->items().size(), 1);
    QCOMPARE(panel->items().front().highlight.id, h1);
    panel->setTagFilter(child, true);
    QCOMPARE(panel->items().size(), 1);
    QCOMPARE(panel->items().front().highlight.id, h2);
    panel->setTagFilter(0);
    panel->setTextFilter(m_window->reader()->textBlock(m_blocks[1]).text().left(6));
    QCOMPARE(panel->items().size(), 1);

    // Activating a row opens the reader at it, the span selected.
    m_window->reader()->setTextCursor(QTextCursor(m_window->reader()->document()));
    emit panel->list()->activated(panel->list()->model()->index(0, 0));
    const QTextCursor cursor = m_window->reader()->textCursor();
    QCOMPARE(m_window->reader()->blockIdAt(cursor), m_blocks[1]);
    QCOMPARE(cursor.selectedText(), m_window->reader()->textBlock(m_blocks[1]).text().left(6));
}

void TestAnnotationWindow::annotationsPanel_authorFilterAndColumn_rememberedSortedAndCurrent()
{
    openWindow();
    authorship::setUserName(QStringLiteral("rita"));
    select(m_blocks[0], 0, 6);
    const qint64 ritas = annotations()->highlightSelection(0);
    authorship::setUserName(QStringLiteral("sam"));
    select(m_blocks[1], 0, 6);
    const qint64 sams = annotations()->highlightSelection(0);
    authorship::setUserName(QStringLiteral("rita"));
    QVERIFY(ritas > 0 && sams > 0);

    AnnotationsPanel *panel = annotations()->annotationsPanel();
    QComboBox *author = panel->authorFilter();
    QCOMPARE(author->itemText(0), QStringLiteral("All authors"));
    QVERIFY(author->findData(QStringLiteral("rita")) > 0 && author->findData(QStringLiteral("sam")) > 0);
    panel->refresh();
    QCOMPARE(panel->items().size(), 2);

    // The Author column, sortable.
    QAbstractItemModel *model = panel->list()->model();
    QCOMPARE(model->headerData(AnnotationListModel::AuthorColumn, Qt::Horizontal).toString(), QStringLiteral("Author"));
    panel->list()->sortByColumn(AnnotationListModel::AuthorColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(0, AnnotationListModel::AuthorColumn).data().toString(), QStringLiteral("sam"));
    QCOMPARE(model->index(1, AnnotationListModel::AuthorColumn).data().toString(), QStringLiteral("rita"));
    panel->list()->sortByColumn(AnnotationListModel::AuthorColumn, Qt::AscendingOrder);
    QCOMPARE(model->index(0, AnnotationListModel::AuthorColumn).data().toString(), QStringLiteral("rita"));

    // Choosing sam shows his highlight only, and is remembered: a new panel starts with it.
    author->setCurrentIndex(author->findData(QStringLiteral("sam")));
    QCOMPARE(panel->items().size(), 1);
    QCOMPARE(panel->items().front().highlight.id, sams);
    QCOMPARE(panel->filter().author, QStringLiteral("sam"));
    QCOMPARE(QSettings().value(QStringLiteral("annotations/author")).toString(), QStringLiteral("sam"));
    {
        AnnotationsPanel again(document());
        QCOMPARE(again.authorFilter()->currentData().toString(), QStringLiteral("sam"));
        QCOMPARE(again.items().size(), 1);
    }

    // A colleague's note (another connection, another name) arrives: the names follow.
    authorship::setUserName(QStringLiteral("tom"));
    {
        Library other;
        QVERIFY(other.open(m_dir.filePath(QStringLiteral("copy%1.sqlite").arg(m_copies))));
        QVERIFY(AnnotationRepository(other).addNote(m_blocks[2], 0, QStringLiteral("from tom")));
    }
    authorship::setUserName(QStringLiteral("rita"));
    emit document().annotationsChanged(); // what the window does when a change notice arrives
    QVERIFY(author->findData(QStringLiteral("tom")) > 0);
    QCOMPARE(author->currentData().toString(), QStringLiteral("sam")); // the choice is kept
    panel->setAuthorFilter(QStringLiteral("tom"));
    QCOMPARE(panel->items().size(), 1);
    QCOMPARE(panel->items().front().note.text, QStringLiteral("from tom"));
    panel->setAuthorFilter(QString());
    QCOMPARE(panel->items().size(), 3);
    authorship::setUserName(QString());
}

void TestAnnotationWindow::notebookView_moveEntry_reordersAndUndoes()
{
    openWindow();
    NotebookView *view = annotations()->notebookView();
    const qint64 notebook = view->createNotebook(QStringLiteral("读书笔记"));
    QVERIFY(notebook > 0);
    select(m_blocks[0], 0, 8);
    const qint64 highlight = annotations()->highlightSelection(0);
    AnnotationItem item;
    item.highlight = *document().annotations().highlight(highlight);
    QVERIFY(annotations()->addToNotebook(notebook, item));
    const qint64 first = view->addText(QStringLiteral("First thoughts"));
    const qint64 second = view->addText(QStringLiteral("Second thoughts"));
    const QList<qint64> original = view->entryIds();
    QCOMPARE(original.size(), 3);
    QCOMPARE(view->entryList()->model()->rowCount(), 3);
    QVERIFY(view->entryHtml(0).contains(document().annotations().highlight(highlight)->anchor.quote.toHtmlEscaped()));
    QVERIFY(view->entryHtml(0).contains(QStringLiteral("dubao://block/%1").arg(m_blocks[0])));

    QVERIFY(view->moveEntry(0, 2));
    QList<qint64> stored;
    for (const NotebookEntry &entry : document().notebooks().entries(notebook))
        stored << entry.id;
    QCOMPARE(stored, (QList<qint64>{first, second, original[0]}));
    QCOMPARE(view->entryIds(), stored);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Move Notebook Entry"));
    m_window->undoStack()->undo();
    QCOMPARE(view->entryIds(), original);
    stored.clear();
    for (const NotebookEntry &entry : document().notebooks().entries(notebook))
        stored << entry.id;
    QCOMPARE(stored, original);

    // Free text is edited in place: the editor opens over the entry with its Markdown, leaving it keeps the
    // edit as one undoable step; the excerpt is not editable.
    QListView *list = view->entryList();
    const int textRow = int(view->entryIds().indexOf(first));
    QVERIFY(!(list->model()->index(int(view->entryIds().indexOf(original[0])), 0).flags() & Qt::ItemIsEditable));
    list->setFocus();
    list->setCurrentIndex(list->model()->index(textRow, 0));
    QTest::keyClick(list, Qt::Key_F2);
    auto *editor = list->findChild<QPlainTextEdit *>(QStringLiteral("notebookTextEditor"));
    QVERIFY(editor);
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->toPlainText(), QStringLiteral("First thoughts"));
    editor->setPlainText(QStringLiteral("First thoughts, **revised**"));
    if (const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR"); !shots.isEmpty())
        view->grab().save(QDir(shots).filePath(QStringLiteral("notebook-inline-edit.png")));
    QTest::keyClick(editor, Qt::Key_Tab); // leaves the editor: commits
    QTRY_COMPARE(document().notebooks().entry(first)->text, QStringLiteral("First thoughts, **revised**"));
    QTRY_VERIFY(view->entryHtml(textRow).contains(QStringLiteral("revised")));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Edit Notebook Text"));
    m_window->undoStack()->undo();
    QCOMPARE(document().notebooks().entry(first)->text, QStringLiteral("First thoughts"));
    // Esc drops an edit.
    list->setCurrentIndex(list->model()->index(textRow, 0));
    QTest::keyClick(list, Qt::Key_F2);
    editor = list->findChild<QPlainTextEdit *>(QStringLiteral("notebookTextEditor"));
    QVERIFY(editor);
    editor->setPlainText(QStringLiteral("thrown away"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QTest::qWait(20);
    QCOMPARE(document().notebooks().entry(first)->text, QStringLiteral("First thoughts"));

    // The excerpt links back to its paragraph.
    m_window->showArticle(m_window->currentArticleId() + 1);
    emit view->linkActivated(QUrl(QStringLiteral("dubao://block/%1").arg(m_blocks[0])));
    QCOMPARE(m_window->reader()->blockIdAt(m_window->reader()->textCursor()), m_blocks[0]);
}

void TestAnnotationWindow::actionsAndQuestions_throughRegistryAndFeedback()
{
    openWindow();
    ActionRegistry &actions = m_window->actions();
    auto action = [&actions](const char *id) {
        return actions.action(QLatin1String(id));
    };
    // Registered by the annotation part; those that change the library are editing actions.
    for (const char *id : {"actionHighlightLastTag", "actionTagPalette", "actionTagParagraph", "actionTagArticle",
                           "actionAddNote", "actionRemoveHighlight", "actionNewTag", "actionNewNotebook",
                           "actionReattachOrphan", "actionReplaceIssue", "actionReparseAll", "actionDeleteIssue"}) {
        QVERIFY2(action(id), id);
        QVERIFY2(actions.isEditing(action(id)), id);
    }
    QVERIFY(actions.menu(ActionRegistry::Menu::Annotate)->actions().contains(action("actionHighlightLastTag")));
    QVERIFY(actions.menu(ActionRegistry::Menu::Issue)->actions().contains(action("actionDeleteIssue")));
    QVERIFY(actions.menu(ActionRegistry::Menu::View)->actions().contains(action("menuAnnotationPanels")));
    actions.setReadOnly(true);
    QVERIFY(!action("actionNewTag")->isEnabled());
    QVERIFY(!action("actionDeleteIssue")->isEnabled());
    actions.setReadOnly(false);
    QVERIFY(action("actionNewTag")->isEnabled());

    // Deleting a tag from the dock asks the window's feedback; "no" keeps it.
    TagDock *dock = annotations()->tagDock();
    const qint64 tag = dock->createTag(QStringLiteral("战争"));
    QVERIFY(tag > 0);
    dock->selectTag(tag);
    QAction *remove = nullptr;
    for (QAction *a : dock->actions())
        if (a->shortcut() == QKeySequence(QKeySequence::Delete))
            remove = a;
    QVERIFY(remove);
    m_feedback->answer = false;
    remove->trigger();
    QCOMPARE(m_feedback->questions.size(), 1);
    QVERIFY(m_feedback->questions.front().startsWith(QStringLiteral("Delete Tag: ")));
    QVERIFY(document().tags().tag(tag).has_value());
    m_feedback->answer = true;
    remove->trigger();
    QVERIFY(!document().tags().tag(tag).has_value());

    // A change that fails is said as a warning.
    QVERIFY(dock->createTag(QStringLiteral("和平")) > 0);
    QVERIFY(m_feedback->warnings.isEmpty());
    QCOMPARE(dock->createTag(QStringLiteral("和平")), 0);
    QCOMPARE(m_feedback->warnings.size(), 1);
    QVERIFY(m_feedback->warnings.front().startsWith(QStringLiteral("Annotation: ")));

    // Issue → Delete Issue… asks first too.
    const int issues = m_window->session()->issues().issueCount();
    m_feedback->answer = false;
    action("actionDeleteIssue")->trigger();
    QVERIFY(m_feedback->questions.back().startsWith(QStringLiteral("Delete Issue: ")));
    QCOMPARE(m_window->session()->issues().issueCount(), issues);
    m_feedback->answer = true;
    action("actionDeleteIssue")->trigger();
    QCOMPARE(m_window->session()->issues().issueCount(), issues - 1);
    QCOMPARE(m_feedback->warnings.size(), 1);
}

QTEST_MAIN(TestAnnotationWindow)
#include "tst_annotationwindow.moc"
