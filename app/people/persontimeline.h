// A person's timeline: dates on x, one row per office (and one for appearances without an office), each
// appearance a mark coloured by its role, with a legend of the roles. A click on a mark emits
// appearanceActivated with the appearance's index.
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
    /// The rows: the offices by first appearance, then "no office" when some appearance has none.
    QStringList rows() const { return m_rows; }
    /// The centre of appearance `index`'s mark; invalid when it is undated.
    QPointF markOf(int index) const;
    static QColor roleColor(const QString &role);

    QSize sizeHint() const override;
    /// The height at which `rows` rows get a line each, with the legend and the dates.
    int heightFor(int rows) const;
    /// The appearance whose mark is nearest `pos` (within 8 px), or -1.
    int appearanceAt(const QPointF &pos) const;

signals:
    void appearanceActivated(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    int rowOf(qsizetype index) const;
    QRect plot() const;

    AppearanceOutlines m_appearances;
    QStringList m_rows;
    QDate m_first;
    QDate m_last;
};

} // namespace dubao
