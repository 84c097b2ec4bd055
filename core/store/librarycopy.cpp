#include "core/store/librarycopy.h"

#include "core/store/cancelguard.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace dubao::librarycopy {

namespace {

/// The column of a table that refers to the table itself: copied as NULL first, then set once every row is in.
QString selfReference(const QString &table)
{
    return table == QLatin1String("tags") ? QStringLiteral("parent_id") : QString();
}

QString quoted(const QString &column)
{
    return QLatin1Char('"') + column + QLatin1Char('"');
}

Error sqlError(const QString &what, const QSqlQuery &q)
{
    return Error(QStringLiteral("%1: %2").arg(what, q.lastError().text()));
}

/// Columns of `table` both libraries have, in the source's order, with the one to order by first if present.
QStringList sharedColumns(const QSqlDatabase &from, const QSqlDatabase &to, const QString &table)
{
    const QSqlRecord source = from.record(table);
    const QSqlRecord target = to.record(table);
    QStringList columns;
    for (int c = 0; c < source.count(); ++c)
        if (target.indexOf(source.fieldName(c)) >= 0)
            columns << source.fieldName(c);
    return columns;
}

} // namespace

QStringList tables()
{
    return {QStringLiteral("publications"), QStringLiteral("source_files"), QStringLiteral("source_contents"),
            QStringLiteral("issues"), QStringLiteral("articles"), QStringLiteral("reporters"),
            QStringLiteral("article_reporters"), QStringLiteral("blocks"), QStringLiteral("tags"),
            QStringLiteral("article_tags"), QStringLiteral("block_tags"), QStringLiteral("highlights"),
            QStringLiteral("highlight_tags"), QStringLiteral("notes"), QStringLiteral("note_tags"),
            QStringLiteral("notebooks"), QStringLiteral("notebook_entries"), QStringLiteral("block_lineage"),
            QStringLiteral("article_lineage"), QStringLiteral("corrections"),
            // The user's corrections of the people index (the analysis layer's table, v6 in a file, v16 on a
            // server): the user's work. Skipped where neither library has it (a program without that layer).
            QStringLiteral("person_edits"),
            // The user's reference collections of text reuse (the reuse layer's table, v10 in a file, v18 on a
            // server); the reuse index itself is derived and built again on the copy.
            QStringLiteral("reuse_sources")};
}

namespace {

/// A table of tables() that a library of a program without its layer does not have: skipped on both sides.
bool absentOnBoth(const QSqlDatabase &from, const QSqlDatabase &to, const QString &table)
{
    return (table == QLatin1String("person_edits") || table == QLatin1String("reuse_sources")) &&
           from.record(table).isEmpty() && to.record(table).isEmpty();
}

} // namespace

Result<qint64> storeRows(Library &library)
{
    QSqlQuery q(library.database());
    qint64 rows = 0;
    for (const QString &table : tables()) {
        if (absentOnBoth(library.database(), library.database(), table))
            continue;
        if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
            return sqlError(QStringLiteral("cannot count the rows of %1").arg(table), q);
        rows += q.value(0).toLongLong();
    }
    return rows;
}

