#include "app/reader/matchstepper.h"

#include "core/model/article.h"
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"

namespace dubao {

QList<TextSpan> MatchStepper::find(const Article &article, const SearchQuery &query)
{
    QList<TextSpan> matches;
    if (!query.isValid())
        return matches;
    const MatchHighlighter highlighter = MatchHighlighter::forQuery(query);
    if (highlighter.isEmpty())
        return matches;
    for (const Block &block : article.blocks) {
        if (block.id <= 0)
            continue;
        for (const TextRange &range : highlighter.matches(block.text))
            matches << TextSpan{block.id, int(range.start), int(range.end())};
    }
    return matches;
}

int MatchStepper::setQuery(const Article &article, const SearchQuery &query)
{
    QList<qint64> paragraphs;
    paragraphs.reserve(article.blocks.size());
    for (const Block &block : article.blocks)
        paragraphs << block.id;
    setMatches(find(article, query), paragraphs);
    return count();
}

void MatchStepper::setMatches(const QList<TextSpan> &matches, const QList<qint64> &paragraphs)
{
    m_matches = matches;
    m_paragraphs = paragraphs;
    m_current = -1;
}

void MatchStepper::clear()
{
    setMatches({}, {});
}

bool MatchStepper::setCurrent(int index)
{
    if (index < 0 || index >= m_matches.size())
        return false;
    m_current = index;
    return true;
}

int MatchStepper::firstFrom(qint64 blockId) const
{
    // Matches are in reading order; find the paragraph's place in the article.
    const qsizetype blockIndex = m_paragraphs.lastIndexOf(blockId);
    if (blockIndex < 0)
        return m_matches.isEmpty() ? -1 : 0;
    for (qsizetype m = 0; m < m_matches.size(); ++m)
        if (m_paragraphs.indexOf(m_matches[m].blockId, blockIndex) >= 0)
            return int(m);
    return -1;
}

int MatchStepper::next(qint64 blockId, int offset) const
{
    if (m_matches.isEmpty())
        return -1;
    if (m_current >= 0)
        return (m_current + 1) % count();
    // From the cursor: the first match at or after it.
    int next = firstFrom(blockId);
    while (next >= 0 && next < m_matches.size() && m_matches[next].blockId == blockId && m_matches[next].start < offset)
        ++next;
    if (next < 0 || next >= m_matches.size())
        next = 0;
    return next;
}

int MatchStepper::previous() const
{
    if (m_matches.isEmpty())
        return -1;
    return m_current >= 0 ? (m_current + count() - 1) % count() : count() - 1;
}

} // namespace dubao
