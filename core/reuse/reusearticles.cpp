// Reading an article for comparison and turning an alignment into passages of blocks (reusearticles.h).
#include "core/reuse/reusearticles.h"

#include "core/reuse/reusealigner.h"
#include "core/reuse/reusepostgres.h"
#include "core/store/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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
    text.texts = texts;
    return text;
}

namespace {

/// The digits and Latin letters written against a folded character in its block's text, before and after it
/// ("14" and "" for 日 in "6月14日，"): folding drops them, so two dates fold alike.
struct Glue
{
    QString before, after;
    friend bool operator==(const Glue &, const Glue &) = default;
};

bool isGlue(char32_t c)
{
    return QChar::script(c) != QChar::Script_Han && (QChar::isLetterOrNumber(c));
}

Glue glueOf(const ArticleText &text, int folded, QHash<int, QList<uint>> &codePoints)
{
    const int block = text.folded.blocks[std::size_t(folded)];
    auto it = codePoints.find(block);
    if (it == codePoints.end())
        it = codePoints.insert(block, text.texts.value(block).toUcs4());
    const QList<uint> &cps = *it;
    const int at = text.folded.starts[std::size_t(folded)];
    Glue glue;
    for (int k = at - 1; k >= 0 && isGlue(cps[k]); --k)
        glue.before.prepend(QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[k]), 1));
    for (int k = at + 1; k < cps.size() && isGlue(cps[k]); ++k)
        glue.after.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(&cps[k]), 1));
    return glue;
}

/// Drops matched characters at either end of a passage that carry different digits or letters: 月 and 日 of
/// "6月14日" and "2月21日" fold to the same 月日 and match, but the dates differ — no shared text.
void trimDifferentNumbers(const ArticleText &a, const ArticleText &b, std::vector<std::pair<int, int>> &matches)
{
    QHash<int, QList<uint>> cpsA, cpsB;
    auto differs = [&](const std::pair<int, int> &m) {
        return glueOf(a, m.first, cpsA) != glueOf(b, m.second, cpsB);
    };
    std::size_t first = 0, last = matches.size();
    while (first < last && differs(matches[first]))
        ++first;
    while (last > first && differs(matches[last - 1]))
        --last;
    matches.erase(matches.begin() + std::ptrdiff_t(last), matches.end());
    matches.erase(matches.begin(), matches.begin() + std::ptrdiff_t(first));
}

} // namespace

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
        std::vector<std::pair<int, int>> matches = aligned.matches;
        trimDifferentNumbers(a, b, matches);
        pair.longestPassage = std::max(pair.longestPassage, int(matches.size()));
        // One passage per pair of blocks the matches run through: a passage never crosses a block boundary.
        QList<QPair<ReusePassage, int>> pieces; // with their matched characters
        int lastA = -1, lastB = -1;
        for (const auto &[i, j] : matches) {
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

bool isTemplatePair(const ReusePair &pair, std::optional<int> dayA, std::optional<int> dayB,
                    const ReuseParameters &parameters)
{
    return dayA && dayB && std::abs(*dayA - *dayB) > parameters.formulaSpanDays &&
           pair.longestPassage < parameters.templatePassageChars;
}

std::optional<int> articleDay(QSqlDatabase db, qint64 article)
{
    const QVariant day =
        sql::scalar(db,
                    QStringLiteral("SELECT %1 FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.id = ?")
                        .arg(dayOfDate(db, QStringLiteral("i.date"))),
                    {article});
    if (!day.isValid() || day.isNull())
        return std::nullopt;
    return day.toInt();
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
