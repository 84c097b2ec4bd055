// One year of one publication's calendar, painted: twelve months, each day a cell that says whether the archive
// has that day's issue (filled), has it with an inferred year (outlined and marked), or misses it within the
// publication's run (a gap: tinted). A click on a day with an issue emits issueActivated.
#pragma once

#include "core/analysis/archivecalendar.h"

#include <QWidget>

namespace dubao {

class YearCalendar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(YearCalendar)

public:
    explicit YearCalendar(QWidget *parent = nullptr);
    ~YearCalendar() override;

    void setCalendar(const PublicationCalendar &calendar, int year);
    int year() const { return m_year; }
    /// The date of the cell at `pos`; invalid outside the days.
    QDate dateAt(const QPoint &pos) const;
    /// The cell of `date` (for tests and tooltips).
    QRect cellOf(const QDate &date) const;

    QSize sizeHint() const override;

signals:
    void issueActivated(qint64 issueId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect monthRect(int month) const;
    int cellSize() const;
    int minimumCell() const;

    PublicationCalendar m_calendar;
    QSet<QDate> m_missing;
    int m_year = 0;
};

} // namespace dubao
