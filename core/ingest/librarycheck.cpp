// Library checks: see librarycheck.h.
#include "core/ingest/librarycheck.h"

#include "core/search/searchindex.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/schemaverifier.h"
#include "core/store/sql.h"

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
                              "(n.highlight_id IS NOT NULL AND (h.id IS NULL OR h.block_id IS NOT n.block_id)))"))) {
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

} // namespace

CheckReport LibraryCheck::check(Library &library, const std::atomic_bool *cancel, bool full)
{
    CheckReport report;
    QSqlDatabase db = library.database();
    const CancelGuard guard(sql::handle(db), cancel);
    const QString kRestoreAdvice =
        tr("Restore the newest good backup (File → Restore from Backup…, or dubao-cli restore FILE); the backups "
           "are in the folder beside the library whose name ends in \".backups\".");
    auto problem = [&](const QString &code, const QString &message, const QString &repair, bool repairable) {
        report.problems.append(CheckProblem{code, message, repair, repairable});
    };

    // 0. The schema: only the tables, indexes, triggers and views this Dubao makes (docs/safety.md).
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
    // 1. SQLite's own check of the file.
    {
        QSqlQuery q(db);
        QStringList lines;
        if (!q.exec(full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"))) {
            lines << q.lastError().text();
        } else {
            while (q.next())
                lines << q.value(0).toString();
        }
        if (lines != QStringList{QStringLiteral("ok")}) {
            problem(QStringLiteral("integrity"),
                    tr("The library file is damaged (SQLite integrity check: %1).")
                        .arg(lines.mid(0, 5).join(QStringLiteral("; "))),
                    kRestoreAdvice, false);
        }
    }
    // 2. References between tables.
    {
        QSqlQuery q(db);
        int rows = 0;
        QStringList examples;
        if (q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
            while (q.next()) {
                if (++rows <= 5)
                    examples << QStringLiteral("%1 row %2 → %3")
                                    .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
            }
        }
        if (rows > 0) {
            problem(QStringLiteral("foreign-key"),
                    tr("%1 rows point to rows that no longer exist (%2).")
                        .arg(rows)
                        .arg(examples.join(QStringLiteral("; "))),
                    kRestoreAdvice, false);
        }
    }
    // 3. Structure: every block in an article, every article in an issue.
    {
        const qint64 strayBlocks =
            count(db, QStringLiteral("SELECT count(*) FROM blocks WHERE article_id NOT IN (SELECT id FROM articles)"));
        if (strayBlocks > 0)
            problem(QStringLiteral("structure"), tr("%1 paragraphs belong to no article.").arg(strayBlocks),
                    kRestoreAdvice, false);
        const qint64 strayArticles =
            count(db, QStringLiteral("SELECT count(*) FROM articles WHERE issue_id NOT IN (SELECT id FROM issues)"));
        if (strayArticles > 0)
            problem(QStringLiteral("structure"), tr("%1 articles belong to no issue.").arg(strayArticles),
                    kRestoreAdvice, false);
    }
    // 4. Annotations: anchored where they say, or orphans.
    if (tableExists(db, QStringLiteral("highlights"))) {
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
        const qint64 badEntries = count(
            db, QStringLiteral("SELECT count(*) FROM notebook_entries e WHERE "
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
            problem(QStringLiteral("tags"),
                    tr("%1 tags are their own ancestors (a cycle in the tag tree).").arg(cyclic),
                    tr("Move one of them to the top level (dubao-cli tag move TAG /)."), false);
    }
    // 5. The full-text index: FTS5's own check, and every paragraph has its key.
    if (tableExists(db, QStringLiteral("search_blocks"))) {
        const QStringList tables{QStringLiteral("search_blocks"), QStringLiteral("search_articles"),
                                 QStringLiteral("search_notes")};
        QStringList broken;
        // FTS5's integrity-check is an INSERT: not possible on a read-only library (the counts still are).
        if (library.isReadOnly())
            report.notices << tr("The library is read-only: the search index's own check was skipped.");
        for (const QString &t : tables) {
            if (library.isReadOnly() || !tableExists(db, t))
                continue;
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("INSERT INTO %1(%1) VALUES('integrity-check')").arg(t)))
                broken << QStringLiteral("%1: %2").arg(t, q.lastError().databaseText());
        }
        const qint64 blocks = count(db, QStringLiteral("SELECT count(*) FROM blocks"));
        const SearchIndex::Stats stats = SearchIndex::stats(library);
        if (stats.blocks != blocks)
            broken << QStringLiteral("%1 paragraphs, %2 in the index").arg(blocks).arg(stats.blocks);
        if (!broken.isEmpty())
            problem(QStringLiteral("search-index"),
                    tr("The search index is damaged (%1); searches may miss or show wrong results.")
                        .arg(broken.join(QStringLiteral("; "))),
                    tr("Run dubao-cli check --repair (or dubao-cli reindex) to rebuild it from the library; "
                       "nothing else changes."),
                    true);
        else if (SearchIndex::needsRebuild(library))
            report.notices << tr("The search index is waiting to be rebuilt (it is from another version, or its "
                                 "rebuild was interrupted); the app rebuilds it when it opens the library, or run "
                                 "dubao-cli check --repair.");
    } else {
        report.notices << tr("The library has no search index yet; it is built when the app opens it.");
    }
    if (cancel && cancel->load()) {
        report = {}; // statements were interrupted: what they reported means nothing
        report.cancelled = true;
    }
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
    // A search table made again is empty: the index is rebuilt from the library.
    bool rebuild = searchRemade || SearchIndex::needsRebuild(library);
    for (const CheckProblem &p : before.problems) {
        if (p.code == QLatin1String("search-index"))
            rebuild = true;
    }
    if (tableExists(db, QStringLiteral("highlights"))) {
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
