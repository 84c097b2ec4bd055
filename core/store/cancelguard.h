// Lets a cancel flag interrupt the statements a connection runs while the guard lives. On SQLite a progress handler
// is called every few thousand VM steps, and the statement fails with SQLITE_INTERRUPT once the flag is set. On a
// team library (PostgreSQL) the guard registers the connection's cancel request (libpq's PGcancel, made in the
// connection's own thread) under the flag; interrupt(flag), called by whoever sets the flag (SearchRunner::cancel()),
// sends it to the server (PQcancel, safe from any thread), which ends the running statement (SQLSTATE 57014).
// Used by searches, the concordance and the library check, which another thread may cancel.
#pragma once

#include <QSqlDatabase>
#include <QtGlobal>

#include <sqlite3.h>

#include <atomic>

struct pg_cancel;

namespace dubao {

class CancelGuard final
{
    Q_DISABLE_COPY_MOVE(CancelGuard)

public:
    /// SQLite only. Does nothing when `db` or `cancel` is null.
    CancelGuard(sqlite3 *db, const std::atomic_bool *cancel)
        : m_db(cancel ? db : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 2000, check, const_cast<std::atomic_bool *>(cancel));
    }
    /// Either engine. Does nothing when `cancel` is null.
    CancelGuard(const QSqlDatabase &db, const std::atomic_bool *cancel);
    ~CancelGuard();

    /// Sends the cancel request of every PostgreSQL connection guarded by `flag` (call after setting it). Nothing
    /// for SQLite connections, whose progress handler reads the flag itself.
    static void interrupt(const std::atomic_bool *flag);

private:
    static int check(void *flag) { return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0; }

    sqlite3 *m_db;
    pg_cancel *m_server = nullptr;
    const std::atomic_bool *m_flag = nullptr;
};

} // namespace dubao
