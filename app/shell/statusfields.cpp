#include "app/shell/statusfields.h"

#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "core/model/issuedate.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace dubao {

StatusFields::StatusFields(QStatusBar *bar)
    : QObject(bar)
    , m_issue(new QLabel(bar))
    , m_position(new QLabel(bar))
    , m_library(new QLabel(bar))
{
    for (QLabel *label : {m_issue, m_position, m_library}) {
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
}

void StatusFields::update(const LibraryTreeModel &model, qint64 issueId, const QModelIndex &article,
                          LibrarySession *session, int articleCount)
{
    if (const auto summary = model.issueSummary(issueId)) {
        const IssueInfo &info = summary->info;
        QString date = issueDateDisplay(info, true);
        // A year the issue does not print is a guess: said here too, as the tree's tooltip and the exports say it.
        if (info.dateUncertain())
            date = QCoreApplication::translate("dubao::MainWindow", "%1 (year uncertain: also %2)")
                       .arg(date, QLocale::c().toString(info.yearAlternatives.front()));
        else if (info.date.isValid() && info.dateInferred)
            date = QCoreApplication::translate("dubao::MainWindow", "%1 (year inferred)").arg(date);
        m_issue->setText(info.publication.isEmpty()
                             ? date
                             : QCoreApplication::translate("dubao::MainWindow", "%1, %2").arg(info.publication, date));
    } else {
        m_issue->clear();
    }
    if (article.isValid())
        m_position->setText(QCoreApplication::translate("dubao::MainWindow", "Article %1 of %2")
                                .arg(article.row() + 1)
                                .arg(model.rowCount(article.parent())));
    else
        m_position->clear();
    if (session && session->isTeamLibrary()) {
        const team::Access access = session->library().teamAccess();
        m_library->setText(QCoreApplication::translate("dubao::MainWindow", "Issues: %1 · Articles: %2 · %3 (%4)")
                               .arg(model.issueCount())
                               .arg(articleCount)
                               .arg(session->displayName(), roleName(access.role)));
    } else if (session)
        m_library->setText(QCoreApplication::translate("dubao::MainWindow", "Issues: %1 · Articles: %2 · %3")
                               .arg(model.issueCount())
                               .arg(articleCount)
                               .arg(QLocale().formattedDataSize(session->fileSize())));
    else
        m_library->setText(QCoreApplication::translate("dubao::MainWindow", "No library"));
}

QString StatusFields::roleName(const QString &role)
{
    if (role == QLatin1String("reader"))
        return QCoreApplication::translate("dubao::MainWindow", "reader");
    if (role == QLatin1String("annotator"))
        return QCoreApplication::translate("dubao::MainWindow", "annotator");
    if (role == QLatin1String("editor"))
        return QCoreApplication::translate("dubao::MainWindow", "editor");
    if (role == QLatin1String("owner"))
        return QCoreApplication::translate("dubao::MainWindow", "owner");
    return QCoreApplication::translate("dubao::MainWindow", "no role");
}

QString StatusFields::text() const
{
    return QStringList{m_issue->text(), m_position->text(), m_library->text()}.join(QStringLiteral(" | "));
}

} // namespace dubao
