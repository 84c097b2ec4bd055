#include "app/annotations/annotationcommands.h"

#include "app/annotations/annotationlinks.h"
#include "core/store/authorship.h"
#include "core/store/library.h"

#include <QVariant>

namespace dubao {

AnnotationCommand::AnnotationCommand(AnnotationDocument &document, int changes, const QString &text)
    : m_document(document)
    , m_changes(changes)
{
    setText(text);
}

void AnnotationCommand::finish(bool ok, const QString &error)
{
    if (!ok) {
        setObsolete(true);
        m_document.notifyError(tr("“%1” failed: %2").arg(text(), error));
    }
    // Notify even after a failure: a partly refreshed view is worse than a redundant refresh.
    if (m_changes & Tags)
        m_document.notifyTagsChanged();
    else if (m_changes & Annotations)
        m_document.notifyAnnotationsChanged();
    if (m_changes & (Notebooks | Annotations))
        m_document.notifyNotebooksChanged();
    if (m_changes & Text)
        m_document.notifyTextChanged();
}

QString AnnotationCommand::ownName() const
{
    const Library *library = m_document.library();
    if (library && library->isTeamLibrary())
        return library->teamAccess().user;
    return authorship::userName();
}

QString AnnotationCommand::shortQuote(const QString &quote)
{
    const QString simple = quote.simplified();
    return simple.size() > 16 ? simple.left(15) + QStringLiteral("…") : simple;
}

void AnnotationCommand::placeHighlight(qint64 highlightId)
{
    if (const std::optional<Highlight> h = annotations().highlight(highlightId); h && h->blockId > 0)
        m_place = AnnotationLinks::blockLink(h->blockId, h->start, h->end);
}

void AnnotationCommand::placeNote(qint64 noteId)
{
    if (const std::optional<Note> n = annotations().note(noteId); n && n->blockId > 0)
        m_place = AnnotationLinks::blockLink(n->blockId);
}

// ------------------------------------------------------------------------------------------------ highlights

AddHighlightCommand::AddHighlightCommand(AnnotationDocument &document, qint64 blockId, int start, int end,
                                         const QList<qint64> &tagIds)
    : AddCommand(document, Annotations, tr("Add Highlight"))
    , m_blockId(blockId)
    , m_start(start)
    , m_end(end)
    , m_tagIds(tagIds)
{
    m_place = AnnotationLinks::blockLink(blockId, start, end);
}

Result<qint64> AddHighlightCommand::create()
{
    Result<qint64> created = annotations().addHighlight(m_blockId, m_start, m_end, m_tagIds);
    // Named by its text once it exists, so Edit → Undo and its report say which highlight.
    if (created) {
        if (const std::optional<Highlight> h = annotations().highlight(*created))
            setText(tr("Add Highlight “%1”").arg(shortQuote(h->anchor.quote)));
        m_seen.see(annotations(), *created);
    }
    return created;
}

Result<HighlightDeletion> AddHighlightCommand::remove()
{
    return m_seen.remove(annotations(), m_id);
}

Result<void> AddHighlightCommand::restore(const HighlightDeletion &snapshot)
{
    Result<void> restored = annotations().restore(snapshot);
    if (restored)
        m_seen.see(annotations(), snapshot.highlight.id);
    return restored;
}

RemoveHighlightCommand::RemoveHighlightCommand(AnnotationDocument &document, qint64 highlightId)
    : RemoveCommand(document, Annotations, tr("Remove Highlight"), highlightId)
{
    placeHighlight(highlightId);
    if (const std::optional<Highlight> h = annotations().highlight(highlightId))
        setText(tr("Remove Highlight “%1”").arg(shortQuote(h->anchor.quote)));
    m_seen.see(annotations(), highlightId); // what the user saw when they chose to remove it
}

Result<HighlightDeletion> RemoveHighlightCommand::remove()
{
    return m_seen.remove(annotations(), m_id);
}

Result<void> RemoveHighlightCommand::restore(const HighlightDeletion &snapshot)
{
    Result<void> restored = annotations().restore(snapshot);
    if (restored)
        m_seen.see(annotations(), m_id); // a redo deletes it again only as restored
    return restored;
}

// --------------------------------------------------------------------------------------------------- tagging

TaggingCommand::TaggingCommand(AnnotationDocument &document, Target target, qint64 targetId, qint64 tagId, bool apply)
    : AnnotationCommand(document, Annotations, {})
    , m_target(target)
    , m_targetId(targetId)
    , m_tagId(tagId)
    , m_apply(apply)
{
    const QString tag = document.tagPath(tagId);
    if (target == Target::Article)
        m_place = AnnotationLinks::articleLink(targetId);
    else if (target == Target::Block)
        m_place = AnnotationLinks::blockLink(targetId);
    else if (target == Target::Highlight)
        placeHighlight(targetId);
    else if (target == Target::Note)
        placeNote(targetId);
    switch (target) {
    case Target::Article:
        setText(apply ? tr("Tag Article “%1”").arg(tag) : tr("Untag Article “%1”").arg(tag));
        break;
    case Target::Block:
        setText(apply ? tr("Tag Paragraph “%1”").arg(tag) : tr("Untag Paragraph “%1”").arg(tag));
        break;
    case Target::Highlight:
        setText(apply ? tr("Tag Highlight “%1”").arg(tag) : tr("Untag Highlight “%1”").arg(tag));
        break;
    case Target::Note:
        setText(apply ? tr("Tag Note “%1”").arg(tag) : tr("Untag Note “%1”").arg(tag));
        break;
    }
}

void TaggingCommand::redo()
{
    if (m_done) {
        m_apply ? putBack() : takeOff();
        return;
    }
    TagRepository &repository = tags();
    bool changed = false;
    Error error;
    if (m_apply) {
        const Result<bool> added = repository.addTagging(m_target, m_tagId, m_targetId);
        changed = added.valueOr(false);
        error = added.error();
        if (added && changed)
            m_stamp = repository.tagging(m_target, m_tagId, m_targetId);
    } else {
        const Result<std::optional<TaggingStamp>> removed = repository.untag(m_target, m_tagId, m_targetId);
        changed = removed && removed->has_value();
        error = removed.error();
        if (changed)
            m_stamp = **removed;
    }
    if (error.message().isEmpty() && !changed) {
        setObsolete(true); // already so: nothing to undo
        return;
    }
    m_done = true;
    finish(changed, error.message());
}

void TaggingCommand::undo()
{
    m_apply ? takeOff() : putBack();
}

void TaggingCommand::putBack()
{
    if (!m_stamp) {
        const Result<bool> added = tags().addTagging(m_target, m_tagId, m_targetId);
        finish(added.valueOr(false), added.error().message());
        return;
    }
    const Result<TaggingStamp> restored = tags().restoreTagging(m_target, m_targetId, *m_stamp);
    if (restored)
        m_stamp = *restored; // a redo or undo takes it off again only as restored
    finish(restored);
}

void TaggingCommand::takeOff()
{
    if (!m_stamp) {
        const Result<bool> removed = tags().removeTagging(m_target, m_tagId, m_targetId);
        finish(removed.valueOr(false), removed.error().message());
        return;
    }
    const Result<std::optional<TaggingStamp>> removed = tags().untag(m_target, m_tagId, m_targetId, m_stamp);
    finish(removed);
}

// ------------------------------------------------------------------------------------------------------ notes

AddNoteCommand::AddNoteCommand(AnnotationDocument &document, qint64 blockId, qint64 highlightId, const QString &text)
    : AddCommand(document, Annotations, tr("Add Note"))
    , m_blockId(blockId)
    , m_highlightId(highlightId)
    , m_text(text)
{
    m_place = AnnotationLinks::blockLink(blockId);
}

Result<qint64> AddNoteCommand::create()
{
    Result<qint64> created = annotations().addNote(m_blockId, m_highlightId, m_text);
    if (created)
        m_seen.see(annotations(), *created);
    return created;
}

Result<NoteDeletion> AddNoteCommand::remove()
{
    return m_seen.remove(annotations(), m_id, ownName());
}

Result<void> AddNoteCommand::restore(const NoteDeletion &snapshot)
{
    Result<void> restored = annotations().restore(snapshot);
    if (restored)
        m_seen.see(annotations(), snapshot.note.id);
    return restored;
}

EditNoteCommand::EditNoteCommand(AnnotationDocument &document, qint64 noteId, const QString &oldText,
                                 const QString &newText, int session, int version)
    : AnnotationCommand(document, Annotations, tr("Edit Note"))
    , m_id(noteId)
    , m_old(oldText)
    , m_new(newText)
    , m_session(session)
    , m_version(version)
{
    placeNote(noteId);
}

void EditNoteCommand::redo()
{
    const Result<QString> saved = annotations().editNote(m_id, m_new, m_version);
    if (saved && m_version > 0)
        ++m_version;
    finish(saved);
}

void EditNoteCommand::undo()
{
    // On a team library, undo undoes only one's own change: a note someone changed since is left as they made it.
    const Result<QString> saved = annotations().editNote(m_id, m_old, m_version);
    if (saved && m_version > 0)
        ++m_version;
    finish(saved);
}

bool EditNoteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditNoteCommand *>(other);
    if (edit->m_id != m_id || edit->m_session != m_session)
        return false;
    m_new = edit->m_new;
    m_version = edit->m_version;
    if (m_new == m_old)
        setObsolete(true);
    return true;
}

