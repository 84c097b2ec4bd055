// The undoable annotation actions: every change to tags, highlights, notes, notebooks and orphans is one of
// these on the window's QUndoStack. Private to the annotation document: only annotationdocument.cpp makes them. Each
// keeps what the repository returned when it was done (a deletion snapshot, an old name, an old position) so undo puts
// back exactly that, with the same ids.
#pragma once

#include "app/annotations/annotationdocument.h"
#include "app/annotations/seenrows.h"
#include "app/shell/undofeedback.h"
#include "core/model/result.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>

namespace dubao {

/// Base: reports failures through AnnotationDocument::errorOccurred and makes a failed command obsolete (the
/// stack then drops it), and tells the document what changed after each redo/undo. Its place (where Edit → Undo
/// shows what it undid) is set by the commands that change something in an article.
class AnnotationCommand : public QUndoCommand, public UndoPlace
{
    Q_DECLARE_TR_FUNCTIONS(AnnotationCommand)

public:
    QUrl place() const override { return m_place; }

    enum Change
    {
        Tags = 1,
        Annotations = 2,
        Notebooks = 4,
        Text = 8, ///< paragraphs' text (a correction of the OCR)
    };

protected:
    AnnotationCommand(AnnotationDocument &document, int changes, const QString &text);
    /// After a redo/undo: notifies, or on failure reports `error` and marks the command obsolete.
    void finish(bool ok, const QString &error);
    template<typename T>
    void finish(const Result<T> &done)
    {
        finish(done.ok(), done.error().message());
    }
    /// The value of `result`, or nullopt: what a command keeps for its undo or redo.
    template<typename T>
    static std::optional<T> kept(const Result<T> &result)
    {
        return result ? std::optional<T>(*result) : std::nullopt;
    }

    /// The document's repositories, for writing.
    TagRepository &tags() const { return *m_document.m_tags; }
    AnnotationRepository &annotations() const { return *m_document.m_annotations; }
    NotebookRepository &notebooks() const { return *m_document.m_notebooks; }

    /// The name the library records as this user's (the login on a team library, else the author's name).
    QString ownName() const;
    /// A quote short enough for a menu item and the status bar.
    static QString shortQuote(const QString &quote);
    /// The place of a highlight (its span) or a note (its paragraph); empty when it is gone or orphaned.
    void placeHighlight(qint64 highlightId);
    void placeNote(qint64 noteId);

    AnnotationDocument &m_document;
    int m_changes;
    bool m_done = false; ///< redo() ran successfully at least once
    QUrl m_place;
};

/// Sets one value of one row and is given back the value it replaced (a rename, a move, an edit of text): redo
/// sets the new value and keeps the old one, undo sets the old one again. Subclasses say how to set it.
template<typename T>
class SetValueCommand : public AnnotationCommand
{
public:
    void redo() override
    {
        // Set again only over the value this command's undo left (a colleague's change since is kept).
        if (this->m_done) {
            if (Result<void> same = stillAsLeft(m_old); !same) {
                this->finish(same);
                return;
            }
        }
        const Result<T> old = set(m_value);
        if (old) {
            m_old = *old;
            this->m_done = true;
        }
        this->finish(old);
    }
    void undo() override
    {
        if (Result<void> same = stillAsLeft(m_value); !same) {
            this->finish(same);
            return;
        }
        this->finish(set(m_old));
    }

protected:
    SetValueCommand(AnnotationDocument &document, int changes, const QString &text, qint64 id, T value)
        : AnnotationCommand(document, changes, text)
        , m_id(id)
        , m_value(std::move(value))
    {}
    /// Sets the value of row m_id; returns the value it replaced.
    virtual Result<T> set(const T &value) = 0;
    /// Whether row m_id still holds `left` (what this command set); else the refusal naming who changed it since.
    virtual Result<void> stillAsLeft(const T &left) const
    {
        Q_UNUSED(left);
        return {};
    }

