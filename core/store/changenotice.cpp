#include "core/store/changenotice.h"

#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace dubao::changes {

namespace {

/// What a table's rows are, for a listener: the kind of change. The search layer's tables follow the text (their
/// own kind would say nothing new), dubao_library is the schema's and change_deletions the notices' own.
QString kindOf(const QString &table)
{
    static const QHash<QString, QString> kinds = {
        {QStringLiteral("notes"), QStringLiteral("note")},
        {QStringLiteral("note_tags"), QStringLiteral("note")},
        {QStringLiteral("highlights"), QStringLiteral("highlight")},
        {QStringLiteral("highlight_tags"), QStringLiteral("highlight")},
        {QStringLiteral("tags"), QStringLiteral("tag")},
        {QStringLiteral("article_tags"), QStringLiteral("tag")},
        {QStringLiteral("block_tags"), QStringLiteral("tag")},
        {QStringLiteral("notebooks"), QStringLiteral("notebook")},
        {QStringLiteral("notebook_entries"), QStringLiteral("notebook")},
        {QStringLiteral("corrections"), QStringLiteral("correction")},
    };
    if (table.startsWith(QLatin1String("search_")) || table == QLatin1String("dubao_library") ||
        table == QLatin1String("change_deletions")) // (the record of the other kinds' deletions)
        return {};
    return kinds.value(table, QStringLiteral("issue")); // issues, articles, blocks, sources, lineage, reporters
}

/// For a table whose rows name an article (directly or through their paragraph): the SELECT of (article id, issue id)
/// of the rows the open transaction inserted or updated, `mine` their condition. Empty for the other tables.
QString rowsOf(const QString &table)
{
    static const QHash<QString, QString> selects = {
        {QStringLiteral("notes"),
         QStringLiteral("SELECT b.article_id, t.issue_id FROM notes t LEFT JOIN blocks b ON b.id = t.block_id")},
        {QStringLiteral("highlights"),
         QStringLiteral("SELECT b.article_id, t.issue_id FROM highlights t LEFT JOIN blocks b ON b.id = t.block_id")},
        {QStringLiteral("corrections"),
         QStringLiteral("SELECT b.article_id, t.issue_id FROM corrections t LEFT JOIN blocks b ON b.id = t.block_id")},
        {QStringLiteral("article_tags"),
         QStringLiteral("SELECT a.id, a.issue_id FROM article_tags t JOIN articles a ON a.id = t.article_id")},
        {QStringLiteral("block_tags"),
         QStringLiteral("SELECT b.article_id, a.issue_id FROM block_tags t JOIN blocks b ON b.id = t.block_id "
                        "JOIN articles a ON a.id = b.article_id")},
        {QStringLiteral("note_tags"),
         QStringLiteral("SELECT b.article_id, n.issue_id FROM note_tags t JOIN notes n ON n.id = t.note_id "
                        "LEFT JOIN blocks b ON b.id = n.block_id")},
        {QStringLiteral("highlight_tags"),
         QStringLiteral("SELECT b.article_id, h.issue_id FROM highlight_tags t JOIN highlights h ON h.id = "
                        "t.highlight_id LEFT JOIN blocks b ON b.id = h.block_id")},
        {QStringLiteral("issues"), QStringLiteral("SELECT NULL::bigint, t.id FROM issues t")},
    };
    return selects.value(table);
}

/// The tables of rowsOf() with an `id` primary key (the others have a composite key of the rows they link).
bool hasIdColumn(const QString &table)
{
    return table == QLatin1String("notes") || table == QLatin1String("highlights") ||
           table == QLatin1String("corrections") || table == QLatin1String("issues");
}

// A row the open transaction wrote has as xmin its transaction id or one of its subtransactions' (the write scope's
// savepoints), all assigned at or after the top-level one and all still invisible to its own snapshot (which sees
// what others committed). A row another transaction committed with a later id is visible to the snapshot, so the two
// tests find exactly the transaction's own rows. xmin is 32 bits: the epoch is the top-level id's (ids that wrap
// within the transaction are not found, and the notice then says "many").
const char *const mine = " CROSS JOIN x WHERE t.xmin::text::bigint >= x.top AND "
                         "NOT pg_visible_in_snapshot((x.base + t.xmin::text::bigint)::text::xid8, x.snap)";

const char *const window = "WITH x AS (SELECT c % 4294967296 AS top, c - c % 4294967296 AS base, "
                           "pg_current_snapshot() AS snap "
                           "FROM (SELECT pg_current_xact_id()::text::bigint AS c) AS current) ";

void addId(QList<qint64> &ids, bool &many, const QVariant &value)
{
    if (value.isNull() || many)
        return;
    const qint64 id = value.toLongLong();
    if (ids.contains(id))
        return;
    if (ids.size() >= maxIds()) {
        many = true;
        ids.clear();
        return;
    }
    ids.append(id);
}

QJsonValue idsToJson(const QList<qint64> &ids, bool many)
{
    if (many)
        return QStringLiteral("many");
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> idsFromJson(const QJsonValue &value, bool &many)
{
    QList<qint64> ids;
    many = value.isString() && value.toString() == QLatin1String("many");
    for (const QJsonValue &id : value.toArray())
        ids.append(id.toInteger());
    return ids;
}

struct Counts
{
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
};

/// The rows written per table as pg_stat_xact_user_tables counts them. PostgreSQL 15 adds to the open transaction's
/// counts those of the connection's earlier transactions that it has not yet reported (it reports when the
/// connection is idle, never inside a transaction), so what a transaction wrote is the difference between its
/// counts at the commit and at its BEGIN (begin()). `assigned`: nothing when no transaction id was assigned
/// (nothing was written).
Result<QHash<QString, Counts>> counts(QSqlDatabase db, bool assigned)
{
    QHash<QString, Counts> result;
    QSqlQuery query(db);
    const QString sql = QStringLiteral("SELECT relname::text, n_tup_ins, n_tup_upd, n_tup_del FROM "
                                       "pg_stat_xact_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 0") +
                        (assigned ? QStringLiteral(" AND pg_current_xact_id_if_assigned() IS NOT NULL") : QString());
    if (Result<void> read = sql::select(query, sql); !read)
        return read.error();
    while (query.next())
        result.insert(query.value(0).toString(),
                      {query.value(1).toLongLong(), query.value(2).toLongLong(), query.value(3).toLongLong()});
    return result;
}

/// Runs a statement PostgreSQL does not prepare (SAVEPOINT and its kin).
Result<void> unprepared(QSqlDatabase db, const char *statement)
{
    QSqlQuery query(db);
    if (query.exec(QLatin1String(statement)))
        return {};
    return Error(sql::failureOf(query, sql::Store::tr("cannot store: %1")));
}

/// What a transaction declared it deletes (deleting()): the rows per table, and their articles and issues.
struct Declared
{
    QHash<QString, qint64> rows;    ///< deleted
    QHash<QString, qint64> written; ///< inserted or updated
    QList<qint64> articleIds;
    QList<qint64> issueIds;
    bool manyArticles = false;
    bool manyIssues = false;
};

QMutex s_beginMutex;
QHash<QString, QHash<QString, Counts>> s_atBegin; // connection name -> counts at its transaction's BEGIN
QHash<QString, Declared> s_declared;              // connection name -> its transaction's declared deletions

QHash<QString, Counts> takeCountsAtBegin(const QSqlDatabase &db)
{
    const QMutexLocker lock(&s_beginMutex);
    return s_atBegin.take(db.connectionName());
}

Declared takeDeclared(const QSqlDatabase &db)
{
    const QMutexLocker lock(&s_beginMutex);
    return s_declared.take(db.connectionName());
}

} // namespace

void begin(QSqlDatabase db)
{
    if (!dialect::isPostgres(db))
        return;
    const Result<QHash<QString, Counts>> now = counts(db, false);
    const QMutexLocker lock(&s_beginMutex);
    if (now)
        s_atBegin.insert(db.connectionName(), *now);
    else
        s_atBegin.remove(db.connectionName());
    s_declared.remove(db.connectionName());
}

namespace {

void declare(QSqlDatabase db, const QString &table, const QString &where, const QVariantList &values, bool deleted)
{
    if (!dialect::isPostgres(db) || rowsOf(table).isEmpty() || table == QLatin1String("issues"))
        return;
    // In a savepoint, as announce()'s statements: a failure here must not abort the user's write (the notice then
    // says "many" or searches, the table's rows not all being declared).
    if (!unprepared(db, "SAVEPOINT dubao_declare"))
        return;
    Declared found;
    QSqlQuery rows(db);
    if (sql::select(rows, rowsOf(table) + QStringLiteral(" WHERE ") + where, values)) {
        while (rows.next()) {
            ++found.rows[table];
            addId(found.articleIds, found.manyArticles, rows.value(0));
            addId(found.issueIds, found.manyIssues, rows.value(1));
        }
    }
    rows = QSqlQuery(); // (freed before the savepoint ends)
    if (!deleted)
        found.written.insert(table, found.rows.take(table));
    if (!unprepared(db, "RELEASE SAVEPOINT dubao_declare")) {
        (void)unprepared(db, "ROLLBACK TO SAVEPOINT dubao_declare");
        (void)unprepared(db, "RELEASE SAVEPOINT dubao_declare");
        return;
    }
    const QMutexLocker lock(&s_beginMutex);
    Declared &declared = s_declared[db.connectionName()];
    declared.rows[table] += found.rows.value(table);
    declared.written[table] += found.written.value(table);
    for (const qint64 id : std::as_const(found.articleIds))
        addId(declared.articleIds, declared.manyArticles, id);
    for (const qint64 id : std::as_const(found.issueIds))
        addId(declared.issueIds, declared.manyIssues, id);
    declared.manyArticles = declared.manyArticles || found.manyArticles;
    declared.manyIssues = declared.manyIssues || found.manyIssues;
}

} // namespace

void deleting(QSqlDatabase db, const QString &table, const QString &where, const QVariantList &values)
{
    declare(db, table, where, values, true);
}

void written(QSqlDatabase db, const QString &table, const QString &where, const QVariantList &values)
{
    declare(db, table, where, values, false);
}

QByteArray ChangeNotice::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("kinds"), QJsonArray::fromStringList(kinds));
    object.insert(QStringLiteral("added"), QJsonArray::fromStringList(added));
    object.insert(QStringLiteral("deleted"), QJsonArray::fromStringList(deleted));
    if (!deletedRows.isEmpty()) {
        QJsonArray rows;
        for (const DeletedRow &row : deletedRows)
            rows.append(QJsonObject{{QStringLiteral("kind"), row.kind},
                                    {QStringLiteral("table"), row.table},
                                    {QStringLiteral("id"), row.id},
                                    {QStringLiteral("article"), row.article}});
        object.insert(QStringLiteral("rows"), rows);
    }
    object.insert(QStringLiteral("articles"), idsToJson(articleIds, manyArticles));
    object.insert(QStringLiteral("issues"), idsToJson(issueIds, manyIssues));
    object.insert(QStringLiteral("pid"), pid);
    object.insert(QStringLiteral("user"), user);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ChangeNotice ChangeNotice::fromJson(const QByteArray &payload)
{
    ChangeNotice notice;
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    for (const QJsonValue &kind : object.value(QStringLiteral("kinds")).toArray())
        notice.kinds.append(kind.toString());
    for (const QJsonValue &kind : object.value(QStringLiteral("added")).toArray())
        notice.added.append(kind.toString());
    for (const QJsonValue &kind : object.value(QStringLiteral("deleted")).toArray())
        notice.deleted.append(kind.toString());
    for (const QJsonValue &value : object.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject row = value.toObject();
        notice.deletedRows.append(
            {row.value(QStringLiteral("kind")).toString(), row.value(QStringLiteral("table")).toString(),
             row.value(QStringLiteral("id")).toInteger(), row.value(QStringLiteral("article")).toInteger(), 0});
    }
    notice.articleIds = idsFromJson(object.value(QStringLiteral("articles")), notice.manyArticles);
    notice.issueIds = idsFromJson(object.value(QStringLiteral("issues")), notice.manyIssues);
    notice.pid = object.value(QStringLiteral("pid")).toInteger();
    notice.user = object.value(QStringLiteral("user")).toString();
    return notice;
}

