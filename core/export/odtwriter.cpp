// OpenDocument Text written as ODF 1.2 XML (valid against the OASIS RelaxNG schema): real headings (text:h with
// outline levels), Western and Asian font properties with the zh-CN language so office suites set the Chinese in
// Noto Serif CJK SC, fo:line-height, links with xlink:type. Qt's ODF writer produced none of that (and invalid
// attributes), so the document is written here, without Qt Gui.
#include "core/export/documentoutline.h"
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/safemarkdown.h"
#include "core/export/zipwriter.h"

#include <QBuffer>
#include <QSet>
#include <QXmlStreamWriter>

namespace dubao {

namespace {

const QString kOffice = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");
const QString kStyle = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:style:1.0");
const QString kText = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
const QString kFo = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0");
const QString kSvg = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0");
const QString kXlink = QStringLiteral("http://www.w3.org/1999/xlink");
const QString kMeta = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:meta:1.0");
const QString kDc = QStringLiteral("http://purl.org/dc/elements/1.1/");
const QString kManifest = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
const QString kTable = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:table:1.0");

void startDocument(QXmlStreamWriter &xml, const QString &root)
{
    xml.setAutoFormatting(false);
    xml.writeStartDocument();
    xml.writeNamespace(kOffice, QStringLiteral("office"));
    xml.writeNamespace(kStyle, QStringLiteral("style"));
    xml.writeNamespace(kText, QStringLiteral("text"));
    xml.writeNamespace(kFo, QStringLiteral("fo"));
    xml.writeNamespace(kSvg, QStringLiteral("svg"));
    xml.writeNamespace(kXlink, QStringLiteral("xlink"));
    xml.writeNamespace(kMeta, QStringLiteral("meta"));
    xml.writeNamespace(kDc, QStringLiteral("dc"));
    xml.writeNamespace(kTable, QStringLiteral("table"));
    xml.writeStartElement(kOffice, root);
    xml.writeAttribute(kOffice, QStringLiteral("version"), QStringLiteral("1.2"));
}

/// Text as ODF wants it: runs of spaces as text:s, tabs as text:tab, line feeds as text:line-break.
void writeText(QXmlStreamWriter &xml, const QString &raw)
{
    const QString text = exporttext::xmlSafe(raw);
    QString run;
    auto flush = [&] {
        if (!run.isEmpty())
            xml.writeCharacters(run);
        run.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            flush();
            xml.writeEmptyElement(kText, QStringLiteral("line-break"));
        } else if (c == u'\t') {
            flush();
            xml.writeEmptyElement(kText, QStringLiteral("tab"));
        } else if (c == u' ' && (i == 0 || text.at(i - 1) == u' ' || text.at(i - 1) == u'\n')) {
            qsizetype n = 0;
            while (i < text.size() && text.at(i) == u' ') {
                ++n;
                ++i;
            }
            --i;
            flush();
            xml.writeEmptyElement(kText, QStringLiteral("s"));
            if (n > 1)
                xml.writeAttribute(kText, QStringLiteral("c"), QString::number(n));
        } else {
            run += c;
        }
    }
    flush();
}

void fontProperties(QXmlStreamWriter &xml, double size, bool bold, const QString &colour = {})
{
    xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
    if (!colour.isEmpty())
        xml.writeAttribute(kFo, QStringLiteral("color"), colour);
    const QString points = QString::number(size) + QStringLiteral("pt");
    xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("CJK"));
    xml.writeAttribute(kFo, QStringLiteral("font-size"), points);
    xml.writeAttribute(kStyle, QStringLiteral("font-name-asian"), QStringLiteral("CJK"));
    xml.writeAttribute(kStyle, QStringLiteral("font-size-asian"), points);
    xml.writeAttribute(kStyle, QStringLiteral("font-name-complex"), QStringLiteral("CJK"));
    xml.writeAttribute(kStyle, QStringLiteral("font-size-complex"), points);
    if (bold) {
        xml.writeAttribute(kFo, QStringLiteral("font-weight"), QStringLiteral("bold"));
        xml.writeAttribute(kStyle, QStringLiteral("font-weight-asian"), QStringLiteral("bold"));
        xml.writeAttribute(kStyle, QStringLiteral("font-weight-complex"), QStringLiteral("bold"));
    }
    xml.writeEndElement();
}

