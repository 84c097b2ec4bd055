// Character tables made at build time by core/text/chartables_gen.cpp from ICU and Qt's Unicode data: the class
// of a character for the search tokenizer, its Simplified form and its search fold. Two-stage tables (a block
// number per 256 code units, then the distinct blocks), 115 KB of read-only data: nothing is built
// when a program starts.
#pragma once

#include <QChar>

namespace dubao::text {

/// What the search tokenizer does with a character.
enum class CharClass : unsigned char
{
    Other = 0, ///< punctuation, symbols, controls, invalid: dropped; ends runs and words
    Space = 1, ///< whitespace: ignored; inside a run of Han characters it does not end the run
    Cjk = 2,   ///< Han, kana, Hangul, bopomofo: indexed as bigrams
    Word = 3,  ///< letters, digits, combining marks: words
};

namespace tables {
// Defined in the generated chartables_data.cpp. Folds are stored as the difference to the code unit, mod 2^16.
extern const unsigned char kClassIndex[256];
extern const unsigned char kClassBlocks[][256];
extern const unsigned char kSimplifiedIndex[256];
extern const unsigned short kSimplifiedBlocks[][256];
extern const unsigned char kSearchFoldIndex[256];
extern const unsigned short kSearchFoldBlocks[][256];
} // namespace tables

/// The class of a BMP code unit (a lone surrogate is Other).
inline CharClass charClass(char16_t u)
{
    return CharClass(tables::kClassBlocks[tables::kClassIndex[u >> 8]][u & 0xFF]);
}

/// The class of any code point: supplementary ideographs are Cjk, other letters, numbers and marks Word.
inline CharClass charClass(char32_t c)
{
    if (c < 0x10000)
        return charClass(char16_t(c));
    if (c >= 0x20000 && c <= 0x323AF)
        return CharClass::Cjk;
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) ? CharClass::Word : CharClass::Other;
}

/// The Simplified form of a BMP code unit where ICU's Hant-Hans maps it to one BMP character (applied until it
/// settles, so simplified(simplified(u)) == simplified(u)); else the unit itself.
inline char16_t simplified(char16_t u)
{
    return char16_t(u + tables::kSimplifiedBlocks[tables::kSimplifiedIndex[u >> 8]][u & 0xFF]);
}

/// What the search tokenizer indexes a code point as: Cjk folded to Simplified, Word width-folded (full-width
/// letters and digits to ASCII) and lowercased, anything else itself.
inline char32_t searchFold(char32_t c)
{
    if (c < 0x10000)
        return char16_t(c + tables::kSearchFoldBlocks[tables::kSearchFoldIndex[c >> 8]][c & 0xFF]);
    return charClass(c) == CharClass::Word ? QChar::toLower(c) : c;
}

} // namespace dubao::text
