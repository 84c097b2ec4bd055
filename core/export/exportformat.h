// The formats Dubao exports to, with the names the CLI and the dialog use.
#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace dubao {

enum class ExportFormat
{
    Markdown,
    Html,
    Csv,
    Json,
    Odt,
    Pdf,
    CslJson,
    Ris,
    WebAnnotation,
};

/// Every format, in the order the dialog lists them.
QList<ExportFormat> allExportFormats();
/// "md", "html", "csv", "json", "odt", "pdf", "csljson", "ris", "webannotation".
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString &name);
/// The file name suffix without the dot: "md", "html", "csv", "json", "odt", "pdf", "json", "ris", "jsonld".
QString exportFormatSuffix(ExportFormat format);
/// False for ODT and PDF, which need Qt Gui and are written by app/export (dubao_export_gui).
bool isTextExportFormat(ExportFormat format);
/// The citation formats list articles (one entry per article), the others list excerpts.
bool isCitationExportFormat(ExportFormat format);

} // namespace dubao
