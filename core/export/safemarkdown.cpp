#include "core/export/safemarkdown.h"

#include "core/export/exporttext.h"

#include <QByteArray>
#include <QHash>

#include <algorithm>
#include <md4c.h>

namespace dubao::markdown {

namespace {

constexpr unsigned kDialect = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;

QString decodeEntity(const QString &entity)
{
    static const QHash<QString, QString> named{
        {QStringLiteral("&amp;"), QStringLiteral("&")},  {QStringLiteral("&lt;"), QStringLiteral("<")},
        {QStringLiteral("&gt;"), QStringLiteral(">")},   {QStringLiteral("&quot;"), QStringLiteral("\"")},
        {QStringLiteral("&apos;"), QStringLiteral("'")}, {QStringLiteral("&nbsp;"), QString(QChar(0xa0))},
        {QStringLiteral("&colon;"), QStringLiteral(":")}};
    if (entity.startsWith(u"&#")) {
        bool ok = false;
        const bool hex = entity.size() > 2 && (entity.at(2) == u'x' || entity.at(2) == u'X');
        const uint code = entity.mid(hex ? 3 : 2).chopped(1).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return QString(QChar::ReplacementCharacter);
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    return named.value(entity, entity);
}

QString attributeText(const MD_ATTRIBUTE &attribute)
{
    QString out;
    for (int i = 0; attribute.substr_offsets && attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET begin = attribute.substr_offsets[i];
        const MD_OFFSET end = attribute.substr_offsets[i + 1];
        const QString piece = QString::fromUtf8(attribute.text + begin, qsizetype(end - begin));
        out += attribute.substr_types[i] == MD_TEXT_ENTITY ? decodeEntity(piece) : piece;
    }
    return out;
}

// --- sanitize -------------------------------------------------------------------------------------------------

struct Edit
{
    qsizetype begin;
    qsizetype end;
};

struct Sanitizer
{
    const QByteArray &source;
    QList<Edit> cuts;
    bool unlocatable = false;

    void cut(const char *text, MD_SIZE size)
    {
        if (size == 0)
            return;
        const char *begin = source.constData();
        if (text < begin || text + size > begin + source.size()) {
            // md4c hands a verbatim block's line ends and indentation over as its own white space: nothing to cut.
            if (std::all_of(text, text + size, [](char c) { return c == '\n' || c == ' ' || c == '\t'; }))
                return;
            unlocatable = true;
            return;
        }
        cuts.append({text - begin, text - begin + qsizetype(size)});
    }

    static int enterSpan(MD_SPANTYPE type, void *detail, void *self)
    {
        auto *s = static_cast<Sanitizer *>(self);
        if (type == MD_SPAN_A) {
            const MD_ATTRIBUTE &href = static_cast<MD_SPAN_A_DETAIL *>(detail)->href;
            if (!isSafeLink(attributeText(href)))
                s->cut(href.text, href.size);
        } else if (type == MD_SPAN_IMG) {
            const MD_ATTRIBUTE &src = static_cast<MD_SPAN_IMG_DETAIL *>(detail)->src;
            s->cut(src.text, src.size);
        }
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        if (type == MD_TEXT_HTML)
            static_cast<Sanitizer *>(self)->cut(text, size);
        return 0;
    }
    static int block(MD_BLOCKTYPE, void *, void *) { return 0; }
    static int span(MD_SPANTYPE, void *, void *) { return 0; }
};

// --- render ---------------------------------------------------------------------------------------------------

struct Renderer
{
    QList<Block> blocks;
    bool open = false; ///< the last block takes text
    struct List
    {
        bool ordered;
        int next;
    };
    QList<List> lists;
    int quoteDepth = 0;
    bool inCode = false;
    int bold = 0, italic = 0, code = 0, strike = 0;
    QStringList hrefs;
    Block::Kind pending = Block::Kind::Paragraph;
    int pendingLevel = 0;
    int pendingNumber = 0;
    bool inHead = false; ///< in a table's head rows
    bool inCell = false; ///< text goes to the last cell of the table that is the last block

    Block &current()
    {
        if (!open) {
            Block b;
            b.kind = quoteDepth > 0 && pending == Block::Kind::Paragraph ? Block::Kind::Quote : pending;
            b.level = pendingLevel;
            b.number = pendingNumber;
            blocks.append(b);
            open = true;
            // A list item's second paragraph is a plain paragraph under it.
            if (pending == Block::Kind::BulletItem || pending == Block::Kind::OrderedItem)
                pending = Block::Kind::Paragraph;
        }
        return blocks.last();
    }
    void append(const QString &text, bool asCode = false)
    {
        if (text.isEmpty())
            return;
        QList<Span> &spans = inCell ? blocks.last().rows.last().last().spans : current().spans;
        Span span{.text = text,
                  .bold = bold > 0,
                  .italic = italic > 0,
                  .code = asCode || code > 0,
                  .strike = strike > 0,
                  .href = hrefs.isEmpty() ? QString() : hrefs.last()};
        if (!spans.isEmpty()) {
            Span &last = spans.last();
            if (last.bold == span.bold && last.italic == span.italic && last.code == span.code &&
                last.strike == span.strike && last.href == span.href) {
                last.text += text;
                return;
            }
        }
        spans.append(span);
    }
    void close() { open = false; }

    static int enterBlock(MD_BLOCKTYPE type, void *detail, void *self)
    {
        auto *r = static_cast<Renderer *>(self);
        switch (type) {
        case MD_BLOCK_QUOTE:
            r->close();
            ++r->quoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            r->close();
            r->lists.append(
                {type == MD_BLOCK_OL, type == MD_BLOCK_OL ? int(static_cast<MD_BLOCK_OL_DETAIL *>(detail)->start) : 0});
            break;
        case MD_BLOCK_LI: {
            r->close();
            List &list = r->lists.last();
            r->pending = list.ordered ? Block::Kind::OrderedItem : Block::Kind::BulletItem;
            r->pendingLevel = int(r->lists.size());
            r->pendingNumber = list.ordered ? list.next++ : 0;
            break;
        }
        case MD_BLOCK_H:
            r->close();
            r->pending = Block::Kind::Heading;
            r->pendingLevel = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            break;
        case MD_BLOCK_CODE:
            r->close();
            r->pending = Block::Kind::Code;
            r->inCode = true;
            break;
        case MD_BLOCK_HR:
            r->close();
            r->pending = Block::Kind::Rule;
            r->current();
            r->close();
            r->pending = Block::Kind::Paragraph;
            break;
        case MD_BLOCK_TABLE: {
            r->close();
            Block table;
            table.kind = Block::Kind::Table;
            table.level = int(r->lists.size());
            table.columns.fill(Align::Default, qsizetype(static_cast<MD_BLOCK_TABLE_DETAIL *>(detail)->col_count));
            r->blocks.append(table);
            break;
        }
        case MD_BLOCK_THEAD:
            r->inHead = true;
            break;
        case MD_BLOCK_TR:
            r->blocks.last().rows.append(QList<Cell>());
            if (r->inHead)
                ++r->blocks.last().headerRows;
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD: {
            Block &table = r->blocks.last();
            const qsizetype column = table.rows.last().size();
            table.rows.last().append(Cell());
            if (column < table.columns.size()) {
                switch (static_cast<MD_BLOCK_TD_DETAIL *>(detail)->align) {
                case MD_ALIGN_LEFT:
                    table.columns[column] = Align::Left;
                    break;
                case MD_ALIGN_CENTER:
                    table.columns[column] = Align::Center;
                    break;
                case MD_ALIGN_RIGHT:
                    table.columns[column] = Align::Right;
                    break;
                case MD_ALIGN_DEFAULT:
                    break;
                }
            }
            r->inCell = true;
            break;
        }
        case MD_BLOCK_P:
            // A tight list item's text has no P; a loose one's first P continues the item's block.
            if (r->open && !r->blocks.last().spans.isEmpty())
                r->close();
            break;
        default:
            break;
        }
        return 0;
    }
    static int leaveBlock(MD_BLOCKTYPE type, void *, void *self)
    {
        auto *r = static_cast<Renderer *>(self);
        switch (type) {
        case MD_BLOCK_QUOTE:
            r->close();
            --r->quoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            r->close();
            r->lists.removeLast();
            r->pending = Block::Kind::Paragraph;
            r->pendingLevel = r->lists.size();
            break;
        case MD_BLOCK_THEAD:
            r->inHead = false;
            break;
        case MD_BLOCK_TH:
        case MD_BLOCK_TD:
            r->inCell = false;
            break;
        case MD_BLOCK_TABLE:
            r->close();
            r->pending = Block::Kind::Paragraph;
            r->pendingLevel = int(r->lists.size());
            break;
        case MD_BLOCK_CODE:
            if (r->open && !r->blocks.last().spans.isEmpty() && r->blocks.last().spans.last().text.endsWith(u'\n'))
                r->blocks.last().spans.last().text.chop(1);
            r->inCode = false;
            [[fallthrough]];
        case MD_BLOCK_P:
        case MD_BLOCK_H:
        case MD_BLOCK_LI:
            r->close();
            if (type != MD_BLOCK_LI || r->lists.isEmpty())
                r->pending = Block::Kind::Paragraph;
            if (type == MD_BLOCK_H || type == MD_BLOCK_CODE)
                r->pendingLevel = r->lists.size();
            break;
        default:
            break;
        }
        return 0;
    }
    static int enterSpan(MD_SPANTYPE type, void *detail, void *self)
    {
        auto *r = static_cast<Renderer *>(self);
        switch (type) {
        case MD_SPAN_EM:
            ++r->italic;
            break;
        case MD_SPAN_STRONG:
            ++r->bold;
            break;
        case MD_SPAN_CODE:
            ++r->code;
            break;
        case MD_SPAN_DEL:
            ++r->strike;
            break;
        case MD_SPAN_A: {
            const QString href = attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href);
            r->hrefs.append(isSafeLink(href) ? href : QString());
            break;
        }
        default:
            break;
        }
        return 0;
    }
    static int leaveSpan(MD_SPANTYPE type, void *, void *self)
    {
        auto *r = static_cast<Renderer *>(self);
        switch (type) {
        case MD_SPAN_EM:
            --r->italic;
            break;
        case MD_SPAN_STRONG:
            --r->bold;
            break;
        case MD_SPAN_CODE:
            --r->code;
            break;
        case MD_SPAN_DEL:
            --r->strike;
            break;
        case MD_SPAN_A:
            r->hrefs.removeLast();
            break;
        default:
            break;
        }
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *self)
    {
        auto *r = static_cast<Renderer *>(self);
        const QString value = QString::fromUtf8(text, qsizetype(size));
        switch (type) {
        case MD_TEXT_NULLCHAR:
            r->append(QString(QChar::ReplacementCharacter));
            break;
        case MD_TEXT_BR:
            r->append(QStringLiteral("\n"));
            break;
        case MD_TEXT_SOFTBR: {
            // Chinese runs on without a space where the source broke the line.
            const QString &last =
                r->open && !r->blocks.last().spans.isEmpty() ? r->blocks.last().spans.last().text : QString();
            if (!last.isEmpty() && last.back().unicode() < 0x2e80)
                r->append(QStringLiteral(" "));
            break;
        }
        case MD_TEXT_ENTITY:
            r->append(decodeEntity(value));
            break;
        case MD_TEXT_CODE:
            // md4c leaves a table cell's escaped pipe escaped inside a code span; GitHub shows the pipe.
            r->append(r->inCell ? QString(value).replace(QLatin1String("\\|"), QLatin1String("|")) : value, r->inCode);
            break;
        default:
            r->append(value, r->inCode);
            break;
        }
        return 0;
    }
};

} // namespace

bool isSafeLink(const QString &url)
{
    // Browsers ignore leading spaces and controls, and tabs/newlines inside a scheme ("java\tscript:").
    QString u;
    for (const QChar c : url) {
        if (c.unicode() > 0x20)
            u += c;
    }
    const qsizetype colon = u.indexOf(u':');
    if (colon < 0)
        return true;
    for (const QChar c : QStringView(u).left(colon)) {
        if (c == u'/' || c == u'?' || c == u'#')
            return true; // the colon is in the path, query or fragment: no scheme
    }
    const QString scheme = u.left(colon).toLower();
    return scheme == u"http" || scheme == u"https" || scheme == u"mailto" || scheme == u"dubao";
}

QString sanitize(const QString &markdown)
{
    const QByteArray source = markdown.toUtf8();
    Sanitizer s{source, {}, false};
    MD_PARSER parser{};
    parser.flags = kDialect;
    parser.enter_block = Sanitizer::block;
    parser.leave_block = Sanitizer::block;
    parser.enter_span = Sanitizer::enterSpan;
    parser.leave_span = Sanitizer::span;
    parser.text = Sanitizer::text;
    md_parse(source.constData(), MD_SIZE(source.size()), &parser, &s);
    if (s.unlocatable)
        return exporttext::escapeMarkdown(markdown);
    if (s.cuts.isEmpty())
        return markdown;
    std::sort(s.cuts.begin(), s.cuts.end(), [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
    QByteArray out;
    out.reserve(source.size());
    qsizetype at = 0;
    for (const Edit &cut : std::as_const(s.cuts)) {
        if (cut.begin < at)
            continue; // inside one already cut
        out.append(source.constData() + at, cut.begin - at);
        at = cut.end;
    }
    out.append(source.constData() + at, source.size() - at);
    return QString::fromUtf8(out);
}

QString Cell::plainText() const
{
    QString out;
    for (const Span &s : spans)
        out += s.text;
    return out;
}

QString Block::plainText() const
{
    if (kind == Kind::Table) {
        QStringList lines;
        for (const QList<Cell> &row : rows) {
            QStringList cells;
            for (const Cell &cell : row)
                cells.append(cell.plainText());
            lines.append(cells.join(QLatin1String(" | ")));
        }
        return lines.join(u'\n');
    }
    QString out;
    for (const Span &s : spans)
        out += s.text;
    return out;
}

QString Block::listMarker() const
{
    if (kind == Kind::BulletItem)
        return QStringLiteral("• ");
    if (kind == Kind::OrderedItem)
        return QString::number(number) + QStringLiteral(". ");
    return {};
}

QList<Block> render(const QString &markdown)
{
    const QByteArray source = sanitize(markdown).toUtf8();
    Renderer r;
    MD_PARSER parser{};
    parser.flags = kDialect | MD_FLAG_NOHTML;
    parser.enter_block = Renderer::enterBlock;
    parser.leave_block = Renderer::leaveBlock;
    parser.enter_span = Renderer::enterSpan;
    parser.leave_span = Renderer::leaveSpan;
    parser.text = Renderer::text;
    md_parse(source.constData(), MD_SIZE(source.size()), &parser, &r);
    r.blocks.removeIf([](const Block &b) {
        return b.kind != Block::Kind::Rule && b.kind != Block::Kind::Table && b.spans.isEmpty();
    });
    return r.blocks;
}

namespace {

QString inlineHtml(const QList<Span> &spans, bool codeBlock)
{
    using exporttext::escapeHtml;
    QString out;
    for (const Span &s : spans) {
        QString t = escapeHtml(s.text);
        if (!codeBlock)
            t.replace(u'\n', QLatin1String("<br>"));
        if (s.code && !codeBlock)
            t = QLatin1String("<code>") + t + QLatin1String("</code>");
        if (s.strike)
            t = QLatin1String("<del>") + t + QLatin1String("</del>");
        if (s.italic)
            t = QLatin1String("<em>") + t + QLatin1String("</em>");
        if (s.bold)
            t = QLatin1String("<strong>") + t + QLatin1String("</strong>");
        if (!s.href.isEmpty())
            t = QLatin1String("<a href=\"") + escapeHtml(s.href) + QLatin1String("\">") + t + QLatin1String("</a>");
        out += t;
    }
    return out;
}

// A table as HTML: its head rows in <thead> with <th> cells, the others in <tbody>; aligned columns by style.
QString tableHtml(const Block &table)
{
    QString out = QStringLiteral("<table>");
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const bool head = r < table.headerRows;
        if (r == 0 && head)
            out += QLatin1String("<thead>");
        if (r == table.headerRows)
            out += QLatin1String("<tbody>");
        out += QLatin1String("<tr>");
        const QList<Cell> &row = table.rows.at(r);
        for (qsizetype c = 0; c < row.size(); ++c) {
            const Align align = table.columns.value(c, Align::Default);
            const char *tag = head ? "th" : "td";
            out += QLatin1Char('<') + QLatin1String(tag);
            if (align != Align::Default)
                out += QStringLiteral(" style=\"text-align: %1\"")
                           .arg(align == Align::Left     ? QLatin1String("left")
                                : align == Align::Center ? QLatin1String("center")
                                                         : QLatin1String("right"));
            out += QLatin1Char('>') + inlineHtml(row.at(c).spans, false) + QLatin1String("</") + QLatin1String(tag) +
                   QLatin1Char('>');
        }
        out += QLatin1String("</tr>");
        if (head && r + 1 == table.headerRows)
            out += QLatin1String("</thead>");
    }
    if (table.rows.size() > table.headerRows)
        out += QLatin1String("</tbody>");
    return out + QLatin1String("</table>");
}

} // namespace

QString toHtml(const QString &markdown)
{
    using exporttext::escapeHtml;
    QString out;
    QList<Block::Kind> openLists; // one per level
    auto closeListsTo = [&](qsizetype level) {
        while (openLists.size() > level)
            out += openLists.takeLast() == Block::Kind::OrderedItem ? QLatin1String("</li></ol>")
                                                                    : QLatin1String("</li></ul>");
    };
    for (const Block &b : render(markdown)) {
        const bool item = b.kind == Block::Kind::BulletItem || b.kind == Block::Kind::OrderedItem;
        if (item) {
            closeListsTo(b.level);
            if (openLists.size() == b.level && openLists.last() != b.kind)
                closeListsTo(b.level - 1);
            if (openLists.size() == b.level) {
                out += QLatin1String("</li><li>");
            } else {
                while (openLists.size() < b.level) {
                    openLists.append(b.kind);
                    out += b.kind == Block::Kind::OrderedItem ? QStringLiteral("<ol start=\"%1\"><li>").arg(b.number)
                                                              : QStringLiteral("<ul><li>");
                }
            }
        } else {
            closeListsTo(b.kind == Block::Kind::Paragraph || b.kind == Block::Kind::Table ? b.level : 0);
        }
        const QString inline_ = inlineHtml(b.spans, b.kind == Block::Kind::Code);
        switch (b.kind) {
        case Block::Kind::Heading:
            out += QStringLiteral("<h%1>%2</h%1>").arg(qBound(4, b.level + 3, 6)).arg(inline_);
            break;
        case Block::Kind::BulletItem:
        case Block::Kind::OrderedItem:
            out += inline_;
            break;
        case Block::Kind::Quote:
            out += QLatin1String("<blockquote>") + inline_ + QLatin1String("</blockquote>");
            break;
        case Block::Kind::Code:
            out += QLatin1String("<pre><code>") + inline_ + QLatin1String("</code></pre>");
            break;
        case Block::Kind::Rule:
            out += QLatin1String("<hr>");
            break;
        case Block::Kind::Paragraph:
            out += QLatin1String("<p>") + inline_ + QLatin1String("</p>");
            break;
        case Block::Kind::Table:
            out += tableHtml(b);
            break;
        }
    }
    closeListsTo(0);
    return out;
}

} // namespace dubao::markdown
