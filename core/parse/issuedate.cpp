// The issue date rules: see issuedate.h.
#include "core/parse/issuedate.h"

#include "core/text/chinesetext.h"

#include <algorithm>

namespace dubao::parse {

using namespace text;

const QRegularExpression &monthDayRe()
{
    static const QRegularExpression re(QStringLiteral(u"^\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"));
    return re;
}

// Rule "issue-year": the files rarely state the year of the issue. A full date in the text matching the
// byline's month and day states it; otherwise the year is inferred from the years the text mentions: the
// latest one, where "2022年度" mentioned in the first quarter speaks of the year before (001: a 民主生活会
// "2022年度" held on 2月20日 is in 2023) and only the first year of a range counts ("2023年—2024年").
void inferDate(ParsedIssue &issue, const QString &text, int month, int day)
{
    issue.issue.month = month;
    issue.issue.day = day;
    if (month == 0 || day == 0)
        return;
    const QString compact = removeSpaces(text);
    static const QRegularExpression fullRe(QStringLiteral(u"((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日"));
    for (auto it = fullRe.globalMatch(compact); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(2).toInt() == month && m.captured(3).toInt() == day) {
            const QDate date(m.captured(1).toInt(), month, day);
            if (date.isValid()) {
                issue.issue.date = date;
                issue.issue.dateInferred = false;
                return;
            }
        }
    }
    static const QRegularExpression yearRe(
        QStringLiteral(u"((?:19|20)\\d{2})年(度)?(?:[—\\-－~～至到]+(?:19|20)\\d{2}年)?"));
    int best = 0;
    for (auto it = yearRe.globalMatch(compact); it.hasNext();) {
        const auto m = it.next();
        int year = m.captured(1).toInt();
        if (!m.captured(2).isEmpty() && month <= 3)
            ++year;
        best = std::max(best, year);
    }
    if (best > 0) {
        const QDate date(best, month, day);
        if (date.isValid()) {
            issue.issue.date = date;
            issue.issue.dateInferred = true;
        }
    }
}

} // namespace dubao::parse
