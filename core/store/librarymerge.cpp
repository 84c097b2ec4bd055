#include "core/store/librarymerge.h"

#include "core/store/annotationrepository.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"

#include <QHash>
#include <QSqlRecord>

#include <iterator>
#include <optional>

namespace dubao::librarymerge {

namespace {

using sql::Store;

/// Every row of a query on `db`, read to the end before anything else runs on the connection (QPSQL loses the
/// rest of a forward-only result when another statement runs).
Result<QList<QVariantList>> rows(QSqlDatabase db, const QString &statement, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (Result<void> read = sql::select(query, statement, values); !read)
        return read.error();
    QList<QVariantList> result;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c)
            row.append(query.value(c));
        result.append(row);
    }
    return result;
}

/// An id of the destination, or 0.
qint64 lookup(QSqlDatabase db, const QString &statement, const QVariantList &values)
{
    return sql::scalar(db, statement, values).toLongLong();
}

QString shortQuote(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() > 24 ? flat.left(24) + QStringLiteral("…") : flat;
}

class Merge
{
public:
    Merge(Library &from, Library &into, MergeReport &report, const Options &options)
        : m_from(from.database())
        , m_into(into.database())
        , m_tags(into)
        , m_annotations(into)
        , m_notebooks(into)
        , m_report(report)
        , m_options(options)
    {}

