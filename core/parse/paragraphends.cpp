// The paragraph-end rules: see paragraphends.h.
#include "core/parse/paragraphends.h"

#include "core/parse/issuedate.h"
#include "core/text/chinesetext.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace dubao::parse {

using namespace text;

namespace {

// The visible length of a piece: spaces do not count.
int visibleLength(QStringView t)
{
    int n = 0;
    for (QChar c : t)
        n += !isOcrSpace(c);
    return n;
}

// The length of a wrapped line as laid out: everything up to its last visible character, indent included.
int lineLength(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && line[end - 1].isSpace())
        --end;
    return int(end);
}

bool isIndented(QStringView line)
{
    return line.startsWith(QChar(0x3000)) || line.startsWith(u"  ");
}

} // namespace

int spacedColumnWidth(const QList<QStringView> &bodyTexts)
{
    // The pieces between two spaces of a text with at least three of them; the first and last piece of each text
    // are left out (a byline before the first, a short end after the last).
    QList<int> lengths;
    for (QStringView t : bodyTexts) {
        QList<int> pieces;
        int run = 0;
        for (QChar c : t) {
            if (c == u' ') {
                if (run > 0)
                    pieces.append(run);
                run = 0;
            } else {
                ++run;
            }
        }
        if (pieces.size() >= 3)
            lengths += pieces.mid(1);
    }
    if (lengths.size() < 5)
        return 0;
    std::sort(lengths.begin(), lengths.end());
    const int median = lengths[lengths.size() / 2];
    // A column shows as pieces of one length (give or take the half-width punctuation).
    const auto near = std::count_if(lengths.cbegin(), lengths.cend(), [&](int n) { return std::abs(n - median) <= 2; });
    return median >= 6 && near * 10 >= lengths.size() * 6 ? median : 0;
}

int wrappedLineWidth(const QList<QStringList> &chunkLines)
{
    QHash<int, int> counts;
    int lines = 0;
    for (const QStringList &chunk : chunkLines) {
        if (chunk.size() < 3)
            continue;
        for (qsizetype k = 0; k + 1 < chunk.size(); ++k) { // the last line of a chunk may be short
            ++counts[lineLength(chunk[k])];
            ++lines;
        }
    }
    if (lines < 6)
        return 0;
    int width = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > counts.value(width))
            width = it.key();
    }
    const int near = counts.value(width) + counts.value(width - 1) + counts.value(width + 1);
    return width >= 8 && near * 10 >= lines * 6 ? width : 0;
}

bool endsShortOfColumn(QStringView piece, int spacedWidth)
{
    if (spacedWidth == 0)
        return false;
    const QStringView t = piece.trimmed();
    const qsizetype space = t.lastIndexOf(u' ');
    // Only a piece whose end shows the column: a space within the last column's width.
    if (space < 0 || t.size() - space > spacedWidth + 3)
        return false;
    if (t.endsWith(u'，') || t.endsWith(u',') || t.endsWith(u'、') || t.endsWith(u'“'))
        return false; // a paragraph never ends on a comma or an opening quote
    return visibleLength(t.mid(space + 1)) * 2 <= spacedWidth;
}

QList<int> wrappedParagraphStarts(const QStringList &lines, int lineWidth)
{
    QList<int> starts;
    if (lineWidth == 0)
        return starts;
    for (qsizetype k = 1; k < lines.size(); ++k) {
        const QStringView previous = QStringView(lines[k - 1]).trimmed();
        if (isIndented(lines[k]) ||
            (lineLength(lines[k - 1]) < lineWidth - 1 && !previous.endsWith(u'，') && !previous.endsWith(u',')))
            starts.append(int(k));
    }
    return starts;
}

bool isWrappedRun(const QStringList &lines, int lineWidth)
{
    for (qsizetype k = 0; k + 1 < lines.size(); ++k) {
        if (std::abs(lineLength(lines[k]) - lineWidth) > 1)
            return false;
    }
    return lineWidth > 0 && lines.size() > 1;
}

// Rule "sentence-opener": after a piece that stops on a word (not on a comma or an opening quote), a chunk opening
// with a phrase that begins a report's sentence begins a paragraph (other papers: "…调研采访" / "采访活动情况介绍
// 会上,…"; "…妥善处理" / "据称,…"; "截至17日下午,…").
bool opensSentence(const QString &previous, const QString &original)
{
    const QStringView before = QStringView(previous).trimmed();
    if (before.isEmpty() || !isHan(before.back()))
        return false;
    const QString content = foldToSimplified(QStringView(original).left(24));
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*(?:(?:据称|据报道|截至|目前|近年来|随后|同时|另外|记者了解到|经过|自)[^，,。]{0,10}[，,]"
                       u"|[\\p{Han}\\d]{2,10}(?:会上|期间|现场|仪式上|以来)[，,]"
                       u"|(?:今年|去年|近期|日前|\\d{4}年\\d{1,2}月)[^，,。]{0,8}[，,]"
                       u"|\\d{1,2}日(?:上午|下午|晚上|晚间|凌晨|中午)?[，,]"
                       u"|\\p{Han}{2,4}在[^，,。]{1,12}?(?:强调|指出|表示|要求|认为|说)[，,：:])"));
    return re.match(content).hasMatch();
}

// Whether `next` reads as the second half of a paragraph whose first half is `piece`: it opens no paragraph of its
// own (a date-line, an opening formula) and `piece` ends in the middle of a sentence.
bool continuesCutPiece(const QString &piece, const QString &next, bool (*opensParagraph)(const QString &))
{
    const QStringView end = QStringView(piece).trimmed();
    if (end.isEmpty() || end.size() < 8 || !(isHan(end.back()) || end.back().isDigit() || end.back() == u'、'))
        return false;
    return !monthDayRe().match(next).hasMatch() && !opensParagraph(next) && !opensSentence(piece, next);
}

} // namespace dubao::parse
