// Tags: named, coloured, hierarchical; applied to articles, blocks, highlights and notes. Every change is one
// transaction and returns what undoing it needs (the GUI's QUndoCommands are built on these).
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationsnapshots.h"

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
    /// `color` "#RRGGBB" (any case; empty: one from a palette). Returns the tag, or nullopt with `error`.
    std::optional<Tag> create(const QString &name, qint64 parentId = 0, const QString &color = {},
                              QString *error = nullptr);

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
    std::optional<QString> rename(qint64 id, const QString &name, QString *error = nullptr);
    /// Recolours; returns the old colour.
    std::optional<QString> recolor(qint64 id, const QString &color, QString *error = nullptr);
    /// Moves under `parentId` (0: top level); refuses a cycle or a name taken among the new siblings. Returns
    /// the old parent id (0 for top level).
    std::optional<qint64> move(qint64 id, qint64 parentId, QString *error = nullptr);

    /// Puts `into` on everything `from` is on, moves from's children under `into`, deletes `from`. Refuses
    /// from == into, `into` inside from's subtree, and a child name both tags have.
    std::optional<TagMerge> merge(qint64 from, qint64 into, QString *error = nullptr);
    bool unmerge(const TagMerge &merge, QString *error = nullptr);

    /// Deletes the tag and its taggings (what it tagged stays); its children move to its parent.
    std::optional<TagDeletion> remove(qint64 id, QString *error = nullptr);
    bool restore(const TagDeletion &deletion, QString *error = nullptr);

    /// Apply/remove: return true when something changed, false when it already was so (or on error, with
    /// `error` set and nothing changed).
    bool tagArticle(qint64 tagId, qint64 articleId, QString *error = nullptr);
    bool untagArticle(qint64 tagId, qint64 articleId, QString *error = nullptr);
    bool tagBlock(qint64 tagId, qint64 blockId, QString *error = nullptr);
    bool untagBlock(qint64 tagId, qint64 blockId, QString *error = nullptr);
    bool tagHighlight(qint64 tagId, qint64 highlightId, QString *error = nullptr);
    bool untagHighlight(qint64 tagId, qint64 highlightId, QString *error = nullptr);
    bool tagNote(qint64 tagId, qint64 noteId, QString *error = nullptr);
    bool untagNote(qint64 tagId, qint64 noteId, QString *error = nullptr);

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
    Library &m_library;
};

} // namespace dubao