RemoveNoteCommand::RemoveNoteCommand(AnnotationDocument &document, qint64 noteId)
    : RemoveCommand(document, Annotations, tr("Delete Note"), noteId)
{
    placeNote(noteId);
    m_seen.see(annotations(), noteId); // what the user saw when they chose to delete it
}

Result<NoteDeletion> RemoveNoteCommand::remove()
{
    return m_seen.remove(annotations(), m_id, ownName());
}

Result<void> RemoveNoteCommand::restore(const NoteDeletion &snapshot)
{
    Result<void> restored = annotations().restore(snapshot);
    if (restored)
        m_seen.see(annotations(), m_id); // a redo deletes it again only as restored
    return restored;
}

// ------------------------------------------------------------------------------------------------------- tags

CreateTagCommand::CreateTagCommand(AnnotationDocument &document, const QString &name, qint64 parentId,
                                   const QString &color)
    : AddCommand(document, Tags, tr("Create Tag “%1”").arg(name.trimmed()))
    , m_name(name)
    , m_parentId(parentId)
    , m_color(color)
{}

Result<qint64> CreateTagCommand::create()
{
    const Result<Tag> tag = tags().create(m_name, m_parentId, m_color);
    if (!tag)
        return tag.error();
    return tag->id;
}

Result<TagDeletion> CreateTagCommand::remove()
{
    return tags().remove(m_id);
}

