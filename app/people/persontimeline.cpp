// A person's timeline (persontimeline.h).
#include "app/people/persontimeline.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <vector>

namespace dubao {

namespace {

const QStringList &roles()
{
    static const QStringList list{QStringLiteral("主持"), QStringLiteral("出席"), QStringLiteral("列席"),
                                  QStringLiteral("讲话"), QStringLiteral("调研"), QStringLiteral("参加")};
    return list;
}

} // namespace

PersonTimeline::PersonTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("personTimeline"));
    // The legend and two rows; the dock of a 1024×700 window in Chinese has no more. More rows raise the minimum
    // (setAppearances): the view keeps the timeline in a scroll area, so a row's label never overlaps the next.
    setMinimumHeight(52);
}

PersonTimeline::~PersonTimeline() = default;

QColor PersonTimeline::roleColor(const QString &role)
{
    static const QColor colors[] = {QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0x56, 0xB4, 0xE9),
                                    QColor(0xCC, 0x79, 0xA7), QColor(0x00, 0x9E, 0x73), QColor(0xE6, 0x9F, 0x00)};
    const qsizetype index = roles().indexOf(role);
    return index < 0 ? QColor(0x99, 0x99, 0x99) : colors[index];
}

void PersonTimeline::setAppearances(const AppearanceOutlines &appearances)
{
    m_appearances = appearances;
    m_rows.clear();
    m_rowsOfKey.clear();
    m_first = QDate();
    m_last = QDate();
    // Each spelling of offices once, in the order of appearance (so the rows are the offices by first appearance):
    // `区委副书记、区长` puts its mark on the row of 区委副书记 and on the row of 区长.
    QList<bool> seen(appearances.officesKeyCount(), false);
    QList<int> withoutOffice;
    for (qsizetype k = 0; k < appearances.size(); ++k) {
        if (const int key = appearances.officesKey(k); !seen[key]) {
            seen[key] = true;
            for (const QString &office : appearances.officesOfKey(key))
                if (!m_rows.contains(office))
                    m_rows.append(office);
            if (appearances.officesOfKey(key).isEmpty())
                withoutOffice.append(key);
        }
        if (const std::optional<QDate> date = appearances.date(k)) {
            if (!m_first.isValid() || *date < m_first)
                m_first = *date;
            if (!m_last.isValid() || *date > m_last)
                m_last = *date;
        }
    }
    if (!withoutOffice.isEmpty())
        m_rows.append(tr("(no office)"));
    m_rowsOfKey.resize(appearances.officesKeyCount());
    for (int key = 0; key < appearances.officesKeyCount(); ++key) {
        for (const QString &office : appearances.officesOfKey(key))
            if (const int row = int(m_rows.indexOf(office)); row >= 0 && !m_rowsOfKey[key].contains(row))
                m_rowsOfKey[key].append(row);
        if (withoutOffice.contains(key))
            m_rowsOfKey[key].append(int(m_rows.size()) - 1);
    }
    setMinimumHeight(std::max(52, heightFor(int(m_rows.size()))));
    updateGeometry();
    update();
}

int PersonTimeline::heightFor(int rows) const
{
    // The legend, the dates under it, then a line of height per row at least (plot()).
    const int line = fontMetrics().height();
    return 8 + line + 4 + line + 8 + rows * (line + 2) + 8;
}

QSize PersonTimeline::sizeHint() const
{
    const int line = fontMetrics().height();
    return QSize(600, std::max(heightFor(int(m_rows.size())), (int(m_rows.size()) + 3) * (line + 8)));
}

QRect PersonTimeline::plot() const
{
    const QFontMetrics metrics = fontMetrics();
    int labels = 0;
    for (const QString &row : m_rows)
        labels = std::max(labels, metrics.horizontalAdvance(row));
    const int line = metrics.height();
    return QRect(QPoint(8 + labels + 8, 8 + line + 4 + line + 8), QPoint(width() - 16, height() - 8));
}

QRect PersonTimeline::dateAxis() const
{
    const QRect p = plot();
    const int line = fontMetrics().height();
    return QRect(p.left(), 8 + line + 4, p.width(), line);
}

double PersonTimeline::xOf(const QDate &date, const QRect &plot) const
{
    const qint64 span = std::max<qint64>(1, m_first.daysTo(m_last));
    return m_first == m_last ? plot.center().x() : plot.left() + double(m_first.daysTo(date)) / span * plot.width();
}

double PersonTimeline::yOf(int row, const QRect &plot) const
{
    const double rowHeight = double(plot.height()) / double(m_rows.size());
    return plot.top() + (row + 0.5) * rowHeight;
}

QList<QPointF> PersonTimeline::marksOf(int index) const
{
    const std::optional<QDate> date =
        index < 0 || index >= m_appearances.size() ? std::nullopt : m_appearances.date(index);
    if (!date || m_rows.isEmpty())
        return {};
    const QRect p = plot();
    const double x = xOf(*date, p);
    QList<QPointF> marks;
    for (const int row : rowsOf(index))
        marks.append(QPointF(x, yOf(row, p)));
    return marks;
}