struct ParagraphStyle
{
    const char *name;
    const char *display;
    double size;
    bool bold = false;
    const char *colour = nullptr;
    const char *top = "0cm";
    const char *left = nullptr;
    const char *background = nullptr;
    int outlineLevel = 0;
};

const ParagraphStyle kParagraphStyles[] = {
    {"Heading_20_1", "Heading 1", 20, true, nullptr, "0.2cm", nullptr, nullptr, 1},
    {"Heading_20_2", "Heading 2", 15, true, nullptr, "0.6cm", nullptr, nullptr, 2},
    {"Heading_20_3", "Heading 3", 13, true, nullptr, "0.5cm", nullptr, nullptr, 3},
    {"Dubao_20_About", "Dubao About", 9, false, "#666666"},
    {"Dubao_20_Source", "Dubao Source", 9, false, "#666666"},
    {"Dubao_20_Quote", "Dubao Quote", 11, false, "#222222", "0.14cm", "0.64cm", "#faf7f2"},
    {"Dubao_20_Tags", "Dubao Tags", 9, false, "#666666"},
    {"Dubao_20_Note", "Dubao Note", 10.5, false, nullptr, "0.07cm", "0.42cm"},
    {"Dubao_20_Link", "Dubao Link", 9, false, "#3366cc"},
    {"Dubao_20_Orphan", "Dubao Orphan", 9, false, "#aa6600"},
    {"Dubao_20_Text", "Dubao Text", 11, false, nullptr, "0.28cm"},
};

