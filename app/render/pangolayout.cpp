// The text layout both PDF writers start from (pangolayout.h).
#include "app/render/pangolayout.h"

namespace dubao {

PangoLayout *createChineseLayout(cairo_t *cr, const QByteArray &family, double size, bool bold, double width,
                                 const QByteArray &markup)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, family.constData());
    pango_font_description_set_size(font, int(size * PANGO_SCALE));
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, int(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(layout, markup.constData(), int(markup.size()));
    // Simplified Chinese glyph forms wherever the font offers several. Markup attributes come first; the language
    // goes under them.
    PangoAttrList *attributes = pango_layout_get_attributes(layout);
    PangoAttrList *own = attributes ? pango_attr_list_ref(attributes) : pango_attr_list_new();
    pango_attr_list_insert_before(own, pango_attr_language_new(pango_language_from_string("zh-cn")));
    pango_layout_set_attributes(layout, own);
    pango_attr_list_unref(own);
    return layout;
}

} // namespace dubao
