// Reading an article for comparison and turning an alignment into passages of blocks (reusearticles.h).
#include "core/reuse/reusearticles.h"

#include "core/reuse/reusealigner.h"
#include "core/store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dubao::reuse {

Result<ArticleText> readArticleText(QSqlDatabase db, qint64 article)
{
    ArticleText text;
    QSqlQuery q(db);
    if (Result<void> read = sql::select(
            q, QStringLiteral("SELECT id, text FROM blocks WHERE article_id = ? ORDER BY position"), {article});
        !read)
        return read.error();
    QList<QString> texts;
    while (q.next()) {
        text.blockIds.append(q.value(0).toLongLong());
        texts.append(q.value(1).toString());
    }
    if (text.blockIds.isEmpty() &&
        !sql::scalar(db, QStringLiteral("SELECT 1 FROM articles WHERE id = ?"), {article}).isValid())
        return text;
    text.id = article;
    text.folded = foldBlocks(texts);
    return text;
}

ReusePair alignArticles(const ArticleText &a, const ArticleText &b, const TextAligner *aligner, bool withMatches)
{
    ReusePair pair;
    pair.a = a.id;
    pair.b = b.id;
    const std::vector<AlignedPassage> passages =
        aligner ? aligner->align(b.folded.chars) : alignTexts(a.folded.chars, b.folded.chars);
    // A piece of a passage at its first or last pair of blocks with this many matched characters or fewer is dropped:
    // a passage that runs on into a date line of its own ("5月4日" beside "6月8日": 月日 on both sides) or the first
    // characters of the next paragraph is no passage of that paragraph.
    constexpr int kEdgePiece = 2;
    for (const AlignedPassage &aligned : passages) {
        // One passage per pair of blocks the matches run through: a passage never crosses a block boundary.
        QList<QPair<ReusePassage, int>> pieces; // with their matched characters
        int lastA = -1, lastB = -1;
        for (const auto &[i, j] : aligned.matches) {
            const int blockA = a.folded.blocks[i], blockB = b.folded.blocks[j];
            if (blockA != lastA || blockB != lastB) {
                pieces.append({ReusePassage{a.blockIds[blockA], a.folded.starts[i], a.folded.starts[i] + 1,
                                            b.blockIds[blockB], b.folded.starts[j], b.folded.starts[j] + 1},
                               0});
                lastA = blockA;
                lastB = blockB;
            }
            ReusePassage &current = pieces.last().first;
            current.aEnd = a.folded.starts[i] + 1;
            current.bEnd = b.folded.starts[j] + 1;
            ++pieces.last().second;
            if (withMatches)
                current.matched.append({a.folded.starts[i], b.folded.starts[j]});
        }
        while (pieces.size() > 1 && pieces.front().second <= kEdgePiece)
            pieces.removeFirst();
        while (pieces.size() > 1 && pieces.back().second <= kEdgePiece)
            pieces.removeLast();
        for (const auto &[piece, matched] : std::as_const(pieces)) {
            pair.passages.append(piece);
            pair.sharedChars += matched;
        }
    }
    pair.coverageA = a.folded.size() > 0 ? double(pair.sharedChars) / a.folded.size() : 0;
    pair.coverageB = b.folded.size() > 0 ? double(pair.sharedChars) / b.folded.size() : 0;
    return pair;
}

QString passagesToJson(const QList<ReusePassage> &passages)
{
    return QString::fromUtf8(QJsonDocument(reusePassagesJson(passages)).toJson(QJsonDocument::Compact));
}

QList<ReusePassage> passagesFromJson(const QString &json)
{
    QList<ReusePassage> passages;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        passages.append({o.value(QStringLiteral("a_block")).toInteger(), o.value(QStringLiteral("a_start")).toInt(),
                         o.value(QStringLiteral("a_end")).toInt(), o.value(QStringLiteral("b_block")).toInteger(),
                         o.value(QStringLiteral("b_start")).toInt(), o.value(QStringLiteral("b_end")).toInt()});
    }
    return passages;
}

} // namespace dubao::reuse

namespace dubao {

QJsonArray reusePassagesJson(const QList<ReusePassage> &passages)
{
    QJsonArray list;
    for (const ReusePassage &p : passages)
        list.append(QJsonObject{{QStringLiteral("a_block"), p.aBlock},
                                {QStringLiteral("a_start"), p.aStart},
                                {QStringLiteral("a_end"), p.aEnd},
                                {QStringLiteral("b_block"), p.bBlock},
                                {QStringLiteral("b_start"), p.bStart},
                                {QStringLiteral("b_end"), p.bEnd}});
    return list;
}

} // namespace dubao
