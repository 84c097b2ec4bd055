// Undoable edit of an issue's publication and date (Issue → Edit Details…).
#pragma once

#include "core/model/issue.h"

#include <QUndoCommand>

#include <functional>

namespace dubao {

class IssueRepository;

class EditIssueInfoCommand final : public QUndoCommand
{
public:
    /// Called after each redo/undo with the issue id, whether the store accepted it, and its error.
    using Applied = std::function<void(qint64 issueId, bool ok, const QString &error)>;

    EditIssueInfoCommand(IssueRepository &issues, qint64 issueId, const IssueInfo &before, const IssueInfo &after,
                         Applied applied);

    void redo() override;
    void undo() override;

    qint64 issueId() const { return m_issueId; }

private:
    void apply(const IssueInfo &info);

    IssueRepository &m_issues;
    qint64 m_issueId;
    IssueInfo m_before;
    IssueInfo m_after;
    Applied m_applied;
};

} // namespace dubao
