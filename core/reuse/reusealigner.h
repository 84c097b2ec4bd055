// Text reuse, step two: where two folded texts share passages. Exact shingle matches are the seeds; seeds on nearly
// the same diagonal, close in both texts, are chained into regions (so inserted junk, a cut sentence or a changed
// word between them keeps one passage, and paragraphs in another order give separate ones); each region is then
// aligned by a banded local alignment with affine gaps (Smith–Waterman–Gotoh) on the folded characters, which
// gives its exact ends and the characters it matches.
#pragma once

#include <string>
#include <vector>

namespace dubao::reuse {

/// One aligned passage of two folded texts: [aStart, aEnd) and [bStart, bEnd) in folded characters, with the
/// position pairs of its identical characters in order.
struct AlignedPassage
{
    int aStart = 0;
    int aEnd = 0;
    int bStart = 0;
    int bEnd = 0;
    std::vector<std::pair<int, int>> matches;
};

struct AlignParameters
{
    int maxGap = 60;         ///< seeds further apart than this (in either text) start a new region
    int minMatches = 20;     ///< a passage with fewer identical characters is dropped
    int maxRegion = 20000;   ///< a longer region is cut (bounds the alignment's memory)
    int bandMargin = 24;     ///< band half-width beyond the drift of the seeds' diagonals
    int maxSeedRepeats = 16; ///< a shingle repeated more often inside one text seeds nothing
};

/// The passages `a` and `b` share, ordered by their start in `a`.
std::vector<AlignedPassage> alignTexts(const std::u32string &a, const std::u32string &b,
                                       const AlignParameters &parameters = {});

/// alignTexts() of one text with many: the first text's shingles are hashed and placed once.
class TextAligner final
{
public:
    explicit TextAligner(const std::u32string &a, const AlignParameters &parameters = {});
    ~TextAligner();
    TextAligner(const TextAligner &) = delete;
    TextAligner &operator=(const TextAligner &) = delete;

    /// The passages `a` and `b` share, ordered by their start in `a`.
    std::vector<AlignedPassage> align(const std::u32string &b) const;

private:
    struct Shingles;
    const std::u32string &m_a;
    AlignParameters m_parameters;
    Shingles *m_shingles;
};

} // namespace dubao::reuse
