// The issue parser's paragraph-end rules: whether a paragraph the OCR left without its full stop ended there, or
// was cut and goes on in the next chunk, decided from the evidence of the file's layout (issueparser.cpp).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace dubao::parse {

/// The width of the file's columns where the OCR put a space at each column wrap (003: "毫不放松 抓好疫情防控…"):
/// the median length of the pieces between those spaces, 0 when the file's text does not show one.
int spacedColumnWidth(const QList<QStringView> &bodyTexts);

/// The width of the file's lines when the OCR wrapped them at the column (no blank line between paragraphs):
/// the most common line length, 0 when the lines do not share one.
int wrappedLineWidth(const QList<QStringList> &chunkLines);

/// Whether `piece`, which does not end a sentence, ended its paragraph all the same: its last column line is
/// short against the file's column width (`spacedWidth`, 0: unknown).
bool endsShortOfColumn(QStringView piece, int spacedWidth);

/// Where a run of wrapped lines breaks into paragraphs: the indices of the lines that begin one (0 excluded). A
/// paragraph begins after a line short of the width, or at an indented line.
QList<int> wrappedParagraphStarts(const QStringList &lines, int lineWidth);

/// Whether a run of lines is wrapped at the column: every line but the last as wide as `lineWidth` (give or take one).
bool isWrappedRun(const QStringList &lines, int lineWidth);

/// Rule "sentence-opener": after `previous`, which stops on a word, `next` opens with a phrase that begins a report's
/// sentence (据称, 截至…, 17日下午, …会上, …以来, X在…中强调).
bool opensSentence(const QString &previous, const QString &next);

/// Whether `next` reads as the second half of a paragraph whose first half is `piece`: it opens no paragraph of its
/// own (a date-line, `opensParagraph`, an opening phrase) and `piece` ends in the middle of a sentence.
bool continuesCutPiece(const QString &piece, const QString &next, bool (*opensParagraph)(const QString &));

} // namespace dubao::parse
