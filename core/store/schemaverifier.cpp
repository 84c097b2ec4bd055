// The schema check of a library against the migrations' own schema: see schemaverifier.h.
#include "core/store/schemaverifier.h"

#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <utility>

namespace dubao {

namespace {

struct SchemaObject
{
    QString type;
    QString name;
    QString table;
    QString sql; ///< as stored
};

QString key(const QString &name)
{
    return name.toLower();
}

QString quoted(const QString &name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

/// SQLite's own bookkeeping, which it makes and changes itself (AUTOINCREMENT, ANALYZE, UNIQUE constraints).
/// Anything else named sqlite_… (a trigger put there by editing the file) is compared like every other object.
bool isInternal(const QString &type, const QString &name, const QVariant &sql)
{
    if (type == QLatin1String("table"))
        return name == QLatin1String("sqlite_sequence") || name.startsWith(QLatin1String("sqlite_stat"));
    return type == QLatin1String("index") && name.startsWith(QLatin1String("sqlite_autoindex_")) && sql.isNull();
}

Result<QList<SchemaObject>> readSchema(QSqlDatabase &db)
{
    QList<SchemaObject> objects;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Result<void> read =
            sql::select(query, QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"));
        !read)
        return read.error();
    while (query.next()) {
        const QString type = query.value(0).toString();
        const QString name = query.value(1).toString();
        if (!isInternal(type, name, query.value(3)))
            objects.append({type, name, query.value(2).toString(), query.value(3).toString()});
    }
    return objects;
}

/// The schema the registered steps make for `version` in a fresh in-memory database.
Result<QList<SchemaObject>> buildExpected(int version)
{
    static std::atomic<quint64> next{1};
    const QString connection = QStringLiteral("dubao-expected-schema-%1").arg(next.fetch_add(1));
    Result<QList<SchemaObject>> result = Error(QString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        Result<void> made;
        if (!db.open())
            made = Error(SchemaVerifier::tr("cannot make the expected schema"));
        for (const schema::Step setUp : schema::connectionSetUps()) {
            if (made)
                made = setUp(db);
        }
        const QList<schema::RegisteredStep> steps = schema::steps(version);
        for (const schema::RegisteredStep &step : steps) {
            if (!made)
                break;
            if (!step.step) {
                made = Error(SchemaVerifier::tr("schema step %1 of the %2 layer is not registered")
                                 .arg(step.version)
                                 .arg(step.layer));
                break;
            }
            sql::WriteScope transaction(db);
            made = transaction.isActive() ? step.step(db) : Result<void>(transaction.error());
            if (made)
                made = transaction.commit();
        }
        result = made ? readSchema(db) : Result<QList<SchemaObject>>(made.error());
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<QList<SchemaObject>> expected(int version)
{
    static QMutex mutex;
    static QHash<int, QList<SchemaObject>> cache;
    QMutexLocker locker(&mutex);
    if (const auto it = cache.constFind(version); it != cache.constEnd())
        return *it;
    Result<QList<SchemaObject>> built = buildExpected(version);
    if (built)
        cache.insert(version, *built);
    return built;
}

/// SHA-256 (hex) of a schema: each object's type, name, table and SQL exactly as stored, in sorted order. Two
/// schemas with the same digest have no findings between them (compare() folds case and normalises the SQL, so it
/// finds none where the text is the same). A library whose SQL differs from ours only in what compare() ignores
/// (spacing, "IF NOT EXISTS") takes the full comparison.
QByteArray digestOf(const QList<SchemaObject> &objects)
{
    QStringList lines;
    lines.reserve(objects.size());
    for (const SchemaObject &o : objects)
        lines.append(o.type + u'\n' + o.name + u'\n' + o.table + u'\n' + o.sql);
    std::sort(lines.begin(), lines.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &line : std::as_const(lines)) {
        hash.addData(line.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result().toHex();
}

// The digests of the schemas the registered steps make (SchemaVerifier::expectedDigest), so that opening a library
// whose schema is exactly ours compares one digest instead of running every migration in an in-memory database
// first (about half of a short dubao-cli command at schema 11). A version missing here, or a digest that no longer
// matches because a step changed, only takes the slow path; tst_library fails until the table is brought up to date
// and prints the line to put here.
constexpr std::pair<int, const char *> kKnownDigests[] = {
    {11, "d709c9e9462d967ff6ad2b163b56cc99971188ab468e470b12f8362e1e0ad7ad"},
    {12, "6256e844c6b68bd9e6be95b6a70cf52c8c0966512a08b5cc00d13fc1f6cd4cac"},
    {13, "6256e844c6b68bd9e6be95b6a70cf52c8c0966512a08b5cc00d13fc1f6cd4cac"}, // v13 adds nothing to an SQLite file
    {14, "c6151158e2db462b28a3dc2930b1205bd7709e41b140f0b838e15e2cdb3b0dca"},
    {15, "8046adde2b5f1e28e797acb34a471c9ac92dfc9cd08a8d060ed2166793e1a147"}, // who made and changed annotations
    {16, "8046adde2b5f1e28e797acb34a471c9ac92dfc9cd08a8d060ed2166793e1a147"}, // a team library's people: nothing here
    {17, "d92f34bdbfd81c71ff4c4808f91d6bfb6568c7fc9f4e9584da64754e8b0fec0f"}, // the search index's dense keys
    {18, "d92f34bdbfd81c71ff4c4808f91d6bfb6568c7fc9f4e9584da64754e8b0fec0f"}, // a team library's reuse: nothing here
    {19,
     "d92f34bdbfd81c71ff4c4808f91d6bfb6568c7fc9f4e9584da64754e8b0fec0f"}, // a team library's authorship: nothing here
    {20, "828d36797b7392b44721fe5b6ea30164c727839e7af8123d73262e79a0e0ac5c"}, // articles' page and page_name
    {21,
     "828d36797b7392b44721fe5b6ea30164c727839e7af8123d73262e79a0e0ac5c"}, // a team library's deletions: nothing here
};

struct Comparison
{
    QList<SchemaFinding> findings;
    QList<SchemaObject> expected; ///< in creation order
    QList<SchemaObject> actual;
};

Result<Comparison> compare(QSqlDatabase &db, int version)
{
    Comparison c;
    Result<QList<SchemaObject>> want = expected(version);
    if (!want)
        return want.error();
    Result<QList<SchemaObject>> have = readSchema(db);
    if (!have)
        return have.error();
    c.expected = *want;
    c.actual = *have;
    QHash<QString, const SchemaObject *> ours;
    for (const SchemaObject &o : std::as_const(c.expected))
        ours.insert(key(o.name), &o);
    QSet<QString> present;
    for (const SchemaObject &o : std::as_const(c.actual)) {
        const SchemaObject *mine = ours.value(key(o.name));
        if (!mine || mine->type != o.type) {
            c.findings.append({SchemaFinding::Kind::Unknown, o.type, o.name});
            continue;
        }
        present.insert(key(o.name));
        if (key(mine->table) != key(o.table) ||
            SchemaVerifier::normalised(mine->sql) != SchemaVerifier::normalised(o.sql))
            c.findings.append({SchemaFinding::Kind::Altered, o.type, o.name});
    }
    for (const SchemaObject &o : std::as_const(c.expected)) {
        if (!present.contains(key(o.name)))
            c.findings.append({SchemaFinding::Kind::Missing, o.type, o.name});
    }
    return c;
}

Result<void> exec(QSqlDatabase &db, const QString &statement)
{
    return sql::exec(db, statement);
}

/// The expected objects that belong to `table` (its indexes and triggers), in creation order.
QList<SchemaObject> dependentsOf(const QList<SchemaObject> &objects, const QString &table)
{
    QList<SchemaObject> result;
    for (const SchemaObject &o : objects)
        if (o.type != QLatin1String("table") && key(o.table) == key(table))
            result.append(o);
    return result;
}

QStringList columnsOf(QSqlDatabase &db, const QString &table)
{
    QStringList columns;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT name FROM pragma_table_info(%1)").arg(quoted(table).replace(u'"', u'\''))))
        while (query.next())
            columns << query.value(0).toString();
    return columns;
}

/// A table of ours whose definition was changed: renamed aside, made again as ours, its rows copied over (the
/// columns both have), the old one dropped. Foreign keys are off (the caller) so nothing cascades.
Result<void> rebuildTable(QSqlDatabase &db, const SchemaObject &mine, const QList<SchemaObject> &expected)
{
    const QString aside = QStringLiteral("dubao_repair_%1").arg(mine.name);
    if (mine.sql.startsWith(QLatin1String("CREATE VIRTUAL"), Qt::CaseInsensitive)) {
        // A derived index (FTS5): dropped and made again empty; the caller rebuilds its content.
        if (Result<void> dropped = exec(db, QStringLiteral("DROP TABLE %1").arg(quoted(mine.name))); !dropped)
            return dropped;
        return exec(db, mine.sql);
    }
    if (Result<void> moved =
            exec(db, QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(quoted(mine.name), quoted(aside)));
        !moved)
        return moved;
    if (Result<void> made = exec(db, mine.sql); !made)
        return made;
    const QStringList before = columnsOf(db, aside);
    QStringList common;
    for (const QString &column : columnsOf(db, mine.name))
        if (before.contains(column, Qt::CaseInsensitive))
            common << quoted(column);
    const QString list = common.join(QLatin1Char(','));
    if (Result<void> copied = exec(
            db, QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3").arg(quoted(mine.name), list, quoted(aside)));
        !copied)
        return copied;
    if (Result<void> dropped = exec(db, QStringLiteral("DROP TABLE %1").arg(quoted(aside))); !dropped)
        return dropped;
    for (const SchemaObject &o : dependentsOf(expected, mine.name)) {
        if (o.sql.isEmpty())
            continue;
        if (Result<void> made = exec(db, o.sql); !made)
            return made;
    }
    return {};
}

bool existsNow(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

QString kindText(SchemaFinding::Kind kind)
{
    switch (kind) {
    case SchemaFinding::Kind::Unknown:
        return SchemaVerifier::tr("unknown");
    case SchemaFinding::Kind::Altered:
        return SchemaVerifier::tr("changed");
    case SchemaFinding::Kind::Missing:
        return SchemaVerifier::tr("missing");
    }
    return {};
}

} // namespace

QString SchemaVerifier::normalised(const QString &sql)
{
    // By hand rather than with regular expressions: every open of a library normalises its whole schema (~160
    // statements), and the expressions were most of that. Same result as QString::simplified(), then replacing
    // "\bIF NOT EXISTS " (any case) by "" and " ?([(),;=]) ?" by the punctuation alone (tst_library compares).
    if (sql.contains(QLatin1String("IF NOT EXISTS"), Qt::CaseInsensitive)) {
        static const QRegularExpression ifNotExists(QStringLiteral("\\bIF NOT EXISTS "),
                                                    QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression aroundPunctuation(QStringLiteral(" ?([(),;=]) ?"));
        QString text = sql.simplified();
        text.replace(ifNotExists, QString());
        text.replace(aroundPunctuation, QStringLiteral("\\1"));
        return text;
    }
    QString out(sql.size(), Qt::Uninitialized);
    QChar *to = out.data();
    QChar *const begin = to;
    bool pendingSpace = false; // whitespace seen since the last character written
    bool afterPunctuation = false;
    for (const QChar c : sql) {
        if (c.isSpace()) {
            pendingSpace = to != begin;
            continue;
        }
        const bool punctuation = c == u'(' || c == u')' || c == u',' || c == u';' || c == u'=';
        if (pendingSpace && !punctuation && !afterPunctuation)
            *to++ = u' ';
        *to++ = c;
        pendingSpace = false;
        afterPunctuation = punctuation;
    }
    out.truncate(to - begin);
    return out;
}

QByteArray SchemaVerifier::knownDigest(int version)
{
    for (const auto &[known, digest] : kKnownDigests)
        if (known == version)
            return QByteArray(digest);
    return {};
}

Result<QByteArray> SchemaVerifier::expectedDigest(int version)
{
    Result<QList<SchemaObject>> want = expected(version);
    if (!want)
        return want.error();
    return digestOf(*want);
}

Result<QList<SchemaFinding>> SchemaVerifier::verify(QSqlDatabase &db, int version)
{
    if (const QByteArray known = knownDigest(version); !known.isEmpty()) {
        Result<QList<SchemaObject>> have = readSchema(db);
        if (!have)
            return have.error();
        if (digestOf(*have) == known)
            return QList<SchemaFinding>{};
    }
    Result<Comparison> compared = compare(db, version);
    if (!compared)
        return compared.error();
    return compared->findings;
}

Result<void> SchemaVerifier::repair(QSqlDatabase &db, int version, QStringList *done)
{
    Result<Comparison> compared = compare(db, version);
    if (!compared)
        return compared.error();
    const Comparison &c = *compared;
    if (c.findings.isEmpty())
        return {};
    QHash<QString, SchemaObject> mine;
    for (const SchemaObject &o : c.expected)
        mine.insert(key(o.name), o);
    QHash<QString, SchemaObject> found;
    for (const SchemaObject &o : c.actual)
        found.insert(key(o.name), o);

    // Foreign keys and ALTER TABLE's rewriting of other tables' references stay off while tables are rebuilt:
    // dropping the old copy of a table must not cascade into the tables that point at it.
    if (Result<void> off = sql::exec(db, {{QStringLiteral("PRAGMA foreign_keys = OFF"), {}},
                                          {QStringLiteral("PRAGMA legacy_alter_table = ON"), {}}});
        !off)
        return off;
    Result<void> repaired;
    {
        sql::WriteScope transaction(db);
        repaired = transaction.isActive() ? Result<void>() : Result<void>(transaction.error());
        QStringList log;
        // Unknown objects first (triggers and views before the tables they may name), then ours.
        for (const char *type : {"trigger", "view", "index", "table"}) {
            for (const SchemaFinding &f : c.findings) {
                if (!repaired || f.kind != SchemaFinding::Kind::Unknown || f.type != QLatin1String(type))
                    continue;
                repaired = exec(db, QStringLiteral("DROP %1 IF EXISTS %2").arg(f.type.toUpper(), quoted(f.name)));
                log << tr("Removed the %1 %2, which Dubao did not make.").arg(f.type, f.name);
            }
        }
        for (const SchemaFinding &f : c.findings) {
            if (!repaired || f.kind != SchemaFinding::Kind::Altered)
                continue;
            const SchemaObject &o = mine[key(f.name)];
            if (f.type == QLatin1String("table")) {
                repaired = rebuildTable(db, o, c.expected);
            } else {
                repaired = exec(db, QStringLiteral("DROP %1 %2").arg(f.type.toUpper(), quoted(f.name)));
                if (repaired)
                    repaired = exec(db, o.sql);
            }
            log << tr("Made the %1 %2 again as Dubao makes it.").arg(f.type, f.name);
        }
        for (const SchemaObject &o : c.expected) {
            const bool missing = !found.contains(key(o.name)) || found[key(o.name)].type != o.type;
            if (!repaired || !missing || o.sql.isEmpty())
                continue;
            if (existsNow(db, o.name))
                continue; // a shadow table, made again with its virtual table
            repaired = exec(db, o.sql);
            log << tr("Made the missing %1 %2 again.").arg(o.type, o.name);
        }
        if (repaired)
            repaired = transaction.commit();
        if (repaired && done)
            *done << log;
    }
    const Result<void> on = sql::exec(db, {{QStringLiteral("PRAGMA legacy_alter_table = OFF"), {}},
                                           {QStringLiteral("PRAGMA foreign_keys = ON"), {}}});
    if (!repaired)
        return repaired;
    return on;
}

QString SchemaVerifier::describe(const QList<SchemaFinding> &findings)
{
    QStringList parts;
    for (const SchemaFinding &f : findings)
        parts << QStringLiteral("%1 %2 (%3)").arg(f.type, f.name, kindText(f.kind));
    return parts.join(QStringLiteral(", "));
}

} // namespace dubao
