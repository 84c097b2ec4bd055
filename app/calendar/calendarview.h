// The archive's calendar view: a publication, a year, a summary (issues, first and last date, dates missing
// between them, dates inferred, issues without a year) and the year's twelve months (YearCalendar). A click on
// a day with an issue emits issueActivated.
#pragma once

#include "core/analysis/archivecalendar.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QScrollArea;

namespace dubao {

class YearCalendar;

class CalendarView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarView)

public:
    explicit CalendarView(QWidget *parent = nullptr);
    ~CalendarView() override;

    /// Shows the calendars of these issues (the first publication, its last year, unless the ones shown before
    /// are still there).
    void setIssues(const QList<IssueSummary> &issues);
    const QList<PublicationCalendar> &calendars() const { return m_calendars; }
    void showYear(int publication, int year);
    YearCalendar *year() const { return m_year; }
    QString summary() const;

signals:
    void issueActivated(qint64 issueId);

private:
    void fillYears();
    void showSelected();

    QList<PublicationCalendar> m_calendars;
    QComboBox *m_publication;
    QComboBox *m_years;
    QLabel *m_summary;
    YearCalendar *m_year;
    QScrollArea *m_scroll;
};

} // namespace dubao
