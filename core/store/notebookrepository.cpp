// SQL for notebooks and their entries (schema v2, docs/schema.md).
#include "core/store/notebookrepository.h"

#include "core/store/annotationrows.h"
#include "core/store/authorship.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"

#include <algorithm>

namespace dubao {

using namespace sql;

namespace {

Notebook notebookFromQuery(const QSqlQuery &q)
{
    Notebook n;
    n.id = q.value(0).toLongLong();
    n.name = q.value(1).toString();
    n.createdAt = timeFromText(q.value(2).toString());
    n.createdBy = q.value(3).toString();
    n.shared = q.value(4).toInt() != 0;
    n.changedBy = q.value(5).toString();
    n.changedAt = timeFromText(q.value(6).toString());
    return n;
}

Result<QString> cleanName(const QString &name)
{
    const QString clean = name.trimmed().normalized(QString::NormalizationForm_C);
    if (clean.isEmpty())
        return Error(Store::tr("a notebook name cannot be empty"));
    for (const QChar c : clean) {
        if (c.category() == QChar::Other_Control)
            return Error(Store::tr("a notebook name cannot contain control characters or line breaks"));
    }
    return clean;
}

Error noNotebook(qint64 id)
{
    return Error(Store::tr("no notebook with id %1").arg(id));
}

Error noEntry(qint64 id)
{
    return Error(Store::tr("no notebook entry with id %1").arg(id));
}

Error nameTaken(const QString &name)
{
    return Error(Store::tr("a notebook named '%1' already exists").arg(name));
}

std::optional<Notebook> notebookWhere(QSqlDatabase db, const char *column, const QVariant &value)
{
    QSqlQuery q(db);
    if (!select(
            q,
            QStringLiteral(
                "SELECT id, name, created_at, created_by, shared, changed_by, changed_at FROM notebooks WHERE %1 = ?")
                .arg(QLatin1String(column)),
            {value}) ||
        !q.next())
        return std::nullopt;
    return notebookFromQuery(q);
}

} // namespace

NotebookRepository::NotebookRepository(Library &library)
    : m_library(library)
{}

Result<qint64> NotebookRepository::create(const QString &name)
{
    const Result<QString> clean = cleanName(name);
    if (!clean)
        return clean.error();
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (findByName(*clean))
        return nameTaken(*clean);
    QSqlQuery q(db);
    if (Result<void> inserted =
            exec(q, QStringLiteral("INSERT INTO notebooks (name, created_at) VALUES (?, ?)") + dialect::returningId(db),
                 {*clean, nowUtc()});
        !inserted)
        return inserted.error();
    return scope.commit(dialect::insertedId(q));
}

std::optional<Notebook> NotebookRepository::notebook(qint64 id) const
{
    return notebookWhere(m_library.database(), "id", id);
}

std::optional<Notebook> NotebookRepository::findByName(const QString &name) const
{
    return notebookWhere(m_library.database(), "name", name.trimmed().normalized(QString::NormalizationForm_C));
}

QList<Notebook> NotebookRepository::list() const
{
    QList<Notebook> result;
    QSqlQuery q(m_library.database());
    if (!select(q, QStringLiteral(
                       "SELECT id, name, created_at, created_by, shared, changed_by, changed_at FROM notebooks")))
        return result;
    while (q.next())
        result.append(notebookFromQuery(q));
    std::sort(result.begin(), result.end(), [](const Notebook &a, const Notebook &b) {
        const QByteArray ka = TagRepository::sortKey(a.name);
        const QByteArray kb = TagRepository::sortKey(b.name);
        return ka != kb ? ka < kb : a.id < b.id;
    });
    return result;
}

Result<QString> NotebookRepository::rename(qint64 id, const QString &name)
{
    const Result<QString> clean = cleanName(name);
    if (!clean)
        return clean.error();
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = notebook(id);
    if (!current)
        return noNotebook(id);
    if (const auto other = findByName(*clean); other && other->id != id)
        return nameTaken(*clean);
    return scope.commitAfter({QStringLiteral("UPDATE notebooks SET name = ? WHERE id = ?"), {*clean, id}},
                             current->name);
}

Result<bool> NotebookRepository::setShared(qint64 id, bool shared)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = notebook(id);
    if (!current)
        return noNotebook(id);
    if (current->shared == shared)
        return scope.commit(current->shared);
    return scope.commitAfter({QStringLiteral("UPDATE notebooks SET shared = ? WHERE id = ?"), {shared ? 1 : 0, id}},
                             current->shared);
}

