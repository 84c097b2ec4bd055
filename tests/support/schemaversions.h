// For the migration tests: turning a current library back into an older schema version, as an older Dubao made it.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

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

} // namespace dubao::test
