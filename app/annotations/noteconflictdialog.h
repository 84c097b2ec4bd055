// A note someone changed while the user was editing it (schema v15's row versions, issue 13): the user's unsaved
// text and the stored one side by side, each with whose it is and when, and the three ways out — keep theirs,
// overwrite with mine, or copy mine to the clipboard (and keep theirs). Nothing is lost whichever is chosen.
#pragma once

#include "core/model/annotation.h"

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace dubao {

class NoteConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteConflictDialog)

public:
    enum class Choice
    {
        KeepTheirs,
        OverwriteWithMine,
        CopyMine, ///< mine to the clipboard, theirs kept
    };
    Q_ENUM(Choice)

    NoteConflictDialog(const QString &mine, const Note &theirs, QWidget *parent = nullptr);

    /// "rita · 2026-12-07 14:03" (local time), "unknown" for an author the library does not know.
    static QString byline(const QString &author, const QDateTime &when);

    QPlainTextEdit *mineView() const { return m_mine; }
    QPlainTextEdit *theirsView() const { return m_theirs; }
    QPushButton *button(Choice choice) const;

signals:
    /// Emitted once, when a button is pressed (the dialog then closes). Closing it otherwise keeps theirs in the
    /// library and leaves the user's text in the editor, unsaved.
    void chosen(dubao::NoteConflictDialog::Choice choice, const QString &mine, qint64 noteId, int theirVersion);

private:
    QPlainTextEdit *m_mine;
    QPlainTextEdit *m_theirs;
    QPushButton *m_keep;
    QPushButton *m_overwrite;
    QPushButton *m_copy;
};

} // namespace dubao
