// Inside core/reuse: an article's text read for comparison, and a pair of articles aligned into a ReusePair with
// passages in block coordinates. Shared by the index's update (reuseindex.cpp) and its queries (reusepairs.cpp).
#pragma once

#include "core/reuse/reuseindex.h"
#include "core/reuse/reusetext.h"

#include <QSet>
#include <QSqlDatabase>

#include <optional>

namespace dubao::reuse {

struct ArticleText
{
    qint64 id = 0; ///< 0: no such article
    QList<qint64> blockIds;
    QList<QString> texts; ///< the blocks' text, as folded
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

/// Two articles dated more than ReuseParameters::formulaSpanDays apart whose longest passage matches fewer than
/// ReuseParameters::templatePassageChars characters share a template, not a story: the same yearly meeting's report
/// ("听取全国人大常委会、国务院……党组工作汇报,听取中央书记处工作报告" in 2020 and in 2026), a telegram's wording.
/// Copies of one story run within days or weeks (the formula rule's reasoning, for a pair). Such a pair is boilerplate.
bool isTemplatePair(const ReusePair &pair, std::optional<int> dayA, std::optional<int> dayB,
                    const ReuseParameters &parameters);

/// The Julian day of the article's issue; none when undated or absent.
std::optional<int> articleDay(QSqlDatabase db, qint64 article);

QString passagesToJson(const QList<ReusePassage> &passages);
QList<ReusePassage> passagesFromJson(const QString &json);

/// A paragraph counts as shared (search's own:no) when the passages of its article's pairs of at least this many
/// shared characters that are not boilerplate cover at least half of its folded characters — the pairs the reader
/// marks (ReuseIndex::articleReuse()'s default).
constexpr int kParagraphMinChars = 50;

/// Schema step 12: reuse_paragraphs, what search's own: filter reads (reuseparagraphs.cpp); filled from the stored
/// pairs when the index exists.
Result<void> migrateTo12(QSqlDatabase &db);
/// Writes the reuse_paragraphs rows of these articles again from their stored pairs (a deleted article's rows go).
Result<void> refreshParagraphs(QSqlDatabase db, const QSet<qint64> &articles);

} // namespace dubao::reuse