Result<void> CreateTagCommand::restore(const TagDeletion &snapshot)
{
    return tags().restore(snapshot);
}

EditTagCommand::EditTagCommand(AnnotationDocument &document, qint64 tagId, Field field, const QVariant &value)
    : AnnotationCommand(document, Tags, {})
    , m_id(tagId)
    , m_field(field)
    , m_new(value)
{
    const QString name = document.tagPath(tagId);
    switch (field) {
    case Field::Name:
        setText(tr("Rename Tag “%1”").arg(name));
        break;
    case Field::Color:
        setText(tr("Recolour Tag “%1”").arg(name));
        break;
    case Field::Parent:
        setText(tr("Move Tag “%1”").arg(name));
        break;
    }
}

Result<QVariant> EditTagCommand::apply(const QVariant &value)
{
    auto asVariant = [](const auto &previous) -> Result<QVariant> {
        if (!previous)
            return previous.error();
        return QVariant(*previous);
    };
    TagRepository &repository = tags();
    switch (m_field) {
    case Field::Name:
        return asVariant(repository.rename(m_id, value.toString()));
    case Field::Color:
        return asVariant(repository.recolor(m_id, value.toString()));
    case Field::Parent:
        return asVariant(repository.move(m_id, value.toLongLong()));
    }
    return Error();
}

void EditTagCommand::redo()
{
    const Result<QVariant> old = apply(m_new);
    if (old)
        m_old = *old;
    finish(old);
}

void EditTagCommand::undo()
{
    finish(apply(m_old));
}

MergeTagsCommand::MergeTagsCommand(AnnotationDocument &document, qint64 fromId, qint64 intoId)
    : AnnotationCommand(document, Tags,
                        tr("Merge Tag “%1” into “%2”").arg(document.tagPath(fromId), document.tagPath(intoId)))
    , m_from(fromId)
    , m_into(intoId)
{}

