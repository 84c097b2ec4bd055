#include "app/render/pdfwriter.h"

#include "app/render/textdocumentbuilder.h"

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

} // namespace

bool PdfWriter::write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress, QString *error) const
{
    const auto doc = buildTextDocument(document, options, progress, error);
    if (!doc)
        return false;
    QPdfWriter writer(&device);
    setUp(writer, document.title);
    paginate(*doc, writer);
    doc->print(&writer);
    // A failed write shows in QSaveFile::commit() (exportToFile), which then keeps the old file.
    return true;
}

int PdfWriter::pageCount(const ExportDocument &document, const ExportOptions &options)
{
    const auto doc = buildTextDocument(document, options);
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QPdfWriter writer(&sink);
    setUp(writer, document.title);
    paginate(*doc, writer);
    return doc->pageCount();
}

} // namespace dubao
