#include "core/export/exportdocument.h"

#include "core/store/linkresolver.h"

namespace dubao {

QString Excerpt::link() const
{
    if (kind == Kind::Text)
        return {};
    if (!blockUid.isEmpty() && kind != Kind::Article)
        return DubaoLink::blockLink(blockUid);
    if (blockId != 0 && kind != Kind::Article)
        return QStringLiteral("dubao://block/%1").arg(blockId);
    return articleLink();
}

QString Excerpt::articleLink() const
{
    if (!articleUid.isEmpty())
        return DubaoLink::articleLink(articleUid);
    return articleId != 0 ? QStringLiteral("dubao://article/%1").arg(articleId) : QString();
}

QString excerptKindName(Excerpt::Kind kind)
{
    switch (kind) {
    case Excerpt::Kind::Highlight:
        return QStringLiteral("highlight");
    case Excerpt::Kind::Note:
        return QStringLiteral("note");
    case Excerpt::Kind::Paragraph:
        return QStringLiteral("paragraph");
    case Excerpt::Kind::Article:
        return QStringLiteral("article");
    case Excerpt::Kind::Text:
        return QStringLiteral("text");
    }
    return {};
}

QString ExportDocument::tagColour(const QString &path) const
{
    for (const ExportTag &t : tags) {
        if (t.path == path)
            return t.colour;
    }
    return {};
}

QString isoDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString isoDateTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace dubao