void MergeTagsCommand::redo()
{
    const Result<TagMerge> merged = tags().merge(m_from, m_into);
    m_merge = kept(merged);
    finish(merged);
}

void MergeTagsCommand::undo()
{
    finish(m_merge ? tags().unmerge(*m_merge) : Result<void>(Error()));
}

DeleteTagCommand::DeleteTagCommand(AnnotationDocument &document, qint64 tagId)
    : RemoveCommand(document, Tags, tr("Delete Tag “%1”").arg(document.tagPath(tagId)), tagId)
{}

Result<TagDeletion> DeleteTagCommand::remove()
{
    return tags().remove(m_id);
}

Result<void> DeleteTagCommand::restore(const TagDeletion &snapshot)
{
    return tags().restore(snapshot);
}

// -------------------------------------------------------------------------------------------------- notebooks

CreateNotebookCommand::CreateNotebookCommand(AnnotationDocument &document, const QString &name)
    : AddCommand(document, Notebooks, tr("Create Notebook “%1”").arg(name.trimmed()))
    , m_name(name)
{}

Result<qint64> CreateNotebookCommand::create()
{
    Result<qint64> created = notebooks().create(m_name);
    if (created)
        m_seen.see(notebooks(), *created);
    return created;
}

Result<NotebookDeletion> CreateNotebookCommand::remove()
{
    return m_seen.remove(notebooks(), m_id, ownName());
}

Result<void> CreateNotebookCommand::restore(const NotebookDeletion &snapshot)
{
    Result<void> restored = notebooks().restore(snapshot);
    if (restored)
        m_seen.see(notebooks(), snapshot.notebook.id);
    return restored;
}

RenameNotebookCommand::RenameNotebookCommand(AnnotationDocument &document, qint64 notebookId, const QString &name)
    : SetValueCommand(document, Notebooks, tr("Rename Notebook"), notebookId, name)
{}

Result<QString> RenameNotebookCommand::set(const QString &name)
{
    return notebooks().rename(m_id, name);
}

Result<void> RenameNotebookCommand::stillAsLeft(const QString &name) const
{
    const std::optional<Notebook> now = notebooks().notebook(m_id);
    if (!now)
        return Error(tr("someone else deleted this notebook since"));
    if (now->name != name.trimmed())
        return Error(tr("notebook “%1” was renamed “%2” by %3 since; it keeps their name")
                         .arg(name.trimmed(), now->name, whoAndWhen(now->changedBy, now->changedAt)));
    return {};
}

ShareNotebookCommand::ShareNotebookCommand(AnnotationDocument &document, qint64 notebookId, bool shared)
    : SetValueCommand(document, Notebooks, shared ? tr("Share Notebook") : tr("Make Notebook Private"), notebookId,
                      shared)
{}

Result<bool> ShareNotebookCommand::set(const bool &shared)
{
    return notebooks().setShared(m_id, shared);
}

DeleteNotebookCommand::DeleteNotebookCommand(AnnotationDocument &document, qint64 notebookId)
    : RemoveCommand(document, Notebooks, tr("Delete Notebook"), notebookId)
{
    m_seen.see(notebooks(), notebookId); // what the user saw when they chose to delete it
}

Result<NotebookDeletion> DeleteNotebookCommand::remove()
{
    return m_seen.remove(notebooks(), m_id, ownName());
}

Result<void> DeleteNotebookCommand::restore(const NotebookDeletion &snapshot)
{
    Result<void> restored = notebooks().restore(snapshot);
    if (restored)
        m_seen.see(notebooks(), m_id); // a redo deletes it again only as restored
    return restored;
}

AddNotebookEntryCommand::AddNotebookEntryCommand(AnnotationDocument &document, qint64 notebookId, Kind kind,
                                                 qint64 annotationId, const QString &text, int position)
    : AddCommand(document, Notebooks, {})
    , m_notebookId(notebookId)
    , m_kind(kind)
    , m_annotationId(annotationId)
    , m_text(text)
    , m_position(position)
{
    setText(kind == Kind::Text ? tr("Add Text to Notebook") : tr("Add to Notebook"));
}

