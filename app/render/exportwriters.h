// The export formats that need Qt Gui (ODT, PDF): dubao_render adds them to the registry of export formats
// (core/export/exportformat.h), which the core fills with the text formats and which never links Qt Gui.
#pragma once

#include "core/export/exportdocument.h"

#include <QImage>

namespace dubao {

/// Registers ODT and PDF with the registry of export formats. dubao and dubao-cli call it at the start of main(),
/// the tests that export to ODT or PDF before they do. Thread-safe; calling it again does nothing. Their writers
/// need a QGuiApplication to exist when they write (fonts); registering does not.
void registerDocumentExportFormats();

/// "Noto Serif CJK SC" (fonts-noto-cjk), the family the ODT/PDF writers use unless ExportOptions::fontFamily.
QString defaultExportFontFamily();

/// The number of pages the PDF writer produces for `document` (the same layout, without writing).
int pdfExportPageCount(const ExportDocument &document, const ExportOptions &options);

/// The first page of that PDF, drawn by the same layout on an image `width` pixels wide (the export dialog's
/// preview); a null image when it cannot be drawn.
QImage pdfExportFirstPage(const ExportDocument &document, const ExportOptions &options, int width);

} // namespace dubao
