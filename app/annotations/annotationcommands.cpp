#include "app/annotations/annotationcommands.h"

#include <QVariant>

namespace dubao {

AnnotationCommand::AnnotationCommand(AnnotationStore &store, int changes, const QString &text)
    : m_store(store)
    , m_changes(changes)
{
    setText(text);
}

void AnnotationCommand::finish(bool ok, const QString &error)
{
    if (!ok) {
        setObsolete(true);
        m_store.notifyError(tr("“%1” failed: %2").arg(text(), error));
    }
    // Notify even after a failure: a partly refreshed view is worse than a redundant refresh.
    if (m_changes & Tags)
        m_store.notifyTagsChanged();
    else if (m_changes & Annotations)
        m_store.notifyAnnotationsChanged();
    if (m_changes & (Notebooks | Annotations))
        m_store.notifyNotebooksChanged();
}

// ------------------------------------------------------------------------------------------------ highlights

AddHighlightCommand::AddHighlightCommand(AnnotationStore &store, qint64 blockId, int start, int end,
                                         const QList<qint64> &tagIds)
    : AddCommand(store, Annotations, tr("Add Highlight"))
    , m_blockId(blockId)
    , m_start(start)
    , m_end(end)
    , m_tagIds(tagIds)
{}

qint64 AddHighlightCommand::create(QString *error)
{
    return m_store.annotations().addHighlight(m_blockId, m_start, m_end, m_tagIds, error);
}

std::optional<HighlightDeletion> AddHighlightCommand::remove(QString *error)
{
    return m_store.annotations().removeHighlight(m_id, error);
}

bool AddHighlightCommand::restore(const HighlightDeletion &snapshot, QString *error)
{
    return m_store.annotations().restore(snapshot, error);
}

RemoveHighlightCommand::RemoveHighlightCommand(AnnotationStore &store, qint64 highlightId)
    : RemoveCommand(store, Annotations, tr("Remove Highlight"), highlightId)
{}

std::optional<HighlightDeletion> RemoveHighlightCommand::remove(QString *error)
{
    return m_store.annotations().removeHighlight(m_id, error);
}

bool RemoveHighlightCommand::restore(const HighlightDeletion &snapshot, QString *error)
{
    return m_store.annotations().restore(snapshot, error);
}

// --------------------------------------------------------------------------------------------------- tagging

TaggingCommand::TaggingCommand(AnnotationStore &store, Target target, qint64 targetId, qint64 tagId, bool apply)
    : AnnotationCommand(store, Annotations, {})
    , m_target(target)
    , m_targetId(targetId)
    , m_tagId(tagId)
    , m_apply(apply)
{
    const QString tag = store.tagPath(tagId);
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

bool TaggingCommand::set(bool on, QString *error)
{
    TagRepository &tags = m_store.tags();
    switch (m_target) {
    case Target::Article:
        return on ? tags.tagArticle(m_tagId, m_targetId, error) : tags.untagArticle(m_tagId, m_targetId, error);
    case Target::Block:
        return on ? tags.tagBlock(m_tagId, m_targetId, error) : tags.untagBlock(m_tagId, m_targetId, error);
    case Target::Highlight:
        return on ? tags.tagHighlight(m_tagId, m_targetId, error) : tags.untagHighlight(m_tagId, m_targetId, error);
    case Target::Note:
        return on ? tags.tagNote(m_tagId, m_targetId, error) : tags.untagNote(m_tagId, m_targetId, error);
    }
    return false;
}

void TaggingCommand::redo()
{
    QString error;
    const bool changed = set(m_apply, &error);
    if (!changed && error.isEmpty() && !m_done) {
        setObsolete(true); // already so: nothing to undo
        return;
    }
    m_done = true;
    finish(changed, error);
}

void TaggingCommand::undo()
{
    QString error;
    finish(set(!m_apply, &error), error);
}

// ------------------------------------------------------------------------------------------------------ notes

AddNoteCommand::AddNoteCommand(AnnotationStore &store, qint64 blockId, qint64 highlightId, const QString &text)
    : AddCommand(store, Annotations, tr("Add Note"))
    , m_blockId(blockId)
    , m_highlightId(highlightId)
    , m_text(text)
{}

qint64 AddNoteCommand::create(QString *error)
{
    return m_store.annotations().addNote(m_blockId, m_highlightId, m_text, error);
}

std::optional<NoteDeletion> AddNoteCommand::remove(QString *error)
{
    return m_store.annotations().removeNote(m_id, error);
}

bool AddNoteCommand::restore(const NoteDeletion &snapshot, QString *error)
{
    return m_store.annotations().restore(snapshot, error);
}

EditNoteCommand::EditNoteCommand(AnnotationStore &store, qint64 noteId, const QString &oldText, const QString &newText,
                                 int session)
    : AnnotationCommand(store, Annotations, tr("Edit Note"))
    , m_id(noteId)
    , m_old(oldText)
    , m_new(newText)
    , m_session(session)
{}

void EditNoteCommand::redo()
{
    QString error;
    finish(m_store.annotations().editNote(m_id, m_new, &error).has_value(), error);
}

void EditNoteCommand::undo()
{
    QString error;
    finish(m_store.annotations().editNote(m_id, m_old, &error).has_value(), error);
}

bool EditNoteCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditNoteCommand *>(other);
    if (edit->m_id != m_id || edit->m_session != m_session)
        return false;
    m_new = edit->m_new;
    if (m_new == m_old)
        setObsolete(true);
    return true;
}

RemoveNoteCommand::RemoveNoteCommand(AnnotationStore &store, qint64 noteId)
    : RemoveCommand(store, Annotations, tr("Delete Note"), noteId)
{}

std::optional<NoteDeletion> RemoveNoteCommand::remove(QString *error)
{
    return m_store.annotations().removeNote(m_id, error);
}

bool RemoveNoteCommand::restore(const NoteDeletion &snapshot, QString *error)
{
    return m_store.annotations().restore(snapshot, error);
}

// ------------------------------------------------------------------------------------------------------- tags

CreateTagCommand::CreateTagCommand(AnnotationStore &store, const QString &name, qint64 parentId, const QString &color)
    : AddCommand(store, Tags, tr("Create Tag “%1”").arg(name.trimmed()))
    , m_name(name)
    , m_parentId(parentId)
    , m_color(color)
{}

qint64 CreateTagCommand::create(QString *error)
{
    const std::optional<Tag> tag = m_store.tags().create(m_name, m_parentId, m_color, error);
    return tag ? tag->id : 0;
}

std::optional<TagDeletion> CreateTagCommand::remove(QString *error)
{
    return m_store.tags().remove(m_id, error);
}

bool CreateTagCommand::restore(const TagDeletion &snapshot, QString *error)
{
    return m_store.tags().restore(snapshot, error);
}

EditTagCommand::EditTagCommand(AnnotationStore &store, qint64 tagId, Field field, const QVariant &value)
    : AnnotationCommand(store, Tags, {})
    , m_id(tagId)
    , m_field(field)
    , m_new(value)
{
    const QString name = store.tagPath(tagId);
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

bool EditTagCommand::apply(const QVariant &value, QVariant *old, QString *error)
{
    TagRepository &tags = m_store.tags();
    switch (m_field) {
    case Field::Name:
        if (const auto previous = tags.rename(m_id, value.toString(), error)) {
            *old = *previous;
            return true;
        }
        return false;
    case Field::Color:
        if (const auto previous = tags.recolor(m_id, value.toString(), error)) {
            *old = *previous;
            return true;
        }
        return false;
    case Field::Parent:
        if (const auto previous = tags.move(m_id, value.toLongLong(), error)) {
            *old = *previous;
            return true;
        }
        return false;
    }
    return false;
}

void EditTagCommand::redo()
{
    QString error;
    finish(apply(m_new, &m_old, &error), error);
}

void EditTagCommand::undo()
{
    QString error;
    QVariant ignored;
    finish(apply(m_old, &ignored, &error), error);
}

MergeTagsCommand::MergeTagsCommand(AnnotationStore &store, qint64 fromId, qint64 intoId)
    : AnnotationCommand(store, Tags, tr("Merge Tag “%1” into “%2”").arg(store.tagPath(fromId), store.tagPath(intoId)))
    , m_from(fromId)
    , m_into(intoId)
{}

void MergeTagsCommand::redo()
{
    QString error;
    m_merge = m_store.tags().merge(m_from, m_into, &error);
    finish(m_merge.has_value(), error);
}

void MergeTagsCommand::undo()
{
    QString error;
    finish(m_merge && m_store.tags().unmerge(*m_merge, &error), error);
}

DeleteTagCommand::DeleteTagCommand(AnnotationStore &store, qint64 tagId)
    : RemoveCommand(store, Tags, tr("Delete Tag “%1”").arg(store.tagPath(tagId)), tagId)
{}

std::optional<TagDeletion> DeleteTagCommand::remove(QString *error)
{
    return m_store.tags().remove(m_id, error);
}

bool DeleteTagCommand::restore(const TagDeletion &snapshot, QString *error)
{
    return m_store.tags().restore(snapshot, error);
}

// -------------------------------------------------------------------------------------------------- notebooks

CreateNotebookCommand::CreateNotebookCommand(AnnotationStore &store, const QString &name)
    : AddCommand(store, Notebooks, tr("Create Notebook “%1”").arg(name.trimmed()))
    , m_name(name)
{}

qint64 CreateNotebookCommand::create(QString *error)
{
    return m_store.notebooks().create(m_name, error);
}

std::optional<NotebookDeletion> CreateNotebookCommand::remove(QString *error)
{
    return m_store.notebooks().remove(m_id, error);
}

bool CreateNotebookCommand::restore(const NotebookDeletion &snapshot, QString *error)
{
    return m_store.notebooks().restore(snapshot, error);
}

RenameNotebookCommand::RenameNotebookCommand(AnnotationStore &store, qint64 notebookId, const QString &name)
    : SetValueCommand(store, Notebooks, tr("Rename Notebook"), notebookId, name)
{}

std::optional<QString> RenameNotebookCommand::set(const QString &name, QString *error)
{
    return m_store.notebooks().rename(m_id, name, error);
}

DeleteNotebookCommand::DeleteNotebookCommand(AnnotationStore &store, qint64 notebookId)
    : RemoveCommand(store, Notebooks, tr("Delete Notebook"), notebookId)
{}

std::optional<NotebookDeletion> DeleteNotebookCommand::remove(QString *error)
{
    return m_store.notebooks().remove(m_id, error);
}

bool DeleteNotebookCommand::restore(const NotebookDeletion &snapshot, QString *error)
{
    return m_store.notebooks().restore(snapshot, error);
}

AddNotebookEntryCommand::AddNotebookEntryCommand(AnnotationStore &store, qint64 notebookId, Kind kind,
                                                 qint64 annotationId, const QString &text, int position)
    : AddCommand(store, Notebooks, {})
    , m_notebookId(notebookId)
    , m_kind(kind)
    , m_annotationId(annotationId)
    , m_text(text)
    , m_position(position)
{
    setText(kind == Kind::Text ? tr("Add Text to Notebook") : tr("Add to Notebook"));
}

qint64 AddNotebookEntryCommand::create(QString *error)
{
    NotebookRepository &notebooks = m_store.notebooks();
    switch (m_kind) {
    case Kind::Highlight:
        return notebooks.addHighlight(m_notebookId, m_annotationId, m_position, error);
    case Kind::Note:
        return notebooks.addNote(m_notebookId, m_annotationId, m_position, error);
    case Kind::Text:
        break;
    }
    return notebooks.addText(m_notebookId, m_text, m_position, error);
}

std::optional<NotebookEntry> AddNotebookEntryCommand::remove(QString *error)
{
    return m_store.notebooks().removeEntry(m_id, error);
}

bool AddNotebookEntryCommand::restore(const NotebookEntry &snapshot, QString *error)
{
    return m_store.notebooks().restoreEntry(snapshot, error);
}

MoveNotebookEntryCommand::MoveNotebookEntryCommand(AnnotationStore &store, qint64 entryId, int position)
    : SetValueCommand(store, Notebooks, tr("Move Notebook Entry"), entryId, position)
{}

std::optional<int> MoveNotebookEntryCommand::set(const int &position, QString *error)
{
    return m_store.notebooks().moveEntry(m_id, position, error);
}

EditNotebookTextCommand::EditNotebookTextCommand(AnnotationStore &store, qint64 entryId, const QString &text)
    : SetValueCommand(store, Notebooks, tr("Edit Notebook Text"), entryId, text)
{}

std::optional<QString> EditNotebookTextCommand::set(const QString &text, QString *error)
{
    return m_store.notebooks().editText(m_id, text, error);
}

RemoveNotebookEntryCommand::RemoveNotebookEntryCommand(AnnotationStore &store, qint64 entryId)
    : RemoveCommand(store, Notebooks, tr("Remove from Notebook"), entryId)
{}

std::optional<NotebookEntry> RemoveNotebookEntryCommand::remove(QString *error)
{
    return m_store.notebooks().removeEntry(m_id, error);
}

bool RemoveNotebookEntryCommand::restore(const NotebookEntry &snapshot, QString *error)
{
    return m_store.notebooks().restoreEntry(snapshot, error);
}

// -------------------------------------------------------------------------------------------------- re-attach

AttachAnnotationCommand::AttachAnnotationCommand(AnnotationStore &store, qint64 highlightId, qint64 blockId, int start,
                                                 int end)
    : AnnotationCommand(store, Annotations, tr("Re-attach Highlight"))
    , m_highlight(true)
    , m_id(highlightId)
    , m_blockId(blockId)
    , m_start(start)
    , m_end(end)
{}

AttachAnnotationCommand::AttachAnnotationCommand(AnnotationStore &store, qint64 noteId, qint64 blockId)
    : AnnotationCommand(store, Annotations, tr("Re-attach Note"))
    , m_highlight(false)
    , m_id(noteId)
    , m_blockId(blockId)
{}

void AttachAnnotationCommand::redo()
{
    QString error;
    m_before = m_highlight ? m_store.annotations().attachHighlight(m_id, m_blockId, m_start, m_end, &error)
                           : m_store.annotations().attachNote(m_id, m_blockId, &error);
    finish(m_before.has_value(), error);
}

void AttachAnnotationCommand::undo()
{
    QString error;
    bool ok = false;
    if (m_before)
        ok = m_highlight ? m_store.annotations().restoreHighlightPlacement(*m_before, &error)
                         : m_store.annotations().restoreNotePlacement(*m_before, &error);
    finish(ok, error);
}

} // namespace dubao