Result<qint64> copyRows(Library &from, Library &to, const std::function<void(qint64, qint64)> &progress,
                        const std::atomic_bool *cancel)
{
    QSqlDatabase source = from.database();
    QSqlDatabase target = to.database();
    // A cancel also ends the statement a connection is running (a large table's read on a server).
    const CancelGuard sourceGuard(source, cancel);
    const CancelGuard targetGuard(target, cancel);
    const auto cancelled = [cancel] {
        return cancel && cancel->load();
    };
    QSqlQuery count(target);
    for (const QString &table : tables()) {
        if (absentOnBoth(source, target, table))
            continue;
        if (!count.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !count.next())
            return sqlError(QStringLiteral("cannot read the destination's %1").arg(table), count);
        if (count.value(0).toLongLong() > 0)
            return Error(QStringLiteral("the destination is not empty: its table %1 holds %2 rows")
                             .arg(table)
                             .arg(count.value(0).toLongLong()));
    }
    count.finish();
    const Result<qint64> total = storeRows(from);
    if (!total)
        return total.error();
    if (!target.transaction())
        return Error(
            QStringLiteral("cannot begin a transaction on the destination: %1").arg(target.lastError().text()));
    auto fail = [&](const Error &error) -> Result<qint64> {
        target.rollback();
        return error;
    };
    const bool toPostgres = dialect::isPostgres(target);
    // The rows keep who made and changed them (schema v15): a team library's triggers write the columns as given
    // only in this mode, and only for the owner of its tables, who made the library (docs/schema.md).
    if (QSqlQuery keep(target); toPostgres && !keep.exec(QStringLiteral("SET LOCAL dubao.copy = 'on'")))
        return fail(Error(QStringLiteral("cannot keep the authorship: %1").arg(keep.lastError().text())));
    qint64 done = 0;
    QSqlQuery read(source);
    read.setForwardOnly(true);
    for (const QString &table : tables()) {
        if (absentOnBoth(source, target, table))
            continue;
        const QStringList columns = sharedColumns(source, target, table);
        if (columns.isEmpty())
            return fail(Error(QStringLiteral("the destination has no table %1").arg(table)));
        const QString self = selfReference(table);
        QStringList names;
        for (const QString &column : columns)
            names << quoted(column);
        if (!read.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY 1").arg(names.join(u','), table)))
            return fail(sqlError(QStringLiteral("cannot read %1").arg(table), read));
        QSqlQuery write(target);
        if (!write.prepare(
                QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                    .arg(table, names.join(u','), QStringList(columns.size(), QStringLiteral("?")).join(u','))))
            return fail(sqlError(QStringLiteral("cannot write %1").arg(table), write));
        const int selfColumn = self.isEmpty() ? -1 : int(columns.indexOf(self));
        QList<std::pair<QVariant, QVariant>> selfLinks; // id, the row's reference to its own table
        while (read.next()) {
            if (cancelled())
                return fail(Error(QStringLiteral("the copy was cancelled")));
            for (int c = 0; c < columns.size(); ++c) {
                QVariant value = read.value(c);
                if (c == selfColumn && !value.isNull()) {
                    selfLinks.append({read.value(0), value});
                    value = QVariant(value.metaType());
                }
                write.bindValue(c, value);
            }
            if (!write.exec())
                return fail(sqlError(QStringLiteral("cannot copy a row of %1").arg(table), write));
            if (progress && (++done % 1000 == 0))
                progress(done, *total);
        }
        if (progress)
            progress(done, *total);
        QSqlQuery link(target);
        if (!selfLinks.isEmpty() &&
            !link.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(table, self, columns.front())))
            return fail(sqlError(QStringLiteral("cannot write %1").arg(table), link));
        for (const auto &[id, reference] : std::as_const(selfLinks)) {
            link.bindValue(0, reference);
            link.bindValue(1, id);
            if (!link.exec())
                return fail(sqlError(QStringLiteral("cannot copy a row of %1").arg(table), link));
        }
        // PostgreSQL's id sequences go on after the copied ids (SQLite's rowids do by themselves).
        if (toPostgres && columns.front() == QLatin1String("id")) {
            QSqlQuery sequence(target);
            if (!sequence.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                              "coalesce(max(id), 1), max(id) IS NOT NULL) FROM %1")
                                   .arg(table)))
                return fail(sqlError(QStringLiteral("cannot set the ids of %1").arg(table), sequence));
        }
    }
    read.finish();
    if (cancelled())
        return fail(Error(QStringLiteral("the copy was cancelled")));
    // A team library indexes the copied text for search in the same transaction (sql::beforeCommit).
    if (Result<void> indexed = sql::beforeCommit(target); !indexed)
        return fail(indexed.error());
    if (!target.commit())
        return fail(Error(QStringLiteral("cannot commit the copy: %1").arg(target.lastError().text())));
    return done;
}

} // namespace dubao::librarycopy
