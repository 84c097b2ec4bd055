// Library checks: see librarycheck.h.
#include "core/ingest/librarycheck.h"

#include "core/search/searchindex.h"
#include "core/store/cancelguard.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/schemaverifier.h"
#include "core/store/sql.h"
#include "core/store/teampolicies.h"
#include "core/store/teamroles.h"

#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dubao {

namespace {

bool tableExists(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next();
}

qint64 count(QSqlDatabase &db, const QString &sql, bool *ok = nullptr)
{
    QSqlQuery q(db);
    const bool good = q.exec(sql) && q.next();
    if (ok)
        *ok = good;
    return good ? q.value(0).toLongLong() : 0;
}

struct Unanchored
{
    QList<qint64> highlights;
    QList<qint64> notes;
};

/// Highlights whose quote is no longer the block's text at [start, end), and notes on a highlight that is
/// not on the note's block. Orphans (orphan = 1 or block_id NULL) are fine by definition.
Unanchored findUnanchored(QSqlDatabase &db)
{
    Unanchored result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT h.id, h.start, h.\"end\", h.quote, b.text FROM highlights h "
                              "LEFT JOIN blocks b ON b.id = h.block_id "
                              "WHERE h.block_id IS NOT NULL AND h.orphan = 0"))) {
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (q.value(4).isNull() || q.value(1).isNull() || q.value(2).isNull()) {
                result.highlights.append(id);
                continue;
            }
            const int start = q.value(1).toInt();
            const int end = q.value(2).toInt();
            const QString text = q.value(4).toString();
            if (start < 0 || end < start || end > text.size() || text.mid(start, end - start) != q.value(3).toString())
                result.highlights.append(id);
        }
    }
    if (q.exec(QStringLiteral("SELECT n.id FROM notes n LEFT JOIN blocks b ON b.id = n.block_id "
                              "LEFT JOIN highlights h ON h.id = n.highlight_id "
                              "WHERE n.block_id IS NOT NULL AND n.orphan = 0 AND (b.id IS NULL OR "
                              "(n.highlight_id IS NOT NULL AND (h.id IS NULL OR "
                              "h.block_id IS DISTINCT FROM n.block_id)))"))) {
        while (q.next())
            result.notes.append(q.value(0).toLongLong());
    }
    return result;
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qsizetype k = 0; k < ids.size() && k < 20; ++k)
        parts << QString::number(ids[k]);
    if (ids.size() > 20)
        parts << QStringLiteral("… (%1 in all)").arg(ids.size());
    return parts.join(QStringLiteral(", "));
}

QString quotedName(QString name)
{
    return QLatin1Char('"') + name.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

/// The tables no restore or re-index could make again, which the quick check reads page by page: every table
/// but the parse (made again from the issues' bytes), the search index and the tables a layer registered as
/// derived (schema::registerDerivedTables()).
QStringList irreplaceableTables(QSqlDatabase &db)
{
    static const QSet<QString> parse{QStringLiteral("articles"), QStringLiteral("blocks"), QStringLiteral("reporters"),
                                     QStringLiteral("article_reporters")};
    QStringList tables{QStringLiteral("sqlite_schema")};
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE "
                               "VIRTUAL%' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return tables;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (!parse.contains(name) && !name.startsWith(QLatin1String("search_")) &&
            !schema::isRegisteredDerivedTable(name))
            tables << name;
    }
    return tables;
}

/// Every paragraph, headline and note has its entry in the search index, and no entry is left over (by the
/// tables' counts, which SQLite takes from their smallest index).
QStringList searchIndexCounts(QSqlDatabase &db)
{
    QStringList broken;
    auto compare = [&](const QString &what, const QString &table, const QString &indexTable) {
        if (!tableExists(db, table) || !tableExists(db, indexTable))
            return;
        const qint64 rows = count(db, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        const qint64 entries = count(db, QStringLiteral("SELECT count(*) FROM %1").arg(indexTable));
        if (rows != entries)
            broken << QStringLiteral("%1 %2, %3 in the index").arg(rows).arg(what).arg(entries);
    };
    compare(QStringLiteral("paragraphs"), QStringLiteral("blocks"), QStringLiteral("search_block_keys"));
    compare(QStringLiteral("headlines"), QStringLiteral("articles"), QStringLiteral("search_articles_docsize"));
    compare(QStringLiteral("notes"), QStringLiteral("notes"), QStringLiteral("search_notes_docsize"));
    return broken;
}

} // namespace

