// Applying corrections to a parse: see correcting.h and docs/corrections.md.
#include "core/annotate/correcting.h"

#include "core/annotate/anchoring.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace dubao {

QString correctionKindName(CorrectionKind kind)
{
    switch (kind) {
    case CorrectionKind::Text:
        return QStringLiteral("text");
    case CorrectionKind::Join:
        return QStringLiteral("join");
    case CorrectionKind::Split:
        return QStringLiteral("split");
    case CorrectionKind::Kind:
        break;
    }
    return QStringLiteral("kind");
}

std::optional<CorrectionKind> correctionKindFromName(QStringView name)
{
    for (const CorrectionKind kind :
         {CorrectionKind::Text, CorrectionKind::Join, CorrectionKind::Split, CorrectionKind::Kind})
        if (name == correctionKindName(kind))
            return kind;
    return std::nullopt;
}

namespace correcting {

int codePoints(QStringView text, int utf16)
{
    utf16 = std::clamp(utf16, 0, int(text.size()));
    int points = 0;
    for (int i = 0; i < utf16; ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < utf16 && text.at(i + 1).isLowSurrogate())
            ++i;
        ++points;
    }
    return points;
}

int utf16Offset(QStringView text, int points)
{
    int i = 0;
    for (int p = 0; p < points && i < text.size(); ++p) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++i;
    }
    return i;
}

namespace {

struct TextSpan
{
    int start = 0;
    int end = 0;
    int correction = -1;
};

/// One corrected paragraph being built.
struct Part
{
    Block block;
    QList<Segment> segments;
    int firstParseBlock = -1;
};

void appendSegment(Part &part, int parseBlock, int parseStart, int parseEnd, const QString &text, int correction)
{
    Segment segment{parseBlock, parseStart, parseEnd, int(part.block.text.size()), 0, correction};
    part.block.text += text;
    segment.finalEnd = int(part.block.text.size());
    part.segments.append(segment);
}

} // namespace

