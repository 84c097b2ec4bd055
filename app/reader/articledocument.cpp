#include "app/reader/articledocument.h"

#include "core/model/issuedate.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QImage>
#include <QPalette>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

namespace dubao {

namespace {

// Fonts for Chinese text first (fonts-noto-cjk on Debian), then what other systems ship; fontconfig falls back
// from the last generic name.
const QStringList &serifFamilies()
{
    static const QStringList families{QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Source Han Serif SC"),
                                      QStringLiteral("Songti SC"),         QStringLiteral("SimSun"),
                                      QStringLiteral("Noto Sans CJK SC"),  QStringLiteral("serif")};
    return families;
}

const QStringList &sansFamilies()
{
    static const QStringList families{QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                      QStringLiteral("PingFang SC"), QStringLiteral("Microsoft YaHei"),
                                      QStringLiteral("sans-serif")};
    return families;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString bylineDate(const Article &article, const IssueInfo &issue)
{
    if (issue.date.isValid())
        return issueDateText(issue);
    if (article.byline && !article.byline->date.isEmpty())
        return article.byline->date;
    return issue.day > 0 ? monthDayText(issue.month, issue.day) : QString();
}

/// Writes blocks into a cleared document in the style's sizes and colours.
class Typesetter
{
public:
    Typesetter(QTextDocument &document, const ArticleStyle &style)
        : m_style(style)
        , m_muted(mix(style.text, style.paper, 0.42))
    {
        document.clear();
        m_cursor = QTextCursor(&document);
        // Fonts are measured at the screen's resolution, on an image of that resolution (no widget needed).
        m_screen.setDotsPerMeterX(qRound(style.dpi / 0.0254));
        m_screen.setDotsPerMeterY(qRound(style.dpi / 0.0254));
    }

    const QColor &text() const { return m_style.text; }
    const QColor &muted() const { return m_muted; }
    qreal em() const { return m_style.em(); }

    QTextCharFormat charFormat(const QStringList &families, qreal scale, bool bold, const QColor &color) const
    {
        QTextCharFormat format;
        format.setFontFamilies(families);
        format.setFontPointSize(m_style.textSize * scale);
        format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        format.setForeground(color);
        return format;
    }
    QTextCharFormat sans(qreal scale, bool bold, const QColor &color) const
    {
        return charFormat(sansFamilies(), scale, bold, color);
    }
    QTextCharFormat serif(qreal scale, bool bold, const QColor &color) const
    {
        return charFormat(serifFamilies(), scale, bold, color);
    }

    // Line heights are given as multiples of the font size (1.8 for body text). Qt's proportional height is
    // relative to the font's own line spacing, which for CJK fonts is already ~1.45 em, so convert.
    QTextBlockFormat blockFormat(ArticlePart part, const QTextCharFormat &chars, qreal lineEm, qreal topEm,
                                 qreal bottomEm) const
    {
        QTextBlockFormat format;
        format.setProperty(PartProperty, int(part));
        const QFontMetricsF metrics(chars.font(), &m_screen);
        const qreal fontEm = chars.fontPointSize() * m_style.dpi / 72.0;
        const qreal percent = metrics.lineSpacing() > 0 ? 100.0 * lineEm * fontEm / metrics.lineSpacing() : 100.0;
        format.setLineHeight(std::max(100.0, percent), QTextBlockFormat::ProportionalHeight);
        format.setTopMargin(topEm * em());
        format.setBottomMargin(bottomEm * em());
        return format;
    }

    void add(QString content, const QTextBlockFormat &block, const QTextCharFormat &chars)
    {
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(block, chars);
        }
        // One QTextBlock per paragraph: a line break inside a paragraph must not start a new block. U+2028 is
        // one code unit like '\n', so offsets into the cleaned text stay the same.
        content.replace(QLatin1Char('\n'), QChar::LineSeparator);
        m_cursor.insertText(content, chars);
    }

private:
    const ArticleStyle &m_style;
    QColor m_muted;
    QImage m_screen{1, 1, QImage::Format_ARGB32};
    QTextCursor m_cursor;
    bool m_first = true;
};

QString bylineText(const Article &article, const IssueInfo &issue, const ArticleLabels &labels)
{
    QStringList byline;
    if (article.byline) {
        if (!article.byline->source.isEmpty())
            byline << article.byline->source;
        if (!article.byline->reporters.isEmpty())
            byline << QString(labels.reporters).arg(article.byline->reporters.join(QStringLiteral("、")));
    } else if (!issue.publication.isEmpty()) {
        byline << issue.publication;
    }
    const QString date = bylineDate(article, issue);
    if (!date.isEmpty())
        byline << date;
    if (!article.page.isEmpty() && !labels.page.isEmpty()) {
        const QString page = QString(labels.page).arg(article.page);
        byline << (article.pageName.isEmpty() ? page : page + u' ' + article.pageName);
    }
    return byline.join(QStringLiteral("  ·  "));
}

} // namespace

void buildPlaceholderDocument(QTextDocument &document, const QString &message, const ArticleStyle &style)
{
    Typesetter set(document, style);
    const QTextCharFormat chars = set.sans(1.1, false, set.muted());
    QTextBlockFormat block = set.blockFormat(ArticlePart::Placeholder, chars, 1.6, 6, 0);
    block.setAlignment(Qt::AlignHCenter);
    set.add(message, block, chars);
}

void buildArticleDocument(QTextDocument &document, const Article &article, const IssueInfo &issue,
                          const ArticleStyle &style, const ArticleLabels &labels)
{
    Typesetter set(document, style);
    if (!article.kicker.isEmpty()) {
        const QTextCharFormat chars = set.sans(1.0, false, set.muted());
        set.add(article.kicker, set.blockFormat(ArticlePart::Kicker, chars, 1.5, 0, 0.3), chars);
    }
    const QTextCharFormat titleChars = set.sans(1.75, true, set.text());
    set.add(article.title.isEmpty() ? labels.untitled : article.title,
            set.blockFormat(ArticlePart::Title, titleChars, 1.3, 0, 0.5), titleChars);
    const QTextCharFormat subtitleChars = set.sans(1.15, false, set.text());
    for (const QString &subtitle : std::as_const(article.subtitles))
        set.add(subtitle, set.blockFormat(ArticlePart::Subtitle, subtitleChars, 1.45, 0, 0.2), subtitleChars);
    const QTextCharFormat bylineChars = set.sans(0.85, false, set.muted());
    set.add(bylineText(article, issue, labels),
            set.blockFormat(ArticlePart::Byline, bylineChars, 1.5, 0.6, labels.reuse.isEmpty() ? 1.6 : 0.2),
            bylineChars);
    if (!labels.reuse.isEmpty()) {
        QTextCharFormat reuseChars = set.sans(0.85, false, set.muted());
        reuseChars.setForeground(style.text.lightness() > 128 ? QColor(0x5f, 0xb3, 0xc4) : QColor(0x1f, 0x7a, 0x8c));
        set.add(labels.reuse, set.blockFormat(ArticlePart::Reuse, reuseChars, 1.5, 0, 1.6), reuseChars);
    }

    const qreal indent = 2 * set.em(); // Chinese paragraphs open with a two-character indent
    for (const Block &b : std::as_const(article.blocks)) {
        QTextBlockFormat block;
        QTextCharFormat chars;
        switch (b.kind) {
        case BlockKind::Body:
            chars = set.serif(1.0, false, set.text());
            block = set.blockFormat(ArticlePart::Paragraph, chars, 1.8, 0, 0.6);
            block.setTextIndent(indent);
            block.setAlignment(Qt::AlignJustify);
            break;
        case BlockKind::Heading:
            chars = set.sans(1.15, true, set.text());
            block = set.blockFormat(ArticlePart::Paragraph, chars, 1.5, 1.0, 0.5);
            break;
        case BlockKind::Speaker:
            chars = set.sans(0.95, true, set.muted());
            block = set.blockFormat(ArticlePart::Paragraph, chars, 1.6, 0.3, 0.4);
            break;
        case BlockKind::Caption:
        case BlockKind::Note:
            chars = set.sans(0.85, false, set.muted());
            block = set.blockFormat(ArticlePart::Paragraph, chars, 1.6, 0.2, 0.9);
            block.setLeftMargin(indent);
            block.setRightMargin(indent);
            break;
        }
        block.setProperty(BlockIdProperty, b.id);
        block.setProperty(BlockKindProperty, int(b.kind));
        set.add(b.text, block, chars);
    }
}

// ------------------------------------------------------------------------------------------------- addressing

qint64 articleBlockId(const QTextBlock &block)
{
    return block.blockFormat().property(BlockIdProperty).toLongLong();
}

QTextBlock findArticleBlock(const QTextDocument &document, qint64 blockId)
{
    if (blockId <= 0)
        return {};
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        if (articleBlockId(block) == blockId)
            return block;
    return {};
}

QTextBlock findArticlePart(const QTextDocument &document, ArticlePart part)
{
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        if (block.blockFormat().property(PartProperty).toInt() == int(part))
            return block;
    return {};
}

QList<TextSpan> articleSpans(const QTextDocument &document, int start, int end)
{
    QList<TextSpan> spans;
    for (QTextBlock block = document.findBlock(start); block.isValid() && block.position() <= end;
         block = block.next()) {
        const qint64 id = articleBlockId(block);
        if (id <= 0)
            continue;
        const int from = std::max(start, block.position()) - block.position();
        const int to = std::min(end, block.position() + block.length() - 1) - block.position();
        if (to > from)
            spans.append(TextSpan{id, from, to});
    }
    return spans;
}

QTextCursor blockSpanCursor(const QTextBlock &block, int start, int end)
{
    const int length = block.length() - 1;
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(start, 0, length));
    cursor.setPosition(block.position() + std::clamp(end, 0, length), QTextCursor::KeepAnchor);
    return cursor;
}

