// The window's People: the People dock (tabbed with the concordance), View → People, the list read on a worker
// thread when the dock is shown, a library opens or an import ends (extracting what is waiting first), a
// person's page (every appearance, and who is named with them) read on a worker thread when they are selected, an
// appearance opening the reader at its sentence with the name highlighted, and the corrections pushed as undo commands
// on the window's stack.
#pragma once

#include "core/analysis/peopleexport.h"
#include "core/analysis/peopleindex.h"

#include <QObject>

class QDockWidget;

namespace dubao {

class ActionRegistry;
class JobRunner;
class MainWindow;
class PeopleView;

class PeoplePart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeoplePart)

public:
    PeoplePart(MainWindow &window, ActionRegistry &actions);
    ~PeoplePart() override;

    PeopleView *view() const { return m_view; }
    bool isLoading() const;
    /// Whether a person's page is being read.
    bool isLoadingPage() const;
    /// Pushes `edit` as an undo command on the window's stack (what the view's buttons do).
    void edit(const PersonEdit &edit);
    /// Writes `table` of what the list shows to `path` on a worker thread; exported() when it is written.
    void exportTable(PeopleExport::Table table, PeopleExport::Format format, const QString &path);

signals:
    /// The list shows what the library holds now.
    void loaded();
    /// The page of `name` shows their appearances and the persons named with them.
    void pageLoaded(const QString &name);
    /// An export ended: `rows` written, or -1 when it failed (the user was told why).
    void exported(qint64 rows);

private:
    void reload();
    void showPerson(const QString &name);
    void readPage();
    PersonSummary summaryOf(const QString &name) const;
    void openAppearance(const Appearance &appearance);

    MainWindow &m_window;
    PeopleView *m_view;
    QDockWidget *m_dock;
    JobRunner *m_runner;
    JobRunner *m_exportRunner;
    JobRunner *m_pageRunner;
    QString m_pageName;       ///< the person whose page was asked for last
    bool m_pageStale = false; ///< the running page's result is to be dropped
    bool m_again = false;     ///< a reload was asked for while one ran
};

} // namespace dubao