    const qint64 m_id;

private:
    const T m_value;
    T m_old{};
};

/// Adds one row; undo removes it and keeps the repository's snapshot, so redo restores it with the same ids
/// (and what was attached to it meanwhile by later commands that were undone too). Subclasses say how to
/// create, remove and restore.
template<typename Snapshot>
class AddCommand : public AnnotationCommand
{
public:
    void redo() override
    {
        if (m_snapshot) {
            const Result<void> restored = restore(*m_snapshot);
            if (restored)
                m_snapshot.reset();
            this->finish(restored);
            return;
        }
        const Result<qint64> created = create();
        m_id = created.valueOr(0);
        this->finish(created);
    }
    void undo() override
    {
        const Result<Snapshot> removed = remove();
        m_snapshot = this->kept(removed);
        this->finish(removed);
    }
    /// The id of the row created (0 before the first redo, or when it failed).
    qint64 createdId() const { return m_id; }

protected:
    using AnnotationCommand::AnnotationCommand;
    /// Creates the row; its id.
    virtual Result<qint64> create() = 0;
    /// Removes row m_id; its snapshot.
    virtual Result<Snapshot> remove() = 0;
    virtual Result<void> restore(const Snapshot &snapshot) = 0;

    qint64 m_id = 0;

private:
    std::optional<Snapshot> m_snapshot;
};

/// Removes one row (with what hangs on it) and keeps the repository's snapshot of it: undo restores the
/// snapshot, with the same ids. Subclasses say how to remove and restore.
template<typename Snapshot>
class RemoveCommand : public AnnotationCommand
{
public:
    void redo() override
    {
        const Result<Snapshot> removed = remove();
        m_snapshot = this->kept(removed);
        this->finish(removed);
    }
    void undo() override { this->finish(m_snapshot ? restore(*m_snapshot) : Result<void>(Error())); }

protected:
    RemoveCommand(AnnotationDocument &document, int changes, const QString &text, qint64 id)
        : AnnotationCommand(document, changes, text)
        , m_id(id)
    {}
    /// Removes row m_id; its snapshot.
    virtual Result<Snapshot> remove() = 0;
    virtual Result<void> restore(const Snapshot &snapshot) = 0;

    const qint64 m_id;

private:
    std::optional<Snapshot> m_snapshot;
};

/// Highlights a span and tags it; undo deletes the highlight, redo restores it with the same id.
class AddHighlightCommand final : public AddCommand<HighlightDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::AddHighlightCommand) // the context lupdate files its strings under

public:
    AddHighlightCommand(AnnotationDocument &document, qint64 blockId, int start, int end, const QList<qint64> &tagIds);

private:
    Result<qint64> create() override;
    Result<HighlightDeletion> remove() override;
    Result<void> restore(const HighlightDeletion &snapshot) override;

    qint64 m_blockId;
    int m_start;
    int m_end;
    QList<qint64> m_tagIds;
    SeenHighlight m_seen;
};

class RemoveHighlightCommand final : public RemoveCommand<HighlightDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::RemoveHighlightCommand) // the context lupdate files its strings under

public:
    RemoveHighlightCommand(AnnotationDocument &document, qint64 highlightId);

private:
    Result<HighlightDeletion> remove() override;
    Result<void> restore(const HighlightDeletion &snapshot) override;

    SeenHighlight m_seen;
};

/// Puts a tag on (or takes it off) an article, a paragraph, a highlight or a note. A command that would change
/// nothing (already so) makes itself obsolete. Undo and redo put a tagging back under the name of whoever had put it
/// on, and take off only the tagging this window left (not one a colleague put on again since): else they refuse,
/// saying who and when, and change nothing.
class TaggingCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::TaggingCommand) // the context lupdate files its strings under

public:
    using Target = TagTarget;
    TaggingCommand(AnnotationDocument &document, Target target, qint64 targetId, qint64 tagId, bool apply);
    void redo() override;
    void undo() override;

