// Writing and reading a backup's manifest: see backupmanifest.h.
#include "core/store/backupmanifest.h"

#include "core/store/backupchunks.h"
#include "core/store/backupobjects.h"
#include "core/store/bareconnection.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlRecord>

#include <algorithm>
#include <optional>

namespace dubao::backupmanifest {

using sql::Store;

namespace {

/// Tables a restore rebuilds from the issues' bytes and the issue lists, or that only describe the library file.
bool isDerived(const QString &table)
{
    static const QSet<QString> derived{QStringLiteral("publications"),      QStringLiteral("source_files"),
                                       QStringLiteral("source_contents"),   QStringLiteral("issues"),
                                       QStringLiteral("articles"),          QStringLiteral("reporters"),
                                       QStringLiteral("article_reporters"), QStringLiteral("blocks"),
                                       QStringLiteral("block_lineage"),     QStringLiteral("article_lineage"),
                                       QStringLiteral("change_counter"),    QStringLiteral("source_packing")};
    return derived.contains(table) || table.startsWith(QLatin1String("search_")) ||
           table.startsWith(QLatin1String("sqlite_")) || schema::isRegisteredDerivedTable(table);
}

/// A digest of the rows of `table` on `db` in any order: the same rows give the same digest; a table the file does
/// not have is an empty one. Nullopt when the rows cannot be read.
std::optional<QByteArray> rowsDigest(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    if (!sql::select(q, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"), {table}))
        return std::nullopt;
    QList<QByteArray> rows;
    if (q.next()) {
        q.finish();
        q.setForwardOnly(true);
        QString quoted = table;
        if (!q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(quoted.replace(u'"', QStringLiteral("\"\"")))))
            return std::nullopt;
        const int columns = q.record().count();
        while (q.next()) {
            QByteArray row;
            QDataStream out(&row, QIODevice::WriteOnly);
            for (int k = 0; k < columns; ++k)
                out << q.value(k);
            rows.append(QCryptographicHash::hash(row, QCryptographicHash::Sha256));
        }
    }
    std::sort(rows.begin(), rows.end());
    QCryptographicHash all(QCryptographicHash::Sha256);
    for (const QByteArray &row : std::as_const(rows))
        all.addData(row);
    return all.result();
}

QJsonValue uidText(const QVariant &value)
{
    const QByteArray bytes = value.toByteArray();
    return bytes.size() == 16 ? QJsonValue(QString::fromLatin1(bytes.toHex())) : QJsonValue();
}

QJsonValue orNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value);
}

/// Runs `sql` with `values`; fails with the store's message.
Result<void> query(QSqlQuery &q, const QString &sql, const QVariantList &values = {})
{
    return sql::select(q, sql, values);
}

/// The JSON issue list of issues [first, last], and the sources it names that have bytes in the library
/// (source_files.id by hash).
struct IssueList
{
    QByteArray json;
    QList<std::pair<QString, qint64>> sources; ///< hash, source_files.id (0: no bytes stored)
    QMap<QString, QString> paths;              ///< hash -> path, for sources without stored bytes
    int issues = 0;
};

Result<IssueList> readIssueList(QSqlDatabase &db, qint64 first, qint64 last)
{
    IssueList list;
    QMap<qint64, QJsonObject> issues;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Result<void> read =
            query(q,
                  QStringLiteral("SELECT i.id, i.uid, i.created_at, i.parser_version, i.date, i.month, i.day, "
                                 "i.date_inferred, p.name, s.sha256, s.path, s.encoding, s.size, s.imported_at, s.id, "
                                 "c.source_file_id IS NOT NULL, i.date_alternatives, i.date_evidence "
                                 "FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                                 "LEFT JOIN publications p ON p.id = i.publication_id "
                                 "LEFT JOIN source_contents c ON c.source_file_id = s.id "
                                 "WHERE i.id BETWEEN ? AND ? ORDER BY i.id"),
                  {first, last});
        !read)
        return read.error();
    while (q.next()) {
        const QString hash = q.value(9).toString();
        issues.insert(q.value(0).toLongLong(), QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                                           {QStringLiteral("uid"), uidText(q.value(1))},
                                                           {QStringLiteral("createdAt"), q.value(2).toString()},
                                                           {QStringLiteral("parserVersion"), q.value(3).toInt()},
                                                           {QStringLiteral("date"), orNull(q.value(4))},
                                                           {QStringLiteral("month"), q.value(5).toInt()},
                                                           {QStringLiteral("day"), q.value(6).toInt()},
                                                           {QStringLiteral("dateInferred"), q.value(7).toInt() != 0},
                                                           {QStringLiteral("publication"), orNull(q.value(8))},
                                                           {QStringLiteral("sha256"), hash},
                                                           {QStringLiteral("path"), q.value(10).toString()},
                                                           {QStringLiteral("encoding"), q.value(11).toString()},
                                                           {QStringLiteral("size"), orNull(q.value(12))},
                                                           {QStringLiteral("importedAt"), q.value(13).toString()},
                                                           {QStringLiteral("dateAlternatives"), orNull(q.value(16))},
                                                           {QStringLiteral("dateEvidence"), orNull(q.value(17))}});
        list.sources.append({hash, q.value(15).toBool() ? q.value(14).toLongLong() : 0});
        list.paths.insert(hash, q.value(10).toString());
    }
    // Articles and their blocks in reading order: [[id, uid, [[blockId, blockUid], ...]], ...]
    QMap<qint64, QJsonArray> articlesOf;
    QMap<qint64, QJsonArray> blocksOf; // by article id
    if (Result<void> read = query(q,
                                  QStringLiteral("SELECT a.id, b.id, b.uid FROM articles a JOIN blocks b ON "
                                                 "b.article_id = a.id WHERE a.issue_id BETWEEN ? AND ? "
                                                 "ORDER BY a.issue_id, a.position, b.position"),
                                  {first, last});
        !read)
        return read.error();
    while (q.next())
        blocksOf[q.value(0).toLongLong()].append(QJsonArray{q.value(1).toLongLong(), uidText(q.value(2))});
    if (Result<void> read =
            query(q,
                  QStringLiteral("SELECT issue_id, id, uid FROM articles WHERE issue_id BETWEEN ? AND ? "
                                 "ORDER BY issue_id, position"),
                  {first, last});
        !read)
        return read.error();
    while (q.next()) {
        const qint64 article = q.value(1).toLongLong();
        articlesOf[q.value(0).toLongLong()].append(QJsonArray{article, uidText(q.value(2)), blocksOf.value(article)});
    }
    // The lineage a re-parse recorded, so old links still lead somewhere after a restore.
    QMap<qint64, QJsonObject> lineageOf;
    for (const QString &table : {QStringLiteral("block_lineage"), QStringLiteral("article_lineage")}) {
        if (Result<void> read = query(q,
                                      QStringLiteral("SELECT issue_id, old_id, old_uid, new_id, new_uid, kind, "
                                                     "parser_version, created_at FROM %1 "
                                                     "WHERE issue_id BETWEEN ? AND ? ORDER BY id")
                                          .arg(table),
                                      {first, last});
            !read)
            return read.error();
        while (q.next()) {
            QJsonObject &lineage = lineageOf[q.value(0).toLongLong()];
            QJsonArray rows = lineage.value(table).toArray();
            rows.append(QJsonArray{q.value(1).toLongLong(), uidText(q.value(2)), orNull(q.value(3)),
                                   uidText(q.value(4)), q.value(5).toString(), q.value(6).toInt(),
                                   q.value(7).toString()});
            lineage.insert(table, rows);
        }
    }
    QJsonArray array;
    for (auto it = issues.begin(); it != issues.end(); ++it) {
        QJsonObject issue = it.value();
        issue.insert(QStringLiteral("articles"), articlesOf.value(it.key()));
        const QJsonObject lineage = lineageOf.value(it.key());
        for (auto l = lineage.begin(); l != lineage.end(); ++l)
            issue.insert(l.key() == QLatin1String("block_lineage") ? QStringLiteral("blockLineage")
                                                                   : QStringLiteral("articleLineage"),
                         l.value());
        array.append(issue);
    }
    list.issues = int(array.size());
    list.json = QJsonDocument(QJsonObject{{QStringLiteral("format"), kFormat}, {QStringLiteral("issues"), array}})
                    .toJson(QJsonDocument::Compact);
    return list;
}

