// Shared by the widget and CLI tests: isolated settings and a library built by importing the real corpus.
#pragma once

#include "core/ingest/importer.h"
#include "core/store/library.h"
#include "tests/support/corpus.h"
#include "tests/support/isolatedsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace dubao::test {

/// Creates `path` and imports the corpus into it through core's Importer. Returns an error, empty on success.
inline QString buildCorpusLibrary(const QString &path)
{
    Library library;
    if (const Result<void> opened = library.open(path); !opened)
        return opened.error().message();
    const ImportReport report = Importer(library).importPaths({corpusDir()});
    if (!report.failed.isEmpty())
        return report.failed.front().path + QStringLiteral(": ") + report.failed.front().reason;
    if (report.imported.size() != corpusFileCount())
        return QStringLiteral("imported %1 of %2 files").arg(report.imported.size()).arg(corpusFileCount());
    return {};
}

} // namespace dubao::test
