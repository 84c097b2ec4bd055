// Two columns of styled text on A4 landscape pages through Pango and cairo (sidebysidepdf.h).
#include "app/render/sidebysidepdf.h"

#include "app/render/exportwriters.h"
#include "app/render/pangolayout.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <vector>

namespace dubao {

namespace {

constexpr double kPageWidth = 841.8898; // A4 landscape, in points
constexpr double kPageHeight = 595.2756;
constexpr double kMargin = 42.5197; // 15 mm
constexpr double kGutter = 24;
constexpr double kLineFactor = 1.45;

cairo_status_t writeToDevice(void *closure, const unsigned char *data, unsigned int length)
{
    auto *device = static_cast<QIODevice *>(closure);
    const qint64 written = device->write(reinterpret_cast<const char *>(data), length);
    return written == qint64(length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

QByteArray escapeMarkup(const QString &text)
{
    QString cleaned = text;
    cleaned.remove(u'\r');
    for (QChar &c : cleaned)
        if (c.unicode() < 0x20 && c != u'\n' && c != u'\t')
            c = u' '; // Pango markup (XML) cannot carry C0 controls
    const QByteArray utf8 = cleaned.toUtf8();
    char *escaped = g_markup_escape_text(utf8.constData(), utf8.size());
    QByteArray out(escaped);
    g_free(escaped);
    return out;
}

QByteArray markup(const SideBySidePdf::Paragraph &paragraph)
{
    QByteArray out;
    for (const SideBySidePdf::Run &run : paragraph) {
        QByteArray attributes;
        if (run.background.isValid())
            attributes += " background=\"" + run.background.name(QColor::HexRgb).toLatin1() + '"';
        if (run.underline)
            attributes += " underline=\"single\"";
        if (run.strikeOut)
            attributes += " strikethrough=\"true\"";
        if (run.bold)
            attributes += " weight=\"bold\"";
        const QByteArray text = escapeMarkup(run.text);
        out += attributes.isEmpty() ? text : "<span" + attributes + '>' + text + "</span>";
    }
    return out;
}

/// One laid-out line, placed: on which page, where its baseline starts.
struct PlacedLine
{
    PangoLayoutLine *line;
    int page;
    double x;
    double baseline;
};

class Pages
{
public:
    Pages(QIODevice &device, const QString &family)
        : m_surface(cairo_pdf_surface_create_for_stream(writeToDevice, &device, kPageWidth, kPageHeight))
        , m_cr(cairo_create(m_surface))
        , m_family(family.toUtf8())
    {}
    ~Pages()
    {
        for (const PlacedLine &placed : m_lines)
            pango_layout_line_unref(placed.line);
        for (PangoLayout *layout : m_layouts)
            g_object_unref(layout);
        cairo_destroy(m_cr);
        cairo_surface_destroy(m_surface);
    }
    Q_DISABLE_COPY_MOVE(Pages)

    void setTitle(const QString &title)
    {
        const QByteArray utf8 = title.toUtf8();
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, utf8.constData());
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "Dubao");
    }

    /// Lays `paragraph` out `width` wide from (x, *y) on *page, line by line onto the next page when one is full
    /// (lines start at `top` there); *y ends under its last line.
    void flow(const QByteArray &markup, double size, double x, double width, double top, int *page, double *y)
    {
        PangoLayout *layout = createChineseLayout(m_cr, m_family, size, false, width, markup);
        m_layouts.push_back(layout);

        PangoLayoutIter *line = pango_layout_get_iter(layout);
        do {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(line, nullptr, &logical);
            const double height = double(logical.height) / PANGO_SCALE, advance = height * kLineFactor;
            if (*y + height > kPageHeight - kMargin && *y > top) {
                ++*page;
                *y = top;
            }
            const double baseline = double(pango_layout_iter_get_baseline(line) - logical.y) / PANGO_SCALE;
            m_lines.push_back({pango_layout_line_ref(pango_layout_iter_get_line_readonly(line)), *page,
                               x + double(logical.x) / PANGO_SCALE, *y + (advance - height) / 2 + baseline});
            *y += advance;
        } while (pango_layout_iter_next_line(line));
        pango_layout_iter_free(line);
    }

    /// Draws every placed line, page by page, and ends the file.
    Result<void> finish()
    {
        int pages = 0;
        for (const PlacedLine &placed : m_lines)
            pages = std::max(pages, placed.page + 1);
        for (int page = 0; page < pages; ++page) {
            cairo_set_source_rgb(m_cr, 0, 0, 0);
            for (const PlacedLine &placed : m_lines) {
                if (placed.page != page)
                    continue;
                cairo_move_to(m_cr, placed.x, placed.baseline);
                pango_cairo_show_layout_line(m_cr, placed.line);
            }
            cairo_show_page(m_cr);
        }
        cairo_surface_finish(m_surface);
        const cairo_status_t status = cairo_surface_status(m_surface);
        if (status != CAIRO_STATUS_SUCCESS)
            return Error(QCoreApplication::translate("dubao::PdfWriter", "the PDF writer failed: %1")
                             .arg(QString::fromUtf8(cairo_status_to_string(status))));
        return {};
    }

private:
    cairo_surface_t *m_surface;
    cairo_t *m_cr;
    QByteArray m_family;
    std::vector<PangoLayout *> m_layouts;
    std::vector<PlacedLine> m_lines;
};

} // namespace

Result<void> writeSideBySidePdf(const SideBySidePdf &document, QIODevice &device, const QString &fontFamily)
{
    Pages pages(device, fontFamily.isEmpty() ? defaultExportFontFamily() : fontFamily);
    pages.setTitle(document.title);
    const double fullWidth = kPageWidth - 2 * kMargin;
    int page = 0;
    double y = kMargin;
    pages.flow(markup({{document.title, {}, false, false, true}}), 13, kMargin, fullWidth, kMargin, &page, &y);
    for (const SideBySidePdf::Paragraph &paragraph : document.header)
        pages.flow(markup(paragraph), 9, kMargin, fullWidth, kMargin, &page, &y);
    y += 8;
    // The columns start level under the header, each running on by itself.
    const double columnWidth = (fullWidth - kGutter) / 2;
    for (int c = 0; c < 2; ++c) {
        int columnPage = page;
        double columnY = y;
        const double x = kMargin + c * (columnWidth + kGutter);
        for (const SideBySidePdf::Paragraph &paragraph : document.columns[c]) {
            pages.flow(markup(paragraph), 10.5, x, columnWidth, kMargin, &columnPage, &columnY);
            columnY += 4;
        }
    }
    return pages.finish();
}

} // namespace dubao