/// An issue's original bytes: from the library, else from the file it was imported from when that still holds
/// them.
std::optional<QByteArray> sourceBytes(QSqlDatabase &db, qint64 sourceId, const QString &hash, const QString &path)
{
    if (sourceId > 0) {
        if (std::optional<QByteArray> bytes = sourcebytes::read(db, sourceId))
            return bytes;
    }
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
        QByteArray bytes = file.readAll();
        if (objectHash(bytes) == hash)
            return bytes;
    }
    return std::nullopt;
}

Result<void> setValue(QSqlDatabase &db, const QString &key, const QVariant &value)
{
    return sql::exec(db, QStringLiteral("INSERT OR REPLACE INTO bk.backup (key, value) VALUES (?, ?)"), {key, value});
}

} // namespace

QString suffix()
{
    return QStringLiteral(".dubao-backup");
}

std::pair<qint64, qint64> changeCounters(QSqlDatabase db)
{
    QSqlQuery q(db);
    qint64 library = -1;
    qint64 work = -1;
    if (q.exec(QStringLiteral("SELECT name, value FROM change_counter"))) {
        while (q.next())
            if (const QString name = q.value(0).toString(); name == QLatin1String("work"))
                work = q.value(1).toLongLong();
            else if (name == QLatin1String("library"))
                library = q.value(1).toLongLong();
    }
    return {library, work};
}

