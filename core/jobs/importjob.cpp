#include "core/jobs/importjob.h"

#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcImport, "dubao.app.import")

namespace dubao {

ImportJob::ImportJob(const QString &libraryPath, const QStringList &paths, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
    , m_paths(paths)
{
    qRegisterMetaType<dubao::ImportReport>();
}

ImportJob::~ImportJob() = default;

void ImportJob::run()
{
    emit started();
    JobContext job(
        &m_cancel,
        [this](qint64 done, qint64 total, const QString &path) { emit progress(int(done), int(total), path); },
        std::chrono::milliseconds(0));
    const ImportOutcome outcome = import(m_libraryPath, m_paths, job);
    emit finished(outcome.report, outcome.error);
}

ImportOutcome ImportJob::import(const QString &libraryPath, const QStringList &paths, JobContext &job)
{
    ImportOutcome outcome;
    Library library;
    if (const Result<void> opened = library.open(libraryPath); !opened) {
        outcome.error = opened.error().message();
        qCWarning(lcImport) << "cannot open library for import:" << outcome.error;
        return outcome;
    }
    Importer importer(library);
    outcome.report = importer.importPaths(
        paths, [&job](const ImportProgress &p) { job.progress(p.done, p.total, p.currentPath); }, job.cancelFlag());
    // The officials of the new articles, after the import's own writes (a cancelled update is finished later).
    if (const Result<qint64> people = PeopleIndex(library).update(job.cancelFlag()); !people)
        qCWarning(lcImport) << "people index not updated:" << people.error().message();
    // The new articles compared with the reuse index (never all pairs again).
    if (const Result<qint64> reuse = ReuseIndex(library).update(job.cancelFlag()); !reuse)
        qCWarning(lcImport) << "reuse index not updated:" << reuse.error().message();
    const ImportReport &report = outcome.report;
    qCInfo(lcImport) << "imported" << report.imported.size() << "present" << report.alreadyPresent.size() << "failed"
                     << report.failed.size() << "cancelled" << report.cancelled;
    return outcome;
}

} // namespace dubao
