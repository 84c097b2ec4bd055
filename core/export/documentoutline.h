// What a laid-out export (ODT, PDF) holds, in reading order: the title, the line under it, group headings and, per
// excerpt, its title, source line, quote, tags, notes, link and orphan notice. The layout writers walk it and
// style each role; the texts are exporttext's, so every format says the same.
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/result.h"

#include <QString>

#include <functional>

namespace dubao {

struct OutlineItem
{
    enum class Role
    {
        Title,        ///< the document's title (heading level 1)
        About,        ///< "N excerpt(s) · … · exported …"
        GroupHeading, ///< a tag or date section (heading level 2)
        ArticleTitle, ///< an excerpt's article title (heading level 3 or 2 when ungrouped)
        Source,       ///< "publication · date · reporters"
        Quote,        ///< the excerpt's quote (paragraphs separated by "\n\n")
        Tags,         ///< "Tags: a, b"
        Note,         ///< a note: `text` is the user's Markdown
        Link,         ///< `text` is the dubao: link
        Orphan,       ///< the orphan notice
        FreeText,     ///< a notebook's free-text entry: `text` is Markdown
    };
    // Every member has a default, so an item names only what it sets: {.role = ..., .text = ...}.
    Role role = Role::Title;
    QString text{};
    QStringList tags{};       ///< Role::Tags: the tag paths
    QStringList tagColours{}; ///< Role::Tags: each tag's colour, "#RRGGBB" or empty
    QString beforeTags{};     ///< Role::Tags: the translated text around the list of tags ("Tags: ", "")
    QString afterTags{};
    int headingLevel = 0; ///< 1, 2 or 3 for the heading roles, 0 otherwise
};

/// Walks `document` as the laid-out formats show it, reporting progress per excerpt; an error when cancelled.
Result<void> walkOutline(const ExportDocument &document, const ExportOptions &options, const ExportProgress &progress,
                         const std::function<void(const OutlineItem &item)> &visit);

} // namespace dubao
