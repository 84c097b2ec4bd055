// SQL for notebooks and their entries (schema v2, docs/schema.md).
#include "core/store/notebookrepository.h"

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
    return n;
}

QString cleanName(const QString &name, QString *error)
{
    const QString clean = name.trimmed().normalized(QString::NormalizationForm_C);
    if (clean.isEmpty()) {
        fail(error, QStringLiteral("a notebook name cannot be empty"));
        return {};
    }
    for (const QChar c : clean) {
        if (c.category() == QChar::Other_Control) {
            fail(error, QStringLiteral("a notebook name cannot contain control characters or line breaks"));
            return {};
        }
    }
    return clean;
}

} // namespace

NotebookRepository::NotebookRepository(Library &library)
    : m_library(library)
{}

qint64 NotebookRepository::create(const QString &name, QString *error)
{
    const QString clean = cleanName(name, error);
    if (clean.isNull())
        return 0;
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    if (findByName(clean))
        return fail(error, QStringLiteral("a notebook named '%1' already exists").arg(clean));
    QSqlQuery q(db);
    if (!exec(q, QStringLiteral("INSERT INTO notebooks (name, created_at) VALUES (?, ?)"), {clean, nowUtc()}, error))
        return 0;
    const qint64 id = q.lastInsertId().toLongLong();
    return scope.commit(error) ? id : 0;
}

std::optional<Notebook> NotebookRepository::notebook(qint64 id) const
{
    QSqlQuery q(m_library.database());
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT id, name, created_at FROM notebooks WHERE id = ?"), {id}, nullptr) || !q.next())
        return std::nullopt;
    return notebookFromQuery(q);
}

std::optional<Notebook> NotebookRepository::findByName(const QString &name) const
{
    QSqlQuery q(m_library.database());
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT id, name, created_at FROM notebooks WHERE name = ?"),
              {name.trimmed().normalized(QString::NormalizationForm_C)}, nullptr) ||
        !q.next())
        return std::nullopt;
    return notebookFromQuery(q);
}

