// Correcting the OCR of a paragraph (docs/corrections.md): the one way the reader's corrections are made and taken
// back. Each call is one transaction: the correction is stored and the issue re-made from its stored original with
// every correction applied (IssueReplacer), so the paragraph's text, the search index and the highlights and notes
// on it change together, or nothing changes.
#pragma once

#include "core/model/article.h"
#include "core/model/correction.h"
#include "core/model/result.h"

#include <QCoreApplication>

namespace dubao {

class Library;

/// Messages are English; the app's translator translates them (context "dubao::Corrector").
class Corrector final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::Corrector)

public:
    explicit Corrector(Library &library);

    /// [start, end) of the paragraph's text as shown now (code points) reads `text`. The span must not overlap
    /// another correction. Returns the new correction's id.
    Result<qint64> correctText(qint64 blockId, int start, int end, const QString &text, const QString &author);
    /// The paragraph and the next one of its article are one.
    Result<qint64> join(qint64 blockId, const QString &author);
    /// The paragraph is two, cut before code point `at` of its text as shown now.
    Result<qint64> split(qint64 blockId, int at, const QString &author);
    /// The paragraph is of `kind` (a heading, caption, body, ...).
    Result<qint64> setKind(qint64 blockId, BlockKind kind, const QString &author);

    /// Takes a correction back: the paragraph shows the parse again there. Returns the row, for restore().
    Result<Correction> uncorrect(qint64 id);
    /// Puts a correction back with its id (the undo of uncorrect(), the redo of a correction).
    Result<void> restore(const Correction &correction);

    /// The issue's file as the OCR delivered it (decoded: UTF-8, LF) with the corrections written in: a corrected span
    /// in its line where the OCR's text is found there (spaces and line breaks between its characters allowed), else
    /// the paragraph's lines replaced by its corrected text; split or joined paragraphs as the corrected paragraphs,
    /// separated by a blank line. Every other line as it was.
    Result<QString> correctedIssueText(qint64 issueId);

    /// The author a correction records when none is given: the user's full name as the system knows it, else the
    /// login name.
    static QString defaultAuthor();

private:
    struct Target;
    Result<Target> target(qint64 blockId);
    Result<qint64> store(Correction correction);

    Library &m_library;
};

} // namespace dubao
