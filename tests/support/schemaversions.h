// For the migration tests: turning a current library back into an older schema version, as an older Dubao made it.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace dubao::test {

/// Drops what schema version 4 added (uids, their indexes and triggers, issues.parser_version, the lineage tables).
/// Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion4(QSqlDatabase db)
{
    QSqlQuery q(db);
    for (const char *table : {"issues", "articles", "blocks", "tags", "highlights", "notes", "notebooks"}) {
        const QString name = QString::fromLatin1(table);
        if (!q.exec(QStringLiteral("DROP TRIGGER %1_new_uid").arg(name)) ||
            !q.exec(QStringLiteral("DROP INDEX %1_uid").arg(name)) ||
            !q.exec(QStringLiteral("ALTER TABLE %1 DROP COLUMN uid").arg(name)))
            return false;
    }
    return q.exec(QStringLiteral("ALTER TABLE issues DROP COLUMN parser_version")) &&
           q.exec(QStringLiteral("DROP TABLE block_lineage")) && q.exec(QStringLiteral("DROP TABLE article_lineage"));
}

/// Drops what schema versions 5 (the change counters and their triggers) and 6 (the people index) added, so that
/// an older version's library is what that version made (Library::open() verifies the schema against it). Leaves
/// user_version to the caller. False when a statement fails.
inline bool dropSchemaVersions5And6(QSqlDatabase db)
{
    QSqlQuery q(db);
    QStringList triggers;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                               "(name LIKE 'count\\_%' ESCAPE '\\' OR name LIKE 'analysis\\_%' ESCAPE '\\')")))
        return false;
    while (q.next())
        triggers << q.value(0).toString();
    for (const QString &t : std::as_const(triggers))
        if (!q.exec(QStringLiteral("DROP TRIGGER ") + t))
            return false;
    for (const char *table : {"appearances", "person_edits", "persons", "analysis_pending", "change_counter"})
        if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS ") + QLatin1String(table)))
            return false;
    return true;
}

} // namespace dubao::test