QList<Notebook> NotebookRepository::list() const
{
    QList<Notebook> result;
    QSqlQuery q(m_library.database());
    q.setForwardOnly(true);
    if (!exec(q, QStringLiteral("SELECT id, name, created_at FROM notebooks"), {}, nullptr))
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

std::optional<QString> NotebookRepository::rename(qint64 id, const QString &name, QString *error)
{
    const QString clean = cleanName(name, error);
    if (clean.isNull())
        return std::nullopt;
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = notebook(id);
    if (!current) {
        fail(error, QStringLiteral("no notebook with id %1").arg(id));
        return std::nullopt;
    }
    if (const auto other = findByName(clean); other && other->id != id) {
        fail(error, QStringLiteral("a notebook named '%1' already exists").arg(clean));
        return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE notebooks SET name = ? WHERE id = ?"), {clean, id}, error) ||
        !scope.commit(error))
        return std::nullopt;
    return current->name;
}

std::optional<NotebookDeletion> NotebookRepository::remove(qint64 id, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = notebook(id);
    if (!current) {
        fail(error, QStringLiteral("no notebook with id %1").arg(id));
        return std::nullopt;
    }
    NotebookDeletion deletion{*current, entries(id)};
    if (!exec(db, QStringLiteral("DELETE FROM notebook_entries WHERE notebook_id = ?"), {id}, error) ||
        !exec(db, QStringLiteral("DELETE FROM notebooks WHERE id = ?"), {id}, error) || !scope.commit(error))
        return std::nullopt;
    return deletion;
}

bool NotebookRepository::restore(const NotebookDeletion &deletion, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    const Notebook &n = deletion.notebook;
    return exec(db, QStringLiteral("INSERT INTO notebooks (id, name, created_at) VALUES (?, ?, ?)"),
                {n.id, n.name, timeToText(n.createdAt)}, error) &&
           reinsertNotebookEntries(db, deletion.entries, error) && scope.commit(error);
}

qint64 NotebookRepository::addEntry(qint64 notebookId, const NotebookEntry &entry, int position, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    if (!notebook(notebookId))
        return fail(error, QStringLiteral("no notebook with id %1").arg(notebookId));
    if (entry.highlightId != 0 &&
        !scalar(db, QStringLiteral("SELECT 1 FROM highlights WHERE id = ?"), {entry.highlightId}).isValid())
        return fail(error, QStringLiteral("no highlight with id %1").arg(entry.highlightId));
    if (entry.noteId != 0 && !scalar(db, QStringLiteral("SELECT 1 FROM notes WHERE id = ?"), {entry.noteId}).isValid())
        return fail(error, QStringLiteral("no note with id %1").arg(entry.noteId));
    const int count =
        scalar(db, QStringLiteral("SELECT count(*) FROM notebook_entries WHERE notebook_id = ?"), {notebookId}).toInt();
    if (position < 0 || position > count)
        position = count;
    QSqlQuery insert(db);
    if (!exec(db,
              QStringLiteral("UPDATE notebook_entries SET position = position + 1 WHERE notebook_id = ? AND "
                             "position >= ?"),
              {notebookId, position}, error) ||
        !exec(insert,
              QStringLiteral("INSERT INTO notebook_entries (notebook_id, position, highlight_id, note_id, text, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?)"),
              {notebookId, position, idOrNull(entry.highlightId), idOrNull(entry.noteId),
               entry.isFreeText() ? QVariant(notNull(entry.text)) : QVariant(QMetaType(QMetaType::QString)), nowUtc()},
              error))
        return 0;
    const qint64 id = insert.lastInsertId().toLongLong();
    return scope.commit(error) ? id : 0;
}

qint64 NotebookRepository::addHighlight(qint64 notebookId, qint64 highlightId, int position, QString *error)
{
    NotebookEntry e;
    e.highlightId = highlightId;
    if (highlightId <= 0)
        return fail(error, QStringLiteral("no highlight with id %1").arg(highlightId));
    return addEntry(notebookId, e, position, error);
}

qint64 NotebookRepository::addNote(qint64 notebookId, qint64 noteId, int position, QString *error)
{
    NotebookEntry e;
    e.noteId = noteId;
    if (noteId <= 0)
        return fail(error, QStringLiteral("no note with id %1").arg(noteId));
    return addEntry(notebookId, e, position, error);
}

qint64 NotebookRepository::addText(qint64 notebookId, const QString &text, int position, QString *error)
{
    NotebookEntry e;
    e.text = notNull(text);
    return addEntry(notebookId, e, position, error);
}

std::optional<int> NotebookRepository::moveEntry(qint64 entryId, int position, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current) {
        fail(error, QStringLiteral("no notebook entry with id %1").arg(entryId));
        return std::nullopt;
    }
    const int count =
        scalar(db, QStringLiteral("SELECT count(*) FROM notebook_entries WHERE notebook_id = ?"), {current->notebookId})
            .toInt();
    position = std::clamp(position, 0, std::max(0, count - 1));
    const int from = current->position;
    bool ok = true;
    if (position < from) {
        ok = exec(db,
                  QStringLiteral("UPDATE notebook_entries SET position = position + 1 WHERE notebook_id = ? AND "
                                 "position >= ? AND position < ?"),
                  {current->notebookId, position, from}, error);
    } else if (position > from) {
        ok = exec(db,
                  QStringLiteral("UPDATE notebook_entries SET position = position - 1 WHERE notebook_id = ? AND "
                                 "position > ? AND position <= ?"),
                  {current->notebookId, from, position}, error);
    }
    if (!ok ||
        !exec(db, QStringLiteral("UPDATE notebook_entries SET position = ? WHERE id = ?"), {position, entryId},
              error) ||
        !scope.commit(error))
        return std::nullopt;
    return from;
}

std::optional<QString> NotebookRepository::editText(qint64 entryId, const QString &text, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current || !current->isFreeText()) {
        fail(error, QStringLiteral("no free-text notebook entry with id %1").arg(entryId));
        return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE notebook_entries SET text = ? WHERE id = ?"), {notNull(text), entryId},
              error) ||
        !scope.commit(error))
        return std::nullopt;
    return current->text;
}

std::optional<NotebookEntry> NotebookRepository::removeEntry(qint64 entryId, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = entry(entryId);
    if (!current) {
        fail(error, QStringLiteral("no notebook entry with id %1").arg(entryId));
        return std::nullopt;
    }
    if (!removeNotebookEntries(db, {*current}, error) || !scope.commit(error))
        return std::nullopt;
    return current;
}

bool NotebookRepository::restoreEntry(const NotebookEntry &e, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    return reinsertNotebookEntries(db, {e}, error) && scope.commit(error);
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
