#include "store/importer.h"

#include "parse/issuefile.h"
#include "search/searchindex.h"
#include "store/issuerepository.h"
#include "store/library.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>

namespace dubao {

namespace {

bool isIssueFileName(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
}

bool isReadableFolder(const QFileInfo &info)
{
    // Listing a folder needs read permission, entering it execute permission.
    return info.isReadable() && info.isExecutable();
}

} // namespace

Importer::Importer(Library &library)
    : m_library(library)
{}

QStringList Importer::expandPaths(const QStringList &paths, QList<ImportReport::Failure> *failures)
{
    QStringList files;
    auto fail = [&](const QString &path, const QString &reason) {
        if (failures)
            failures->append({path, reason});
    };

    for (const QString &given : paths) {
        const QFileInfo info(given);
        const QString path = QDir::cleanPath(info.absoluteFilePath());
        if (!info.exists()) {
            fail(path, QStringLiteral("no such file or folder"));
        } else if (info.isDir()) {
            if (!isReadableFolder(info)) {
                fail(path, QStringLiteral("cannot read folder"));
                continue;
            }
            // Folders are walked so that unreadable subfolders are reported rather than silently skipped;
            // symbolic links to folders are not followed (no loops).
            QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                it.next();
                const QFileInfo entry = it.fileInfo();
                const QString entryPath = QDir::cleanPath(entry.absoluteFilePath());
                if (entry.isDir()) {
                    if (!isReadableFolder(entry))
                        fail(entryPath, QStringLiteral("cannot read folder"));
                } else if (isIssueFileName(entry.fileName())) {
                    if (entry.isReadable())
                        files.append(entryPath);
                    else
                        fail(entryPath, QStringLiteral("cannot read file"));
                }
            }
        } else if (!info.isReadable()) {
            fail(path, QStringLiteral("cannot read file"));
        } else {
            files.append(path); // named explicitly: taken whatever its extension
        }
    }

    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    if (failures) {
        std::sort(failures->begin(), failures->end(),
                  [](const ImportReport::Failure &a, const ImportReport::Failure &b) { return a.path < b.path; });
    }
    return files;
}

ImportReport Importer::importPaths(const QStringList &paths, const ProgressCallback &progress,
                                   const std::atomic_bool *cancel)
{
    ImportReport report;
    const QStringList files = expandPaths(paths, &report.failed);
    for (const auto &failure : std::as_const(report.failed))
        qCInfo(lcStore).noquote() << "import:" << failure.path << failure.reason;

    ImportProgress state;
    state.total = int(files.size());
    if (progress)
        progress(state);

    auto fail = [&](const QString &path, const QString &reason) {
        qCInfo(lcStore).noquote() << "import:" << path << reason;
        report.failed.append({path, reason});
    };

    // Files are stored in batches: one transaction for up to ~1 s or 8 MB of files, a savepoint per file.
    // A file that fails rolls back its savepoint only, so the library never holds part of an issue; a batch
    // that cannot commit reports every file in it as failed. Committing per file instead makes the full-text
    // index (FTS5 writes a segment per transaction) many times slower and larger.
    constexpr qint64 kBatchBytes = 8 * 1024 * 1024;
    constexpr qint64 kBatchMilliseconds = 1000;
    IssueRepository repository(m_library);
    QSqlDatabase db = m_library.database();
    std::unique_ptr<Transaction> batch;
    QList<ImportReport::Imported> pending; // stored in the open batch, reported once it commits
    qint64 batchBytes = 0;
    QElapsedTimer batchTimer;
    auto exec = [&db](const QString &sql) {
        QSqlQuery query(db);
        return query.exec(sql);
    };
    auto commitBatch = [&] {
        if (!batch)
            return;
        QString error;
        if (batch->commit(&error)) {
            report.imported += pending;
        } else {
            for (const auto &file : std::as_const(pending))
                fail(file.path, QStringLiteral("cannot store: ") + error);
        }
        batch.reset(); // rolls back if the commit failed
        pending.clear();
        batchBytes = 0;
    };

    // Many files: queue their text for the full-text index and index it at the end, in key order, in one go
    // (SearchIndex::beginBulkImport). If the program dies in between, the next import or a rebuild on open
    // indexes what is queued.
    constexpr qsizetype kBulkFiles = 4;
    const bool bulk = files.size() >= kBulkFiles && m_library.isOpen() && !m_library.isReadOnly() &&
                      SearchIndex::beginBulkImport(m_library);

    for (const QString &path : files) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }

        if (!m_library.isOpen()) {
            fail(path, QStringLiteral("the library is not open"));
        } else if (m_library.isReadOnly()) {
            fail(path, QStringLiteral("the library is read-only"));
        } else {
            // Hash first: content already in the library is recognised without parsing it again.
            const IssueFileBytes file = readIssueFile(path);
            const QString sha256 = file.ok ? sha256Hex(file.bytes) : QString();
            const std::optional<qint64> knownBefore =
                file.ok ? repository.findBySha256(sha256) : std::optional<qint64>();
            const IssueFileResult result =
                !file.ok || knownBefore ? IssueFileResult{} : parseIssueBytes(file.bytes, path);
            if (!file.ok) {
                fail(path, file.error);
            } else if (knownBefore) {
                report.alreadyPresent.append({path, *knownBefore});
            } else if (!result.ok) {
                fail(path, result.error.isEmpty() ? QStringLiteral("cannot parse") : result.error);
            } else {
                if (!batch) {
                    // BEGIN IMMEDIATE: the sha256 lookups below cannot race another importer of the same content.
                    batch = std::make_unique<Transaction>(db);
                    batchTimer.start();
                    if (!batch->isActive())
                        batch.reset();
                }
                QString error;
                if (!batch) {
                    fail(path, QStringLiteral("cannot start a transaction"));
                } else if (const auto present = repository.findBySha256(result.issue.source.sha256)) {
                    report.alreadyPresent.append({path, *present}); // stored earlier in this batch
                } else if (!exec(QStringLiteral("SAVEPOINT import_file"))) {
                    fail(path, QStringLiteral("cannot start a transaction"));
                } else if (const qint64 id = repository.insert(result.issue, &error); id == 0) {
                    exec(QStringLiteral("ROLLBACK TO import_file"));
                    exec(QStringLiteral("RELEASE import_file"));
                    fail(path, QStringLiteral("cannot store: ") + error);
                } else if (!exec(QStringLiteral("RELEASE import_file"))) {
                    exec(QStringLiteral("ROLLBACK TO import_file"));
                    exec(QStringLiteral("RELEASE import_file"));
                    fail(path, QStringLiteral("cannot store: ") + db.lastError().text());
                } else {
                    pending.append({path, id, int(result.issue.articles.size())});
                    batchBytes += file.bytes.size();
                }
                if (batch && (batchBytes >= kBatchBytes || batchTimer.elapsed() >= kBatchMilliseconds))
                    commitBatch();
            }
        }

        ++state.done;
        state.currentPath = path;
        if (progress)
            progress(state);
    }
    commitBatch();
    if (bulk) {
        QString error;
        if (!SearchIndex::finishBulkImport(m_library, &error))
            qCWarning(lcStore).noquote() << "cannot index the imported issues (they are indexed on next open):"
                                         << error;
    }
    return report;
}

} // namespace dubao
