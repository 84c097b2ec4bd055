// A correction of the OCR made by the reader (docs/corrections.md): new text for a span of a paragraph, or a
// paragraph joined with the next, split in two or given another kind. Kept apart from the parse, which stays as
// the OCR gave it; the paragraph's text the library shows, indexes and exports is the parse with corrections applied.
#pragma once

#include "core/model/annotation.h"

#include <QString>

#include <optional>

namespace dubao {

enum class CorrectionKind
{
    Text,  ///< [start, end) of the paragraph's parsed text reads `text`
    Join,  ///< the paragraph and the next are one
    Split, ///< the paragraph is two, cut at `start`
    Kind,  ///< the paragraph is a heading, caption, body, ... (`text`: blockKindName())
};

/// "text", "join", "split", "kind": the names in the library and in JSON.
QString correctionKindName(CorrectionKind kind);
std::optional<CorrectionKind> correctionKindFromName(QStringView name);

struct Correction
{
    qint64 id = 0;
    CorrectionKind kind = CorrectionKind::Text;
    qint64 blockId = 0; ///< the paragraph showing it now; 0 for an orphan
    /// Where it is in the paragraph's *parsed* text (before any correction), in Unicode code points: a Text
    /// correction's span, a Split's cut (start == end); 0 and the paragraph's length for Join and Kind.
    int start = 0;
    int end = 0;
    QString text;     ///< the corrected text (Text), the kind's name (Kind), empty otherwise
    QString original; ///< what the parse says at [start, end) (Text); the whole parsed paragraph otherwise
    /// Where to find it again after a re-parse or a replace: anchor.quote == original, with prefix and suffix of the
    /// parsed article text and articleStart in UTF-16 units of it (as a highlight's).
    TextAnchor anchor;
    /// Where the corrected text is in the paragraph's text as shown (UTF-16 units of blocks.text), for the reader's
    /// mark; for a Join the seam where the next paragraph's text begins (start == end); 0, 0 for Split (its paragraph
    /// is the second part) and Kind.
    int shownStart = 0;
    int shownEnd = 0;
    QString author;
    QString createdAt;
    bool orphan = false; ///< could not be placed in the issue's current text: not applied, kept

    friend bool operator==(const Correction &, const Correction &) = default;
};

} // namespace dubao