Result<ChangeNotice> pending(QSqlDatabase db)
{
    ChangeNotice notice;
    if (!dialect::isPostgres(db))
        return notice;
    // What the transaction wrote, table by table, as the statistics of the open transaction count it (its
    // subtransactions and the triggers' writes included). Nothing assigned a transaction id: nothing was written.
    const Result<QHash<QString, Counts>> now = counts(db, true);
    if (!now)
        return now.error();
    const QHash<QString, Counts> before = takeCountsAtBegin(db);
    const Declared declared = takeDeclared(db);
    // The annotation rows deleted, as the server's triggers recorded them (v21): whoever deleted them and however.
    // Per table, those whose article or issue is known.
    QHash<QString, qint64> recorded;
    bool anyDeleted = false;
    for (auto it = now->cbegin(); it != now->cend(); ++it)
        anyDeleted = anyDeleted || (it->deleted > before.value(it.key()).deleted && !rowsOf(it.key()).isEmpty() &&
                                    it.key() != QLatin1String("issues"));
    QList<DeletedRow> deletedRows;
    if (anyDeleted) {
        const Result<QList<DeletedRow>> taken = takeDeletions(db);
        if (!taken)
            return taken.error();
        deletedRows = *taken;
        for (const DeletedRow &row : std::as_const(deletedRows)) {
            if (row.article != 0 || row.issue != 0)
                ++recorded[row.table];
        }
    }
    QHash<QString, qint64> written; // tables with rows inserted or updated, whose ids can be found: rows only inserted
    QStringList changed;            // kinds with a row updated or deleted
    for (auto it = now->cbegin(); it != now->cend(); ++it) {
        const QString &table = it.key();
        const Counts was = before.value(table);
        const qint64 inserted = it->inserted - was.inserted;
        const qint64 updated = it->updated - was.updated;
        const qint64 deletedRows = it->deleted - was.deleted;
        const bool deleted = deletedRows > 0;
        const QString kind = kindOf(table);
        if (kind.isEmpty() || (inserted <= 0 && updated <= 0 && !deleted))
            continue;
        if (!notice.kinds.contains(kind))
            notice.kinds.append(kind);
        if (updated > 0 || deleted) {
            if (!changed.contains(kind))
                changed.append(kind);
        } else if (inserted > 0 && !notice.added.contains(kind)) {
            notice.added.append(kind);
        }
        if (kind == QLatin1String("issue") && table != QLatin1String("issues")) {
            // Articles and paragraphs of an import, a replace or a re-parse: too many rows to look for; the issues
            // row names the issue when it was written.
            notice.manyArticles = true;
            continue;
        }
        if (table == QLatin1String("tags") && (updated > 0 || deleted))
            notice.manyArticles = true; // a tag renamed, moved or deleted is shown on every article it tags
        if (deleted && !notice.deleted.contains(kind))
            notice.deleted.append(kind);
        // A deleted row is gone: its article is known only when the writer declared it (deleting()); a notebook's
        // entries name no article the reader shows.
        if (deleted && kind != QLatin1String("notebook") &&
            std::max(declared.rows.value(table), recorded.value(table)) < deletedRows) {
            notice.manyArticles = true;
            if (table == QLatin1String("issues"))
                notice.manyIssues = true;
        }
        // Rows the writer declared (written()) are known already; others are searched for below.
        if (inserted + updated > 0 && !rowsOf(table).isEmpty() && declared.written.value(table) < inserted + updated)
            written.insert(table, updated > 0 ? 0 : inserted);
    }
    if (notice.kinds.isEmpty())
        return notice;
    for (const qint64 id : declared.articleIds)
        addId(notice.articleIds, notice.manyArticles, id);
    for (const DeletedRow &row : std::as_const(deletedRows)) {
        if (row.article != 0)
            addId(notice.articleIds, notice.manyArticles, row.article);
        if (row.issue != 0)
            addId(notice.issueIds, notice.manyIssues, row.issue);
    }
    if (deletedRows.size() <= maxIds())
        notice.deletedRows = deletedRows;
    for (const qint64 id : declared.issueIds)
        addId(notice.issueIds, notice.manyIssues, id);
    notice.manyArticles = notice.manyArticles || declared.manyArticles;
    notice.manyIssues = notice.manyIssues || declared.manyIssues;
    notice.added.removeIf([&changed](const QString &kind) { return changed.contains(kind); });
    if (!written.isEmpty()) {
        // A table with ids whose rows were only inserted is searched among its newest ids (its primary key's index):
        // an import commits once per issue, and a scan of every issue at each commit would cost the import the
        // square of its size. Rows inserted meanwhile by others can push some of ours out of that window: then
        // fewer are found than were inserted, and the notice says "many".
        QStringList parts;
        for (auto it = written.cbegin(); it != written.cend(); ++it) {
            QString part = QStringLiteral("SELECT '%1'::text AS source, r.* FROM (").arg(it.key()) + rowsOf(it.key()) +
                           QLatin1String(mine);
            if (it.value() > 0 && hasIdColumn(it.key()))
                part += QStringLiteral(" AND t.id > (SELECT max(id) FROM %1) - %2").arg(it.key()).arg(it.value() + 256);
            parts.append(part + QStringLiteral(") AS r"));
        }
        QSqlQuery rows(db);
        if (Result<void> read = sql::select(rows, QLatin1String(window) + parts.join(QLatin1String(" UNION ALL ")));
            !read)
            return read.error();
        QHash<QString, qint64> found;
        while (rows.next()) {
            ++found[rows.value(0).toString()];
            addId(notice.articleIds, notice.manyArticles, rows.value(1));
            addId(notice.issueIds, notice.manyIssues, rows.value(2));
        }
        for (auto it = written.cbegin(); it != written.cend(); ++it) {
            // Written but not all found (out of the window, or the 32-bit xmin window wrapped): say "many".
            if (found.value(it.key()) == 0 ||
                (it.value() > 0 && hasIdColumn(it.key()) && found.value(it.key()) < it.value())) {
                notice.manyArticles = true;
                if (it.key() == QLatin1String("issues"))
                    notice.manyIssues = true;
            }
        }
    }
    if (notice.manyArticles)
        notice.articleIds.clear();
    if (notice.manyIssues)
        notice.issueIds.clear();
    std::sort(notice.articleIds.begin(), notice.articleIds.end());
    std::sort(notice.issueIds.begin(), notice.issueIds.end());
    notice.pid = dialect::backendPid(db);
    notice.user = db.userName();
    return notice;
}

