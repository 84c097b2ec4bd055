// The officials an article names, with their offices and what they do in the sentence: the rules that read
// `区委书记张智奎主持会议` as (张智奎, 区委书记, 主持). Pure: an article in, its mentions out. The rules are in
// officialextractor.cpp, each named and with the corpus example that motivates it; docs/people.md lists them
// with their precision and recall on the five corpus issues.
#pragma once

#include "core/model/article.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dubao {

/// What an official does in the sentence that names them. The names are the Chinese verbs, as stored.
namespace role {
inline constexpr auto kPresides = u"主持";
inline constexpr auto kAttends = u"出席";
inline constexpr auto kSitsIn = u"列席";
inline constexpr auto kSpeaks = u"讲话";
inline constexpr auto kInspects = u"调研";
inline constexpr auto kTakesPart = u"参加";
} // namespace role

/// The roles in the order above.
const QStringList &officialRoles();

struct OfficialMention
{
    int blockIndex = -1;   ///< index into Article::blocks
    QString name;          ///< OCR spaces removed
    QStringList offices;   ///< as written, in the text's order; empty when the text gives none (区领导邓文)
    QString role;          ///< one of officialRoles(), or empty
    int order = 0;         ///< 1-based rank of the person in the article's attendance order
    int sentenceStart = 0; ///< the sentence, in UTF-16 units of the block's text
    int sentenceLength = 0;
    QString sentence;

    friend bool operator==(const OfficialMention &, const OfficialMention &) = default;
};

/// The officials named in an article's body and speaker lines (not its headline: a headline is no block), in
/// reading order. Reporters of its byline are never officials.
QList<OfficialMention> extractOfficials(const Article &article);

/// True when `text` reads as a personal name: a common surname and one or two more characters that are not
/// part of an office or a place (`全区各级各部门` is not a name).
bool looksLikePersonalName(QStringView text);

} // namespace dubao
