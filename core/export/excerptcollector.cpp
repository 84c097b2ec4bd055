#include "core/export/excerptcollector.h"

#include "core/export/excerptauthors.h"
#include "core/export/safemarkdown.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>
#include <optional>
#include <tuple>

namespace dubao {

ExportSelection ExportSelection::fromFilter(const AnnotationFilter &filter)
{
    ExportSelection s;
    s.tagIds = filter.tagIds;
    s.includeChildTags = filter.includeChildTags;
    if (filter.articleId != 0)
        s.articleIds = {filter.articleId};
    s.issueId = filter.issueId;
    s.from = filter.from;
    s.to = filter.to;
    s.text = filter.text;
    s.includeOrphans = filter.orphans != AnnotationFilter::Orphans::Exclude;
    if (!filter.author.isEmpty())
        s.authors = {filter.author};
    return s;
}

ExportSelection ExportSelection::forNotebook(qint64 notebookId)
{
    ExportSelection s;
    s.notebookId = notebookId;
    return s;
}

namespace {

// What the collector reads more than once: tag paths, articles (for reporters and paragraph texts).
class SourceCache
{
public:
    explicit SourceCache(Library &library)
        : m_library(library)
        , m_issues(library)
    {
        int order = 0;
        for (const Tag &t : TagRepository(library).list()) {
            m_tagPath.insert(t.id, t.path);
            m_tagOrder.insert(t.id, order++);
        }
    }

    QStringList tagPaths(QList<qint64> ids) const
    {
        std::sort(ids.begin(), ids.end(),
                  [&](qint64 a, qint64 b) { return m_tagOrder.value(a, INT_MAX) < m_tagOrder.value(b, INT_MAX); });
        QStringList paths;
        for (const qint64 id : ids) {
            if (m_tagPath.contains(id))
                paths.append(m_tagPath.value(id));
        }
        return paths;
    }

    const Article *article(qint64 articleId)
    {
        if (articleId == 0)
            return nullptr;
        auto it = m_articles.find(articleId);
        if (it == m_articles.end())
            it = m_articles.insert(articleId, m_issues.article(articleId, IssueRepository::RawText::Skipped));
        return it->has_value() ? &**it : nullptr;
    }

    /// Reads the articles not read yet among `articleIds` with one batch (IssueRepository::articles): what the
    /// excerpts need of them is then one lookup each, not three queries (three round trips on a team library).
    void prefetch(const QList<qint64> &articleIds)
    {
        QList<qint64> missing;
        QSet<qint64> seen;
        for (const qint64 id : articleIds) {
            if (id != 0 && !m_articles.contains(id) && !seen.contains(id)) {
                seen.insert(id);
                missing.append(id);
            }
        }
        if (missing.isEmpty())
            return;
        QHash<qint64, Article> read = m_issues.articles(missing);
        for (const qint64 id : std::as_const(missing)) {
            auto found = read.find(id);
            m_articles.insert(id, found == read.end() ? std::nullopt : std::optional<Article>(std::move(*found)));
        }
    }

    QStringList reporters(qint64 articleId)
    {
        const Article *a = article(articleId);
        return a && a->byline ? a->byline->reporters : QStringList();
    }

