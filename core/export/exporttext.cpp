#include "core/export/exporttext.h"

#include "core/store/uid.h"

#include <QCoreApplication>
#include <QHash>
#include <QIODevice>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace dubao::exporttext {

namespace {

struct Entity
{
    char16_t character;
    const char *reference;
};
/// What HTML/XML text and attributes (double- or single-quoted) cannot hold as itself.
constexpr Entity kHtmlEntities[] = {
    {u'&', "&amp;"}, {u'<', "&lt;"}, {u'>', "&gt;"}, {u'"', "&quot;"}, {u'\'', "&#39;"}};

} // namespace

QString escapeHtml(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        const auto *entity = std::find_if(std::begin(kHtmlEntities), std::end(kHtmlEntities),
                                          [c](const Entity &e) { return e.character == c.unicode(); });
        if (entity != std::end(kHtmlEntities))
            out += QLatin1String(entity->reference);
        else if (c.unicode() >= 0x20 || c == u'\t' || c == u'\n' || c == u'\r')
            out += c; // XML 1.0 forbids most C0 controls even as references: they are dropped (tab, LF, CR stay).
    }
    return out;
}

QString escapeMarkdown(const QString &text)
{
    // Anywhere: what starts emphasis, code, links, HTML, tables, strikethrough or entities.
    static const QString inlineSpecial = QStringLiteral("\\`*_{}[]<>|~&");
    // At the start of a line (after spaces): headings, lists, quotes, setext underlines.
    static const QString lineSpecial = QStringLiteral("#+-=>");
    QString out;
    out.reserve(text.size() + text.size() / 8);
    bool lineStart = true;
    qsizetype digits = 0; // > 0: the line so far is only digits; -1: it is not ("1." would start an ordered list) of
                          // the line so far ("1." would start an ordered list)
    for (const QChar c : text) {
        if (c == u'\r')
            continue;
        if (c == u'\n') {
            out += QLatin1String("  \n"); // hard line break
            lineStart = true;
            digits = 0;
            continue;
        }
        if (lineStart && c == u' ') {
            out += c;
            continue;
        }
        if (inlineSpecial.contains(c) || (lineStart && lineSpecial.contains(c)) ||
            (digits > 0 && (c == u'.' || c == u')')))
            out += u'\\';
        digits = (lineStart || digits > 0) && c.isDigit() && c.unicode() < 128 ? digits + 1 : -1;
        lineStart = false;
        out += c;
    }
    return out;
}

QString csvCell(const QString &text)
{
    QString out;
    out.reserve(text.size() + 4);
    out += u'"';
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            out += u'\'';
    }
    for (const QChar c : text) {
        if (c == u'"')
            out += u'"';
        out += c;
    }
    out += u'"';
    return out;
}

QString risValue(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c.unicode() < 0x20 || c == QChar(0x2028) || c == QChar(0x2029) || c == QChar(0x85))
            c = u' ';
    }
    return out.simplified();
}

QString aboutLine(const ExportDocument &document)
{
    QStringList about;
    if (!document.isNotebook())
        about.append(QCoreApplication::translate("dubao::exporttext", "%1 excerpt(s)").arg(document.excerpts.size()));
    if (!document.selectionSummary.isEmpty())
        about.append(document.selectionSummary);
    about.append(
        QCoreApplication::translate("dubao::exporttext", "exported %1").arg(isoDateTime(document.generatedAt)));
    return about.join(QStringLiteral(" · "));
}

QString articleTitle(const Excerpt &excerpt)
{
    return excerpt.articleTitle.isEmpty() ? QCoreApplication::translate("dubao::exporttext", "(untitled article)")
                                          : excerpt.articleTitle;
}

QString orphanNotice()
{
    return QCoreApplication::translate("dubao::exporttext", "This excerpt's paragraph is no longer in the library.");
}

QString sourceLine(const Excerpt &e)
{
    QStringList parts;
    if (!e.publication.isEmpty())
        parts.append(e.publication);
    if (e.issueDate.isValid())
        parts.append(flaggedDate(e));
    if (!e.reporters.isEmpty())
        parts.append(QCoreApplication::translate("dubao::exporttext", "reporters: %1")
                         .arg(e.reporters.join(QStringLiteral("、"))));
    if (const QString by = authorLine(e); !by.isEmpty())
        parts.append(by);
    return parts.join(QStringLiteral(" · "));
}

QString authorLine(const Excerpt &e)
{
    if (e.createdBy.isEmpty())
        return {};
    if (e.changedBy.isEmpty() || e.changedBy == e.createdBy)
        return QCoreApplication::translate("dubao::exporttext", "excerpt by %1").arg(e.createdBy);
    return QCoreApplication::translate("dubao::exporttext", "excerpt by %1, changed by %2")
        .arg(e.createdBy, e.changedBy);
}

