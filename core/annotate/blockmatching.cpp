// The block and article matching of a re-parse (blockmatching.h).
#include "core/annotate/blockmatching.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace dubao::matching {

namespace {

struct Claim
{
    BlockRef old;
    int length = 0; ///< characters of the old block in the new one
};

} // namespace

IssueMatching matchIssue(const QList<anchoring::ArticleText> &old, const QList<anchoring::ArticleText> &now)
{
    IssueMatching m;
    m.blockFrom.resize(now.size());
    for (int a = 0; a < now.size(); ++a)
        m.blockFrom[a].resize(now.at(a).blocks.size());

    // 1. The same text: identity carried over, in reading order when a text repeats.
    QHash<QString, QList<BlockRef>> oldByText;
    for (int a = 0; a < old.size(); ++a)
        for (int b = 0; b < old.at(a).blocks.size(); ++b)
            oldByText[old.at(a).blocks.at(b)].append({a, b});
    QHash<QString, int> nextOfText;
    QList<QList<bool>> oldMatched(old.size());
    for (int a = 0; a < old.size(); ++a)
        oldMatched[a].resize(old.at(a).blocks.size());
    for (int a = 0; a < now.size(); ++a) {
        for (int b = 0; b < now.at(a).blocks.size(); ++b) {
            const auto found = oldByText.constFind(now.at(a).blocks.at(b));
            if (found == oldByText.cend())
                continue;
            int &next = nextOfText[now.at(a).blocks.at(b)];
            if (next < found->size()) {
                const BlockRef ref = found->at(next++);
                m.blockFrom[a][b] = ref;
                oldMatched[ref.article][ref.block] = true;
            }
        }
    }

    // 2. The other old blocks, located in the new text among the new blocks not matched yet.
    auto isFree = [&](int a, int b) {
        return !m.blockFrom.at(a).at(b).isValid();
    };
    std::map<std::pair<int, int>, QList<Claim>> claims;  // new block → old blocks whose largest part it holds
    QList<std::pair<BlockRef, QList<BlockRef>>> partsOf; // old block → its other parts (split candidates)
    for (int a = 0; a < old.size(); ++a) {
        for (int b = 0; b < old.at(a).blocks.size(); ++b) {
            if (oldMatched.at(a).at(b))
                continue;
            const QString &text = old.at(a).blocks.at(b);
            const TextAnchor anchor = anchoring::makeAnchor(old.at(a), a, b, 0, int(text.size()));
            const anchoring::Placement p = text.isEmpty() ? anchoring::Placement{} : anchoring::locate(anchor, now);
            QList<anchoring::BlockSpan> spans;
            if (p.found()) {
                const QStringList &blocks = now.at(p.article).blocks;
                for (const anchoring::BlockSpan &span : anchoring::blockSpans(blocks, p.articleStart, p.articleEnd)) {
                    const int smaller = std::min(int(blocks.at(span.block).size()), int(text.size()));
                    if (isFree(p.article, span.block) && span.length() * 4 >= smaller)
                        spans.append(span);
                }
            }
            if (spans.isEmpty()) {
                // Too short to be found by its text (a heading of a few characters with one corrected): the block
                // at the same place, if it is free and still mostly the same text.
                if (a < now.size() && b < now.at(a).blocks.size() && isFree(a, b) && !claims.count({a, b}) &&
                    anchoring::similarity(text, now.at(a).blocks.at(b)) >= 0.5) {
                    claims[{a, b}].append({{a, b}, int(text.size())});
                    continue;
                }
                m.blockLineage.append({{a, b}, {}, LineageKind::Removed});
                continue;
            }
            const anchoring::BlockSpan main = anchoring::largestSpan(spans);
            claims[{p.article, main.block}].append({{a, b}, main.length()});
            QList<BlockRef> parts;
            for (const anchoring::BlockSpan &span : std::as_const(spans))
                if (span.block != main.block)
                    parts.append({p.article, span.block});
            partsOf.append({{a, b}, parts});
        }
    }

    // 3. One identity per new block: the old block contributing most; the others joined it.
    QHash<std::pair<int, int>, bool> keptIdentity; // old block → it kept its identity
    for (const auto &[target, list] : claims) {
        const auto winner = std::max_element(list.cbegin(), list.cend(),
                                             [](const Claim &x, const Claim &y) { return x.length < y.length; });
        m.blockFrom[target.first][target.second] = winner->old;
        keptIdentity.insert({winner->old.article, winner->old.block}, true);
        for (const Claim &c : list)
            if (!(c.old == winner->old))
                m.blockLineage.append({c.old, {target.first, target.second}, LineageKind::Joined});
    }
    for (const auto &[oldRef, parts] : std::as_const(partsOf)) {
        for (const BlockRef &part : parts) {
            // A part that no old block claimed as its own is a new block split off this one.
            if (isFree(part.article, part.block) && !claims.count({part.article, part.block}))
                m.blockLineage.append({oldRef, part, LineageKind::Split});
        }
    }

    // Articles: votes by the text of the blocks that came from each old article, and by the same title.
    QHash<std::pair<int, int>, qint64> votes; // (old article, new article) → weight
    for (int a = 0; a < now.size(); ++a)
        for (int b = 0; b < now.at(a).blocks.size(); ++b)
            if (const BlockRef from = m.blockFrom.at(a).at(b); from.isValid())
                votes[{from.article, a}] += now.at(a).blocks.at(b).size() + 1;
    for (const BlockLineage &l : std::as_const(m.blockLineage))
        if (l.kind != LineageKind::Removed)
            votes[{l.old.article, l.now.article}] += now.at(l.now.article).blocks.at(l.now.block).size() / 2 + 1;
    for (int o = 0; o < old.size(); ++o)
        for (int a = 0; a < now.size(); ++a)
            if (old.at(o).title == now.at(a).title)
                votes[{o, a}] += old.at(o).title.size() + 1;
    QList<std::pair<qint64, std::pair<int, int>>> ranked;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it)
        ranked.append({it.value(), it.key()});
    // Heaviest first; on a tie the pair closest in position.
    std::sort(ranked.begin(), ranked.end(), [](const auto &x, const auto &y) {
        if (x.first != y.first)
            return x.first > y.first;
        return std::abs(x.second.first - x.second.second) < std::abs(y.second.first - y.second.second);
    });
    m.articleFrom.fill(-1, now.size());
    QList<int> articleTo(old.size(), -1);
    for (const auto &[weight, pair] : std::as_const(ranked)) {
        if (articleTo.at(pair.first) < 0 && m.articleFrom.at(pair.second) < 0) {
            articleTo[pair.first] = pair.second;
            m.articleFrom[pair.second] = pair.first;
        }
    }
    for (int o = 0; o < old.size(); ++o) {
        if (articleTo.at(o) >= 0)
            continue;
        int best = -1;
        qint64 bestWeight = 0;
        for (int a = 0; a < now.size(); ++a)
            if (const qint64 w = votes.value({o, a}); w > bestWeight) {
                best = a;
                bestWeight = w;
            }
        m.articleLineage.append({o, best, best < 0 ? LineageKind::Removed : LineageKind::Joined});
    }
    for (int a = 0; a < now.size(); ++a) {
        if (m.articleFrom.at(a) >= 0)
            continue;
        for (int o = 0; o < old.size(); ++o)
            if (articleTo.at(o) >= 0 &&
                votes.value({o, a}) > qint64(old.at(o).title == now.at(a).title) * (old.at(o).title.size() + 1))
                m.articleLineage.append({o, a, LineageKind::Split});
    }
    return m;
}

} // namespace dubao::matching
