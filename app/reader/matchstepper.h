// The search matches in the article the reader shows and which of them is current: F3 / Shift+F3 step through
// them and wrap around. A plain value, no widget: the reader view draws the matches and moves its cursor to the
// current one, the find bar counts with it.
#pragma once

#include "app/reader/articledocument.h"

#include <QList>

namespace dubao {

struct SearchQuery;

class MatchStepper final
{
public:
    /// Every match of `query` in the article's paragraphs (MatchHighlighter: folded, OCR spaces inside), in
    /// reading order; none when the query is not valid.
    static QList<TextSpan> find(const Article &article, const SearchQuery &query);

    /// Replaces the matches with those of `query` in `article`; none is current. Returns how many.
    int setQuery(const Article &article, const SearchQuery &query);
    /// Replaces the matches (in reading order); `paragraphs` are the article's block ids in reading order. None
    /// is current.
    void setMatches(const QList<TextSpan> &matches, const QList<qint64> &paragraphs);
    void clear();

    bool isEmpty() const { return m_matches.isEmpty(); }
    int count() const { return int(m_matches.size()); }
    const QList<TextSpan> &matches() const { return m_matches; }
    /// Index into matches(), -1 when none is current.
    int current() const { return m_current; }
    /// Makes a match current; false (and nothing changes) when `index` is out of range.
    bool setCurrent(int index);

    /// The first match in paragraph `blockId` or after it, -1 when none; 0 (or -1 when there are no matches)
    /// when the article has no such paragraph.
    int firstFrom(qint64 blockId) const;
    /// Where F3 goes: the match after the current one, wrapping to the first; when none is current, the first at
    /// or after the cursor (at `offset` in paragraph `blockId`, 0 for the headline), else the first. -1 when
    /// there are no matches.
    int next(qint64 blockId = 0, int offset = 0) const;
    /// Where Shift+F3 goes: the match before the current one, wrapping to the last; the last when none is
    /// current. -1 when there are no matches.
    int previous() const;

private:
    QList<TextSpan> m_matches;
    QList<qint64> m_paragraphs; ///< the article's block ids in reading order
    int m_current = -1;
};

} // namespace dubao