// ------------------------------------------------------------------------------------------------- highlights

void applyHighlightFormats(QTextDocument &document, const QList<HighlightMark> &highlights, const QColor &paper)
{
    const bool dark = paper.lightness() < 128;
    // A tag's colour at full strength would drown the text: tint the paper with it instead.
    auto tint = [&](const QColor &color) {
        return mix(color.isValid() ? color : QColor(0xF5C400), paper, 0.55);
    };

    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const qint64 id = articleBlockId(block);
        QList<HighlightMark> marks;
        if (id > 0)
            for (const HighlightMark &mark : highlights)
                if (mark.blockId == id && mark.end > mark.start)
                    marks << mark;
        QTextLayout *layout = block.layout();
        if (marks.isEmpty()) {
            if (!layout->formats().isEmpty()) {
                layout->clearFormats();
                document.markContentsDirty(block.position(), block.length());
            }
            continue;
        }
        // Cut the paragraph at every highlight boundary; each piece gets the blend of the highlights over it,
        // and a piece under two or more is underlined in the last one's colour, so an overlap shows both.
        QList<int> cuts;
        for (const HighlightMark &mark : std::as_const(marks))
            cuts << mark.start << mark.end;
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        QList<QTextLayout::FormatRange> ranges;
        for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
            const int from = cuts[i];
            const int to = cuts[i + 1];
            QList<QColor> over;
            for (const HighlightMark &mark : std::as_const(marks))
                if (mark.start <= from && to <= mark.end)
                    over << mark.color;
            if (over.isEmpty())
                continue;
            QColor blended = tint(over.front());
            for (qsizetype k = 1; k < over.size(); ++k)
                blended = mix(blended, tint(over[k]), 1.0 / qreal(k + 1));
            QTextLayout::FormatRange range;
            range.start = from;
            range.length = to - from;
            range.format.setBackground(blended);
            if (over.size() > 1) {
                range.format.setFontUnderline(true);
                range.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                range.format.setUnderlineColor(dark ? over.back().lighter(140) : over.back().darker(130));
                // The overlap is deeper than either highlight, even when both have the same tag (and so the same
                // tint), and deeper again under three or more; the edges of each are drawn by the reader.
                const int depth = 100 + 12 * int(over.size() - 1);
                range.format.setBackground(dark ? blended.lighter(depth) : blended.darker(depth));
            }
            ranges << range;
        }
        layout->setFormats(ranges);
        document.markContentsDirty(block.position(), block.length());
    }
}

