// The people index's edits as undo commands (personeditcommand.h).
#include "app/people/personeditcommand.h"

#include "core/store/library.h"

#include <QCoreApplication>

namespace dubao {

PersonEditCommand::PersonEditCommand(const PersonEdit &edit, LibraryAccess library, Done done)
    : QUndoCommand(describe(edit))
    , m_edit(edit)
    , m_library(std::move(library))
    , m_done(std::move(done))
{}

PersonEditCommand::~PersonEditCommand() = default;

QString PersonEditCommand::describe(const PersonEdit &edit)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("dubao::PeopleView", text);
    };
    switch (edit.kind) {
    case PersonEdit::Kind::Merge:
        return tr("Merge %1 into %2").arg(edit.name, edit.value);
    case PersonEdit::Kind::Split:
        return tr("Split %1 as %2").arg(edit.name, edit.value);
    case PersonEdit::Kind::Office:
        return tr("Correct the office of %1").arg(edit.name);
    case PersonEdit::Kind::FalseHit:
        return tr("Mark %1 as not a person").arg(edit.name);
    }
    return {};
}

void PersonEditCommand::redo()
{
    Library *library = m_library();
    if (!library) {
        m_done(Error(QCoreApplication::translate("dubao::PeopleView", "No library is open.")));
        return;
    }
    const Result<qint64> id = PeopleIndex(*library).addEdit(m_edit);
    m_id = id ? *id : 0;
    m_done(id ? Result<void>() : Result<void>(id.error()));
}

void PersonEditCommand::undo()
{
    Library *library = m_library();
    if (!library || m_id == 0) {
        m_done({});
        return;
    }
    const Result<void> removed = PeopleIndex(*library).removeEdit(m_id);
    if (removed)
        m_id = 0;
    m_done(removed);
}

} // namespace dubao
