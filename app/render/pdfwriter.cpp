// PDF through QPdfWriter: A4, 20 mm margins, the text laid out by QTextDocument in a CJK font (Noto Serif CJK
// SC from fonts-noto-cjk) whose glyphs Qt embeds. Needs Qt Gui (a QGuiApplication; offscreen is enough).
#include "app/render/exportwriters.h"
#include "app/render/textdocumentbuilder.h"
#include "core/export/exportformat.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextFrame>

namespace dubao {

namespace {

void setUp(QPdfWriter &writer, const QString &title)
{
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    writer.setResolution(600);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Dubao"));
}

// Paginates `doc` for `writer` ourselves (page size = the writer's printable area in device units), so
// QTextDocument::print() prints it as it is and pageCount() says how many pages the file gets.
void paginate(QTextDocument &doc, QPdfWriter &writer)
{
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setPageSize(QSizeF(writer.width(), writer.height()));
    QTextFrameFormat root = doc.rootFrame()->frameFormat();
    root.setMargin(0);
    doc.rootFrame()->setFrameFormat(root);
}

Result<void> writePdf(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress)
{
    const Result<std::unique_ptr<QTextDocument>> built = buildTextDocument(document, options, progress);
    if (!built)
        return built.error();
    const std::unique_ptr<QTextDocument> &doc = *built;
    QPdfWriter writer(&device);
    setUp(writer, document.title);
    paginate(*doc, writer);
    doc->print(&writer);
    // A failed write shows in QSaveFile::commit() (exportToFile), which then keeps the old file.
    return {};
}

} // namespace

int pdfExportPageCount(const ExportDocument &document, const ExportOptions &options)
{
    const std::unique_ptr<QTextDocument> doc = *buildTextDocument(document, options);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QPdfWriter writer(&sink);
    setUp(writer, document.title);
    paginate(*doc, writer);
    return doc->pageCount();
}

ExportFormat pdfExportFormat()
{
    return {.name = QStringLiteral("pdf"),
            .suffix = QStringLiteral("pdf"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "PDF (.pdf)"),
            .order = 60,
            .grouping = true,
            .needsGui = true,
            .createWriter = makeExportWriter<writePdf>};
}

} // namespace dubao
