// Imports issue files and folders into a library: each file in its own transaction, content already present
// (same SHA-256) skipped, failures reported per file while the rest go on.
#pragma once

#include "core/model/issue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

struct ImportReport
{
    struct Imported
    {
        QString path;
        qint64 issueId = 0;
        int articleCount = 0;
    };
    struct Present
    {
        QString path;
        qint64 issueId = 0; ///< the issue already holding this content
    };
    struct Failure
    {
        QString path;
        QString reason; ///< one line
    };
    QList<Imported> imported;
    QList<Present> alreadyPresent;
    QList<Failure> failed;
    bool cancelled = false;

    bool allOk() const { return failed.isEmpty() && !cancelled; }
};

struct ImportProgress
{
    int done = 0;  ///< files finished (imported, present or failed)
    int total = 0; ///< files found so far (folders are expanded before importing starts)
    QString currentPath;
};

class Importer final
{
public:
    using ProgressCallback = std::function<void(const ImportProgress &)>;

    explicit Importer(Library &library);

    /// Expands folders recursively (files ending in .txt, case-insensitive; files named explicitly are taken
    /// whatever their name), sorted by path; unreadable entries become failures.
    static QStringList expandPaths(const QStringList &paths, QList<ImportReport::Failure> *failures);

    /// Imports every file: a file is stored completely or not at all (files are stored in transactions of
    /// about a second each, with a savepoint per file; each transaction indexes its own text for search).
    /// Files are read, hashed and parsed on a thread of its own, ahead of storing. `cancel` (may be null) is
    /// checked between files. `progress` is called once before the first file (done 0) and after each file
    /// (done 1..total, currentPath = the file just finished); paths in the report are absolute. Failures from
    /// expanding the paths are in the report but not counted in the progress.
    ImportReport importPaths(const QStringList &paths, const ProgressCallback &progress = {},
                             const std::atomic_bool *cancel = nullptr);

private:
    struct DatedIssue
    {
        qint64 id = 0;
        IssueInfo info;
    };
    /// After the import: the year of an issue whose text does not state it, from the issues of the same publication
    /// imported before and after it that do (parse::addNeighbourEvidence), or their conflict with its own evidence.
    void dateByNeighbours(const QList<DatedIssue> &issues, ImportReport &report);

    Library &m_library;
};

} // namespace dubao