    Result<void> run()
    {
        using Step = Result<void> (Merge::*)();
        const std::pair<Step, const char *> steps[] = {
            {&Merge::issues, QT_TRANSLATE_NOOP("dubao::Store", "issues")},
            {&Merge::tags, QT_TRANSLATE_NOOP("dubao::Store", "tags")},
            {&Merge::highlights, QT_TRANSLATE_NOOP("dubao::Store", "highlights")},
            {&Merge::notes, QT_TRANSLATE_NOOP("dubao::Store", "notes")},
            {&Merge::paragraphTags, QT_TRANSLATE_NOOP("dubao::Store", "tagged paragraphs")},
            {&Merge::articleTags, QT_TRANSLATE_NOOP("dubao::Store", "tagged articles")},
            {&Merge::notebooks, QT_TRANSLATE_NOOP("dubao::Store", "notebooks")}};
        const int count = int(std::size(steps));
        for (int i = 0; i < count; ++i) {
            if (m_options.progress)
                m_options.progress(i, count, Store::tr(steps[i].second));
            // The member pointer is read first: GCC 12's -fsanitize=bounds misreads the index of a call through
            // steps[i].first and reported a huge one (tst_cli_merge under ASan/UBSan).
            const Step step = steps[i].first;
            if (Result<void> done = (this->*step)(); !done)
                return cancelled() ? Error(cancelledMessage()) : done;
        }
        if (m_options.progress)
            m_options.progress(count, count, {});
        return {};
    }

private:
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }

    /// The destination's issue of each issue of `from` that has work on it (0: none with the same source).
    Result<void> issues()
    {
        const auto found = rows(m_from, QStringLiteral(R"(
            SELECT i.id, s.sha256, coalesce(p.name, ''), coalesce(i.date, '') FROM issues i
            JOIN source_files s ON s.id = i.source_file_id LEFT JOIN publications p ON p.id = i.publication_id
            WHERE i.id IN (SELECT a.issue_id FROM articles a JOIN blocks b ON b.article_id = a.id
                           WHERE b.id IN (SELECT block_id FROM highlights UNION SELECT block_id FROM notes
                                          UNION SELECT block_id FROM block_tags)
                           UNION SELECT issue_id FROM articles WHERE id IN (SELECT article_id FROM article_tags))
            ORDER BY i.id)"));
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            const qint64 target = lookup(m_into,
                                         QStringLiteral("SELECT i.id FROM issues i JOIN source_files s ON "
                                                        "s.id = i.source_file_id WHERE s.sha256 = ?"),
                                         {row.at(1)});
            m_issues.insert(row.at(0).toLongLong(), target);
            m_issueNames.insert(row.at(0).toLongLong(),
                                QStringList{row.at(2).toString(), row.at(3).toString()}.join(u' ').trimmed());
            ++(target ? m_report.issuesMatched : m_report.issuesUnmatched);
        }
        return {};
    }

    /// Every tag of `from` by its path: the destination's tag of the same name under the same parent, made when
    /// missing (with its colour).
    Result<void> tags()
    {
        const auto found = rows(m_from, QStringLiteral("SELECT id, name, coalesce(parent_id, 0), color FROM tags"));
        if (!found)
            return found.error();
        QHash<qint64, QVariantList> byId;
        for (const QVariantList &row : *found)
            byId.insert(row.at(0).toLongLong(), row);
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            if (Result<qint64> mapped = tag(row.at(0).toLongLong(), byId, 0); !mapped)
                return mapped.error();
        }
        return {};
    }

    Result<qint64> tag(qint64 id, const QHash<qint64, QVariantList> &byId, int depth)
    {
        if (const auto known = m_tagIds.constFind(id); known != m_tagIds.cend())
            return *known;
        const QVariantList row = byId.value(id);
        if (row.isEmpty() || depth > 100)
            return Error(Store::tr("the tags of the library merged from refer to a missing or circular parent"));
        qint64 parent = 0;
        if (const qint64 sourceParent = row.at(2).toLongLong(); sourceParent != 0) {
            const Result<qint64> mapped = tag(sourceParent, byId, depth + 1);
            if (!mapped)
                return mapped;
            parent = *mapped;
        }
        const QString name = row.at(1).toString();
        qint64 target =
            lookup(m_into, QStringLiteral("SELECT id FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ?"),
                   {parent, name});
        if (target == 0) {
            const Result<Tag> created = m_tags.create(name, parent, row.at(3).toString());
            if (!created)
                return created.error();
            target = created->id;
            ++m_report.tagsCreated;
            m_report.addedItems.append(Store::tr("tag “%1” created").arg(name));
        }
        m_tagIds.insert(id, target);
        m_tagNames.insert(id, name);
        return target;
    }

    /// The destination's paragraph of a paragraph of `from`: in the matched issue, the one with the same text at
    /// the same place, else the one with the same text nearest to it. 0 with `why` set when there is none.
    qint64 block(qint64 id, QString *why)
    {
        if (const auto known = m_blocks.constFind(id); known != m_blocks.cend()) {
            *why = m_blockWhy.value(id);
            return *known;
        }
        const auto found = rows(m_from,
                                QStringLiteral("SELECT a.issue_id, a.position, b.position, b.text FROM blocks b "
                                               "JOIN articles a ON a.id = b.article_id WHERE b.id = ?"),
                                {id});
        qint64 target = 0;
        if (!found || found->isEmpty()) {
            *why = Store::tr("its paragraph is missing from the library merged from");
        } else {
            const QVariantList &row = found->front();
            const qint64 issue = m_issues.value(row.at(0).toLongLong());
            if (issue == 0) {
                *why = Store::tr("the library merged into has no issue of the same source file (%1)")
                           .arg(m_issueNames.value(row.at(0).toLongLong()));
            } else {
                target = lookup(m_into,
                                QStringLiteral("SELECT b.id FROM blocks b JOIN articles a ON a.id = b.article_id "
                                               "WHERE a.issue_id = ? AND b.text = ? "
                                               "ORDER BY abs(a.position - ?), abs(b.position - ?), b.id LIMIT 1"),
                                {issue, row.at(3), row.at(1), row.at(2)});
                if (target == 0)
                    *why = Store::tr("no paragraph of the matching issue has its text (%1)")
                               .arg(m_issueNames.value(row.at(0).toLongLong()));
            }
        }
        m_blocks.insert(id, target);
        m_blockWhy.insert(id, *why);
        return target;
    }

    /// The destination's article of an article of `from`: in the matched issue, the one with the same headline at
    /// the same place, else the one with the same headline nearest to it.
    qint64 article(qint64 id, QString *why)
    {
        const auto found =
            rows(m_from, QStringLiteral("SELECT issue_id, position, title FROM articles WHERE id = ?"), {id});
        if (!found || found->isEmpty()) {
            *why = Store::tr("its article is missing from the library merged from");
            return 0;
        }
        const QVariantList &row = found->front();
        const qint64 issue = m_issues.value(row.at(0).toLongLong());
        if (issue == 0) {
            *why = Store::tr("the library merged into has no issue of the same source file (%1)")
                       .arg(m_issueNames.value(row.at(0).toLongLong()));
            return 0;
        }
        const qint64 target = lookup(m_into,
                                     QStringLiteral("SELECT id FROM articles WHERE issue_id = ? AND title = ? "
                                                    "ORDER BY abs(position - ?), id LIMIT 1"),
                                     {issue, row.at(2), row.at(1)});
        if (target == 0)
            *why = Store::tr("no article of the matching issue has its headline (%1)")
                       .arg(m_issueNames.value(row.at(0).toLongLong()));
        return target;
    }

    /// Puts the tags `from` has on a highlight or note on its counterpart.
    Result<void> annotationTags(const char *table, const char *column, TagTarget target, qint64 id, qint64 into)
    {
        const auto found =
            rows(m_from,
                 QStringLiteral("SELECT tag_id FROM %1 WHERE %2 = ?").arg(QLatin1String(table), QLatin1String(column)),
                 {id});
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            const Result<bool> added = m_tags.addTagging(target, m_tagIds.value(row.at(0).toLongLong()), into);
            if (!added)
                return added.error();
            if (*added) {
                ++m_report.annotationTagsAdded;
                m_report.addedItems.append((target == TagTarget::Highlight ? Store::tr("tag “%1” on highlight %2")
                                                                           : Store::tr("tag “%1” on note %2"))
                                               .arg(m_tagNames.value(row.at(0).toLongLong()))
                                               .arg(into));
            }
        }
        return {};
    }

    Result<void> keepTimesAndUid(const char *table, qint64 id, const QVariantList &row, int firstTime)
    {
        if (Result<void> uid = sql::restoreUid(m_into, table, id, row.at(firstTime + 2).toByteArray()); !uid)
            return uid;
        return sql::exec(
            m_into,
            QStringLiteral("UPDATE %1 SET created_at = ?, modified_at = ? WHERE id = ?").arg(QLatin1String(table)),
            {row.at(firstTime), row.at(firstTime + 1), id});
    }

    Result<void> highlights()
    {
        const auto found = rows(m_from, QStringLiteral(R"(
            SELECT id, coalesce(block_id, 0), coalesce(start, 0), coalesce("end", 0), quote, orphan, origin,
                   created_at, modified_at, uid
            FROM highlights ORDER BY id)"));
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            const qint64 id = row.at(0).toLongLong();
            const QString what = Store::tr("highlight %1 “%2”").arg(id).arg(shortQuote(row.at(4).toString()));
            const QByteArray uid = row.at(9).toByteArray();
            qint64 target =
                uid.isEmpty() ? 0 : lookup(m_into, QStringLiteral("SELECT id FROM highlights WHERE uid = ?"), {uid});
            if (target == 0) {
                QString why;
                const qint64 block = row.at(5).toInt() != 0 || row.at(1).toLongLong() == 0
                                         ? 0
                                         : this->block(row.at(1).toLongLong(), &why);
                if (block == 0) {
                    m_report.unmatched.append(Store::tr("%1: %2").arg(
                        what, why.isEmpty() ? Store::tr("an orphan in the library merged from") : why));
                    continue;
                }
                target =
                    lookup(m_into,
                           QStringLiteral("SELECT id FROM highlights WHERE block_id = ? AND start = ? AND \"end\" = ?"),
                           {block, row.at(2), row.at(3)});
                if (target == 0) {
                    const Result<qint64> added =
                        m_annotations.addHighlight(block, row.at(2).toInt(), row.at(3).toInt());
                    if (!added)
                        return added.error();
                    target = *added;
                    if (Result<void> kept = keepTimesAndUid("highlights", target, row, 7); !kept)
                        return kept;
                    if (Result<void> origin =
                            sql::exec(m_into, QStringLiteral("UPDATE highlights SET origin = ? WHERE id = ?"),
                                      {row.at(6), target});
                        !origin)
                        return origin;
                    ++m_report.highlightsAdded;
                    m_report.addedItems.append(Store::tr("highlight “%1” on paragraph %2 (highlight %3)")
                                                   .arg(shortQuote(row.at(4).toString()))
                                                   .arg(block)
                                                   .arg(target));
                } else {
                    ++m_report.alreadyThere;
                }
            } else {
                ++m_report.alreadyThere;
            }
            m_highlights.insert(id, target);
            if (Result<void> tagged =
                    annotationTags("highlight_tags", "highlight_id", TagTarget::Highlight, id, target);
                !tagged)
                return tagged;
        }
        return {};
    }

    Result<void> notes()
    {
        const auto found = rows(m_from, QStringLiteral(R"(
            SELECT id, coalesce(block_id, 0), coalesce(highlight_id, 0), text, orphan, created_at, modified_at, uid
            FROM notes ORDER BY id)"));
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            const qint64 id = row.at(0).toLongLong();
            const QString what = Store::tr("note %1 “%2”").arg(id).arg(shortQuote(row.at(3).toString()));
            const QByteArray uid = row.at(7).toByteArray();
            qint64 target =
                uid.isEmpty() ? 0 : lookup(m_into, QStringLiteral("SELECT id FROM notes WHERE uid = ?"), {uid});
            if (target == 0) {
                QString why;
                qint64 highlight = 0;
                qint64 block = 0;
                if (row.at(4).toInt() != 0 || row.at(1).toLongLong() == 0) {
                    why = Store::tr("an orphan in the library merged from");
                } else if (const qint64 on = row.at(2).toLongLong(); on != 0) {
                    highlight = m_highlights.value(on);
                    if (highlight == 0)
                        why = Store::tr("its highlight %1 was not merged").arg(on);
                    else
                        block =
                            lookup(m_into, QStringLiteral("SELECT block_id FROM highlights WHERE id = ?"), {highlight});
                } else {
                    block = this->block(row.at(1).toLongLong(), &why);
                }
                if (block == 0) {
                    m_report.unmatched.append(Store::tr("%1: %2").arg(what, why));
                    continue;
                }
                target =
                    lookup(m_into,
                           QStringLiteral("SELECT id FROM notes WHERE block_id = ? AND coalesce(highlight_id, 0) = ? "
                                          "AND text = ?"),
                           {block, highlight, row.at(3)});
                if (target == 0) {
                    const Result<qint64> added = m_annotations.addNote(block, highlight, row.at(3).toString());
                    if (!added)
                        return added.error();
                    target = *added;
                    if (Result<void> kept = keepTimesAndUid("notes", target, row, 5); !kept)
                        return kept;
                    ++m_report.notesAdded;
                    m_report.addedItems.append(Store::tr("note “%1” on paragraph %2 (note %3)")
                                                   .arg(shortQuote(row.at(3).toString()))
                                                   .arg(block)
                                                   .arg(target));
                } else {
                    ++m_report.alreadyThere;
                }
            } else {
                ++m_report.alreadyThere;
            }
            m_notes.insert(id, target);
            if (Result<void> tagged = annotationTags("note_tags", "note_id", TagTarget::Note, id, target); !tagged)
                return tagged;
        }
        return {};
    }

    Result<void> paragraphTags()
    {
        const auto found =
            rows(m_from, QStringLiteral("SELECT block_id, tag_id FROM block_tags ORDER BY block_id, tag_id"));
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            QString why;
            const qint64 block = this->block(row.at(0).toLongLong(), &why);
            if (block == 0) {
                m_report.unmatched.append(Store::tr("tag on paragraph %1: %2").arg(row.at(0).toLongLong()).arg(why));
                continue;
            }
            const Result<bool> added =
                m_tags.addTagging(TagTarget::Block, m_tagIds.value(row.at(1).toLongLong()), block);
            if (!added)
                return added.error();
            ++(*added ? m_report.paragraphTagsAdded : m_report.alreadyThere);
            if (*added)
                m_report.addedItems.append(
                    Store::tr("tag “%1” on paragraph %2").arg(m_tagNames.value(row.at(1).toLongLong())).arg(block));
        }
        return {};
    }

    Result<void> articleTags()
    {
        const auto found =
            rows(m_from, QStringLiteral("SELECT article_id, tag_id FROM article_tags ORDER BY article_id, tag_id"));
        if (!found)
            return found.error();
        for (const QVariantList &row : *found) {
            if (cancelled())
                return Error(cancelledMessage());
            QString why;
            const qint64 article = this->article(row.at(0).toLongLong(), &why);
            if (article == 0) {
                m_report.unmatched.append(Store::tr("tag on article %1: %2").arg(row.at(0).toLongLong()).arg(why));
                continue;
            }
            const Result<bool> added =
                m_tags.addTagging(TagTarget::Article, m_tagIds.value(row.at(1).toLongLong()), article);
            if (!added)
                return added.error();
            ++(*added ? m_report.articleTagsAdded : m_report.alreadyThere);
            if (*added)
                m_report.addedItems.append(
                    Store::tr("tag “%1” on article %2").arg(m_tagNames.value(row.at(1).toLongLong())).arg(article));
        }
        return {};
    }

    /// Notebooks by name; their entries appended in their order, each once.
    Result<void> notebooks()
    {
        const auto found = rows(m_from, QStringLiteral("SELECT id, name FROM notebooks ORDER BY id"));
        if (!found)
            return found.error();
        for (const QVariantList &notebook : *found) {
            const QString name = notebook.at(1).toString();
            qint64 target = 0;
            if (const std::optional<Notebook> existing = m_notebooks.findByName(name)) {
                target = existing->id;
            } else {
                const Result<qint64> created = m_notebooks.create(name);
                if (!created)
                    return created.error();
                target = *created;
                ++m_report.notebooksCreated;
                m_report.addedItems.append(Store::tr("notebook “%1” created").arg(name));
            }
            const auto entries = rows(m_from,
                                      QStringLiteral("SELECT coalesce(highlight_id, 0), coalesce(note_id, 0), text "
                                                     "FROM notebook_entries WHERE notebook_id = ? ORDER BY position"),
                                      {notebook.at(0)});
            if (!entries)
                return entries.error();
            for (const QVariantList &entry : *entries) {
                const qint64 highlight = m_highlights.value(entry.at(0).toLongLong());
                const qint64 note = m_notes.value(entry.at(1).toLongLong());
                if (entry.at(0).toLongLong() != 0 && highlight == 0) {
                    m_report.unmatched.append(Store::tr("notebook “%1”: its highlight %2 was not merged")
                                                  .arg(name)
                                                  .arg(entry.at(0).toLongLong()));
                    continue;
                }
                if (entry.at(1).toLongLong() != 0 && note == 0) {
                    m_report.unmatched.append(
                        Store::tr("notebook “%1”: its note %2 was not merged").arg(name).arg(entry.at(1).toLongLong()));
                    continue;
                }
                const QString text = entry.at(2).toString();
                const qint64 present =
                    highlight != 0 ? lookup(m_into,
                                            QStringLiteral("SELECT id FROM notebook_entries WHERE notebook_id = ? "
                                                           "AND highlight_id = ?"),
                                            {target, highlight})
                    : note != 0    ? lookup(m_into,
                                            QStringLiteral("SELECT id FROM notebook_entries WHERE notebook_id = ? "
                                                              "AND note_id = ?"),
                                            {target, note})
                                   : lookup(m_into,
                                            QStringLiteral("SELECT id FROM notebook_entries WHERE notebook_id = ? "
                                                              "AND text = ?"),
                                            {target, text});
                if (present != 0) {
                    ++m_report.alreadyThere;
                    continue;
                }
                const Result<qint64> added = highlight != 0 ? m_notebooks.addHighlight(target, highlight)
                                             : note != 0    ? m_notebooks.addNote(target, note)
                                                            : m_notebooks.addText(target, text);
                if (!added)
                    return added.error();
                ++m_report.notebookEntriesAdded;
                m_report.addedItems.append(
                    highlight != 0 ? Store::tr("notebook “%1”: highlight %2 added").arg(name).arg(highlight)
                    : note != 0    ? Store::tr("notebook “%1”: note %2 added").arg(name).arg(note)
                                   : Store::tr("notebook “%1”: text “%2” added").arg(name, shortQuote(text)));
            }
        }
        return {};
    }

    QSqlDatabase m_from;
    QSqlDatabase m_into;
    TagRepository m_tags;
    AnnotationRepository m_annotations;
    NotebookRepository m_notebooks;
    MergeReport &m_report;
    const Options &m_options;
    QHash<qint64, qint64> m_issues; // from -> into (0: no issue of that source)
    QHash<qint64, QString> m_issueNames;
    QHash<qint64, qint64> m_tagIds;
    QHash<qint64, QString> m_tagNames; // from's id -> name
    QHash<qint64, qint64> m_blocks;
    QHash<qint64, QString> m_blockWhy;
    QHash<qint64, qint64> m_highlights;
    QHash<qint64, qint64> m_notes;
};

} // namespace

Result<MergeReport> merge(Library &from, Library &into, bool dryRun)
{
    Options options;
    options.dryRun = dryRun;
    return merge(from, into, options);
}

Result<MergeReport> merge(Library &from, Library &into, const Options &options)
{
    MergeReport report;
    report.dryRun = options.dryRun;
    sql::WriteScope scope(into.database(), "dubao_merge");
    if (!scope.isActive())
        return scope.error();
    // A cancel ends a statement either library is running (a big read, or a write waiting for a lock).
    const CancelGuard fromGuard(from.database(), options.cancel);
    const CancelGuard intoGuard(into.database(), options.cancel);
    if (Result<void> merged = Merge(from, into, report, options).run(); !merged)
        return merged.error(); // the scope rolls back
    if (options.cancel && options.cancel->load())
        return Error(cancelledMessage());
    if (options.dryRun)
        return report; // the scope rolls back what it would have written
    return scope.commit(report);
}

QString cancelledMessage()
{
    return Store::tr("the merge was cancelled; nothing was merged");
}

} // namespace dubao::librarymerge
