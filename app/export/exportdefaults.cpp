#include "app/export/exportdefaults.h"

#include "core/store/issuerepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace dubao {

QString defaultExportFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return documents;
    return QDir::homePath();
}

IssueDateRange libraryDateRange(Library &library)
{
    IssueDateRange range;
    for (const IssueSummary &issue : IssueRepository(library).issueDates()) {
        const QDate date = issue.info.date;
        if (!date.isValid())
            continue;
        if (!range.first.isValid() || date < range.first)
            range.first = date;
        if (!range.last.isValid() || date > range.last)
            range.last = date;
    }
    return range;
}

Result<void> prepareExportFolder(const QString &filePath)
{
    const QString folder = QFileInfo(filePath).absolutePath();
    if (QFileInfo(folder).isDir())
        return {};
    if (QFileInfo::exists(folder))
        return Error(QCoreApplication::translate("dubao::ExportDialog",
                                                 "Cannot export to %1: %2 is a file, not a folder. Choose another "
                                                 "place with Browse….")
                         .arg(QDir::toNativeSeparators(filePath), QDir::toNativeSeparators(folder)));
    if (!QDir().mkpath(folder))
        return Error(QCoreApplication::translate("dubao::ExportDialog",
                                                 "Cannot export to %1: the folder %2 does not exist and could not "
                                                 "be created (check that you may write there). Choose another place "
                                                 "with Browse….")
                         .arg(QDir::toNativeSeparators(filePath), QDir::toNativeSeparators(folder)));
    return {};
}

} // namespace dubao
