// The trend chart's drawing and hit testing (trendchart.h).
#include "app/trends/trendchart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

namespace dubao {

namespace {

constexpr int kMargin = 10;
constexpr int kTick = 4;

QString valueText(double value)
{
    return value >= 100  ? QString::number(value, 'f', 0)
           : value >= 10 ? QString::number(value, 'f', 1)
                         : QString::number(value, 'g', 3);
}

/// An axis label: as many decimals as the tick step needs, the same for every label (0, 5, 10, 15; 0, 0.5, 1.0).
QString tickText(double value, double tick)
{
    const int decimals = tick >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(tick) - 1e-9)));
    return QString::number(value, 'f', decimals);
}

// A round step for about `ticks` ticks up to `max`: 1, 2 or 5 times a power of ten.
double niceStep(double max, int ticks)
{
    const double raw = max / std::max(1, ticks);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (raw <= factor * power)
            return factor * power;
    return 10 * power;
}

} // namespace

struct TrendChart::Layout
{
    QRect plot;
    QRect legend;
    double step = 0;    ///< pixels per period
    double top = 1;     ///< the value at the plot's top
    double tick = 1;    ///< the value between two grid lines
    int labelEvery = 1; ///< every how many periods a label fits

    double x(qsizetype bucket) const { return plot.left() + (double(bucket) + 0.5) * step; }
    double y(double value) const { return plot.bottom() - value / top * plot.height(); }
};

TrendChart::TrendChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("trendChart"));
    // Low enough for the dock under the reading pane of a 1024×700 window, in Chinese with two docks tabbed too (its
    // taller font and the tab bar; tst_firsthour checks English): the axes, the legend and
    // a plot of a few lines still fit; the dock grows it when there is room.
    setMinimumSize(320, 76);
    setMouseTracking(true);
}

TrendChart::~TrendChart() = default;

void TrendChart::setTrend(const Trend &trend)
{
    m_trend = trend;
    update();
}

void TrendChart::setStyle(Style style)
{
    m_style = style;
    update();
}

QColor TrendChart::seriesColor(int index)
{
    // Okabe and Ito's colours, told apart by colour-blind readers and readable on light and dark backgrounds.
    static const QColor colors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                    QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                    QColor(0xF0, 0xE4, 0x42)};
    return colors[index % int(std::size(colors))];
}

double TrendChart::maxValue() const
{
    double max = 0;
    for (const TrendSeries &series : m_trend.series)
        for (const std::optional<double> &v : series.values)
            if (v)
                max = std::max(max, *v);
    return max;
}

TrendChart::Layout TrendChart::layout(const QRect &rect, const QFontMetrics &metrics) const
{
    Layout l;
    const double max = maxValue();
    // Up to five grid lines, fewer when the plot is too low for their labels not to run into each other (the
    // dock's least height at 1024×700).
    const int line = metrics.height();
    const int plotHeight = rect.height() - 2 * kMargin - 3 * line - kTick - 8;
    l.tick = max > 0 ? niceStep(max, std::clamp(plotHeight / (line + 2), 1, 5)) : 1;
    l.top = std::max(l.tick, std::ceil(max / l.tick) * l.tick);
    int labelWidth = 0;
    for (double v = 0; v <= l.top + l.tick / 2; v += l.tick)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(tickText(v, l.tick)));
    l.legend = QRect(rect.left() + kMargin, rect.top() + kMargin, rect.width() - 2 * kMargin, line);
    l.plot = QRect(QPoint(rect.left() + kMargin + labelWidth + kTick + 4, l.legend.bottom() + line + 4),
                   QPoint(rect.right() - kMargin, rect.bottom() - kMargin - line - kTick - 4));
    const qsizetype n = std::max<qsizetype>(1, m_trend.buckets.size());
    l.step = double(l.plot.width()) / double(n);
    int widest = 0;
    for (const TrendBucket &b : m_trend.buckets)
        widest = std::max(widest, metrics.horizontalAdvance(b.label(m_trend.period)));
    l.labelEvery = std::max(1, int(std::ceil((widest + 12) / std::max(1.0, l.step))));
    return l;
}

