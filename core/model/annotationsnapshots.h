// What a change to annotations gives back so that it can be undone exactly: the deleted rows with their ids,
// the placement before a re-attach, a tag merge. The store returns them; undo hands them back.
#pragma once

#include "core/model/annotation.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace dubao {

/// What a tag is on.
struct Taggings
{
    QList<qint64> articles;
    QList<qint64> blocks;
    QList<qint64> highlights;
    QList<qint64> notes;

    bool isEmpty() const { return articles.isEmpty() && blocks.isEmpty() && highlights.isEmpty() && notes.isEmpty(); }
    qsizetype size() const { return articles.size() + blocks.size() + highlights.size() + notes.size(); }
    friend bool operator==(const Taggings &, const Taggings &) = default;
};

/// Who put a tag on one thing, and when (schema v15): a tag's deletion and merge keep it for each tagging, so that
/// their undo puts the taggings back under their makers' names.
struct TaggingMaker
{
    TagTarget target = TagTarget::Article;
    qint64 targetId = 0;
    QString createdBy;
    QString createdAt;

    friend bool operator==(const TaggingMaker &, const TaggingMaker &) = default;
};

/// A deleted tag: restore() puts it back with the same id, its taggings, and its children under it again.
struct TagDeletion
{
    Tag tag;
    QList<qint64> children; ///< moved to the tag's parent by the deletion
    Taggings taggings;
    QByteArray uid;             ///< the row's uid (schema v4), put back with it
    QList<TaggingMaker> makers; ///< who put the tag on each of `taggings`
};

/// A merge of `from` into `into`: unmerge() undoes it exactly.
struct TagMerge
{
    Tag from;
    qint64 into = 0;
    QList<qint64> children;         ///< from's children, moved under `into`
    Taggings fromTaggings;          ///< everything `from` was on
    Taggings addedInto;             ///< the subset that did not already carry `into` (the merge added it)
    QByteArray fromUid;             ///< from's uid, put back by unmerge()
    QList<TaggingMaker> fromMakers; ///< who put `from` on each of fromTaggings
};

/// Who put a tag on a highlight or note, and when (schema v15): a restore puts the tagging back as it was.
struct TaggingStamp
{
    qint64 tagId = 0;
    QString createdBy;
    QString createdAt;

    friend bool operator==(const TaggingStamp &, const TaggingStamp &) = default;
};

/// A deleted highlight: everything restore() needs to put it back with the same ids.
struct HighlightDeletion
{
    Highlight highlight;
    QList<qint64> detachedNotes;          ///< notes that were on the highlight; they stay, on its block
    QList<NotebookEntry> notebookEntries; ///< entries that showed the highlight, removed with it
    QByteArray uid;                       ///< the row's uid (schema v4), put back with it
    QList<TaggingStamp> tagStamps;        ///< its tags' authorship, by tag id
};

struct NoteDeletion
{
    Note note;
    QList<NotebookEntry> notebookEntries;
    QByteArray uid;
    QList<TaggingStamp> tagStamps;
};

/// A highlight's or note's placement before attach...(), for undo (restore...Placement()).
struct AnnotationPlacement
{
    qint64 id = 0;
    qint64 blockId = 0;
    bool orphan = false;
    TextAnchor anchor;
    QList<AnnotationPlacement> notes; ///< for a highlight: the notes on it, which follow it
};

/// A deleted notebook with its entries, for restore().
struct NotebookDeletion
{
    Notebook notebook;
    QList<NotebookEntry> entries;
    QByteArray uid;
};

} // namespace dubao
