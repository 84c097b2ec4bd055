// The issue parser's byline rules (issueparser.cpp): whether a chunk is a byline, and what it says — its source,
// the publication, the reporters and the month and day of the report. Each rule names the corpus example that
// motivates it; tests/core/tst_issueparser.cpp tests them through the parser.
#pragma once

#include "core/model/article.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace dubao::parse {

/// Whether a chunk is a byline, on its folded text (本報訊 matches 本报讯).
bool isByline(QStringView folded);

struct BylineParse
{
    Byline byline;
    QString publication;
    int month = 0;
    int day = 0;
    qsizetype bodyStart = -1; ///< where the paragraph after the byline begins in content; -1: no body
};

/// Reads a byline from a chunk's content, matching on its folded text and taking what it returns from the
/// content by position. nullopt when it is not a byline.
std::optional<BylineParse> parseByline(const QString &content, const QString &folded);

struct Signature
{
    qsizetype start = 0;   ///< where the bracket opens in the text
    QStringList reporters; ///< OCR spaces removed, roles dropped
};

/// The reporters' signature at the end of a text ("…改善。(郑涛)"); nullopt when it does not end with one.
/// `spacesKept`: the text is the file's (its spaces separate the names); else a cleaned paragraph, whose names run
/// together.
std::optional<Signature> parseSignature(const QString &text, bool spacesKept);

/// The article's last paragraph ends with its reporters' signature: they join its reporters (a byline made for them
/// if it has none) and the signature becomes a note block of its own.
void takeSignature(Article &article);

} // namespace dubao::parse
