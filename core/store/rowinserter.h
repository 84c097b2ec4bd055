// Rows written many to a statement (multi-row INSERT ... VALUES), for the bulk writes of an import and of the
// derived indexes. On a team library every statement is a round trip to the server and a parse of QPSQL's EXECUTE
// there (an unprepared one three round trips: PREPARE, EXECUTE, DEALLOCATE); a block or an appearance a statement made
// most of an import's statements (docs/schema.md, "Team libraries on PostgreSQL").
#pragma once

#include "core/model/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

namespace dubao::sql {

/// Buffers rows and writes them by multi-row INSERTs of 64, 32, ... 1 rows, each statement prepared once for the
/// inserter's life (so a flush of 37 rows runs three prepared statements: 32, 4 and 1 rows). Nothing is written
/// before flush() or 64 rows, so code that reads the table in between must flush() first. Declare it after the
/// WriteScope it writes in (its prepared statements go first).
class RowInserter final
{
    Q_DISABLE_COPY_MOVE(RowInserter)
public:
    /// `into`: "INSERT INTO t(c1, c2)"; `tail`: what follows the VALUES (empty, or "ON CONFLICT ... DO UPDATE ...").
    RowInserter(QSqlDatabase db, QString into, int columns, QString tail = {});
    ~RowInserter();

    Result<void> add(const QVariantList &row);
    Result<void> flush();
    /// Forgets the rows not written yet (after a failure, before the next use).
    void clear() { m_pending.clear(); }

    static constexpr int kMaxRows = 64;

private:
    Result<void> write(int rows);

    QSqlDatabase m_db;
    QString m_into, m_tail;
    int m_columns;
    QHash<int, std::shared_ptr<QSqlQuery>> m_statements; // by rows
    QList<QVariantList> m_pending;
};

} // namespace dubao::sql