bool uncountedWorkChanged(QSqlDatabase library, const QString &previous)
{
    QStringList tables;
    {
        QSqlQuery q(library);
        if (!q.exec(QStringLiteral("SELECT t.name, t.sql FROM sqlite_master t WHERE t.type = 'table' AND NOT EXISTS "
                                   "(SELECT 1 FROM sqlite_master g WHERE g.type = 'trigger' AND g.tbl_name = t.name "
                                   "AND g.sql LIKE '%change\\_counter%' ESCAPE '\\') ORDER BY t.name")))
            return true;
        while (q.next())
            if (!isDerived(q.value(0).toString()) && q.value(1).toString().startsWith(QLatin1String("CREATE TABLE ")))
                tables.append(q.value(0).toString());
    }
    if (tables.isEmpty())
        return false;
    if (backupchunks::hasChunks(previous)) {
        // The chunks the tables would be cut into now, against those the backup names.
        for (const QString &table : std::as_const(tables)) {
            const std::optional<bool> same = backupchunks::sameChunks(library, table, previous);
            if (!same || !*same)
                return true;
        }
        return false;
    }
    const BareConnection earlier(previous, true);
    if (!earlier.ok())
        return true;
    for (const QString &table : std::as_const(tables)) {
        const std::optional<QByteArray> now = rowsDigest(library, table);
        if (!now || now != rowsDigest(earlier.db(), table))
            return true;
    }
    return false;
}

