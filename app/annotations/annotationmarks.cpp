#include "app/annotations/annotationmarks.h"

#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"

namespace dubao {

bool showAnnotationMarks(ReaderView &view, const AnnotationDocument *document)
{
    const qint64 articleId = view.articleId();
    if (!document || articleId <= 0) {
        view.setHighlights({});
        view.setNoteMarkers({});
        view.setTagMarks({}, {});
        return false;
    }
    QList<HighlightMark> marks;
    for (const Highlight &h : document->annotations().highlightsOfArticle(articleId)) {
        if (h.orphan || h.blockId <= 0)
            continue;
        // The colour of its most recently used tag, else its first.
        QColor color;
        for (qint64 tag : document->recentTags())
            if (!color.isValid() && h.tagIds.contains(tag))
                color = document->tagColor(tag);
        if (!color.isValid() && !h.tagIds.isEmpty())
            color = document->tagColor(h.tagIds.front());
        QStringList tags;
        for (const qint64 tag : h.tagIds)
            tags << document->tagPath(tag);
        marks << HighlightMark{h.id, h.blockId, h.start, h.end, color, tags};
    }
    view.setHighlights(marks);
    QHash<qint64, int> notes;
    for (const Note &note : document->annotations().notesOfArticle(articleId))
        if (!note.orphan && note.blockId > 0)
            ++notes[note.blockId];
    view.setNoteMarkers(notes);
    auto mark = [document](const Tag &tag) {
        return TagMark{tag.name, tag.path, document->tagColor(tag.id)};
    };
    QList<TagMark> articleTags;
    for (const Tag &tag : document->tags().tagsOfArticle(articleId))
        articleTags << mark(tag);
    QHash<qint64, QList<TagMark>> blockTags;
    const QHash<qint64, QList<Tag>> tagsOfBlocks = document->tags().tagsOfBlocksOfArticle(articleId);
    for (auto it = tagsOfBlocks.cbegin(); it != tagsOfBlocks.cend(); ++it) {
        for (const Tag &tag : it.value())
            blockTags[it.key()] << mark(tag);
    }
    view.setTagMarks(articleTags, blockTags);
    return true;
}

} // namespace dubao
