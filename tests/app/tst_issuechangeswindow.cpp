// The issue changes in the window (offscreen): orphans after a corrected file replaced an issue and re-attaching
// them, dubao:// links by id and by uid, a whole-library re-parse keeping annotations in place, deleting an issue.
#include "app/annotations/correctioncontroller.h"
#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/preferencesdialog.h"
#include "core/ingest/corrector.h"
#include "tests/support/annotationwindowfixture.h"

#include <QLineEdit>
#include <QMenu>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

using namespace dubao;

class TestIssueChangesWindow : public QObject, public test::AnnotationWindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { setUpLibrary(); }
    void init() { QSettings().clear(); }
    void cleanup() { tearDownWindow(); }
    void orphansPanel_afterReplacingIssue_listsAndReattaches();
    void openLink_block_showsArticleAndScrollsToParagraph();
    void reparseJob_wholeLibrary_keepsAnnotationsInPlace();
    void reparseAll_fromTheWindow_isNotTakenForAnotherProgramsChange();
    void deleteIssue_countsAndRemovesItsAnnotations();
    void correctSelection_markedListedUndoableAndKeptByReparse();
    void joinSplitAndKind_fromTheAnnotateMenu_shownMarkedAndUndoable();
    void preferences_authorIsRememberedAndRecordedByCorrections();
};

void TestIssueChangesWindow::orphansPanel_afterReplacingIssue_listsAndReattaches()
{
    openWindow();
    const qint64 issueId = m_window->currentIssueId();
    const auto issue = m_window->session()->issues().issue(issueId);
    QVERIFY(issue.has_value());
    // The line surgery below needs an ASCII-compatible encoding: fail, never skip, if the first issue changes.
    QVERIFY2(!issue->parsed.source.encoding.startsWith(QLatin1String("UTF-16")),
             "the shown issue's file is UTF-16; the line surgery below needs an ASCII-compatible encoding");
    // The paragraph to lose: the shown article's longest.
    Block target;
    for (const Article &article : issue->parsed.articles)
        if (article.id == m_window->currentArticleId())
            for (const Block &block : article.blocks)
                if (block.text.size() > target.text.size())
                    target = block;
    QVERIFY(target.id > 0);
    // The whole paragraph: a phrase of it could be found again elsewhere (news repeats its formulas), all of it
    // cannot.
    select(target.id, 0, int(target.text.size()));
    const QString quote = m_window->reader()->textCursor().selectedText();
    const qint64 highlight = annotations()->highlightSelection(0);
    QVERIFY(highlight > 0);

    // The corrected file lacks that paragraph's lines.
    QFile original(m_window->session()->issues().sourcePath(issueId));
    QByteArray bytes = issue->parsed.source.bytes;
    if (bytes.isEmpty()) {
        QVERIFY(original.open(QIODevice::ReadOnly));
        bytes = original.readAll();
    }
    QList<QByteArray> lines = bytes.split('\n');
    lines.remove(target.firstLine - 1, target.lastLine - target.firstLine + 1);
    const QString corrected = m_dir.filePath(QStringLiteral("corrected.txt"));
    QFile out(corrected);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(lines.join('\n'));
    out.close();

    const Result<ReanchorCounts> counts = annotations()->replaceIssue(issueId, corrected);
    QVERIFY2(counts.ok(), qPrintable(counts.error().message()));
    QCOMPARE(counts->orphaned, 1);
    QVERIFY(!m_window->undoStack()->canUndo()); // not undoable: the history is cleared

    OrphansPanel *panel = annotations()->orphansPanel();
    QCOMPARE(panel->items().size(), 1);
    QCOMPARE(panel->items().front().highlight.id, highlight);
    QVERIFY(panel->list()->model()->index(0, 0).data().toString().contains(quote.left(20)));

    // Re-attach by hand where the reader's selection is, undoably.
    m_window->reader()->setTextCursor(QTextCursor(m_window->reader()->document()));
    const qint64 article = m_window->reader()->articleId();
    QVERIFY(article > 0);
    const qint64 block = m_window->reader()->article().blocks.front().id;
    select(block, 0, 3);
    panel->selectRow(0);
    QVERIFY(annotations()->reattach(*panel->currentItem()));
    QCOMPARE(panel->items().size(), 0);
    const auto attached = document().annotations().highlight(highlight);
    QCOMPARE(attached->blockId, block);
    QVERIFY(!attached->orphan);
    m_window->undoStack()->undo();
    QCOMPARE(panel->items().size(), 1);
    QVERIFY(document().annotations().highlight(highlight)->orphan);
}

