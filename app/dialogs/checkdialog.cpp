#include "dialogs/checkdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace dubao {

CheckDialog::CheckDialog(std::function<CheckReport(bool)> run, bool readOnly, QWidget *parent)
    : QDialog(parent)
    , m_run(std::move(run))
    , m_readOnly(readOnly)
    , m_text(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("checkDialog"));
    setWindowTitle(tr("Check Library"));
    m_text->setObjectName(QStringLiteral("checkReport"));
    m_text->setOpenLinks(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_repair = buttons->addButton(tr("&Repair"), QDialogButtonBox::ActionRole);
    m_repair->setObjectName(QStringLiteral("repairButton"));
    m_repair->setToolTip(tr("Rebuilds the search index and lists annotations that lost their place as orphans. "
                            "Nothing is deleted."));
    auto *again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_repair, &QPushButton::clicked, this, [this] { runCheck(true); });
    connect(again, &QPushButton::clicked, this, [this] { runCheck(false); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(buttons);
    resize(640, 420);
}

void CheckDialog::runCheck(bool repair)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_report = m_run(repair && !m_readOnly);
    QApplication::restoreOverrideCursor();
    m_text->setHtml(toHtml(m_report));
    const bool repairable = std::any_of(m_report.problems.cbegin(), m_report.problems.cend(),
                                        [](const CheckProblem &p) { return p.repairable; }) ||
                            !m_report.notices.isEmpty();
    m_repair->setEnabled(!m_readOnly && repairable);
}

QString CheckDialog::reportText() const
{
    return m_text->toPlainText();
}

QString CheckDialog::toHtml(const CheckReport &report)
{
    QString html;
    for (const QString &r : report.repaired)
        html += QStringLiteral("<p>✔ %1</p>").arg(r.toHtmlEscaped());
    if (report.healthy())
        html += QStringLiteral("<h3>%1</h3>").arg(tr("The library is healthy."));
    else
        html += QStringLiteral("<h3>%1</h3>").arg(tr("%n problem(s) found.", nullptr, int(report.problems.size())));
    for (const CheckProblem &p : report.problems)
        html += QStringLiteral("<p><b>%1</b><br/>%2 %3</p>")
                    .arg(p.message.toHtmlEscaped(), tr("To repair:"),
                         p.repairable ? tr("click Repair below (nothing is deleted).") : p.repair.toHtmlEscaped());
    for (const QString &n : report.notices)
        html += QStringLiteral("<p><i>%1</i></p>").arg(n.toHtmlEscaped());
    return html;
}

} // namespace dubao
