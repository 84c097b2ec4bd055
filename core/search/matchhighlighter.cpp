#include "core/search/matchhighlighter.h"

#include "core/search/queryparser.h"
#include "core/search/tokenizer.h"

#include <algorithm>

namespace dubao {

MatchHighlighter::MatchHighlighter(QList<QList<QByteArray>> phrases)
    : m_phrases(std::move(phrases))
{
    m_phrases.removeIf([](const QList<QByteArray> &p) { return p.isEmpty(); });
    // A prefix token ("会*") is a single character; in Highlight tokens it equals that character's unigram.
    for (QList<QByteArray> &phrase : m_phrases) {
        for (QByteArray &token : phrase) {
            if (token.endsWith('*'))
                token.chop(1);
        }
    }
}

MatchHighlighter MatchHighlighter::forQuery(const SearchQuery &query)
{
    return MatchHighlighter(query.hasTextTerms() ? query.highlightPhrases() : query.titlePhrases());
}

QList<TextRange> MatchHighlighter::occurrences(QStringView text) const
{
    QList<TextRange> found;
    if (m_phrases.isEmpty() || text.isEmpty())
        return found;
    const QList<search::Token> tokens = search::tokenize(text, search::TokenizeMode::Highlight);
    if (tokens.isEmpty())
        return found;
    // first[p]: index of the first token at position p (tokens come in position order).
    const int positions = tokens.back().position + 1;
    std::vector<int> first(size_t(positions) + 1, int(tokens.size()));
    for (int k = int(tokens.size()) - 1; k >= 0; --k)
        first[size_t(tokens[k].position)] = k;
    auto tokenAt = [&](int position, const QByteArray &text) -> const search::Token * {
        if (position >= positions)
            return nullptr;
        for (int k = first[size_t(position)]; k < tokens.size() && tokens[k].position == position; ++k) {
            if (tokens[k].text == text)
                return &tokens[k];
        }
        return nullptr;
    };

    for (const QList<QByteArray> &phrase : m_phrases) {
        for (const search::Token &t : tokens) {
            if (t.text != phrase.front())
                continue;
            const search::Token *last = &t;
            bool ok = true;
            for (int k = 1; k < phrase.size() && ok; ++k) {
                last = tokenAt(t.position + k, phrase[k]);
                ok = last != nullptr;
            }
            if (ok) {
                const TextRange range{t.utf16Start, last->utf16End - t.utf16Start};
                if (!found.contains(range))
                    found.append(range);
            }
        }
    }
    std::sort(found.begin(), found.end(), [](const TextRange &a, const TextRange &b) {
        return a.start != b.start ? a.start < b.start : a.length < b.length;
    });
    return found;
}

QList<TextRange> MatchHighlighter::matches(QStringView text) const
{
    QList<TextRange> merged;
    for (const TextRange &r : occurrences(text)) {
        if (!merged.isEmpty() && r.start <= merged.back().end())
            merged.back().length = std::max(merged.back().end(), r.end()) - merged.back().start;
        else
            merged.append(r);
    }
    return merged;
}

Snippet MatchHighlighter::snippet(QStringView text, const QList<TextRange> &matches, int length)
{
    Snippet snippet;
    length = std::max(length, 10);
    qsizetype begin = 0;
    if (!matches.isEmpty() && text.size() > length) {
        // Some context before the first match, then as much after as fits.
        const qsizetype lead = std::min<qsizetype>(length / 4, 30);
        begin = std::max<qsizetype>(0, matches.front().start - lead);
        begin = std::min<qsizetype>(begin, std::max<qsizetype>(0, text.size() - length));
        if (begin > 0 && text[begin].isLowSurrogate())
            --begin;
    }
    qsizetype end = std::min<qsizetype>(text.size(), begin + length);
    if (!matches.isEmpty() && matches.front().end() > end)
        end = std::min(text.size(), matches.front().end()); // never cut the first match
    if (end < text.size() && end > 0 && text[end].isLowSurrogate())
        ++end;
    const QString prefix = begin > 0 ? QStringLiteral("…") : QString();
    snippet.text = prefix + text.mid(begin, end - begin) + (end < text.size() ? QStringLiteral("…") : QString());
    snippet.textOffset = begin;
    for (const TextRange &r : matches) {
        const qsizetype s = std::max(r.start, begin);
        const qsizetype e = std::min(r.end(), end);
        if (s < e)
            snippet.ranges.append({s - begin + prefix.size(), e - s});
    }
    return snippet;
}

QString Snippet::markedUp(QStringView open, QStringView close) const
{
    QString out;
    qsizetype at = 0;
    for (const TextRange &r : ranges) {
        if (r.start < at || r.end() > text.size())
            continue;
        out += QStringView(text).mid(at, r.start - at);
        out += open;
        out += QStringView(text).mid(r.start, r.length);
        out += close;
        at = r.end();
    }
    out += QStringView(text).mid(at);
    return out;
}

} // namespace dubao
