// A private connection to an SQLite file that is not opened as a Library (a backup, the library while it is being
// backed up or replaced): closed and removed on destruction.
#pragma once

#include "core/store/sql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <atomic>

namespace dubao {

class BareConnection final
{
    Q_DISABLE_COPY_MOVE(BareConnection)

public:
    BareConnection(const QString &file, bool readOnly)
        : m_name(QStringLiteral("dubao-bare-%1").arg(nextNumber()))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_ok = db.open();
        if (!m_ok)
            m_error = db.lastError().text();
        else if (!sql::harden(db)) // the file's schema is never trusted here (docs/safety.md)
            m_ok = false, m_error = QStringLiteral("cannot make the connection safe");
        if (m_ok)
            QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    }
    ~BareConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    static quint64 nextNumber()
    {
        static std::atomic<quint64> next{1};
        return next.fetch_add(1);
    }

    QString m_name;
    bool m_ok = false;
    QString m_error;
};

} // namespace dubao
