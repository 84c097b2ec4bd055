#include "app/issues/issuedetailsdialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace dubao {

IssueDetailsDialog::IssueDetailsDialog(const IssueInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_original(info)
    , m_publication(new QLineEdit(info.publication, this))
    , m_dateKnown(new QCheckBox(tr("Date known"), this))
    , m_date(new QDateEdit(this))
{
    setWindowTitle(tr("Issue Details"));
    m_publication->setPlaceholderText(tr("e.g. 渝西都市报"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    QDate date = info.date;
    if (!date.isValid()) {
        // Offer the month and day the text gave, in the current year, so only the year needs changing.
        const int year = QDate::currentDate().year();
        date = info.month > 0 && info.day > 0 ? QDate(year, info.month, info.day) : QDate::currentDate();
        if (!date.isValid())
            date = QDate::currentDate();
    }
    m_date->setDate(date);
    m_dateKnown->setChecked(info.date.isValid());
    m_date->setEnabled(info.date.isValid());
    connect(m_dateKnown, &QCheckBox::toggled, m_date, &QWidget::setEnabled);

    auto *form = new QFormLayout;
    form->addRow(tr("&Publication:"), m_publication);
    form->addRow(QString(), m_dateKnown);
    form->addRow(tr("&Date:"), m_date);
    auto *hint = new QLabel(this);
    if (!info.date.isValid())
        hint->setText(info.month > 0 ? tr("The text gives only the month and day (%1-%2); enter the year.")
                                           .arg(info.month, 2, 10, QLatin1Char('0'))
                                           .arg(info.day, 2, 10, QLatin1Char('0'))
                                     : tr("The text gives no date for this issue."));
    else if (info.dateInferred)
        hint->setText(tr("The year was inferred from the text; correct it if it is wrong."));
    hint->setWordWrap(true);
    hint->setVisible(!hint->text().isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

IssueDetailsDialog::~IssueDetailsDialog() = default;

IssueInfo IssueDetailsDialog::info() const
{
    IssueInfo info = m_original;
    info.publication = m_publication->text().trimmed();
    if (m_dateKnown->isChecked()) {
        info.date = m_date->date();
        info.month = info.date.month();
        info.day = info.date.day();
        if (info.date != m_original.date)
            info.dateInferred = false; // the user stated it
    } else {
        info.date = QDate();
        info.dateInferred = false;
    }
    return info;
}

} // namespace dubao
