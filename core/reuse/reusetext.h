// Text reuse, step one: an article's text as the comparison sees it, and its fingerprints. The text is folded as
// search folds it (core/text/chartables.h): only Han characters count, Traditional folded to Simplified, so OCR
// spaces, punctuation of either width, pinyin glosses, emoji and other mirror-site junk vanish. Every folded
// character keeps the block it came from and its offset there, in code points, so a passage found on the folded
// text maps back to the blocks' own text. Fingerprints: hashed k-character shingles, winnowed (Schleimer, Wilkerson
// and Aiken, "Winnowing", SIGMOD 2003; MOSS): the smallest hash of every window of w shingles is kept, which
// guarantees that any run of at least k + w - 1 folded characters two texts share yields a fingerprint in both.
// docs/reuse.md gives the parameters and why.
#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace dubao::reuse {

/// Shingle length in folded characters.
constexpr int kShingle = 8;
/// Winnowing window in shingles.
constexpr int kWindow = 23;
/// Every shared run of this many folded characters is guaranteed to give a common fingerprint.
constexpr int kGuaranteedRun = kShingle + kWindow - 1;

struct FoldedText
{
    std::u32string chars;    ///< Han characters, folded to Simplified
    std::vector<int> blocks; ///< for each character: the index of its block in the list folded
    std::vector<int> starts; ///< for each character: its offset in its block's text, in code points

    int size() const { return int(chars.size()); }
};

/// Folds the blocks of one article, in reading order.
FoldedText foldBlocks(const QList<QString> &blockTexts);

/// The hash of every shingle: element i is the hash of chars[i, i + kShingle). Empty for a text shorter than one.
std::vector<std::uint64_t> shingleHashes(const std::u32string &chars);

struct Fingerprint
{
    std::uint64_t hash = 0;
    int position = 0; ///< of the shingle, in folded characters
};

/// The winnowed fingerprints of a text (robust winnowing: in a window with equal minima the rightmost is kept, and a
/// minimum is recorded once for all the windows it spans).
std::vector<Fingerprint> winnow(const std::vector<std::uint64_t> &hashes);

} // namespace dubao::reuse
