#include "core/parse/issuejson.h"

#include <QJsonArray>
#include <QJsonValue>

namespace dubao {

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QJsonObject articleToJson(const Article &article, JsonIds ids)
{
    QJsonObject o;
    if (ids == JsonIds::With)
        o.insert(QStringLiteral("id"), article.id);
    o.insert(QStringLiteral("kicker"), stringOrNull(article.kicker));
    o.insert(QStringLiteral("title"), article.title);
    o.insert(QStringLiteral("subtitles"), QJsonArray::fromStringList(article.subtitles));
    if (article.byline) {
        const Byline &b = *article.byline;
        o.insert(QStringLiteral("byline"),
                 QJsonObject{{QStringLiteral("source"), b.source},
                             {QStringLiteral("reporters"), QJsonArray::fromStringList(b.reporters)},
                             {QStringLiteral("date"), stringOrNull(b.date)},
                             {QStringLiteral("raw"), b.raw}});
    } else {
        o.insert(QStringLiteral("byline"), QJsonValue(QJsonValue::Null));
    }
    if (!article.page.isEmpty()) { // only when the file names it: a file without pages reads as before
        o.insert(QStringLiteral("page"), article.page);
        o.insert(QStringLiteral("page_name"), stringOrNull(article.pageName));
    }
    QJsonArray blocks;
    for (const Block &block : article.blocks) {
        QJsonObject b{{QStringLiteral("kind"), blockKindName(block.kind)},
                      {QStringLiteral("text"), block.text},
                      {QStringLiteral("raw"), block.raw},
                      {QStringLiteral("lines"), QJsonArray{block.firstLine, block.lastLine}}};
        if (ids == JsonIds::With)
            b.insert(QStringLiteral("id"), block.id);
        blocks.append(b);
    }
    o.insert(QStringLiteral("blocks"), blocks);
    return o;
}

QJsonObject parsedIssueToJson(const ParsedIssue &issue)
{
    QJsonArray articles;
    for (const Article &a : issue.articles)
        articles.append(articleToJson(a));
    const IssueInfo &info = issue.issue;
    return QJsonObject{
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("file"), issue.source.path},
                                               {QStringLiteral("sha256"), issue.source.sha256},
                                               {QStringLiteral("encoding"), issue.source.encoding}}},
        {QStringLiteral("issue"),
         QJsonObject{{QStringLiteral("publication"), stringOrNull(info.publication)},
                     {QStringLiteral("date"),
                      info.date.isValid() ? QJsonValue(info.date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("date_inferred"), info.date.isValid() && info.dateInferred}}},
        {QStringLiteral("articles"), articles}};
}

} // namespace dubao