private:
    /// Puts the tagging back as m_stamp says, or takes it off if it is still as m_stamp says.
    void putBack();
    void takeOff();

    Target m_target;
    qint64 m_targetId;
    qint64 m_tagId;
    bool m_apply;
    std::optional<TaggingStamp> m_stamp; ///< the tagging as this window last put it on or took it off
};

class AddNoteCommand final : public AddCommand<NoteDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::AddNoteCommand) // the context lupdate files its strings under

public:
    AddNoteCommand(AnnotationDocument &document, qint64 blockId, qint64 highlightId, const QString &text);

private:
    Result<qint64> create() override;
    Result<NoteDeletion> remove() override;
    Result<void> restore(const NoteDeletion &snapshot) override;

    qint64 m_blockId;
    qint64 m_highlightId;
    QString m_text;
    SeenNote m_seen;
};

/// A note's text changed. Commands of one editing session (same note, same `session`) merge into one, so a
/// burst of typing is one undo step.
class EditNoteCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::EditNoteCommand) // the context lupdate files its strings under

public:
    static constexpr int Id = 0x4e4f5445; // "NOTE"
    /// `version`: the note's row version when it holds `oldText` (schema v15): redo and undo each save only over
    /// the version the previous step left, so that neither overwrites someone else's change made since.
    EditNoteCommand(AnnotationDocument &document, qint64 noteId, const QString &oldText, const QString &newText,
                    int session, int version = 0);
    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;
    qint64 noteId() const { return m_id; }

private:
    qint64 m_id;
    QString m_old;
    QString m_new;
    int m_session;
    int m_version; ///< the version the next redo or undo expects (0: any)
};

class RemoveNoteCommand final : public RemoveCommand<NoteDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::RemoveNoteCommand) // the context lupdate files its strings under

public:
    RemoveNoteCommand(AnnotationDocument &document, qint64 noteId);

private:
    Result<NoteDeletion> remove() override;
    Result<void> restore(const NoteDeletion &snapshot) override;

    SeenNote m_seen;
};

class CreateTagCommand final : public AddCommand<TagDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::CreateTagCommand) // the context lupdate files its strings under

public:
    CreateTagCommand(AnnotationDocument &document, const QString &name, qint64 parentId, const QString &color);

private:
    Result<qint64> create() override;
    Result<TagDeletion> remove() override;
    Result<void> restore(const TagDeletion &snapshot) override;

    QString m_name;
    qint64 m_parentId;
    QString m_color;
};

/// Rename, recolour or move a tag: each returns the old value, which undo sets again.
class EditTagCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::EditTagCommand) // the context lupdate files its strings under

public:
    enum class Field
    {
        Name,
        Color,
        Parent,
    };
    EditTagCommand(AnnotationDocument &document, qint64 tagId, Field field, const QVariant &value);
    void redo() override;
    void undo() override;

private:
    /// Sets the field to `value`; returns the value it replaced.
    Result<QVariant> apply(const QVariant &value);

    qint64 m_id;
    Field m_field;
    QVariant m_new;
    QVariant m_old;
};

class MergeTagsCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::MergeTagsCommand) // the context lupdate files its strings under

public:
    MergeTagsCommand(AnnotationDocument &document, qint64 fromId, qint64 intoId);
    void redo() override;
    void undo() override;

private:
    qint64 m_from;
    qint64 m_into;
    std::optional<TagMerge> m_merge;
};

class DeleteTagCommand final : public RemoveCommand<TagDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::DeleteTagCommand) // the context lupdate files its strings under

public:
    DeleteTagCommand(AnnotationDocument &document, qint64 tagId);

private:
    Result<TagDeletion> remove() override;
    Result<void> restore(const TagDeletion &snapshot) override;
};

class CreateNotebookCommand final : public AddCommand<NotebookDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::CreateNotebookCommand) // the context lupdate files its strings under

public:
    CreateNotebookCommand(AnnotationDocument &document, const QString &name);

private:
    Result<qint64> create() override;
    Result<NotebookDeletion> remove() override;
    Result<void> restore(const NotebookDeletion &snapshot) override;

    QString m_name;
    SeenNotebook m_seen;
};

