// Two texts side by side as a PDF, laid out by Pango and written by cairo like the excerpts' PDF (pdfwriter.cpp, for
// the same reason: cairo's text layer gives back the text as written, which Qt 6.4's PDF engine does not): the
// comparison of two articles that share passages (app/reuse/comparisonview.h), with its marks as styled runs — a
// tint, an underline, a strike-through — that the reader sees on paper and that pdftotext reads as plain text.
#pragma once

#include "core/model/result.h"

#include <QColor>
#include <QList>
#include <QString>

class QIODevice;

namespace dubao {

struct SideBySidePdf
{
    /// A stretch of text with one look.
    struct Run
    {
        QString text;
        QColor background{}; ///< invalid: none; opaque (blend a translucent mark on white first)
        bool underline = false;
        bool strikeOut = false;
        bool bold = false;
    };
    using Paragraph = QList<Run>;

    QString title;           ///< the first line, bold, and the PDF's title
    QList<Paragraph> header; ///< across the page under the title: what is compared, the legend
    QList<Paragraph> columns[2];
};

/// Writes `document` as A4 landscape pages, 15 mm margins: the title and the header across the top of the first
/// page, then the two columns side by side, each running on over the pages on its own (the longer one sets the number
/// of pages). `fontFamily` empty: Noto Serif CJK SC. An error when cairo could not write to `device`.
Result<void> writeSideBySidePdf(const SideBySidePdf &document, QIODevice &device, const QString &fontFamily = {});

} // namespace dubao