QByteArray stylesXml(const QString &family)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-styles"));
    xml.writeStartElement(kOffice, QStringLiteral("font-face-decls"));
    xml.writeEmptyElement(kStyle, QStringLiteral("font-face"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("CJK"));
    xml.writeAttribute(kSvg, QStringLiteral("font-family"), QLatin1Char('\'') + family + QLatin1Char('\''));
    xml.writeAttribute(kStyle, QStringLiteral("font-family-generic"), QStringLiteral("roman"));
    xml.writeEndElement();

    xml.writeStartElement(kOffice, QStringLiteral("styles"));
    xml.writeStartElement(kStyle, QStringLiteral("default-style"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
    // No space added between Chinese and Latin letters or digits (LibreOffice's default, "ideograph-alpha"): the
    // paper prints "2023年" without one, and a quote copied from the PDF LibreOffice makes must be the quote, not
    // "2023 年".
    xml.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
    xml.writeAttribute(kStyle, QStringLiteral("text-autospace"), QStringLiteral("none"));
    xml.writeStartElement(kStyle, QStringLiteral("text-properties"));
    xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("CJK"));
    xml.writeAttribute(kStyle, QStringLiteral("font-name-asian"), QStringLiteral("CJK"));
    xml.writeAttribute(kStyle, QStringLiteral("font-name-complex"), QStringLiteral("CJK"));
    xml.writeAttribute(kFo, QStringLiteral("language"), QStringLiteral("zh"));
    xml.writeAttribute(kFo, QStringLiteral("country"), QStringLiteral("CN"));
    xml.writeAttribute(kStyle, QStringLiteral("language-asian"), QStringLiteral("zh"));
    xml.writeAttribute(kStyle, QStringLiteral("country-asian"), QStringLiteral("CN"));
    xml.writeEndElement();
    xml.writeEndElement(); // default-style

    xml.writeStartElement(kStyle, QStringLiteral("style"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Standard"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
    xml.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
    xml.writeAttribute(kFo, QStringLiteral("line-height"), QStringLiteral("150%"));
    xml.writeAttribute(kFo, QStringLiteral("margin-bottom"), QStringLiteral("0.14cm"));
    fontProperties(xml, 11, false);
    xml.writeEndElement();

    for (const ParagraphStyle &s : kParagraphStyles) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QString::fromLatin1(s.name));
        xml.writeAttribute(kStyle, QStringLiteral("display-name"), QString::fromLatin1(s.display));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeAttribute(kStyle, QStringLiteral("parent-style-name"), QStringLiteral("Standard"));
        if (s.outlineLevel > 0) {
            xml.writeAttribute(kStyle, QStringLiteral("next-style-name"), QStringLiteral("Standard"));
            xml.writeAttribute(kStyle, QStringLiteral("default-outline-level"), QString::number(s.outlineLevel));
            xml.writeAttribute(kStyle, QStringLiteral("class"), QStringLiteral("text"));
        }
        xml.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("margin-top"), QString::fromLatin1(s.top));
        if (s.left)
            xml.writeAttribute(kFo, QStringLiteral("margin-left"), QString::fromLatin1(s.left));
        if (s.background)
            xml.writeAttribute(kFo, QStringLiteral("background-color"), QString::fromLatin1(s.background));
        if (s.outlineLevel > 0) {
            xml.writeAttribute(kFo, QStringLiteral("line-height"), QStringLiteral("130%"));
            xml.writeAttribute(kFo, QStringLiteral("keep-with-next"), QStringLiteral("always"));
        }
        fontProperties(xml, s.size, s.bold, s.colour ? QString::fromLatin1(s.colour) : QString());
        xml.writeEndElement();
    }
    xml.writeStartElement(kStyle, QStringLiteral("style"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Internet_20_link"));
    xml.writeAttribute(kStyle, QStringLiteral("display-name"), QStringLiteral("Internet link"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("text"));
    xml.writeEmptyElement(kStyle, QStringLiteral("text-properties"));
    xml.writeAttribute(kFo, QStringLiteral("color"), QStringLiteral("#3366cc"));
    xml.writeAttribute(kStyle, QStringLiteral("text-underline-style"), QStringLiteral("solid"));
    xml.writeAttribute(kStyle, QStringLiteral("text-underline-width"), QStringLiteral("auto"));
    xml.writeAttribute(kStyle, QStringLiteral("text-underline-color"), QStringLiteral("font-color"));
    xml.writeEndElement();
    xml.writeEndElement(); // styles

    xml.writeStartElement(kOffice, QStringLiteral("automatic-styles"));
    xml.writeStartElement(kStyle, QStringLiteral("page-layout"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("A4"));
    xml.writeEmptyElement(kStyle, QStringLiteral("page-layout-properties"));
    xml.writeAttribute(kFo, QStringLiteral("page-width"), QStringLiteral("21cm"));
    xml.writeAttribute(kFo, QStringLiteral("page-height"), QStringLiteral("29.7cm"));
    for (const char *side : {"margin-top", "margin-bottom", "margin-left", "margin-right"})
        xml.writeAttribute(kFo, QString::fromLatin1(side), QStringLiteral("2cm"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement(kOffice, QStringLiteral("master-styles"));
    xml.writeEmptyElement(kStyle, QStringLiteral("master-page"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Standard"));
    xml.writeAttribute(kStyle, QStringLiteral("page-layout-name"), QStringLiteral("A4"));
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray metaXml(const ExportDocument &document)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-meta"));
    xml.writeStartElement(kOffice, QStringLiteral("meta"));
    xml.writeTextElement(kMeta, QStringLiteral("generator"), QStringLiteral("Dubao"));
    xml.writeTextElement(kDc, QStringLiteral("title"), exporttext::xmlSafe(document.title));
    xml.writeTextElement(kDc, QStringLiteral("language"), QStringLiteral("zh-CN"));
    if (document.generatedAt.isValid())
        xml.writeTextElement(kMeta, QStringLiteral("creation-date"),
                             document.generatedAt.toUTC().toString(Qt::ISODate).chopped(1));
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray manifestXml()
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.writeStartDocument();
    xml.writeNamespace(kManifest, QStringLiteral("manifest"));
    xml.writeStartElement(kManifest, QStringLiteral("manifest"));
    xml.writeAttribute(kManifest, QStringLiteral("version"), QStringLiteral("1.2"));
    auto entry = [&](const QString &path, const QString &type) {
        xml.writeEmptyElement(kManifest, QStringLiteral("file-entry"));
        xml.writeAttribute(kManifest, QStringLiteral("full-path"), path);
        if (path == u"/")
            xml.writeAttribute(kManifest, QStringLiteral("version"), QStringLiteral("1.2"));
        xml.writeAttribute(kManifest, QStringLiteral("media-type"), type);
    };
    entry(QStringLiteral("/"), QStringLiteral("application/vnd.oasis.opendocument.text"));
    for (const char *file : {"content.xml", "styles.xml", "meta.xml"})
        entry(QString::fromLatin1(file), QStringLiteral("text/xml"));
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

// The spans of rendered Markdown use automatic text styles "S<mask>": 1 bold, 2 italic, 4 code, 8 struck out; a
// note's paragraphs "N<level>" (indented per list level), its code blocks "NCode", its quotes "NQuote", its tables
// "NTable<level>" with cells "NCell" whose paragraphs are "NCellStart", "NCellCenter" or "NCellEnd".
void automaticStyles(QXmlStreamWriter &xml, const ExportDocument &document)
{
    xml.writeStartElement(kOffice, QStringLiteral("font-face-decls"));
    xml.writeEmptyElement(kStyle, QStringLiteral("font-face"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Mono"));
    xml.writeAttribute(kSvg, QStringLiteral("font-family"), QStringLiteral("'Noto Sans Mono CJK SC'"));
    xml.writeAttribute(kStyle, QStringLiteral("font-pitch"), QStringLiteral("fixed"));
    xml.writeEndElement();
    xml.writeStartElement(kOffice, QStringLiteral("automatic-styles"));
    for (int mask = 1; mask < 16; ++mask) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("S%1").arg(mask));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("text"));
        xml.writeEmptyElement(kStyle, QStringLiteral("text-properties"));
        if (mask & 1) {
            xml.writeAttribute(kFo, QStringLiteral("font-weight"), QStringLiteral("bold"));
            xml.writeAttribute(kStyle, QStringLiteral("font-weight-asian"), QStringLiteral("bold"));
            xml.writeAttribute(kStyle, QStringLiteral("font-weight-complex"), QStringLiteral("bold"));
        }
        if (mask & 2) {
            xml.writeAttribute(kFo, QStringLiteral("font-style"), QStringLiteral("italic"));
            xml.writeAttribute(kStyle, QStringLiteral("font-style-asian"), QStringLiteral("italic"));
            xml.writeAttribute(kStyle, QStringLiteral("font-style-complex"), QStringLiteral("italic"));
        }
        if (mask & 4) {
            xml.writeAttribute(kStyle, QStringLiteral("font-name"), QStringLiteral("Mono"));
            xml.writeAttribute(kStyle, QStringLiteral("font-name-asian"), QStringLiteral("Mono"));
        }
        if (mask & 8) {
            xml.writeAttribute(kStyle, QStringLiteral("text-line-through-style"), QStringLiteral("solid"));
            xml.writeAttribute(kStyle, QStringLiteral("text-line-through-type"), QStringLiteral("single"));
        }
        xml.writeEndElement();
    }
    auto paragraphStyle = [&](const QString &name, double left, const char *background, const char *colour) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), name);
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeAttribute(kStyle, QStringLiteral("parent-style-name"), QStringLiteral("Dubao_20_Note"));
        xml.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("margin-left"), QString::number(left) + QStringLiteral("cm"));
        if (background)
            xml.writeAttribute(kFo, QStringLiteral("background-color"), QString::fromLatin1(background));
        if (colour) {
            xml.writeEmptyElement(kStyle, QStringLiteral("text-properties"));
            xml.writeAttribute(kFo, QStringLiteral("color"), QString::fromLatin1(colour));
        }
        xml.writeEndElement();
    };
    for (int level = 1; level <= 6; ++level)
        paragraphStyle(QStringLiteral("N%1").arg(level), 0.42 * level, nullptr, nullptr);
    paragraphStyle(QStringLiteral("NCode"), 0.63, "#f2f2f2", nullptr);
    for (int level = 1; level <= 6; ++level) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("NTable%1").arg(level));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("table"));
        xml.writeEmptyElement(kStyle, QStringLiteral("table-properties"));
        xml.writeAttribute(kTable, QStringLiteral("align"), QStringLiteral("margins"));
        xml.writeAttribute(kFo, QStringLiteral("margin-left"), QString::number(0.42 * level) + QStringLiteral("cm"));
        xml.writeAttribute(kFo, QStringLiteral("margin-top"), QStringLiteral("0.1cm"));
        xml.writeAttribute(kFo, QStringLiteral("margin-bottom"), QStringLiteral("0.1cm"));
        xml.writeEndElement();
    }
    xml.writeStartElement(kStyle, QStringLiteral("style"));
    xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("NCell"));
    xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("table-cell"));
    xml.writeEmptyElement(kStyle, QStringLiteral("table-cell-properties"));
    xml.writeAttribute(kFo, QStringLiteral("padding"), QStringLiteral("0.05cm"));
    xml.writeAttribute(kFo, QStringLiteral("border"), QStringLiteral("0.5pt solid #999999"));
    xml.writeEndElement();
    for (const char *align : {"start", "center", "end"}) {
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("NCell_") + QLatin1String(align));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("paragraph"));
        xml.writeAttribute(kStyle, QStringLiteral("parent-style-name"), QStringLiteral("Dubao_20_Note"));
        xml.writeEmptyElement(kStyle, QStringLiteral("paragraph-properties"));
        xml.writeAttribute(kFo, QStringLiteral("margin-left"), QStringLiteral("0cm"));
        xml.writeAttribute(kFo, QStringLiteral("margin-top"), QStringLiteral("0cm"));
        xml.writeAttribute(kFo, QStringLiteral("text-align"), QLatin1String(align));
        xml.writeEndElement();
    }
    // A tag's chip: its colour as the background of its name ("Tag_RRGGBB").
    QSet<QString> colours;
    for (const ExportTag &t : document.tags) {
        const QString colour = exporttext::safeColour(t.colour);
        if (colour.isEmpty() || colours.contains(colour))
            continue;
        colours.insert(colour);
        xml.writeStartElement(kStyle, QStringLiteral("style"));
        xml.writeAttribute(kStyle, QStringLiteral("name"), QStringLiteral("Tag_") + colour.mid(1));
        xml.writeAttribute(kStyle, QStringLiteral("family"), QStringLiteral("text"));
        xml.writeEmptyElement(kStyle, QStringLiteral("text-properties"));
        xml.writeAttribute(kFo, QStringLiteral("background-color"), colour);
        xml.writeAttribute(kFo, QStringLiteral("color"), exporttext::textColourOn(colour));
        xml.writeEndElement();
    }
    paragraphStyle(QStringLiteral("NQuote"), 0.84, nullptr, "#555555");
    xml.writeEndElement();
}

