// What the library lists of its issues and articles: summaries for the tree and the CLI, and a stored issue
// with its ids.
#pragma once

#include "core/model/issue.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dubao {

struct ArticleSummary
{
    qint64 id = 0;
    QString kicker;
    QString title;
    QStringList subtitles;
};

struct IssueSummary
{
    qint64 id = 0;
    IssueInfo info; ///< publication, date (invalid when the year is unknown), inferred flag, month/day
    QString sourcePath;
    QList<ArticleSummary> articles; ///< in reading order (filled by listIssues(WithArticles))
};

/// A stored issue with everything the parser produced, ids filled in.
struct StoredIssue
{
    qint64 id = 0;
    ParsedIssue parsed;
};

} // namespace dubao
