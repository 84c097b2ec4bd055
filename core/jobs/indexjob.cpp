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
        if (library.open(m_libraryPath, &error)) {
            ok = SearchIndex::rebuild(
                library, [this](const SearchIndex::Progress &p) { emit progress(p.done, p.total); }, &m_cancel, &error);
        }
    }
    const bool cancelled = !ok && m_cancel.load();
    if (!ok && !cancelled)
        qCWarning(lcIndexJob) << "index rebuild failed:" << error;
    emit finished(ok, cancelled, cancelled ? QString() : error);
}

} // namespace dubao
