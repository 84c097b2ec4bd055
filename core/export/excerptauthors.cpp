// Who made the excerpts an export gathers (issue 13): the taggers of tagged paragraphs and articles, and the
// author: selection (excerptauthors.h).
#include "core/export/excerptauthors.h"

#include "core/store/authorshiplookup.h"

#include <QSet>

#include <algorithm>

namespace dubao {

namespace {

// Names compared as the search's author: does, ASCII letters folded.
QString foldedName(QString name)
{
    for (QChar &c : name) {
        if (c >= u'A' && c <= u'Z')
            c = QChar(c.unicode() + 32);
    }
    return name.trimmed();
}

} // namespace

// The people who tagged the tagged paragraphs and articles among `excerpts` (with the tags `tagIds` only, when set:
// those the selection asked for), sorted and joined into createdBy.
void fillTaggers(Library &library, QList<Excerpt> &excerpts, const QSet<qint64> &tagIds)
{
    QList<qint64> blocks, articles;
    for (const Excerpt &e : std::as_const(excerpts)) {
        if (e.highlightId != 0)
            continue; // a tagging kept as an orphan highlight has its own author
        if (e.kind == Excerpt::Kind::Paragraph && e.blockId != 0)
            blocks.append(e.blockId);
        else if (e.kind == Excerpt::Kind::Article && e.articleId != 0)
            articles.append(e.articleId);
    }
    const auto byBlock = taggersOf(library, "block_tags", "block_id", blocks);
    const auto byArticle = taggersOf(library, "article_tags", "article_id", articles);
    for (Excerpt &e : excerpts) {
        if (e.highlightId != 0 || (e.kind != Excerpt::Kind::Paragraph && e.kind != Excerpt::Kind::Article))
            continue;
        const QHash<qint64, QString> taggers =
            e.kind == Excerpt::Kind::Paragraph ? byBlock.value(e.blockId) : byArticle.value(e.articleId);
        QStringList names;
        for (auto it = taggers.cbegin(); it != taggers.cend(); ++it) {
            if ((tagIds.isEmpty() || tagIds.contains(it.key())) && !it.value().isEmpty() && !names.contains(it.value()))
                names.append(it.value());
        }
        names.sort();
        e.createdBy = names.join(QStringLiteral(", "));
    }
}

// Whether one of `authors` made the excerpt (or tagged it) or wrote a note it carries.
bool madeByAny(const Excerpt &e, const QStringList &authors)
{
    QSet<QString> wanted;
    for (const QString &a : authors)
        wanted.insert(foldedName(a));
    const QStringList makers = e.createdBy.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    if (std::any_of(makers.begin(), makers.end(), [&](const QString &m) { return wanted.contains(foldedName(m)); }))
        return true;
    return std::any_of(e.notes.begin(), e.notes.end(),
                       [&](const ExportNote &n) { return wanted.contains(foldedName(n.createdBy)); });
}

} // namespace dubao
