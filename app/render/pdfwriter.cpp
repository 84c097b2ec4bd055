// PDF through Pango and cairo (Debian: libpango1.0, libcairo2): A4, 20 mm margins, text in Noto Serif CJK SC,
// glyphs embedded as a subset.
//
// Why not QPdfWriter: Qt 6.4's PDF engine builds each font's ToUnicode map from the font's cmap, taking the lowest
// code point of a glyph, so a glyph shared by a Kangxi radical and an ideograph extracts as the radical (人 → ⼈,
// 水 → ⽔), and glyphs reached only through OpenType substitution (the digits of a Latin line) extract as nothing.
// pdftotext then gives a different text from the one on the page. Pango hands cairo each glyph run together with
// the text it came from (cairo_show_text_glyphs), and cairo writes ToUnicode (and ActualText where a glyph stands
// for other text) from that, so what a reader copies out of the PDF is the excerpt as written.
#include "app/render/exportwriters.h"
#include "app/render/pangolayout.h"
#include "core/export/documentoutline.h"
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/safemarkdown.h"

#include <QColor>
#include <QCoreApplication>
#include <QIODevice>
#include <QImage>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace dubao {

namespace {

constexpr double kPageWidth = 595.2756; // A4 in points
constexpr double kPageHeight = 841.8898;
constexpr double kMargin = 56.6929; // 20 mm

struct Style
{
    double size = 11;
    bool bold = false;
    QColor colour = Qt::black;
    double top = 0;  ///< space above, in points (dropped at the top of a page)
    double left = 0; ///< indent, in points
    QColor background{};
    double lineFactor = 1.5;
    QString href{}; ///< the whole paragraph links there
};

QByteArray escapeMarkup(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    char *escaped = g_markup_escape_text(utf8.constData(), utf8.size());
    QByteArray out(escaped);
    g_free(escaped);
    return out;
}

// XML 1.0 and Pango markup cannot carry C0 controls; a line separator is a line break.
QString clean(const QString &text)
{
    QString out = text;
    out.remove(u'\r');
    for (QChar &c : out) {
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t')
            c = u' ';
        else if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u'\n';
    }
    return out;
}

cairo_status_t writeToDevice(void *closure, const unsigned char *data, unsigned int length)
{
    auto *device = static_cast<QIODevice *>(closure);
    const qint64 written = device->write(reinterpret_cast<const char *>(data), length);
    return written == qint64(length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/// Pages of laid-out paragraphs on a cairo PDF surface (or on none, to count pages), or the first page only on an
/// image (the export dialog's preview).
class PdfPages
{
public:
    PdfPages(QIODevice *device, const QString &family, const QString &title)
        : m_surface(device ? cairo_pdf_surface_create_for_stream(writeToDevice, device, kPageWidth, kPageHeight)
                           : cairo_pdf_surface_create_for_stream(nullptr, nullptr, kPageWidth, kPageHeight))
        , m_cr(cairo_create(m_surface))
        , m_family(family.toUtf8())
    {
        const QByteArray utf8 = clean(title).toUtf8();
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, utf8.constData());
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Dubao");
    }
    /// The first page on a white image `width` pixels wide (A4's proportions).
    PdfPages(int width, const QString &family)
        : m_surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, int(width * kPageHeight / kPageWidth)))
        , m_cr(cairo_create(m_surface))
        , m_family(family.toUtf8())
        , m_firstPageOnly(true)
    {
        cairo_set_source_rgb(m_cr, 1, 1, 1);
        cairo_paint(m_cr);
        cairo_scale(m_cr, width / kPageWidth, width / kPageWidth);
    }
    ~PdfPages()
    {
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }
    Q_DISABLE_COPY_MOVE(PdfPages)