Result<NotebookDeletion> NotebookRepository::remove(qint64 id)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = notebook(id);
    if (!current)
        return noNotebook(id);
    NotebookDeletion deletion{*current, entries(id), uidOf(db, "notebooks", id)};
    if (Result<void> removed = exec(db, {{QStringLiteral("DELETE FROM notebook_entries WHERE notebook_id = ?"), {id}},
                                         {QStringLiteral("DELETE FROM notebooks WHERE id = ?"), {id}}});
        !removed)
        return removed.error();
    return scope.commit(deletion);
}

Result<void> NotebookRepository::restore(const NotebookDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    // Put back as its owner made it, also when an editor undoes its deletion.
    if (Result<void> keeping = authorship::keepGivenAuthors(db, true); !keeping)
        return keeping;
    const Notebook &n = deletion.notebook;
    if (Result<void> inserted = exec(
            db,
            QStringLiteral("INSERT INTO notebooks (id, name, created_at, created_by, changed_by, changed_at, shared) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {n.id, n.name, timeToText(n.createdAt), notNull(n.createdBy),
             notNull(n.changedAt.isValid() ? n.changedBy : n.createdBy),
             timeToText(n.changedAt.isValid() ? n.changedAt : n.createdAt), n.shared ? 1 : 0});
        !inserted)
        return inserted;
    if (Result<void> kept = restoreUid(db, "notebooks", n.id, deletion.uid); !kept)
        return kept;
    if (Result<void> reinserted = reinsertNotebookEntries(db, deletion.entries); !reinserted)
        return reinserted;
    if (Result<void> kept = authorship::keepGivenAuthors(db, false); !kept)
        return kept;
    return scope.commit();
}

Result<qint64> NotebookRepository::addEntry(qint64 notebookId, const NotebookEntry &entry, int position)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (!notebook(notebookId))
        return noNotebook(notebookId);
    if (entry.highlightId != 0 &&
        !scalar(db, QStringLiteral("SELECT 1 FROM highlights WHERE id = ?"), {entry.highlightId}).isValid())
        return noHighlight(entry.highlightId);
    if (entry.noteId != 0 && !scalar(db, QStringLiteral("SELECT 1 FROM notes WHERE id = ?"), {entry.noteId}).isValid())
        return noNote(entry.noteId);
    const int count =
        scalar(db, QStringLiteral("SELECT count(*) FROM notebook_entries WHERE notebook_id = ?"), {notebookId}).toInt();
    if (position < 0 || position > count)
        position = count;
    if (Result<void> shifted = exec(db,
                                    QStringLiteral("UPDATE notebook_entries SET position = position + 1 "
                                                   "WHERE notebook_id = ? AND position >= ?"),
                                    {notebookId, position});
        !shifted)
        return shifted.error();
    QSqlQuery insert(db);
    if (Result<void> inserted = exec(
            insert,
            QStringLiteral("INSERT INTO notebook_entries (notebook_id, position, highlight_id, note_id, text, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?)") +
                dialect::returningId(db),
            {notebookId, position, idOrNull(entry.highlightId), idOrNull(entry.noteId),
             entry.isFreeText() ? QVariant(notNull(entry.text)) : QVariant(QMetaType(QMetaType::QString)), nowUtc()});
        !inserted)
        return inserted.error();
    return scope.commit(dialect::insertedId(insert));
}

Result<qint64> NotebookRepository::addHighlight(qint64 notebookId, qint64 highlightId, int position)
{
    if (highlightId <= 0) // 0 would make a free-text entry
        return noHighlight(highlightId);
    NotebookEntry entry;
    entry.highlightId = highlightId;
    return addEntry(notebookId, entry, position);
}

Result<qint64> NotebookRepository::addNote(qint64 notebookId, qint64 noteId, int position)
{
    if (noteId <= 0)
        return noNote(noteId);
    NotebookEntry entry;
    entry.noteId = noteId;
    return addEntry(notebookId, entry, position);
}

