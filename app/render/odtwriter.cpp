// OpenDocument Text through Qt's ODF writer (QTextDocumentWriter "odf"). Needs Qt Gui (a QGuiApplication).
#include "app/render/textdocumentbuilder.h"
#include "core/export/exportformat.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QIODevice>
#include <QTextDocument>
#include <QTextDocumentWriter>

namespace dubao {

namespace {

Result<void> writeOdt(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress)
{
    const Result<std::unique_ptr<QTextDocument>> built = buildTextDocument(document, options, progress);
    if (!built)
        return built.error();
    const std::unique_ptr<QTextDocument> &doc = *built;
    // The ODF writer closes the device it wrote (its zip writer does), which a QSaveFile must not be: write to
    // memory, then copy.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, QByteArrayLiteral("odf"));
    if (!writer.write(doc.get()))
        return Error(QCoreApplication::translate("dubao::OdtWriter", "the OpenDocument writer failed"));
    const QByteArray bytes = buffer.data();
    if (device.write(bytes) != bytes.size())
        return Error(device.errorString());
    return {};
}

} // namespace

ExportFormat odtExportFormat()
{
    return {.name = QStringLiteral("odt"),
            .suffix = QStringLiteral("odt"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "OpenDocument Text (.odt)"),
            .order = 50,
            .grouping = true,
            .needsGui = true,
            .createWriter = makeExportWriter<writeOdt>};
}

} // namespace dubao
