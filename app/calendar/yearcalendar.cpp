// The painted year of the archive's calendar (yearcalendar.h).
#include "app/calendar/yearcalendar.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace dubao {

namespace {

constexpr int kColumns = 4; // months per row
constexpr int kGap = 12;

} // namespace

YearCalendar::YearCalendar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("yearCalendar"));
    setMouseTracking(true);
    setMinimumSize(sizeHint()); // the scroll area scrolls rather than squeezing the days
}

YearCalendar::~YearCalendar() = default;

void YearCalendar::setCalendar(const PublicationCalendar &calendar, int year)
{
    m_calendar = calendar;
    m_missing = QSet<QDate>(calendar.missing.cbegin(), calendar.missing.cend());
    m_year = year;
    update();
}

int YearCalendar::cellSize() const
{
    // Seven days and a margin per month, four months a row; three rows of a title and six weeks.
    const int line = fontMetrics().height();
    const int byWidth = (width() - (kColumns + 1) * kGap) / (kColumns * 7);
    const int byHeight = (height() - 4 * kGap - 3 * 2 * line) / (3 * 6);
    return std::max(minimumCell(), std::min(byWidth, byHeight));
}

int YearCalendar::minimumCell() const
{
    // Room for "28?" and for a month's title over seven cells.
    const QFontMetrics metrics = fontMetrics();
    return std::max(metrics.height() + 4, metrics.horizontalAdvance(QStringLiteral("28?")) + 6);
}

QSize YearCalendar::sizeHint() const
{
    const int line = fontMetrics().height();
    const int cell = minimumCell();
    return QSize(kColumns * 7 * cell + (kColumns + 1) * kGap, 3 * (6 * cell + 2 * line) + 4 * kGap);
}

QRect YearCalendar::monthRect(int month) const
{
    const int cell = cellSize();
    const int line = fontMetrics().height();
    const int w = 7 * cell;
    const int h = 2 * line + 6 * cell;
    const int column = (month - 1) % kColumns;
    const int row = (month - 1) / kColumns;
    return QRect(kGap + column * (w + kGap), kGap + row * (h + kGap), w, h);
}

QRect YearCalendar::cellOf(const QDate &date) const
{
    if (date.year() != m_year)
        return {};
    const int cell = cellSize();
    const QRect month = monthRect(date.month());
    const int offset = QDate(date.year(), date.month(), 1).dayOfWeek() - 1; // weeks start on Monday
    const int index = offset + date.day() - 1;
    return QRect(month.left() + (index % 7) * cell, month.top() + 2 * fontMetrics().height() + (index / 7) * cell, cell,
                 cell);
}

QDate YearCalendar::dateAt(const QPoint &pos) const
{
    if (m_year <= 0)
        return {};
    for (int month = 1; month <= 12; ++month) {
        if (!monthRect(month).contains(pos))
            continue;
        const QDate first(m_year, month, 1);
        for (QDate d = first; d.month() == month; d = d.addDays(1))
            if (cellOf(d).contains(pos))
                return d;
    }
    return {};
}

void YearCalendar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (m_year <= 0)
        return;
    const QLocale locale;
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    const int cell = cellSize();
    const QColor text = palette().color(QPalette::Text);
    const QColor has = palette().color(QPalette::Highlight);
    const QColor hasText = palette().color(QPalette::HighlightedText);
    QColor gap(0xD5, 0x5E, 0x00); // a gap: orange, readable on light and dark
    gap.setAlphaF(0.45);
    QColor muted = text;
    muted.setAlphaF(0.45);

    for (int month = 1; month <= 12; ++month) {
        const QRect r = monthRect(month);
        const int count = m_calendar.perMonth.value(QDate(m_year, month, 1));
        painter.setPen(text);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("%1 · %2", "month · issues").arg(locale.standaloneMonthName(month)).arg(count));
        painter.setFont(font());
        painter.setPen(muted);
        for (int d = 1; d <= 7; ++d)
            painter.drawText(QRect(r.left() + (d - 1) * cell, r.top() + line, cell, line), Qt::AlignCenter,
                             locale.dayName(d, QLocale::NarrowFormat));
        for (QDate date(m_year, month, 1); date.month() == month; date = date.addDays(1)) {
            const QRect c = cellOf(date).adjusted(1, 1, -1, -1);
            const auto day = m_calendar.days.constFind(date);
            if (day != m_calendar.days.cend()) {
                if (day->inferred) {
                    painter.setPen(QPen(has, 2));
                    painter.setBrush(Qt::NoBrush);
                    painter.drawRect(c.adjusted(1, 1, -1, -1));
                    painter.setPen(text);
                } else {
                    painter.fillRect(c, has);
                    painter.setPen(hasText);
                }
            } else if (m_missing.contains(date)) {
                painter.fillRect(c, gap);
                painter.setPen(text);
            } else {
                painter.setPen(muted);
            }
            QString label = QString::number(date.day());
            if (day != m_calendar.days.cend() && day->inferred)
                label += u'?';
            painter.drawText(c, Qt::AlignCenter, label);
        }
    }
}

void YearCalendar::mousePressEvent(QMouseEvent *event)
{
    const QDate date = dateAt(event->position().toPoint());
    const auto day = m_calendar.days.constFind(date);
    if (event->button() == Qt::LeftButton && day != m_calendar.days.cend())
        emit issueActivated(day->issueId);
}

bool YearCalendar::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QDate date = dateAt(help->pos());
        if (!date.isValid()) {
            QToolTip::hideText();
            return true;
        }
        const auto day = m_calendar.days.constFind(date);
        QString tip = QLocale().toString(date, QLocale::LongFormat) + u'\n';
        if (day == m_calendar.days.cend())
            tip += m_missing.contains(date) ? tr("No issue: a gap in the archive") : tr("No issue");
        else
            tip += tr("%n issue(s)", nullptr, day->issues) +
                   (day->inferred ? u'\n' + tr("The year was inferred, not printed") : QString());
        QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    if (event->type() == QEvent::MouseMove) {
        const QDate date = dateAt(static_cast<QMouseEvent *>(event)->position().toPoint());
        setCursor(m_calendar.days.contains(date) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    }
    return QWidget::event(event);
}

} // namespace dubao
