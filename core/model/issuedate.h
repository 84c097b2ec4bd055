// An issue's date as text, in one place: the library tree, the status bar, search results, the concordance, the
// reader's byline and the issue details all show it through these. An issue's year may be unknown while the text
// gives its month and day (IssueInfo::month/day).
#pragma once

#include "core/model/issue.h"

#include <QDate>
#include <QString>

namespace dubao {

/// "2023-05-17"; "????-05-17" when only the month and day are known; empty when the issue has no date.
QString issueDateText(const QDate &date, int month, int day);
inline QString issueDateText(const IssueInfo &info)
{
    return issueDateText(info.date, info.month, info.day);
}

/// "05-17", the month and day as the text gives them; empty when unknown.
QString monthDayText(int month, int day);

/// For the reader of the UI (translated): the ISO date, or the locale's long date when `longDate`; "05-17, year
/// unknown"; "No date".
QString issueDateDisplay(const IssueInfo &info, bool longDate = false);

} // namespace dubao
