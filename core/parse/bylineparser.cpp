// The byline rules: see bylineparser.h.
#include "core/parse/bylineparser.h"

#include "core/parse/issuedate.h"
#include "core/text/chinesetext.h"

#include <QRegularExpression>

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
const QRegularExpression &bylineWireRe()
{
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*([^\\s，,。：:；;！？!?]{2,24}?(?:消息|电))(?:\\s+|[：:])(?=\\S)"));
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
    for (const QString &piece : names.split(separators, Qt::SkipEmptyParts))
        pieces.append(piece);
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

bool isByline(QStringView t)
{
    if (firstVisible(t) == u'本' && (bylineNewsRe().match(t).hasMatch() || bylineCommentRe().match(t).hasMatch()))
        return true;
    if (mayBeWire(t)) {
        const auto wire = bylineWireRe().match(t);
        if (wire.hasMatch() && looksLikeWireSource(wire.captured(1)))
            return true;
    }
    return false;
}

// Matches on the folded text (本報訊 matches 本报讯) and takes what it returns from the original by position.
std::optional<BylineParse> parseByline(const QString &content, const QString &folded)
{
    BylineParse out;
    auto original = [&](const QRegularExpressionMatch &m, int group) {
        return content.mid(m.capturedStart(group), m.capturedLength(group));
    };
    if (const auto m = bylineNewsRe().match(folded); m.hasMatch()) {
        out.byline.source = removeSpaces(original(m, 1));
        out.byline.raw = original(m, 0).trimmed();
        const QString inner = original(m, 2);
        const QString innerFolded = m.captured(2);
        static const QRegularExpression roleRe(
            QStringLiteral(u"^(.*?)(?:记\\s*者|通\\s*讯\\s*员|实\\s*习\\s*生|特\\s*约\\s*记\\s*者)(.*)$"));
        if (const auto r = roleRe.match(innerFolded); r.hasMatch()) {
            out.publication = removeSpaces(inner.mid(r.capturedStart(1), r.capturedLength(1)));
            // Blank out further role words (记者 A 通讯员 B) in the folded copy, then cut names from the original.
            QString namesFolded = r.captured(2);
            static const QRegularExpression moreRoles(QStringLiteral(u"(?:记\\s*者|通\\s*讯\\s*员|实\\s*习\\s*生)"));
            for (auto it = moreRoles.globalMatch(namesFolded); it.hasNext();) {
                const auto role = it.next();
                namesFolded.replace(role.capturedStart(), role.capturedLength(), QString(role.capturedLength(), u' '));
            }
            QString names = inner.mid(r.capturedStart(2), r.capturedLength(2));
            for (qsizetype k = 0; k < names.size(); ++k) {
                if (namesFolded[k] == u' ')
                    names[k] = u' ';
            }
            out.byline.reporters = splitReporters(names);
        } else {
            out.byline.reporters = splitReporters(inner);
        }
        out.bodyStart = m.capturedEnd(0);
    } else if (const auto c = bylineCommentRe().match(folded); c.hasMatch()) {
        out.byline.source = original(c, 1);
        out.byline.raw = content.trimmed();
        if (c.capturedLength(2) > 0)
            out.byline.reporters = {original(c, 2)};
        return out;
    } else if (const auto w = bylineWireRe().match(folded); w.hasMatch()) {
        out.byline.source = removeSpaces(original(w, 1));
        out.byline.raw = original(w, 1);
        out.bodyStart = w.capturedEnd(0);
    } else {
        return std::nullopt;
    }
    const QStringView rest = QStringView(content).mid(out.bodyStart);
    if (const auto d = monthDayRe().match(rest); d.hasMatch()) {
        out.month = d.captured(1).toInt();
        out.day = d.captured(2).toInt();
        if (out.month >= 1 && out.month <= 12 && out.day >= 1 && out.day <= 31)
            out.byline.date =
                QStringLiteral("%1-%2").arg(out.month, 2, 10, QLatin1Char('0')).arg(out.day, 2, 10, QLatin1Char('0'));
        else
            out.month = out.day = 0;
    }
    if (rest.trimmed().isEmpty())
        out.bodyStart = -1;
    return out;
}

} // namespace dubao::parse