void TrendChart::paint(QPainter &painter, const QRect &rect, const QPalette &palette, const QFont &font) const
{
    painter.save();
    painter.setFont(font);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect, palette.color(QPalette::Base));
    const QFontMetrics metrics(font);
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.15);
    QColor gap = text;
    gap.setAlphaF(0.07);

    if (m_trend.buckets.isEmpty()) {
        painter.setPen(palette.color(QPalette::PlaceholderText));
        painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap,
                         m_trend.series.isEmpty() ? tr("Type one or more queries and press Draw.")
                                                  : tr("The library has no dated issues."));
        painter.restore();
        return;
    }
    const Layout l = layout(rect, metrics);

    // The legend: a swatch and the query per series, then what the values are.
    int x = l.legend.left();
    for (qsizetype s = 0; s < m_trend.series.size(); ++s) {
        painter.fillRect(QRect(x, l.legend.center().y() - 4, 16, 8), seriesColor(int(s)));
        x += 20;
        painter.setPen(text);
        const QString label = m_trend.series[s].query;
        painter.drawText(QRect(x, l.legend.top(), metrics.horizontalAdvance(label) + 1, l.legend.height()),
                         Qt::AlignVCenter, label);
        x += metrics.horizontalAdvance(label) + 16;
    }
    painter.setPen(palette.color(QPalette::PlaceholderText));
    painter.drawText(QRect(x, l.legend.top(), std::max(0, l.legend.right() - x), l.legend.height()),
                     Qt::AlignVCenter | Qt::AlignRight,
                     m_trend.measure == TrendMeasure::PerIssue ? tr("hits per issue")
                                                               : tr("hits per 10,000 characters"));

    // Periods without issues: shaded, so a gap in the archive is not read as silence.
    const qsizetype n = m_trend.buckets.size();
    for (qsizetype b = 0; b < n; ++b)
        if (m_trend.buckets[b].issues == 0)
            painter.fillRect(QRectF(l.plot.left() + double(b) * l.step, l.plot.top(), l.step, l.plot.height()), gap);

    // The value grid and its labels.
    for (double v = 0; v <= l.top + l.tick / 2; v += l.tick) {
        const double y = l.y(v);
        painter.setPen(grid);
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
        painter.setPen(text);
        const QString label = tickText(v, l.tick);
        painter.drawText(QRectF(rect.left(), y - metrics.height() / 2.0, l.plot.left() - kTick - 2, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, label);
    }
    // The periods.
    painter.setPen(text);
    painter.drawLine(l.plot.bottomLeft(), l.plot.bottomRight());
    for (qsizetype b = 0; b < n; b += l.labelEvery) {
        const double cx = l.x(b);
        painter.drawLine(QPointF(cx, l.plot.bottom()), QPointF(cx, l.plot.bottom() + kTick));
        const QString label = m_trend.buckets[b].label(m_trend.period);
        const int w = metrics.horizontalAdvance(label) + 2;
        painter.drawText(QRectF(cx - w / 2.0, l.plot.bottom() + kTick + 2, w, metrics.height()), Qt::AlignCenter,
                         label);
    }

    // The series.
    const qsizetype count = m_trend.series.size();
    for (qsizetype s = 0; s < count; ++s) {
        const TrendSeries &series = m_trend.series[s];
        const QColor color = seriesColor(int(s));
        if (m_style == Style::Bars) {
            const double group = l.step * 0.8;
            const double width = group / double(count);
            for (qsizetype b = 0; b < n; ++b) {
                if (!series.values.value(b))
                    continue;
                const double left = l.x(b) - group / 2 + double(s) * width;
                const double y = l.y(*series.values[b]);
                painter.fillRect(QRectF(left, y, std::max(1.0, width - 1), l.plot.bottom() - y), color);
            }
            continue;
        }
        QPainterPath path;
        bool drawing = false;
        for (qsizetype b = 0; b < n; ++b) {
            const std::optional<double> v = series.values.value(b);
            if (!v) {
                drawing = false; // a gap breaks the line
                continue;
            }
            const QPointF p(l.x(b), l.y(*v));
            drawing ? path.lineTo(p) : path.moveTo(p);
            drawing = true;
        }
        painter.setPen(QPen(color, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (l.step >= 6) {
            painter.setBrush(color);
            painter.setPen(Qt::NoPen);
            for (qsizetype b = 0; b < n; ++b)
                if (const std::optional<double> v = series.values.value(b))
                    painter.drawEllipse(QPointF(l.x(b), l.y(*v)), 3, 3);
        }
    }
    painter.restore();
}

QPair<int, int> TrendChart::pointAt(const QPoint &pos, const QRect &rect) const
{
    const qsizetype n = m_trend.buckets.size();
    if (n == 0 || m_trend.series.isEmpty())
        return {-1, -1};
    const Layout l = layout(rect, fontMetrics());
    if (pos.x() < l.plot.left() || pos.x() > l.plot.right() || pos.y() < l.plot.top() - 6 ||
        pos.y() > l.plot.bottom() + 6)
        return {-1, -1};
    const int bucket = std::clamp(int((pos.x() - l.plot.left()) / l.step), 0, int(n) - 1);
    if (m_style == Style::Bars) {
        const double group = l.step * 0.8;
        const double offset = pos.x() - (l.x(bucket) - group / 2);
        const int series = int(std::floor(offset / (group / double(m_trend.series.size()))));
        if (series < 0 || series >= m_trend.series.size() || !m_trend.series[series].values.value(bucket))
            return {-1, -1};
        return {series, bucket};
    }
    int best = -1;
    double bestDistance = 12;
    for (qsizetype s = 0; s < m_trend.series.size(); ++s)
        if (const std::optional<double> v = m_trend.series[s].values.value(bucket)) {
            const double d = std::abs(l.y(*v) - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = int(s);
            }
        }
    return best < 0 ? QPair<int, int>{-1, -1} : QPair<int, int>{best, bucket};
}

void TrendChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect(), palette(), font());
}

void TrendChart::mousePressEvent(QMouseEvent *event)
{
    const QPair<int, int> hit = pointAt(event->position().toPoint(), rect());
    if (event->button() == Qt::LeftButton && hit.first >= 0)
        emit pointActivated(hit.first, hit.second);
}

void TrendChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPair<int, int> hit = pointAt(event->position().toPoint(), rect());
    if (hit.first < 0) {
        setCursor(Qt::ArrowCursor);
        QToolTip::hideText();
        return;
    }
    setCursor(Qt::PointingHandCursor);
    const TrendSeries &series = m_trend.series[hit.first];
    const TrendBucket &bucket = m_trend.buckets[hit.second];
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 — %2: %n hit(s) in %3 issues (%4)", nullptr, int(series.hits[hit.second]))
                           .arg(series.query, bucket.label(m_trend.period))
                           .arg(bucket.issues)
                           .arg(valueText(series.values[hit.second].value_or(0))),
                       this);
}

} // namespace dubao
