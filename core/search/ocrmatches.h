// ocr: in a search (docs/search.md, docs/corrections.md): the paragraphs whose text as the OCR read it, around one
// of the reader's text corrections, holds a value, and the corrected spans to mark in them. Computed in C++ rather
// than in SQL because a correction's shown span is in UTF-16 units of blocks.text while SQLite's substr() counts code
// points: a character outside the BMP before the correction would shift it.
#pragma once

#include "core/model/result.h"
#include "core/search/matchhighlighter.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace dubao {

struct OcrMatches
{
    /// The paragraphs where every value is found in the OCR's text over a correction, ascending.
    QList<qint64> blocks;
    /// Per paragraph of `blocks`: the corrected spans (UTF-16 units of blocks.text) whose OCR text held a value.
    QHash<qint64, QList<TextRange>> ranges;
};

/// Reads the text corrections (placed, not orphans) and their paragraphs. An occurrence counts where it overlaps the
/// OCR's text of the correction undone (one correction at a time), so a value found only in uncorrected text does not.
Result<OcrMatches> findOcrMatches(QSqlDatabase db, const QStringList &values);

} // namespace dubao
