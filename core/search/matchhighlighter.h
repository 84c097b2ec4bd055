// Finds where a query's terms occur in a text and cuts snippets around them. Our own code because FTS5's
// highlight()/snippet() drop the last character of a CJK match with a custom tokenizer. Matching uses the
// same tokenizer as the index (folded, whitespace inside Chinese runs ignored), so every hit has its ranges
// and a range always covers the whole match, last character included.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace dubao {

struct SearchQuery;

/// A range in a text, in UTF-16 units (QString positions).
struct TextRange
{
    qsizetype start = 0;
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

struct Snippet
{
    QString text;             ///< a piece of the text, with "…" where it was cut
    QList<TextRange> ranges;  ///< matches inside `text`
    qsizetype textOffset = 0; ///< where `text` (after a leading "…") starts in the full text

    /// `text` with every range wrapped in open/close (e.g. "[" "]" for a terminal, tags for rich text:
    /// the rest is not escaped).
    QString markedUp(QStringView open, QStringView close) const;
};

class MatchHighlighter final
{
public:
    /// `phrases`: token lists as in QueryTerm::tokens (search::queryTokens()).
    explicit MatchHighlighter(QList<QList<QByteArray>> phrases);
    /// The positive text terms of `query` (or its title: terms when it has no text terms).
    static MatchHighlighter forQuery(const SearchQuery &query);

    /// Every occurrence of every phrase, sorted by start; overlapping occurrences are each reported.
    QList<TextRange> occurrences(QStringView text) const;
    /// Occurrences merged where they overlap or touch: what to paint.
    QList<TextRange> matches(QStringView text) const;

    /// A piece of about `length` characters around the first matches, with the matches in it.
    static Snippet snippet(QStringView text, const QList<TextRange> &matches, int length = 100);

    bool isEmpty() const { return m_phrases.isEmpty(); }

private:
    QList<QList<QByteArray>> m_phrases;
};

} // namespace dubao
