// The store's part of a restore from a backup (backupmanifest.h): reading an issue list, writing the lineage rows
// and the user's tables. The restore itself (parse, insert, index) is core/ingest/backuprestorer.
#include "core/store/backup.h"
#include "core/store/backupchunks.h"
#include "core/store/backupmanifest.h"
#include "core/store/bareconnection.h"
#include "core/store/issuerows.h"
#include "core/store/sql.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

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

const QString kVanished = QStringLiteral("temp.restore_vanished");

Result<void> createVanished(QSqlDatabase db)
{
    return sql::exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (kind TEXT NOT NULL, id INTEGER NOT NULL, "
                                        "PRIMARY KEY (kind, id)) WITHOUT ROWID")
                             .arg(kVanished));
}

/// "block_id" is a paragraph that is gone: not in the library, or an old id of an issue that has a new shape.
QString vanishedCondition(const char *column, const char *kind, const char *table)
{
    return QStringLiteral("(%1 NOT IN (SELECT id FROM %3) OR %1 IN (SELECT id FROM %4 WHERE kind = '%2'))")
        .arg(QLatin1String(column), QLatin1String(kind), QLatin1String(table), kVanished);
}

// The tags of paragraphs and articles a newer parser no longer makes (their issue was parsed into other paragraphs,
// with new ids): each goes to the paragraph of the same issue with the same text (the article with the same
// headline), the nearest to where it was; else it is kept as an orphan highlight with the text it tagged (the backup's
// tag_anchors; a backup made before them has no text to keep, only the tag and the issue). Returns how many became
// orphans.
Result<int> placeVanishedTaggings(QSqlDatabase db, const QString &now)
{
    const bool anchors =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM bk.sqlite_master WHERE name = 'tag_anchors'")).toInt() > 0;
    struct Tagging
    {
        bool block = true;
        qint64 target = 0;
        qint64 tag = 0;
        QString createdAt;
    };
    QList<Tagging> vanished;
    QSqlQuery q(db);
    if (Result<void> read =
            sql::select(q, QStringLiteral("SELECT 1, block_id, tag_id, created_at FROM block_tags WHERE %1 UNION ALL "
                                          "SELECT 0, article_id, tag_id, created_at FROM article_tags WHERE %2")
                               .arg(vanishedCondition("block_id", "block", "blocks"),
                                    vanishedCondition("article_id", "article", "articles")));
        !read)
        return read.error();
    while (q.next())
        vanished.append({q.value(0).toBool(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString()});
    q.finish();
    int orphaned = 0;
    for (const Tagging &t : std::as_const(vanished)) {
        const char *kind = t.block ? "block" : "article";
        QVariantList anchor{QString(), QVariant(QMetaType(QMetaType::LongLong)), QVariant(QMetaType(QMetaType::Int)),
                            QVariant(QMetaType(QMetaType::QString)), QVariant(QMetaType(QMetaType::Int))};
        if (anchors) {
            QSqlQuery a(db);
            if (Result<void> read = sql::select(
                    a,
                    QStringLiteral("SELECT quote, issue_id, article_position, article_title, block_position FROM "
                                   "bk.tag_anchors WHERE kind = ? AND target_id = ? AND tag_id = ?"),
                    {QLatin1String(kind), t.target, t.tag});
                !read)
                return read.error();
            if (a.next())
                anchor = {a.value(0), a.value(1), a.value(2), a.value(3), a.value(4)};
        }
        QVariant target;
        if (!anchor.at(1).isNull()) {
            target =
                t.block ? sql::scalar(db,
                                      QStringLiteral("SELECT b.id FROM blocks b JOIN articles a ON a.id = b.article_id "
                                                     "WHERE a.issue_id = ? AND b.text = ? ORDER BY "
                                                     "abs(a.position - ?) + abs(b.position - ?), b.id LIMIT 1"),
                                      {anchor.at(1), anchor.at(0), anchor.at(2), anchor.at(4)})
                        : sql::scalar(db,
                                      QStringLiteral("SELECT id FROM articles WHERE issue_id = ? AND title = ? "
                                                     "AND title <> '' ORDER BY abs(position - ?), id LIMIT 1"),
                                      {anchor.at(1), anchor.at(0), anchor.at(2)});
        }
        // The old tagging goes first: its id may be the number of the very paragraph it goes to now.
        Result<void> done =
            sql::exec(db,
                      t.block ? QStringLiteral("DELETE FROM block_tags WHERE block_id = ? AND tag_id = ?")
                              : QStringLiteral("DELETE FROM article_tags WHERE article_id = ? AND tag_id = ?"),
                      {t.target, t.tag});
        if (!done)
            return done.error();
        if (target.isValid() && !target.isNull()) {
            done = sql::exec(db,
                             t.block ? QStringLiteral("INSERT OR IGNORE INTO block_tags (block_id, tag_id, created_at) "
                                                      "VALUES (?, ?, ?)")
                                     : QStringLiteral("INSERT OR IGNORE INTO article_tags (article_id, tag_id, "
                                                      "created_at) VALUES (?, ?, ?)"),
                             {target, t.tag, t.createdAt});
        } else {
            QSqlQuery insert(db);
            done = sql::exec(
                insert,
                QStringLiteral(
                    "INSERT INTO highlights (block_id, start, \"end\", quote, issue_id, "
                    "article_position, article_title, block_position, origin, orphan, "
                    "created_at, modified_at) VALUES (NULL, NULL, NULL, ifnull(?, ''), ?, ?, ?, ?, ?, 1, ?, ?)"),
                anchor + QVariantList{t.block ? QStringLiteral("block_tag") : QStringLiteral("article_tag"),
                                      t.createdAt.isEmpty() ? now : t.createdAt, now});
            if (done)
                done = sql::exec(db, QStringLiteral("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)"),
                                 {insert.lastInsertId(), t.tag});
            ++orphaned;
        }
        if (!done)
            return done.error();
    }
    return orphaned;
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
        if (issue.contains(QStringLiteral("dateEvidence"))) {
            entry.yearEvidenceKept = true;
            entry.info.yearAlternatives =
                yearAlternativesFrom(issue.value(QStringLiteral("dateAlternatives")).toVariant());
            entry.info.yearEvidence = yearEvidenceFrom(issue.value(QStringLiteral("dateEvidence")).toVariant());
        }
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

Result<void> markVanished(QSqlDatabase db, const StoredIdentity &identity)
{
    if (Result<void> created = createVanished(db); !created)
        return created;
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT OR IGNORE INTO %1 (kind, id) VALUES (?, ?)").arg(kVanished)))
        return Error(Store::tr("cannot write the library: %1").arg(insert.lastError().text()));
    auto mark = [&](const char *kind, qint64 id) -> Result<void> {
        insert.bindValue(0, QLatin1String(kind));
        insert.bindValue(1, id);
        if (!insert.exec())
            return Error(Store::tr("cannot write the library: %1").arg(insert.lastError().text()));
        return {};
    };
    for (const qint64 id : identity.articleIds) {
        if (Result<void> done = mark("article", id); !done)
            return done;
    }
    for (const QList<qint64> &blocks : identity.blockIds) {
        for (const qint64 id : blocks) {
            if (Result<void> done = mark("block", id); !done)
                return done;
        }
    }
    return {};
}

Result<int> restoreWork(QSqlDatabase db, const QString &manifest,
                        const std::function<Result<void>(QSqlDatabase, const QList<qint64> &)> &reanchor)
{
    // Format 2: the tables filled from their chunks into a temporary file first.
    const Result<backupchunks::WorkFile> work = backupchunks::expand(manifest, Backup::objectsFileOf(manifest));
    if (!work)
        return work.error();
    const Result<QStringList> tables = workTables(work->path());
    if (!tables)
        return tables.error();
    if (Result<void> created = createVanished(db); !created)
        return created.error();
    if (Result<void> attached = sql::exec(db, QStringLiteral("ATTACH DATABASE ? AS bk"), {work->path()}); !attached)
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
        // Annotations on rows a newer parser no longer makes: orphans, kept with their quote, issue and tags, then
        // placed again by their anchors where the new paragraphs still hold their words.
        if (Result<void> done = sql::exec(
                db, QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS restore_orphaned (kind TEXT NOT NULL, id INTEGER "
                                   "NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID"));
            !done)
            return done;
        for (const char *table : {"highlights", "notes"}) {
            const QString vanished = vanishedCondition("block_id", "block", "blocks");
            if (Result<void> done = sql::exec(
                    db, {{QStringLiteral("INSERT OR IGNORE INTO temp.restore_orphaned SELECT '%1', id FROM %1 "
                                         "WHERE block_id IS NOT NULL AND %2")
                              .arg(QLatin1String(table), vanished),
                          {}},
                         {QStringLiteral("UPDATE %1 SET block_id = NULL, orphan = 1 WHERE block_id IS NOT NULL AND %2")
                              .arg(QLatin1String(table), vanished),
                          {}}});
                !done)
                return done;
        }
        if (reanchor) {
            QList<qint64> issues;
            QSqlQuery q(db);
            if (Result<void> read = sql::select(
                    q, QStringLiteral("SELECT issue_id FROM highlights WHERE id IN (SELECT id FROM "
                                      "temp.restore_orphaned WHERE kind = 'highlights') AND issue_id IS NOT NULL "
                                      "UNION SELECT issue_id FROM notes WHERE id IN (SELECT id FROM "
                                      "temp.restore_orphaned WHERE kind = 'notes') AND issue_id IS NOT NULL "
                                      "ORDER BY 1"));
                !read)
                return read;
            while (q.next())
                issues.append(q.value(0).toLongLong());
            q.finish();
            if (Result<void> placed = reanchor(db, issues); !placed)
                return placed;
        }
        for (const char *table : {"highlights", "notes"})
            orphaned += sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE orphan = 1 AND id IN (SELECT "
                                                       "id FROM temp.restore_orphaned WHERE kind = '%1')")
                                            .arg(QLatin1String(table)))
                            .toInt();
        const Result<int> taggings = placeVanishedTaggings(db, sql::timeToText(QDateTime::currentDateTimeUtc()));
        if (!taggings)
            return taggings.error();
        orphaned += *taggings;
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
