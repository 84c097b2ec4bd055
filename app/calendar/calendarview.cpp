// The archive's calendar view (calendarview.h).
#include "app/calendar/calendarview.h"

#include "app/calendar/yearcalendar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace dubao {

CalendarView::CalendarView(QWidget *parent)
    : QWidget(parent)
    , m_publication(new QComboBox)
    , m_years(new QComboBox)
    , m_summary(new QLabel)
    , m_year(new YearCalendar)
    , m_scroll(new QScrollArea)
{
    setObjectName(QStringLiteral("calendarView"));
    m_publication->setObjectName(QStringLiteral("calendarPublication"));
    m_years->setObjectName(QStringLiteral("calendarYear"));
    m_summary->setObjectName(QStringLiteral("calendarSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scroll->setWidget(m_year);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *legend = new QLabel(tr("Filled: an issue · outlined with ?: its year was inferred · orange: no issue "
                                 "(a gap) · click a day to read its issue"));
    legend->setWordWrap(true);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_publication, 1);
    controls->addWidget(m_years);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(legend);
    layout->addWidget(m_scroll, 1);

    connect(m_publication, &QComboBox::currentIndexChanged, this, [this] {
        fillYears();
        showSelected();
    });
    connect(m_years, &QComboBox::currentIndexChanged, this, &CalendarView::showSelected);
    connect(m_year, &YearCalendar::issueActivated, this, &CalendarView::issueActivated);
}

CalendarView::~CalendarView() = default;

void CalendarView::setIssues(const QList<IssueSummary> &issues)
{
    const QString publication = m_publication->currentText();
    const int year = m_years->currentData().toInt();
    m_calendars = archiveCalendar(issues);
    {
        const QSignalBlocker blocker(m_publication);
        m_publication->clear();
        for (const PublicationCalendar &c : std::as_const(m_calendars))
            m_publication->addItem(c.publication.isEmpty() ? tr("(no publication named)") : c.publication);
        const int keep = m_publication->findText(publication);
        m_publication->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    fillYears();
    if (const int keep = m_years->findData(year); keep >= 0)
        m_years->setCurrentIndex(keep);
    showSelected();
}

void CalendarView::showYear(int publication, int year)
{
    m_publication->setCurrentIndex(publication);
    m_years->setCurrentIndex(m_years->findData(year));
}

void CalendarView::fillYears()
{
    const QSignalBlocker blocker(m_years);
    m_years->clear();
    const int index = m_publication->currentIndex();
    if (index < 0 || index >= m_calendars.size() || m_calendars[index].days.isEmpty())
        return;
    const PublicationCalendar &c = m_calendars[index];
    for (int y = c.first().year(); y <= c.last().year(); ++y)
        m_years->addItem(QString::number(y), y);
    m_years->setCurrentIndex(m_years->count() - 1);
}

QString CalendarView::summary() const
{
    return m_summary->text();
}

void CalendarView::showSelected()
{
    const int index = m_publication->currentIndex();
    if (index < 0 || index >= m_calendars.size()) {
        m_summary->setText(tr("The library has no issues."));
        m_year->setCalendar({}, 0);
        return;
    }
    const PublicationCalendar &c = m_calendars[index];
    const QLocale locale;
    QStringList parts;
    parts.append(tr("%n issue(s)", nullptr, c.issueCount()));
    if (!c.days.isEmpty()) {
        parts.append(tr("from %1 to %2")
                         .arg(locale.toString(c.first(), QLocale::ShortFormat),
                              locale.toString(c.last(), QLocale::ShortFormat)));
        parts.append(tr("%n date(s) without an issue", nullptr, int(c.missing.size())));
    }
    if (const int inferred = c.inferredDays())
        parts.append(tr("%n date(s) inferred", nullptr, inferred));
    if (c.undated > 0)
        parts.append(tr("%n issue(s) without a year (not shown)", nullptr, c.undated));
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_year->setCalendar(c, m_years->currentData().toInt());
}

} // namespace dubao
