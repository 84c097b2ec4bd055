// An issue of a newspaper as parsed from one file, and the summaries the library lists.
#pragma once

#include "core/model/article.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace dubao {

/// Where an issue came from.
struct SourceFile
{
    QString path;     ///< as given to the parser (may be empty for text parsed from memory)
    QString sha256;   ///< lowercase hex of the file's bytes
    QString encoding; ///< the detected encoding, e.g. "UTF-8", "UTF-16LE", "GB18030", "Big5"
    QByteArray bytes; ///< the file's bytes as read, kept in the library so the issue can be re-parsed later;
                      ///< empty for text parsed from memory
    QString text;     ///< the text parsed (decodeIssueBytes()); not stored: the library keeps the bytes

    friend bool operator==(const SourceFile &, const SourceFile &) = default;
};

/// One piece of evidence for an issue's year (core/parse/yearevidence.h says how each is found).
struct YearEvidence
{
    enum class Kind
    {
        StatedDate,   ///< a full date in the text that is the issue's (a masthead, or the byline's month and day)
        Weekday,      ///< the weekday the issue prints: the years whose month and day fall on it
        YearMention,  ///< the latest year the text names (e.g. 2023年)
        AnnualReview, ///< "2022年度" early in a year speaks of the year before
        PlanRange,    ///< a range of years late in a year names the coming years ("2023年—2024年" in November)
        EraTerm,      ///< a term used only in some years (动态清零: 2020–2022)
        Path,         ///< a date in the file's name or folder
        User,         ///< the user's correction
        Neighbours    ///< the issues before and after it in the same import, of the same publication, state their dates
    };
    Kind kind = Kind::YearMention;
    int year = 0;     ///< the year it points at; for a range the first
    int lastYear = 0; ///< the last year of the range it allows; == year for a single year
    QString text;     ///< what the text or the path says, as written

    friend bool operator==(const YearEvidence &, const YearEvidence &) = default;
};

struct IssueInfo
{
    QString publication;       ///< e.g. 渝西都市报, empty when the text never names it
    QDate date;                ///< invalid when no year could be worked out
    bool dateInferred = false; ///< true when the year was not stated but inferred from the text
    int month = 0;             ///< month and day as the text gives them (also when the year is unknown); 0 = unknown
    int day = 0;
    /// Other years the evidence points at when it conflicts: empty when the year is stated or the evidence agrees.
    /// A non-empty list makes the date uncertain (the issue details, the library tree and the exports say so).
    QList<int> yearAlternatives;
    QList<YearEvidence> yearEvidence; ///< what the year was worked out from, strongest first

    bool dateUncertain() const { return date.isValid() && dateInferred && !yearAlternatives.isEmpty(); }

    friend bool operator==(const IssueInfo &, const IssueInfo &) = default;
};

struct ParsedIssue
{
    SourceFile source;
    IssueInfo issue;
    QList<Article> articles;

    friend bool operator==(const ParsedIssue &, const ParsedIssue &) = default;
};

} // namespace dubao
