#include "app/issues/issuedetailsdialog.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace dubao {

namespace {

QString yearList(const QList<int> &years)
{
    QStringList parts;
    for (int year : years)
        parts << QString::number(year);
    return parts.join(QStringLiteral(", "));
}

} // namespace

IssueDetailsDialog::IssueDetailsDialog(const IssueInfo &info, QWidget *parent)
    : QDialog(parent)
    , m_original(info)
    , m_publication(new QLineEdit(info.publication, this))
    , m_dateKnown(new QCheckBox(tr("Date known"), this))
    , m_date(new QDateEdit(this))
    , m_evidence(new QLabel(this))
    , m_yearChecked(new QCheckBox(tr("The year is &right: I checked it"), this))
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
    // An inferred year the user has checked becomes their own (evidence "user"): no longer flagged, and kept by
    // every re-parse. Changing the date does the same; this is for a year that was right.
    form->addRow(QString(), m_yearChecked);
    m_yearChecked->setToolTip(tr("The year stops being marked as inferred or uncertain, and a re-parse keeps it"));
    m_yearChecked->setVisible(info.date.isValid() && info.dateInferred);
    connect(m_dateKnown, &QCheckBox::toggled, m_yearChecked, &QWidget::setEnabled);
    auto *hint = new QLabel(this);
    if (!info.date.isValid())
        hint->setText(info.month > 0 ? tr("The text gives only the month and day (%1-%2); enter the year.")
                                           .arg(info.month, 2, 10, QLatin1Char('0'))
                                           .arg(info.day, 2, 10, QLatin1Char('0'))
                                     : tr("The text gives no date for this issue."));
    else if (info.dateUncertain())
        hint->setText(tr("The year is uncertain: the evidence points at %1 and also at %2. Check it and correct "
                         "it if it is wrong.")
                          .arg(info.date.year())
                          .arg(yearList(info.yearAlternatives)));
    else if (info.dateInferred)
        hint->setText(tr("The year was inferred from the text; correct it if it is wrong."));
    hint->setWordWrap(true);
    hint->setVisible(!hint->text().isEmpty());

    const QStringList evidence = evidenceLines(info);
    if (!evidence.isEmpty()) {
        QString html = QStringLiteral("<b>%1</b><ul style=\"margin-left:-20px\">")
                           .arg(tr("What the year was worked out from:").toHtmlEscaped());
        for (const QString &line : evidence)
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        m_evidence->setText(html + QStringLiteral("</ul>"));
    }
    m_evidence->setTextFormat(Qt::RichText);
    m_evidence->setWordWrap(true);
    m_evidence->setVisible(!evidence.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_evidence);
    layout->addWidget(buttons);
    setMinimumWidth(420);
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
        if (info.date != m_original.date || (m_original.dateInferred && m_yearChecked->isChecked())) {
            info.dateInferred = false; // the user stated it
            info.yearAlternatives.clear();
            info.yearEvidence.prepend(YearEvidence{YearEvidence::Kind::User, info.date.year(), info.date.year(), {}});
        }
    } else {
        info.date = QDate();
        info.dateInferred = false;
        info.yearAlternatives.clear();
    }
    return info;
}

QStringList IssueDetailsDialog::evidenceLines(const IssueInfo &info)
{
    using Kind = YearEvidence::Kind;
    QStringList lines;
    for (const YearEvidence &e : info.yearEvidence) {
        switch (e.kind) {
        case Kind::StatedDate:
            lines << tr("The issue prints its date: %1").arg(e.text);
            break;
        case Kind::Weekday:
            lines << tr("The issue prints the weekday: %1").arg(e.text);
            break;
        case Kind::YearMention:
            lines << tr("The latest year the text names: %1 (“%2”)").arg(e.year).arg(e.text);
            break;
        case Kind::AnnualReview:
            lines << tr("A review of the past year early in the year (“%1”) points at %2").arg(e.text).arg(e.year);
            break;
        case Kind::PlanRange:
            lines << tr("A range of coming years named late in the year (“%1”) points at %2").arg(e.text).arg(e.year);
            break;
        case Kind::EraTerm:
            lines << (e.year == e.lastYear ? tr("“%1” is used in %2 only").arg(e.text).arg(e.year)
                                           : tr("“%1” is used in %2–%3").arg(e.text).arg(e.year).arg(e.lastYear));
            break;
        case Kind::Path:
            lines << tr("The file’s name or folder carries a date (“%1”): %2").arg(e.text).arg(e.year);
            break;
        case Kind::User:
            lines << tr("You set the year: %1").arg(e.year);
            break;
        case Kind::Neighbours:
            lines << tr("The issues imported beside it print their dates (%1): %2").arg(e.text).arg(e.year);
            break;
        }
    }
    return lines;
}

} // namespace dubao
