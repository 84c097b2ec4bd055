// The listings of AnnotationRepository (core/model/annotationlisting.h): the annotations panel's rows with their
// filter, orphans, where an annotation is, and how many annotations an issue or article has.
#include "core/store/annotationrepository.h"
#include "core/store/annotationrows.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace dubao {

using namespace sql;

namespace {

/// How the listings read one kind of annotation.
struct ListedKind
{
    AnnotationItem::Kind kind;
    const char *table;
    const char *alias;
    const char *columns;
    int columnCount;
    const char *tagTable;
    const char *tagColumn;
    /// AnnotationFilter::text: in the quote (and a note's text), lower-cased; %1 is dialect::substringPosition()
    const char *textCondition;
};

const ListedKind kListedKinds[] = {
    {AnnotationItem::Kind::Highlight, "highlights", "h", kHighlightColumns, kHighlightColumnCount, "highlight_tags",
     "highlight_id", "%1(lower(h.quote), ?) > 0"},
    {AnnotationItem::Kind::Note, "notes", "n", kNoteColumns, kNoteColumnCount, "note_tags", "note_id",
     "(%1(lower(n.text), ?) > 0 OR %1(lower(coalesce((SELECT quote FROM highlights WHERE id = n.highlight_id), "
     "'')), ?) > 0)"},
};

AnnotationSource sourceOf(QSqlDatabase db, const ListedKind &kind, qint64 id)
{
    const QString alias = QLatin1String(kind.alias);
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT %1 FROM %2 %3 %4 WHERE %3.id = ?")
                    .arg(sourceColumns(alias), QLatin1String(kind.table), alias, sourceJoins(alias)),
                {id}) ||
        !q.next())
        return {};
    return sourceFromQuery(q, 0);
}

} // namespace

