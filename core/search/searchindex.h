// The full-text index (schema v3): FTS5 tables with the "dubao" tokenizer, kept in step with blocks,
// articles and notes by triggers. This class builds and checks it; SearchService queries it.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

class QSqlDatabase;
struct sqlite3;

namespace dubao {

class Library;

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::SearchIndex").
class SearchIndex final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SearchIndex)

public:
    struct Progress
    {
        qint64 done = 0;  ///< rows indexed so far (paragraphs, then headlines and notes)
        qint64 total = 0; ///< rows to index
    };
    using ProgressCallback = std::function<void(const Progress &)>;

    /// How a paragraph's key (its rowid in search_blocks) is made (searchindex.cpp): DayOrdinal since schema v17
    /// (search::firstKeyOfDay), DayBlockId (day << 32 | block id) in schema v3–v16, for the migrations only.
    enum class KeyLayout
    {
        DayOrdinal,
        DayBlockId
    };

    struct Stats
    {
        qint64 blocks = 0;     ///< paragraphs in the index
        qint64 articles = 0;   ///< headlines (kicker, title, subtitles) in the index
        qint64 notes = 0;      ///< notes in the index (0 without the annotation tables)
        qint64 textBytes = 0;  ///< UTF-8 bytes of the indexed text
        qint64 indexBytes = 0; ///< bytes of the FTS5 data and the block key table (payload, not pages)
    };

    /// True when the index is missing parts, was made by another tokenizer version or index layout, or a
    /// rebuild was interrupted: the caller should run rebuild() (with progress) after
    /// opening the library.
    static bool needsRebuild(Library &library);

    /// Drops and re-creates the index contents from the library's tables, in one transaction: on
    /// cancellation or error nothing changes. `progress` is called from this thread every few thousand
    /// rows; `cancel` (may be null) is checked as often: cancelled, it fails with the error "cancelled".
    static Result<void> rebuild(Library &library, const ProgressCallback &progress = {},
                                const std::atomic_bool *cancel = nullptr);

    /// Indexing an import transaction in one go. Inside the caller's transaction, deferIndexing() makes new
    /// paragraphs and headlines skip the per-row index triggers (a flag row that only this transaction sees);
    /// indexDeferred() then indexes those of the given issues in key order — FTS5 writes one segment for
    /// them instead of flushing at every out-of-order row — and clears the flag. The caller commits after it
    /// (or rolls everything back), so the import and its index land together. Indexing file by file costs
    /// several times more (docs/search.md). Edits and deletes of rows not yet indexed leave the index alone.
    static Result<void> deferIndexing(QSqlDatabase &db);
    static Result<void> indexDeferred(QSqlDatabase &db, const QList<qint64> &issueIds);
    /// Inside a deferred transaction, before the given paragraphs are updated (text or article) or deleted: takes
    /// them out of the index's bookkeeping now (their keys and current text are kept aside, so the update and
    /// delete triggers leave FTS5 alone) and removes them from FTS5 in indexDeferred(), in one key-ordered pass
    /// together with the new rows — a changed paragraph then costs no segment of its own. An updated paragraph
    /// must belong to one of the issues given to indexDeferred(), which indexes it anew.
    static Result<void> deferRemoval(QSqlDatabase &db, const QList<qint64> &blockIds);
    /// For a long run of small index writes (re-parse: one small segment per transaction): lets FTS5 keep up to
    /// kCrisisMerge segments on a level before it merges the whole level at once. With FTS5's default of 16, a dozen
    /// small transactions made it rewrite the lowest level an import left (tens of MB, whatever the run changed);
    /// `automerge` still merges in proportion to what is written. Stored in the index's configuration: written
    /// once, inside the caller's transaction.
    static Result<void> allowManySegments(QSqlDatabase &db);
    static constexpr int kCrisisMerge = 64;

    static Stats stats(Library &library);

    /// For migrateTo3 and rebuild(): creates what is missing and fills the index, inside the caller's
    /// transaction.
    static Result<void> build(QSqlDatabase &db, const ProgressCallback &progress, const std::atomic_bool *cancel,
                              KeyLayout layout = KeyLayout::DayOrdinal);
};

namespace search {

/// A paragraph's key (schema v17): day << kKeyDayBits | its ordinal among the day's paragraphs, day being the issue's
/// Julian day as SQLite counts it (QDate::toJulianDay() - 1); undated paragraphs have negative keys.
inline constexpr int kKeyDayBits = 20;
/// The first key of a day (SQLite's Julian day); every key of the day is below firstKeyOfDay(day + 1).
constexpr qint64 firstKeyOfDay(qint64 sqliteDay)
{
    return sqliteDay * (qint64(1) << kKeyDayBits);
}
/// The day (SQLite's Julian day) of a key; 0 for an undated paragraph.
constexpr qint64 dayOfKey(qint64 key)
{
    return key < 0 ? 0 : key >> kKeyDayBits;
}

} // namespace search

} // namespace dubao
