// The issue date rules: see issuedate.h.
#include "core/parse/issuedate.h"

#include "core/parse/yearevidence.h"

namespace dubao::parse {

const QRegularExpression &monthDayRe()
{
    static const QRegularExpression re(QStringLiteral(u"^\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"));
    return re;
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
