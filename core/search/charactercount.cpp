#include "core/search/charactercount.h"

#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/cancelguard.h"
#include "core/store/sql.h"

#include <QString>

#include <sqlite3.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace dubao::search {

namespace {

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>;

QString databaseError(sqlite3 *handle)
{
    return SearchService::tr("database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle)));
}

// The distinct rows among the instances: a bit per key, in one bitmap per day (a key is day << kKeyDayBits | the
// paragraph's ordinal that day, searchindex.h; undated keys are negative and shift to negative days). The instances
// of one term come in key order, so most land in the day of the one before. A sort of every instance instead cost
// ~60 ms more for 会 at 1 GB.
class RowSet
{
public:
    void insert(qint64 key)
    {
        const qint64 day = key >> kKeyDayBits; // arithmetic: floor for negative keys too
        if (!m_current || day != m_currentDay) {
            m_current = &m_days[day];
            m_currentDay = day;
        }
        const auto ordinal = quint64(key - firstKeyOfDay(day));
        const size_t word = size_t(ordinal / 64);
        if (word >= m_current->size())
            m_current->resize(word + 1, 0);
        quint64 &bits = (*m_current)[word];
        const quint64 bit = quint64(1) << (ordinal % 64);
        m_size += (bits & bit) ? 0 : 1;
        bits |= bit;
    }
    qint64 size() const { return m_size; }

private:
    std::unordered_map<qint64, std::vector<quint64>> m_days;
    std::vector<quint64> *m_current = nullptr;
    qint64 m_currentDay = 0;
    qint64 m_size = 0;
};

QByteArray utf8(char32_t character)
{
    return QString::fromUcs4(&character, 1).toUtf8();
}

} // namespace

Result<std::optional<qint64>> countCharacterRows(QSqlDatabase db, char32_t character, const std::atomic_bool *cancel)
{
    sqlite3 *handle = sql::handle(db);
    if (!handle || character == 0 || character >= 0x10FFFF)
        return std::optional<qint64>();
    // A temporary table: no file changes, and it lives as long as the connection (a search worker keeps one).
    // fts5vocab's 'instance' rows are (term, doc, col, offset), in term order and, within a term, in rowid order.
    if (sqlite3_exec(handle,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_blocks_instances "
                     "USING fts5vocab(main, 'search_blocks', 'instance')",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return std::optional<qint64>();
    // Every token starting with the character's UTF-8 bytes sorts from those bytes up to the next code point's
    // (UTF-8 keeps code point order), and fts5vocab seeks to the first and stops after the last.
    const QByteArray first = utf8(character);
    const QByteArray after = utf8(character + 1);
    sqlite3_stmt *raw = nullptr;
    const char *sql = "SELECT doc FROM temp.search_blocks_instances WHERE term >= ?1 AND term < ?2";
    if (sqlite3_prepare_v2(handle, sql, -1, &raw, nullptr) != SQLITE_OK)
        return Error(databaseError(handle));
    Statement statement(raw, sqlite3_finalize);
    sqlite3_bind_text(raw, 1, first.constData(), int(first.size()), SQLITE_STATIC);
    sqlite3_bind_text(raw, 2, after.constData(), int(after.size()), SQLITE_STATIC);

    const CancelGuard guard(handle, cancel);
    RowSet rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW)
        rows.insert(sqlite3_column_int64(raw, 0));
    if (cancel && cancel->load())
        return Error(SearchService::tr("cancelled"));
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return std::optional<qint64>(rows.size());
}

} // namespace dubao::search