    IssueRepository &issues() { return m_issues; }

private:
    Library &m_library;
    IssueRepository m_issues;
    QHash<qint64, QString> m_tagPath;
    QHash<qint64, int> m_tagOrder;
    QHash<qint64, std::optional<Article>> m_articles;
};

QList<qint64> articleIdsOf(const QList<AnnotationItem> &items)
{
    QList<qint64> ids;
    ids.reserve(items.size());
    for (const AnnotationItem &item : items)
        ids.append(item.source.articleId);
    return ids;
}

void setPage(Excerpt &e, const Article *article)
{
    if (article) {
        e.page = article->page;
        e.pageName = article->pageName;
    }
}

void setSource(Excerpt &e, const AnnotationSource &source)
{
    e.issueId = source.issueId;
    e.publication = source.publication;
    e.issueDate = source.issueDate;
    e.articleId = source.articleId;
    e.articleTitle = source.articleTitle;
    e.blockId = source.blockId;
    if (source.blockPosition >= 0)
        e.blockPosition = source.blockPosition;
}

void setAnchor(Excerpt &e, const TextAnchor &a)
{
    e.quote = a.quote;
    e.prefix = a.prefix;
    e.suffix = a.suffix;
    e.start = a.start;
    e.end = a.end;
    e.articleStart = a.articleStart;
    e.articlePosition = a.articlePosition;
    e.blockPosition = a.blockPosition;
    if (e.articleTitle.isEmpty())
        e.articleTitle = a.articleTitle;
    if (e.issueId == 0)
        e.issueId = a.issueId;
}

/// A note as every format carries it: its Markdown through the one sanitiser (raw HTML out, script, data and file
/// links and remote images inert, the rest as written), so that no format, a data format neither, passes them on.
ExportNote exportNote(const Note &n)
{
    return {n.id, markdown::sanitize(n.text), n.createdAt, {}, n.createdBy, n.changedBy};
}

QList<ExportNote> exportNotes(const QList<Note> &notes, QSet<qint64> *emitted = nullptr)
{
    QList<ExportNote> result;
    for (const Note &n : notes) {
        result.append(exportNote(n));
        if (emitted)
            emitted->insert(n.id);
    }
    return result;
}

Excerpt fromHighlight(const Highlight &h, const AnnotationSource &source, SourceCache &cache)
{
    Excerpt e;
    e.kind = h.origin == HighlightOrigin::BlockTag     ? Excerpt::Kind::Paragraph
             : h.origin == HighlightOrigin::ArticleTag ? Excerpt::Kind::Article
                                                       : Excerpt::Kind::Highlight;
    e.highlightId = h.id;
    setSource(e, source);
    setAnchor(e, h.anchor);
    e.orphan = h.orphan;
    e.tags = cache.tagPaths(h.tagIds);
    e.createdAt = h.createdAt;
    e.modifiedAt = h.modifiedAt;
    e.createdBy = h.createdBy;
    e.changedBy = h.changedBy;
    e.reporters = cache.reporters(e.articleId);
    setPage(e, cache.article(e.articleId));
    return e;
}

Excerpt fromNote(const Note &n, const std::optional<Highlight> &highlight, const AnnotationSource &source,
                 SourceCache &cache)
{
    Excerpt e;
    e.kind = Excerpt::Kind::Note;
    e.noteId = n.id;
    setSource(e, source);
    setAnchor(e, highlight ? highlight->anchor : n.anchor);
    if (highlight)
        e.highlightId = highlight->id;
    e.orphan = n.orphan;
    e.tags = cache.tagPaths(n.tagIds);
    e.notes = {exportNote(n)};
    e.createdBy = n.createdBy;
    e.changedBy = n.changedBy;
    e.createdAt = n.createdAt;
    e.modifiedAt = n.modifiedAt;
    e.reporters = cache.reporters(e.articleId);
    setPage(e, cache.article(e.articleId));
    return e;
}

QString articleText(const Article &article)
{
    QStringList parts;
    for (const Block &b : article.blocks)
        parts.append(b.text);
    return parts.join(QStringLiteral("\n\n"));
}

QString summary(const ExportSelection &s, Library &library)
{
    QStringList parts;
    if (!s.tagIds.isEmpty()) {
        TagRepository tags(library);
        QStringList names;
        for (const qint64 id : s.tagIds) {
            if (const auto t = tags.tag(id))
                names.append(t->path);
        }
        parts.append(QCoreApplication::translate("dubao::ExcerptCollector", "tags %1 (%2)")
                         .arg(names.join(QStringLiteral(", ")),
                              s.allTags ? QCoreApplication::translate("dubao::ExcerptCollector", "all of")
                                        : QCoreApplication::translate("dubao::ExcerptCollector", "any of")));
    }
    if (s.from.isValid() || s.to.isValid())
        parts.append(QStringLiteral("%1 – %2").arg(isoDate(s.from), isoDate(s.to)));
    if (!s.publication.isEmpty())
        parts.append(s.publication);
    if (!s.query.isEmpty())
        parts.append(QStringLiteral("“%1”").arg(s.query));
    if (!s.text.isEmpty())
        parts.append(QStringLiteral("“%1”").arg(s.text));
    if (!s.authors.isEmpty())
        parts.append(
            QCoreApplication::translate("dubao::ExcerptCollector", "by %1").arg(s.authors.join(QStringLiteral(", "))));
    return parts.join(QStringLiteral(" · "));
}

/// The stable keys of every row the excerpts name (one query per table).
void fillUids(Library &library, ExportDocument &doc)
{
    QList<qint64> highlights, notes, blocks, articles, issues;
    for (const Excerpt &e : std::as_const(doc.excerpts)) {
        if (e.highlightId)
            highlights.append(e.highlightId);
        if (e.noteId)
            notes.append(e.noteId);
        for (const ExportNote &n : e.notes)
            notes.append(n.id);
        if (e.blockId)
            blocks.append(e.blockId);
        if (e.articleId)
            articles.append(e.articleId);
        if (e.issueId)
            issues.append(e.issueId);
    }
    const QHash<qint64, QByteArray> h = uidsOf(library, "highlights", highlights);
    const QHash<qint64, QByteArray> n = uidsOf(library, "notes", notes);
    const QHash<qint64, QByteArray> b = uidsOf(library, "blocks", blocks);
    const QHash<qint64, QByteArray> a = uidsOf(library, "articles", articles);
    const QHash<qint64, QByteArray> i = uidsOf(library, "issues", issues);
    for (Excerpt &e : doc.excerpts) {
        e.highlightUid = h.value(e.highlightId);
        e.noteUid = n.value(e.noteId);
        e.blockUid = b.value(e.blockId);
        e.articleUid = a.value(e.articleId);
        e.issueUid = i.value(e.issueId);
        for (ExportNote &note : e.notes)
            note.uid = n.value(note.id);
    }
}

// What the stored anchors cannot say as the formats need it. The stored prefix and suffix are article context (they
// run into the neighbouring paragraphs); a Web Annotation's TextQuoteSelector describes its source, the paragraph,
// so the context is cut from the paragraph's own text. A whole paragraph or article is no span: no offsets, no
// context. And whether the issue's year was inferred, the articles' paragraphs (REFI-QDA's sources) and the
// library's tags (colours, hierarchy).
void fillSourceDetails(SourceCache &cache, Library &library, ExportDocument &doc)
{
    QHash<qint64, bool> inferred;
    QHash<qint64, QList<int>> alternatives;
    for (const IssueSummary &s : cache.issues().issueDates()) {
        inferred.insert(s.id, s.info.dateInferred);
        if (!s.info.yearAlternatives.isEmpty())
            alternatives.insert(s.id, s.info.yearAlternatives);
    }
    for (Excerpt &e : doc.excerpts) {
        if (e.isText())
            continue;
        e.dateInferred = e.issueDate.isValid() && inferred.value(e.issueId);
        e.yearAlternatives = e.dateInferred ? alternatives.value(e.issueId) : QList<int>();
        const Article *article = e.orphan || e.articleId == 0 ? nullptr : cache.article(e.articleId);
        if (article && !doc.articleParagraphs.contains(article->id)) {
            QStringList paragraphs;
            for (const Block &block : article->blocks)
                paragraphs.append(block.text);
            doc.articleParagraphs.insert(article->id, paragraphs);
        }
        const bool span = e.kind == Excerpt::Kind::Highlight || (e.kind == Excerpt::Kind::Note && e.highlightId != 0);
        if (!span) {
            e.start = e.end = -1;
            e.prefix.clear();
            e.suffix.clear();
            continue;
        }
        if (!article || e.blockId == 0)
            continue;
        for (const Block &block : article->blocks) {
            if (block.id != e.blockId)
                continue;
            if (e.start >= 0 && e.end <= block.text.size() && e.start <= e.end) {
                const int from = qMax(0, e.start - anchorContextLength());
                e.prefix = block.text.mid(from, e.start - from);
                e.suffix = block.text.mid(e.end, anchorContextLength());
            }
            break;
        }
    }
    for (const Tag &t : TagRepository(library).list())
        doc.tags.append({.path = t.path, .name = t.name, .colour = t.color, .id = t.id});
}

} // namespace

ExcerptCollector::ExcerptCollector(Library &library)
    : m_library(library)
{}

Result<ExportDocument> ExcerptCollector::collect(const ExportSelection &selection, int limit,
                                                 const std::atomic_bool *cancel) const
{
    ExportDocument doc;
    doc.generatedAt = QDateTime::currentDateTimeUtc();
    auto cancelled = [&] {
        return cancel && cancel->load();
    };
    auto fail = [](const QString &message) {
        return Error(message);
    };

    SourceCache cache(m_library);
    AnnotationRepository annotations(m_library);

    if (selection.notebookId != 0) {
        NotebookRepository notebooks(m_library);
        const auto notebook = notebooks.notebook(selection.notebookId);
        if (!notebook)
            return fail(QCoreApplication::translate("dubao::ExcerptCollector", "There is no notebook with id %1.")
                            .arg(selection.notebookId));
        doc.title = notebook->name;
        doc.notebookId = notebook->id;
        const QList<NotebookItem> items = notebooks.document(notebook->id);
        QList<qint64> articleIds;
        for (const NotebookItem &item : items)
            articleIds.append(item.source.articleId);
        cache.prefetch(articleIds);
        for (const NotebookItem &item : items) {
            if (cancelled() || (limit > 0 && doc.excerpts.size() >= limit))
                break;
            Excerpt e;
            if (item.entry.isFreeText()) {
                e.kind = Excerpt::Kind::Text;
                e.text = markdown::sanitize(item.text);
                e.createdAt = item.entry.createdAt;
                e.createdBy = item.entry.createdBy;
                e.changedBy = item.entry.changedBy;
            } else if (item.entry.highlightId != 0) {
                const auto h = annotations.highlight(item.entry.highlightId);
                if (!h)
                    continue;
                e = fromHighlight(*h, item.source, cache);
                e.notes = exportNotes(item.notes);
            } else {
                const auto n = annotations.note(item.entry.noteId);
                if (!n)
                    continue;
                std::optional<Highlight> h;
                if (n->highlightId != 0)
                    h = annotations.highlight(n->highlightId);
                e = fromNote(*n, h, item.source, cache);
            }
            doc.excerpts.append(e);
        }
        fillUids(m_library, doc);
        fillSourceDetails(cache, m_library, doc);
        return doc;
    }

    doc.title = QCoreApplication::translate("dubao::ExcerptCollector", "Dubao excerpts");
    doc.selectionSummary = summary(selection, m_library);

    // The tag condition: one set per selected tag (the tag, and its descendants when asked for).
    TagRepository tagRepo(m_library);
    QList<QSet<qint64>> tagSets;
    QSet<qint64> anyTag;
    for (const qint64 id : selection.tagIds) {
        const QList<qint64> ids = selection.includeChildTags ? tagRepo.subtree(id) : QList<qint64>{id};
        const QSet<qint64> set(ids.begin(), ids.end());
        tagSets.append(set);
        anyTag.unite(set);
    }
    auto tagsMatch = [&](const QList<qint64> &tagIds) {
        if (tagSets.isEmpty())
            return true;
        int matched = 0;
        for (const QSet<qint64> &set : std::as_const(tagSets)) {
            const bool hit = std::any_of(tagIds.begin(), tagIds.end(), [&](qint64 t) { return set.contains(t); });
            if (hit)
                ++matched;
            if (hit && !selection.allTags)
                return true;
        }
        return selection.allTags && matched == tagSets.size();
    };

    // The search query: the paragraphs, headlines and notes it finds.
    const bool byQuery = !selection.query.trimmed().isEmpty();
    QSet<qint64> queryBlocks, queryArticles, queryNotes;
    if (byQuery) {
        SearchService search(m_library);
        SearchOptions options;
        options.order = SearchOrder::Oldest;
        options.limit = 1000000;
        options.snippetLength = 0;
        const SearchResult result = search.search(selection.query, options, cancel);
        if (!result.ok())
            return fail(result.error.isEmpty()
                            ? QCoreApplication::translate("dubao::ExcerptCollector", "The search was cancelled.")
                            : result.error);
        for (const SearchHit &hit : result.hits) {
            if (hit.kind == SearchHit::Kind::Paragraph)
                queryBlocks.insert(hit.blockId);
            else if (hit.kind == SearchHit::Kind::Headline)
                queryArticles.insert(hit.articleId);
            else
                queryNotes.insert(hit.noteId);
        }
        for (const SearchHit &hit : result.hits) {
            if (hit.kind == SearchHit::Kind::Paragraph)
                queryArticles.insert(hit.articleId);
        }
    }
    const QSet<qint64> articleSet(selection.articleIds.begin(), selection.articleIds.end());
    const QString text = selection.text.toLower();
    auto sourceMatches = [&](const Excerpt &e) {
        if (selection.from.isValid() && (!e.issueDate.isValid() || e.issueDate < selection.from))
            return false;
        if (selection.to.isValid() && (!e.issueDate.isValid() || e.issueDate > selection.to))
            return false;
        if (!selection.publication.isEmpty() && e.publication != selection.publication.trimmed())
            return false;
        if (!articleSet.isEmpty() && !articleSet.contains(e.articleId))
            return false;
        if (selection.issueId != 0 && e.issueId != selection.issueId)
            return false;
        if (!text.isEmpty() && !e.quote.toLower().contains(text) &&
            std::none_of(e.notes.begin(), e.notes.end(),
                         [&](const ExportNote &n) { return n.text.toLower().contains(text); }))
            return false;
        if (byQuery) {
            const bool found = (e.blockId != 0 && queryBlocks.contains(e.blockId)) ||
                               (e.kind == Excerpt::Kind::Article && queryArticles.contains(e.articleId)) ||
                               (e.noteId != 0 && queryNotes.contains(e.noteId)) ||
                               std::any_of(e.notes.begin(), e.notes.end(),
                                           [&](const ExportNote &n) { return queryNotes.contains(n.id); });
            if (!found)
                return false;
        }
        return true;
    };

    AnnotationFilter filter;
    filter.tagIds = selection.tagIds;
    filter.includeChildTags = selection.includeChildTags;
    if (selection.articleIds.size() == 1)
        filter.articleId = selection.articleIds.constFirst();
    filter.issueId = selection.issueId;
    filter.from = selection.from;
    filter.to = selection.to;
    filter.orphans = selection.includeOrphans ? AnnotationFilter::Orphans::Include : AnnotationFilter::Orphans::Exclude;

    QList<Excerpt> excerpts;
    QSet<qint64> emittedHighlights, emittedNotes;

    // Highlights (with the notes on them) first, so a note on an exported highlight goes with it.
    filter.notes = false;
    const QList<AnnotationItem> highlights = annotations.list(filter);
    const QHash<qint64, QList<Note>> notesOnHighlights = annotations.notesOfHighlights();
    cache.prefetch(articleIdsOf(highlights));
    for (const AnnotationItem &item : highlights) {
        if (cancelled())
            return fail(QCoreApplication::translate("dubao::ExcerptCollector", "Cancelled."));
        if (!tagsMatch(item.highlight.tagIds))
            continue;
        Excerpt e = fromHighlight(item.highlight, item.source, cache);
        e.notes = exportNotes(notesOnHighlights.value(item.highlight.id));
        if (!sourceMatches(e))
            continue;
        for (const ExportNote &n : std::as_const(e.notes))
            emittedNotes.insert(n.id);
        emittedHighlights.insert(e.highlightId);
        excerpts.append(e);
    }

    // Tagged paragraphs and articles: the whole paragraph or article is the quote.
    QSet<qint64> taggedBlocks, taggedArticles;
    const QList<Tag> allTags = tagRepo.list();
    for (const Tag &t : allTags) {
        if (!tagSets.isEmpty() && !anyTag.contains(t.id))
            continue;
        const Taggings taggings = tagRepo.taggings(t.id);
        taggedBlocks.unite(QSet<qint64>(taggings.blocks.begin(), taggings.blocks.end()));
        taggedArticles.unite(QSet<qint64>(taggings.articles.begin(), taggings.articles.end()));
    }
    auto tagIdsOf = [](const QList<Tag> &tags) {
        QList<qint64> ids;
        for (const Tag &t : tags)
            ids.append(t.id);
        return ids;
    };
    for (const qint64 blockId : std::as_const(taggedBlocks)) {
        if (cancelled())
            return fail(QCoreApplication::translate("dubao::ExcerptCollector", "Cancelled."));
        const QList<qint64> tagIds = tagIdsOf(tagRepo.tagsOfBlock(blockId));
        if (!tagsMatch(tagIds))
            continue;
        auto probe = annotations.anchorFor(blockId, 0, 1);
        if (!probe)
            probe = annotations.anchorFor(blockId, 0, 2);
        if (!probe)
            continue;
        const QList<ArticleSummary> summaries = cache.issues().articleSummaries(probe->issueId);
        if (probe->articlePosition < 0 || probe->articlePosition >= summaries.size())
            continue;
        const Article *article = cache.article(summaries.at(probe->articlePosition).id);
        if (!article || probe->blockPosition < 0 || probe->blockPosition >= article->blocks.size())
            continue;
        const Block &block = article->blocks.at(probe->blockPosition);
        const auto anchor = annotations.anchorFor(blockId, 0, int(block.text.size()));
        Excerpt e;
        e.kind = Excerpt::Kind::Paragraph;
        if (anchor)
            setAnchor(e, *anchor);
        e.quote = block.text;
        e.blockId = blockId;
        e.articleId = article->id;
        e.articleTitle = article->title;
        e.issueId = probe->issueId;
        e.tags = cache.tagPaths(tagIds);
        e.reporters = cache.reporters(article->id);
        setPage(e, article);
        excerpts.append(e);
    }
    cache.prefetch(QList<qint64>(taggedArticles.cbegin(), taggedArticles.cend()));
    for (const qint64 articleId : std::as_const(taggedArticles)) {
        if (cancelled())
            return fail(QCoreApplication::translate("dubao::ExcerptCollector", "Cancelled."));
        const QList<qint64> tagIds = tagIdsOf(tagRepo.tagsOfArticle(articleId));
        if (!tagsMatch(tagIds))
            continue;
        const Article *article = cache.article(articleId);
        if (!article)
            continue;
        Excerpt e;
        e.kind = Excerpt::Kind::Article;
        e.articleId = articleId;
        e.articleTitle = article->title;
        e.quote = articleText(*article);
        e.start = 0;
        e.end = int(e.quote.size());
        e.articleStart = 0;
        e.tags = cache.tagPaths(tagIds);
        e.reporters = article->byline ? article->byline->reporters : QStringList();
        setPage(e, article);
        excerpts.append(e);
    }

    // Source (publication, date, positions) of tagged paragraphs and articles, from their issue's summary.
    QHash<qint64, IssueSummary> issuesById;
    for (Excerpt &e : excerpts) {
        if (e.kind != Excerpt::Kind::Paragraph && e.kind != Excerpt::Kind::Article)
            continue;
        if (e.highlightId != 0)
            continue; // an orphan block/article tag: its source came with the highlight
        if (e.issueId == 0)
            e.issueId = cache.issues().issueIdOfArticle(e.articleId).value_or(0);
        if (issuesById.isEmpty()) {
            for (const IssueSummary &s : cache.issues().issueDates())
                issuesById.insert(s.id, s);
        }
        const IssueSummary s = issuesById.value(e.issueId);
        e.publication = s.info.publication;
        e.issueDate = s.info.date;
        if (e.kind == Excerpt::Kind::Article) {
            const QList<ArticleSummary> summaries = cache.issues().articleSummaries(e.issueId);
            for (int i = 0; i < summaries.size(); ++i) {
                if (summaries.at(i).id == e.articleId)
                    e.articlePosition = i;
            }
        }
    }
    excerpts.erase(std::remove_if(excerpts.begin(), excerpts.end(),
                                  [&](const Excerpt &e) {
                                      return (e.kind == Excerpt::Kind::Paragraph || e.kind == Excerpt::Kind::Article) &&
                                             e.highlightId == 0 && !sourceMatches(e);
                                  }),
                   excerpts.end());
    for (Excerpt &e : excerpts) {
        if (e.kind == Excerpt::Kind::Paragraph && e.highlightId == 0 && e.blockId != 0) {
            QList<Note> notes;
            for (const Note &n : annotations.notesOfBlock(e.blockId)) {
                if (n.highlightId == 0)
                    notes.append(n);
            }
            e.notes = exportNotes(notes, &emittedNotes);
        }
    }

    // Notes not already exported with their highlight or paragraph.
    filter.notes = true;
    filter.highlights = false;
    const QList<AnnotationItem> notes = annotations.list(filter);
    cache.prefetch(articleIdsOf(notes));
    for (const AnnotationItem &item : notes) {
        if (cancelled())
            return fail(QCoreApplication::translate("dubao::ExcerptCollector", "Cancelled."));
        if (emittedNotes.contains(item.note.id) || !tagsMatch(item.note.tagIds))
            continue;
        std::optional<Highlight> h;
        if (item.note.highlightId != 0 && item.highlight.id == item.note.highlightId)
            h = item.highlight;
        Excerpt e = fromNote(item.note, h, item.source, cache);
        if (!sourceMatches(e))
            continue;
        excerpts.append(e);
    }

    // Who tagged the paragraphs and articles (one query per table), then the author: selection.
    fillTaggers(m_library, excerpts, tagSets.isEmpty() ? QSet<qint64>() : anyTag);
    if (!selection.authors.isEmpty()) {
        excerpts.erase(std::remove_if(excerpts.begin(), excerpts.end(),
                                      [&](const Excerpt &e) { return !madeByAny(e, selection.authors); }),
                       excerpts.end());
    }

    using Key = std::tuple<bool, QDate, qint64, int, int, int, int, qint64>;
    auto key = [](const Excerpt &e) {
        const int kindOrder = e.kind == Excerpt::Kind::Article ? 0 : e.kind == Excerpt::Kind::Paragraph ? 1 : 2;
        return Key{!e.issueDate.isValid(), e.issueDate, e.issueId, e.articlePosition,
                   e.blockPosition,        e.start,     kindOrder, e.highlightId != 0 ? e.highlightId : e.noteId};
    };
    std::stable_sort(excerpts.begin(), excerpts.end(),
                     [&](const Excerpt &a, const Excerpt &b) { return key(a) < key(b); });
    if (limit > 0 && excerpts.size() > limit)
        excerpts.resize(limit);
    doc.excerpts = std::move(excerpts);
    fillUids(m_library, doc);
    fillSourceDetails(cache, m_library, doc);
    return doc;
}

} // namespace dubao
