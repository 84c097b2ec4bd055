// One value read from a library with SQL, for tests that look behind the repositories.
#pragma once

#include "core/store/library.h"

#include <QSqlQuery>
#include <QString>

namespace dubao::test {

/// The first column of the first row of `sql` as an integer; -1 when the statement fails or returns no row.
inline qint64 scalar(Library &library, const QString &sql)
{
    QSqlQuery q(library.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace dubao::test
