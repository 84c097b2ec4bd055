// A researcher's first hour (issue 20), annotating, offscreen on the real corpus: the tag palette and the note
// editor open beside the selection, never over it; Ctrl+Enter confirms a note; Edit → Undo says what it undid
// in the status bar and brings it into view.
#include "app/annotations/noteeditor.h"
#include "app/annotations/notelistmodel.h"
#include "app/annotations/tagpalette.h"
#include "app/shell/popupplacement.h"
#include "tests/support/annotationwindowfixture.h"

#include <QApplication>
#include <QLineEdit>
#include <QStatusBar>
#include <QTimer>

#include <functional>

using namespace dubao;

namespace {

QString covering(const QWidget *popup, const QRect &selection)
{
    const QRect g = popup->frameGeometry();
    return QStringLiteral("%1 at %2,%3 %4×%5 covers the selection at %6,%7 %8×%9")
        .arg(QLatin1String(popup->metaObject()->className()))
        .arg(g.x())
        .arg(g.y())
        .arg(g.width())
        .arg(g.height())
        .arg(selection.x())
        .arg(selection.y())
        .arg(selection.width())
        .arg(selection.height());
}

} // namespace

class TestFirstHourAnnotating : public QObject, public test::AnnotationWindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpLibrary(); }
    void cleanup() { tearDownWindow(); }
    void popupPosition_neverCoversTheAvoidedRectangle_data();
    void popupPosition_neverCoversTheAvoidedRectangle();
    void notePopup_besideTheSelection_ctrlEnterSaves();
    void tagPalette_besideTheSelection();
    void undo_saysWhatItUndid_andShowsIt();
    void noteList_showsRenderedMarkdown();

private:
    /// Selects the first characters of the paragraph nearest the reader's middle (where a pop-up centred on the
    /// window would land) and returns the selection's rectangle in global coordinates.
    QRect selectInTheMiddle();
    /// Runs `inspect` on the modal dialog `action` opens, once it is shown.
    void whileModal(const QString &action, const std::function<void(QWidget *)> &inspect);
};

void TestFirstHourAnnotating::popupPosition_neverCoversTheAvoidedRectangle_data()
{
    QTest::addColumn<QRect>("avoid");
    const QRect screen(0, 0, 1600, 1000);
    QTest::newRow("middle") << QRect(500, 400, 300, 40);
    QTest::newRow("bottom") << QRect(500, 900, 300, 60);
    QTest::newRow("top") << QRect(500, 10, 300, 60);
    QTest::newRow("tall, left") << QRect(50, 100, 300, 850);
    QTest::newRow("tall, right") << QRect(1250, 100, 300, 850);
}

void TestFirstHourAnnotating::popupPosition_neverCoversTheAvoidedRectangle()
{
    QFETCH(QRect, avoid);
    const QRect screen(0, 0, 1600, 1000);
    const QSize size(420, 260);
    const QRect placed(popupPosition(size, avoid, screen), size);
    QVERIFY2(!placed.intersects(avoid), qPrintable(QStringLiteral("%1,%2").arg(placed.x()).arg(placed.y())));
    QVERIFY(screen.contains(placed));
}

QRect TestFirstHourAnnotating::selectInTheMiddle()
{
    ReaderView *reader = m_window->reader();
    const int middle = reader->viewport()->height() / 2;
    qint64 best = 0;
    int distance = INT_MAX;
    for (const qint64 id : std::as_const(m_blocks)) {
        QRectF rect = reader->document()->documentLayout()->blockBoundingRect(reader->textBlock(id));
        rect.translate(0, -reader->verticalScrollBar()->value());
        const int d = qAbs(int(rect.center().y()) - middle);
        if (d < distance) {
            distance = d;
            best = id;
        }
    }
    select(best, 0, 6);
    QTextCursor start(reader->document());
    start.setPosition(reader->textCursor().selectionStart());
    QTextCursor end(reader->document());
    end.setPosition(reader->textCursor().selectionEnd());
    const QRect rect = reader->cursorRect(start).united(reader->cursorRect(end));
    return QRect(reader->viewport()->mapToGlobal(rect.topLeft()), rect.size());
}

void TestFirstHourAnnotating::whileModal(const QString &action, const std::function<void(QWidget *)> &inspect)
{
    bool ran = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(QApplication::activeModalWidget() && QApplication::activeModalWidget()->isVisible());
        inspect(QApplication::activeModalWidget());
        ran = true;
        if (QApplication::activeModalWidget())
            QApplication::activeModalWidget()->close();
    });
    m_window->actions().action(action)->trigger();
    QVERIFY(ran);
}

