// Replacing an issue's text (a corrected file, or the stored original re-parsed with the current parser)
// while keeping every annotation: highlights, notes, block tags and article tags are re-anchored into the
// new text (core/annotate/anchoring.h); those that cannot be placed become orphans, never lost. Also
// deleting an issue together with its annotations.
#pragma once

#include "core/model/result.h"
#include "core/parse/issuefile.h"
#include "core/parse/issueparser.h"
#include "core/store/annotationrepository.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace dubao {

class Library;
class IssueRowStore;

/// What happened to the annotations of the issues re-anchored. Every highlight, note, block tagging and
/// article tagging counts once.
struct ReanchorCounts
{
    int stayed = 0;      ///< same article, paragraph, offsets and text
    int moved = 0;       ///< placed elsewhere (other paragraph or offsets, or corrected text)
    int orphaned = 0;    ///< could not be placed: now orphans
    int reattached = 0;  ///< were orphans and found their place again
    int stillOrphan = 0; ///< were orphans and still are
    /// Of `moved`: highlights that crossed a paragraph split and were shortened to the part in one
    /// paragraph (the one holding most of them).
    int clipped = 0;

    int total() const { return stayed + moved + orphaned + reattached + stillOrphan; }
    ReanchorCounts &operator+=(const ReanchorCounts &other);
};

/// What a re-parse did to the rows: how many kept their identity, how many are new, the lineage written.
struct IdentityCounts
{
    int blocksKept = 0;    ///< blocks of changed issues that kept their id and uid (changed text or not)
    int blocksNew = 0;     ///< blocks inserted with new ids (split parts, new paragraphs)
    int blocksUpdated = 0; ///< kept blocks whose row was written (text, place or lines changed)
    int blocksRemoved = 0; ///< old blocks deleted (joined into another, or gone)
    int articlesKept = 0;
    int articlesNew = 0;
    int articlesRemoved = 0;
    int lineageRows = 0; ///< block and article lineage rows written

    IdentityCounts &operator+=(const IdentityCounts &other);
};

/// One issue re-parsed or replaced.
struct IssueUpdate
{
    bool changed = false; ///< articles or blocks were written (false: at most the parser-version stamp)
    ReanchorCounts counts;
    IdentityCounts ids;
};

/// Progress of reparseAll(), after every issue.
struct ReparseProgress
{
    int done = 0;  ///< issues finished (changed, unchanged or failed), of `total`
    int total = 0; ///< issues to re-parse (the skipped ones are not counted)
    int changed = 0;
    int unchanged = 0;
    int failed = 0;
    int skipped = 0;  ///< already stamped with this parser version
    qint64 bytes = 0; ///< bytes of original text parsed so far
};

struct ReparseReport
{
    struct Failure
    {
        qint64 issueId = 0;
        QString reason;
    };
    int issues = 0;    ///< issues re-parsed and committed (changed + unchanged)
    int changed = 0;   ///< of those, issues whose rows were written
    int unchanged = 0; ///< of those, issues whose new parse was what was stored (at most the stamp written)
    int skipped = 0;   ///< issues already stamped with this parser version (not parsed)
    ReanchorCounts counts;
    IdentityCounts ids;
    QList<Failure> failed; ///< issues left as they were (no stored original, parse error, ...)
    bool cancelled = false;
};

struct ReparseOptions
{
    bool all = false; ///< also the issues already stamped with this parser version
    /// Called on the calling thread after every issue (and once with done 0 before the first).
    std::function<void(const ReparseProgress &)> progress;
    const std::atomic_bool *cancel = nullptr; ///< checked between issues
    /// How long one write transaction runs before it commits (many issues per transaction, each whole). Shorter
    /// lets another connection's writer in sooner and loses less work to a kill; longer writes less.
    int transactionMilliseconds = 1000;
};

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::IssueReplacer").
class IssueReplacer final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::IssueReplacer)

