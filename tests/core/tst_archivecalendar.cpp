// The archive's calendar: dates with an issue, gaps between the first and the last, issues per month, inferred
// dates, undated issues, one calendar per publication (the unnamed last).
#include "core/analysis/archivecalendar.h"

#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

IssueSummary issue(qint64 id, const QString &publication, const QDate &date, bool inferred = false)
{
    IssueSummary s;
    s.id = id;
    s.info.publication = publication;
    s.info.date = date;
    s.info.dateInferred = inferred;
    return s;
}

} // namespace

class TestArchiveCalendar : public QObject
{
    Q_OBJECT

private slots:
    void gapsMonthsAndInferredDates()
    {
        const QList<PublicationCalendar> calendars = archiveCalendar({
            issue(3, u"渝西都市报"_s, QDate(2023, 6, 14)),
            issue(1, u"渝西都市报"_s, QDate(2023, 6, 12)),
            issue(2, u"渝西都市报"_s, QDate(2023, 7, 1), true),
            issue(4, u"渝西都市报"_s, QDate(2023, 6, 14)), // a second issue that day
            issue(5, u"渝西都市报"_s, QDate()),
            issue(6, QString(), QDate(2024, 1, 1)),
            issue(7, u"滨江日报"_s, QDate(2024, 3, 5)),
        });
        QCOMPARE(calendars.size(), 3);
        QCOMPARE(calendars[0].publication, u"渝西都市报"_s);
        QCOMPARE(calendars[1].publication, u"滨江日报"_s);
        QCOMPARE(calendars[2].publication, QString()); // the unnamed last
        const PublicationCalendar &c = calendars[0];
        QCOMPARE(c.first(), QDate(2023, 6, 12));
        QCOMPARE(c.last(), QDate(2023, 7, 1));
        QCOMPARE(c.days.size(), 3);
        QCOMPARE(c.days.value(QDate(2023, 6, 14)).issues, 2);
        QCOMPARE(c.days.value(QDate(2023, 6, 14)).issueId, 3); // the first by id
        QVERIFY(c.days.value(QDate(2023, 7, 1)).inferred);
        QCOMPARE(c.inferredDays(), 1);
        // 12 June to 1 July is 20 days; three have an issue.
        QCOMPARE(c.missing.size(), 17);
        QVERIFY(c.missing.contains(QDate(2023, 6, 13)));
        QVERIFY(!c.missing.contains(QDate(2023, 6, 14)));
        QCOMPARE(c.perMonth.value(QDate(2023, 6, 1)), 3);
        QCOMPARE(c.perMonth.value(QDate(2023, 7, 1)), 1);
        QCOMPARE(c.undated, 1);
        QCOMPARE(c.issueCount(), 5);
    }

    void noIssues_noCalendars() { QVERIFY(archiveCalendar({}).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestArchiveCalendar)
#include "tst_archivecalendar.moc"
