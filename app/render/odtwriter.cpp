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

bool writeOdt(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
              const ExportProgress &progress, QString *error)
{
    const auto doc = buildTextDocument(document, options, progress, error);
    if (!doc)
        return false;
    // The ODF writer closes the device it wrote (its zip writer does), which a QSaveFile must not be: write to
    // memory, then copy.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, QByteArrayLiteral("odf"));
    if (!writer.write(doc.get())) {
        if (error)
            *error = QCoreApplication::translate("dubao::OdtWriter", "the OpenDocument writer failed");
        return false;
    }
    const QByteArray bytes = buffer.data();
    if (device.write(bytes) != bytes.size()) {
        if (error)
            *error = device.errorString();
        return false;
    }
    return true;
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
