// The People view's list: the persons of the library (name, offices, first and last appearance, appearances),
// and the filter over it — name or office contains a text, appeared between two dates — sortable by any column.
#pragma once

#include "core/analysis/peopleexport.h"
#include "core/analysis/peopleindex.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QSortFilterProxyModel>

namespace dubao {

class PersonListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonListModel)

public:
    enum Column
    {
        Name,
        Offices,
        First,
        Last,
        Appearances,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; ///< numbers and dates, for sorting

    explicit PersonListModel(QObject *parent = nullptr);
    ~PersonListModel() override;

    void setPersons(const QList<PersonSummary> &persons);
    const PersonSummary &person(int row) const { return m_persons[row]; }
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PersonSummary> m_persons;
};

class PersonFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PersonFilter)

public:
    explicit PersonFilter(QObject *parent = nullptr);
    ~PersonFilter() override;

    /// A person whose name or one of whose offices contains `text` (书记: every secretary). A word own:yes or own:no
    /// in it (as search spells it) keeps the persons' appearances in the paper's own or in shared text only: the
    /// list must then be read again with those counts (ownChanged()). False when an own: word says neither.
    bool setText(const QString &text);
    /// A person who appeared between `from` and `to` (either may be invalid: no limit).
    void setPeriod(const QDate &from, const QDate &to);
    /// What the filter keeps, for an export of what the list shows.
    const PeopleSelection &selection() const { return m_selection; }

signals:
    /// selection().own changed: the persons are to be read again (PeopleIndex::ownPersons()).
    void ownChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    PeopleSelection m_selection;
};

} // namespace dubao