    /// `markup` is Pango markup (text escaped with escapeMarkup()).
    void paragraph(const QByteArray &markup, const Style &style)
    {
        if (m_firstPageOnly && m_pages > 0)
            return;
        PangoLayout *layout =
            createChineseLayout(m_cr, m_family, style.size, style.bold, kPageWidth - 2 * kMargin - style.left, markup);

        if (m_y > kMargin)
            m_y += style.top;
        PangoLayoutIter *line = pango_layout_get_iter(layout);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(line, nullptr, &logical);
            const double height = double(logical.height) / PANGO_SCALE;
            const double advance = height * style.lineFactor;
            if (m_y + height > kPageHeight - kMargin && m_y > kMargin)
                newPage();
            if (m_firstPageOnly && m_pages > 0)
                break;
            const double x = kMargin + style.left;
            if (style.background.isValid()) {
                cairo_set_source_rgb(m_cr, style.background.redF(), style.background.greenF(),
                                     style.background.blueF());
                cairo_rectangle(m_cr, x - 6, m_y, kPageWidth - kMargin - x + 6, advance);
                cairo_fill(m_cr);
            }
            cairo_set_source_rgb(m_cr, style.colour.redF(), style.colour.greenF(), style.colour.blueF());
            const double baseline = double(pango_layout_iter_get_baseline(line) - logical.y) / PANGO_SCALE;
            cairo_move_to(m_cr, x + double(logical.x) / PANGO_SCALE, m_y + (advance - height) / 2 + baseline);
            if (!style.href.isEmpty())
                cairo_tag_begin(m_cr, CAIRO_TAG_LINK, linkAttributes(style.href).constData());
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(line));
            if (!style.href.isEmpty())
                cairo_tag_end(m_cr, CAIRO_TAG_LINK);
            m_y += advance;
        } while (pango_layout_iter_next_line(line));
        pango_layout_iter_free(line);
        g_object_unref(layout);
    }

    /// A table of cells in Pango markup (`rows` of one cell per column), ruled, its first `headerRows` rows shaded
    /// and repeated at the top of a page it continues on. Columns take their widest cell's width; when they do not
    /// fit, the room is shared in proportion to it (each column at least a sixth of its share) and cells wrap.
    void table(const QList<QList<QByteArray>> &rows, const QList<markdown::Align> &columns, int headerRows, double size,
               double left)
    {
        if (rows.isEmpty() || columns.isEmpty() || (m_firstPageOnly && m_pages > 0))
            return;
        constexpr double kPad = 3;  // above and below the text
        constexpr double kPadX = 8; // either side: more than a space, so the columns stay apart when text is copied
        const double room = kPageWidth - 2 * kMargin - left;
        const qsizetype count = columns.size();
        QList<double> widths(count, 2 * kPadX + 6);
        for (const QList<QByteArray> &row : rows) {
            for (qsizetype c = 0; c < count && c < row.size(); ++c) {
                PangoLayout *layout = createChineseLayout(m_cr, m_family, size, false, room, row.at(c));
                pango_layout_set_width(layout, -1);
                int width = 0;
                pango_layout_get_size(layout, &width, nullptr);
                g_object_unref(layout);
                widths[c] = qMax(widths[c], double(width) / PANGO_SCALE + 2 * kPadX + 1);
            }
        }
        double total = 0;
        for (const double w : std::as_const(widths))
            total += w;
        if (total > room) {
            const double floor = room / double(count) / 6;
            double spare = room - floor * double(count);
            for (double &w : widths)
                w = floor + spare * w / total;
        }
        auto drawRow = [&](const QList<QByteArray> &row, bool head) {
            QList<PangoLayout *> layouts;
            double height = 0;
            for (qsizetype c = 0; c < count; ++c) {
                PangoLayout *layout = createChineseLayout(m_cr, m_family, size, head, widths.at(c) - 2 * kPadX,
                                                          c < row.size() ? row.at(c) : QByteArray());
                const markdown::Align align = columns.at(c);
                pango_layout_set_alignment(layout, align == markdown::Align::Center  ? PANGO_ALIGN_CENTER
                                                   : align == markdown::Align::Right ? PANGO_ALIGN_RIGHT
                                                                                     : PANGO_ALIGN_LEFT);
                int h = 0;
                pango_layout_get_size(layout, nullptr, &h);
                height = qMax(height, double(h) / PANGO_SCALE + 2 * kPad);
                layouts.append(layout);
            }
            const bool fits = m_y + height <= kPageHeight - kMargin || m_y <= kMargin;
            if (fits) {
                double x = kMargin + left;
                for (qsizetype c = 0; c < count; ++c) {
                    cairo_rectangle(m_cr, x, m_y, widths.at(c), height);
                    if (head) {
                        cairo_set_source_rgb(m_cr, 0.95, 0.95, 0.95);
                        cairo_fill_preserve(m_cr);
                    }
                    cairo_set_source_rgb(m_cr, 0.6, 0.6, 0.6);
                    cairo_set_line_width(m_cr, 0.5);
                    cairo_stroke(m_cr);
                    cairo_set_source_rgb(m_cr, 0, 0, 0);
                    cairo_move_to(m_cr, x + kPadX, m_y + kPad);
                    pango_cairo_show_layout(m_cr, layouts.at(c));
                    x += widths.at(c);
                }
                m_y += height;
            }
            for (PangoLayout *layout : std::as_const(layouts))
                g_object_unref(layout);
            return fits;
        };
        if (m_y > kMargin)
            m_y += 4;
        for (qsizetype r = 0; r < rows.size(); ++r) {
            if (drawRow(rows.at(r), r < headerRows))
                continue;
            newPage();
            if (m_firstPageOnly)
                return;
            for (qsizetype h = 0; h < headerRows && h < r; ++h)
                drawRow(rows.at(h), true);
            drawRow(rows.at(r), r < headerRows);
        }
        m_y += 4;
    }

    void newPage()
    {
        if (!m_firstPageOnly)
            cairo_show_page(m_cr);
        ++m_pages;
        m_y = kMargin;
    }

    /// Ends the last page and the file; an error when cairo could not write.
    Result<void> finish()
    {
        newPage();
        cairo_surface_finish(m_surface);
        const cairo_status_t status = cairo_surface_status(m_surface);
        if (status != CAIRO_STATUS_SUCCESS)
            return Error(QCoreApplication::translate("dubao::PdfWriter", "the PDF writer failed: %1")
                             .arg(QString::fromUtf8(cairo_status_to_string(status))));
        return {};
    }

    int pageCount() const { return m_pages; }

    /// The image of the first page (the image constructor's).
    QImage image()
    {
        cairo_surface_flush(m_surface);
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS ||
            cairo_surface_get_type(m_surface) != CAIRO_SURFACE_TYPE_IMAGE)
            return {};
        return QImage(cairo_image_surface_get_data(m_surface), cairo_image_surface_get_width(m_surface),
                      cairo_image_surface_get_height(m_surface), cairo_image_surface_get_stride(m_surface),
                      QImage::Format_RGB32)
            .copy();
    }

