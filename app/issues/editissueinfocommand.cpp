#include "app/issues/editissueinfocommand.h"

#include "core/store/issuerepository.h"

#include <QCoreApplication>

namespace dubao {

EditIssueInfoCommand::EditIssueInfoCommand(IssueRepository &issues, qint64 issueId, const IssueInfo &before,
                                           const IssueInfo &after, Applied applied)
    : m_issues(issues)
    , m_issueId(issueId)
    , m_before(before)
    , m_after(after)
    , m_applied(std::move(applied))
{
    setText(QCoreApplication::translate("dubao::EditIssueInfoCommand", "Edit Issue Details"));
}

void EditIssueInfoCommand::redo()
{
    apply(m_after);
}

void EditIssueInfoCommand::undo()
{
    apply(m_before);
}

void EditIssueInfoCommand::apply(const IssueInfo &info)
{
    const Result<void> updated = m_issues.updateIssueInfo(m_issueId, info);
    if (m_applied)
        m_applied(m_issueId, updated.ok(), updated.error().message());
}

} // namespace dubao
