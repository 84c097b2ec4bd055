// A user's correction of the people index as an undo command on the window's stack: redo records the edit
// (PeopleIndex::addEdit, which re-extracts the articles it touches), undo takes it back (removeEdit). Like the
// annotation document's commands, it changes the library only through the core.
#pragma once

#include "core/analysis/peopleindex.h"

#include <QUndoCommand>

#include <functional>

namespace dubao {

class Library;

class PersonEditCommand final : public QUndoCommand
{
public:
    using LibraryAccess = std::function<Library *()>;
    using Done = std::function<void(const Result<void> &)>;

    /// `library` gives the window's library when the command runs (null: none open); `done` is called after
    /// every redo and undo with what happened.
    PersonEditCommand(const PersonEdit &edit, LibraryAccess library, Done done);
    ~PersonEditCommand() override;

    void redo() override;
    void undo() override;

    /// The command's text for the Edit menu: "Merge 常晓勇 into 常晓永" and the like (context dubao::PeopleView).
    static QString describe(const PersonEdit &edit);

private:
    PersonEdit m_edit;
    LibraryAccess m_library;
    Done m_done;
    qint64 m_id = 0; ///< the stored edit, 0 while not applied
};

} // namespace dubao
