#include "core/export/exportformat.h"

#include <QCoreApplication>
#include <QMutex>
#include <QMutexLocker>

#include <algorithm>

namespace dubao {

// The text formats, each described in its writer's file (markdownwriter.cpp: markdownExportFormat(), ...).
void registerTextExportFormats()
{
    DUBAO_REGISTER_EXPORT_FORMAT(markdownExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(htmlExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(csvExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(jsonExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(cslJsonExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(risExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(webAnnotationExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(odtExportFormat);
    DUBAO_REGISTER_EXPORT_FORMAT(qdpxExportFormat);
}

namespace {

struct Registry
{
    QMutex mutex;
    QList<ExportFormat> formats; ///< in the dialog's order
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

/// The registry as readers see it: the text formats are always there.
Registry &populatedRegistry()
{
    static const bool textFormats = [] {
        registerTextExportFormats();
        return true;
    }();
    Q_UNUSED(textFormats);
    return registry();
}

QString normalized(const QString &name)
{
    return name.trimmed().toLower();
}

bool answersTo(const ExportFormat &format, const QString &name)
{
    return format.name == name || format.aliases.contains(name);
}

} // namespace

QString ExportFormat::displayLabel() const
{
    return QCoreApplication::translate("dubao::ExportFormat", label);
}

bool registerExportFormat(const ExportFormat &format)
{
    if (normalized(format.name).isEmpty() || !format.createWriter)
        return false;
    Registry &r = registry();
    QMutexLocker lock(&r.mutex);
    const QStringList names = QStringList{format.name} + format.aliases;
    for (const ExportFormat &known : std::as_const(r.formats)) {
        for (const QString &name : names) {
            if (answersTo(known, normalized(name)))
                return false;
        }
    }
    ExportFormat added = format;
    added.name = normalized(format.name);
    for (QString &alias : added.aliases)
        alias = normalized(alias);
    const auto at = std::upper_bound(r.formats.begin(), r.formats.end(), added.order,
                                     [](int order, const ExportFormat &f) { return order < f.order; });
    r.formats.insert(at, added);
    return true;
}

QList<ExportFormat> exportFormats()
{
    Registry &r = populatedRegistry();
    QMutexLocker lock(&r.mutex);
    return r.formats;
}

std::optional<ExportFormat> findExportFormat(const QString &name)
{
    const QString wanted = normalized(name);
    Registry &r = populatedRegistry();
    QMutexLocker lock(&r.mutex);
    for (const ExportFormat &format : std::as_const(r.formats)) {
        if (answersTo(format, wanted))
            return format;
    }
    return std::nullopt;
}

std::unique_ptr<ExportWriter> createExportWriter(const QString &name)
{
    const auto format = findExportFormat(name);
    return format && format->createWriter ? format->createWriter() : nullptr;
}

} // namespace dubao
