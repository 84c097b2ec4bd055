// How Edit → Undo and Redo report themselves: the status bar says what was undone or redone ("Undid: Add
// Highlight “…”"), and the place it changed is brought into view. A command tells its place by also being an
// UndoPlace; the annotation commands are (app/annotations/annotationcommands.h).
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

class QAction;
class QUndoCommand;
class QUndoStack;

namespace dubao {

/// Mixed into an undo command that changed something with a place in an article.
class UndoPlace
{
public:
    virtual ~UndoPlace() = default;
    /// A dubao:// link to what the command changed (a paragraph, a span, an article); empty when it has none.
    virtual QUrl place() const = 0;
};

class UndoFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UndoFeedback)

public:
    using Say = std::function<void(const QString &message)>;
    using Show = std::function<void(const QUrl &place)>;

    /// Reports each trigger of `undo` and `redo` (the stack's own actions) after the stack acted on it.
    UndoFeedback(QUndoStack *stack, QAction *undo, QAction *redo, Say say, Show show, QObject *parent = nullptr);
    ~UndoFeedback() override;

    /// The message for a command undone (or redone).
    static QString message(const QUndoCommand &command, bool undone);

private:
    void report(bool undone);

    QUndoStack *m_stack;
    Say m_say;
    Show m_show;
};

} // namespace dubao
