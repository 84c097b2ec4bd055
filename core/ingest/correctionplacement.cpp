// See correctionplacement.h.
#include "core/ingest/correctionplacement.h"

#include "core/annotate/anchoring.h"
#include "core/store/correctionrepository.h"

namespace dubao::correctionplacement {

Result<Applied> applyTo(Library &library, qint64 issueId, const ParsedIssue &parsed)
{
    Applied applied;
    Result<QList<Correction>> corrections = CorrectionRepository(library).ofIssue(issueId);
    if (!corrections)
        return corrections.error();
    applied.corrections = *corrections;
    applied.parsed = parsed;
    if (!applied.corrections.isEmpty()) {
        applied.issue = correcting::apply(parsed.articles, applied.corrections);
        applied.parsed.articles = applied.issue.articles;
    }
    return applied;
}

void anchorTo(Correction &c, const ParsedIssue &pristine, int article, int block, int start, int end)
{
    const Article &a = pristine.articles.at(article);
    anchoring::ArticleText text{a.title, {}};
    for (const Block &b : a.blocks)
        text.blocks.append(b.text);
    const QString &blockText = text.blocks.at(block);
    const bool whole = c.kind != CorrectionKind::Text;
    const qint64 issueId = c.anchor.issueId;
    c.anchor = anchoring::makeAnchor(text, article, block, whole ? 0 : start, whole ? int(blockText.size()) : end);
    c.anchor.issueId = issueId;
    c.anchor.start = c.anchor.end = -1; // not stored: the row's start and end are code points
    c.original = c.anchor.quote;
    switch (c.kind) {
    case CorrectionKind::Text:
        c.start = correcting::codePoints(blockText, start);
        c.end = correcting::codePoints(blockText, end);
        break;
    case CorrectionKind::Split:
        c.start = c.end = correcting::codePoints(blockText, start);
        break;
    case CorrectionKind::Join:
    case CorrectionKind::Kind:
        c.start = 0;
        c.end = correcting::codePoints(blockText, int(blockText.size()));
        break;
    }
}

Result<void> place(Library &library, qint64 issueId, const Applied &applied, const ParsedIssue &pristine,
                   const std::function<qint64(int, int)> &blockId)
{
    CorrectionRepository repository(library);
    for (int i = 0; i < applied.corrections.size(); ++i) {
        Correction c = applied.corrections.at(i);
        const correcting::Placement &p = applied.issue.placements.at(i);
        c.anchor.issueId = issueId;
        if (p.placed) {
            anchorTo(c, pristine, p.article, p.parseBlock, p.parseStart, p.parseEnd);
            c.blockId = blockId(p.article, p.block);
            c.orphan = c.blockId == 0;
            c.shownStart = p.start;
            c.shownEnd = p.end;
        } else {
            c.blockId = 0;
            c.orphan = true;
        }
        if (c == applied.corrections.at(i))
            continue;
        if (Result<void> placed = repository.place(c); !placed)
            return placed;
    }
    return {};
}

} // namespace dubao::correctionplacement
