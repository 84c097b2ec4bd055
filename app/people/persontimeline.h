// A person's timeline: dates on x, one row per office (and one for appearances without an office), each
// appearance a mark coloured by its role on the row of each of its offices, with a legend of the roles and the
// dates above the rows (the rows scroll in the view; the dates stay with the legend at the top, as a Gantt chart's
// time scale does). A click on a mark emits appearanceActivated with the appearance's index.
#pragma once

#include "core/analysis/appearanceoutlines.h"

#include <QWidget>

namespace dubao {

class PersonTimeline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonTimeline)

public:
    explicit PersonTimeline(QWidget *parent = nullptr);
    ~PersonTimeline() override;

    void setAppearances(const AppearanceOutlines &appearances);
    /// The rows: every office by first appearance, then "no office" when some appearance has none.
    QStringList rows() const { return m_rows; }
    /// The centre of appearance `index`'s mark on the row of its first office; null when it is undated.
    QPointF markOf(int index) const;
    /// The centres of appearance `index`'s marks, one on the row of each of its offices; none when undated.
    QList<QPointF> marksOf(int index) const;
    /// Where the first and the last date are written: under the legend, above the rows.
    QRect dateAxis() const;
    static QColor roleColor(const QString &role);

    QSize sizeHint() const override;
    /// The height at which `rows` rows get a line each, with the legend and the dates.
    int heightFor(int rows) const;
    /// The appearance whose mark is nearest `pos` (within 8 px), or -1.
    int appearanceAt(const QPointF &pos) const;
    /// The smallest distance between marks that a mark's outline is drawn at: closer marks would show only
    /// their outlines (a person named 48,000 times in 30 years drew a row of rings), so they are drawn as a band.
    static constexpr double kOutlinedSpacing = 10;

signals:
    void appearanceActivated(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    struct Hit
    {
        int index = -1;
        int row = -1;
    };
    Hit hitAt(const QPointF &pos) const;
    const QList<int> &rowsOf(qsizetype index) const { return m_rowsOfKey[m_appearances.officesKey(index)]; }
    double xOf(const QDate &date, const QRect &plot) const;
    double yOf(int row, const QRect &plot) const;
    QRect plot() const;

    AppearanceOutlines m_appearances;
    QStringList m_rows;
    QList<QList<int>> m_rowsOfKey; ///< per spelling of offices (AppearanceOutlines::officesKey), its rows
    QDate m_first;
    QDate m_last;
};

} // namespace dubao
