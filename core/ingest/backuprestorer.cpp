// Restoring from a backup: see backuprestorer.h.
#include "core/ingest/backuprestorer.h"

#include "core/annotate/correcting.h"
#include "core/ingest/reanchorer.h"
#include "core/parse/issuefile.h"
#include "core/search/searchindex.h"
#include "core/store/backup.h"
#include "core/store/backupchunks.h"
#include "core/store/backupmanifest.h"
#include "core/store/backupobjects.h"
#include "core/store/cancelguard.h"
#include "core/store/correctionrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/librarycopy.h"
#include "core/store/sql.h"
#include "core/store/teambackup.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

namespace dubao {

namespace {

constexpr qsizetype kListsPerTransaction = 8; ///< 2,048 issues, ~30 MB of text
constexpr qint64 kRestoreCacheKiB = 128 * 1024;

void removeLibraryFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

/// The highlights and notes of issues that today's parser made into other paragraphs (new ids), orphaned by
/// restoreWork(), placed again as a re-parse places them (reanchorer.h): by their stored quote and context in the
/// issue's new text. Every paragraph and article of the issue is new and "untouched", so only the orphans naming
/// the issue move (with those that were orphans before, as a re-parse gives them a chance too); the tags were
/// already placed by their text (tag_anchors).
Result<void> reanchorReshaped(QSqlDatabase db, const QList<qint64> &issueIds)
{
    QSqlQuery q(db);
    for (const qint64 issueId : issueIds) {
        reanchoring::Texts texts;
        texts.newIssue.id = issueId;
        if (Result<void> read = sql::select(q,
                                            QStringLiteral("SELECT a.id, a.title, b.id, b.text FROM articles a "
                                                           "LEFT JOIN blocks b ON b.article_id = a.id "
                                                           "WHERE a.issue_id = ? ORDER BY a.position, b.position"),
                                            {issueId});
            !read)
            return read;
        qint64 lastArticle = -1;
        while (q.next()) {
            if (const qint64 articleId = q.value(0).toLongLong(); articleId != lastArticle) {
                lastArticle = articleId;
                Article article;
                article.id = articleId;
                article.title = q.value(1).toString();
                texts.newIssue.parsed.articles.append(article);
                texts.newTexts.append({article.title, {}});
                texts.keptArticles.insert(articleId);
            }
            if (q.value(2).isNull())
                continue;
            Block block;
            block.id = q.value(2).toLongLong();
            texts.newIssue.parsed.articles.last().blocks.append(block);
            texts.newTexts.last().blocks.append(q.value(3).toString());
            texts.untouched.insert(block.id);
        }
        q.finish();
        reanchoring::Reanchorer reanchorer(db, issueId, texts);
        ReanchorCounts counts;
        if (Result<void> loaded = reanchorer.load(); !loaded)
            return loaded;
        if (Result<void> applied = reanchorer.apply(counts); !applied)
            return applied;
    }
    return {};
}

} // namespace

Result<RestoreReport> BackupRestorer::rebuild(const QString &backup, const QString &target,
                                              const RestoreOptions &options)
{
    RestoreReport report;
    const Result<QList<QString>> lists = backupmanifest::issueLists(backup);
    if (!lists)
        return lists.error();
    BackupObjects objects;
    if (Result<void> opened = objects.open(Backup::objectsFileOf(backup), false); !opened)
        return opened.error();
    const qint64 total = backupmanifest::issueCount(backup);
    auto cancelled = [&] {
        return options.cancel && options.cancel->load();
    };

    removeLibraryFiles(target);
    const Result<void> built = [&]() -> Result<void> {
        Library library;
        if (Result<void> opened = library.open(target); !opened)
            return opened;
        QSqlDatabase db = library.database();
        // The file is new and removed on any failure, cancel or kill (a kill's by the next sweep): it needs no
        // crash safety until it is complete. A rollback journal kept in memory and no syncs write each page
        // once into the file, instead of into the WAL and again by every checkpoint; the bigger cache keeps the
        // uid indexes' randomly placed pages and the search index's merges from being written more than once per
        // commit. The last transaction (the user's tables) syncs everything (synchronous FULL) and the file
        // leaves in WAL mode, as every library.
        if (Result<void> fast = sql::exec(db, QStringLiteral("PRAGMA journal_mode = MEMORY")); !fast)
            return fast;
        if (Result<void> fast = sql::exec(db, QStringLiteral("PRAGMA synchronous = OFF")); !fast)
            return fast;
        const sql::CacheSizeScope cache(db, kRestoreCacheKiB);
        IssueRepository issues(library);
        // The user's tables, from their chunks (a backup of format 2) into a temporary file, once: the corrections
        // are applied as issues are parsed, the rest copied at the end.
        const Result<backupchunks::WorkFile> work =
            backupchunks::expand(backup, Backup::objectsFileOf(backup), options.cancel);
        if (!work && cancelled()) {
            report.cancelled = true;
            return {};
        }
        if (!work)
            return work.error();
        const QHash<qint64, QList<Correction>> corrections = CorrectionRepository::inBackup(work->path());
        // One transaction per kListsPerTransaction issue lists (256 issues each), indexed at its end as an import
        // indexes a batch: fewer commits write the pages that every batch touches (the uid indexes, the search
        // index's structure) fewer times, and make fewer, larger search index segments to merge.
        for (qsizetype first = 0; first < lists->size(); first += kListsPerTransaction) {
            if (cancelled()) {
                report.cancelled = true;
                return {};
            }
            QList<backupmanifest::IssueEntry> entries;
            for (qsizetype k = first; k < std::min(lists->size(), first + kListsPerTransaction); ++k) {
                const Result<QByteArray> json = objects.get(lists->at(k));
                if (!json)
                    return json.error();
                const Result<QList<backupmanifest::IssueEntry>> list = backupmanifest::parseIssueList(*json);
                if (!list)
                    return list.error();
                entries += *list;
            }
            sql::WriteScope batch(db);
            if (!batch.isActive())
                return batch.error();
            if (Result<void> deferred = SearchIndex::deferIndexing(db); !deferred)
                return deferred;
            QList<qint64> issueIds;
            for (const backupmanifest::IssueEntry &entry : std::as_const(entries)) {
                if (cancelled()) {
                    report.cancelled = true;
                    return {};
                }
                const Result<QByteArray> bytes = objects.get(entry.sha256);
                if (!bytes)
                    return bytes.error();
                IssueFileResult parsed = parseIssueBytes(*bytes, entry.path, entry.sha256);
                if (!parsed.ok) {
                    report.warnings << tr("%1: cannot parse the issue's original bytes (%2); not restored")
                                           .arg(entry.path, parsed.error);
                    continue;
                }
                const IssueInfo parsedInfo = parsed.issue.issue;
                parsed.issue.issue = entry.info;
                if (!entry.yearEvidenceKept) { // a list written before it kept them: today's parse's
                    parsed.issue.issue.yearAlternatives = parsedInfo.yearAlternatives;
                    parsed.issue.issue.yearEvidence = parsedInfo.yearEvidence;
                }
                const StoredIdentity &identity = entry.identity;
                // The reader's corrections, applied as they were: the paragraphs keep the ids they had.
                if (const auto it = corrections.constFind(identity.issueId); it != corrections.cend())
                    parsed.issue.articles = correcting::apply(parsed.issue.articles, *it).articles;
                bool sameShape = identity.articleIds.size() == parsed.issue.articles.size();
                for (qsizetype a = 0; sameShape && a < parsed.issue.articles.size(); ++a)
                    sameShape = identity.blockIds.at(a).size() == parsed.issue.articles.at(a).blocks.size();
                report.newShapes += sameShape ? 0 : 1;
                if (!sameShape) {
                    if (Result<void> marked = backupmanifest::markVanished(db, identity); !marked)
                        return marked;
                }
                const Result<qint64> inserted = issues.insert(parsed.issue, &identity);
                if (!inserted)
                    return inserted.error().prefixed(entry.path);
                if (Result<void> lineage = backupmanifest::insertLineage(db, entry); !lineage)
                    return lineage;
                issueIds.append(*inserted);
                ++report.issues;
                if (options.progress)
                    options.progress(report.issues, total);
            }
            if (Result<void> indexed = SearchIndex::indexDeferred(db, issueIds); !indexed)
                return indexed;
            if (Result<void> committed = batch.commit(); !committed)
                return committed;
        }
        // Its commit syncs the file: every page written without syncs reaches the disk before the rename.
        if (Result<void> safe = sql::exec(db, QStringLiteral("PRAGMA synchronous = FULL")); !safe)
            return safe;
        const Result<int> orphaned = backupmanifest::restoreWork(db, work->path(), reanchorReshaped);
        if (!orphaned)
            return orphaned.error();
        report.orphaned = *orphaned;
        return sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL"));
    }();
    if (!built || report.cancelled) {
        removeLibraryFiles(target);
        if (!built)
            return built.error();
    }
    return report;
}

Result<RestoreReport> BackupRestorer::restore(const QString &backup, const QString &libraryPath,
                                              const RestoreOptions &options)
{
    if (Result<void> verified = Backup::verify(backup); !verified)
        return verified.error();
    Backup::sweep(libraryPath);
    if (!Backup::isManifest(backup)) {
        const Result<QString> kept = Backup::restore(backup, libraryPath, options.keep);
        if (!kept)
            return kept.error();
        RestoreReport report;
        report.keptCopy = *kept;
        return report;
    }
    const QString temp = QFileInfo(libraryPath).absoluteFilePath() +
                         QStringLiteral(".restoring-%1").arg(QCoreApplication::applicationPid());
    Result<RestoreReport> report = rebuild(backup, temp, options);
    if (!report || report->cancelled)
        return report;
    const Result<QString> kept = Backup::keepBeforeRestore(libraryPath, options.keep);
    if (!kept) {
        removeLibraryFiles(temp);
        return kept.error();
    }
    report->keptCopy = *kept;
    if (Result<void> replaced = Backup::replaceLibrary(temp, libraryPath); !replaced) {
        removeLibraryFiles(temp);
        return replaced.error();
    }
    return report;
}

Result<RestoreReport> BackupRestorer::restoreIntoTeam(const QString &backup, Library &team,
                                                      const RestoreOptions &options)
{
    if (!team.isTeamLibrary())
        return Error(tr("not a team library"));
    if (Result<void> allowed = teambackup::ownerOnly(team); !allowed)
        return allowed.error();
    const auto cancelled = [&options] {
        return options.cancel && options.cancel->load();
    };
    const Result<qint64> rows = [&] {
        // A cancel also ends the count the server is running (or waiting for a lock to run).
        const CancelGuard guard(team.database(), options.cancel);
        return librarycopy::storeRows(team);
    }();
    if (!rows && cancelled()) {
        RestoreReport report;
        report.cancelled = true;
        return report;
    }
    if (!rows)
        return rows.error();
    if (*rows > 0)
        return Error(tr("a backup is restored only into an empty team library; this one holds %1 rows").arg(*rows));
    QTemporaryDir staging;
    if (!staging.isValid())
        return Error(tr("cannot make a temporary folder: %1").arg(staging.errorString()));
    const QString rebuilt = staging.filePath(QStringLiteral("restored.sqlite"));
    Result<RestoreReport> report = restore(backup, rebuilt, options); // (a new file: it replaces nothing)
    if (!report || report->cancelled)
        return report;
    report->keptCopy.clear();
    Library from;
    if (const Result<void> opened = from.open(rebuilt); !opened)
        return opened.error();
    const Result<qint64> copied = librarycopy::copyRows(from, team, options.rowProgress, options.cancel);
    if (!copied && cancelled()) {
        report->cancelled = true; // rolled back: the team library is empty, as it was
        return report;
    }
    if (!copied)
        return copied.error();
    return report;
}

} // namespace dubao
