#include "core/export/exportformat.h"

namespace dubao {

QList<ExportFormat> allExportFormats()
{
    return {ExportFormat::Markdown, ExportFormat::Html, ExportFormat::Csv,
            ExportFormat::Json,     ExportFormat::Odt,  ExportFormat::Pdf,
            ExportFormat::CslJson,  ExportFormat::Ris,  ExportFormat::WebAnnotation};
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Odt:
        return QStringLiteral("odt");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    case ExportFormat::CslJson:
        return QStringLiteral("csljson");
    case ExportFormat::Ris:
        return QStringLiteral("ris");
    case ExportFormat::WebAnnotation:
        return QStringLiteral("webannotation");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const ExportFormat f : allExportFormats()) {
        if (exportFormatName(f) == n)
            return f;
    }
    if (n == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (n == QLatin1String("csl-json"))
        return ExportFormat::CslJson;
    if (n == QLatin1String("jsonld") || n == QLatin1String("web-annotation"))
        return ExportFormat::WebAnnotation;
    return std::nullopt;
}

QString exportFormatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::CslJson:
        return QStringLiteral("json");
    case ExportFormat::WebAnnotation:
        return QStringLiteral("jsonld");
    default:
        return exportFormatName(format);
    }
}

bool isTextExportFormat(ExportFormat format)
{
    return format != ExportFormat::Odt && format != ExportFormat::Pdf;
}

bool isCitationExportFormat(ExportFormat format)
{
    return format == ExportFormat::CslJson || format == ExportFormat::Ris;
}

} // namespace dubao