Result<BackupWrite> write(const QString &libraryPath, const QString &target, BackupObjects *shared,
                          const QString &reason, const QString &previous, const std::atomic_bool *cancel,
                          const Progress &progress)
{
    BackupWrite report;
    const BareConnection connection(libraryPath, false);
    if (!connection.ok())
        return Error(Store::tr("cannot open: %1").arg(connection.error())).prefixed(libraryPath);
    QSqlDatabase db = connection.db();
    const CancelGuard guard(sql::handle(db), cancel);
    if (Result<void> attached = sql::exec(db, QStringLiteral("ATTACH DATABASE ? AS bk"), {target}); !attached)
        return attached.error();
    auto cancelled = [&] {
        return cancel && cancel->load();
    };
    // A backup to be sent carries its objects in a table of its own, written in the same transaction as the rest.
    // 1 KB pages: for the objects' sake (backupobjects.cpp), and a daily backup's few small tables (the lists of
    // issue lists and chunks) waste less of them than of 4 KB pages.
    BackupObjects own;
    BackupObjects &objects = shared ? *shared : own;
    if (Result<void> paged = sql::exec(db, QStringLiteral("PRAGMA bk.page_size = 1024")); !paged)
        return paged.error();

    // One read transaction: every table as of one moment.
    Result<void> done = sql::exec(db, QStringLiteral("BEGIN"));
    if (done && !shared)
        done = own.attach(db, QStringLiteral("bk"));
    if (done)
        done =
            sql::exec(db, {{QStringLiteral("CREATE TABLE bk.backup (key TEXT PRIMARY KEY, value) WITHOUT ROWID"), {}},
                           {QStringLiteral("CREATE TABLE bk.issue_lists (first_id INTEGER PRIMARY KEY, "
                                           "last_id INTEGER NOT NULL, issues INTEGER NOT NULL, hash TEXT NOT NULL)"),
                            {}}});
    const auto [libraryChanges, workChanges] = changeCounters(db);

    // The issue lists: the previous backup's when no issue changed since, else read (and stored when new).
    bool reused = false;
    if (done && shared && !previous.isEmpty() && libraryChanges >= 0) {
        const Result<BackupContents> before = contents(previous);
        if (before && before->libraryChanges == libraryChanges &&
            before->schemaVersion == Library::currentSchemaVersion()) {
            const BareConnection earlier(previous, true);
            QSqlQuery rows(earlier.db());
            QSqlQuery insert(db);
            reused =
                earlier.ok() && rows.exec(QStringLiteral("SELECT first_id, last_id, issues, hash FROM issue_lists"));
            while (reused && done && rows.next())
                done = sql::exec(insert,
                                 QStringLiteral("INSERT INTO bk.issue_lists (first_id, last_id, issues, hash) "
                                                "VALUES (?, ?, ?, ?)"),
                                 {rows.value(0), rows.value(1), rows.value(2), rows.value(3)});
        }
    }
    qint64 sourceTotal = 0;
    if (done && !reused) {
        const qint64 maxId = sql::scalar(db, QStringLiteral("SELECT ifnull(max(id), 0) FROM issues")).toLongLong();
        const qint64 lists = maxId / kIssuesPerList + 1;
        QSet<QString> known = objects.hashes();
        QSqlQuery insertList(db);
        for (qint64 k = 0; done && k < lists; ++k) {
            if (cancelled()) {
                report.cancelled = true;
                break;
            }
            const qint64 first = k * kIssuesPerList;
            const Result<IssueList> list = readIssueList(db, first, first + kIssuesPerList - 1);
            if (!list) {
                done = list.error();
                break;
            }
            if (list->issues == 0)
                continue;
            for (const auto &[hash, sourceId] : list->sources) {
                if (known.contains(hash) || cancelled())
                    continue;
                const std::optional<QByteArray> bytes = sourceBytes(db, sourceId, hash, list->paths.value(hash));
                if (!bytes || objectHash(*bytes) != hash) {
                    report.warnings << Store::tr("the original bytes of %1 are neither in the library nor in that "
                                                 "file; its issue is not in the backup")
                                           .arg(list->paths.value(hash));
                    continue;
                }
                const Result<qint64> stored = objects.put(QStringLiteral("source"), *bytes, hash);
                if (!stored) {
                    done = stored.error();
                    break;
                }
                known.insert(hash);
                report.newObjects += *stored > 0;
                report.newObjectBytes += *stored;
            }
            const QString listHash = objectHash(list->json);
            if (done && !known.contains(listHash)) {
                const Result<qint64> stored = objects.put(QStringLiteral("issues"), list->json, listHash);
                if (!stored)
                    done = stored.error();
                else {
                    known.insert(listHash);
                    report.newObjects += *stored > 0;
                    report.newObjectBytes += *stored;
                }
            }
            if (done)
                done = sql::exec(insertList,
                                 QStringLiteral("INSERT INTO bk.issue_lists (first_id, last_id, issues, hash) "
                                                "VALUES (?, ?, ?, ?)"),
                                 {first, first + kIssuesPerList - 1, list->issues, listHash});
            if (progress)
                progress(k + 1, lists);
        }
    }
    if (report.cancelled && done)
        done = Error(Store::tr("the backup was cancelled"));

    // The user's own tables, as content-addressed chunks of their rows (backupchunks.h): a chunk the store holds
    // already is named, not written again.
    QSqlQuery q(db);
    if (done)
        done = query(q, QStringLiteral("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' ORDER BY rowid"));
    QList<std::pair<QString, QString>> tables;
    while (done && q.next())
        if (!isDerived(q.value(0).toString()) && q.value(1).toString().startsWith(QLatin1String("CREATE TABLE ")))
            tables.append({q.value(0).toString(), q.value(1).toString()});
    q.finish();
    if (done)
        done = backupchunks::createManifestTables(db);
    int position = 0;
    for (const auto &[name, create] : std::as_const(tables)) {
        if (!done)
            break;
        const std::optional<backupchunks::TableSource> source =
            backupchunks::tableSource(db, QStringLiteral("main"), name, create);
        if (!source) {
            done = Error(Store::tr("cannot read the table %1 of the library").arg(name));
            break;
        }
        done = backupchunks::write(db, *source, position++, objects, report, cancel);
    }
    // What a tagged paragraph or article said, so that a restore by a newer parser (other paragraphs, new ids) can
    // find it again, or keep the tag as an orphan with its text (backuprestore.cpp).
    if (done) {
        backupchunks::TableSource anchors;
        anchors.name = QStringLiteral("tag_anchors");
        anchors.create = QStringLiteral("CREATE TABLE tag_anchors (kind TEXT NOT NULL, target_id INTEGER NOT NULL, "
                                        "tag_id INTEGER NOT NULL, quote TEXT NOT NULL, issue_id INTEGER, "
                                        "article_position INTEGER, article_title TEXT, block_position INTEGER, "
                                        "PRIMARY KEY (kind, target_id, tag_id)) WITHOUT ROWID");
        anchors.columns = {QStringLiteral("kind"),          QStringLiteral("target_id"),
                           QStringLiteral("tag_id"),        QStringLiteral("quote"),
                           QStringLiteral("issue_id"),      QStringLiteral("article_position"),
                           QStringLiteral("article_title"), QStringLiteral("block_position")};
        anchors.key = {0, 1, 2};
        // In key order without a sort (which would spill every tagged paragraph's text into a temporary file):
        // the articles' then the paragraphs' taggings, each along its primary key.
        anchors.selects = {
            QStringLiteral("SELECT 'article', t.article_id, t.tag_id, a.title, a.issue_id, a.position, a.title, NULL "
                           "FROM main.article_tags t JOIN main.articles a ON a.id = t.article_id "
                           "ORDER BY t.article_id, t.tag_id"),
            QStringLiteral("SELECT 'block', t.block_id, t.tag_id, b.text, a.issue_id, a.position, a.title, b.position "
                           "FROM main.block_tags t JOIN main.blocks b ON b.id = t.block_id "
                           "JOIN main.articles a ON a.id = b.article_id ORDER BY t.block_id, t.tag_id")};
        done = backupchunks::write(db, anchors, position++, objects, report, cancel);
    }
    if (!done && cancelled())
        report.cancelled = true;

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<std::pair<QString, QVariant>> values{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("created"), sql::timeToText(now)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("library"), QFileInfo(libraryPath).absoluteFilePath()},
        {QStringLiteral("schema_version"), sql::scalar(db, QStringLiteral("PRAGMA main.user_version"))},
        {QStringLiteral("library_changes"), libraryChanges},
        {QStringLiteral("work_changes"), workChanges},
        {QStringLiteral("objects"), shared ? QStringLiteral("objects.sqlite") : QStringLiteral("self")},
        {QStringLiteral("new_bytes"), report.newObjectBytes},
    };
    for (const auto &[key, value] : values)
        if (done)
            done = setValue(db, key, value);
    static const char *const counted[] = {"issues", "articles", "blocks", "tags", "highlights", "notes", "notebooks"};
    for (const char *table : counted)
        if (done)
            done = setValue(db, QStringLiteral("count_%1").arg(QLatin1String(table)),
                            sql::scalar(db, QStringLiteral("SELECT count(*) FROM main.%1").arg(QLatin1String(table))));
    if (done) {
        sourceTotal =
            sql::scalar(db, QStringLiteral("SELECT ifnull(sum(size), 0) FROM main.source_files")).toLongLong();
        done = setValue(db, QStringLiteral("source_bytes"), sourceTotal);
    }
    if (done)
        done = sql::exec(db, QStringLiteral("COMMIT"));
    if (!done && cancelled())
        report.cancelled = true; // a statement the cancel interrupted (CancelGuard)
    if (!done)
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
    QSqlQuery(db).exec(QStringLiteral("DETACH DATABASE bk"));
    if (!done) {
        if (report.cancelled)
            return report;
        return done.error();
    }
    return report;
}

