// Inside core/reuse: an article's text read for comparison, and a pair of articles aligned into a ReusePair with
// passages in block coordinates. Shared by the index's update (reuseindex.cpp) and its queries (reusepairs.cpp).
#pragma once

#include "core/reuse/reuseindex.h"
#include "core/reuse/reusetext.h"

#include <QSqlDatabase>

namespace dubao::reuse {

struct ArticleText
{
    qint64 id = 0; ///< 0: no such article
    QList<qint64> blockIds;
    FoldedText folded;
};

/// The article's blocks, folded; id 0 when the article does not exist.
Result<ArticleText> readArticleText(QSqlDatabase db, qint64 article);

class TextAligner;

/// Aligns two articles: shared characters, coverage and passages (boilerplate left false). `aligner`, when given,
/// holds a's text already placed (one article compared with many). `withMatches`: each passage lists its matched
/// characters (ReusePassage::matched).
ReusePair alignArticles(const ArticleText &a, const ArticleText &b, const TextAligner *aligner = nullptr,
                        bool withMatches = false);

QString passagesToJson(const QList<ReusePassage> &passages);
QList<ReusePassage> passagesFromJson(const QString &json);

} // namespace dubao::reuse