QList<HighlightMark> highlightsAtPosition(const QTextDocument &document, const QList<HighlightMark> &highlights,
                                          int position)
{
    const QTextBlock block = document.findBlock(position);
    const qint64 id = articleBlockId(block);
    const int offset = position - block.position();
    QList<HighlightMark> result;
    for (const HighlightMark &mark : highlights)
        if (mark.blockId == id && id > 0 && mark.start <= offset && offset < mark.end)
            result << mark;
    return result;
}

QList<HighlightEdge> highlightEdges(const QTextDocument &document, const QList<HighlightMark> &highlights)
{
    QList<HighlightEdge> edges;
    for (const HighlightMark &mark : highlights) {
        if (mark.end <= mark.start)
            continue;
        const bool overlaps = std::any_of(highlights.cbegin(), highlights.cend(), [&](const HighlightMark &other) {
            return other.id != mark.id && other.blockId == mark.blockId && other.start < mark.end &&
                   mark.start < other.end;
        });
        const QTextBlock block = overlaps ? findArticleBlock(document, mark.blockId) : QTextBlock();
        if (!block.isValid())
            continue;
        const int length = block.length() - 1;
        const QColor color = mark.color.isValid() ? mark.color : QColor(0xF5C400);
        edges << HighlightEdge{block.position() + std::clamp(mark.start, 0, length), true, color}
              << HighlightEdge{block.position() + std::clamp(mark.end, 0, length), false, color};
    }
    return edges;
}

