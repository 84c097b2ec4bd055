// Tags: named, coloured, hierarchical; applied to articles, blocks, highlights and notes. Every change is one
// transaction and returns what undoing it needs (the GUI's QUndoCommands are built on these).
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationsnapshots.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace dubao {

class Library;

class TagRepository final
{
public:
    explicit TagRepository(Library &library);

    /// Creates a tag under `parentId` (0: top level). `name` is trimmed and NFC-normalised; it must not be
    /// empty, contain '/' or control characters, be longer than 100 characters, or repeat a sibling's name.
    /// `color` "#RRGGBB" (any case; empty: one from a palette). Returns the tag.
    Result<Tag> create(const QString &name, qint64 parentId = 0, const QString &color = {});

    std::optional<Tag> tag(qint64 id) const; ///< with its path
    /// "parent/child" (leading/trailing slashes and spaces around parts ignored).
    std::optional<Tag> findByPath(const QString &path) const;

    /// All tags in tree order: each tag followed by its subtree, siblings in Chinese (pinyin) collation
    /// order (ICU "zh"), each with its path.
    QList<Tag> list() const;
    QList<Tag> children(qint64 parentId) const; ///< direct children, collated; 0 for the top level
    /// The tag and all its descendants.
    QList<qint64> subtree(qint64 id) const;

    /// Renames; returns the old name (undo: rename back).
    Result<QString> rename(qint64 id, const QString &name);
    /// Recolours; returns the old colour.
    Result<QString> recolor(qint64 id, const QString &color);
    /// Moves under `parentId` (0: top level); refuses a cycle or a name taken among the new siblings. Returns
    /// the old parent id (0 for top level).
    Result<qint64> move(qint64 id, qint64 parentId);

    /// Puts `into` on everything `from` is on, moves from's children under `into`, deletes `from`. Refuses
    /// from == into, `into` inside from's subtree, and a child name both tags have.
    Result<TagMerge> merge(qint64 from, qint64 into);
    Result<void> unmerge(const TagMerge &merge);

    /// Deletes the tag and its taggings (what it tagged stays); its children move to its parent.
    Result<TagDeletion> remove(qint64 id);
    Result<void> restore(const TagDeletion &deletion);

    /// Puts the tag on an article, paragraph, highlight or note, or takes it off: true when something changed,
    /// false when it already was so (on an error nothing changed).
    Result<bool> addTagging(TagTarget target, qint64 tagId, qint64 targetId);
    Result<bool> removeTagging(TagTarget target, qint64 tagId, qint64 targetId);

    /// Who put the tag on the thing, and when; nullopt when it is not on it.
    std::optional<TaggingStamp> tagging(TagTarget target, qint64 tagId, qint64 targetId) const;
    /// Takes the tag off as removeTagging() does and gives back who had put it on and when (nullopt: it was not on),
    /// for an undo to put it back as it was (restoreTagging()). With `expected` (the tagging as this user last saw
    /// it: an undo or redo), a tagging that is gone, or was put on again by someone since, is left alone: an error
    /// naming who and when, and nothing changes.
    Result<std::optional<TaggingStamp>> untag(TagTarget target, qint64 tagId, qint64 targetId,
                                              const std::optional<TaggingStamp> &expected = std::nullopt);
    /// Puts tag stamp.tagId back on the thing as made by stamp.createdBy at stamp.createdAt (on a team library an
    /// editor's or the owner's undo keeps a colleague's name, schema v19; anyone else's rows are theirs anyway).
    /// Refuses, changing nothing, when someone else has put it on since. Gives the tagging as stored.
    Result<TaggingStamp> restoreTagging(TagTarget target, qint64 targetId, const TaggingStamp &stamp);

    /// The tags on an article, paragraph, highlight or note, in list() order.
    QList<Tag> tagsOf(TagTarget target, qint64 targetId) const;
    QList<Tag> tagsOfArticle(qint64 articleId) const;
    QList<Tag> tagsOfBlock(qint64 blockId) const;
    /// The tags of every paragraph of an article that has any, by block id (one query), in list() order.
    QHash<qint64, QList<Tag>> tagsOfBlocksOfArticle(qint64 articleId) const;
    QList<Tag> tagsOfHighlight(qint64 highlightId) const;
    QList<Tag> tagsOfNote(qint64 noteId) const;
    Taggings taggings(qint64 tagId) const;

    /// ICU "zh" (pinyin) sort key: compare with memcmp / QByteArray's operator<.
    static QByteArray sortKey(const QString &text);
    /// "#RRGGBB" upper case, or a null QString when `color` is not a colour.
    static QString normalizeColor(const QString &color);

private:
    Result<bool> setTagging(TagTarget target, qint64 tagId, qint64 targetId, bool tagged);

    Library &m_library;
};

} // namespace dubao