Result<qint64> NotebookRepository::addText(qint64 notebookId, const QString &text, int position)
{
    NotebookEntry entry;
    entry.text = notNull(text);
    return addEntry(notebookId, entry, position);
}

Result<int> NotebookRepository::moveEntry(qint64 entryId, int position)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current)
        return noEntry(entryId);
    const int count =
        scalar(db, QStringLiteral("SELECT count(*) FROM notebook_entries WHERE notebook_id = ?"), {current->notebookId})
            .toInt();
    position = std::clamp(position, 0, std::max(0, count - 1));
    const int from = current->position;
    Result<void> shifted;
    if (position < from) {
        shifted = exec(db,
                       QStringLiteral("UPDATE notebook_entries SET position = position + 1 WHERE notebook_id = ? AND "
                                      "position >= ? AND position < ?"),
                       {current->notebookId, position, from});
    } else if (position > from) {
        shifted = exec(db,
                       QStringLiteral("UPDATE notebook_entries SET position = position - 1 WHERE notebook_id = ? AND "
                                      "position > ? AND position <= ?"),
                       {current->notebookId, from, position});
    }
    if (shifted)
        shifted =
            exec(db, QStringLiteral("UPDATE notebook_entries SET position = ? WHERE id = ?"), {position, entryId});
    if (!shifted)
        return shifted.error();
    return scope.commit(from);
}

Result<QString> NotebookRepository::editText(qint64 entryId, const QString &text)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current || !current->isFreeText())
        return Error(Store::tr("no free-text notebook entry with id %1").arg(entryId));
    return scope.commitAfter(
        {QStringLiteral("UPDATE notebook_entries SET text = ? WHERE id = ?"), {notNull(text), entryId}}, current->text);
}

Result<NotebookEntry> NotebookRepository::removeEntry(qint64 entryId)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current)
        return noEntry(entryId);
    if (Result<void> removed = removeNotebookEntries(db, {*current}); !removed)
        return removed.error();
    return scope.commit(*current);
}

Result<void> NotebookRepository::restoreEntry(const NotebookEntry &e)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (Result<void> reinserted = reinsertNotebookEntries(db, {e}); !reinserted)
        return reinserted;
    return scope.commit();
}

std::optional<NotebookEntry> NotebookRepository::entry(qint64 entryId) const
{
    const auto found = notebookEntries(m_library.database(), QStringLiteral("id = ?"), {entryId});
    if (found.isEmpty())
        return std::nullopt;
    return found.front();
}

QList<NotebookEntry> NotebookRepository::entries(qint64 notebookId) const
{
    return notebookEntries(m_library.database(), QStringLiteral("notebook_id = ?"), {notebookId});
}

QList<NotebookItem> NotebookRepository::document(qint64 notebookId) const
{
    QList<NotebookItem> items;
    AnnotationRepository annotations(m_library);
    TagRepository tags(m_library);
    QHash<qint64, Tag> tagById;
    for (const Tag &t : tags.list())
        tagById.insert(t.id, t);
    auto tagList = [&](const QList<qint64> &ids) {
        QList<Tag> result;
        for (const qint64 id : ids) {
            if (tagById.contains(id))
                result.append(tagById.value(id));
        }
        return result;
    };
    for (const NotebookEntry &e : entries(notebookId)) {
        NotebookItem item;
        item.entry = e;
        if (e.highlightId != 0) {
            if (const auto h = annotations.highlight(e.highlightId)) {
                item.quote = h->anchor.quote;
                item.source = annotations.sourceOfHighlight(h->id);
                item.orphan = h->orphan;
                item.notes = annotations.notesOfHighlight(h->id);
                item.tags = tagList(h->tagIds);
            }
        } else if (e.noteId != 0) {
            if (const auto n = annotations.note(e.noteId)) {
                item.quote = n->anchor.quote;
                if (n->highlightId != 0) {
                    if (const auto h = annotations.highlight(n->highlightId))
                        item.quote = h->anchor.quote;
                }
                item.source = annotations.sourceOfNote(n->id);
                item.orphan = n->orphan;
                item.notes = {*n};
                item.tags = tagList(n->tagIds);
            }
        } else {
            item.text = e.text;
        }
        items.append(item);
    }
    return items;
}

} // namespace dubao
