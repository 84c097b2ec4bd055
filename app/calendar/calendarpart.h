// The window's calendar: the Calendar dock at the bottom (tabbed with the concordance), View → Calendar, filled
// from the library's issue dates when a library opens or an import ends; a click on a day opens that issue.
#pragma once

#include <QObject>

class QDockWidget;

namespace dubao {

class ActionRegistry;
class CalendarView;
class MainWindow;

class CalendarPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarPart)

public:
    CalendarPart(MainWindow &window, ActionRegistry &actions);
    ~CalendarPart() override;

    CalendarView *view() const { return m_view; }

private:
    void reload();
    void openIssue(qint64 issueId);

    MainWindow &m_window;
    CalendarView *m_view;
    QDockWidget *m_dock;
};

} // namespace dubao
