// Lets a cancel flag interrupt the SQLite statements a connection runs while the guard lives: SQLite calls a
// progress handler every few thousand VM steps, and the statement fails with SQLITE_INTERRUPT once the flag is
// set. Used by searches, the concordance and the library check, which another thread may cancel.
#pragma once

#include <QtGlobal>

#include <sqlite3.h>

#include <atomic>

namespace dubao {

class CancelGuard final
{
    Q_DISABLE_COPY_MOVE(CancelGuard)

public:
    /// Does nothing when `db` or `cancel` is null.
    CancelGuard(sqlite3 *db, const std::atomic_bool *cancel)
        : m_db(cancel ? db : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 2000, check, const_cast<std::atomic_bool *>(cancel));
    }
    ~CancelGuard()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }

private:
    static int check(void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; }

    sqlite3 *m_db;
};

} // namespace dubao
