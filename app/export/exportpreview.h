// What the export dialog previews for a format that is not text. A researcher checks before exporting that the
// right entries go out, in the right order and sections, with the right citation lines; a binary file's bytes
// say nothing of that, and Markdown in their place would show a layout the file does not have. So: the PDF's first
// page, drawn by the PDF writer's own layout (app/render); for ODT, the outline the ODT writer walks (its headings
// with their levels, which become the document's navigator, and what follows each); for a REFI-QDA project, what
// a QDA program will find in it (the code book, the sources, the codings and notes), read back from the project
// the writer makes.
#pragma once

#include "core/export/exportdocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace dubao {

class ExportPreview final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::ExportPreview)

public:
    /// The laid-out formats' outline: one line per heading ("Heading 2 · 政法"), the lines under it indented.
    static QString outline(const ExportDocument &document, const ExportOptions &options);
    /// A .qdpx's project.qde, summed up: codes (as a tree), sources, coded selections, notes. Empty when `qdpx`
    /// is not a project.
    static QString projectSummary(const QByteArray &qdpx);
};

} // namespace dubao