private:
    static QByteArray linkAttributes(const QString &href)
    {
        QByteArray uri = href.toUtf8();
        uri.replace('\\', "\\\\").replace('\'', "\\'");
        return "uri='" + uri + "'";
    }

    cairo_surface_t *m_surface;
    cairo_t *m_cr;
    QByteArray m_family;
    double m_y = kMargin;
    int m_pages = 0;
    bool m_firstPageOnly = false;
};

// Rendered Markdown's text runs as Pango markup.
QByteArray spansMarkup(const QList<markdown::Span> &spans, bool codeBlock)
{
    QByteArray markup;
    for (const markdown::Span &span : spans) {
        QByteArray text = escapeMarkup(clean(span.text));
        if (span.code || codeBlock)
            text = "<tt>" + text + "</tt>";
        if (span.strike)
            text = "<s>" + text + "</s>";
        if (span.italic)
            text = "<i>" + text + "</i>";
        if (span.bold)
            text = "<b>" + text + "</b>";
        if (!span.href.isEmpty())
            text = "<span foreground=\"#3366cc\" underline=\"single\">" + text + "</span>";
        markup += text;
    }
    return markup;
}

// A note's or free text's Markdown, rendered: each block a paragraph, its spans as Pango markup; a table a table.
void markdownParagraphs(PdfPages &pages, const QString &markdown, double size, double left, bool bullet)
{
    using Kind = markdown::Block::Kind;
    bool first = true;
    for (const markdown::Block &block : markdown::render(markdown)) {
        if (block.kind == Kind::Table) {
            QList<QList<QByteArray>> rows;
            for (const QList<markdown::Cell> &row : block.rows) {
                QList<QByteArray> cells;
                for (const markdown::Cell &cell : row)
                    cells.append(spansMarkup(cell.spans, false));
                rows.append(cells);
            }
            pages.table(rows, block.columns, block.headerRows, size, left + 12 * qMax(0, block.level - 1));
            first = false;
            continue;
        }
        QByteArray markup = escapeMarkup(block.listMarker());
        if (first && bullet && block.listMarker().isEmpty())
            markup = escapeMarkup(QStringLiteral("• "));
        first = false;
        markup += spansMarkup(block.spans, block.kind == Kind::Code);
        if (block.kind == Kind::Rule)
            markup = "—————";
        const double indent = left + 12 * qMax(0, block.level - 1);
        Style style{.size = size, .top = 2, .left = indent};
        if (block.kind == Kind::Heading)
            style = {.size = size + 1, .bold = true, .top = 6, .left = indent};
        else if (block.kind == Kind::Quote)
            style = {.size = size, .colour = QColor(0x55, 0x55, 0x55), .top = 2, .left = indent + 12};
        else if (block.kind == Kind::Code)
            style = {.size = size - 1,
                     .top = 2,
                     .left = indent + 6,
                     .background = QColor(0xf2, 0xf2, 0xf2),
                     .lineFactor = 1.2};
        pages.paragraph(markup, style);
    }
}