QString noteAuthorLine(const Excerpt &e, const ExportNote &n)
{
    if (n.createdBy.isEmpty() || (e.kind == Excerpt::Kind::Note && e.noteId == n.id && e.createdBy == n.createdBy))
        return {};
    if (n.changedBy.isEmpty() || n.changedBy == n.createdBy)
        return QCoreApplication::translate("dubao::exporttext", "note by %1").arg(n.createdBy);
    return QCoreApplication::translate("dubao::exporttext", "note by %1, changed by %2").arg(n.createdBy, n.changedBy);
}

QString pageLabel(const Excerpt &e)
{
    if (e.page.isEmpty())
        return {};
    const QString page = citedPage(e.page);
    return e.pageName.isEmpty()
               ? QCoreApplication::translate("dubao::exporttext", "p. %1", "a newspaper's page (版次): 第%1版")
                     .arg(page)
               : QCoreApplication::translate("dubao::exporttext", "p. %1 (%2)", "a newspaper's page and its name")
                     .arg(page, e.pageName);
}

QString citation(const Excerpt &e)
{
    if (e.isText() || (e.orphan && e.articleTitle.isEmpty() && e.publication.isEmpty() && !e.issueDate.isValid()))
        return {};
    QStringList parts;
    if (!e.publication.isEmpty())
        parts.append(e.publication);
    if (e.issueDate.isValid())
        parts.append(flaggedDate(e));
    if (!e.page.isEmpty())
        parts.append(pageLabel(e));
    parts.append(QCoreApplication::translate("dubao::exporttext", "“%1”").arg(articleTitle(e)));
    if (e.kind != Excerpt::Kind::Article && e.blockPosition >= 0 && !e.orphan)
        parts.append(QCoreApplication::translate("dubao::exporttext", "paragraph %1").arg(e.blockPosition + 1));
    return QCoreApplication::translate("dubao::exporttext", "Cited from: %1")
        .arg(parts.join(QCoreApplication::translate("dubao::exporttext", ", ", "between the parts of a citation")));
}

QList<Group> groupExcerpts(const ExportDocument &document, ExportOptions::Grouping grouping)
{
    QList<Group> groups;
    const auto &excerpts = document.excerpts;
    if (grouping == ExportOptions::Grouping::None || document.isNotebook()) {
        Group g;
        for (qsizetype i = 0; i < excerpts.size(); ++i)
            g.excerpts.append(i);
        groups.append(g);
        return groups;
    }
    if (grouping == ExportOptions::Grouping::Date) {
        QMap<QDate, Group> byDate; // invalid QDate sorts first: moved last below
        Group undated;
        undated.heading = QCoreApplication::translate("dubao::exporttext", "Undated");
        for (qsizetype i = 0; i < excerpts.size(); ++i) {
            const QDate d = excerpts.at(i).issueDate;
            if (!d.isValid()) {
                undated.excerpts.append(i);
                continue;
            }
            Group &g = byDate[d];
            g.heading = isoDate(d);
            g.excerpts.append(i);
        }
        groups = byDate.values();
        if (!undated.excerpts.isEmpty())
            groups.append(undated);
        return groups;
    }
    // By tag: in the order tags first appear is not stable across selections, so sort by tag path.
    QMap<QString, Group> byTag;
    Group untagged;
    untagged.heading = QCoreApplication::translate("dubao::exporttext", "Untagged");
    for (qsizetype i = 0; i < excerpts.size(); ++i) {
        const Excerpt &e = excerpts.at(i);
        if (e.tags.isEmpty()) {
            untagged.excerpts.append(i);
            continue;
        }
        for (const QString &tag : e.tags) {
            Group &g = byTag[tag];
            g.heading = tag;
            g.excerpts.append(i);
        }
    }
    groups = byTag.values();
    if (!untagged.excerpts.isEmpty())
        groups.append(untagged);
    return groups;
}

Result<void> forEachGrouped(const ExportDocument &document, ExportOptions::Grouping grouping,
                            const ExportProgress &progress, const std::function<void(const QString &heading)> &heading,
                            const std::function<void(const Excerpt &excerpt)> &excerpt)
{
    const qsizetype total = document.excerpts.size();
    qsizetype done = 0;
    for (const Group &g : groupExcerpts(document, grouping)) {
        if (!g.heading.isEmpty())
            heading(g.heading);
        for (const qsizetype i : g.excerpts) {
            excerpt(document.excerpts.at(i));
            if (Result<void> reported = reportProgress(progress, ++done, std::max(total, done)); !reported)
                return reported;
        }
    }
    return {};
}

QList<CitedArticle> citedArticles(const ExportDocument &document)
{
    QList<CitedArticle> result;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < document.excerpts.size(); ++i) {
        const Excerpt &e = document.excerpts.at(i);
        if (e.isText())
            continue;
        const QString key =
            e.articleId != 0
                ? QStringLiteral("a%1").arg(e.articleId)
                : QStringLiteral("o%1\x1f%2\x1f%3").arg(e.articleTitle, e.publication, isoDate(e.issueDate));
        auto it = index.find(key);
        if (it == index.end()) {
            CitedArticle a;
            a.id = !e.articleUid.isEmpty() ? QStringLiteral("dubao-article-") + uid::toText(e.articleUid)
                   : e.articleId != 0      ? QStringLiteral("dubao-article-%1").arg(e.articleId)
                                           : QStringLiteral("dubao-orphan-%1").arg(result.size() + 1);
            a.source = &e;
            it = index.insert(key, result.size());
            result.append(a);
        }
        result[*it].excerpts.append(i);
    }
    return result;
}

