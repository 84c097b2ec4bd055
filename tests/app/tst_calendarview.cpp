// The archive's calendar in the window (offscreen, hand-built issues): View → Calendar shows the dates the
// library has and the gaps between them, and a click on a day opens that issue's first article.
#include "app/calendar/calendarview.h"
#include "app/calendar/yearcalendar.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCalendarView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolate(m_dir);
        m_path = m_dir.filePath(u"lib.sqlite"_s);
        Library library;
        QVERIFY(library.open(m_path));
        IssueRepository issues(library);
        QVERIFY(issues.insert(test::makeIssue(test::sha('1'), QDate(2023, 6, 12), 6, 12)).valueOr(0) > 0);
        m_second = issues.insert(test::makeIssue(test::sha('2'), QDate(2023, 6, 15), 6, 15, true)).valueOr(0);
        QVERIFY(m_second > 0);
    }

    void calendar_showsDaysGapsAndOpensAnIssue()
    {
        const auto window = test::openShownWindow(m_path, QSize(1400, 900));
        auto *dock = window->findChild<QDockWidget *>(u"calendarDock"_s);
        QVERIFY(dock);
        QVERIFY(dock->isHidden());
        window->findChild<QAction *>(u"actionCalendar"_s)->trigger();
        QVERIFY(!dock->isHidden());
        auto *view = qobject_cast<CalendarView *>(dock->widget());
        QVERIFY(view);
        QTRY_VERIFY(!view->calendars().isEmpty());
        QCOMPARE(view->calendars().front().missing.size(), 2); // 13 and 14 June
        QVERIFY2(view->summary().contains(u"2 issue(s)"_s), qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(u"2 date(s) without an issue"_s), qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(u"1 date(s) inferred"_s), qPrintable(view->summary()));
        YearCalendar *year = view->year();
        QCOMPARE(year->year(), 2023);
        const QRect cell = year->cellOf(QDate(2023, 6, 15));
        QVERIFY(cell.isValid());
        QCOMPARE(year->dateAt(cell.center()), QDate(2023, 6, 15));

        const QList<ArticleSummary> articles = IssueRepository(window->session()->library()).articleSummaries(m_second);
        QVERIFY(!articles.isEmpty());
        QSignalSpy shown(window.get(), &MainWindow::articleShown);
        QTest::mouseClick(year, Qt::LeftButton, {}, cell.center());
        QVERIFY(!shown.isEmpty());
        QCOMPARE(shown.last().at(0).toLongLong(), articles.front().id);
    }

    void calendar_followsAnImportWhileShown()
    {
        const auto window = test::openShownWindow(m_path, QSize(1400, 900));
        window->findChild<QAction *>(u"actionCalendar"_s)->trigger();
        auto *view = qobject_cast<CalendarView *>(window->findChild<QDockWidget *>(u"calendarDock"_s)->widget());
        QVERIFY(view);
        QTRY_COMPARE(issuesIn(view->calendars()), 2);
        QSignalSpy finished(window.get(), &MainWindow::importFinished);
        QVERIFY(window->importPaths({test::sampleIssuePath()}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QTRY_COMPARE(issuesIn(view->calendars()), 3); // drawn again from the tree's reload, not left as it was
        QCOMPARE(issuesIn(view->calendars()), window->libraryModel()->issueCount());
    }

private:
    static int issuesIn(const QList<PublicationCalendar> &calendars)
    {
        int issues = 0;
        for (const PublicationCalendar &calendar : calendars) {
            issues += calendar.undated;
            for (const CalendarDay &day : calendar.days)
                issues += day.issues;
        }
        return issues;
    }

    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_second = 0;
};

QTEST_MAIN(TestCalendarView)
#include "tst_calendarview.moc"
