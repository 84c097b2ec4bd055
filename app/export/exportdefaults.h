// Where an export goes and what it covers when the user has not said otherwise: the defaults every export dialog
// of the app starts from (File → Export…, the concordance's CSV), so a first export on a fresh account works.
#pragma once

#include "core/model/result.h"

#include <QDate>
#include <QString>

namespace dubao {

class Library;

/// The folder exports are offered in: the user's Documents folder (QStandardPaths::DocumentsLocation), created
/// when it does not exist yet (a fresh account, many Linux desktops); the home folder when it cannot be.
QString defaultExportFolder();

/// The issue dates a library covers: the first and the last dated issue (both invalid when none has a date).
struct IssueDateRange
{
    QDate first;
    QDate last;
    bool isValid() const { return first.isValid() && last.isValid(); }
};
IssueDateRange libraryDateRange(Library &library);

/// Makes sure the folder an export is about to be written to exists, creating it when it does not. On failure
/// the error says, in plain words, which folder and what to do.
Result<void> prepareExportFolder(const QString &filePath);

} // namespace dubao
