// Character classes and the text repairs the parser applies to OCR'd Chinese: pure functions on QString.
#pragma once

#include <QString>
#include <QStringView>

namespace dubao::text {

/// CJK ideographs (BMP blocks, compatibility ideographs) and surrogates (supplementary ideographs).
inline bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xD800 && u <= 0xDFFF) ||
           u == 0x3007; // 〇
}

/// Full-width CJK punctuation and brackets: 。，、；：？！“”‘’（）《》〈〉【】「」『』—…·
bool isCjkPunctuation(QChar c);

/// Whitespace as the OCR produces it: ASCII space, tab, ideographic space, no-break space.
inline bool isOcrSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == 0x3000 || u == 0x00A0 || u == u'\f' || u == u'\v';
}

/// Latin letters and digits (ASCII and full-width), for deciding whether a space separates words.
bool isLatinOrDigit(QChar c);

/// Sentence-final: 。！？!?… (a paragraph ending on one of these, maybe followed by a closing quote or
/// bracket, is complete).
bool endsSentence(QStringView text);

/// Repairs a paragraph of body text:
///  - removes whitespace the OCR put between Chinese characters, and between Chinese and digits or
///    punctuation ("潘 文峰" → 潘文峰, "12 月19日" → 12月19日, "设 2024 年" → 设2024年); keeps one space
///    between two Latin words or numbers ("Apple Inc", "1 000");
///  - turns half-width , ; : ? ! ( ) into full-width in Chinese text (not inside numbers: 1,000, 10:30);
///  - pairs straight double quotes into “ ” (and single into ‘ ’).
/// Keeps everything else as it is: a traditional form such as 贏 stays (search folds it, the text does not).
QString cleanBodyText(QStringView raw);

/// Like cleanBodyText, but a space after sentence-final punctuation stays (a caption's credit:
/// "效果图。 重庆市水利局供图").
QString cleanCaptionText(QStringView raw);

/// Repairs a headline or heading: trims, folds runs of whitespace to one space (spaces between headline
/// phrases mean something: "聚力主战场 点燃主引擎"), and normalises punctuation as cleanBodyText does.
QString cleanHeadlineText(QStringView raw);

/// Folds Traditional characters to Simplified, one UTF-16 unit for one (so positions in the result are
/// positions in the input): 本報訊 → 本报讯, 會議強調 → 会议强调. For matching only, never for display: the
/// fold is per character (乾隆 → 干隆). The table is made at build time from ICU's Hant-Hans transliterator
/// (core/text/chartables.h); folding twice gives what folding once gives.
QString foldToSimplified(QStringView text);

/// Removes all whitespace (for names: "徐 灵" → 徐灵, "记 者" → 记者).
QString removeSpaces(QStringView raw);

} // namespace dubao::text
