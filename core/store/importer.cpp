#include "store/importer.h"

#include "parse/issuefile.h"
#include "store/issuerepository.h"
#include "store/library.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

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

    IssueRepository repository(m_library);
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
                // The lookup runs again inside the write transaction (BEGIN IMMEDIATE), so two importers of the
                // same content cannot both miss it and then collide on the UNIQUE sha256.
                Transaction transaction(m_library.database());
                QString error;
                if (!transaction.isActive()) {
                    fail(path, QStringLiteral("cannot start a transaction"));
                } else if (const auto present = repository.findBySha256(result.issue.source.sha256)) {
                    report.alreadyPresent.append({path, *present});
                } else if (const qint64 id = repository.insert(result.issue, &error); id == 0) {
                    fail(path, QStringLiteral("cannot store: ") + error);
                } else if (!transaction.commit(&error)) {
                    fail(path, QStringLiteral("cannot store: ") + error);
                } else {
                    report.imported.append({path, id, int(result.issue.articles.size())});
                }
            } // the transaction rolls back here unless committed
        }

        ++state.done;
        state.currentPath = path;
        if (progress)
            progress(state);
    }
    return report;
}

} // namespace dubao
