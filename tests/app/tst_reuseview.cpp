// Text reuse in the window (offscreen, on a library of constructed copies): no marks before the index is built,
// Tools → Build Reuse Index on the worker, then the reader's margin marks beside the shared passages and the header
// line; a click on a mark opens the side-by-side comparison, whose marks (shared, reworded, inserted, cut) are where
// the alignment put them, and whose two sides scroll together.
#include "app/reader/readerview.h"
#include "app/reuse/comparisonview.h"
#include "app/reuse/reusepart.h"
#include "app/reuse/reuseview.h"
#include "app/shell/librarysession.h"
#include "core/jobs/jobrunner.h"
#include "core/reuse/reuseindex.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

class TestReuseView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolate(m_dir);
        m_path = m_dir.filePath(u"reuse.sqlite"_s);
        // The wire story: eight paragraphs. The local copy: its own lead, the story with one character reworded in
        // the second paragraph, a sentence inserted in the fourth, the sixth paragraph cut.
        for (int k = 0; k < 8; ++k)
            m_story << hanText(100 + k, 160);
        QStringList copy{m_local = hanText(200, 240)};
        for (int k = 0; k < 8; ++k) {
            QString p = m_story[k];
            if (k == 1)
                p[80] = QChar(0x4E00);
            if (k == 3)
                p.insert(60, m_inserted = hanText(201, 24));
            if (k != 5)
                copy << p;
        }
        {
            Library library;
            QVERIFY(library.open(m_path));
            m_wire = test::storeReuseDocument(library, {u"wire"_s, QDate(2023, 1, 5), m_story, u"新华社"_s});
            m_copy = test::storeReuseDocument(library, {u"copy"_s, QDate(2023, 1, 6), copy, u"渝西都市报"_s});
            QVERIFY(m_wire && m_copy);
        }
        m_window = test::openShownWindow(m_path, QSize(1200, 800));
        m_part = m_window->findChild<ReusePart *>();
        QVERIFY(m_part);
        QVERIFY(m_window->showArticle(m_copy));
    }

    void neverBuilt_showsNothing()
    {
        QVERIFY(m_window->reader()->reuseMarks().isEmpty());
        QVERIFY(m_window->reader()->reuseLine().isEmpty());
        QVERIFY(!m_window->findChild<QAction *>(u"actionCompareWith"_s)->isEnabled());
        QVERIFY(!m_part->shownReuse().indexed);
    }

    void cancelledFirstBuild_leavesNoIndex()
    {
        QSignalSpy built(m_part, &ReusePart::built);
        QVERIFY(m_part->buildIndex());
        m_part->buildRunner()->cancel(); // before the worker has opened the library
        QVERIFY(built.wait(15000));
        QVERIFY(!built.front().front().toBool());
        QVERIFY(!ReuseIndex(m_window->session()->library()).exists()); // as before: never built
        QCOMPARE(ReuseIndex(m_window->session()->library()).pendingArticles(), 0);
        QVERIFY(m_window->reader()->reuseMarks().isEmpty());
        QVERIFY(m_window->findChild<QAction *>(u"actionBuildReuseIndex"_s)->isEnabled());
    }

    void buildFromToolsMenu_marksAppearBesideThePassages()
    {
        QSignalSpy built(m_part, &ReusePart::built);
        QAction *build = m_window->findChild<QAction *>(u"actionBuildReuseIndex"_s);
        QVERIFY(build && build->isEnabled());
        build->trigger();
        QVERIFY(built.wait(15000));
        QVERIFY(built.front().front().toBool());
        QVERIFY(ReuseIndex(m_window->session()->library()).exists());

        ReaderView *reader = m_window->reader();
        // The copy's own text is its lead: the inserted sentence and the reworded character lie inside passages.
        const int total = 240 + 7 * 160 + 24, own = 240;
        const int shared = qRound(100.0 * (total - own) / total);
        QCOMPARE(reader->reuseLine(),
                 u"%1% shared with 新华社 2023-01-05 · own text %2%"_s.arg(shared).arg(100 - shared));
        QVERIFY(m_window->findChild<QAction *>(u"actionCompareWith"_s)->isEnabled());
        const QList<ReuseMarginMark> marks = reader->reuseMarks();
        QVERIFY(marks.size() >= 7); // one per shared paragraph at least
        const Article &article = reader->article();
        QCOMPARE(marks.front().blockId, article.blocks[1].id); // not the local lead
        QCOMPARE(marks.front().copies, 1);
        QVERIFY(marks.front().toolTip.contains(u"新华社 2023-01-05"_s));
        for (int i = 0; i < marks.size(); ++i) {
            // The bar runs beside the passage: from its first character's line to its last's, left of the text.
            const QTextBlock block = reader->textBlock(marks[i].blockId);
            QTextCursor first(block), last(block);
            first.setPosition(block.position() + marks[i].start);
            last.setPosition(block.position() + marks[i].end - 1);
            const QRect bar = reader->reuseMarkRect(i);
            const QRect top = reader->cursorRect(first), bottom = reader->cursorRect(last);
            if (bar.isEmpty())
                continue; // scrolled out of view
            QVERIFY2(qAbs(bar.top() - top.top()) <= 4, qPrintable(u"%1 %2"_s.arg(bar.top()).arg(top.top())));
            QVERIFY(qAbs(bar.bottom() - bottom.bottom()) <= 4);
            QVERIFY(bar.right() < top.left());
        }
    }

    void clickOnMark_opensTheComparisonWithTheChangesMarked()
    {
        ReaderView *reader = m_window->reader();
        QVERIFY(!reader->reuseMarkRect(0).isEmpty());
        QTest::mouseClick(reader->viewport(), Qt::LeftButton, {}, reader->reuseMarkRect(0).center());
        ComparisonView *view = m_part->comparison();
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view->window()));
        QCOMPARE(view->pair().a, m_copy);
        QCOMPARE(view->pair().b, m_wire);
        // Both sides open at their tops, the left one focused.
        view->leftText()->setFocus();
        QCOMPARE(view->leftText()->verticalScrollBar()->value(), 0);
        QCOMPARE(view->rightText()->verticalScrollBar()->value(), 0);
        using Mark = ComparisonView::Mark;
        const Article copy = *m_window->session()->issues().article(m_copy);
        const Article wire = *m_window->session()->issues().article(m_wire);
        QCOMPARE(view->markAt(true, copy.blocks[0].id, 10), Mark::Inserted);  // the local lead
        QCOMPARE(view->markAt(true, copy.blocks[1].id, 10), Mark::Shared);    // the story
        QCOMPARE(view->markAt(true, copy.blocks[2].id, 80), Mark::Reworded);  // the changed character
        QCOMPARE(view->markAt(false, wire.blocks[1].id, 80), Mark::Reworded); // and the wire's
        QCOMPARE(view->markAt(true, copy.blocks[4].id, 70), Mark::Inserted);  // the inserted sentence
        QCOMPARE(view->markAt(false, wire.blocks[3].id, 70), Mark::Shared);   // the wire runs on
        QCOMPARE(view->markAt(false, wire.blocks[5].id, 10), Mark::Cut);      // the paragraph the copy cut
        QCOMPARE(view->markAt(false, wire.blocks[6].id, 10), Mark::Shared);
        // The marks are drawn where they are: the document's formats at those characters.
        auto format = [view](bool left, qint64 block, int offset) {
            QTextCursor cursor((left ? view->leftText() : view->rightText())->document());
            cursor.setPosition(view->documentPosition(left, block, offset) + 1);
            return cursor.charFormat();
        };
        QVERIFY(format(true, copy.blocks[4].id, 70).fontUnderline());
        QVERIFY(format(false, wire.blocks[5].id, 10).fontStrikeOut());
        QVERIFY(format(true, copy.blocks[1].id, 10).background().style() != Qt::NoBrush);
        QCOMPARE(format(true, copy.blocks[1].id, 10).background(), format(false, wire.blocks[0].id, 10).background());
    }

    void scrollingOneSide_scrollsTheOtherToTheSamePassage()
    {
        ComparisonView *view = m_part->comparison();
        QVERIFY(view);
        view->window()->resize(900, 500);
        QTest::qWait(50);
        QScrollBar *left = view->leftText()->verticalScrollBar(), *right = view->rightText()->verticalScrollBar();
        QVERIFY(left->maximum() > 0 && right->maximum() > 0);
        int checked = 0;
        for (int k = 0; k < view->pair().passages.size(); ++k) {
            const qreal topLeft = view->passageTop(true, k), topRight = view->passageTop(false, k);
            if (topLeft > left->maximum() || topRight > right->maximum())
                continue;
            left->setValue(qRound(topLeft));
            QVERIFY2(qAbs(right->value() - topRight) <= 2,
                     qPrintable(u"passage %1: %2 vs %3"_s.arg(k).arg(right->value()).arg(topRight)));
            right->setValue(0);
            right->setValue(qRound(topRight));
            QVERIFY(qAbs(left->value() - topLeft) <= 2);
            ++checked;
        }
        QVERIFY(checked >= 2);
        // Between two passages the other side moves in proportion, never backwards.
        int last = -1;
        for (int y = 0; y <= left->maximum(); y += 37) {
            left->setValue(y);
            QVERIFY(right->value() >= last);
            last = right->value();
        }
    }

    void reuseView_listsTheClusterFiltersAndOpensTheComparison()
    {
        QSignalSpy loaded(m_part, &ReusePart::loaded);
        m_window->findChild<QAction *>(u"actionReuse"_s)->trigger();
        QVERIFY(loaded.wait(15000));
        ReuseView *view = m_part->view();
        QAbstractItemModel *model = view->tree()->model();
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex cluster = model->index(0, ReuseView::Publication);
        QCOMPARE(cluster.data().toString(), u"新华社"_s); // the source
        QCOMPARE(model->index(0, ReuseView::Copies).data().toString(), u"1"_s);
        QCOMPARE(model->rowCount(cluster), 2);
        const QModelIndex copy = model->index(1, ReuseView::Publication, cluster);
        QCOMPARE(copy.data().toString(), u"渝西都市报"_s);
        QCOMPARE(model->index(1, ReuseView::Lag, cluster).data().toString(), u"1"_s);
        QCOMPARE(copy.data(ReuseView::ArticleRole).toLongLong(), m_copy);

        // Filters: the copy's publication keeps the cluster; a period before it hides it.
        view->publicationFilter()->setCurrentText(u"渝西都市报"_s);
        QCOMPARE(view->shownClusters(), 1);
        view->toFilter()->setDate(QDate(2022, 12, 31));
        QCOMPARE(view->shownClusters(), 0);
        view->toFilter()->setDate(view->toFilter()->minimumDate());
        view->publicationFilter()->setCurrentIndex(0);
        QCOMPARE(view->shownClusters(), 1);

        // Activating the copy shows it in the reader, compared with its source.
        QSignalSpy requested(view, &ReuseView::comparisonRequested);
        const QModelIndex again = model->index(1, ReuseView::Title, model->index(0, ReuseView::Publication));
        view->tree()->setCurrentIndex(again);
        emit view->tree()->activated(again);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(m_window->reader()->articleId(), m_copy);
        QCOMPARE(m_part->comparison()->pair().a, m_copy);
        QCOMPARE(m_part->comparison()->pair().b, m_wire);
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QStringList m_story;
    QString m_local, m_inserted;
    qint64 m_wire = 0, m_copy = 0;
    std::unique_ptr<MainWindow> m_window;
    ReusePart *m_part = nullptr;
};

QTEST_MAIN(TestReuseView)
#include "tst_reuseview.moc"
