// libFuzzer harness: the search query parser (what a user types) and the match highlighter built from it.
// Any input must give a query or a message — never a crash, and never a MATCH expression built from raw text.
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const dubao::SearchQuery query = dubao::QueryParser::parse(input);
    const QString expression = query.matchExpression();
    // The expression holds only quoted tokens, operators and parentheses: every quote is paired.
    if (expression.count(u'"') % 2 != 0)
        __builtin_trap();
    const dubao::MatchHighlighter highlighter = dubao::MatchHighlighter::forQuery(query);
    for (const auto &range : highlighter.matches(input)) {
        if (range.start < 0 || range.length < 0 || range.end() > input.size())
            __builtin_trap();
    }
    return 0;
}
