// The registry of export formats. Each format describes itself once, in its writer's file: its name (what
// `dubao-cli export --format` takes), aliases, file suffix, the dialog's label, what its entries are, and a factory
// for its writer. The dialog, the CLI, the export job and the tests list and create formats only through here.
//
// The text formats are registered here in core/export (registerTextExportFormats(), done on first use of the
// registry). The formats that need Qt Gui (ODT, PDF) are registered by registerDocumentExportFormats()
// (app/render/exportwriters.h), which dubao and dubao-cli call in main(): the core never links Qt Gui.
//
// A new format: its writer file, defining `ExportFormat <name>ExportFormat()`, its line in the CMakeLists.txt of
// its layer, and one DUBAO_REGISTER_EXPORT_FORMAT line in its layer's registration function.
#pragma once

#include "core/export/exportwriter.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace dubao {

struct ExportFormat
{
    /// What one entry of the file stands for.
    enum class Entries
    {
        Excerpts, ///< an excerpt (or a notebook's free-text entry)
        Articles, ///< an article behind the excerpts: a citation format (CSL-JSON, RIS)
    };

    // Every member has a default (`{}` included), so a format's file names only what it sets: `{.name = ...}`.
    QString name{};        ///< lower case, the registry's key: "md", "html", ... (`--format`, the JSON "format")
    QStringList aliases{}; ///< other names `--format` accepts ("markdown"), lower case
    QString suffix{};      ///< the file name suffix without the dot ("md", "jsonld")
    /// The dialog's label in English, marked for translation with QT_TRANSLATE_NOOP("dubao::ExportFormat", ...).
    const char *label = "";
    int order = 0; ///< where the dialog lists the format: ascending, so a format can sit between others
    Entries entries = Entries::Excerpts;
    bool grouping = false; ///< honours ExportOptions::grouping (a section per tag or per date)
    /// Writes the private dubao:// links only with ExportOptions::withLinks (a citation a reader can follow
    /// stands in their place otherwise); the data formats always carry them.
    bool optionalLinks = false;
    /// Laid out with Qt Gui (fonts): written only while a QGuiApplication exists. (No format needs it today: PDF
    /// is laid out by Pango, ODT written as XML.)
    bool needsGui = false;
    /// Not text (ODT, PDF, REFI-QDA): the dialog previews its content another way.
    bool binary = false;
    std::unique_ptr<ExportWriter> (*createWriter)() = nullptr;

    /// The label in the language of the installed translators.
    QString displayLabel() const;
    bool listsArticles() const { return entries == Entries::Articles; }
};

/// A writer that is one function, as ExportWriter::write (none keeps state between calls).
using ExportWriteFunction = Result<void> (*)(const ExportDocument &document, const ExportOptions &options,
                                             QIODevice &device, const ExportProgress &progress);

/// The factory of the writer that is `function`, for ExportFormat::createWriter: `makeExportWriter<writeCsv>`.
template<ExportWriteFunction function>
std::unique_ptr<ExportWriter> makeExportWriter()
{
    class FunctionWriter final : public ExportWriter
    {
    public:
        Result<void> write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                           const ExportProgress &progress) const override
        {
            return function(document, options, device, progress);
        }
    };
    return std::make_unique<FunctionWriter>();
}

/// Adds `format` to the registry. Returns false, and changes nothing, when its name or one of its aliases is
/// taken already (so registering the same formats again does nothing), or when it has no name or no writer.
/// Thread-safe.
bool registerExportFormat(const ExportFormat &format);

/// Every registered format, in the dialog's order (ExportFormat::order).
QList<ExportFormat> exportFormats();
/// The format registered under `name` or an alias of it (case-insensitive, spaces trimmed); nullopt if none.
std::optional<ExportFormat> findExportFormat(const QString &name);
/// A new writer for the format named `name` (or an alias); nullptr when no such format is registered.
std::unique_ptr<ExportWriter> createExportWriter(const QString &name);

/// Registers the text formats of core/export. The registry calls it on first use; calling it again does nothing.
void registerTextExportFormats();

} // namespace dubao

/// Registers the format that `dubao::ExportFormat describe()`, defined in the format's writer file, describes. Used
/// once per format in a layer's registration function, a function of namespace dubao (registerTextExportFormats(),
/// registerDocumentExportFormats()). Like Q_IMPORT_PLUGIN it declares what it names, so the writer needs no header,
/// and it makes the linker keep the writer's file, which nothing else refers to.
#define DUBAO_REGISTER_EXPORT_FORMAT(describe)                                                                         \
    do {                                                                                                               \
        extern ::dubao::ExportFormat describe();                                                                       \
        ::dubao::registerExportFormat(describe());                                                                     \
    } while (false)