namespace {

/// Runs `sql` on a read-only connection to the backup `file`, calling `row` for every row.
Result<void> forEachRow(const QString &file, const QString &sql, const std::function<void(const QSqlQuery &)> &row)
{
    const BareConnection connection(file, true);
    if (!connection.ok())
        return Error(Store::tr("cannot open: %1").arg(connection.error())).prefixed(file);
    QSqlQuery q(connection.db());
    if (!q.exec(sql))
        return Error(Store::tr("not a Dubao backup (%1)").arg(q.lastError().text())).prefixed(file);
    while (q.next())
        row(q);
    return {};
}

} // namespace

Result<BackupContents> contents(const QString &file)
{
    QMap<QString, QVariant> values;
    if (Result<void> read = forEachRow(file, QStringLiteral("SELECT key, value FROM backup"),
                                       [&](const QSqlQuery &q) { values.insert(q.value(0).toString(), q.value(1)); });
        !read)
        return read.error();
    BackupContents contents;
    contents.format = values.value(QStringLiteral("format")).toInt();
    if (contents.format < 1)
        return Error(Store::tr("not a Dubao backup (no format)")).prefixed(file);
    if (contents.format > kFormat)
        return Error(Store::tr("the backup was made by a newer Dubao (format %1)").arg(contents.format)).prefixed(file);
    contents.created = sql::timeFromText(values.value(QStringLiteral("created")).toString());
    contents.reason = values.value(QStringLiteral("reason")).toString();
    contents.library = values.value(QStringLiteral("library")).toString();
    contents.schemaVersion = values.value(QStringLiteral("schema_version")).toInt();
    contents.libraryChanges = values.value(QStringLiteral("library_changes"), -1).toLongLong();
    contents.workChanges = values.value(QStringLiteral("work_changes"), -1).toLongLong();
    contents.sourceBytes = values.value(QStringLiteral("source_bytes")).toLongLong();
    contents.newBytes = values.value(QStringLiteral("new_bytes")).toLongLong() + QFileInfo(file).size();
    contents.selfContained = values.value(QStringLiteral("objects")).toString() == QLatin1String("self");
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (it.key().startsWith(QLatin1String("count_")))
            contents.counts.insert(it.key().mid(6), it.value().toLongLong());
    return contents;
}

