#include "app/annotations/annotationdocument.h"

#include "app/annotations/annotationcommands.h"
#include "app/annotations/correctioncommand.h"
#include "app/annotations/qdpximportcommand.h"
#include "app/shell/appsettings.h"
#include "core/store/library.h"

#include <QUndoStack>

namespace dubao {

AnnotationDocument::AnnotationDocument(QUndoStack *undoStack, QObject *parent)
    : QObject(parent)
    , m_undoStack(undoStack)
{}

AnnotationDocument::~AnnotationDocument() = default;

void AnnotationDocument::setLibrary(Library *library)
{
    m_library = library;
    m_recent.clear();
    if (library) {
        m_tags = std::make_unique<TagRepository>(*library);
        m_annotations = std::make_unique<AnnotationRepository>(*library);
        m_notebooks = std::make_unique<NotebookRepository>(*library);
        m_corrections = std::make_unique<CorrectionRepository>(*library);
    } else {
        m_tags.reset();
        m_annotations.reset();
        m_notebooks.reset();
        m_corrections.reset();
    }
    notifyTagsChanged();
    notifyNotebooksChanged();
}

QString AnnotationDocument::tagPath(qint64 tagId) const
{
    for (const Tag &tag : m_tagList)
        if (tag.id == tagId)
            return tag.path;
    return {};
}

void AnnotationDocument::noteTagUsed(qint64 tagId)
{
    if (tagId <= 0)
        return;
    m_recent.removeAll(tagId);
    m_recent.prepend(tagId);
}

QList<Tag> AnnotationDocument::tagsRecentFirst() const
{
    QList<Tag> result;
    for (qint64 id : m_recent)
        for (const Tag &tag : m_tagList)
            if (tag.id == id)
                result << tag;
    for (const Tag &tag : m_tagList)
        if (!m_recent.contains(tag.id))
            result << tag;
    return result;
}

void AnnotationDocument::notifyTagsChanged()
{
    m_tagList = m_tags ? m_tags->list() : QList<Tag>{};
    m_colors.clear();
    for (const Tag &tag : std::as_const(m_tagList))
        m_colors.insert(tag.id, QColor(tag.color));
    // A deleted or merged tag is no longer "last used".
    m_recent.removeIf([this](qint64 id) { return !m_colors.contains(id); });
    emit tagsChanged();
    // Tag colours and names show on highlights and in the panels.
    emit annotationsChanged();
}

void AnnotationDocument::notifyTextChanged()
{
    emit textChanged();
}

qint64 AnnotationDocument::correctText(qint64 blockId, int start, int end, const QString &text)
{
    return pushAdd(new CorrectionCommand(*this, tr("Correct “%1”").arg(text.left(16)), [=](Corrector &corrector) {
        return corrector.correctText(blockId, start, end, text, AppSettings::correctionAuthor());
    }));
}

qint64 AnnotationDocument::joinParagraph(qint64 blockId)
{
    return pushAdd(new CorrectionCommand(*this, tr("Join Paragraphs"), [=](Corrector &corrector) {
        return corrector.join(blockId, AppSettings::correctionAuthor());
    }));
}

qint64 AnnotationDocument::splitParagraph(qint64 blockId, int at)
{
    return pushAdd(new CorrectionCommand(*this, tr("Split Paragraph"), [=](Corrector &corrector) {
        return corrector.split(blockId, at, AppSettings::correctionAuthor());
    }));
}

qint64 AnnotationDocument::setParagraphKind(qint64 blockId, BlockKind kind)
{
    return pushAdd(new CorrectionCommand(*this, tr("Set Paragraph Kind"), [=](Corrector &corrector) {
        return corrector.setKind(blockId, kind, AppSettings::correctionAuthor());
    }));
}

bool AnnotationDocument::uncorrect(qint64 correctionId)
{
    return push(new CorrectionCommand(*this, correctionId, tr("Remove Correction")));
}

void AnnotationDocument::notifyError(const QString &message)
{
    ++m_failures;
    emit errorOccurred(message);
}

void AnnotationDocument::notifyAnnotationsChanged()
{
    emit annotationsChanged();
}

void AnnotationDocument::notifyNotebooksChanged()
{
    emit notebooksChanged();
}

// ---------------------------------------------------------------------------------------------------- changes

bool AnnotationDocument::push(QUndoCommand *command)
{
    const int failures = m_failures;
    const int index = m_undoStack->index();
    m_undoStack->push(command);
    // A command that failed, or would change nothing, made itself obsolete and the stack deleted it. Inside a
    // macro the index stays until the macro ends.
    return m_failures == failures && (m_macroDepth > 0 || m_undoStack->index() == index + 1);
}

template<typename Command>
qint64 AnnotationDocument::pushAdd(Command *command)
{
    // Only read the command when it stayed on the stack (pushed): otherwise the stack deleted it.
    return push(command) ? command->createdId() : 0;
}

qint64 AnnotationDocument::addHighlight(qint64 blockId, int start, int end, const QList<qint64> &tagIds)
{
    return pushAdd(new AddHighlightCommand(*this, blockId, start, end, tagIds));
}

bool AnnotationDocument::removeHighlight(qint64 highlightId)
{
    return push(new RemoveHighlightCommand(*this, highlightId));
}

bool AnnotationDocument::tag(TagTarget target, qint64 targetId, qint64 tagId)
{
    return push(new TaggingCommand(*this, target, targetId, tagId, true));
}

bool AnnotationDocument::untag(TagTarget target, qint64 targetId, qint64 tagId)
{
    return push(new TaggingCommand(*this, target, targetId, tagId, false));
}

qint64 AnnotationDocument::addNote(qint64 blockId, qint64 highlightId, const QString &text)
{
    return pushAdd(new AddNoteCommand(*this, blockId, highlightId, text));
}

bool AnnotationDocument::editNote(qint64 noteId, const QString &text, int session, int readVersion,
                                  std::optional<Note> *changedSince)
{
    const std::optional<Note> note = m_annotations ? m_annotations->note(noteId) : std::nullopt;
    if (changedSince)
        changedSince->reset();
    if (!note || note->text == text)
        return false;
    if (readVersion > 0 && note->rowVersion != readVersion) {
        if (changedSince)
            *changedSince = note;
        return false;
    }
    const int failures = m_failures;
    // Merges into the session's earlier edit, so the stack's index need not move.
    m_undoStack->push(new EditNoteCommand(*this, noteId, note->text, text, session, note->rowVersion));
    return m_failures == failures;
}

bool AnnotationDocument::removeNote(qint64 noteId)
{
    return push(new RemoveNoteCommand(*this, noteId));
}

qint64 AnnotationDocument::createTag(const QString &name, qint64 parentId, const QString &color)
{
    return pushAdd(new CreateTagCommand(*this, name, parentId, color));
}

bool AnnotationDocument::renameTag(qint64 tagId, const QString &name)
{
    return push(new EditTagCommand(*this, tagId, EditTagCommand::Field::Name, name));
}

bool AnnotationDocument::recolorTag(qint64 tagId, const QString &color)
{
    return push(new EditTagCommand(*this, tagId, EditTagCommand::Field::Color, color));
}

bool AnnotationDocument::moveTag(qint64 tagId, qint64 parentId)
{
    return tagId > 0 && push(new EditTagCommand(*this, tagId, EditTagCommand::Field::Parent, parentId));
}

bool AnnotationDocument::mergeTags(qint64 fromId, qint64 intoId)
{
    return push(new MergeTagsCommand(*this, fromId, intoId));
}

bool AnnotationDocument::deleteTag(qint64 tagId)
{
    return push(new DeleteTagCommand(*this, tagId));
}

qint64 AnnotationDocument::createNotebook(const QString &name)
{
    return pushAdd(new CreateNotebookCommand(*this, name));
}

bool AnnotationDocument::renameNotebook(qint64 notebookId, const QString &name)
{
    return notebookId > 0 && push(new RenameNotebookCommand(*this, notebookId, name));
}

bool AnnotationDocument::setNotebookShared(qint64 notebookId, bool shared)
{
    return notebookId > 0 && push(new ShareNotebookCommand(*this, notebookId, shared));
}

bool AnnotationDocument::deleteNotebook(qint64 notebookId)
{
    return notebookId > 0 && push(new DeleteNotebookCommand(*this, notebookId));
}

qint64 AnnotationDocument::addHighlightToNotebook(qint64 notebookId, qint64 highlightId, int position)
{
    return pushAdd(new AddNotebookEntryCommand(*this, notebookId, AddNotebookEntryCommand::Kind::Highlight, highlightId,
                                               {}, position));
}

qint64 AnnotationDocument::addNoteToNotebook(qint64 notebookId, qint64 noteId, int position)
{
    return pushAdd(
        new AddNotebookEntryCommand(*this, notebookId, AddNotebookEntryCommand::Kind::Note, noteId, {}, position));
}

qint64 AnnotationDocument::addTextToNotebook(qint64 notebookId, const QString &text, int position)
{
    if (notebookId <= 0)
        return 0;
    return pushAdd(
        new AddNotebookEntryCommand(*this, notebookId, AddNotebookEntryCommand::Kind::Text, 0, text, position));
}

bool AnnotationDocument::moveNotebookEntry(qint64 entryId, int position)
{
    return push(new MoveNotebookEntryCommand(*this, entryId, position));
}

bool AnnotationDocument::editNotebookText(qint64 entryId, const QString &text)
{
    return push(new EditNotebookTextCommand(*this, entryId, text));
}

bool AnnotationDocument::removeNotebookEntry(qint64 entryId)
{
    return push(new RemoveNotebookEntryCommand(*this, entryId));
}

bool AnnotationDocument::attachHighlight(qint64 highlightId, qint64 blockId, int start, int end)
{
    return push(new AttachAnnotationCommand(*this, highlightId, blockId, start, end));
}

bool AnnotationDocument::attachNote(qint64 noteId, qint64 blockId)
{
    return push(new AttachAnnotationCommand(*this, noteId, blockId));
}

std::optional<QdpxImportReport> AnnotationDocument::importQdpx(const QString &name, const QByteArray &archive)
{
    std::optional<QdpxImportReport> report;
    push(new ImportQdpxCommand(*this, name, archive, &report));
    return report;
}

void AnnotationDocument::adoptQdpxImport(const QString &name, const QByteArray &archive, const QdpxImportReport &done)
{
    const QdpxAdditions &added = done.added;
    if (added.tags.isEmpty() && added.highlights.isEmpty() && added.notes.isEmpty() && added.taggings.isEmpty())
        return;
    push(new ImportQdpxCommand(*this, name, archive, done));
}

void AnnotationDocument::beginMacro(const QString &text)
{
    ++m_macroDepth;
    m_undoStack->beginMacro(text);
}

void AnnotationDocument::endMacro()
{
    m_undoStack->endMacro();
    --m_macroDepth;
}

void AnnotationDocument::clearHistory()
{
    m_undoStack->clear();
}

void AnnotationDocument::reload()
{
    notifyTagsChanged();
    notifyNotebooksChanged();
}

} // namespace dubao