/// Rendered Markdown's text runs: styled spans ("S<mask>", `mask` ORed into each) and links.
void writeSpans(QXmlStreamWriter &xml, const QList<markdown::Span> &spans, int mask)
{
    for (const markdown::Span &span : spans) {
        if (!span.href.isEmpty()) {
            xml.writeStartElement(kText, QStringLiteral("a"));
            xml.writeAttribute(kXlink, QStringLiteral("type"), QStringLiteral("simple"));
            xml.writeAttribute(kXlink, QStringLiteral("href"), exporttext::xmlSafe(span.href));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Internet_20_link"));
        }
        const int style =
            mask | (span.bold ? 1 : 0) | (span.italic ? 2 : 0) | (span.code ? 4 : 0) | (span.strike ? 8 : 0);
        if (style) {
            xml.writeStartElement(kText, QStringLiteral("span"));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("S%1").arg(style));
        }
        writeText(xml, span.text);
        if (style)
            xml.writeEndElement();
        if (!span.href.isEmpty())
            xml.writeEndElement();
    }
}

/// A Markdown table as a table:table: its head rows repeated on each page (table:table-header-rows, bold), its
/// columns' alignment on their cells' paragraphs.
void writeTable(QXmlStreamWriter &xml, const markdown::Block &table, int number)
{
    using markdown::Align;
    xml.writeStartElement(kTable, QStringLiteral("table"));
    xml.writeAttribute(kTable, QStringLiteral("name"), QStringLiteral("Note_Table_%1").arg(number));
    xml.writeAttribute(kTable, QStringLiteral("style-name"), QStringLiteral("NTable%1").arg(qBound(1, table.level, 6)));
    xml.writeEmptyElement(kTable, QStringLiteral("table-column"));
    xml.writeAttribute(kTable, QStringLiteral("number-columns-repeated"),
                       QString::number(qMax<qsizetype>(1, table.columns.size())));
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const bool head = r < table.headerRows;
        if (r == 0 && head)
            xml.writeStartElement(kTable, QStringLiteral("table-header-rows"));
        xml.writeStartElement(kTable, QStringLiteral("table-row"));
        const QList<markdown::Cell> &row = table.rows.at(r);
        for (qsizetype c = 0; c < qMax<qsizetype>(1, table.columns.size()); ++c) {
            xml.writeStartElement(kTable, QStringLiteral("table-cell"));
            xml.writeAttribute(kTable, QStringLiteral("style-name"), QStringLiteral("NCell"));
            xml.writeAttribute(kOffice, QStringLiteral("value-type"), QStringLiteral("string"));
            xml.writeStartElement(kText, QStringLiteral("p"));
            const Align align = table.columns.value(c, Align::Default);
            xml.writeAttribute(kText, QStringLiteral("style-name"),
                               align == Align::Center  ? QStringLiteral("NCell_center")
                               : align == Align::Right ? QStringLiteral("NCell_end")
                                                       : QStringLiteral("NCell_start"));
            if (c < row.size())
                writeSpans(xml, row.at(c).spans, head ? 1 : 0);
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        if (head && r + 1 == table.headerRows)
            xml.writeEndElement();
    }
    xml.writeEndElement();
}

