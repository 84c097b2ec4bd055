// The text layout both PDF writers start from (pdfwriter.cpp, sidebysidepdf.cpp): Pango markup in the export's font,
// wrapped to a width, with Simplified Chinese glyph forms.
#pragma once

#include <QByteArray>

#include <pango/pangocairo.h>

namespace dubao {

/// A new layout on `cr` (the caller unrefs it) of `markup` in `family` at `size` points, `width` points wide,
/// wrapped between words or characters, its language zh-cn so that the font's Simplified glyph forms are used
/// wherever it offers several.
PangoLayout *createChineseLayout(cairo_t *cr, const QByteArray &family, double size, bool bold, double width,
                                 const QByteArray &markup);

} // namespace dubao
