// An issue's articles and blocks as the library stores them (the columns' values, with ids and uids), read and
// written for re-parsing and replacing in place: a new parse is turned into the same form, compared row by row,
// and only the rows that differ are written (docs/schema.md, "Stable identities").
#pragma once

#include "core/model/issue.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace dubao {

class Library;

/// issues.date_alternatives: the years as "2022,2024"; NULL when there are none.
QVariant yearAlternativesValue(const QList<int> &years);
QList<int> yearAlternativesFrom(const QVariant &value);
/// issues.date_evidence: a JSON array of {kind, year, last, text}; NULL when there is none.
QVariant yearEvidenceValue(const QList<YearEvidence> &evidence);
QList<YearEvidence> yearEvidenceFrom(const QVariant &value);

struct BlockRow
{
    qint64 id = 0; ///< 0: not stored yet
    QByteArray uid;
    QString kind;
    QString text;
    QString raw; ///< as stored: '' when it is exactly the source's lines
    int firstLine = 0;
    int lastLine = 0;

    bool sameContent(const BlockRow &o) const
    {
        return kind == o.kind && text == o.text && raw == o.raw && firstLine == o.firstLine && lastLine == o.lastLine;
    }
};

struct ArticleRow
{
    qint64 id = 0;
    QByteArray uid;
    QString kicker;
    QString title;
    QString subtitles; ///< the JSON array as stored
    bool hasByline = false;
    QVariant bylineSource; ///< NULL (invalid/null QVariant) or text, as stored
    QVariant bylineDate;
    QVariant bylineRaw;
    int firstLine = 0;
    int lastLine = 0;
    QVariant page; ///< NULL or text, as stored (schema v20)
    QVariant pageName;
    QStringList reporters;
    QList<BlockRow> blocks;

    bool sameHead(const ArticleRow &o) const;
};

struct IssueRows
{
    qint64 id = 0;
    int parserVersion = 0;
    QString sha256;
    QList<ArticleRow> articles;

    /// The same articles and blocks, ids and uids aside.
    bool sameContent(const IssueRows &o) const;
};

/// A lineage row to write: the old row, and the new one by its place in IssueRowsUpdate::after.
struct LineageRow
{
    bool article = false;
    qint64 oldId = 0;
    QByteArray oldUid;
    int newArticle = -1; ///< -1: removed
    int newBlock = -1;   ///< for blocks
    QString kind;        ///< split, joined, removed
};

struct IssueRowsUpdate
{
    /// The new state, in reading order: a row with an id is updated in place (only when it differs), a row without
    /// one is inserted (and gets its id and uid here). Old rows that are not in it are deleted.
    QList<ArticleRow> after;
    QList<LineageRow> lineage;
    int parserVersion = 0;
};

/// What a write changed, in rows.
struct RowCounts
{
    int articlesUpdated = 0;
    int articlesInserted = 0;
    int articlesDeleted = 0;
    int blocksUpdated = 0;
    int blocksInserted = 0;
    int blocksDeleted = 0;
    int lineageRows = 0;
};

/// Reads and writes IssueRows with statements prepared once per instance (a re-parse of the whole library uses one).
/// Not thread-safe; the library's connection must stay open while it lives.
class IssueRowStore final
{
    Q_DISABLE_COPY_MOVE(IssueRowStore)

public:
    explicit IssueRowStore(Library &library);
    ~IssueRowStore();

    /// The issue's rows, with ids and uids; an error for an unknown id.
    Result<IssueRows> read(qint64 issueId);
    /// A parse in the stored form (ids 0): what IssueRepository::insert() would store for it.
    static IssueRows fromParse(const ParsedIssue &issue);

    /// Writes `update` over `before` (the issue's rows as read()) in place. Run inside the caller's transaction
    /// (it opens a savepoint of its own).
    Result<RowCounts> write(const IssueRows &before, IssueRowsUpdate &update);
    /// Only the stamp: the issue was parsed by `parserVersion` (and nothing else changed).
    Result<void> stamp(qint64 issueId, int parserVersion);
    /// Highlights, notes and taggings that hold on to the issue's rows (not orphans): the annotations that stay
    /// where they are when nothing under them changes.
    int annotationsOn(qint64 issueId);

private:
    struct Statements;
    Library &m_library;
    std::unique_ptr<Statements> m_statements;
};

} // namespace dubao