QString excerptAsNote(const Excerpt &e)
{
    QString text = QStringLiteral("「%1」").arg(e.quote);
    for (const ExportNote &n : e.notes)
        text += QStringLiteral("\n\n") + n.text;
    if (!e.tags.isEmpty())
        text += QStringLiteral("\n\n#") + e.tags.join(QStringLiteral(" #"));
    // Who made it, in the note's text: CSL-JSON's and RIS's fields for a person are the article's authors.
    if (const QString by = authorLine(e); !by.isEmpty())
        text += QStringLiteral("\n\n") + by;
    const QString link = e.link();
    if (!link.isEmpty())
        text += QStringLiteral("\n\n") + link;
    return text;
}

Utf8Sink::Utf8Sink(QIODevice &device)
    : m_device(device)
{
    m_buffer.reserve(1 << 20);
}

Utf8Sink &Utf8Sink::operator<<(const QString &text)
{
    m_buffer += text;
    flushIfFull();
    return *this;
}

Utf8Sink &Utf8Sink::operator<<(QLatin1StringView text)
{
    m_buffer += text;
    flushIfFull();
    return *this;
}

Utf8Sink &Utf8Sink::operator<<(char16_t c)
{
    m_buffer += QChar(c);
    return *this;
}

void Utf8Sink::writeBytes(const QByteArray &bytes)
{
    flush();
    if (m_ok && m_device.write(bytes) != bytes.size()) {
        m_ok = false;
        m_error = m_device.errorString();
    }
}

void Utf8Sink::flushIfFull()
{
    if (m_buffer.size() >= (1 << 20))
        flush();
}

void Utf8Sink::flush()
{
    if (m_ok && !m_buffer.isEmpty()) {
        const QByteArray bytes = m_buffer.toUtf8();
        if (m_device.write(bytes) != bytes.size()) {
            m_ok = false;
            m_error = m_device.errorString();
        }
    }
    m_buffer.clear();
}

Result<void> Utf8Sink::finish()
{
    flush();
    if (!m_ok)
        return Error(m_error);
    return {};
}

Result<void> reportProgress(const ExportProgress &progress, qsizetype done, qsizetype total)
{
    if (!progress || (done % 256 != 0 && done != total))
        return {};
    if (progress(done, total))
        return {};
    return Error(QCoreApplication::translate("dubao::exporttext", "The export was cancelled."));
}

QStringList articleTags(const ExportDocument &document, const CitedArticle &article)
{
    QStringList tags;
    for (const qsizetype i : article.excerpts) {
        for (const QString &t : document.excerpts.at(i).tags) {
            if (!tags.contains(t))
                tags.append(t);
        }
    }
    return tags;
}

QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (c.isSurrogate() || c.unicode() == 0xfffe || c.unicode() == 0xffff) {
            out += QChar::ReplacementCharacter;
        } else if (c.unicode() < 0x20 && c != u'\n' && c != u'\t') {
            if (c != u'\r')
                out += u' ';
        } else {
            out += c;
        }
    }
    return out;
}

QString safeColour(const QString &colour)
{
    static const QRegularExpression hex(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    return hex.match(colour).hasMatch() ? colour.toUpper() : QString();
}

QString textColourOn(const QString &background)
{
    const uint rgb = background.mid(1).toUInt(nullptr, 16);
    const double luminance = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    return luminance < 140 ? QStringLiteral("#FFFFFF") : QStringLiteral("#000000");
}

namespace {

QString yearList(const QList<int> &years)
{
    QStringList parts;
    for (int year : years)
        parts.append(QString::number(year));
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString inferredDateNote(const QDate &date, const QList<int> &alternatives)
{
    if (!alternatives.isEmpty())
        return QCoreApplication::translate("dubao::exporttext",
                                           "Issue date %1: the year is uncertain; it is inferred from the text, "
                                           "whose evidence also points at %2.")
            .arg(isoDate(date), yearList(alternatives));
    return QCoreApplication::translate("dubao::exporttext",
                                       "Issue date %1: the year is inferred from the text, not printed in the issue.")
        .arg(isoDate(date));
}

QString flaggedDate(const Excerpt &e)
{
    if (e.dateUncertain())
        return QCoreApplication::translate("dubao::exporttext", "%1 (year uncertain: also %2)")
            .arg(isoDate(e.issueDate), yearList(e.yearAlternatives));
    if (e.dateInferred)
        return QCoreApplication::translate("dubao::exporttext", "%1 (year inferred)").arg(isoDate(e.issueDate));
    return isoDate(e.issueDate);
}

} // namespace dubao::exporttext
