// A person's timeline (persontimeline.h).
#include "app/people/persontimeline.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

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
    m_first = QDate();
    m_last = QDate();
    bool withoutOffice = false;
    for (qsizetype k = 0; k < appearances.size(); ++k) {
        const QString &office = appearances.office(k);
        if (office.isEmpty())
            withoutOffice = true;
        else if (!m_rows.contains(office))
            m_rows.append(office);
        if (const std::optional<QDate> date = appearances.date(k)) {
            if (!m_first.isValid() || *date < m_first)
                m_first = *date;
            if (!m_last.isValid() || *date > m_last)
                m_last = *date;
        }
    }
    if (withoutOffice)
        m_rows.append(tr("(no office)"));
    setMinimumHeight(std::max(52, heightFor(int(m_rows.size()))));
    updateGeometry();
    update();
}

int PersonTimeline::rowOf(qsizetype index) const
{
    const QString &office = m_appearances.office(index);
    return office.isEmpty() ? int(m_rows.size()) - 1 : int(m_rows.indexOf(office));
}

int PersonTimeline::heightFor(int rows) const
{
    // The legend above the plot, the dates below it (plot()), and a line of height per row at least.
    const int line = fontMetrics().height();
    return 8 + line + 8 + rows * (line + 2) + 8 + line + 6;
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
    return QRect(QPoint(8 + labels + 8, 8 + line + 8), QPoint(width() - 16, height() - 8 - line - 6));
}

QPointF PersonTimeline::markOf(int index) const
{
    const std::optional<QDate> date =
        index < 0 || index >= m_appearances.size() ? std::nullopt : m_appearances.date(index);
    if (!date || m_rows.isEmpty())
        return {};
    const QRect p = plot();
    const qint64 span = std::max<qint64>(1, m_first.daysTo(m_last));
    const double x = m_first == m_last ? p.center().x() : p.left() + double(m_first.daysTo(*date)) / span * p.width();
    const double rowHeight = double(p.height()) / double(m_rows.size());
    return QPointF(x, p.top() + (rowOf(index) + 0.5) * rowHeight);
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
    const double rowHeight = double(p.height()) / double(m_rows.size());
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        const double y = p.top() + (double(r) + 0.5) * rowHeight;
        painter.setPen(grid);
        painter.drawLine(QPointF(p.left(), y), QPointF(p.right(), y));
        painter.setPen(text);
        painter.drawText(QRectF(8, y - line / 2.0, p.left() - 16, line), Qt::AlignRight | Qt::AlignVCenter, m_rows[r]);
    }
    painter.drawText(QRect(p.left(), p.bottom() + 6, p.width() / 2, line), Qt::AlignLeft,
                     m_first.toString(Qt::ISODate));
    painter.drawText(QRect(p.center().x(), p.bottom() + 6, p.width() / 2, line), Qt::AlignRight,
                     m_last.toString(Qt::ISODate));
    for (qsizetype k = 0; k < m_appearances.size(); ++k) {
        const QPointF mark = markOf(int(k));
        if (mark.isNull())
            continue;
        painter.setPen(QPen(palette().color(QPalette::Base), 1));
        painter.setBrush(roleColor(m_appearances.role(k)));
        painter.drawEllipse(mark, 5, 5);
    }
}

int PersonTimeline::appearanceAt(const QPointF &pos) const
{
    int best = -1;
    double bestDistance = 8;
    for (qsizetype k = 0; k < m_appearances.size(); ++k) {
        const QPointF mark = markOf(int(k));
        if (mark.isNull())
            continue;
        const double d = QLineF(mark, pos).length();
        if (d < bestDistance) {
            bestDistance = d;
            best = int(k);
        }
    }
    return best;
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
    const int index = appearanceAt(help->pos());
    if (index < 0) {
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    const std::optional<QDate> date = m_appearances.date(index);
    const QString office = m_appearances.office(index).isEmpty() ? tr("(no office)") : m_appearances.office(index);
    const QString role = m_appearances.role(index).isEmpty() ? tr("other") : m_appearances.role(index);
    QToolTip::showText(help->globalPos(),
                       tr("%1 · %2 · %3").arg(date ? date->toString(Qt::ISODate) : QString(), office, role), this);
    return true;
}

} // namespace dubao
