// The byline rules: see bylineparser.h.
#include "core/parse/bylineparser.h"

#include "core/parse/issuedate.h"
#include "core/text/chinesetext.h"

#include <QRegularExpression>

#include <algorithm>

namespace dubao::parse {

using namespace text;

namespace {

// Rule "byline": 本报讯(渝西都市报记者 彭禹乔)6月14日,… ; 本报评论员 ; a wire such as
// "华龙网-新重庆客户端消息 近日,…" (003) or 新华社北京3月5日电.
const QRegularExpression &bylineNewsRe()
{
    static const QRegularExpression re(QStringLiteral(u"^\\s*(本\\s*报\\s*讯)\\s*[(（]([^()（）]{0,60})[)）]"));
    return re;
}
const QRegularExpression &bylineCommentRe()
{
    static const QRegularExpression re(QStringLiteral(u"^\\s*(本报(?:特约)?评论员|本报编辑部)\\s*(\\S{0,12})\\s*$"));
    return re;
}
// Rule "outlet-byline": other papers' forms of 本报讯 — the outlet, a place or the date, then 讯 (海曙新闻网讯,
// 本报宝鸡讯, 福州新闻网7月23日讯, 本報訊) or 电 after a month and day (新华社北京3月5日电, 中新网兰州7月17日电,
// 中国青年报客户端重庆9月23日电); then maybe the reporters in brackets and the month and day.
const QRegularExpression &bylineOutletRe()
{
    static const QRegularExpression re(QStringLiteral(
        u"^\\s*(本报|[\\p{Han}A-Za-z·\\-]{1,14}(?:报|网|台|社|客户端|融媒|新闻))(\\p{Han}{0,4}?)"
        u"(?:(\\d(?:\\s?\\d)?)\\s*月\\s*(\\d(?:\\s?\\d)?)\\s*日)?(?<!通)(讯|电)(?!员|息)"
        u"\\s*(?:(\\d(?:\\s?\\d)?)\\s*月\\s*(\\d(?:\\s?\\d)?)\\s*日\\s*(?=[(（]))?(?:[(（]([^()（）]{0,60})[)）])?"));
    return re;
}
// Rule "bracket-byline": a paragraph opening with the reporters in brackets, "(记者 林一 周航)3月5日,…".
const QRegularExpression &bylineBracketRe()
{
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*[(（]((?:[^()（）]{0,20}?)(?:记者|通讯员|实习生)[^()（）]{0,40})[)）]"));
    return re;
}
// Rule "reported-by": "据滨江日报报道," names the source and leaves the sentence to the paragraph.
const QRegularExpression &bylineReportedRe()
{
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*据([\\p{Han}A-Za-z·]{2,16}?(?:报|网|台|社|客户端|新闻))报道[，,]"));
    return re;
}
// A wire or a site's own client: "华龙网-新重庆客户端消息 近日,…", or with its reporters in brackets after it,
// "新重庆-重庆日报客户端消息（记者 X）3月5日,…".
const QRegularExpression &bylineWireRe()
{
    static const QRegularExpression re(QStringLiteral(u"^\\s*([^\\s，,。：:；;！？!?()（）]{2,24}?(?:消息|电))"
                                                      u"(?:\\s*[(（]([^()（）]{0,60})[)）]\\s*|\\s+|[：:])(?=\\S)"));
    return re;
}
// Wire sources must look like one: a known agency or a name of a news site or client.
bool looksLikeWireSource(const QString &source)
{
    static const QRegularExpression re(QStringLiteral(u"(网|社|客户端|报|台|新闻)"));
    return re.match(source).hasMatch() && !source.contains(u'，') && !source.contains(u',');
}

// Cheap tests that let most chunks skip the regular expressions (parsing runs at tens of MB/s).
QChar firstVisible(QStringView t)
{
    for (QChar c : t) {
        if (!isOcrSpace(c))
            return c;
    }
    return {};
}

bool mayBeOutlet(QStringView t)
{
    const QStringView head = t.left(40);
    return head.contains(u'讯') || head.contains(u'电');
}

// An outlet byline, or none: 电 needs the month and day before it (新华社北京3月5日电), which keeps out 电视 and 电话.
QRegularExpressionMatch outletMatch(QStringView folded)
{
    auto m = bylineOutletRe().match(folded);
    if (m.hasMatch() && m.captured(5) == u"电" && m.capturedLength(3) == 0)
        return {};
    return m;
}

bool mayBeWire(QStringView t)
{
    const QStringView head = t.left(32);
    return head.contains(u"消息") || head.contains(u'电');
}

// Rule "reporters": names are separated by spaces, and the OCR also splits a name ("彭禹乔 徐 灵" is two
// reporters, 彭禹乔 and 徐灵). A one-character piece joins its neighbour.
QStringList splitReporters(const QString &names)
{
    QStringList pieces;
    static const QRegularExpression separators(QStringLiteral(u"[\\s、，,]+")); // static: compiled (JIT) once
    // A credit after the names is not a name ("陈木易 文/摄").
    static const QRegularExpression credit(QStringLiteral(u"^(?:文|图|摄|摄影|报道)$|[文图]?/[摄图文]$"));
    for (QString piece : names.split(separators, Qt::SkipEmptyParts)) {
        if (credit.match(piece).capturedStart() == 0)
            continue;
        piece.remove(credit);
        if (!piece.isEmpty())
            pieces.append(piece);
    }
    QStringList out;
    for (qsizetype k = 0; k < pieces.size(); ++k) {
        QString name = pieces[k];
        if (name.size() == 1 && k + 1 < pieces.size() && pieces[k + 1].size() <= 2) {
            name += pieces[k + 1];
            ++k;
        } else if (name.size() == 1 && !out.isEmpty() && out.back().size() <= 2) {
            out.back() += name;
            continue;
        }
        out.append(name);
    }
    return out;
}

} // namespace

static const QRegularExpression &anyHanOnly()
{
    static const QRegularExpression re(QStringLiteral(u"^\\p{Han}{2,16}$"));
    return re;
}

// Rule "signature": a report signed at its end with its reporters in brackets, after its last sentence or on a line
// of its own ("…切实改善。(郑涛)", "(记者 王一 李 二)"): they are the article's reporters. Only names: an editor's
// note (本报有删节), a credit (供图) or a source (据新华社) in brackets is not a signature.
std::optional<Signature> parseSignature(const QString &text, bool spacesKept)
{
    qsizetype end = text.size();
    while (end > 0 && (text[end - 1].isSpace() || text[end - 1] == QChar(0x3000)))
        --end;
    if (end < 4 || (text[end - 1] != u')' && text[end - 1] != u'）'))
        return std::nullopt;
    const qsizetype open = std::max(text.lastIndexOf(u'(', end - 1), text.lastIndexOf(u'（', end - 1));
    if (open < 0 || end - 1 - open > 32)
        return std::nullopt;
    qsizetype before = open;
    while (before > 0 && (text[before - 1].isSpace() || text[before - 1] == QChar(0x3000)))
        --before;
    static const QString sentenceEnds = QStringLiteral(u"。！？!?”\"」』…");
    if (before > 0 && !sentenceEnds.contains(text[before - 1]))
        return std::nullopt;
    QString inner = foldToSimplified(text.mid(open + 1, end - 2 - open));
    static const QRegularExpression roles(
        QStringLiteral(u"(?:全媒体|融媒体|特约|见习|首席|摄影|本报)?记者|通讯员|实习生|摄影"));
    inner.replace(roles, QStringLiteral(" "));
    static const QRegularExpression notNames(
        QStringLiteral(u"本报|删节|编者|综合|整理|编辑|来源|供图|摄|报道|新华社|图片|图文|完|续|转第|版|试行"));
    static const QRegularExpression nameRe(QStringLiteral(u"^\\p{Han}{2,4}$"));
    if (inner.contains(notNames))
        return std::nullopt;
    const QStringList names = splitReporters(inner);
    if (names.isEmpty() || names.size() > 4)
        return std::nullopt;
    for (const QString &name : names) {
        // Without the file's spaces the names run together: only that they are Chinese characters can be checked.
        if (spacesKept ? !nameRe.match(name).hasMatch() : !name.contains(anyHanOnly()))
            return std::nullopt;
    }
    return Signature{open, names};
}

// Rule "signature" (parseSignature above): the reporters signing the article's last paragraph are its reporters; the
// signature becomes a note of its own, so the paragraph reads as the report's text.
void takeSignature(Article &article)
{
    if (article.blocks.isEmpty() || article.blocks.last().kind != BlockKind::Body)
        return;
    Block &last = article.blocks.last();
    const std::optional<Signature> signature = parseSignature(last.text, false);
    if (!signature)
        return;
    // The names from the file's own line, where the spaces between them are (the cleaned text has lost them).
    const std::optional<Signature> asWritten = parseSignature(last.raw.section(u'\n', -1), true);
    if (!asWritten)
        return;
    if (!article.byline)
        article.byline = Byline{};
    for (const QString &name : asWritten->reporters) {
        if (!article.byline->reporters.contains(name))
            article.byline->reporters.append(name);
    }
    if (article.byline->raw.isEmpty())
        article.byline->raw = last.text.mid(signature->start).trimmed();
    if (signature->start == 0) {
        last.kind = BlockKind::Note;
        return;
    }
    Block note = last;
    note.kind = BlockKind::Note;
    note.text = last.text.mid(signature->start).trimmed();
    note.firstLine = last.lastLine;
    last.text = last.text.left(signature->start).trimmed();
    article.blocks.append(note);
}

bool isByline(QStringView t)
{
    const QChar first = firstVisible(t);
    if (first == u'本' && (bylineNewsRe().match(t).hasMatch() || bylineCommentRe().match(t).hasMatch()))
        return true;
    if (mayBeOutlet(t) && outletMatch(t).hasMatch())
        return true;
    if ((first == u'(' || first == u'（') && bylineBracketRe().match(t).hasMatch())
        return true;
    if (first == u'据' && bylineReportedRe().match(t).hasMatch())
        return true;
    if (mayBeWire(t)) {
        const auto wire = bylineWireRe().match(t);
        if (wire.hasMatch() && looksLikeWireSource(wire.captured(1)))
            return true;
    }
    return false;
}

namespace {

// Rule "byline-roles": the bracket names the publication, the reporters' roles and the reporters
// (渝西都市报记者 彭禹乔 徐 灵; 德州晚报全媒体记者 张明凯; 中青报·中青网记者 A B C; 记者 A 通讯员 B; 全媒体记者刘 晨).
// Matches on the folded text and cuts what it returns from the original by position.
void readBracket(const QString &inner, const QString &innerFolded, BylineParse &out)
{
    static const QRegularExpression roleRe(
        QStringLiteral(u"^(.*?)((?:全\\s*媒\\s*体|融\\s*媒\\s*体|特\\s*约|见\\s*习|首\\s*席|摄\\s*影|本\\s*报)?"
                       u"(?:记\\s*者|通\\s*讯\\s*员|实\\s*习\\s*生))(.*)$"));
    const auto r = roleRe.match(innerFolded);
    if (!r.hasMatch()) {
        out.byline.reporters = splitReporters(inner);
        return;
    }
    out.publication = removeSpaces(inner.mid(r.capturedStart(1), r.capturedLength(1)));
    // Blank out further role words (记者 A 通讯员 B) in the folded copy, then cut names from the original.
    QString namesFolded = r.captured(3);
    static const QRegularExpression moreRoles(
        QStringLiteral(u"(?:(?:全媒体|融媒体|特约|见习|首席|摄影|本报)?记\\s*者|通\\s*讯\\s*员|实\\s*习\\s*生)"));
    for (auto it = moreRoles.globalMatch(namesFolded); it.hasNext();) {
        const auto role = it.next();
        namesFolded.replace(role.capturedStart(), role.capturedLength(), QString(role.capturedLength(), u' '));
    }
    QString names = inner.mid(r.capturedStart(3), r.capturedLength(3));
    for (qsizetype k = 0; k < names.size(); ++k) {
        if (namesFolded[k] == u' ')
            names[k] = u' ';
    }
    out.byline.reporters = splitReporters(names);
}

bool setDate(BylineParse &out, int month, int day)
{
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    out.month = month;
    out.day = day;
    out.byline.date = QStringLiteral("%1-%2").arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0'));
    return true;
}

} // namespace

// Matches on the folded text (本報訊 matches 本报讯) and takes what it returns from the original by position.
std::optional<BylineParse> parseByline(const QString &content, const QString &folded)
{
    BylineParse out;
    auto original = [&](const QRegularExpressionMatch &m, int group) {
        return content.mid(m.capturedStart(group), m.capturedLength(group));
    };
    bool dated = false;
    if (const auto m = bylineNewsRe().match(folded); m.hasMatch()) {
        out.byline.source = removeSpaces(original(m, 1));
        out.byline.raw = original(m, 0).trimmed();
        readBracket(original(m, 2), m.captured(2), out);
        out.bodyStart = m.capturedEnd(0);
    } else if (const auto c = bylineCommentRe().match(folded); c.hasMatch()) {
        out.byline.source = original(c, 1);
        out.byline.raw = content.trimmed();
        if (c.capturedLength(2) > 0)
            out.byline.reporters = {original(c, 2)};
        return out;
    } else if (const auto o = outletMatch(folded); o.hasMatch()) {
        // 讯: the outlet and 讯 (本报宝鸡讯 is 本报讯); 电: the outlet (新华社北京3月5日电 is 新华社).
        const bool wire = o.captured(5) == u"电";
        out.byline.source = removeSpaces(original(o, 1)) + (wire ? QString() : original(o, 5));
        out.byline.raw = original(o, 0).trimmed();
        if (o.capturedLength(8) > 0) {
            BylineParse names;
            readBracket(original(o, 8), o.captured(8), names);
            out.byline.reporters = names.byline.reporters;
            if (!wire) // a wire's bracket names the agency's reporters, not this paper
                out.publication = names.publication;
        }
        dated = (o.capturedLength(3) > 0 && setDate(out, spacedNumber(o.captured(3)), spacedNumber(o.captured(4)))) ||
                (o.capturedLength(6) > 0 && setDate(out, spacedNumber(o.captured(6)), spacedNumber(o.captured(7))));
        out.bodyStart = o.capturedEnd(0);
    } else if (const auto b = bylineBracketRe().match(folded); b.hasMatch()) {
        out.byline.raw = original(b, 0).trimmed();
        readBracket(original(b, 1), b.captured(1), out);
        out.publication.clear();
        out.bodyStart = b.capturedEnd(0);
    } else if (const auto r = bylineReportedRe().match(folded); r.hasMatch()) {
        out.byline.source = removeSpaces(original(r, 1));
        out.byline.raw = original(r, 0).trimmed();
        out.bodyStart = 0; // the sentence stays the paragraph's
        if (const auto d = monthDayRe().match(QStringView(content).mid(r.capturedEnd(0))); d.hasMatch())
            dated = setDate(out, spacedNumber(d.captured(1)), spacedNumber(d.captured(2)));
    } else if (const auto w = bylineWireRe().match(folded); w.hasMatch()) {
        out.byline.source = removeSpaces(original(w, 1));
        out.byline.raw = original(w, 1);
        if (w.capturedLength(2) > 0) { // the client's own reporters; the publication is not claimed
            out.byline.raw = original(w, 0).trimmed();
            BylineParse names;
            readBracket(original(w, 2), w.captured(2), names);
            out.byline.reporters = names.byline.reporters;
        }
        out.bodyStart = w.capturedEnd(0);
    } else {
        return std::nullopt;
    }
    const QStringView rest = QStringView(content).mid(out.bodyStart);
    if (!dated) {
        if (const auto d = monthDayRe().match(rest); d.hasMatch())
            setDate(out, spacedNumber(d.captured(1)), spacedNumber(d.captured(2)));
    }
    if (rest.trimmed().isEmpty())
        out.bodyStart = -1;
    return out;
}

} // namespace dubao::parse
