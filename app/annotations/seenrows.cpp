#include "app/annotations/seenrows.h"

#include "core/store/annotationrepository.h"
#include "core/store/notebookrepository.h"

#include <algorithm>

namespace dubao {

QString whoAndWhen(const QString &who, const QDateTime &when)
{
    return QCoreApplication::translate("dubao::SeenNotebook", "%1 at %2")
        .arg(who.isEmpty() ? QCoreApplication::translate("dubao::SeenNotebook", "an unknown author") : who,
             when.isValid() ? when.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                            : QCoreApplication::translate("dubao::SeenNotebook", "an unknown time"));
}

void SeenHighlight::see(const AnnotationRepository &annotations, qint64 id)
{
    const std::optional<Highlight> h = annotations.highlight(id);
    m_seen = h.has_value();
    m_version = h ? h->rowVersion : 0;
    m_tagIds = h ? h->tagIds : QList<qint64>();
}

Result<HighlightDeletion> SeenHighlight::remove(AnnotationRepository &annotations, qint64 id) const
{
    if (!m_seen)
        return annotations.removeHighlight(id);
    const std::optional<Highlight> now = annotations.highlight(id);
    if (!now)
        return Error(tr("someone else deleted this highlight since; there is nothing left to delete"));
    // Tags put on or taken off by someone else leave the highlight's row version as it was: compared here.
    if (now->tagIds != m_tagIds)
        return Error(tr("someone else changed the tags of this highlight since (%1 tags then, %2 now); it is kept "
                        "with their change")
                         .arg(m_tagIds.size())
                         .arg(now->tagIds.size()));
    return annotations.removeHighlight(id, m_version); // refused, naming who, when its row changed since
}

void SeenNote::see(const AnnotationRepository &annotations, qint64 id)
{
    const std::optional<Note> n = annotations.note(id);
    m_seen = n.has_value();
    m_version = n ? n->rowVersion : 0;
    m_tagIds = n ? n->tagIds : QList<qint64>();
}

Result<NoteDeletion> SeenNote::remove(AnnotationRepository &annotations, qint64 id, const QString &me) const
{
    if (!m_seen)
        return annotations.removeNote(id);
    const std::optional<Note> now = annotations.note(id);
    if (!now)
        return Error(tr("someone else deleted this note since; there is nothing left to delete"));
    // Tags put on or taken off by someone else leave the note's row version as it was: compared here.
    if (now->tagIds != m_tagIds)
        return Error(tr("someone else changed the tags of this note since (%1 tags then, %2 now); it is kept with "
                        "their change")
                         .arg(m_tagIds.size())
                         .arg(now->tagIds.size()));
    // This window's own edits since (an edit and its undo each count a version) are the user's to delete with it.
    if (now->rowVersion != m_version && now->changedBy == me)
        return annotations.removeNote(id, now->rowVersion);
    return annotations.removeNote(id, m_version); // refused, naming who, when its text changed since
}

void SeenNotebook::see(const NotebookRepository &notebooks, qint64 id)
{
    const std::optional<Notebook> n = notebooks.notebook(id);
    m_seen = n.has_value();
    m_name = n ? n->name : QString();
    m_changedAt = n ? n->changedAt : QDateTime();
    m_entries = n ? notebooks.entries(id) : QList<NotebookEntry>();
}

Result<NotebookDeletion> SeenNotebook::remove(NotebookRepository &notebooks, qint64 id, const QString &me) const
{
    if (!m_seen)
        return notebooks.remove(id);
    const std::optional<Notebook> now = notebooks.notebook(id);
    if (!now)
        return Error(tr("someone else deleted this notebook since; there is nothing left to delete"));
    if ((now->name != m_name || now->changedAt != m_changedAt) && now->changedBy != me)
        return Error(tr("notebook “%1” was renamed by %2 since; it is kept with their change")
                         .arg(now->name, whoAndWhen(now->changedBy, now->changedAt)));
    // Entries: one added or changed by someone else since, or one of the seen ones gone, keeps the notebook.
    const QList<NotebookEntry> entries = notebooks.entries(id);
    for (const NotebookEntry &entry : entries) {
        const auto seen = std::find_if(m_entries.cbegin(), m_entries.cend(),
                                       [&entry](const NotebookEntry &e) { return e.id == entry.id; });
        if (seen == m_entries.cend() && entry.createdBy != me)
            return Error(tr("%1 added an entry to notebook “%2” since; it is kept with their change")
                             .arg(whoAndWhen(entry.createdBy, entry.createdAt), now->name));
        if (seen != m_entries.cend() && seen->changedAt != entry.changedAt && entry.changedBy != me)
            return Error(tr("an entry of notebook “%1” was changed by %2 since; it is kept with their change")
                             .arg(now->name, whoAndWhen(entry.changedBy, entry.changedAt)));
    }
    for (const NotebookEntry &seen : m_entries) {
        const bool kept =
            std::any_of(entries.cbegin(), entries.cend(), [&seen](const NotebookEntry &e) { return e.id == seen.id; });
        if (!kept)
            return Error(tr("someone else removed an entry of notebook “%1” since (%2 entries then, %3 now); it is "
                            "kept with their change")
                             .arg(now->name)
                             .arg(m_entries.size())
                             .arg(entries.size()));
    }
    return notebooks.remove(id);
}

void SeenEntry::see(const NotebookRepository &notebooks, qint64 id)
{
    const std::optional<NotebookEntry> e = notebooks.entry(id);
    m_seen = e.has_value();
    m_text = e ? e->text : QString();
    m_changedAt = e ? e->changedAt : QDateTime();
}

Result<NotebookEntry> SeenEntry::remove(NotebookRepository &notebooks, qint64 id, const QString &me) const
{
    if (!m_seen)
        return notebooks.removeEntry(id);
    const std::optional<NotebookEntry> now = notebooks.entry(id);
    if (!now)
        return Error(tr("someone else removed this entry from its notebook since; there is nothing left to remove"));
    if ((now->text != m_text || now->changedAt != m_changedAt) && now->changedBy != me)
        return Error(tr("this notebook entry was changed by %1 since; it is kept with their change")
                         .arg(whoAndWhen(now->changedBy, now->changedAt)));
    return notebooks.removeEntry(id);
}

} // namespace dubao
