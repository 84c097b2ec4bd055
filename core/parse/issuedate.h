// The issue parser's date rules (issueparser.cpp, bylineparser.cpp): a month and day at the start of a text,
// and the issue's date from the text when its year is not given.
#pragma once

#include "core/model/issue.h"

#include <QRegularExpression>
#include <QString>

namespace dubao::parse {

/// Rule "month-day": "6月14日", OCR-spaced "12 月19日", "11月 14日" at the start of a text.
const QRegularExpression &monthDayRe();

/// Sets the issue's month and day, its year evidence, and its date when the evidence gives a year (rule "issue-year").
void inferDate(ParsedIssue &issue, const QString &text, int month, int day);

} // namespace dubao::parse
