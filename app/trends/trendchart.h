// The trend chart: one line (or bar group) per query over the periods, a legend, axes with the periods' labels.
// Drawn with QPainter by paint(), the one drawing for the screen, PNG and SVG (trendsview.cpp says why not Qt
// Charts); colours come from the palette, so it follows the app's light or dark theme.
#pragma once

#include "core/analysis/termtrends.h"

#include <QWidget>

namespace dubao {

class TrendChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendChart)

public:
    enum class Style
    {
        Lines,
        Bars,
    };

    explicit TrendChart(QWidget *parent = nullptr);
    ~TrendChart() override;

    void setTrend(const Trend &trend);
    const Trend &trend() const { return m_trend; }
    void setStyle(Style style);
    Style style() const { return m_style; }

    /// Draws the chart into `rect` with `palette`'s colours and `font` (the widget, a PNG, an SVG).
    void paint(QPainter &painter, const QRect &rect, const QPalette &palette, const QFont &font) const;
    /// The point (series, period) drawn nearest `pos` in a chart drawn into `rect`, within a few pixels of
    /// its period; {-1, -1} when none.
    QPair<int, int> pointAt(const QPoint &pos, const QRect &rect) const;
    /// The colour of the `index`th query.
    static QColor seriesColor(int index);

signals:
    /// A point (or bar) was clicked: the query `series` in the period `bucket`.
    void pointActivated(int series, int bucket);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    struct Layout;
    Layout layout(const QRect &rect, const QFontMetrics &metrics) const;
    double maxValue() const;

    Trend m_trend;
    Style m_style = Style::Lines;
};

} // namespace dubao
