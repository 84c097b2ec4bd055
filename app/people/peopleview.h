// The People view: the persons of the library, filtered (name or office contains; appeared between two dates)
// and sorted (by appearances, most first, at the start); a person's page beside it: the timeline of their
// appearances, the list of them with the sentence (activating one opens the reader there), the persons named with
// them, and the corrections — merge, split, correct an office, not a person — asked for as PersonEdits. Export ▾
// asks for a file and for the appearances or the office holders of what the list shows (peopleexport.h).
#pragma once

#include "core/analysis/appearanceoutlines.h"
#include "core/analysis/peopleexport.h"
#include "core/analysis/peopleindex.h"

#include <QWidget>

class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSplitter;
class QTableView;

namespace dubao {

class AppearanceListModel;
class PersonFilter;
class PersonListModel;
class PersonTimeline;

class PeopleView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleView)

public:
    explicit PeopleView(QWidget *parent = nullptr);
    ~PeopleView() override;

    /// The list; keeps the person shown when they are still in it.
    void setPersons(const QList<PersonSummary> &persons);
    /// The page of the person selected (personSelected() asked for it).
    void showPerson(const PersonSummary &person, const AppearanceOutlines &appearances,
                    const QList<QPair<QString, int>> &coAppearances);
    /// The page of `person` while their appearances and the persons named with them are read.
    void showLoading(const PersonSummary &person);
    bool isLoadingPage() const { return m_loadingPage; }
    void setMessage(const QString &text);

    PersonListModel *model() const { return m_model; }
    PersonFilter *filter() const { return m_filter; }
    QTableView *list() const { return m_list; }
    PersonTimeline *timeline() const { return m_timeline; }
    /// The timeline above, the appearances and "named with" below; its state is remembered.
    QSplitter *pageSplitter() const { return m_pageSplitter; }
    QTableView *appearanceTable() const { return m_appearanceTable; }
    AppearanceListModel *appearanceModel() const { return m_appearanceModel; }
    QListWidget *coAppearanceList() const { return m_coAppearances; }
    QString currentName() const { return m_current.name; }
    const AppearanceOutlines &appearances() const;
    /// Selects `name` in the list (and so shows their page); false when the filter hides them or they are none.
    bool selectPerson(const QString &name);

signals:
    void personSelected(const QString &name);
    /// The table to write to `path`, narrowed as the list is (filter()->selection()).
    void exportRequested(dubao::PeopleExport::Table table, dubao::PeopleExport::Format format, const QString &path);
    void appearanceActivated(const dubao::Appearance &appearance);
    void editRequested(const dubao::PersonEdit &edit);

private:
    void applyFilter();
    int selectedAppearance() const;
    void askMerge();
    void askSplit();
    void askOffice();
    void askFalseHit();
    void askExport(PeopleExport::Table table);

    PersonListModel *m_model;
    PersonFilter *m_filter;
    QLineEdit *m_text;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTableView *m_list;
    QLabel *m_title;
    QLabel *m_message;
    PersonTimeline *m_timeline;
    AppearanceListModel *m_appearanceModel;
    QTableView *m_appearanceTable;
    QListWidget *m_coAppearances;
    QPushButton *m_merge;
    QPushButton *m_split;
    QPushButton *m_office;
    QPushButton *m_falseHit;
    QPushButton *m_export;
    QSplitter *m_pageSplitter;
    QString m_exportFolder; ///< where the last export went (the Documents folder at first)
    PersonSummary m_current;
    bool m_loadingPage = false;
    QList<PersonSummary> m_persons;
};

} // namespace dubao