QString familyOf(const ExportOptions &options)
{
    return options.fontFamily.isEmpty() ? defaultExportFontFamily() : options.fontFamily;
}

Result<void> layOut(PdfPages &pages, const ExportDocument &document, const ExportOptions &options,
                    const ExportProgress &progress)
{
    using Role = OutlineItem::Role;
    const QColor grey(0x66, 0x66, 0x66);
    return walkOutline(document, options, progress, [&](const OutlineItem &item) {
        const QByteArray text = escapeMarkup(clean(item.text));
        switch (item.role) {
        case Role::Title:
            pages.paragraph(text, {.size = 20, .bold = true, .lineFactor = 1.3});
            break;
        case Role::About:
            pages.paragraph(text, {.size = 9, .colour = grey});
            break;
        case Role::GroupHeading:
            pages.paragraph(text, {.size = 15, .bold = true, .top = 18, .lineFactor = 1.3});
            break;
        case Role::ArticleTitle:
            pages.paragraph(text, {.size = 13, .bold = true, .top = 14, .lineFactor = 1.3});
            break;
        case Role::Source:
            pages.paragraph(text, {.size = 9, .colour = grey});
            break;
        case Role::Tags: {
            QByteArray markup = escapeMarkup(item.beforeTags);
            for (qsizetype i = 0; i < item.tags.size(); ++i) {
                const QByteArray tag = escapeMarkup(clean(item.tags.at(i)));
                const QString colour = item.tagColours.value(i);
                markup +=
                    (i > 0 ? ", " : "") +
                    (colour.isEmpty() ? tag
                                      : "<span background=\"" + colour.toLatin1() + "\" foreground=\"" +
                                            exporttext::textColourOn(colour).toLatin1() + "\">" + tag + "</span>");
            }
            pages.paragraph(markup + escapeMarkup(item.afterTags), {.size = 9, .colour = grey});
            break;
        }
        case Role::Quote:
            for (const QString &paragraph : item.text.split(QStringLiteral("\n\n")))
                pages.paragraph(
                    escapeMarkup(clean(paragraph)),
                    {.colour = QColor(0x22, 0x22, 0x22), .top = 4, .left = 18, .background = QColor(0xfa, 0xf7, 0xf2)});
            break;
        case Role::Note:
            markdownParagraphs(pages, item.text, 10.5, 12, true);
            break;
        case Role::Link:
            pages.paragraph("<u>" + text + "</u>", {.size = 9, .colour = QColor(0x33, 0x66, 0xcc), .href = item.text});
            break;
        case Role::Orphan:
            pages.paragraph(text, {.size = 9, .colour = QColor(0xaa, 0x66, 0x00)});
            break;
        case Role::FreeText:
            markdownParagraphs(pages, item.text, 11, 0, false);
            break;
        }
    });
}

Result<void> writePdf(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress)
{
    PdfPages pages(&device, familyOf(options), document.title);
    const Result<void> laidOut = layOut(pages, document, options, progress);
    if (!laidOut)
        return laidOut;
    // A failed write also shows in QSaveFile::commit() (exportToFile), which then keeps the old file.
    return pages.finish();
}

} // namespace

QString defaultExportFontFamily()
{
    return QStringLiteral("Noto Serif CJK SC");
}

int pdfExportPageCount(const ExportDocument &document, const ExportOptions &options)
{
    PdfPages pages(nullptr, familyOf(options), document.title);
    if (!layOut(pages, document, options, {}) || !pages.finish())
        return 0;
    return pages.pageCount();
}

QImage pdfExportFirstPage(const ExportDocument &document, const ExportOptions &options, int width)
{
    PdfPages page(width, familyOf(options));
    if (!layOut(page, document, options, {}))
        return {};
    return page.image();
}

ExportFormat pdfExportFormat()
{
    return {.name = QStringLiteral("pdf"),
            .suffix = QStringLiteral("pdf"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "PDF (.pdf)"),
            .order = 60,
            .grouping = true,
            .optionalLinks = true,
            .binary = true,
            .createWriter = makeExportWriter<writePdf>};
}

} // namespace dubao
