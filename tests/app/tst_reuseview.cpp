// Text reuse in the window (offscreen, on a library of constructed copies): no marks before the index is built,
// Tools → Build Reuse Index on the worker, then the reader's margin marks beside the shared passages and the header
// line; a click on a mark opens the side-by-side comparison, whose marks (shared, reworded, inserted, cut) are where
// the alignment put them, and whose two sides scroll together; the Reuse view's Export (JSON as dubao-cli prints it,
// CSV read back by Python's csv module) and the comparison saved as HTML (read back by Python's html.parser); the
// view narrowed by a query (words, own:, tag:).
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/reuse/comparisonview.h"
#include "app/reuse/reusepart.h"
#include "app/reuse/reuseview.h"
#include "app/search/querycompleter.h"
#include "app/shell/librarysession.h"
#include "core/jobs/jobrunner.h"
#include "core/reuse/reuseindex.h"
#include "tests/support/cliprocess.h"
#include "tests/support/csvreader.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/python.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolButton>
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

    void reuseView_queryKeepsTheClustersWithAMatchingCopy()
    {
        ReuseView *view = m_part->view();
        QLineEdit *query = view->queryFilter();
        QCOMPARE(view->shownClusters(), 1);
        QSignalSpy applied(m_part, &ReusePart::queryApplied);
        auto apply = [&](const QString &text) {
            query->setText(text);
            QTest::keyClick(query, Qt::Key_Return);
            return applied.wait(10000);
        };
        // Words of the copy's own lead: its cluster stays; words no copy has: none.
        QVERIFY(apply(m_local.mid(30, 4)));
        QCOMPARE(view->shownClusters(), 1);
        QVERIFY(apply(hanText(999, 6)));
        QCOMPARE(view->shownClusters(), 0);
        // own: and tag:, as in search: the lead is the copy's own text; a tag on the wire story.
        QVERIFY(apply(m_local.mid(30, 4) + u" own:no"_s));
        QCOMPARE(view->shownClusters(), 0);
        QVERIFY(apply(m_local.mid(30, 4) + u" own:yes"_s));
        QCOMPARE(view->shownClusters(), 1);
        AnnotationDocument &document = m_window->annotations()->document();
        const qint64 tag = document.createTag(u"通稿"_s);
        QVERIFY(tag > 0 && document.tag(TagTarget::Article, m_wire, tag));
        QVERIFY(apply(u"tag:通稿"_s));
        QCOMPARE(view->shownClusters(), 1);
        QVERIFY(view->completer()->tagNames().contains(u"通稿"_s)); // tag: completes the library's tags here too
        QVERIFY(apply(u"tag:没有这个标签"_s));
        QCOMPARE(view->shownClusters(), 0);
        // A query that cannot run says why and shows nothing; clearing the field shows every cluster again.
        QVERIFY(apply(u"-"_s + m_local.mid(30, 4)));
        QCOMPARE(view->shownClusters(), 0);
        QVERIFY2(view->findChild<QLabel *>(u"reuseStatus"_s)->text().contains(u"excluded"_s),
                 qPrintable(view->findChild<QLabel *>(u"reuseStatus"_s)->text()));
        const qsizetype before = applied.size();
        query->clear(); // at once: no search to run
        QCOMPARE(applied.size(), before + 1);
        QCOMPARE(view->shownClusters(), 1);
    }

    void export_jsonAsTheCliPrintsIt_csvAndHtmlReadBack()
    {
        ReuseView *view = m_part->view();
        QCOMPARE(view->exportButton()->menu()->actions().size(), 3);
        // JSON: what dubao-cli reuse --json prints for the same library.
        const QString json = m_dir.filePath(u"reuse.json"_s);
        QVERIFY(m_part->exportTo(json, ReuseView::ExportKind::Json));
        const test::CliRun cli = test::runCli({u"reuse"_s, u"--json"_s, u"--library"_s, m_path});
        QCOMPARE(cli.code, 0);
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(exported, QJsonDocument::fromJson(cli.out).object());
        QCOMPARE(exported.value(u"pairs"_s).toArray().size(), 1);

        // CSV, read as pandas and LibreOffice read it: UTF-8 with a BOM, quoted fields.
        const QString pairs = m_dir.filePath(u"pairs.csv"_s), clusters = m_dir.filePath(u"clusters.csv"_s);
        QVERIFY(m_part->exportTo(pairs, ReuseView::ExportKind::PairsCsv));
        QVERIFY(m_part->exportTo(clusters, ReuseView::ExportKind::ClustersCsv));
        const test::PythonRun read = test::runPython(uR"(import csv, json, sys
pairs = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
clusters = list(csv.DictReader(open(sys.argv[2], encoding='utf-8-sig', newline='')))
p = pairs[0]
print(json.dumps({'pairs': len(pairs), 'a': int(p['a']), 'b': int(p['b']), 'a_publication': p['a_publication'],
                  'b_date': p['b_date'], 'shared': int(p['shared_chars']), 'coverage_b': float(p['coverage_b']),
                  'passages': len(json.loads(p['passages'])), 'passage_count': int(p['passage_count']),
                  'clusters': [[int(c['cluster']), int(c['article']), int(c['source']), c['publication'],
                                c['lag_days']] for c in clusters]}, ensure_ascii=False))
)"_s,
                                                     {pairs, clusters});
        QVERIFY2(read.code == 0, read.err.constData());
        const QJsonObject csv = QJsonDocument::fromJson(read.out).object();
        const QJsonObject pair = exported.value(u"pairs"_s).toArray()[0].toObject();
        QCOMPARE(csv.value(u"pairs"_s).toInt(), 1);
        QCOMPARE(csv.value(u"a"_s).toInteger(), pair.value(u"a"_s).toInteger());
        QCOMPARE(csv.value(u"b"_s).toInteger(), pair.value(u"b"_s).toInteger());
        QCOMPARE(csv.value(u"a_publication"_s).toString(), u"新华社"_s);
        QCOMPARE(csv.value(u"b_date"_s).toString(), u"2023-01-06"_s);
        QCOMPARE(csv.value(u"shared"_s).toInt(), pair.value(u"shared_chars"_s).toInt());
        QVERIFY(qAbs(csv.value(u"coverage_b"_s).toDouble() - pair.value(u"coverage_b"_s).toDouble()) < 1e-5);
        QCOMPARE(csv.value(u"passages"_s).toInt(), pair.value(u"passages"_s).toArray().size());
        QCOMPARE(csv.value(u"passage_count"_s).toInt(), csv.value(u"passages"_s).toInt());
        QCOMPARE(csv.value(u"clusters"_s).toArray(), QJsonArray({QJsonArray({1, m_wire, 1, u"新华社"_s, QString()}),
                                                                 QJsonArray({1, m_copy, 0, u"渝西都市报"_s, u"1"_s})}));
        // A file that cannot be written is an error.
        QVERIFY(!m_part->exportTo(m_dir.filePath(u"no/such/folder/x.csv"_s), ReuseView::ExportKind::PairsCsv));

        // The comparison as HTML: both sides' text with the marks, read by an HTML parser.
        ComparisonView *comparison = m_part->comparison();
        QVERIFY(comparison);
        const QString html = m_dir.filePath(u"comparison.html"_s);
        QVERIFY(comparison->exportHtml(html));
        const test::PythonRun parsed = test::runPython(uR"(import json, sys
from html.parser import HTMLParser
class Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text, self.struck, self.underlined, self.cells, self.styles = [], [], [], 0, []
    def handle_starttag(self, tag, attrs):
        if tag == 'td':
            self.cells += 1
        if tag not in ('br', 'meta', 'img', 'hr'):
            self.styles.append(dict(attrs).get('style') or '')
    def handle_endtag(self, tag):
        if tag not in ('br', 'meta', 'img', 'hr') and self.styles:
            self.styles.pop()
    def handle_data(self, data):
        self.text.append(data)
        if any('line-through' in s for s in self.styles):
            self.struck.append(data)
        if any('underline' in s for s in self.styles):
            self.underlined.append(data)
r = Reader()
r.feed(open(sys.argv[1], encoding='utf-8').read())
print(json.dumps({'text': ''.join(r.text), 'cells': r.cells, 'struck': ''.join(r.struck),
                  'underlined': ''.join(r.underlined)}, ensure_ascii=False))
)"_s,
                                                       {html});
        QVERIFY2(parsed.code == 0, parsed.err.constData());
        const QJsonObject page = QJsonDocument::fromJson(parsed.out).object();
        QCOMPARE(page.value(u"cells"_s).toInt(), 2);
        const QString text = page.value(u"text"_s).toString();
        QVERIFY(text.contains(m_local.left(40)));    // the copy's own lead, on the left
        QVERIFY(text.contains(m_story[5].left(40))); // the paragraph the copy cut, on the right
        QVERIFY(page.value(u"struck"_s).toString().contains(m_story[5].left(40)));
        QVERIFY(page.value(u"underlined"_s).toString().contains(m_inserted));

        // The comparison as PDF: each column's text layer gives back its article, every paragraph whole (the cut one
        // on the right, the inserted sentence inside its paragraph on the left) …
        const QString pdf = m_dir.filePath(u"comparison.pdf"_s);
        QVERIFY(comparison->exportPdf(pdf));
        const auto run = [](const QString &program, const QStringList &arguments) {
            QProcess process;
            process.start(program, arguments);
            process.waitForFinished(60000);
            return process.exitCode() == 0 ? QString::fromUtf8(process.readAllStandardOutput()) : QString();
        };
        const auto column = [&](bool left) { // the column's half of every page, in reading order, white space dropped
            QString text = run(u"/usr/bin/pdftotext"_s,
                               {u"-enc"_s, u"UTF-8"_s, u"-raw"_s, u"-r"_s, u"72"_s, u"-x"_s, left ? u"0"_s : u"421"_s,
                                u"-y"_s, u"0"_s, u"-W"_s, u"420"_s, u"-H"_s, u"596"_s, pdf, u"-"_s});
            return text.remove(QRegularExpression(u"\\s+"_s));
        };
        const QString leftText = column(true), rightText = column(false);
        QVERIFY2(leftText.contains(m_local), qPrintable(leftText.left(200)));
        for (int k = 0; k < 8; ++k) {
            QVERIFY2(rightText.contains(m_story[k]), qPrintable(u"wire paragraph %1"_s.arg(k)));
            if (k != 5) // the copy cut the sixth paragraph
                QVERIFY2(leftText.contains(m_story[k].left(60)), qPrintable(u"copy paragraph %1"_s.arg(k)));
        }
        QVERIFY(!leftText.contains(m_story[5].left(60)));
        QVERIFY(leftText.contains(m_story[3].left(60) + m_inserted + m_story[3].mid(60, 40)));
        for (const QChar c : QString(leftText + rightText))
            QVERIFY2(c.unicode() < 0x2e80 || c.unicode() > 0x2fdf, "a CJK radical in the text layer");
        const QString fonts = run(u"/usr/bin/pdffonts"_s, {pdf});
        QVERIFY2(fonts.contains(u"NotoSerifCJK"_s) && fonts.contains(QRegularExpression(u"yes\\s+yes\\s+yes"_s)),
                 qPrintable(fonts)); // embedded, as a subset, with a ToUnicode map
        // … and the marks show on the pages: the tints of shared, reworded, inserted and cut text (on white).
        const QString prefix = m_dir.filePath(u"comparison-page"_s);
        QVERIFY(QFile::exists(u"/usr/bin/pdftoppm"_s));
        run(u"/usr/bin/pdftoppm"_s, {u"-r"_s, u"60"_s, u"-png"_s, pdf, prefix});
        const QList<QColor> tints{QColor(215, 231, 234), QColor(248, 211, 157), QColor(186, 228, 205),
                                  QColor(245, 203, 200)};
        QList<int> seen(tints.size(), 0);
        int pages = 0;
        for (const QFileInfo &file : QDir(m_dir.path()).entryInfoList({u"comparison-page*.png"_s})) {
            const QImage image(file.filePath());
            QVERIFY(!image.isNull());
            QVERIFY(image.width() > image.height()); // landscape
            ++pages;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor pixel = image.pixelColor(x, y);
                    for (int t = 0; t < tints.size(); ++t)
                        if (qAbs(pixel.red() - tints[t].red()) <= 4 && qAbs(pixel.green() - tints[t].green()) <= 4 &&
                            qAbs(pixel.blue() - tints[t].blue()) <= 4)
                            ++seen[t];
                }
        }
        QVERIFY(pages >= 2);
        QVERIFY2(seen[0] > 20 * seen[1] && seen[1] > 0 && seen[2] > 0 && seen[3] > 0,
                 qPrintable(u"%1 %2 %3 %4"_s.arg(seen[0]).arg(seen[1]).arg(seen[2]).arg(seen[3])));
        // A file that cannot be written is an error.
        QVERIFY(!comparison->exportPdf(m_dir.filePath(u"no/such/folder/x.pdf"_s)));
    }

    void export_followsTheViewsFilters()
    {
        // A second story, copied by another paper a year later: two clusters.
        const QString second = hanText(300, 200);
        qint64 secondWire = 0, secondCopy = 0;
        {
            Library library;
            QVERIFY(library.open(m_path));
            secondWire = test::storeReuseDocument(library, {u"second"_s, QDate(2024, 2, 1), {second}, u"人民日报"_s});
            secondCopy = test::storeReuseDocument(
                library, {u"second-copy"_s, QDate(2024, 2, 2), {hanText(301, 80), second}, u"永川日报"_s});
            QVERIFY(secondWire && secondCopy);
        }
        QSignalSpy built(m_part, &ReusePart::built), loaded(m_part, &ReusePart::loaded);
        m_window->findChild<QAction *>(u"actionBuildReuseIndex"_s)->trigger();
        QVERIFY(built.wait(15000));
        QVERIFY(!loaded.isEmpty() || loaded.wait(15000));
        ReuseView *view = m_part->view();
        QCOMPARE(view->shownClusters(), 2);
        QVERIFY(!view->isFiltered());
        QVERIFY2(view->exportScope().contains(u"every cluster"_s), qPrintable(view->exportScope()));

        // The pairs each export writes, as (a, b).
        const auto exported = [&](ReuseView::ExportKind kind) {
            const QString path =
                m_dir.filePath(kind == ReuseView::ExportKind::Json ? u"filtered.json"_s : u"filtered.csv"_s);
            QList<QPair<qint64, qint64>> pairs;
            if (!m_part->exportTo(path, kind))
                return pairs;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return pairs;
            const QByteArray bytes = file.readAll();
            if (kind == ReuseView::ExportKind::Json) {
                for (const QJsonValue &p : QJsonDocument::fromJson(bytes).object().value(u"pairs"_s).toArray())
                    pairs.append({p.toObject().value(u"a"_s).toInteger(), p.toObject().value(u"b"_s).toInteger()});
                return pairs;
            }
            const std::optional<QList<QStringList>> rows = test::parseCsv(QString::fromUtf8(bytes.mid(3)));
            for (qsizetype r = 1; rows && r < rows->size(); ++r) // pairs: a, b; clusters: cluster, article
                pairs.append({rows->at(r).at(0).toLongLong(), rows->at(r).at(1).toLongLong()});
            return pairs;
        };
        using Pairs = QList<QPair<qint64, qint64>>;
        const Pairs both{{m_wire, m_copy}, {secondWire, secondCopy}};
        QCOMPARE(exported(ReuseView::ExportKind::Json), both);
        QCOMPARE(exported(ReuseView::ExportKind::PairsCsv), both);

        // A publication: the cluster with its copy, and only its pair.
        view->publicationFilter()->setCurrentText(u"永川日报"_s);
        QCOMPARE(view->shownClusters(), 1);
        QVERIFY(view->isFiltered());
        QVERIFY2(view->exportScope().contains(u"the 1 cluster(s) the filters show"_s), qPrintable(view->exportScope()));
        QVERIFY(view->exportButton()->toolTip().contains(view->exportScope()));
        QCOMPARE(exported(ReuseView::ExportKind::Json), (Pairs{{secondWire, secondCopy}}));
        QCOMPARE(exported(ReuseView::ExportKind::PairsCsv), (Pairs{{secondWire, secondCopy}}));
        QCOMPARE(exported(ReuseView::ExportKind::ClustersCsv), (Pairs{{1, secondWire}, {1, secondCopy}}));
        QFile json(m_dir.filePath(u"filtered.json"_s));
        QVERIFY(m_part->exportTo(json.fileName(), ReuseView::ExportKind::Json) && json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value(u"clusters"_s).toArray(),
                 QJsonArray(
                     {QJsonObject{{u"articles"_s, QJsonArray({secondWire, secondCopy})}, {u"source"_s, secondWire}}}));
        view->publicationFilter()->setCurrentIndex(0);

        // A period: the first story's cluster.
        view->toFilter()->setDate(QDate(2023, 12, 31));
        QCOMPARE(view->shownClusters(), 1);
        QCOMPARE(exported(ReuseView::ExportKind::PairsCsv), (Pairs{{m_wire, m_copy}}));
        QCOMPARE(exported(ReuseView::ExportKind::ClustersCsv), (Pairs{{1, m_wire}, {1, m_copy}}));
        view->toFilter()->setDate(view->toFilter()->minimumDate());

        // A query: the words of the second story's copy's own lead.
        QSignalSpy applied(m_part, &ReusePart::queryApplied);
        view->queryFilter()->setText(hanText(301, 80).mid(20, 4));
        QTest::keyClick(view->queryFilter(), Qt::Key_Return);
        QVERIFY(applied.wait(10000));
        QCOMPARE(view->shownClusters(), 1);
        QCOMPARE(exported(ReuseView::ExportKind::Json), (Pairs{{secondWire, secondCopy}}));
        view->queryFilter()->clear();
        QCOMPARE(view->shownClusters(), 2);
        QVERIFY(!view->isFiltered());
        QCOMPARE(exported(ReuseView::ExportKind::Json), both);
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
