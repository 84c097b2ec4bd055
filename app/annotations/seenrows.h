// What an undo or redo checks before it deletes or overwrites a row again (issue 13: undo undoes only one's own
// actions): the highlight, note, notebook or notebook entry as this window last saw or left it. A colleague's change
// since (on a team library, or another program on the same file) is not overwritten: the command is refused with a
// sentence naming who and when, and nothing changes. Used by the annotation commands (annotationcommands.h) only.
#pragma once

#include "core/model/annotationsnapshots.h"
#include "core/model/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace dubao {

class AnnotationRepository;
class NotebookRepository;

/// What this window last saw of a highlight it may delete again (an undo of its adding, a redo of its removal): its
/// row version and tags. A colleague's change since (on a team library, or another program on the same file) is
/// not overwritten: the delete is refused, saying who changed what.
class SeenHighlight
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SeenHighlight)

public:
    void see(const AnnotationRepository &annotations, qint64 id);
    /// Deletes the highlight if it is still as seen; else an error for the user, and nothing changes.
    Result<HighlightDeletion> remove(AnnotationRepository &annotations, qint64 id) const;

private:
    bool m_seen = false;
    int m_version = 0;
    QList<qint64> m_tagIds;
};

/// What this window last saw of a note it may delete again (an undo of its adding, a redo of its deletion): its row
/// version and tags, checked as SeenHighlight checks a highlight's.
class SeenNote
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SeenNote)

public:
    void see(const AnnotationRepository &annotations, qint64 id);
    /// Deletes the note if it is still as seen, or changed since only by `me` (this window's own edits, undone or
    /// not); else an error for the user, and nothing changes.
    Result<NoteDeletion> remove(AnnotationRepository &annotations, qint64 id, const QString &me) const;

private:
    bool m_seen = false;
    int m_version = 0;
    QList<qint64> m_tagIds;
};

/// What this window last saw of a notebook it may delete again (an undo of its creation, a redo of its deletion):
/// its name and entries. A rename, or an entry added, removed or changed by someone else since, keeps it.
class SeenNotebook
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SeenNotebook)

public:
    void see(const NotebookRepository &notebooks, qint64 id);
    /// Deletes the notebook if nobody but `me` changed it since it was seen; else an error, and nothing changes.
    Result<NotebookDeletion> remove(NotebookRepository &notebooks, qint64 id, const QString &me) const;

private:
    bool m_seen = false;
    QString m_name;
    QDateTime m_changedAt;
    QList<NotebookEntry> m_entries;
};

/// What this window last saw of a notebook entry it may remove again (an undo of its adding, a redo of its removal).
class SeenEntry
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SeenEntry)

public:
    void see(const NotebookRepository &notebooks, qint64 id);
    /// Removes the entry if nobody but `me` changed it since it was seen; else an error, and nothing changes.
    Result<NotebookEntry> remove(NotebookRepository &notebooks, qint64 id, const QString &me) const;

private:
    bool m_seen = false;
    QString m_text;
    QDateTime m_changedAt;
};

/// "bo at 2026-12-08 01:02 UTC", for the refusals (an unknown author or time said so).
QString whoAndWhen(const QString &who, const QDateTime &when);

} // namespace dubao