/// Step 4 of check(): highlights and notes anchored where they say (or orphans), notebook entries that show
/// something, tag chains that end.
void LibraryCheck::checkAnnotations(QSqlDatabase &db, CheckReport &report)
{
    const QString kRestoreAdvice = restoreAdvice();
    auto problem = [&](const QString &code, const QString &message, const QString &repair, bool repairable) {
        report.problems.append(CheckProblem{code, message, repair, repairable});
    };
    const Unanchored lost = findUnanchored(db);
    if (!lost.highlights.isEmpty())
        problem(QStringLiteral("anchor"),
                tr("%1 highlights no longer match the text of their paragraph (ids %2).")
                    .arg(lost.highlights.size())
                    .arg(idList(lost.highlights)),
                tr("Run dubao-cli check --repair to list them as orphans (nothing is deleted; reattach them "
                   "from the orphans list)."),
                true);
    if (!lost.notes.isEmpty())
        problem(QStringLiteral("anchor"),
                tr("%1 notes are not on the paragraph of their highlight (ids %2).")
                    .arg(lost.notes.size())
                    .arg(idList(lost.notes)),
                tr("Run dubao-cli check --repair to list them as orphans (nothing is deleted)."), true);
    const qint64 badEntries =
        count(db, QStringLiteral("SELECT count(*) FROM notebook_entries e WHERE "
                                 "(e.highlight_id IS NOT NULL AND e.highlight_id NOT IN (SELECT id FROM highlights)) "
                                 "OR (e.note_id IS NOT NULL AND e.note_id NOT IN (SELECT id FROM notes)) "
                                 "OR e.notebook_id NOT IN (SELECT id FROM notebooks)"));
    if (badEntries > 0)
        problem(QStringLiteral("notebook"),
                tr("%1 notebook entries show a highlight, note or notebook that no longer exists.").arg(badEntries),
                kRestoreAdvice, false);
    // Tag parent chains end at the top level (a cycle never does).
    const qint64 cyclic = count(db, QStringLiteral("WITH RECURSIVE up(id, parent, depth) AS ("
                                                   "  SELECT id, parent_id, 0 FROM tags"
                                                   "  UNION ALL SELECT up.id, t.parent_id, up.depth + 1 FROM up "
                                                   "  JOIN tags t ON t.id = up.parent WHERE up.depth < 1000) "
                                                   "SELECT count(DISTINCT id) FROM up WHERE depth >= 1000"));
    if (cyclic > 0)
        problem(QStringLiteral("tags"), tr("%1 tags are their own ancestors (a cycle in the tag tree).").arg(cyclic),
                tr("Move one of them to the top level (dubao-cli tag move TAG /)."), false);
}

void LibraryCheck::checkStructure(QSqlDatabase &db, CheckReport &report)
{
    const qint64 strayBlocks =
        count(db, QStringLiteral("SELECT count(*) FROM blocks WHERE article_id NOT IN (SELECT id FROM articles)"));
    if (strayBlocks > 0)
        report.problems.append(CheckProblem{QStringLiteral("structure"),
                                            tr("%1 paragraphs belong to no article.").arg(strayBlocks), restoreAdvice(),
                                            false});
    const qint64 strayArticles =
        count(db, QStringLiteral("SELECT count(*) FROM articles WHERE issue_id NOT IN (SELECT id FROM issues)"));
    if (strayArticles > 0)
        report.problems.append(CheckProblem{QStringLiteral("structure"),
                                            tr("%1 articles belong to no issue.").arg(strayArticles), restoreAdvice(),
                                            false});
}