void TestIssueChangesWindow::openLink_block_showsArticleAndScrollsToParagraph()
{
    openWindow(12);
    const qint64 articleId = m_window->currentArticleId();
    const qint64 late = m_blocks.back();
    m_window->nextArticle();
    QVERIFY(m_window->currentArticleId() != articleId);

    QVERIFY(m_window->openLink(QUrl(QStringLiteral("dubao://block/%1").arg(late))));
    QCOMPARE(m_window->currentArticleId(), articleId);
    ReaderView *reader = m_window->reader();
    QCOMPARE(reader->blockIdAt(reader->textCursor()), late);
    QVERIFY(reader->verticalScrollBar()->value() > 0);
    QVERIFY(reader->isFlashing());
    QTRY_VERIFY_WITH_TIMEOUT(!reader->isFlashing(), 3000);

    QVERIFY(m_window->openLink(QUrl(QStringLiteral("dubao://article/%1").arg(articleId + 1))));
    QCOMPARE(m_window->currentArticleId(), articleId + 1);
    // The stable form the exports write: the paragraph by its uid.
    const QByteArray uid = sql::uidOf(m_window->session()->library().database(), "blocks", late);
    QCOMPARE(uid.size(), 16);
    QVERIFY(m_window->openLink(QUrl(DubaoLink::blockLink(uid))));
    QCOMPARE(m_window->currentArticleId(), articleId);
    QCOMPARE(reader->blockIdAt(reader->textCursor()), late);
    QVERIFY(!m_window->openLink(QUrl(QStringLiteral("dubao://block/999999999"))));
    QVERIFY(!m_window->openLink(QUrl(QStringLiteral("dubao://block/abc"))));
    QVERIFY(!m_window->openLink(QUrl(QStringLiteral("https://example.org/"))));
}

void TestIssueChangesWindow::reparseJob_wholeLibrary_keepsAnnotationsInPlace()
{
    openWindow();
    select(m_blocks[0], 2, 12);
    const qint64 highlight = annotations()->highlightSelection(0);
    QVERIFY(highlight > 0);
    const QString quote = document().annotations().highlight(highlight)->anchor.quote;

    // The job runs on its own connection in a worker thread, as Issue → Re-parse All Issues runs it.
    QThread thread;
    ReparseJob job(m_window->session()->path());
    job.moveToThread(&thread);
    QSignalSpy progress(&job, &ReparseJob::progress);
    QSignalSpy finished(&job, &ReparseJob::finished);
    connect(&thread, &QThread::started, &job, &ReparseJob::run);
    thread.start();
    QVERIFY(finished.wait(60000));
    thread.quit();
    thread.wait();
    const auto report = finished.front().at(0).value<ReparseReport>();
    QCOMPARE(finished.front().at(1).toString(), QString());
    QCOMPARE(report.issues + int(report.failed.size()), test::corpusFileCount());
    QCOMPARE(progress.size(), test::corpusFileCount());
    QCOMPARE(report.counts.orphaned, 0);
    const auto after = document().annotations().highlight(highlight);
    QVERIFY(after && !after->orphan);
    QCOMPARE(after->anchor.quote, quote);
}

