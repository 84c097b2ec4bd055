#include "core/ingest/importer.h"

#include "core/parse/issuefile.h"
#include "core/parse/yearevidence.h"
#include "core/search/searchindex.h"
#include "core/store/dialect.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

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

// A file read, hashed and (unless its content was in the library when the import started) parsed.
struct PreparedFile
{
    QString path;
    IssueFileBytes file;
    QString sha256;
    bool known = false; ///< the content was in the library at the start: not parsed
    IssueFileResult result;
};

// Reads, hashes and parses the files on a thread of its own, in order, a few files ahead of the thread that
// stores them: parsing then costs the import no time as long as storing is the slower part (it is, by far).
// Parsing is pure (parseIssueBytes), so it needs no database.
class FilePreparer final
{
    Q_DISABLE_COPY_MOVE(FilePreparer)

public:
    FilePreparer(QStringList files, QSet<QString> known)
        : m_files(std::move(files))
        , m_known(std::move(known))
        , m_thread([this] { run(); })
    {}

    ~FilePreparer()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
        sourcebytes::forgetPrepared(); // files read ahead but never stored
    }

    /// The next file, in the order given; blocks until it is ready.
    PreparedFile next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        PreparedFile file = std::move(m_ready.front());
        m_ready.pop_front();
        m_readyBytes -= file.file.bytes.size();
        lock.unlock();
        m_changed.notify_all();
        return file;
    }

private:
    // Bounded by count and by bytes, so a folder of large files does not fill the memory.
    static constexpr size_t kMaxFiles = 32;
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    void run()
    {
        for (const QString &path : std::as_const(m_files)) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock,
                               [this] { return m_stop || (m_ready.size() < kMaxFiles && m_readyBytes < kMaxBytes); });
                if (m_stop)
                    return;
            }
            PreparedFile prepared;
            prepared.path = path;
            prepared.file = readIssueFile(path);
            if (prepared.file.ok) {
                prepared.sha256 = sha256Hex(prepared.file.bytes);
                prepared.known = m_known.contains(prepared.sha256);
                if (!prepared.known) {
                    prepared.result = parseIssueBytes(prepared.file.bytes, path, prepared.sha256);
                    // Compressed here rather than on the writing thread, which is the import's bound.
                    if (prepared.result.ok)
                        sourcebytes::prepare(prepared.result.issue.source.bytes);
                }
            }
            {
                const std::lock_guard lock(m_mutex);
                m_readyBytes += prepared.file.bytes.size();
                m_ready.push_back(std::move(prepared));
            }
            m_changed.notify_all();
        }
    }

    const QStringList m_files;
    const QSet<QString> m_known;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<PreparedFile> m_ready;
    qint64 m_readyBytes = 0;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above is constructed
};

