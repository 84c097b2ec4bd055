#include "core/jobs/reparsejob.h"

#include "core/store/library.h"

namespace dubao {

ReparseJob::ReparseJob(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
{
    qRegisterMetaType<dubao::ReparseReport>();
}

ReparseJob::~ReparseJob() = default;

void ReparseJob::run()
{
    ReparseReport report;
    QString error;
    {
        Library library;
        if (const Result<void> opened = library.open(m_libraryPath); !opened)
            error = opened.error().message();
        else
            report = IssueReplacer(library).reparseAll([this](int done, int total) { emit progress(done, total); },
                                                       &m_cancel);
    }
    emit finished(report, error);
}

} // namespace dubao
