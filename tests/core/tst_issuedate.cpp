// issueDateText and its kin (core/model/issuedate.h): the one place an issue's date becomes text.
#include "core/model/issuedate.h"

#include <QLocale>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestIssueDate : public QObject
{
    Q_OBJECT

private slots:
    void dated_isIso();
    void monthAndDayOnly_yearAsQuestionMarks();
    void undated_isEmpty();
    void display_longDateOrYearUnknownOrNoDate();
};

void TestIssueDate::dated_isIso()
{
    QCOMPARE(issueDateText(QDate(2023, 5, 7), 5, 7), u"2023-05-07"_s);
}

void TestIssueDate::monthAndDayOnly_yearAsQuestionMarks()
{
    IssueInfo info;
    info.month = 5;
    info.day = 7;
    QCOMPARE(issueDateText(info), u"\?\?\?\?-05-07"_s);
    QCOMPARE(monthDayText(5, 7), u"05-07"_s);
}

void TestIssueDate::undated_isEmpty()
{
    QCOMPARE(issueDateText(IssueInfo{}), QString());
    QCOMPARE(monthDayText(0, 0), QString());
}

void TestIssueDate::display_longDateOrYearUnknownOrNoDate()
{
    IssueInfo info;
    QCOMPARE(issueDateDisplay(info), u"No date"_s);
    info.month = 12;
    info.day = 1;
    QCOMPARE(issueDateDisplay(info), u"12-01, year unknown"_s);
    info.date = QDate(2021, 12, 1);
    QCOMPARE(issueDateDisplay(info), u"2021-12-01"_s);
    QCOMPARE(issueDateDisplay(info, true), QLocale().toString(info.date, QLocale::LongFormat));
}

QTEST_GUILESS_MAIN(TestIssueDate)
#include "tst_issuedate.moc"