Result<void> announce(QSqlDatabase db)
{
    if (!dialect::isPostgres(db))
        return {};
    // A statement that fails aborts a PostgreSQL transaction: the notice's own statements run in a savepoint, so
    // that whatever befalls them, the user's write still commits (with a notice that everything may have changed).
    if (Result<void> begun = unprepared(db, "SAVEPOINT dubao_notice"); !begun)
        return begun;
    Result<ChangeNotice> notice = pending(db);
    if (!notice) {
        qCWarning(lcStore).noquote() << "cannot tell what the transaction changed:" << notice.error().message();
        if (Result<void> back = unprepared(db, "ROLLBACK TO SAVEPOINT dubao_notice"); !back)
            return back;
        ChangeNotice everything;
        everything.kinds = {QStringLiteral("issue"), QStringLiteral("note"),     QStringLiteral("highlight"),
                            QStringLiteral("tag"),   QStringLiteral("notebook"), QStringLiteral("correction")};
        everything.manyArticles = everything.manyIssues = true;
        everything.pid = dialect::backendPid(db);
        everything.user = db.userName();
        notice = everything;
    }
    if (Result<void> released = unprepared(db, "RELEASE SAVEPOINT dubao_notice"); !released)
        return released;
    if (!notice->isValid())
        return {};
    return sql::exec(db, QStringLiteral("SELECT pg_notify(?, ?)"),
                     {QString::fromLatin1(channel), QString::fromUtf8(notice->toJson())});
}

} // namespace dubao::changes
