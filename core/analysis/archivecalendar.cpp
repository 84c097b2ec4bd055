// The archive's calendar (archivecalendar.h).
#include "core/analysis/archivecalendar.h"

#include <algorithm>

namespace dubao {

int PublicationCalendar::issueCount() const
{
    int n = undated;
    for (const CalendarDay &day : days)
        n += day.issues;
    return n;
}

int PublicationCalendar::inferredDays() const
{
    return int(std::count_if(days.cbegin(), days.cend(), [](const CalendarDay &d) { return d.inferred; }));
}

QList<PublicationCalendar> archiveCalendar(const QList<IssueSummary> &issues)
{
    QMap<QString, PublicationCalendar> byName;
    QList<IssueSummary> sorted = issues;
    std::sort(sorted.begin(), sorted.end(), [](const IssueSummary &a, const IssueSummary &b) { return a.id < b.id; });
    for (const IssueSummary &issue : std::as_const(sorted)) {
        PublicationCalendar &calendar = byName[issue.info.publication];
        calendar.publication = issue.info.publication;
        if (!issue.info.date.isValid()) {
            ++calendar.undated;
            continue;
        }
        CalendarDay &day = calendar.days[issue.info.date];
        if (day.issues == 0) {
            day.issueId = issue.id;
            day.inferred = issue.info.dateInferred;
        } else {
            day.inferred = day.inferred && issue.info.dateInferred;
        }
        ++day.issues;
        ++calendar.perMonth[QDate(issue.info.date.year(), issue.info.date.month(), 1)];
    }
    QList<PublicationCalendar> result;
    for (PublicationCalendar &calendar : byName) {
        if (!calendar.days.isEmpty())
            for (QDate d = calendar.first(); d <= calendar.last(); d = d.addDays(1))
                if (!calendar.days.contains(d))
                    calendar.missing.append(d);
        result.append(std::move(calendar));
    }
    // The unnamed publication last; QMap already sorted the others by name.
    if (!result.isEmpty() && result.front().publication.isEmpty())
        result.append(result.takeFirst());
    return result;
}

} // namespace dubao
