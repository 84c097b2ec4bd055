// The Issue menu's changes that move or remove annotations: replace an issue's text with a corrected file, re-parse
// every issue, delete an issue. None can be undone; each clears the undo history (paragraph ids change) and has
// the annotation document read everything again.
#pragma once

#include "core/ingest/issuereplacer.h"

#include <QObject>

class QDockWidget;

namespace dubao {

class ActionRegistry;
class AnnotationDocument;
class MainWindow;
class UserFeedback;

class IssueChanges final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssueChanges)

public:
    /// `orphansDock` is shown when a replacement leaves orphans.
    IssueChanges(MainWindow *window, AnnotationDocument &document, UserFeedback &feedback, QDockWidget *orphansDock,
                 QObject *parent = nullptr);
    ~IssueChanges() override;

    /// Issue → Replace with Corrected File…, Re-parse All Issues…, Delete Issue… (editing actions).
    void registerActions(ActionRegistry &actions);

    /// Replace without asking: the re-anchoring counts, or an error (with no message when no library is bound).
    Result<ReanchorCounts> replaceIssue(qint64 issueId, const QString &path);
    Result<void> deleteIssue(qint64 issueId);

private:
    bool bound() const;
    void afterIssueChange();
    void replaceIssueDialog();
    void reparseAllDialog();
    void deleteIssueDialog();

    MainWindow *m_window;
    AnnotationDocument &m_document;
    UserFeedback &m_feedback;
    QDockWidget *m_orphansDock;
};

} // namespace dubao
