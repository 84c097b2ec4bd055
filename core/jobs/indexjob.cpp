#include "core/jobs/indexjob.h"

#include "core/search/searchindex.h"
#include "core/store/library.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIndexJob, "dubao.app.index")

namespace dubao {

IndexJob::IndexJob(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
{}

IndexJob::~IndexJob() = default;

void IndexJob::run()
{
    QString error;
    bool ok = false;
    {
        Library library;
        Result<void> rebuilt = library.open(m_libraryPath);
        if (rebuilt)
            rebuilt = SearchIndex::rebuild(
                library, [this](const SearchIndex::Progress &p) { emit progress(p.done, p.total); }, &m_cancel);
        ok = rebuilt.ok();
        if (!ok)
            error = rebuilt.error().message();
    }
    const bool cancelled = !ok && m_cancel.load();
    if (!ok && !cancelled)
        qCWarning(lcIndexJob) << "index rebuild failed:" << error;
    emit finished(ok, cancelled, cancelled ? QString() : error);
}

} // namespace dubao
