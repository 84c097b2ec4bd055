// Seeds, chaining and the banded Smith–Waterman–Gotoh alignment of text reuse (reusealigner.h).
#include "core/reuse/reusealigner.h"

#include "core/reuse/reusetext.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_map>

namespace dubao::reuse {

namespace {

// Scores per folded character. A match of Han characters is strong evidence; a gap of g characters costs
// 6 + g, so an inserted gloss or subheading of ten characters is paid for by eight matching characters.
constexpr int kMatch = 2;
constexpr int kMismatch = -3;
constexpr int kGapOpen = -6;
constexpr int kGapExtend = -1;
constexpr int kMinusInfinity = INT_MIN / 4;

struct Run // consecutive seeds on one diagonal: a[a0, a1) == b[b0, b1)
{
    int a0, a1, b0, b1;
};

struct Region
{
    int a0, a1, b0, b1;
    int minDiagonal, maxDiagonal; // b - a
    int firstDiagonal, lastDiagonal;
    int runs;
};

using ShinglePositions = std::unordered_map<std::uint64_t, std::vector<int>>;

ShinglePositions placeShingles(const std::u32string &a)
{
    const std::vector<std::uint64_t> ha = shingleHashes(a);
    ShinglePositions positions;
    positions.reserve(ha.size());
    for (int i = 0; i < int(ha.size()); ++i)
        positions[ha[i]].push_back(i);
    return positions;
}

std::vector<Run> findRuns(const std::u32string &a, const ShinglePositions &positions, const std::u32string &b,
                          const AlignParameters &p)
{
    const std::vector<std::uint64_t> hb = shingleHashes(b);
    std::vector<std::pair<int, int>> seeds; // (diagonal, i)
    for (int j = 0; j < int(hb.size()); ++j) {
        const auto it = positions.find(hb[j]);
        if (it == positions.end() || int(it->second.size()) > p.maxSeedRepeats)
            continue;
        for (int i : it->second)
            if (a.compare(i, kShingle, b, j, kShingle) == 0)
                seeds.emplace_back(j - i, i);
    }
    std::sort(seeds.begin(), seeds.end());
    std::vector<Run> runs;
    for (const auto &[d, i] : seeds) {
        if (!runs.empty() && runs.back().b0 - runs.back().a0 == d && i <= runs.back().a1 - kShingle + 1) {
            runs.back().a1 = std::max(runs.back().a1, i + kShingle);
            runs.back().b1 = runs.back().a1 + d;
            continue;
        }
        runs.push_back({i, i + kShingle, i + d, i + d + kShingle});
    }
    std::sort(runs.begin(), runs.end(), [](const Run &x, const Run &y) { return x.a0 < y.a0; });
    return runs;
}

std::vector<Region> chainRuns(const std::vector<Run> &runs, const AlignParameters &p)
{
    std::vector<Region> regions;
    for (const Run &r : runs) {
        const int d = r.b0 - r.a0;
        Region *best = nullptr;
        int bestGap = INT_MAX;
        for (Region &g : regions) {
            const int gapA = r.a0 - g.a1;
            const int gapB = r.b0 - g.b1;
            if (gapA > p.maxGap || gapB > p.maxGap || gapA < -kShingle || gapB < -kShingle || r.a1 - g.a0 > p.maxRegion)
                continue;
            const int gap = std::max(gapA, 0) + std::max(gapB, 0);
            if (gap < bestGap) {
                best = &g;
                bestGap = gap;
            }
        }
        if (!best) {
            regions.push_back({r.a0, r.a1, r.b0, r.b1, d, d, d, d, 1});
            continue;
        }
        best->a1 = std::max(best->a1, r.a1);
        best->b1 = std::max(best->b1, r.b1);
        best->minDiagonal = std::min(best->minDiagonal, d);
        best->maxDiagonal = std::max(best->maxDiagonal, d);
        best->lastDiagonal = d;
        ++best->runs;
    }
    return regions;
}

// Banded local alignment of a[a0, a1) and b[b0, b1) around the line from the region's first diagonal to its last,
// wide enough for every diagonal its seeds were on. Gotoh's three matrices, one traceback byte per cell.
AlignedPassage alignRegion(const std::u32string &a, const std::u32string &b, const Region &g, const AlignParameters &p)
{
    const int a0 = std::max(0, g.a0 - p.bandMargin);
    const int a1 = std::min(int(a.size()), g.a1 + p.bandMargin);
    const int n = a1 - a0;
    const int spread = g.maxDiagonal - g.minDiagonal;
    // The band is at most kMaxCells cells in all (26 bytes of matrices and traceback per 2 cells): a region whose
    // seeds drift further than that allows is aligned on the narrower band, which may end its passage early.
    constexpr long kMaxCells = 2'000'000;
    const int half =
        int(std::min<long>(spread + p.bandMargin, std::max<long>(p.bandMargin, kMaxCells / std::max(n, 1) / 2)));
    const int width = 2 * half + 1;
    // The band's centre on row i (a[a0 + i - 1]) is column a0 + i - 1 + diagonal(i), in b's coordinates.
    auto centre = [&](int i) {
        const int d = n > 0 ? g.firstDiagonal + (g.lastDiagonal - g.firstDiagonal) * i / n : g.firstDiagonal;
        return a0 + i + d;
    };
    auto lowColumn = [&](int i) {
        return centre(i) - half;
    };
    std::vector<int> H((n + 1) * std::size_t(width), 0), E(H.size(), kMinusInfinity), F(H.size(), kMinusInfinity);
    std::vector<unsigned char> trace(H.size(), 0);
    auto index = [&](int i, int j) -> long {
        const int k = j - lowColumn(i);
        return k < 0 || k >= width ? -1 : long(i) * width + k;
    };
    int bestScore = 0;
    int bestI = 0, bestJ = 0;
    for (int i = 1; i <= n; ++i) {
        const char32_t ca = a[a0 + i - 1];
        for (int k = 0; k < width; ++k) {
            const int j = lowColumn(i) + k; // b[j - 1] is the column's character; j in 1..b.size()
            if (j < 1 || j > int(b.size()))
                continue;
            const long here = long(i) * width + k;
            const long up = index(i - 1, j);
            const long left = k > 0 ? here - 1 : -1;
            const long diagonal = index(i - 1, j - 1);
            // E: a gap in a (moving along b), F: a gap in b (moving along a).
            int e = kMinusInfinity;
            unsigned char t = 0;
            if (left >= 0) {
                const int open = H[left] + kGapOpen, extend = E[left] + kGapExtend;
                e = std::max(open, extend);
                t |= extend > open ? 0x10 : 0;
            }
            int f = kMinusInfinity;
            if (up >= 0) {
                const int open = H[up] + kGapOpen, extend = F[up] + kGapExtend;
                f = std::max(open, extend);
                t |= extend > open ? 0x20 : 0;
            }
            const int d = (diagonal >= 0 ? H[diagonal] : 0) + (ca == b[j - 1] ? kMatch : kMismatch);
            int h = 0;
            unsigned char from = 0;
            if (d > h) {
                h = d;
                from = 1;
            }
            if (e > h) {
                h = e;
                from = 2;
            }
            if (f > h) {
                h = f;
                from = 3;
            }
            H[here] = h;
            E[here] = e;
            F[here] = f;
            trace[here] = t | from;
            if (h > bestScore) {
                bestScore = h;
                bestI = i;
                bestJ = j;
            }
        }
    }
    AlignedPassage passage;
    int i = bestI, j = bestJ;
    int state = 0; // 0: H, 2: E, 3: F
    while (i > 0 && j > 0) {
        const long here = index(i, j);
        if (here < 0)
            break;
        const unsigned char t = trace[here];
        if (state == 0) {
            const int from = t & 0x0F;
            if (from == 0)
                break;
            if (from == 1) {
                if (a[a0 + i - 1] == b[j - 1])
                    passage.matches.emplace_back(a0 + i - 1, j - 1);
                --i;
                --j;
            } else {
                state = from;
            }
        } else if (state == 2) {
            state = (t & 0x10) ? 2 : 0;
            --j;
        } else {
            state = (t & 0x20) ? 3 : 0;
            --i;
        }
    }
    std::reverse(passage.matches.begin(), passage.matches.end());
    if (!passage.matches.empty()) {
        passage.aStart = passage.matches.front().first;
        passage.bStart = passage.matches.front().second;
        passage.aEnd = passage.matches.back().first + 1;
        passage.bEnd = passage.matches.back().second + 1;
    }
    return passage;
}

// A region of one exact run: the run is the passage (the alignment would end it where the run ends, give or take
// a few characters matched by chance past a mismatch). Copies run verbatim are most regions; this skips their
// matrices.
AlignedPassage exactPassage(const Region &g)
{
    AlignedPassage passage{g.a0, g.a1, g.b0, g.b1, {}};
    passage.matches.reserve(std::size_t(g.a1 - g.a0));
    for (int i = g.a0; i < g.a1; ++i)
        passage.matches.emplace_back(i, i + g.firstDiagonal);
    return passage;
}

// Drops an island of at most kEdgeFragment matched characters at either end of a passage, cut off from the rest by a
// mismatch or a gap: the local alignment reaches past a changed character to pick up two that happen to agree — 月
// and 日 of two different dates ("5月4日" and "6月8日" fold to 月日), 年 of two years — which is no shared text.
constexpr int kEdgeFragment = 2;

void trimEdgeFragments(AlignedPassage &passage)
{
    auto &m = passage.matches;
    auto contiguous = [&](std::size_t k) { // matches k and k + 1 are adjacent in both texts
        return m[k + 1].first == m[k].first + 1 && m[k + 1].second == m[k].second + 1;
    };
    for (bool trimmed = true; trimmed && !m.empty();) {
        trimmed = false;
        std::size_t head = 1; // the first island's length
        while (head < m.size() && contiguous(head - 1))
            ++head;
        if (head < m.size() && head <= std::size_t(kEdgeFragment)) {
            m.erase(m.begin(), m.begin() + std::ptrdiff_t(head));
            trimmed = true;
        }
        std::size_t tail = 1; // the last island's length
        while (tail < m.size() && contiguous(m.size() - tail - 1))
            ++tail;
        if (tail < m.size() && tail <= std::size_t(kEdgeFragment)) {
            m.erase(m.end() - std::ptrdiff_t(tail), m.end());
            trimmed = true;
        }
    }
    if (!m.empty()) {
        passage.aStart = m.front().first;
        passage.bStart = m.front().second;
        passage.aEnd = m.back().first + 1;
        passage.bEnd = m.back().second + 1;
    }
}

} // namespace

struct TextAligner::Shingles
{
    ShinglePositions positions;
};

TextAligner::TextAligner(const std::u32string &a, const AlignParameters &parameters)
    : m_a(a)
    , m_parameters(parameters)
    , m_shingles(new Shingles{placeShingles(a)})
{}

TextAligner::~TextAligner()
{
    delete m_shingles;
}

std::vector<AlignedPassage> TextAligner::align(const std::u32string &b) const
{
    std::vector<AlignedPassage> passages;
    for (const Region &g : chainRuns(findRuns(m_a, m_shingles->positions, b, m_parameters), m_parameters)) {
        AlignedPassage p = g.runs == 1 ? exactPassage(g) : alignRegion(m_a, b, g, m_parameters);
        trimEdgeFragments(p);
        if (int(p.matches.size()) >= m_parameters.minMatches)
            passages.push_back(std::move(p));
    }
    // Two regions can align onto the same characters of either text (a text that repeats itself: a headline repeated
    // in the body, a list of offices one report names twice, "全国人大常委会、国务院、全国政协……党组"): each character
    // is shared once, by the passage matching most; a passage overlapping a better one in either text is dropped.
    std::stable_sort(passages.begin(), passages.end(), [](const AlignedPassage &x, const AlignedPassage &y) {
        return x.matches.size() > y.matches.size();
    });
    const auto overlaps = [](int s1, int e1, int s2, int e2) {
        return s1 < e2 && s2 < e1;
    };
    std::vector<AlignedPassage> kept;
    for (AlignedPassage &p : passages)
        if (std::none_of(kept.begin(), kept.end(), [&](const AlignedPassage &k) {
                return overlaps(p.aStart, p.aEnd, k.aStart, k.aEnd) || overlaps(p.bStart, p.bEnd, k.bStart, k.bEnd);
            }))
            kept.push_back(std::move(p));
    std::sort(kept.begin(), kept.end(),
              [](const AlignedPassage &x, const AlignedPassage &y) { return x.aStart < y.aStart; });
    return kept;
}

std::vector<AlignedPassage> alignTexts(const std::u32string &a, const std::u32string &b,
                                       const AlignParameters &parameters)
{
    return TextAligner(a, parameters).align(b);
}

} // namespace dubao::reuse