CorrectedIssue apply(const QList<Article> &parsed, const QList<Correction> &corrections)
{
    CorrectedIssue result;
    result.placements.resize(corrections.size());
    QList<anchoring::ArticleText> texts;
    for (const Article &article : parsed) {
        anchoring::ArticleText t{article.title, {}};
        for (const Block &block : article.blocks)
            t.blocks.append(block.text);
        texts.append(t);
    }

    // Found again in the parse; text corrections first (an earlier one wins an overlap), then the cuts and joins.
    QMap<std::pair<int, int>, QList<TextSpan>> spans;
    QMap<std::pair<int, int>, QList<int>> cuts;
    QSet<std::pair<int, int>> joins;
    QMap<std::pair<int, int>, BlockKind> kinds;
    QList<anchoring::BlockSpan> located(corrections.size());
    for (int i = 0; i < corrections.size(); ++i) {
        const Correction &c = corrections.at(i);
        if (c.original.isEmpty())
            continue;
        TextAnchor anchor = c.anchor;
        anchor.quote = c.original;
        const anchoring::Placement place = anchoring::locate(anchor, texts);
        if (!place.found())
            continue;
        const QList<anchoring::BlockSpan> parts =
            anchoring::blockSpans(texts.at(place.article).blocks, place.articleStart, place.articleEnd);
        if (parts.isEmpty() || (c.kind == CorrectionKind::Text && parts.size() != 1))
            continue;
        located[i] = anchoring::largestSpan(parts);
        result.placements[i].article = place.article;
    }
    auto overlaps = [](const QList<TextSpan> &list, int start, int end) {
        return std::any_of(list.cbegin(), list.cend(),
                           [&](const TextSpan &s) { return start < s.end && s.start < end; });
    };
    for (int i = 0; i < corrections.size(); ++i) {
        const anchoring::BlockSpan &at = located.at(i);
        if (corrections.at(i).kind != CorrectionKind::Text || at.block < 0)
            continue;
        QList<TextSpan> &list = spans[{result.placements.at(i).article, at.block}];
        if (overlaps(list, at.start, at.end))
            continue;
        list.append({at.start, at.end, i});
        Placement &p = result.placements[i];
        p.placed = true;
        p.parseBlock = at.block;
        p.parseStart = at.start;
        p.parseEnd = at.end;
    }
    for (int i = 0; i < corrections.size(); ++i) {
        const Correction &c = corrections.at(i);
        const anchoring::BlockSpan &at = located.at(i);
        if (c.kind == CorrectionKind::Text || at.block < 0)
            continue;
        Placement &p = result.placements[i];
        const std::pair<int, int> key{p.article, at.block};
        const int length = int(texts.at(p.article).blocks.at(at.block).size());
        int cut = 0;
        if (c.kind == CorrectionKind::Split) {
            cut = at.start + utf16Offset(c.original, c.start);
            const QList<TextSpan> &list = spans.value(key);
            if (cut <= 0 || cut >= length || std::any_of(list.cbegin(), list.cend(), [&](const TextSpan &s) {
                    return s.start < cut && cut < s.end;
                }))
                continue;
            if (!cuts[key].contains(cut))
                cuts[key].append(cut);
        } else if (c.kind == CorrectionKind::Join) {
            if (at.block + 1 >= texts.at(p.article).blocks.size())
                continue;
            joins.insert(key);
        } else {
            const std::optional<BlockKind> kind = blockKindFromName(c.text);
            if (!kind)
                continue;
            kinds.insert(key, *kind);
        }
        p.placed = true;
        p.parseBlock = at.block;
        p.parseStart = cut;
        p.parseEnd = cut;
    }

    // The corrected paragraphs, article by article.
    QMap<std::pair<int, int>, QList<int>> partsOf; // (article, parse block) -> its corrected paragraphs
    for (int a = 0; a < parsed.size(); ++a) {
        const Article &article = parsed.at(a);
        QList<Part> done;
        for (int b = 0; b < article.blocks.size(); ++b) {
            const Block &block = article.blocks.at(b);
            const std::pair<int, int> key{a, b};
            QList<TextSpan> list = spans.value(key);
            std::sort(list.begin(), list.end(), [](const TextSpan &x, const TextSpan &y) { return x.start < y.start; });
            QList<int> blockCuts = cuts.value(key);
            QList<int> points{0, int(block.text.size())};
            for (const TextSpan &s : std::as_const(list))
                points << s.start << s.end;
            points += blockCuts;
            std::sort(points.begin(), points.end());
            points.erase(std::unique(points.begin(), points.end()), points.end());

            const bool joinedToPrevious = b > 0 && joins.contains({a, b - 1}) && !done.isEmpty();
            Part part;
            part.block = block;
            part.block.text.clear();
            part.firstParseBlock = b;
            if (joinedToPrevious) {
                part = done.takeLast();
                part.block.lastLine = std::max(part.block.lastLine, block.lastLine);
                part.block.raw += QLatin1Char('\n') + block.raw;
            }
            auto startPart = [&]() {
                done.append(part);
                partsOf[key].append(int(done.size()) - 1);
                part = Part{};
                part.block = block;
                part.block.text.clear();
                part.firstParseBlock = b;
            };
            for (int k = 0; k + 1 < points.size(); ++k) {
                const int x = points.at(k);
                const int y = points.at(k + 1);
                if (k > 0 && blockCuts.contains(x))
                    startPart();
                const auto inSpan = std::find_if(list.cbegin(), list.cend(),
                                                 [&](const TextSpan &s) { return s.start <= x && x < s.end; });
                if (inSpan != list.cend()) {
                    if (inSpan->start == x)
                        appendSegment(part, b, inSpan->start, inSpan->end, corrections.at(inSpan->correction).text,
                                      inSpan->correction);
                    continue;
                }
                appendSegment(part, b, x, y, block.text.mid(x, y - x), -1);
            }
            done.append(part);
            partsOf[key].append(int(done.size()) - 1);
        }
        Article out = article;
        out.blocks.clear();
        QList<QList<Segment>> segments;
        for (Part &part : done) {
            if (const auto kind = kinds.constFind({a, part.firstParseBlock}); kind != kinds.cend())
                part.block.kind = *kind;
            out.blocks.append(part.block);
            segments.append(part.segments);
        }
        result.articles.append(out);
        result.segments.append(segments);
    }

    // Where each placed correction is shown.
    for (int i = 0; i < corrections.size(); ++i) {
        Placement &p = result.placements[i];
        if (!p.placed)
            continue;
        const QList<QList<Segment>> &blocks = result.segments.at(p.article);
        for (int f = 0; f < blocks.size() && p.block < 0; ++f) {
            for (const Segment &s : blocks.at(f)) {
                const bool here = [&] {
                    switch (corrections.at(i).kind) {
                    case CorrectionKind::Text:
                        return s.correction == i;
                    case CorrectionKind::Split:
                        return s.parseBlock == p.parseBlock && s.parseStart == p.parseStart && s.finalStart == 0;
                    case CorrectionKind::Join:
                        return s.parseBlock == p.parseBlock;
                    case CorrectionKind::Kind:
                        break;
                    }
                    return s.parseBlock == p.parseBlock && s.finalStart == 0;
                }();
                if (here) {
                    p.block = f;
                    if (corrections.at(i).kind == CorrectionKind::Text) {
                        p.start = s.finalStart;
                        p.end = s.finalEnd;
                    } else if (corrections.at(i).kind == CorrectionKind::Join) {
                        // Where the next parsed paragraph's text begins: the reader marks the seam there.
                        for (const Segment &next : blocks.at(f)) {
                            if (next.parseBlock == p.parseBlock + 1) {
                                p.start = p.end = next.finalStart;
                                break;
                            }
                        }
                    }
                    break;
                }
            }
        }
        if (p.block < 0)
            p.placed = false;
    }
    return result;
}

std::optional<ParseSpan> toParse(const CorrectedIssue &issue, int article, int block, int start, int end, int *touches)
{
    if (touches)
        *touches = -1;
    if (article < 0 || article >= issue.segments.size() || block < 0 || block >= issue.segments.at(article).size() ||
        start > end)
        return std::nullopt;
    const QList<Segment> &segments = issue.segments.at(article).at(block);
    for (const Segment &s : segments) {
        if (s.correction >= 0 && start < s.finalEnd && s.finalStart < end) {
            if (touches)
                *touches = s.correction;
            return std::nullopt;
        }
    }
    for (const Segment &s : segments) {
        if (s.correction >= 0 || start < s.finalStart || end > s.finalEnd)
            continue;
        if (start == end && start == s.finalEnd && &s != &segments.last())
            continue; // a cut between two segments belongs to the next one
        return ParseSpan{s.parseBlock, s.parseStart + (start - s.finalStart), s.parseStart + (end - s.finalStart)};
    }
    return std::nullopt;
}

} // namespace correcting
} // namespace dubao
