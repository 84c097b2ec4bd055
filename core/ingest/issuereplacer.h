// Replacing an issue's text (a corrected file, or the stored original re-parsed with the current parser)
// while keeping every annotation: highlights, notes, block tags and article tags are re-anchored into the
// new text (core/annotate/anchoring.h); those that cannot be placed become orphans, never lost. Also
// deleting an issue together with its annotations.
#pragma once

#include "core/model/result.h"
#include "core/store/annotationrepository.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

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

struct ReparseReport
{
    struct Failure
    {
        qint64 issueId = 0;
        QString reason;
    };
    int issues = 0; ///< issues re-parsed
    ReanchorCounts counts;
    QList<Failure> failed; ///< issues left as they were (no stored original, parse error, ...)
    bool cancelled = false;
};

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::IssueReplacer").
class IssueReplacer final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::IssueReplacer)

public:
    explicit IssueReplacer(Library &library);

    /// Parses `filePath` and, in one transaction, replaces the issue's source, articles and blocks with it
    /// and re-anchors all its annotations. The issue keeps its id, publication and date (which the user may
    /// have edited). The file's bytes are stored for later re-parsing. On any failure nothing changes.
    Result<ReanchorCounts> replace(qint64 issueId, const QString &filePath);
    /// The same with bytes already read (path recorded as the source's path).
    Result<ReanchorCounts> replaceBytes(qint64 issueId, const QByteArray &bytes, const QString &path);

    /// Re-parses one issue from its stored original bytes (or, for an issue imported before those were kept,
    /// from its source file when that still has the same SHA-256) and re-anchors.
    Result<ReanchorCounts> reparse(qint64 issueId);
    /// Every issue, each in its own transaction; `progress(done, total)` after each.
    ReparseReport reparseAll(const std::function<void(int, int)> &progress = {},
                             const std::atomic_bool *cancel = nullptr);

    /// What deleteIssue() would delete with the issue.
    AnnotationCounts annotationsOfIssue(qint64 issueId) const;
    /// Deletes the issue, its source, articles, blocks and every annotation on them (highlights, notes,
    /// taggings, notebook entries showing them), in one transaction.
    Result<void> deleteIssue(qint64 issueId);

private:
    /// replaceInTransaction(), logging a failure.
    Result<ReanchorCounts> replaceWith(qint64 issueId, const QByteArray &bytes, const QString &path);
    Result<ReanchorCounts> replaceInTransaction(qint64 issueId, const QByteArray &bytes, const QString &path);

    Library &m_library;
};

} // namespace dubao