QList<AnnotationItem> AnnotationRepository::list(const AnnotationFilter &filter) const
{
    QList<AnnotationItem> items;
    QSqlDatabase db = m_library.database();

    // Tag ids (with descendants) inlined as integers: they are numbers, never user text.
    QStringList tagList;
    if (!filter.tagIds.isEmpty()) {
        TagRepository tags(m_library);
        QSet<qint64> wanted;
        for (const qint64 tagId : filter.tagIds) {
            if (filter.includeChildTags) {
                for (const qint64 id : tags.subtree(tagId))
                    wanted.insert(id);
            } else {
                wanted.insert(tagId);
            }
        }
        for (const qint64 id : std::as_const(wanted))
            tagList.append(QString::number(id));
        if (tagList.isEmpty())
            return items;
    }

    auto conditions = [&](const QString &alias, QVariantList &values, const QString &tagTable, const QString &tagColumn,
                          const QString &textCondition) {
        QStringList where;
        const QString orphan = QStringLiteral("(%1.orphan = 1 OR %1.block_id IS NULL)").arg(alias);
        if (filter.orphans == AnnotationFilter::Orphans::Exclude)
            where.append(QStringLiteral("NOT ") + orphan);
        else if (filter.orphans == AnnotationFilter::Orphans::Only)
            where.append(orphan);
        if (!tagList.isEmpty())
            where.append(QStringLiteral("EXISTS (SELECT 1 FROM %1 x WHERE x.%2 = %3.id AND x.tag_id IN (%4))")
                             .arg(tagTable, tagColumn, alias, tagList.join(u',')));
        if (filter.articleId != 0) {
            where.append(QStringLiteral("a.id = ?"));
            values.append(filter.articleId);
        }
        if (filter.issueId != 0) {
            where.append(QStringLiteral("i.id = ?"));
            values.append(filter.issueId);
        }
        if (filter.from.isValid()) {
            where.append(QStringLiteral("i.date >= ?"));
            values.append(filter.from.toString(Qt::ISODate));
        }
        if (filter.to.isValid()) {
            where.append(QStringLiteral("i.date <= ?"));
            values.append(filter.to.toString(Qt::ISODate));
        }
        if (!filter.author.isEmpty()) {
            where.append(dialect::nameEquals(dialect::isPostgres(db), alias + QStringLiteral(".created_by")));
            values.append(filter.author);
        }
        if (!filter.text.isEmpty()) {
            where.append(textCondition);
            values.append(filter.text.toLower());
            if (textCondition.count(u'?') == 2)
                values.append(filter.text.toLower());
        }
        return where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
    };

    using SortKey = std::tuple<bool, QString, qint64, int, int, int, int, qint64>;
    QList<std::pair<SortKey, AnnotationItem>> sorted;

    for (const ListedKind &kind : kListedKinds) {
        if (!(kind.kind == AnnotationItem::Kind::Highlight ? filter.highlights : filter.notes))
            continue;
        const QString alias = QLatin1String(kind.alias);
        QVariantList values;
        const QString where = conditions(alias, values, QLatin1String(kind.tagTable), QLatin1String(kind.tagColumn),
                                         QString::fromLatin1(kind.textCondition).arg(dialect::substringPosition(db)));
        QSqlQuery q(db);
        if (!select(q,
                    QStringLiteral("SELECT %1, %2 FROM %3 %4 %5 %6")
                        .arg(QLatin1String(kind.columns), sourceColumns(alias), QLatin1String(kind.table), alias,
                             sourceJoins(alias), where),
                    values))
            continue;
        const auto tags = tagMap(db, kind.tagTable, kind.tagColumn);
        while (q.next()) {
            AnnotationItem item;
            item.kind = kind.kind;
            qint64 id = 0;
            if (kind.kind == AnnotationItem::Kind::Highlight) {
                item.highlight = highlightFromQuery(q);
                item.highlight.tagIds = tags.value(item.highlight.id);
                id = item.highlight.id;
            } else {
                item.note = noteFromQuery(q);
                item.note.tagIds = tags.value(item.note.id);
                if (item.note.highlightId != 0) {
                    if (const auto h = highlight(item.note.highlightId))
                        item.highlight = *h;
                }
                id = item.note.id;
            }
            item.source = sourceFromQuery(q, kind.columnCount);
            // By issue date (undated last), issue, article, paragraph, offset; a note after the highlight it is on.
            const SortKey key{!item.source.issueDate.isValid(),
                              item.source.issueDate.toString(Qt::ISODate),
                              item.source.issueId,
                              intValue(q.value(kind.columnCount + kSourceColumnCount - 1)),
                              item.source.blockPosition,
                              item.highlight.id != 0 ? item.highlight.start : 0,
                              kind.kind == AnnotationItem::Kind::Note ? 1 : 0,
                              id};
            sorted.append({key, item});
        }
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    items.reserve(sorted.size());
    for (const auto &entry : std::as_const(sorted))
        items.append(entry.second);
    return items;
}

QList<AnnotationItem> AnnotationRepository::orphans() const
{
    AnnotationFilter filter;
    filter.orphans = AnnotationFilter::Orphans::Only;
    return list(filter);
}

AnnotationSource AnnotationRepository::sourceOfHighlight(qint64 id) const
{
    return sourceOf(m_library.database(), kListedKinds[0], id);
}

AnnotationSource AnnotationRepository::sourceOfNote(qint64 id) const
{
    return sourceOf(m_library.database(), kListedKinds[1], id);
}

namespace {

AnnotationCounts countsWhere(QSqlDatabase db, const QString &blockCondition, const QString &articleCondition,
                             const QString &issueColumnCondition, qint64 id)
{
    // An annotation belongs to the issue/article through its block, or (orphans) through its anchor's issue.
    AnnotationCounts c;
    auto idsOf = [&](const ListedKind &kind) {
        const QString alias = QLatin1String(kind.alias);
        QString where = blockCondition;
        if (!issueColumnCondition.isEmpty())
            where += QStringLiteral(" OR (%1.block_id IS NULL AND %1.%2)").arg(alias, issueColumnCondition);
        return QStringLiteral("SELECT %1.id FROM %2 %1 LEFT JOIN blocks b ON b.id = %1.block_id "
                              "LEFT JOIN articles a ON a.id = b.article_id WHERE %3")
            .arg(alias, QLatin1String(kind.table), where);
    };
    const QString highlightIds = idsOf(kListedKinds[0]);
    const QString noteIds = idsOf(kListedKinds[1]);
    const int binds = issueColumnCondition.isEmpty() ? 1 : 2;
    QVariantList values;
    for (int k = 0; k < binds; ++k)
        values.append(id);
    c.highlights = scalar(db, QStringLiteral("SELECT count(*) FROM (%1) AS ids").arg(highlightIds), values).toInt();
    c.notes = scalar(db, QStringLiteral("SELECT count(*) FROM (%1) AS ids").arg(noteIds), values).toInt();
    c.blockTags = scalar(db,
                         QStringLiteral("SELECT count(*) FROM block_tags t JOIN blocks b ON b.id = t.block_id "
                                        "JOIN articles a ON a.id = b.article_id WHERE %1")
                             .arg(blockCondition),
                         {id})
                      .toInt();
    c.articleTags =
        scalar(db,
               QStringLiteral("SELECT count(*) FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE %1")
                   .arg(articleCondition),
               {id})
            .toInt();
    QVariantList twice = values + values;
    c.notebookEntries = scalar(db,
                               QStringLiteral("SELECT count(*) FROM notebook_entries WHERE highlight_id IN (%1) "
                                              "OR note_id IN (%2)")
                                   .arg(highlightIds, noteIds),
                               twice)
                            .toInt();
    return c;
}

} // namespace

AnnotationCounts AnnotationRepository::countsForIssue(qint64 issueId) const
{
    return countsWhere(m_library.database(), QStringLiteral("a.issue_id = ?"), QStringLiteral("a.issue_id = ?"),
                       QStringLiteral("issue_id = ?"), issueId);
}

AnnotationCounts AnnotationRepository::countsForArticle(qint64 articleId) const
{
    return countsWhere(m_library.database(), QStringLiteral("a.id = ?"), QStringLiteral("a.id = ?"), QString(),
                       articleId);
}

} // namespace dubao
