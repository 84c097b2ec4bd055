// The window's Trends: the Trends dock at the bottom (tabbed with the concordance), View → Trends, the library
// it counts in, and a click on a point opening those hits in the Search dock (the query limited to the period).
#pragma once

#include <QObject>

class QDockWidget;

namespace dubao {

class ActionRegistry;
class MainWindow;
class TrendsView;

class TrendsPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrendsPart)

public:
    TrendsPart(MainWindow &window, ActionRegistry &actions);
    ~TrendsPart() override;

    TrendsView *view() const { return m_view; }
    QDockWidget *dock() const { return m_dock; }

    /// The query of a point for the Search dock: `query` limited to the period (from:/to: added).
    static QString periodQuery(const QString &query, const QDate &from, const QDate &to);

private:
    MainWindow &m_window;
    TrendsView *m_view;
    QDockWidget *m_dock;
};

} // namespace dubao
