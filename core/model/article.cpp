#include "core/model/article.h"

namespace dubao {

QString blockKindName(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Body:
        return QStringLiteral("body");
    case BlockKind::Heading:
        return QStringLiteral("heading");
    case BlockKind::Speaker:
        return QStringLiteral("speaker");
    case BlockKind::Caption:
        return QStringLiteral("caption");
    case BlockKind::Note:
        return QStringLiteral("note");
    }
    return QStringLiteral("body");
}

std::optional<BlockKind> blockKindFromName(QStringView name)
{
    for (BlockKind kind :
         {BlockKind::Body, BlockKind::Heading, BlockKind::Speaker, BlockKind::Caption, BlockKind::Note}) {
        if (name == blockKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QString citedPage(const QString &page)
{
    QString out;
    int chinese = -1; // the value of a Chinese numeral being read
    int unit = 0;     // its digit before 十
    for (const QChar c : page) {
        const char16_t u = c.unicode();
        const QChar ascii = u >= 0xff01 && u <= 0xff5e ? QChar(u - 0xfee0) : c; // full width → ASCII
        static const QString numerals = QStringLiteral(u"〇一二三四五六七八九");
        if (const qsizetype d = numerals.indexOf(c); d >= 0) {
            chinese = chinese < 0 ? 0 : chinese;
            unit = int(d);
        } else if (u == u'十') {
            chinese = (chinese < 0 ? 0 : chinese) + 10 * (unit == 0 ? 1 : unit);
            unit = 0;
        } else if (ascii.isDigit()) {
            if (!(ascii == u'0' && (out.isEmpty() || !out.back().isDigit())))
                out += ascii;
        } else if (!ascii.isSpace()) {
            out += ascii.toUpper();
        }
    }
    if (chinese >= 0)
        out += QString::number(chinese + unit);
    return out.isEmpty() && !page.isEmpty() ? QStringLiteral("0") : out;
}

} // namespace dubao