Result<QList<QString>> issueLists(const QString &file)
{
    QList<QString> hashes;
    if (Result<void> read = forEachRow(file, QStringLiteral("SELECT hash FROM issue_lists ORDER BY first_id"),
                                       [&](const QSqlQuery &q) { hashes.append(q.value(0).toString()); });
        !read)
        return read.error();
    return hashes;
}

Result<QStringList> sourcesOfList(const QByteArray &listJson)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(listJson, &error);
    if (error.error != QJsonParseError::NoError)
        return Error(Store::tr("a damaged issue list: %1").arg(error.errorString()));
    QStringList hashes;
    for (const QJsonValue issue : document.object().value(QStringLiteral("issues")).toArray())
        hashes.append(issue.toObject().value(QStringLiteral("sha256")).toString());
    return hashes;
}

Result<QStringList> workTables(const QString &file)
{
    QStringList tables;
    if (backupchunks::hasChunks(file)) { // format 2: the tables its chunks hold
        if (Result<void> read = forEachRow(file,
                                           QStringLiteral("SELECT name FROM work_tables WHERE name <> 'tag_anchors' "
                                                          "ORDER BY position"),
                                           [&](const QSqlQuery &q) { tables.append(q.value(0).toString()); });
            !read)
            return read.error();
        return tables;
    }
    if (Result<void> read = forEachRow(
            file, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid"),
            [&](const QSqlQuery &q) {
                const QString name = q.value(0).toString();
                if (name != QLatin1String("backup") && name != QLatin1String("issue_lists") &&
                    name != QLatin1String("objects") && name != QLatin1String("tag_anchors") &&
                    name != QLatin1String("work_tables") && name != QLatin1String("work_chunks") && !isDerived(name))
                    tables.append(name);
            });
        !read)
        return read.error();
    return tables;
}

} // namespace dubao::backupmanifest
