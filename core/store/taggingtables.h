// The four tagging tables (schema v2, authorship since v15), for the store's files that write taggings
// (tagrepository.cpp, taggingmakers.cpp). Internal to the store.
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationsnapshots.h"

namespace dubao::taggingtables {

/// The table of one kind of tagging, and the table of what it tags.
struct TaggingTable
{
    const char *table;
    const char *column;
    const char *targetTable;
    QList<qint64> Taggings::*list;
    TagTarget target;
};

/// Indexed by TagTarget.
inline const TaggingTable kTaggingTables[] = {
    {"article_tags", "article_id", "articles", &Taggings::articles, TagTarget::Article},
    {"block_tags", "block_id", "blocks", &Taggings::blocks, TagTarget::Block},
    {"highlight_tags", "highlight_id", "highlights", &Taggings::highlights, TagTarget::Highlight},
    {"note_tags", "note_id", "notes", &Taggings::notes, TagTarget::Note},
};

inline const TaggingTable &tableOf(TagTarget target)
{
    return kTaggingTables[static_cast<int>(target)];
}

} // namespace dubao::taggingtables
