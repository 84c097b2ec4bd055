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

struct IssueInfo
{
    QString publication;       ///< e.g. 渝西都市报, empty when the text never names it
    QDate date;                ///< invalid when no year could be worked out
    bool dateInferred = false; ///< true when the year was not stated but inferred from the text
    int month = 0;             ///< month and day as the text gives them (also when the year is unknown); 0 = unknown
    int day = 0;

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