Result<qint64> AddNotebookEntryCommand::createEntry()
{
    NotebookRepository &repository = notebooks();
    switch (m_kind) {
    case Kind::Highlight:
        return repository.addHighlight(m_notebookId, m_annotationId, m_position);
    case Kind::Note:
        return repository.addNote(m_notebookId, m_annotationId, m_position);
    case Kind::Text:
        break;
    }
    return repository.addText(m_notebookId, m_text, m_position);
}

Result<qint64> AddNotebookEntryCommand::create()
{
    Result<qint64> created = createEntry();
    if (created)
        m_seen.see(notebooks(), *created);
    return created;
}

Result<NotebookEntry> AddNotebookEntryCommand::remove()
{
    return m_seen.remove(notebooks(), m_id, ownName());
}

Result<void> AddNotebookEntryCommand::restore(const NotebookEntry &snapshot)
{
    Result<void> restored = notebooks().restoreEntry(snapshot);
    if (restored)
        m_seen.see(notebooks(), snapshot.id);
    return restored;
}

MoveNotebookEntryCommand::MoveNotebookEntryCommand(AnnotationDocument &document, qint64 entryId, int position)
    : SetValueCommand(document, Notebooks, tr("Move Notebook Entry"), entryId, position)
{}

Result<int> MoveNotebookEntryCommand::set(const int &position)
{
    return notebooks().moveEntry(m_id, position);
}

EditNotebookTextCommand::EditNotebookTextCommand(AnnotationDocument &document, qint64 entryId, const QString &text)
    : SetValueCommand(document, Notebooks, tr("Edit Notebook Text"), entryId, text)
{}

Result<QString> EditNotebookTextCommand::set(const QString &text)
{
    return notebooks().editText(m_id, text);
}

Result<void> EditNotebookTextCommand::stillAsLeft(const QString &text) const
{
    const std::optional<NotebookEntry> now = notebooks().entry(m_id);
    if (!now)
        return Error(tr("someone else removed this entry from its notebook since"));
    if (now->text != text)
        return Error(tr("this notebook text was changed by %1 since; it is kept as they wrote it")
                         .arg(whoAndWhen(now->changedBy, now->changedAt)));
    return {};
}

RemoveNotebookEntryCommand::RemoveNotebookEntryCommand(AnnotationDocument &document, qint64 entryId)
    : RemoveCommand(document, Notebooks, tr("Remove from Notebook"), entryId)
{
    m_seen.see(notebooks(), entryId);
}

Result<NotebookEntry> RemoveNotebookEntryCommand::remove()
{
    return m_seen.remove(notebooks(), m_id, ownName());
}

Result<void> RemoveNotebookEntryCommand::restore(const NotebookEntry &snapshot)
{
    Result<void> restored = notebooks().restoreEntry(snapshot);
    if (restored)
        m_seen.see(notebooks(), m_id);
    return restored;
}

// -------------------------------------------------------------------------------------------------- re-attach

AttachAnnotationCommand::AttachAnnotationCommand(AnnotationDocument &document, qint64 highlightId, qint64 blockId,
                                                 int start, int end)
    : AnnotationCommand(document, Annotations, tr("Re-attach Highlight"))
    , m_highlight(true)
    , m_id(highlightId)
    , m_blockId(blockId)
    , m_start(start)
    , m_end(end)
{}

AttachAnnotationCommand::AttachAnnotationCommand(AnnotationDocument &document, qint64 noteId, qint64 blockId)
    : AnnotationCommand(document, Annotations, tr("Re-attach Note"))
    , m_highlight(false)
    , m_id(noteId)
    , m_blockId(blockId)
{}

void AttachAnnotationCommand::redo()
{
    const Result<AnnotationPlacement> before = m_highlight
                                                   ? annotations().attachHighlight(m_id, m_blockId, m_start, m_end)
                                                   : annotations().attachNote(m_id, m_blockId);
    m_before = kept(before);
    finish(before);
}

void AttachAnnotationCommand::undo()
{
    Result<void> restored = Error();
    if (m_before)
        restored = m_highlight ? annotations().restoreHighlightPlacement(*m_before)
                               : annotations().restoreNotePlacement(*m_before);
    finish(restored);
}

} // namespace dubao
