#include "app/shell/undofeedback.h"

#include <QAction>
#include <QUndoStack>

namespace dubao {

UndoFeedback::UndoFeedback(QUndoStack *stack, QAction *undo, QAction *redo, Say say, Show show, QObject *parent)
    : QObject(parent)
    , m_stack(stack)
    , m_say(std::move(say))
    , m_show(std::move(show))
{
    // Connected after the stack's own connection, so these run once the stack has undone or redone.
    connect(undo, &QAction::triggered, this, [this] { report(true); });
    connect(redo, &QAction::triggered, this, [this] { report(false); });
}

UndoFeedback::~UndoFeedback() = default;

QString UndoFeedback::message(const QUndoCommand &command, bool undone)
{
    return undone ? tr("Undid: %1").arg(command.text()) : tr("Redid: %1").arg(command.text());
}

void UndoFeedback::report(bool undone)
{
    // Undone: the command at the new index; redone: the one just below it.
    const int index = undone ? m_stack->index() : m_stack->index() - 1;
    const QUndoCommand *command = index >= 0 ? m_stack->command(index) : nullptr;
    if (!command)
        return;
    // Shown first: opening the place may say something of its own, which the report then replaces.
    if (const auto *place = dynamic_cast<const UndoPlace *>(command); place && !place->place().isEmpty())
        m_show(place->place());
    m_say(message(*command, undone));
}

} // namespace dubao
