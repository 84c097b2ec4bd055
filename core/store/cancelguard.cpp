#include "core/store/cancelguard.h"

#include "core/store/dialect.h"
#include "core/store/libpq.h"
#include "core/store/sql.h"

#include <QMultiHash>
#include <QMutex>
#include <QSqlDriver>

namespace dubao {

namespace {

QMutex s_mutex;
QMultiHash<const std::atomic_bool *, PGcancel *> s_guarded; // flag -> cancel requests of the connections it guards

PGcancel *cancelRequestOf(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || (qstrcmp(v.typeName(), "pg_conn*") != 0 && qstrcmp(v.typeName(), "PGconn*") != 0))
        return nullptr;
    PGconn *connection = *static_cast<PGconn *const *>(v.constData());
    const libpq::Functions *pq = libpq::functions();
    return connection && pq ? pq->getCancel(connection) : nullptr;
}

} // namespace

CancelGuard::CancelGuard(const QSqlDatabase &db, const std::atomic_bool *cancel)
    : CancelGuard(sql::handle(db), cancel)
{
    if (!cancel || !dialect::isPostgres(db))
        return;
    m_server = cancelRequestOf(db);
    if (!m_server)
        return;
    m_flag = cancel;
    const QMutexLocker lock(&s_mutex);
    s_guarded.insert(m_flag, m_server);
}

CancelGuard::~CancelGuard()
{
    if (m_db)
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    if (m_server) {
        {
            const QMutexLocker lock(&s_mutex);
            s_guarded.remove(m_flag, m_server);
        }
        libpq::functions()->freeCancel(m_server);
    }
}

void CancelGuard::interrupt(const std::atomic_bool *flag)
{
    if (!flag)
        return;
    const QMutexLocker lock(&s_mutex); // (a guard ending meanwhile waits: its request is not freed while sent)
    for (auto it = s_guarded.constFind(flag); it != s_guarded.cend() && it.key() == flag; ++it) {
        char reason[256] = {};
        libpq::functions()->cancel(it.value(), reason, int(sizeof reason));
    }
}

} // namespace dubao
