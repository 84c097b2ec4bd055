// The full-text index (schema v3): FTS5 tables with the "dubao" tokenizer, kept in step with blocks,
// articles and notes by triggers. This class builds and checks it; SearchService queries it.
#pragma once

#include <QString>

#include <atomic>
#include <functional>

class QSqlDatabase;
struct sqlite3;

namespace dubao {

class Library;

class SearchIndex final
{
public:
    struct Progress
    {
        qint64 done = 0;  ///< rows indexed so far (paragraphs, then headlines and notes)
        qint64 total = 0; ///< rows to index
    };
    using ProgressCallback = std::function<void(const Progress &)>;

    struct Stats
    {
        qint64 blocks = 0;     ///< paragraphs in the index
        qint64 articles = 0;   ///< headlines (kicker, title, subtitles) in the index
        qint64 notes = 0;      ///< notes in the index (0 without the annotation tables)
        qint64 textBytes = 0;  ///< UTF-8 bytes of the indexed text
        qint64 indexBytes = 0; ///< bytes of the FTS5 data and the block key table (payload, not pages)
    };

    /// True when the index is missing parts, was made by another tokenizer version, a rebuild was
    /// interrupted or a bulk import was not finished: the caller should run rebuild() (with progress) after
    /// opening the library.
    static bool needsRebuild(Library &library);

    /// Drops and re-creates the index contents from the library's tables, in one transaction: on
    /// cancellation or error nothing changes. `progress` is called from this thread every few thousand
    /// rows; `cancel` (may be null) is checked as often. Returns false with `error` set (or cancelled).
    static bool rebuild(Library &library, const ProgressCallback &progress = {},
                        const std::atomic_bool *cancel = nullptr, QString *error = nullptr);

    /// Bulk import: between these two calls, new paragraphs and headlines are queued instead of indexed one
    /// import transaction at a time (FTS5 writes a segment per transaction: indexing file by file costs ~6x
    /// more than indexing the same text at once). They become searchable when finishBulkImport() indexes the
    /// queue in one transaction. Deletes and edits still reach the index at once. The flag is stored in the
    /// library, so it holds for every connection; if the program dies in between, needsRebuild() is true
    /// on the next open. Use around Importer::importPaths() of many files (GUI import job, dubao-cli import).
    static bool beginBulkImport(Library &library, QString *error = nullptr);
    static bool finishBulkImport(Library &library, QString *error = nullptr);

    static Stats stats(Library &library);

    /// The sqlite3* behind a Qt connection (Debian's QSQLITE links the system libsqlite3), or null.
    static sqlite3 *handle(const QSqlDatabase &db);

    /// For migrateTo3 and rebuild(): creates what is missing and fills the index, inside the caller's
    /// transaction.
    static bool build(QSqlDatabase &db, const ProgressCallback &progress, const std::atomic_bool *cancel,
                      QString *error);
};

} // namespace dubao
