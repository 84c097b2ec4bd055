// Lays out an export as a QTextDocument (headings, quotes, tags, notes, dubao: links) for the ODT and PDF
// writers. Built with QTextCursor calls, never from HTML, so no text of the user's is ever parsed as markup.
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/result.h"

#include <QString>

#include <memory>

class QTextDocument;

namespace dubao {

/// "Noto Serif CJK SC" (fonts-noto-cjk), the family the ODT/PDF writers use unless ExportOptions::fontFamily.
QString defaultExportFontFamily();

/// The document, or an error when `progress` cancelled. Needs a QGuiApplication (fonts).
Result<std::unique_ptr<QTextDocument>> buildTextDocument(const ExportDocument &document, const ExportOptions &options,
                                                         const ExportProgress &progress = {});

} // namespace dubao
