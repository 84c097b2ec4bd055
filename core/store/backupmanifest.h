// A backup of what cannot be rebuilt (format 2): one SQLite file, `<base>-<UTC time>-<reason>.dubao-backup`,
// holding
//   backup        key/value: format, created, reason, library, schema and parser versions, the library's change
//                 counters, counts (issues, articles, blocks, annotations), bytes;
//   issue_lists   one row per 256 issue ids: the hash of a gzip'ed JSON object listing those issues — source hash,
//                 path, encoding, size and times, the metadata the user may edit (publication, date, the year's
//                 alternatives and evidence, which records a year the user confirmed), the parser
//                 version, and the ids and uids of the issue, its articles and blocks (reading order) and its
//                 lineage rows — so a restore that parses the same bytes again gives every row its id and uid back;
//   work_tables,  the user's own tables (tags, taggings, highlights, notes, notebooks and their entries, and any
//   work_chunks   table a later schema adds that is not derived from the issues) and what tagged paragraphs said
//                 (tag_anchors), each as the hashes of the content-addressed chunks of its rows (backupchunks.h).
//                 A backup of format 1 held these tables themselves, rows and all; it is still restored.
// The issues' original bytes and the issue lists are objects (backupobjects.h) in the folder's objects.sqlite,
// shared by every backup there; a backup made to travel alone has an `objects` table of its own.
// Not in a backup: what a restore rebuilds — articles, blocks, reporters (the parse) and the search index.
#pragma once

#include "core/model/issue.h"
#include "core/model/result.h"
#include "core/store/issuerepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

class BackupObjects;

/// What a backup holds, from its `backup` table.
struct BackupContents
{
    int format = 0;
    QDateTime created;
    QString reason;
    QString library;
    int schemaVersion = 0;
    qint64 libraryChanges = -1; ///< the library's change counters when it was made
    qint64 workChanges = -1;
    QMap<QString, qint64> counts; ///< "issues", "articles", "blocks", "tags", "highlights", "notes", "notebooks"
    qint64 sourceBytes = 0;       ///< the issues' original bytes, uncompressed
    qint64 newBytes = 0;          ///< objects this backup added (compressed) plus its own file
    bool selfContained = false;   ///< its objects are inside it
};

/// What writing a backup did.
struct BackupWrite
{
    qint64 newObjects = 0;
    qint64 newObjectBytes = 0; ///< compressed
    QStringList warnings;      ///< issues whose original bytes could not be found (not in the backup)
    bool cancelled = false;
};

namespace backupmanifest {

/// 2: the user's tables as chunks (backupchunks.h); 1: as tables of the backup file (still read).
inline constexpr int kFormat = 2;
inline constexpr qint64 kIssuesPerList = 256;
/// The file name suffix of a backup in this format.
QString suffix(); // ".dubao-backup"

using Progress = std::function<void(qint64 done, qint64 total)>;

/// Writes the backup of the library file `libraryPath` to `target` (a new file), storing the objects it needs
/// that `shared` lacks in `shared` (inside the caller's transaction on it), or, when `shared` is null, every
/// object it needs in an `objects` table of `target` itself (a self-contained backup, to be sent). `previous` is
/// the newest earlier backup in the same store: when the library's issues did not change since (its change
/// counter), its issue lists are reused without reading the issues. Reads the library in one read transaction:
/// the backup is one moment of it.
Result<BackupWrite> write(const QString &libraryPath, const QString &target, BackupObjects *shared,
                          const QString &reason, const QString &previous, const std::atomic_bool *cancel,
                          const Progress &progress);

/// Reads the `backup` table; fails for a file that is not a backup of this format (or a newer one).
Result<BackupContents> contents(const QString &file);

/// The hashes of a backup's issue lists, by first issue id.
Result<QList<QString>> issueLists(const QString &file);

/// The source hashes an issue list names (for pruning: which objects are still needed).
Result<QStringList> sourcesOfList(const QByteArray &listJson);

/// The user's tables in a backup, in an order that inserts parents before what refers to them.
Result<QStringList> workTables(const QString &file);

/// The library's change counters on a connection: {library, work}; {-1, -1} without the counter table.
std::pair<qint64, qint64> changeCounters(QSqlDatabase db);

/// Whether the user's tables that no change counter covers (a layer's own table with no counting trigger, such as
/// the people index's edits or the reference collections of text reuse) hold other rows in the library on
/// `library` than in the backup `previous`. True when either cannot be read.
bool uncountedWorkChanged(QSqlDatabase library, const QString &previous);

/// One issue of an issue list, as a restore needs it.
struct IssueEntry
{
    StoredIdentity identity;
    IssueInfo info; ///< publication and date as stored (the user may have edited them), with the year's evidence
    /// Whether the list kept the year's alternatives and evidence (`info`); a list written before did not, and the
    /// restore keeps those today's parse finds.
    bool yearEvidenceKept = false;
    QString sha256;
    QString path;
    QString encoding;
    QJsonArray blockLineage;
    QJsonArray articleLineage;
};
Result<QList<IssueEntry>> parseIssueList(const QByteArray &listJson);

/// Inserts an issue's lineage rows (a restore, after the issue is inserted).
Result<void> insertLineage(QSqlDatabase db, const IssueEntry &entry);

/// Records that an issue's stored articles and paragraphs are gone: today's parser made another shape of it, whose
/// rows got new ids, which may be the same numbers as old ones of other paragraphs. restoreWork() then treats what was
/// on the old ids as on vanished rows, never as on whatever row now has that number.
Result<void> markVanished(QSqlDatabase db, const StoredIdentity &identity);

/// Copies the user's tables of the backup `manifest` (or of its backupchunks::expand()ed file) into the library on `db`
/// (a new library, outside any transaction), in one transaction. Highlights and notes on paragraphs that the restored
/// issues no longer have (a newer parser split them differently; markVanished()) become orphans, which `reanchor`
/// (called in the transaction with the ids of their issues; the caller's re-anchoring by their stored quote and
/// context) may place again; paragraph and article tags go to the paragraph of that issue with the same text (the
/// article with the same headline) when there is one. Returns how many annotations are orphans because of the new
/// shapes.
Result<int> restoreWork(QSqlDatabase db, const QString &manifest,
                        const std::function<Result<void>(QSqlDatabase, const QList<qint64> &)> &reanchor = {});

/// Issues in a backup (the sum of its issue lists).
qint64 issueCount(const QString &manifest);

} // namespace backupmanifest

} // namespace dubao