/// A note's or free text's Markdown as paragraphs with styled spans and links, and tables.
void writeMarkdown(QXmlStreamWriter &xml, const QString &markdown, bool bullet, int &tables)
{
    using Kind = markdown::Block::Kind;
    bool first = true;
    for (const markdown::Block &block : markdown::render(markdown)) {
        if (block.kind == Kind::Table) {
            writeTable(xml, block, ++tables);
            continue;
        }
        xml.writeStartElement(kText, QStringLiteral("p"));
        QString style = QStringLiteral("N%1").arg(qBound(1, block.level, 6));
        if (block.kind == Kind::Code)
            style = QStringLiteral("NCode");
        else if (block.kind == Kind::Quote)
            style = QStringLiteral("NQuote");
        xml.writeAttribute(kText, QStringLiteral("style-name"), style);
        QString marker = block.listMarker();
        if (first && bullet && marker.isEmpty())
            marker = QStringLiteral("• ");
        first = false;
        writeText(xml, block.kind == Kind::Rule ? QStringLiteral("—————") : marker);
        writeSpans(xml, block.spans, (block.kind == Kind::Heading ? 1 : 0) | (block.kind == Kind::Code ? 4 : 0));
        xml.writeEndElement();
    }
}

Result<QByteArray> contentXml(const ExportDocument &document, const ExportOptions &options,
                              const ExportProgress &progress)
{
    using Role = OutlineItem::Role;
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, QStringLiteral("document-content"));
    automaticStyles(xml, document);
    xml.writeStartElement(kOffice, QStringLiteral("body"));
    xml.writeStartElement(kOffice, QStringLiteral("text"));
    int tables = 0;
    auto paragraph = [&](const char *style, const QString &text) {
        xml.writeStartElement(kText, QStringLiteral("p"));
        xml.writeAttribute(kText, QStringLiteral("style-name"), QString::fromLatin1(style));
        writeText(xml, text);
        xml.writeEndElement();
    };
    const Result<void> walked = walkOutline(document, options, progress, [&](const OutlineItem &item) {
        switch (item.role) {
        case Role::Title:
        case Role::GroupHeading:
        case Role::ArticleTitle:
            xml.writeStartElement(kText, QStringLiteral("h"));
            xml.writeAttribute(kText, QStringLiteral("style-name"),
                               QStringLiteral("Heading_20_%1").arg(item.headingLevel));
            xml.writeAttribute(kText, QStringLiteral("outline-level"), QString::number(item.headingLevel));
            writeText(xml, item.text);
            xml.writeEndElement();
            break;
        case Role::About:
            paragraph("Dubao_20_About", item.text);
            break;
        case Role::Source:
            paragraph("Dubao_20_Source", item.text);
            break;
        case Role::Quote:
            for (const QString &p : item.text.split(QStringLiteral("\n\n")))
                paragraph("Dubao_20_Quote", p);
            break;
        case Role::Tags:
            xml.writeStartElement(kText, QStringLiteral("p"));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Dubao_20_Tags"));
            writeText(xml, item.beforeTags);
            for (qsizetype i = 0; i < item.tags.size(); ++i) {
                if (i > 0)
                    writeText(xml, QStringLiteral(", "));
                const QString colour = item.tagColours.value(i);
                if (!colour.isEmpty()) {
                    xml.writeStartElement(kText, QStringLiteral("span"));
                    xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Tag_") + colour.mid(1));
                }
                writeText(xml, item.tags.at(i));
                if (!colour.isEmpty())
                    xml.writeEndElement();
            }
            writeText(xml, item.afterTags);
            xml.writeEndElement();
            break;
        case Role::Note:
            writeMarkdown(xml, item.text, true, tables);
            break;
        case Role::Link:
            xml.writeStartElement(kText, QStringLiteral("p"));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Dubao_20_Link"));
            xml.writeStartElement(kText, QStringLiteral("a"));
            xml.writeAttribute(kXlink, QStringLiteral("type"), QStringLiteral("simple"));
            xml.writeAttribute(kXlink, QStringLiteral("href"), exporttext::xmlSafe(item.text));
            xml.writeAttribute(kText, QStringLiteral("style-name"), QStringLiteral("Internet_20_link"));
            writeText(xml, item.text);
            xml.writeEndElement();
            xml.writeEndElement();
            break;
        case Role::Orphan:
            paragraph("Dubao_20_Orphan", item.text);
            break;
        case Role::FreeText:
            writeMarkdown(xml, item.text, false, tables);
            break;
        }
    });
    if (!walked)
        return walked.error();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

Result<void> writeOdt(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress)
{
    const Result<QByteArray> content = contentXml(document, options, progress);
    if (!content)
        return content.error();
    const QString family = options.fontFamily.isEmpty() ? QStringLiteral("Noto Serif CJK SC") : options.fontFamily;
    ZipWriter zip(device);
    zip.addFile(QStringLiteral("mimetype"), QByteArrayLiteral("application/vnd.oasis.opendocument.text"), true);
    zip.addFile(QStringLiteral("content.xml"), *content);
    zip.addFile(QStringLiteral("styles.xml"), stylesXml(exporttext::xmlSafe(family)));
    zip.addFile(QStringLiteral("meta.xml"), metaXml(document));
    zip.addFile(QStringLiteral("META-INF/manifest.xml"), manifestXml());
    return zip.finish();
}

} // namespace

ExportFormat odtExportFormat()
{
    return {.name = QStringLiteral("odt"),
            .suffix = QStringLiteral("odt"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "OpenDocument Text (.odt)"),
            .order = 50,
            .grouping = true,
            .optionalLinks = true,
            .binary = true,
            .createWriter = makeExportWriter<writeOdt>};
}

} // namespace dubao
