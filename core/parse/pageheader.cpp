#include "core/parse/pageheader.h"

#include "core/text/chinesetext.h"

#include <QRegularExpression>

namespace dubao::parse {

std::optional<PageHeader> parsePageHeader(QStringView line)
{
    // Cheap checks first: every line of a file comes here. A header is short and has 版.
    const QStringView trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 30 || !trimmed.contains(u'版'))
        return std::nullopt;
    // The number: digits (full width too) after an optional letter (A3, B12), or a Chinese numeral; 第 before it
    // is optional (3版). The name: Han characters (· between them), after a space, a colon or a dash. Nothing
    // else on the line: "今日16版 总第3640期 …" (a masthead) and "详见第3版。" (text) are no headers.
    static const QRegularExpression re(
        QStringLiteral(u"^第?\\s*((?:[A-Za-zＡ-Ｚａ-ｚ]\\s*)?[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\\s*版"
                       u"(?:\\s*[:：·—\\-]?\\s*(\\p{Han}(?:[\\p{Han}·・]|\\s(?=\\p{Han})){0,15}))?\\s*$"));
    const QRegularExpressionMatch m = re.match(text::foldToSimplified(trimmed));
    if (!m.hasMatch())
        return std::nullopt;
    PageHeader header;
    for (const QChar c : m.capturedView(1))
        if (!text::isOcrSpace(c))
            header.page += c;
    header.name = m.captured(2);
    return header;
}

} // namespace dubao::parse