void LibraryCheck::checkTeamPolicies(QSqlDatabase &db, CheckReport &report)
{
    // Row-level security (teampolicies.h): on, it is worth saying; on some tables only, or off while the library
    // has annotators, a colleague's annotations are not protected: a problem the owner fixes with `team init`.
    const Result<team::PolicyState> state = team::policyState(db);
    if (!state)
        return;
    const QString sentence = team::describe(*state);
    if (*state == team::PolicyState::Installed) {
        report.notices.append(sentence);
        return;
    }
    const bool annotators = sql::scalar(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"),
                                        {team::groupName(db.databaseName(), team::Role::Annotator)})
                                .isValid();
    if (*state == team::PolicyState::Missing && !annotators) {
        report.notices.append(sentence);
        return;
    }
    report.problems.append(CheckProblem{QStringLiteral("team-policies"), sentence,
                                        tr("The library's owner runs: dubao-cli --library URL team init"), false});
}

CheckReport LibraryCheck::checkTeamLibrary(Library &library, const CheckOptions &options)
{
    CheckReport report;
    report.full = options.full;
    QSqlDatabase db = library.database();
    const std::atomic_bool *cancel = options.cancel;
    auto cancelled = [cancel] {
        return cancel && cancel->load();
    };
    const int total = 2;
    if (options.progress)
        options.progress(0, total, tr("the paragraphs and articles"));
    checkStructure(db, report);
    if (!cancelled()) {
        if (options.progress)
            options.progress(1, total, tr("the annotations"));
        checkAnnotations(db, report);
    }
    if (cancelled()) {
        report = {};
        report.cancelled = true;
        return report;
    }
    checkTeamPolicies(db, report);
    if (options.progress)
        options.progress(total, total, QString());
    report.scope = tr("Team library check: the paragraphs and articles, and every highlight, note and notebook entry "
                      "against the text. The PostgreSQL server keeps its own storage sound and enforces the "
                      "references between tables on every write; its administrator checks and backs up the "
                      "database itself.");
    return report;
}

QString LibraryCheck::restoreAdvice()
{
    return tr("Restore the newest good backup (File → Restore from Backup…, or dubao-cli restore FILE); the backups "
              "are in the folder beside the library whose name ends in \".backups\".");
}

