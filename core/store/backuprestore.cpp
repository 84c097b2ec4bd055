// The store's part of a restore from a backup (backupmanifest.h): reading an issue list, writing the lineage rows
// and the user's tables. The restore itself (parse, insert, index) is core/ingest/backuprestorer.
#include "core/store/backupmanifest.h"
#include "core/store/bareconnection.h"
#include "core/store/sql.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dubao::backupmanifest {

using sql::Store;

namespace {

QByteArray uidOf(const QJsonValue &value)
{
    return QByteArray::fromHex(value.toString().toLatin1());
}

QVariant uidOrNull(const QJsonValue &value)
{
    return value.isNull() || value.toString().isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                                        : QVariant(uidOf(value));
}

} // namespace

Result<QList<IssueEntry>> parseIssueList(const QByteArray &listJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(listJson, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error(Store::tr("a damaged issue list: %1").arg(error.errorString()));
    QList<IssueEntry> entries;
    for (const QJsonValue value : document.object().value(QStringLiteral("issues")).toArray()) {
        const QJsonObject issue = value.toObject();
        IssueEntry entry;
        StoredIdentity &id = entry.identity;
        id.issueId = issue.value(QStringLiteral("id")).toInteger();
        id.issueUid = uidOf(issue.value(QStringLiteral("uid")));
        id.createdAt = issue.value(QStringLiteral("createdAt")).toString();
        id.importedAt = issue.value(QStringLiteral("importedAt")).toString();
        id.sourceSize = issue.value(QStringLiteral("size")).isNull()
                            ? QVariant(QMetaType(QMetaType::LongLong))
                            : QVariant(issue.value(QStringLiteral("size")).toInteger());
        id.parserVersion = issue.value(QStringLiteral("parserVersion")).toInt();
        for (const QJsonValue article : issue.value(QStringLiteral("articles")).toArray()) {
            const QJsonArray a = article.toArray();
            id.articleIds.append(a.at(0).toInteger());
            id.articleUids.append(uidOf(a.at(1)));
            QList<qint64> blockIds;
            QList<QByteArray> blockUids;
            for (const QJsonValue block : a.at(2).toArray()) {
                blockIds.append(block.toArray().at(0).toInteger());
                blockUids.append(uidOf(block.toArray().at(1)));
            }
            id.blockIds.append(blockIds);
            id.blockUids.append(blockUids);
        }
        entry.info.publication = issue.value(QStringLiteral("publication")).toString();
        entry.info.date = QDate::fromString(issue.value(QStringLiteral("date")).toString(), Qt::ISODate);
        entry.info.month = issue.value(QStringLiteral("month")).toInt();
        entry.info.day = issue.value(QStringLiteral("day")).toInt();
        entry.info.dateInferred = issue.value(QStringLiteral("dateInferred")).toBool();
        entry.sha256 = issue.value(QStringLiteral("sha256")).toString();
        entry.path = issue.value(QStringLiteral("path")).toString();
        entry.encoding = issue.value(QStringLiteral("encoding")).toString();
        entry.blockLineage = issue.value(QStringLiteral("blockLineage")).toArray();
        entry.articleLineage = issue.value(QStringLiteral("articleLineage")).toArray();
        entries.append(entry);
    }
    return entries;
}

Result<void> insertLineage(QSqlDatabase db, const IssueEntry &entry)
{
    QSqlQuery query(db);
    for (const auto &[table, rows] : {std::pair{QStringLiteral("block_lineage"), entry.blockLineage},
                                      std::pair{QStringLiteral("article_lineage"), entry.articleLineage}}) {
        for (const QJsonValue row : rows) {
            const QJsonArray r = row.toArray();
            if (Result<void> done = sql::exec(
                    query,
                    QStringLiteral("INSERT INTO %1 (issue_id, old_id, old_uid, new_id, new_uid, kind, parser_version, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .arg(table),
                    {entry.identity.issueId, r.at(0).toInteger(), uidOf(r.at(1)),
                     r.at(2).isNull() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(r.at(2).toInteger()),
                     uidOrNull(r.at(3)), r.at(4).toString(), r.at(5).toInt(), r.at(6).toString()});
                !done)
                return done;
        }
    }
    return {};
}

Result<int> restoreWork(QSqlDatabase db, const QString &manifest)
{
    const Result<QStringList> tables = workTables(manifest);
    if (!tables)
        return tables.error();
    if (Result<void> attached = sql::exec(db, QStringLiteral("ATTACH DATABASE ? AS bk"), {manifest}); !attached)
        return attached.error();
    int orphaned = 0;
    const Result<void> copied = [&]() -> Result<void> {
        sql::WriteScope transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        if (Result<void> deferred = sql::exec(db, QStringLiteral("PRAGMA defer_foreign_keys = ON")); !deferred)
            return deferred;
        for (const QString &table : *tables) {
            // The columns both have: a backup of an older schema lacks the newer columns (they keep their
            // defaults); a table this schema does not have is left out.
            QStringList columns;
            QSqlQuery info(db);
            if (!info.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1', 'main') INTERSECT "
                                          "SELECT name FROM pragma_table_info('%1', 'bk')")
                               .arg(table)))
                return Error(Store::tr("cannot read the backup: %1").arg(info.lastError().text()));
            while (info.next())
                columns << QStringLiteral("\"%1\"").arg(info.value(0).toString());
            if (columns.isEmpty())
                continue;
            const QString list = columns.join(QStringLiteral(", "));
            if (Result<void> done = sql::exec(
                    db, QStringLiteral("INSERT INTO main.\"%1\" (%2) SELECT %2 FROM bk.\"%1\"").arg(table, list));
                !done)
                return done;
        }
        // Annotations on rows a newer parser no longer makes: orphans, kept with their quote, issue and tags.
        QSqlQuery fix(db);
        for (const char *table : {"highlights", "notes"}) {
            if (Result<void> done = sql::exec(
                    fix, QStringLiteral("UPDATE %1 SET block_id = NULL, orphan = 1 WHERE block_id IS NOT NULL AND "
                                        "block_id NOT IN (SELECT id FROM blocks)")
                             .arg(QLatin1String(table)));
                !done)
                return done;
            orphaned += fix.numRowsAffected();
        }
        return transaction.commit();
    }();
    QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE bk"));
    if (!copied)
        return copied.error();
    return orphaned;
}

qint64 issueCount(const QString &manifest)
{
    const BareConnection connection(manifest, true);
    return sql::scalar(connection.db(), QStringLiteral("SELECT ifnull(sum(issues), 0) FROM issue_lists")).toLongLong();
}

} // namespace dubao::backupmanifest
