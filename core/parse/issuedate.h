// The issue parser's date rules (issueparser.cpp, bylineparser.cpp): a month and day at the start of a text,
// and the issue's date from the text when its year is not given.
#pragma once

#include "core/model/issue.h"

#include <QRegularExpression>
#include <QString>

namespace dubao::parse {

/// Rule "month-day": "6月14日", OCR-spaced "12 月19日", "11月 14日" at the start of a text.
const QRegularExpression &monthDayRe();
/// The number that digits with the OCR's spaces between them write ("1 1" is 11).
int spacedNumber(QStringView digits);

/// Sets the issue's month and day, its year evidence, and its date when the evidence gives a year (rule "issue-year").
void inferDate(ParsedIssue &issue, const QString &text, int month, int day);

} // namespace dubao::parse