QPointF PersonTimeline::markOf(int index) const
{
    const QList<QPointF> marks = marksOf(index);
    return marks.isEmpty() ? QPointF() : marks.front();
}

void PersonTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QColor text = palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.15);
    const QFontMetrics metrics = fontMetrics();
    const int line = metrics.height();
    if (m_rows.isEmpty() || !m_first.isValid()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No dated appearance."));
        return;
    }
    // The legend: the roles.
    int x = 8;
    for (const QString &role : roles() + QStringList{QString()}) {
        painter.setBrush(roleColor(role));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(x + 5, 8 + line / 2.0), 5, 5);
        painter.setPen(text);
        const QString label = role.isEmpty() ? tr("other") : role;
        painter.drawText(QRect(x + 14, 8, metrics.horizontalAdvance(label) + 2, line), Qt::AlignVCenter, label);
        x += 14 + metrics.horizontalAdvance(label) + 14;
    }
    const QRect p = plot();
    const QRect dates = dateAxis();
    painter.drawText(QRect(dates.left(), dates.top(), dates.width() / 2, line), Qt::AlignLeft,
                     m_first.toString(Qt::ISODate));
    painter.drawText(QRect(dates.center().x(), dates.top(), dates.width() / 2, line), Qt::AlignRight,
                     m_last.toString(Qt::ISODate));
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        const double y = yOf(int(r), p);
        painter.setPen(grid);
        painter.drawLine(QPointF(p.left(), y), QPointF(p.right(), y));
        painter.setPen(text);
        painter.drawText(QRectF(8, y - line / 2.0, p.left() - 16, line), Qt::AlignRight | Qt::AlignVCenter, m_rows[r]);
    }
    // A mark per appearance and office, drawn once per pixel, row and role (226,795 appearances fill ~1,000 pixels).
    // The marks come in date order: one closer than kOutlinedSpacing to the last of its row has no outline, so a
    // dense stretch is a band of the roles' colours instead of a chain of rings.
    const qsizetype columns = qsizetype(p.width()) + 2;
    const qsizetype colours = roles().size() + 1;
    std::vector<bool> drawn(size_t(m_rows.size() * columns * colours), false);
    std::vector<double> lastX(size_t(m_rows.size()), -1e9);
    const QPen outline(palette().color(QPalette::Base), 1);
    for (qsizetype k = 0; k < m_appearances.size(); ++k) {
        const std::optional<QDate> date = m_appearances.date(k);
        if (!date)
            continue;
        const double markX = xOf(*date, p);
        const qsizetype column = std::clamp<qsizetype>(qsizetype(markX) - p.left(), 0, columns - 1);
        const QString &role = m_appearances.role(k);
        const qsizetype colour = roles().indexOf(role) + 1;
        for (const int row : rowsOf(k)) {
            const size_t slot = size_t((row * columns + column) * colours + colour);
            if (drawn[slot])
                continue;
            drawn[slot] = true;
            const bool crowded = markX - lastX[size_t(row)] < kOutlinedSpacing;
            lastX[size_t(row)] = markX;
            painter.setPen(crowded ? QPen(Qt::NoPen) : outline);
            painter.setBrush(roleColor(role));
            painter.drawEllipse(QPointF(markX, yOf(row, p)), 5, 5);
        }
    }
}

PersonTimeline::Hit PersonTimeline::hitAt(const QPointF &pos) const
{
    Hit best;
    if (m_rows.isEmpty() || !m_first.isValid())
        return best;
    const QRect p = plot();
    double bestDistance = 8;
    for (qsizetype k = 0; k < m_appearances.size(); ++k) {
        const std::optional<QDate> date = m_appearances.date(k);
        if (!date)
            continue;
        const double markX = xOf(*date, p);
        if (std::abs(markX - pos.x()) >= bestDistance)
            continue;
        for (const int row : rowsOf(k)) {
            const double d = QLineF(QPointF(markX, yOf(row, p)), pos).length();
            if (d < bestDistance) {
                bestDistance = d;
                best = {int(k), row};
            }
        }
    }
    return best;
}

int PersonTimeline::appearanceAt(const QPointF &pos) const
{
    return hitAt(pos).index;
}

void PersonTimeline::mousePressEvent(QMouseEvent *event)
{
    if (const int index = appearanceAt(event->position()); index >= 0)
        emit appearanceActivated(index);
}

bool PersonTimeline::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    // Hovering a mark names it: the date, the office and the role (a click opens it).
    auto *help = static_cast<QHelpEvent *>(event);
    const Hit hit = hitAt(help->pos());
    if (hit.index < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const int index = hit.index;
    const std::optional<QDate> date = m_appearances.date(index);
    const QString office = m_rows[hit.row]; // the office of the row hovered ("(no office)" included)
    const QString role = m_appearances.role(index).isEmpty() ? tr("other") : m_appearances.role(index);
    QToolTip::showText(help->globalPos(),
                       tr("%1 · %2 · %3").arg(date ? date->toString(Qt::ISODate) : QString(), office, role), this);
    return true;
}

} // namespace dubao