QSet<QString> knownSha256(QSqlDatabase &db)
{
    QSet<QString> known;
    QSqlQuery query(db);
    dialect::readForwardOnly(query);
    if (query.exec(QStringLiteral("SELECT sha256 FROM source_files"))) {
        while (query.next())
            known.insert(query.value(0).toString().toLower());
    }
    return known;
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
            fail(path, QCoreApplication::translate("dubao::Import", "no such file or folder"));
        } else if (info.isDir()) {
            if (!isReadableFolder(info)) {
                fail(path, QCoreApplication::translate("dubao::Import", "cannot read folder"));
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
                        fail(entryPath, QCoreApplication::translate("dubao::Import", "cannot read folder"));
                } else if (isIssueFileName(entry.fileName())) {
                    if (entry.isReadable())
                        files.append(entryPath);
                    else
                        fail(entryPath, QCoreApplication::translate("dubao::Import", "cannot read file"));
                }
            }
        } else if (!info.isReadable()) {
            fail(path, QCoreApplication::translate("dubao::Import", "cannot read file"));
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

    // Files are stored in batches: one transaction for up to ~2 s or 16 MB of files, a savepoint per file.
    // A file that fails rolls back its savepoint only, so the library never holds part of an issue; a batch
    // that cannot commit reports every file in it as failed. The batch's text is indexed at its end, in the
    // same transaction (SearchIndex::deferIndexing): committing or indexing per file instead makes the
    // full-text index (FTS5 writes a segment per transaction) many times slower and larger. Each batch costs a
    // segment, its merges and a commit, so fewer, larger batches write less (docs/search.md: 1 s or 8 MB wrote
    // 1.3–1.7 GB for 100 MB of text, 16 MB alone ~1.0 GB); the time bound keeps another writer of the library
    // (an edit in the app while it imports) waiting well inside its busy_timeout of 5 s, indexing included.
    constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
    constexpr qint64 kBatchMilliseconds = 2000;
    IssueRepository repository(m_library);
    QSqlDatabase db = m_library.database();
    std::unique_ptr<sql::WriteScope> batch;
    QList<DatedIssue> imported;            // every issue stored, in the order of the files
    QList<ImportReport::Imported> pending; // stored in the open batch, reported once it commits
    qint64 batchBytes = 0;
    QElapsedTimer batchTimer;
    auto commitBatch = [&] {
        if (!batch)
            return;
        // The batch's paragraphs and headlines go into the full-text index in one go, in the same transaction.
        QList<qint64> issueIds;
        issueIds.reserve(pending.size());
        for (const auto &file : std::as_const(pending))
            issueIds.append(file.issueId);
        Result<void> stored = SearchIndex::indexDeferred(db, issueIds);
        if (stored)
            stored = batch->commit();
        if (stored) {
            report.imported += pending;
        } else {
            for (const auto &file : std::as_const(pending))
                fail(file.path, stored.error().message());
        }
        batch.reset(); // rolls back if the commit failed
        pending.clear();
        batchBytes = 0;
    };

    // Files are read, hashed and parsed on another thread, a few files ahead. The contents already in the
    // library are recognised by their hash, without parsing them again.
    std::optional<FilePreparer> preparer;
    if (m_library.isOpen() && !m_library.isReadOnly() && !files.isEmpty())
        preparer.emplace(files, knownSha256(db));

    for (const QString &path : files) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }

        if (!m_library.isOpen()) {
            fail(path, QCoreApplication::translate("dubao::Import", "the library is not open"));
        } else if (m_library.isReadOnly()) {
            fail(path, QCoreApplication::translate("dubao::Import", "the library is read-only"));
        } else {
            PreparedFile prepared = preparer->next();
            const IssueFileBytes &file = prepared.file;
            std::optional<qint64> knownBefore;
            if (file.ok && prepared.known) {
                knownBefore = repository.findBySha256(prepared.sha256);
                if (!knownBefore) // removed from the library since the import started: import it after all
                    prepared.result = parseIssueBytes(file.bytes, path, prepared.sha256);
            }
            const IssueFileResult &result = prepared.result;
            if (!file.ok) {
                fail(path, file.error);
            } else if (knownBefore) {
                report.alreadyPresent.append({path, *knownBefore});
            } else if (!result.ok) {
                fail(path, result.error.isEmpty() ? QCoreApplication::translate("dubao::Import", "cannot parse")
                                                  : result.error);
            } else {
                if (!batch) {
                    // BEGIN IMMEDIATE: the sha256 lookups below cannot race another importer of the same content.
                    batch = std::make_unique<sql::WriteScope>(db);
                    batchTimer.start();
                    if (!batch->isActive() || !SearchIndex::deferIndexing(db))
                        batch.reset();
                }
                if (!batch) {
                    fail(path, QCoreApplication::translate("dubao::Import", "cannot start a transaction"));
                } else if (const auto present = repository.findBySha256(result.issue.source.sha256)) {
                    report.alreadyPresent.append({path, *present}); // stored earlier in this batch
                } else if (sql::WriteScope fileScope(db, "import_file"); !fileScope.isActive()) {
                    fail(path, QCoreApplication::translate("dubao::Import", "cannot start a transaction"));
                } else if (const Result<qint64> id = repository.insert(result.issue); !id) {
                    fail(path, id.error().message());
                } else if (const Result<void> committed = fileScope.commit(); !committed) {
                    fail(path, committed.error().message());
                } else {
                    imported.append({*id, result.issue.issue});
                    pending.append({path, *id, int(result.issue.articles.size())});
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
    dateByNeighbours(imported, report);
    return report;
}

void Importer::dateByNeighbours(const QList<DatedIssue> &issues, ImportReport &report)
{
    // Only what was committed; the neighbours of one publication, in the order of the files.
    QSet<qint64> committed;
    for (const ImportReport::Imported &file : std::as_const(report.imported))
        committed.insert(file.issueId);
    QHash<QString, QList<const DatedIssue *>> byPublication;
    for (const DatedIssue &issue : issues) {
        if (committed.contains(issue.id))
            byPublication[issue.info.publication].append(&issue);
    }
    QList<std::pair<qint64, IssueInfo>> changed;
    for (const QList<const DatedIssue *> &list : std::as_const(byPublication)) {
        for (qsizetype k = 0; k < list.size(); ++k) {
            const IssueInfo &info = list[k]->info;
            if (info.month == 0 || (info.date.isValid() && !info.dateInferred))
                continue;
            IssueInfo dated = info;
            parse::addNeighbourEvidence(dated, k > 0 ? &list[k - 1]->info : nullptr,
                                        k + 1 < list.size() ? &list[k + 1]->info : nullptr);
            if (dated != info)
                changed.append({list[k]->id, dated});
        }
    }
    if (changed.isEmpty())
        return;
    // One transaction; should it fail, the issues keep the dates their own text gave (nothing is lost).
    QSqlDatabase db = m_library.database();
    sql::WriteScope scope(db);
    IssueRepository repository(m_library);
    for (const auto &[id, info] : std::as_const(changed)) {
        if (Result<void> dated = repository.refreshParsedDate(id, info); !dated) {
            qCInfo(lcStore).noquote() << "import: dating by the neighbouring issues:" << dated.error().message();
            return;
        }
    }
    if (Result<void> done = scope.commit(); !done)
        qCInfo(lcStore).noquote() << "import: dating by the neighbouring issues:" << done.error().message();
}

} // namespace dubao