CheckReport LibraryCheck::check(Library &library, const CheckOptions &options)
{
    if (dialect::isPostgres(library.database()))
        return checkTeamLibrary(library, options);
    CheckReport report;
    report.full = options.full;
    QSqlDatabase db = library.database();
    const std::atomic_bool *cancel = options.cancel;
    const CancelGuard guard(sql::handle(db), cancel);
    const QString kRestoreAdvice = restoreAdvice();
    auto problem = [&](const QString &code, const QString &message, const QString &repair, bool repairable) {
        report.problems.append(CheckProblem{code, message, repair, repairable});
    };
    const QStringList kept = options.full ? QStringList() : irreplaceableTables(db);
    const bool hasSearch = tableExists(db, QStringLiteral("search_blocks"));
    const QStringList searchTables{QStringLiteral("search_blocks"), QStringLiteral("search_articles"),
                                   QStringLiteral("search_notes")};
    // Steps, for the progress: the schema, SQLite's check (one per table kept when quick), the references, the
    // structure, the annotations, the search index (FTS5's check of each table when full).
    const int total = 4 + (options.full ? 1 + int(searchTables.size()) : int(kept.size()) + 1);
    int done = 0;
    auto step = [&](const QString &what) {
        if (options.progress && !(cancel && cancel->load()))
            options.progress(done, total, what);
        ++done;
    };

    // 0. The schema: only the tables, indexes, triggers and views this Dubao makes (docs/safety.md).
    step(tr("the schema"));
    {
        const int version = int(count(db, QStringLiteral("PRAGMA user_version")));
        const Result<QList<SchemaFinding>> findings = SchemaVerifier::verify(db, version);
        if (!findings)
            problem(QStringLiteral("schema"),
                    tr("The library's schema cannot be verified: %1").arg(findings.error().message()), kRestoreAdvice,
                    false);
        else if (!findings->isEmpty())
            problem(QStringLiteral("schema"),
                    tr("The library holds database objects that this version of Dubao did not make, or changed ones "
                       "of its own: %1. They could change or delete your work, so Dubao opens the library "
                       "read-only.")
                        .arg(SchemaVerifier::describe(*findings)),
                    tr("Run dubao-cli check --repair: it keeps a copy of the library, then removes the unknown "
                       "objects and makes Dubao's own again."),
                    true);
    }
    // Pages read through a mapping of the file (at most 2 GB in Debian's SQLite): read cold, the 1 GB library's
    // original bytes are checked in half the time it takes page by page (6.3 → 3.3 s; docs/schema.md). The
    // connection's own setting comes back at the end.
    const qint64 mmapBefore = count(db, QStringLiteral("PRAGMA mmap_size"));
    count(db, QStringLiteral("PRAGMA mmap_size = 2147418112"));
    const auto restoreMmap =
        qScopeGuard([&db, mmapBefore] { count(db, QStringLiteral("PRAGMA mmap_size = %1").arg(mmapBefore)); });
    // 1. SQLite's own check of the file: of every page when full; else of the tables nothing could make again,
    // table by table (PRAGMA quick_check(TABLE), SQLite >= 3.33), which also gives the progress.
    {
        QStringList lines;
        auto sqliteCheck = [&](const QString &pragma) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(pragma)) {
                lines << q.lastError().text();
                return;
            }
            while (q.next()) {
                if (const QString line = q.value(0).toString(); line != QLatin1String("ok"))
                    lines << line;
            }
        };
        if (options.full) {
            step(tr("every page of the file"));
            sqliteCheck(QStringLiteral("PRAGMA integrity_check"));
        }
        for (const QString &table : kept) {
            step(table);
            sqliteCheck(QStringLiteral("PRAGMA quick_check(%1)").arg(quotedName(table)));
        }
        if (!lines.isEmpty()) {
            problem(QStringLiteral("integrity"),
                    tr("The library file is damaged (SQLite integrity check: %1).")
                        .arg(lines.mid(0, 5).join(QStringLiteral("; "))),
                    kRestoreAdvice, false);
        }
    }
    // 2. References between tables: all when full, else from the tables kept (to whatever they point at).
    step(tr("the references between tables"));
    {
        int rows = 0;
        QStringList examples;
        auto foreignKeys = [&](const QString &pragma) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(pragma))
                return;
            while (q.next()) {
                if (++rows <= 5)
                    examples << QStringLiteral("%1 row %2 → %3")
                                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            }
        };
        if (options.full)
            foreignKeys(QStringLiteral("PRAGMA foreign_key_check"));
        for (const QString &table : kept)
            foreignKeys(QStringLiteral("PRAGMA foreign_key_check(%1)").arg(quotedName(table)));
        if (rows > 0) {
            problem(QStringLiteral("foreign-key"),
                    tr("%1 rows point to rows that no longer exist (%2).")
                        .arg(rows)
                        .arg(examples.join(QStringLiteral("; "))),
                    kRestoreAdvice, false);
        }
    }
    // 3. Structure: every block in an article, every article in an issue (by the tables' indexes: cheap).
    step(tr("the paragraphs and articles"));
    checkStructure(db, report);
    // 4. Annotations: anchored where they say, or orphans.
    step(tr("the annotations"));
    if (tableExists(db, QStringLiteral("highlights")))
        checkAnnotations(db, report);
    // 5. The full-text index: every paragraph, headline and note has its entry; FTS5's own check when full.
    if (hasSearch) {
        QStringList broken;
        if (options.full) {
            // FTS5's integrity-check is an INSERT: not possible on a read-only library (the counts still are).
            if (library.isReadOnly())
                report.notices << tr("The library is read-only: the search index's own check was skipped.");
            for (const QString &t : searchTables) {
                step(tr("the search index (%1)").arg(t));
                if (library.isReadOnly() || !tableExists(db, t))
                    continue;
                QSqlQuery q(db);
                if (!q.exec(QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')").arg(t)))
                    broken << QStringLiteral("%1: %2").arg(t, q.lastError().databaseText());
            }
        } else {
            step(tr("the search index's entries"));
        }
        const bool waiting = SearchIndex::needsRebuild(library); // its entries are incomplete by design
        if (!waiting)
            broken << searchIndexCounts(db);
        if (!broken.isEmpty())
            problem(QStringLiteral("search-index"),
                    tr("The search index is damaged (%1); searches may miss or show wrong results.")
                        .arg(broken.join(QStringLiteral("; "))),
                    tr("Run dubao-cli check --repair (or dubao-cli reindex) to rebuild it from the library; "
                       "nothing else changes."),
                    true);
        else if (waiting)
            report.notices << tr("The search index is waiting to be rebuilt (it is from another version, or its "
                                 "rebuild was interrupted); the app rebuilds it when it opens the library, or run "
                                 "dubao-cli check --repair.");
    } else {
        step(tr("the search index's entries"));
        report.notices << tr("The library has no search index yet; it is built when the app opens it.");
    }
    if (cancel && cancel->load()) {
        report = {}; // statements were interrupted: what they reported means nothing
        report.cancelled = true;
        return report;
    }
    if (options.progress)
        options.progress(total, total, QString());
    report.scope = options.full
                       ? tr("Full check: every page of the library file, every reference between its tables, the "
                            "annotations and the search index's own check.")
                       : tr("Quick check: every page of what no restore could make again (the issues, their original "
                            "bytes and your work); the paragraphs, articles and the search and people indexes, which "
                            "a restore or re-index rebuilds from the issues, only by their counts and references. "
                            "Run a full check (dubao-cli check --full) to read every page.");
    return report;
}

CheckReport LibraryCheck::repair(Library &library)
{
    QStringList repaired;
    // The schema first: until it is Dubao's own, nothing may write (a trigger of the file's would run).
    bool searchRemade = false;
    for (const SchemaFinding &f : library.schemaFindings())
        searchRemade = searchRemade || f.name.startsWith(QLatin1String("search_"), Qt::CaseInsensitive);
    if (!library.schemaFindings().isEmpty()) {
        if (Result<void> made = library.repairSchema(&repaired); !made) {
            CheckReport report = check(library);
            report.repaired = repaired;
            report.problems.prepend(CheckProblem{QStringLiteral("schema"), made.error().message(), QString(), false});
            return report;
        }
    }
    const CheckReport before = check(library);
    QSqlDatabase db = library.database();
    const bool team = dialect::isPostgres(db);
    // A search table made again is empty: the index is rebuilt from the library (an SQLite library's).
    bool rebuild = !team && (searchRemade || SearchIndex::needsRebuild(library));
    for (const CheckProblem &p : before.problems) {
        if (p.code == QLatin1String("search-index"))
            rebuild = !team;
    }
    if (team || tableExists(db, QStringLiteral("highlights"))) {
        const Unanchored lost = findUnanchored(db);
        if (!lost.highlights.isEmpty() || !lost.notes.isEmpty()) {
            sql::WriteScope transaction(db);
            QSqlQuery h(db), n(db);
            h.prepare(QStringLiteral("UPDATE highlights SET block_id = NULL, orphan = 1 WHERE id = ?"));
            n.prepare(QStringLiteral("UPDATE notes SET block_id = NULL, orphan = 1 WHERE id = ?"));
            bool ok = transaction.isActive();
            QSqlQuery hn(db);
            hn.prepare(QStringLiteral("UPDATE notes SET block_id = NULL, orphan = 1 WHERE highlight_id = ?"));
            for (qint64 id : lost.highlights) {
                h.addBindValue(id);
                ok = ok && h.exec();
                hn.addBindValue(id); // a note on a highlight follows it
                ok = ok && hn.exec();
            }
            for (qint64 id : lost.notes) {
                n.addBindValue(id);
                ok = ok && n.exec();
            }
            if (ok && transaction.commit())
                repaired << tr("Listed %1 highlights and %2 notes as orphans.")
                                .arg(lost.highlights.size())
                                .arg(lost.notes.size());
        }
    }
    if (rebuild) {
        if (SearchIndex::rebuild(library, {}, nullptr))
            repaired << tr("Rebuilt the search index.");
    }
    CheckReport after = check(library);
    after.repaired = repaired;
    return after;
}

} // namespace dubao