public:
    /// A parser: an issue file's bytes (and its path, for the result's source) in, a parse out. Called from a
    /// worker thread by reparseAll(), so it must be thread-safe (pure, like parseIssueBytes()).
    using ParseFunction = std::function<IssueFileResult(const QByteArray &bytes, const QString &path)>;

    /// `parse` defaults to the real parser (parseIssueBytes), `parserVersion` to its version; tests re-parse with
    /// a changed parser by passing their own.
    explicit IssueReplacer(Library &library, ParseFunction parse = {}, int parserVersion = kParserVersion);
    ~IssueReplacer();

    /// Parses `filePath` and, in one transaction, replaces the issue's source, articles and blocks with it
    /// and re-anchors the annotations of what changed. The issue keeps its id, publication and date (which the user
    /// may have edited); articles and blocks that are the same or recognisably the same keep their ids and uids
    /// and are updated in place (docs/schema.md, "Stable identities"). The file's bytes are stored for later
    /// re-parsing. On any failure nothing changes.
    Result<ReanchorCounts> replace(qint64 issueId, const QString &filePath);
    /// The same with bytes already read (path recorded as the source's path).
    Result<ReanchorCounts> replaceBytes(qint64 issueId, const QByteArray &bytes, const QString &path);

    /// The same, with what happened to the rows.
    Result<IssueUpdate> replaceIssue(qint64 issueId, const QByteArray &bytes, const QString &path);

    /// Re-parses one issue from its stored original bytes (or, for an issue imported before those were kept,
    /// from its source file when that still has the same SHA-256) and re-anchors what changed. An issue whose
    /// new parse is what is stored is not written (but for its parser-version stamp).
    Result<ReanchorCounts> reparse(qint64 issueId);
    /// The issue's stored original as this replacer's parser reads it, without the reader's corrections.
    Result<ParsedIssue> parseStored(qint64 issueId);
    Result<IssueUpdate> reparseIssue(qint64 issueId);

    /// Every issue not yet stamped with this parser version (every issue with `options.all`). Issues are parsed
    /// on a worker thread ahead of the writer and written in transactions of about a second, each issue in a
    /// savepoint of its own: a failed issue rolls back alone, and a cancel or a crash leaves every issue either
    /// fully old or fully new (a killed run continues where it stopped, the stamp telling what is done).
    ReparseReport reparseAll(const ReparseOptions &options);
    /// The same with a progress of (done, total).
    ReparseReport reparseAll(const std::function<void(int, int)> &progress = {},
                             const std::atomic_bool *cancel = nullptr);

    /// What deleteIssue() would delete with the issue.
    AnnotationCounts annotationsOfIssue(qint64 issueId) const;
    /// Deletes the issue, its source, articles, blocks and every annotation on them (highlights, notes,
    /// taggings, notebook entries showing them), in one transaction.
    Result<void> deleteIssue(qint64 issueId);

private:
    struct SourceBytes
    {
        QString path;
        QByteArray bytes;
    };
    Result<SourceBytes> storedSource(qint64 issueId);
    /// Parses and writes in one transaction, logging a failure.
    Result<IssueUpdate> replaceWith(qint64 issueId, const QByteArray &bytes, const QString &path, bool replacing);
    /// The comparison and the writes of one issue, inside the caller's transaction.
    Result<IssueUpdate> updateIssue(qint64 issueId, const ParsedIssue &parsed, const QByteArray &bytes,
                                    const QString &path, bool replacing);

    Library &m_library;
    ParseFunction m_parse;
    int m_parserVersion;
    std::unique_ptr<IssueRowStore> m_rows;
    /// Inside reparseAll()'s batch: new rows skip the index triggers until the batch indexes them at its end
    /// (SearchIndex::deferIndexing), turned on by the batch's first changed issue.
    bool m_inBatch = false;
    bool m_batchDeferred = false;
};

} // namespace dubao