void TestIssueChangesWindow::reparseAll_fromTheWindow_isNotTakenForAnotherProgramsChange()
{
    // Issue → Re-parse All Issues writes on the job's own connection: when it ends, the window's check for changes
    // by other programs must not report it ("The library was changed by another program").
    openWindow();
    bool finished = false;
    QVERIFY(m_window->reparseAllIssues([&finished](const ReparseOutcome &outcome) {
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        finished = true;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
    QVERIFY(!m_window->pollExternalChanges());
    QCOMPARE(m_window->statusBar()->currentMessage(), QString());
}

void TestIssueChangesWindow::deleteIssue_countsAndRemovesItsAnnotations()
{
    openWindow();
    const qint64 issueId = m_window->currentIssueId();
    select(m_blocks[0], 0, 4);
    const qint64 highlight = annotations()->highlightSelection(0);
    m_window->reader()->setTextCursor(QTextCursor(m_window->reader()->textBlock(m_blocks[1])));
    QVERIFY(annotations()->addNote(QStringLiteral("gone with the issue")) > 0);
    const AnnotationCounts counts = IssueReplacer(m_window->session()->library()).annotationsOfIssue(issueId);
    QCOMPARE(counts.highlights, 1);
    QCOMPARE(counts.notes, 1);
    const int issues = m_window->session()->issues().issueCount();

    const Result<void> deleted = annotations()->deleteIssue(issueId);
    QVERIFY2(deleted.ok(), qPrintable(deleted.error().message()));
    QCOMPARE(m_window->session()->issues().issueCount(), issues - 1);
    QVERIFY(!document().annotations().highlight(highlight).has_value());
    QVERIFY(m_window->currentIssueId() != issueId); // the reader moved on to an issue that exists
    QVERIFY(m_window->currentArticleId() > 0);
    QVERIFY(!m_window->undoStack()->canUndo());
}

void TestIssueChangesWindow::correctSelection_markedListedUndoableAndKeptByReparse()
{
    openWindow();
    const qint64 blockId = m_blocks[0];
    ReaderView *reader = m_window->reader();
    const QString before = reader->textBlock(blockId).text();
    QVERIFY(before.size() > 20);
    // A highlight after the span to correct, which the correction makes one character longer.
    select(blockId, 10, 16);
    const qint64 highlight = annotations()->highlightSelection(0);
    QVERIFY(highlight > 0);
    const QString quote = before.mid(10, 6);

    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionCorrect")));
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionCorrect"))->shortcut(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    select(blockId, 2, 4);
    CorrectionController *corrections = annotations()->corrections();
    const qint64 id = corrections->correctSelection(QStringLiteral("更正了"));
    QVERIFY(id > 0);
    const QString after = reader->textBlock(blockId).text();
    QCOMPARE(after, before.left(2) + QStringLiteral("更正了") + before.mid(4));
    QCOMPARE(reader->correctionMarks().size(), 1);
    QCOMPARE(reader->correctionMarks().front().start, 2);
    QCOMPARE(reader->correctionMarks().front().end, 5);
    QVERIFY(reader->correctionMarks().front().toolTip.contains(before.mid(2, 2)));
    const int position = reader->textBlock(blockId).position() + 3;
    QCOMPARE(reader->correctionAt(position)->id, id);
    const auto moved = document().annotations().highlight(highlight);
    QCOMPARE(moved->start, 11);
    QCOMPARE(after.mid(moved->start, moved->end - moved->start), quote);

    // Listed; undo takes it back, redo puts it back.
    corrections->showCorrections();
    QCOMPARE(corrections->correctionsList()->topLevelItemCount(), 1);
    QCOMPARE(corrections->correctionsList()->topLevelItem(0)->text(1), QStringLiteral("更正了"));
    m_window->undoStack()->undo();
    QCOMPARE(reader->textBlock(blockId).text(), before);
    QVERIFY(reader->correctionMarks().isEmpty());
    QCOMPARE(corrections->correctionsList()->topLevelItemCount(), 0);
    m_window->undoStack()->redo();
    QCOMPARE(reader->textBlock(blockId).text(), after);

    // A re-parse of every issue keeps it, and the highlight on its words.
    ReparseOptions all;
    all.all = true;
    const ReparseReport report = IssueReplacer(m_window->session()->library()).reparseAll(all);
    QVERIFY(report.failed.isEmpty());
    m_window->reloadLibrary();
    QCOMPARE(reader->textBlock(blockId).text(), after);
    const auto kept = document().annotations().highlight(highlight);
    QCOMPARE(after.mid(kept->start, kept->end - kept->start), quote);
    QVERIFY(corrections->removeCorrection(id));
    QCOMPARE(reader->textBlock(blockId).text(), before);
}

void TestIssueChangesWindow::joinSplitAndKind_fromTheAnnotateMenu_shownMarkedAndUndoable()
{
    openWindow();
    ReaderView *reader = m_window->reader();
    const QList<Block> blocks = reader->article().blocks;
    const qsizetype index =
        std::find_if(blocks.cbegin(), blocks.cend(), [&](const Block &b) { return b.id == m_blocks[0]; }) -
        blocks.cbegin();
    QVERIFY(index + 1 < blocks.size());
    const qint64 first = blocks[index].id;
    const QString a = blocks[index].text;
    const QString b = blocks[index + 1].text;
    const QMenu *annotate = m_window->actions().menu(ActionRegistry::Menu::Annotate);
    auto action = [&](const char *id) {
        QAction *found = m_window->actions().action(QLatin1String(id));
        return found && annotate->actions().contains(found) ? found : nullptr;
    };
    auto cursorIn = [&](qint64 blockId, int at) {
        QTextCursor cursor(reader->textBlock(blockId));
        cursor.setPosition(cursor.position() + at);
        reader->setTextCursor(cursor);
    };

    // The paragraph at the index as the reader shows it now (a join or a split may give the paragraphs new ids).
    auto shown = [&](qsizetype at) {
        return reader->article().blocks.value(at);
    };

    // Join: one paragraph of both texts, the seam marked with the OCR's paragraph end in the tooltip.
    QAction *join = action("actionJoinParagraph");
    QVERIFY(join);
    QCOMPARE(join->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    cursorIn(first, 1);
    join->trigger();
    QCOMPARE(reader->article().blocks.size(), blocks.size() - 1);
    const Block joined = shown(index);
    QCOMPARE(joined.text, a + b);
    QCOMPARE(reader->textBlock(joined.id).text(), a + b);
    QCOMPARE(reader->correctionMarks().size(), 1);
    const CorrectionMark seam = reader->correctionMarks().front();
    QCOMPARE(seam.blockId, joined.id);
    QCOMPARE(seam.start, int(a.size()));
    QVERIFY2(seam.toolTip.contains(a.right(6)) && seam.toolTip.contains(b.left(6)), qPrintable(seam.toolTip));
    QVERIFY(seam.toolTip.contains(QStringLiteral("two paragraphs")));
    QCOMPARE(reader->correctionAt(reader->textBlock(joined.id).position() + int(a.size()))->id, seam.id);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Join Paragraphs"));
    m_window->undoStack()->undo();
    QCOMPARE(reader->article().blocks.size(), blocks.size());
    QCOMPARE(shown(index).text, a);
    QCOMPARE(shown(index + 1).text, b);
    QVERIFY(reader->correctionMarks().isEmpty());
    m_window->undoStack()->redo();
    QCOMPARE(shown(index).text, a + b);
    m_window->undoStack()->undo();

    // Split at the cursor: two paragraphs, the second marked with the OCR's one paragraph in the tooltip.
    QAction *split = action("actionSplitParagraph");
    QVERIFY(split);
    cursorIn(shown(index).id, 10);
    split->trigger();
    QCOMPARE(reader->article().blocks.size(), blocks.size() + 1);
    QCOMPARE(shown(index).text, a.left(10));
    QCOMPARE(shown(index + 1).text, a.mid(10));
    QCOMPARE(reader->correctionMarks().size(), 1);
    const CorrectionMark part = reader->correctionMarks().front();
    QCOMPARE(part.blockId, shown(index + 1).id);
    QCOMPARE(part.start, 0);
    QVERIFY2(part.toolTip.contains(a.mid(4, 12)) && part.toolTip.contains(QStringLiteral("one paragraph")),
             qPrintable(part.toolTip));
    m_window->undoStack()->undo();
    QCOMPARE(reader->article().blocks.size(), blocks.size());
    QCOMPARE(shown(index).text, a);

    // Kind: the paragraph is a heading, marked, and back to what it was on undo.
    QAction *heading = action("actionMarkHeading");
    QVERIFY(heading && action("actionMarkCaption") && action("actionMarkBody"));
    cursorIn(shown(index).id, 0);
    heading->trigger();
    QCOMPARE(shown(index).kind, BlockKind::Heading);
    QCOMPARE(reader->correctionMarks().size(), 1);
    QVERIFY(reader->correctionMarks().front().toolTip.contains(QStringLiteral("heading")));
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Set Paragraph Kind"));
    m_window->undoStack()->undo();
    QCOMPARE(shown(index).kind, blocks[index].kind);
    QVERIFY(reader->correctionMarks().isEmpty());
    QVERIFY2(m_feedback->warnings.isEmpty(), qPrintable(m_feedback->warnings.join(u'\n')));
}

void TestIssueChangesWindow::preferences_authorIsRememberedAndRecordedByCorrections()
{
    openWindow();
    QAction *preferences = m_window->actions().action(QStringLiteral("actionPreferences"));
    QVERIFY(preferences);
    QCOMPARE(preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QVERIFY(m_window->actions().menu(ActionRegistry::Menu::Edit)->actions().contains(preferences));
    QCOMPARE(AppSettings::correctionAuthor(), Corrector::defaultAuthor());

    // Edit → Preferences…: a name typed and OK'd is remembered (without the spaces around it).
    bool seen = false;
    QTimer::singleShot(0, m_window.get(), [&] {
        auto *dialog = m_window->findChild<PreferencesDialog *>();
        if (!dialog)
            return;
        auto *author = dialog->findChild<QLineEdit *>(QStringLiteral("correctionAuthor"));
        seen = author && author->text().isEmpty() && author->placeholderText() == Corrector::defaultAuthor();
        if (author)
            author->setText(QStringLiteral("  张三 Zhang San "));
        dialog->accept();
    });
    preferences->trigger();
    QVERIFY(seen);
    QCOMPARE(QSettings().value(QStringLiteral("corrections/author")).toString(), QStringLiteral("张三 Zhang San"));

    // A correction records it, and its mark's tooltip names it.
    select(m_blocks[0], 2, 4);
    const qint64 id = annotations()->corrections()->correctSelection(QStringLiteral("改正"));
    QVERIFY(id > 0);
    const Result<QList<Correction>> stored = document().corrections().list();
    QVERIFY(stored && stored->size() == 1);
    QCOMPARE(stored->front().author, QStringLiteral("张三 Zhang San"));
    QVERIFY(m_window->reader()->correctionMarks().front().toolTip.contains(QStringLiteral("张三 Zhang San")));

    // Cleared, the login name is recorded again.
    PreferencesDialog dialog(m_window.get());
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("correctionAuthor"))->text(),
             QStringLiteral("张三 Zhang San"));
    dialog.findChild<QLineEdit *>(QStringLiteral("correctionAuthor"))->clear();
    dialog.accept();
    QVERIFY(!QSettings().contains(QStringLiteral("corrections/author")));
    QCOMPARE(AppSettings::correctionAuthor(), Corrector::defaultAuthor());
}

QTEST_MAIN(TestIssueChangesWindow)
#include "tst_issuechangeswindow.moc"
