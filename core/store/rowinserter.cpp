// Multi-row INSERTs prepared once (rowinserter.h).
#include "core/store/rowinserter.h"

#include "core/store/sql.h"

#include <QStringList>

namespace dubao::sql {

RowInserter::RowInserter(QSqlDatabase db, QString into, int columns, QString tail)
    : m_db(db)
    , m_into(std::move(into))
    , m_tail(std::move(tail))
    , m_columns(columns)
{}

RowInserter::~RowInserter() = default;

Result<void> RowInserter::write(int rows)
{
    std::shared_ptr<QSqlQuery> &query = m_statements[rows];
    if (!query) {
        const QString one = u'(' + QStringList(m_columns, QStringLiteral("?")).join(u',') + u')';
        auto prepared = std::make_shared<QSqlQuery>(m_db);
        if (!prepared->prepare(m_into + QStringLiteral(" VALUES ") + QStringList(rows, one).join(u',') +
                               (m_tail.isEmpty() ? QString() : u' ' + m_tail)))
            return Error(failureOf(*prepared, Store::tr("cannot store: %1"), true));
        query = std::move(prepared);
    }
    QVariantList values;
    values.reserve(qsizetype(rows) * m_columns);
    for (int r = 0; r < rows; ++r)
        values += m_pending[r];
    m_pending.remove(0, rows);
    return execPrepared(*query, values);
}

Result<void> RowInserter::add(const QVariantList &row)
{
    Q_ASSERT(row.size() == m_columns);
    m_pending.append(row);
    return m_pending.size() >= kMaxRows ? write(kMaxRows) : Result<void>();
}

Result<void> RowInserter::flush()
{
    for (int rows = kMaxRows; rows > 0 && !m_pending.isEmpty(); rows /= 2)
        while (m_pending.size() >= rows)
            if (Result<void> written = write(rows); !written) {
                m_pending.clear();
                return written;
            }
    return {};
}

} // namespace dubao::sql
