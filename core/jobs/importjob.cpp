#include "core/jobs/importjob.h"

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
    ImportReport report;
    QString error;
    {
        Library library;
        if (const Result<void> opened = library.open(m_libraryPath); !opened) {
            error = opened.error().message();
            qCWarning(lcImport) << "cannot open library for import:" << error;
            emit finished(report, error);
            return;
        }
        Importer importer(library);
        report = importer.importPaths(
            m_paths, [this](const ImportProgress &p) { emit progress(p.done, p.total, p.currentPath); }, &m_cancel);
    }
    qCInfo(lcImport) << "imported" << report.imported.size() << "present" << report.alreadyPresent.size() << "failed"
                     << report.failed.size() << "cancelled" << report.cancelled;
    emit finished(report, error);
}

} // namespace dubao