class RenameNotebookCommand final : public SetValueCommand<QString>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::RenameNotebookCommand) // the context lupdate files its strings under

public:
    RenameNotebookCommand(AnnotationDocument &document, qint64 notebookId, const QString &name);

private:
    Result<QString> set(const QString &name) override;
    Result<void> stillAsLeft(const QString &name) const override;
};

/// Shares a notebook with the team library, or makes it private again (its creator's; on a file the flag is kept).
class ShareNotebookCommand final : public SetValueCommand<bool>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::ShareNotebookCommand) // the context lupdate files its strings under

public:
    ShareNotebookCommand(AnnotationDocument &document, qint64 notebookId, bool shared);

private:
    Result<bool> set(const bool &shared) override;
};

class DeleteNotebookCommand final : public RemoveCommand<NotebookDeletion>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::DeleteNotebookCommand) // the context lupdate files its strings under

public:
    DeleteNotebookCommand(AnnotationDocument &document, qint64 notebookId);

private:
    Result<NotebookDeletion> remove() override;
    Result<void> restore(const NotebookDeletion &snapshot) override;

    SeenNotebook m_seen;
};

/// Adds a highlight, a note or free text to a notebook at a position (-1: at the end).
class AddNotebookEntryCommand final : public AddCommand<NotebookEntry>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::AddNotebookEntryCommand) // the context lupdate files its strings under

public:
    enum class Kind
    {
        Highlight,
        Note,
        Text,
    };
    AddNotebookEntryCommand(AnnotationDocument &document, qint64 notebookId, Kind kind, qint64 annotationId,
                            const QString &text, int position = -1);

private:
    Result<qint64> create() override;
    Result<qint64> createEntry();
    Result<NotebookEntry> remove() override;
    Result<void> restore(const NotebookEntry &snapshot) override;

    qint64 m_notebookId;
    Kind m_kind;
    qint64 m_annotationId;
    QString m_text;
    int m_position;
    SeenEntry m_seen;
};

class MoveNotebookEntryCommand final : public SetValueCommand<int>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::MoveNotebookEntryCommand) // the context lupdate files its strings under

public:
    MoveNotebookEntryCommand(AnnotationDocument &document, qint64 entryId, int position);

private:
    Result<int> set(const int &position) override;
};

class EditNotebookTextCommand final : public SetValueCommand<QString>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::EditNotebookTextCommand) // the context lupdate files its strings under

public:
    EditNotebookTextCommand(AnnotationDocument &document, qint64 entryId, const QString &text);

private:
    Result<QString> set(const QString &text) override;
    Result<void> stillAsLeft(const QString &text) const override;
};

class RemoveNotebookEntryCommand final : public RemoveCommand<NotebookEntry>
{
    Q_DECLARE_TR_FUNCTIONS(dubao::RemoveNotebookEntryCommand) // the context lupdate files its strings under

public:
    RemoveNotebookEntryCommand(AnnotationDocument &document, qint64 entryId);

private:
    Result<NotebookEntry> remove() override;
    Result<void> restore(const NotebookEntry &snapshot) override;

    SeenEntry m_seen;
};

/// Re-attaches a highlight (to a span) or a note (to a paragraph), orphan or not; undo puts it back where it
/// was, orphan again if it was one.
class AttachAnnotationCommand final : public AnnotationCommand
{
    Q_DECLARE_TR_FUNCTIONS(dubao::AttachAnnotationCommand) // the context lupdate files its strings under

public:
    /// A highlight to [start, end) of the block.
    AttachAnnotationCommand(AnnotationDocument &document, qint64 highlightId, qint64 blockId, int start, int end);
    /// A note to the block.
    AttachAnnotationCommand(AnnotationDocument &document, qint64 noteId, qint64 blockId);
    void redo() override;
    void undo() override;

private:
    bool m_highlight;
    qint64 m_id;
    qint64 m_blockId;
    int m_start = 0;
    int m_end = 0;
    std::optional<AnnotationPlacement> m_before;
};

} // namespace dubao