void TestFirstHourAnnotating::notePopup_besideTheSelection_ctrlEnterSaves()
{
    openWindow();
    const QRect selection = selectInTheMiddle();
    const qint64 block = m_window->reader()->blockIdAt(m_window->reader()->textCursor());
    const int before = int(document().annotations().notesOfBlock(block).size());
    whileModal(QStringLiteral("actionAddNote"), [&](QWidget *dialog) {
        auto *editor = qobject_cast<NoteEditor *>(dialog);
        QVERIFY(editor);
        QVERIFY2(!dialog->frameGeometry().intersects(selection), qPrintable(covering(dialog, selection)));
        editor->editor()->setPlainText(QStringLiteral("**重点** 第一小时"));
        QTest::keyClick(editor->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!editor->isVisible()); // accepted
    });
    const QList<Note> notes = document().annotations().notesOfBlock(block);
    QCOMPARE(int(notes.size()), before + 1);
    QCOMPARE(notes.back().text, QStringLiteral("**重点** 第一小时"));
}

void TestFirstHourAnnotating::tagPalette_besideTheSelection()
{
    openWindow();
    const QRect selection = selectInTheMiddle();
    whileModal(QStringLiteral("actionTagPalette"), [&](QWidget *dialog) {
        QVERIFY(qobject_cast<TagPalette *>(dialog));
        QVERIFY2(!dialog->frameGeometry().intersects(selection), qPrintable(covering(dialog, selection)));
    });
}

void TestFirstHourAnnotating::undo_saysWhatItUndid_andShowsIt()
{
    openWindow();
    ReaderView *reader = m_window->reader();
    const qint64 article = reader->articleId();
    const qint64 block = m_blocks.back();
    const QString quote = reader->textBlock(block).text().mid(0, 6);
    const qint64 tag = document().createTag(QStringLiteral("重点"));
    QVERIFY(document().addHighlight(block, 0, 6, {tag}) > 0);
    // The researcher reads on, in another article.
    QVERIFY(m_window->nextArticle());
    QVERIFY(reader->articleId() != article);

    m_window->actions().action(QStringLiteral("actionUndo"))->trigger();
    QVERIFY(document().annotations().highlightsOfArticle(article).isEmpty());
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Undid: ")), qPrintable(message));
    QVERIFY2(message.contains(quote.left(4)), qPrintable(message));
    // The undone highlight's place is in view.
    QCOMPARE(reader->articleId(), article);
    QTest::qWait(20);
    const QRect rect = reader->cursorRect(QTextCursor(reader->textBlock(block)));
    QVERIFY(reader->viewport()->rect().contains(rect.center()));

    // Redo says so too.
    QVERIFY(m_window->nextArticle());
    m_window->actions().action(QStringLiteral("actionRedo"))->trigger();
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Redid: ")));
    QCOMPARE(reader->articleId(), article);
}

void TestFirstHourAnnotating::noteList_showsRenderedMarkdown()
{
    openWindow();
    const qint64 block = m_blocks.front();
    QVERIFY(document().addNote(block, 0, QStringLiteral("## 导言\n\n**重点**：*永川* 的 `政策`")) > 0);
    QVERIFY(document().addNote(block, 0, QStringLiteral("**重点** 在后")) > 0);
    emit m_window->reader()->noteMarkerClicked(block); // the margin marker: the Notes panel on the paragraph
    const QList<NoteListModel *> models = m_window->findChildren<NoteListModel *>();
    QVERIFY(!models.isEmpty());
    QStringList shown;
    for (NoteListModel *model : models)
        for (int row = 0; row < model->rowCount(); ++row)
            shown << model->index(row).data(Qt::DisplayRole).toString();
    QVERIFY2(shown.contains(QStringLiteral("导言")), qPrintable(shown.join(u'|')));
    QVERIFY2(shown.contains(QStringLiteral("重点 在后")), qPrintable(shown.join(u'|')));
    for (const QString &line : std::as_const(shown))
        for (const QString &marker : {QStringLiteral("**"), QStringLiteral("##"), QStringLiteral("`")})
            QVERIFY2(!line.contains(marker), qPrintable(line));
}

QTEST_MAIN(TestFirstHourAnnotating)
#include "tst_firsthour_annotating.moc"
