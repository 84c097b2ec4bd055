// The issue date rules: see issuedate.h.
#include "core/parse/issuedate.h"

#include "core/parse/yearevidence.h"

namespace dubao::parse {

const QRegularExpression &monthDayRe()
{
    // The OCR also splits a number ("1 1月12日" is 11月12日, as "2 021年" is 2021年).
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*(\\d(?:[ \\x{3000}]?\\d)?)\\s*月\\s*(\\d(?:[ \\x{3000}]?\\d)?)\\s*日"));
    return re;
}

int spacedNumber(QStringView digits)
{
    QString compact;
    for (const QChar c : digits) {
        if (c.isDigit())
            compact.append(c);
    }
    return compact.toInt();
}

// Rule "issue-year": the files rarely state the year of the issue; the evidence the text gives and the year
// decided from it are in yearevidence.cpp.
void inferDate(ParsedIssue &issue, const QString &text, int month, int day)
{
    issue.issue.month = month;
    issue.issue.day = day;
    collectYearEvidence(issue.issue, text);
}

} // namespace dubao::parse
