// The one interface every export format is written behind (core/export/exportformat.h registers the formats and
// creates their writers), and the safe way to put an export into a file (a QSaveFile: written to a temporary file
// and renamed into place, so a failed or cancelled export never leaves a half file over an old one).
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/result.h"

#include <QString>

class QIODevice;

namespace dubao {

class ExportWriter
{
public:
    virtual ~ExportWriter();

    /// Writes `document` to `device` (open for writing). Returns an error for the user on a write error or
    /// when `progress` returned false. Reentrant: a writer keeps no state between calls, so it may run on a
    /// worker thread.
    virtual Result<void> write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                               const ExportProgress &progress = {}) const = 0;
};

/// Writes with `writer` to `path` through a QSaveFile. On failure (the target's directory missing or not
/// writable, the disk full, a cancel) returns an error naming the file, and an existing file at `path` is left
/// as it was.
Result<void> exportToFile(const ExportWriter &writer, const ExportDocument &document, const ExportOptions &options,
                          const QString &path, const ExportProgress &progress = {});

/// A file name (no directory) made from `title` that every common file system accepts: no path separators,
/// control or reserved characters (<>:"/\|?*), no leading dots, no trailing dots or spaces, no reserved
/// Windows device names, at most 120 characters; Chinese kept. Falls back to "dubao-export". Ends in "." + `suffix`
/// (an ExportFormat's suffix).
QString safeExportFileName(const QString &title, const QString &suffix);

} // namespace dubao
