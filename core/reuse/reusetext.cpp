// Folding, shingling and winnowing for text reuse (reusetext.h).
#include "core/reuse/reusetext.h"

#include "core/text/chartables.h"

namespace dubao::reuse {

FoldedText foldBlocks(const QList<QString> &blockTexts)
{
    FoldedText folded;
    for (int b = 0; b < blockTexts.size(); ++b) {
        const QString &text = blockTexts[b];
        int codePoint = 0;
        for (qsizetype i = 0; i < text.size(); ++i, ++codePoint) {
            char32_t c = text[i].unicode();
            if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
                c = QChar::surrogateToUcs4(text[i], text[i + 1]);
                ++i;
            }
            if (text::charClass(c) != text::CharClass::Cjk)
                continue;
            folded.chars.push_back(text::searchFold(c));
            folded.blocks.push_back(b);
            folded.starts.push_back(codePoint);
        }
    }
    return folded;
}

std::vector<std::uint64_t> shingleHashes(const std::u32string &chars)
{
    std::vector<std::uint64_t> hashes;
    if (chars.size() < std::size_t(kShingle))
        return hashes;
    hashes.reserve(chars.size() - kShingle + 1);
    for (std::size_t i = 0; i + kShingle <= chars.size(); ++i) {
        std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a over the code points, then a SplitMix64 finish
        for (int k = 0; k < kShingle; ++k)
            h = (h ^ chars[i + k]) * 0x100000001b3ULL;
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebULL;
        h ^= h >> 31;
        hashes.push_back(h);
    }
    return hashes;
}

std::vector<Fingerprint> winnow(const std::vector<std::uint64_t> &hashes)
{
    std::vector<Fingerprint> fingerprints;
    const int n = int(hashes.size());
    if (n == 0)
        return fingerprints;
    if (n <= kWindow) { // shorter than one window: its minimum stands for it
        int best = 0;
        for (int i = 1; i < n; ++i)
            if (hashes[i] <= hashes[best])
                best = i;
        fingerprints.push_back({hashes[best], best});
        return fingerprints;
    }
    int last = -1;
    for (int start = 0; start + kWindow <= n; ++start) {
        int best = start;
        for (int i = start + 1; i < start + kWindow; ++i)
            if (hashes[i] <= hashes[best])
                best = i;
        if (best != last) {
            fingerprints.push_back({hashes[best], best});
            last = best;
        }
    }
    return fingerprints;
}

} // namespace dubao::reuse
