#include "core/annotate/anchoring.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dubao {

int anchorContextLength()
{
    return 32;
}

namespace anchoring {

namespace {

constexpr double kPreferredArticleBonus = 0.25;
constexpr double kProximityWeight = 0.1;

int preferredArticle(const TextAnchor &anchor, const QList<ArticleText> &issue)
{
    int best = -1;
    if (!anchor.articleTitle.isEmpty()) {
        for (int a = 0; a < issue.size(); ++a) {
            if (issue.at(a).title != anchor.articleTitle)
                continue;
            if (best < 0 || std::abs(a - anchor.articlePosition) < std::abs(best - anchor.articlePosition))
                best = a;
        }
    }
    if (best < 0 && anchor.articlePosition >= 0 && anchor.articlePosition < issue.size())
        best = anchor.articlePosition;
    return best;
}

/// How well the text around [start, end) matches the anchor's prefix and suffix, 0..1. A side without
/// stored context (the quote was at the article's edge) counts 1 at the edge and 0.5 elsewhere.
double contextSimilarity(const TextAnchor &anchor, QStringView text, int start, int end)
{
    auto side = [](QStringView stored, QStringView found, bool atEdge) {
        if (stored.isEmpty())
            return atEdge ? 1.0 : 0.5;
        return similarity(stored, found);
    };
    const int p = int(anchor.prefix.size());
    const int before = std::max(0, start - p);
    const double prefix = side(anchor.prefix, text.mid(before, start - before), start == 0);
    const double suffix = side(anchor.suffix, text.mid(end, anchor.suffix.size()), end >= text.size());
    return (prefix + suffix) / 2;
}

double proximity(const TextAnchor &anchor, int start, int length)
{
    if (anchor.articleStart < 0 || length <= 0)
        return 0;
    return 1.0 - std::min(1.0, std::abs(start - anchor.articleStart) / double(length));
}

} // namespace

QString articleText(const QStringList &blocks)
{
    return blocks.join(QString());
}

TextAnchor makeAnchor(const ArticleText &a, int article, int block, int start, int end)
{
    TextAnchor anchor;
    if (block < 0 || block >= a.blocks.size())
        return anchor;
    const QString &text = a.blocks.at(block);
    start = std::clamp(start, 0, int(text.size()));
    end = std::clamp(end, start, int(text.size()));
    int offset = 0;
    for (int b = 0; b < block; ++b)
        offset += int(a.blocks.at(b).size());
    const QString flat = articleText(a.blocks);
    const int as = offset + start;
    const int ae = offset + end;
    int ps = std::max(0, as - anchorContextLength());
    if (ps > 0 && ps < flat.size() && flat.at(ps).isLowSurrogate())
        ++ps; // never start the context with half a character
    int se = std::min(int(flat.size()), ae + anchorContextLength());
    if (se > ae && se < flat.size() && flat.at(se - 1).isHighSurrogate())
        --se;
    anchor.quote = text.mid(start, end - start);
    anchor.prefix = flat.mid(ps, as - ps);
    anchor.suffix = flat.mid(ae, se - ae);
    anchor.articlePosition = article;
    anchor.articleTitle = a.title;
    anchor.blockPosition = block;
    anchor.articleStart = as;
    anchor.start = start;
    anchor.end = end;
    return anchor;
}

Placement locate(const TextAnchor &anchor, const QList<ArticleText> &issue, const Thresholds &t)
{
    Placement none;
    const QString &quote = anchor.quote;
    const int m = int(quote.size());
    if (m == 0 || issue.isEmpty())
        return none;

    const int preferred = preferredArticle(anchor, issue);
    QList<QString> texts;
    texts.reserve(issue.size());
    for (const ArticleText &a : issue)
        texts.append(articleText(a.blocks));
    // The preferred article first, so that ties go to it.
    QList<int> order;
    if (preferred >= 0)
        order.append(preferred);
    for (int a = 0; a < issue.size(); ++a) {
        if (a != preferred)
            order.append(a);
    }

    // 1. Position.
    if (preferred >= 0 && anchor.articleStart >= 0) {
        const QString &text = texts.at(preferred);
        if (QStringView(text).mid(anchor.articleStart, m) == quote && anchor.articleStart + m <= text.size())
            return {Method::Position, preferred, anchor.articleStart, anchor.articleStart + m, 1.0};
    }

    auto bonus = [&](int article, int start) {
        return (article == preferred ? kPreferredArticleBonus : 0.0) +
               kProximityWeight * (article == preferred ? proximity(anchor, start, int(texts.at(article).size())) : 0);
    };

    // 2. Exact quote, chosen by context.
    Placement best;
    for (const int a : order) {
        const QString &text = texts.at(a);
        for (qsizetype from = text.indexOf(quote); from >= 0; from = text.indexOf(quote, from + 1)) {
            const int s = int(from);
            const double context = contextSimilarity(anchor, text, s, s + m);
            if (context < t.minContext && m < t.minSpecificQuote)
                continue;
            const double score = context + bonus(a, s);
            if (!best.found() || score > best.score)
                best = {Method::Quote, a, s, s + m, score};
        }
    }
    if (best.found())
        return best;

    // 3a. Fuzzy quote.
    if (m >= t.minFuzzyQuote) {
        const int maxErrors = int(std::floor(m * t.maxQuoteErrorRate));
        for (const int a : order) {
            const QString &text = texts.at(a);
            for (const ApproximateMatch &match : findApproximate(quote, text, maxErrors)) {
                const double quoteSimilarity = 1.0 - double(match.errors) / m;
                const double context = contextSimilarity(anchor, text, match.start, match.end);
                if (context < t.minContext && m < t.minFuzzyQuoteWithoutContext)
                    continue;
                const double score = 0.6 * quoteSimilarity + 0.4 * context + bonus(a, match.start);
                if (!best.found() || score > best.score)
                    best = {Method::Fuzzy, a, match.start, match.end, score};
            }
        }
        if (best.found())
            return best;
    }

    // 3b. Between prefix and suffix: a short quote whose own characters were corrected. Both sides must be
    // found approximately, the suffix right after the prefix, and the text between them about as long as
    // the quote was.
    const int p = int(anchor.prefix.size());
    const int sLen = int(anchor.suffix.size());
    if (p >= t.minBracketContext && sLen >= t.minBracketContext) {
        const int prefixErrors = int(std::floor(p * t.maxQuoteErrorRate));
        const int suffixErrors = int(std::floor(sLen * t.maxQuoteErrorRate));
        const int maxGap = 2 * m + 2;
        for (const int a : order) {
            const QString &text = texts.at(a);
            for (const ApproximateMatch &before : findApproximate(anchor.prefix, text, prefixErrors)) {
                const QStringView window = QStringView(text).mid(before.end, maxGap + sLen + suffixErrors);
                for (const ApproximateMatch &after : findApproximate(anchor.suffix, window, suffixErrors)) {
                    const int gap = after.start;
                    if (gap < std::max(1, m / 2) || gap > maxGap)
                        continue;
                    const double context = (2.0 - double(before.errors) / p - double(after.errors) / sLen) / 2.0;
                    const double score = context + bonus(a, before.end);
                    if (!best.found() || score > best.score)
                        best = {Method::Context, a, before.end, before.end + gap, score};
                }
            }
        }
    }
    return best;
}

QList<BlockSpan> blockSpans(const QStringList &blocks, int articleStart, int articleEnd)
{
    QList<BlockSpan> spans;
    int offset = 0;
    for (int b = 0; b < blocks.size(); ++b) {
        const int length = int(blocks.at(b).size());
        const int s = std::max(articleStart, offset);
        const int e = std::min(articleEnd, offset + length);
        if (length > 0 && s < e)
            spans.append({b, s - offset, e - offset});
        offset += length;
    }
    return spans;
}

BlockSpan largestSpan(const QList<BlockSpan> &spans)
{
    BlockSpan best;
    for (const BlockSpan &span : spans) {
        if (best.block < 0 || span.length() > best.length())
            best = span;
    }
    return best;
}

int editDistance(QStringView a, QStringView b)
{
    if (a.size() < b.size())
        std::swap(a, b);
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min({up + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[size_t(b.size())];
}

double similarity(QStringView a, QStringView b)
{
    const qsizetype longer = std::max(a.size(), b.size());
    if (longer == 0)
        return 1.0;
    return 1.0 - double(editDistance(a, b)) / double(longer);
}

QList<ApproximateMatch> findApproximate(QStringView pattern, QStringView text, int maxErrors)
{
    QList<ApproximateMatch> matches;
    const int m = int(pattern.size());
    const int k = std::max(0, maxErrors);
    if (m == 0 || text.isEmpty())
        return matches;
    const int cap = k + 1; // every value above k is stored as k + 1
    std::vector<int> cost(size_t(m) + 1);
    std::vector<int> next(size_t(m) + 1);
    std::vector<int> start(size_t(m) + 1, 0);
    std::vector<int> nextStart(size_t(m) + 1, 0);
    for (int i = 0; i <= m; ++i)
        cost[size_t(i)] = std::min(i, cap);
    int top = std::min(m, k); // rows above `top` are known to exceed k

    ApproximateMatch run; // the best match of the current run of neighbouring ends
    bool inRun = false;
    auto closeRun = [&]() {
        if (inRun)
            matches.append(run);
        inRun = false;
    };

    for (int j = 0; j < text.size(); ++j) {
        const QChar c = text[j];
        next[0] = 0;
        nextStart[0] = j + 1;
        const int limit = std::min(m, top + 1);
        for (int i = 1; i <= limit; ++i) {
            int best = cost[size_t(i - 1)] + (pattern[i - 1] == c ? 0 : 1);
            int bestStart = start[size_t(i - 1)];
            if (next[size_t(i - 1)] + 1 < best) {
                best = next[size_t(i - 1)] + 1;
                bestStart = nextStart[size_t(i - 1)];
            }
            const int above = i <= top ? cost[size_t(i)] : cap;
            if (above + 1 < best) {
                best = above + 1;
                bestStart = start[size_t(i)];
            }
            next[size_t(i)] = std::min(best, cap);
            nextStart[size_t(i)] = bestStart;
        }
        int newTop = limit;
        while (newTop > 0 && next[size_t(newTop)] > k)
            --newTop;
        if (limit == m && next[size_t(m)] <= k) {
            const ApproximateMatch match{nextStart[size_t(m)], j + 1, next[size_t(m)]};
            const auto lengthGap = [m](const ApproximateMatch &x) {
                return std::abs(x.end - x.start - m);
            };
            if (!inRun) {
                run = match;
                inRun = true;
            } else if (match.errors < run.errors || (match.errors == run.errors && lengthGap(match) < lengthGap(run))) {
                run = match;
            }
        } else {
            closeRun();
        }
        std::swap(cost, next);
        std::swap(start, nextStart);
        top = newTop;
    }
    closeRun();
    return matches;
}

} // namespace anchoring
} // namespace dubao
