#include "core/store/articlelookup.h"

#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QSqlQuery>

namespace dubao {

ArticleLookup::ArticleLookup(Library &library)
    : m_library(library)
{}

QList<ArticleCandidate> ArticleLookup::byTitle(const QString &title) const
{
    return load(QStringLiteral("SELECT id FROM articles WHERE title = ? ORDER BY id"), title);
}

QList<ArticleCandidate> ArticleLookup::byOpeningParagraph(const QString &text) const
{
    return load(QStringLiteral("SELECT article_id FROM blocks WHERE position = 0 AND text = ? ORDER BY article_id"),
                text);
}

QList<ArticleCandidate> ArticleLookup::byId(qint64 articleId) const
{
    return load(QStringLiteral("SELECT id FROM articles WHERE id = ?"), articleId);
}

QList<std::pair<QByteArray, qint64>> ArticleLookup::uids() const
{
    QList<std::pair<QByteArray, qint64>> uids;
    QSqlQuery q(m_library.database());
    dialect::readForwardOnly(q);
    if (!sql::select(q, QStringLiteral("SELECT uid, id FROM articles WHERE uid IS NOT NULL"), {}))
        return uids;
    while (q.next())
        uids.append({q.value(0).toByteArray(), q.value(1).toLongLong()});
    return uids;
}

QList<ArticleCandidate> ArticleLookup::load(const QString &sql, const QVariant &value) const
{
    const QSqlDatabase db = m_library.database();
    QList<ArticleCandidate> candidates;
    QSqlQuery ids(db);
    if (!sql::select(ids, sql, {value}))
        return candidates;
    while (ids.next())
        candidates.append(ArticleCandidate{.articleId = ids.value(0).toLongLong()});
    for (ArticleCandidate &c : candidates) {
        QSqlQuery article(db);
        if (sql::select(article, QStringLiteral("SELECT issue_id, uid, title FROM articles WHERE id = ?"),
                        {c.articleId}) &&
            article.next()) {
            c.issueId = article.value(0).toLongLong();
            c.uid = article.value(1).toByteArray();
            c.title = article.value(2).toString();
        }
        QSqlQuery blocks(db);
        if (!sql::select(blocks, QStringLiteral("SELECT id, text FROM blocks WHERE article_id = ? ORDER BY position"),
                         {c.articleId}))
            continue;
        while (blocks.next()) {
            c.blockIds.append(blocks.value(0).toLongLong());
            c.paragraphs.append(blocks.value(1).toString());
        }
    }
    return candidates;
}

} // namespace dubao
