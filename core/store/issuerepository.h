// Reads and writes issues, articles and blocks. The only place (with Library's migrations) that writes SQL
// for them.
#pragma once

#include "core/model/issue.h"
#include "core/model/issuelisting.h"
#include "core/model/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace dubao {

class Library;

/// The ids and uids an issue had, to insert its new parse with them again (a restore from a backup,
/// core/ingest/backuprestorer.h). Articles and blocks in reading order; a list that does not match the parse's
/// shape is not used (those rows get new ids and uids).
struct StoredIdentity
{
    qint64 issueId = 0;
    QByteArray issueUid;
    QString createdAt;      ///< issues.created_at; empty: now
    QString importedAt;     ///< source_files.imported_at; empty: now
    QVariant sourceSize;    ///< source_files.size as stored (may be NULL)
    int parserVersion = -1; ///< -1: the current one
    QList<qint64> articleIds;
    QList<QByteArray> articleUids;
    QList<QList<qint64>> blockIds; ///< per article
    QList<QList<QByteArray>> blockUids;
};

class IssueRepository final
{
public:
    explicit IssueRepository(Library &library);
    ~IssueRepository();

    /// The id of the issue whose source file had this SHA-256, if stored.
    std::optional<qint64> findBySha256(const QString &sha256) const;

    /// Inserts the issue with its articles and blocks (publication created on demand). Does not open a
    /// transaction: the caller (Importer) wraps it in one. Returns the new id.
    /// All or nothing even without the caller's transaction (it runs inside a SAVEPOINT). The source's size
    /// is taken from the file at `source.path` when there is one (NULL otherwise).
    /// With `identity`, its ids, uids and times are stored instead of new ones (see StoredIdentity).
    Result<qint64> insert(const ParsedIssue &issue, const StoredIdentity *identity = nullptr);

    enum class Listing
    {
        IssuesOnly,
        WithArticles
    };
    /// Issues ordered by date (unknown years last), then id.
    QList<IssueSummary> listIssues(Listing listing = Listing::WithArticles) const;
    /// Every issue's publication and date, without source path or articles, in id order: the fast listing for
    /// a caller that orders issues itself (the library tree, at start-up). Issues of one publication share one
    /// string for its name.
    QList<IssueSummary> issueDates() const;
    /// The path of the file an issue was imported from; empty for an unknown id.
    QString sourcePath(qint64 issueId) const;

    /// Whether article() fills the blocks' raw OCR text that the library keeps only in the original file (most
    /// blocks: docs/schema.md v11): that decompresses and decodes the whole issue's file.
    enum class RawText
    {
        Filled,
        Skipped
    };
    /// With block ids; RawText::Skipped leaves a block's raw empty where it is not stored (an export of 10,000
    /// excerpts at 1 GB spent over a third of its time filling raw text it never wrote).
    std::optional<Article> article(qint64 articleId, RawText raw = RawText::Filled) const;
    /// The articles `articleIds` as article(id, RawText::Skipped) gives them, by id, read with three queries whatever
    /// their number (an export of a team library paid three round trips per excerpt); unknown ids are missing.
    QHash<qint64, Article> articles(const QList<qint64> &articleIds) const;
    std::optional<StoredIssue> issue(qint64 issueId) const; ///< with article and block ids
    std::optional<qint64> issueIdOfArticle(qint64 articleId) const;
    /// The articles of one issue in reading order, headlines only (no blocks, no bylines): one indexed query,
    /// for listing an issue's articles without reading its text. Empty for an unknown id.
    QList<ArticleSummary> articleSummaries(qint64 issueId) const;

    /// Sets publication and date of an issue (the user dating an issue whose year was not given). Stores
    /// `info` as given (month/day too); fails for an unknown id, changing nothing.
    Result<void> updateIssueInfo(qint64 issueId, const IssueInfo &info);
    /// Sets the date a new parse worked out (date, month, day, how sure, the evidence) for an issue whose stored
    /// year is not the user's nor stated: date_inferred = 1, or evidence without the user's. Run inside the
    /// caller's transaction (re-parse, replace); changes nothing when the row already says the same.
    Result<void> refreshParsedDate(qint64 issueId, const IssueInfo &info);

    int issueCount() const;
    int articleCount() const;

private:
    struct InsertStatements;

    Library &m_library;
    std::unique_ptr<InsertStatements> m_statements; ///< insert()'s statements, prepared on its first call
    QString m_statementsConnection;
};

} // namespace dubao