QString highlightToolTip(const QTextDocument &document, const QList<HighlightMark> &highlights)
{
    if (highlights.isEmpty())
        return {};
    QStringList lines{
        highlights.size() == 1
            ? QCoreApplication::translate("dubao::ReaderView", "Highlight:")
            : QCoreApplication::translate("dubao::ReaderView", "%n highlights here:", nullptr, int(highlights.size()))};
    // Each by its own text: overlapping highlights with the same tags would otherwise read as the same line twice.
    constexpr int kShown = 12; // characters of a highlight's text, then an ellipsis
    for (const HighlightMark &mark : highlights) {
        QString line = QStringLiteral("• ");
        if (const QTextBlock block = findArticleBlock(document, mark.blockId); block.isValid()) {
            const QString text = block.text().mid(mark.start, std::max(0, mark.end - mark.start));
            if (!text.isEmpty())
                line += QStringLiteral("“%1” ").arg(text.size() > kShown ? text.left(kShown) + u'…' : text);
        }
        lines << line + (mark.tags.isEmpty() ? QCoreApplication::translate("dubao::ReaderView", "no tag")
                                             : mark.tags.join(QCoreApplication::translate("dubao::ReaderView", ", ")));
    }
    return lines.join(u'\n');
}

// ----------------------------------------------------------------------------------------------------- search

QColor searchMatchBackground(const QPalette &palette, bool current)
{
    // Orange, apart from the tag colours' tints the annotation highlights use; the current match stronger.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark)
        return current ? QColor(0xE07800) : QColor(0x8A5200);
    return current ? QColor(0xFF8C1A) : QColor(0xFFC980);
}

QColor searchMatchForeground(const QPalette &palette, bool current)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (dark)
        return QColor(Qt::white);
    return current ? QColor(Qt::black) : palette.color(QPalette::Text);
}

QList<QTextEdit::ExtraSelection> searchMatchSelections(const QTextDocument &document, const QList<TextSpan> &matches,
                                                       int current, const QPalette &palette)
{
    QList<QTextEdit::ExtraSelection> selections;
    for (qsizetype i = 0; i < matches.size(); ++i) {
        const TextSpan &span = matches[i];
        const QTextBlock block = findArticleBlock(document, span.blockId);
        if (!block.isValid())
            continue;
        const bool isCurrent = i == current;
        QTextEdit::ExtraSelection selection;
        selection.cursor = blockSpanCursor(block, span.start, span.end);
        selection.format.setBackground(searchMatchBackground(palette, isCurrent));
        selection.format.setForeground(searchMatchForeground(palette, isCurrent));
        selection.format.setProperty(QTextFormat::UserProperty + 100, isCurrent);
        selections << selection;
    }
    return selections;
}

} // namespace dubao
