// The Trends view (offscreen, on hand-built issues): it draws what TermTrends counts, a click on a point asks for
// that period's hits, the chart exports as PNG, SVG and CSV, a bad query shows its error, "Own text beside all"
// draws each query again in own text; the window has View → Trends and its dock.
#include "app/search/querycompleter.h"
#include "app/shell/actionregistry.h"
#include "app/shell/mainwindow.h"
#include "app/trends/trendchart.h"
#include "app/trends/trendspart.h"
#include "app/trends/trendsview.h"
#include "core/reuse/reuseindex.h"
#include "core/store/annotationrepository.h"
#include "core/store/authorship.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/scalar.h"
#include "tests/support/temporarylibrary.h"
#include "tests/support/windowfixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTrendsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolate(m_settings);
        QVERIFY(m_library.create());
        IssueRepository issues(*m_library);
        QVERIFY(issues.insert(test::makeIssue(test::sha('1'), QDate(2023, 6, 15))).valueOr(0) > 0);
        QVERIFY(issues.insert(test::makeIssue(test::sha('2'), QDate(2023, 8, 1), 8, 1)).valueOr(0) > 0);
    }

    void draw_showsTheCountedTrend()
    {
        TrendsView view;
        QVERIFY(draw(view, u"垃圾; 评论"_s));
        const Trend &trend = view.chart()->trend();
        QCOMPARE(trend.buckets.size(), 3);
        QCOMPARE(trend.series.size(), 2);
        QCOMPARE(trend.series[1].query, u"评论"_s);
        QCOMPARE(trend.series[0].hits, QList<qint64>({1, 0, 1}));
        QVERIFY2(view.message().contains(u"垃圾: 2 hit(s)"_s), qPrintable(view.message()));
    }

    void clickOnAPoint_asksForThatPeriodsHits()
    {
        TrendsView view;
        view.resize(800, 400);
        view.show();
        QVERIFY(draw(view, u"垃圾"_s));
        TrendChart *chart = view.chart();
        QSignalSpy asked(&view, &TrendsView::hitsRequested);
        QPoint point(-1, -1);
        for (int x = 0; x < chart->width() && point.x() < 0; x += 2)
            for (int y = 0; y < chart->height(); y += 2)
                if (chart->pointAt(QPoint(x, y), chart->rect()).first == 0) {
                    point = QPoint(x, y);
                    break;
                }
        QVERIFY(point.x() >= 0);
        QTest::mouseClick(chart, Qt::LeftButton, {}, point);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toString(), u"垃圾"_s);
        QCOMPARE(asked[0][1].toDate(), QDate(2023, 6, 1));
        QCOMPARE(asked[0][2].toDate(), QDate(2023, 6, 30));
        QCOMPARE(TrendsPart::periodQuery(u"垃圾"_s, QDate(2023, 6, 1), QDate(2023, 6, 30)),
                 u"垃圾 from:2023-06-01 to:2023-06-30"_s);
    }

    void export_pngSvgCsv()
    {
        TrendsView view;
        QVERIFY(draw(view, u"垃圾"_s));
        view.chart()->setStyle(TrendChart::Style::Bars);
        const QString png = m_library.filePath(u"t.png"_s);
        const QString svg = m_library.filePath(u"t.svg"_s);
        const QString csv = m_library.filePath(u"t.csv"_s);
        QVERIFY(view.exportTo(png, TrendsView::Format::Png, QSize(640, 320)));
        QVERIFY(view.exportTo(svg, TrendsView::Format::Svg));
        QVERIFY(view.exportTo(csv, TrendsView::Format::Csv));
        QCOMPARE(QImage(png).size(), QSize(640, 320));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("2023-06")); // the labels are text, not pixels
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QVERIFY(csvFile.readAll().startsWith("\xEF\xBB\xBFperiod,start,end,issues,characters,垃圾 hits"));
        QVERIFY(!view.exportTo(m_library.filePath(u"no/such/folder/t.png"_s), TrendsView::Format::Png));
    }

    void badQuery_showsItsError()
    {
        TrendsView view;
        QVERIFY(draw(view, u"-垃圾"_s));
        QVERIFY2(view.message().startsWith(u"-垃圾: "_s), qPrintable(view.message()));
    }

    void ownTextBesideAll_drawsEachQueryAgainInOwnText()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = test::hanText(60, 120), local = test::hanText(61, 80);
        QVERIFY(test::storeReuseDocument(*library, {u"wire"_s, QDate(2023, 6, 1), {story}, u"新华社"_s}));
        QVERIFY(test::storeReuseDocument(*library, {u"copy"_s, QDate(2023, 7, 2), {local, story}}));
        const QString both = story.mid(10, 3) + u"; "_s + local.mid(10, 3);

        TrendsView view;
        view.setLibraryPath(library->path());
        view.setQueries(both);
        auto *own = view.findChild<QCheckBox *>(u"trendOwn"_s);
        QVERIFY(own);
        QVERIFY(!own->isChecked());
        // Ticking the box draws; without the index the message says how to build it.
        QSignalSpy finished(&view, &TrendsView::finished);
        own->click();
        QVERIFY(finished.wait(10000));
        QVERIFY2(view.message().contains(u"Build Reuse Index"_s), qPrintable(view.message()));

        QVERIFY(ReuseIndex(*library).rebuild());
        view.draw();
        QVERIFY(finished.wait(10000));
        const Trend &trend = view.chart()->trend();
        QCOMPARE(trend.series.size(), 4); // each query, then the same in own text
        QCOMPARE(trend.series[1].query, story.mid(10, 3) + u" own:yes"_s);
        QCOMPARE(trend.series[0].hits, QList<qint64>({1, 1})); // June, July
        QCOMPARE(trend.series[1].hits, QList<qint64>({0, 0})); // the wire story and its copy
        QCOMPARE(trend.series[3].hits, QList<qint64>({0, 1})); // the copy's own paragraph
        QCOMPARE(trend.series[2].hits, trend.series[3].hits);
        // Unticked, the queries are drawn as typed.
        own->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(view.chart()->trend().series.size(), 2);
    }

    // Issue 13: the queries complete `author:` with the people who annotated the library, as the search field does.
    void window_authorCompletesTheAnnotators()
    {
        authorship::setUserName(u"rita"_s);
        const qint64 block = test::scalar(*m_library, u"SELECT min(id) FROM blocks"_s);
        QVERIFY(AnnotationRepository(*m_library).addHighlight(block, 0, 1));
        authorship::setUserName({});
        std::unique_ptr<MainWindow> window = test::openShownWindow(m_library->path());
        auto *view = window->findChild<TrendsView *>();
        QVERIFY(view);
        auto *dock = window->findChild<QDockWidget *>(u"trendsDock"_s);
        dock->show();
        auto *field = view->findChild<QLineEdit *>(u"trendQueries"_s);
        QVERIFY(field);
        field->setFocus();
        for (const QChar c : u"会议 author:r"_s) {
            QTest::sendKeyEvent(QTest::Press, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
        QTRY_VERIFY(view->completer()->popup()->isVisible());
        QCOMPARE(view->completer()->completionModel()->rowCount(), 1);
        QCOMPARE(view->completer()->completionModel()->index(0, 0).data().toString(), u"rita"_s);
        QTest::keyClick(view->completer()->popup(), Qt::Key_Escape);
    }

    void window_hasTheTrendsActionAndDock()
    {
        MainWindow window;
        QAction *action = window.findChild<QAction *>(u"actionTrends"_s);
        QVERIFY(action);
        auto *dock = window.findChild<QDockWidget *>(u"trendsDock"_s);
        QVERIFY(dock);
        QVERIFY(dock->isHidden());
        action->trigger();
        QVERIFY(!dock->isHidden());
        QVERIFY(qobject_cast<TrendsView *>(dock->widget()));
    }

private:
    bool draw(TrendsView &view, const QString &queries)
    {
        view.setLibraryPath(m_library->path());
        view.setQueries(queries);
        QSignalSpy finished(&view, &TrendsView::finished);
        view.draw();
        return finished.wait(10000);
    }

    QTemporaryDir m_settings;
    test::TemporaryLibrary m_library;
};

QTEST_MAIN(TestTrendsView)
#include "tst_trendsview.moc"
