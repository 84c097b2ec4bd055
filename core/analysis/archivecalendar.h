// The archive's calendar: for each publication, which dates have an issue, which dates between its first and
// last issue have none (the gaps a researcher must know before counting anything), issues per month, and which
// dates the parser inferred. A pure function of the issues' dates (IssueRepository::issueDates(), one indexed
// read of the issues table), so it costs no read of any text.
#pragma once

#include "core/model/issuelisting.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace dubao {

struct CalendarDay
{
    qint64 issueId = 0;    ///< the first issue of the date (by id)
    int issues = 0;        ///< issues with this date (more than one: a duplicate or a second edition)
    bool inferred = false; ///< the year of every issue of the date was inferred, not stated
};

struct PublicationCalendar
{
    QString publication;           ///< as the issues give it; empty when they do not name it
    QMap<QDate, CalendarDay> days; ///< the dates with an issue
    QList<QDate> missing;          ///< the dates from the first issue to the last without one
    QMap<QDate, int> perMonth;     ///< the first of each month with an issue → issues in it
    int undated = 0;               ///< issues without a year

    QDate first() const { return days.isEmpty() ? QDate() : days.firstKey(); }
    QDate last() const { return days.isEmpty() ? QDate() : days.lastKey(); }
    int issueCount() const;
    int inferredDays() const;
};

/// One calendar per publication, by name (the unnamed last).
QList<PublicationCalendar> archiveCalendar(const QList<IssueSummary> &issues);

} // namespace dubao
