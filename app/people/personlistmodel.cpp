// The People view's list and its filter (personlistmodel.h).
#include "app/people/personlistmodel.h"

#include "core/search/queryparser.h"

#include <QRegularExpression>

namespace dubao {

namespace {

QString dateText(const std::optional<QDate> &date)
{
    return date ? date->toString(Qt::ISODate) : QString();
}

} // namespace

PersonListModel::PersonListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

PersonListModel::~PersonListModel() = default;

void PersonListModel::setPersons(const QList<PersonSummary> &persons)
{
    beginResetModel();
    m_persons = persons;
    endResetModel();
}

int PersonListModel::rowOf(const QString &name) const
{
    for (qsizetype row = 0; row < m_persons.size(); ++row)
        if (m_persons[row].name == name)
            return int(row);
    return -1;
}

int PersonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_persons.size());
}

int PersonListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PersonSummary &p = m_persons[index.row()];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (index.column()) {
        case Name:
            return p.name;
        case Offices: {
            QStringList titles;
            for (const PersonOffice &o : p.offices)
                titles.append(o.title);
            return titles.join(QStringLiteral("、"));
        }
        case First:
            return role == SortRole ? QVariant(p.first.value_or(QDate())) : QVariant(dateText(p.first));
        case Last:
            return role == SortRole ? QVariant(p.last.value_or(QDate())) : QVariant(dateText(p.last));
        case Appearances:
            return p.appearances;
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Appearances)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PersonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Offices:
        return tr("Offices");
    case First:
        return tr("First");
    case Last:
        return tr("Last");
    case Appearances:
        return tr("Appearances");
    }
    return {};
}

PersonFilter::PersonFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(PersonListModel::SortRole);
}

PersonFilter::~PersonFilter() = default;

bool PersonFilter::setText(const QString &text)
{
    // own:yes / own:no, spelled as search takes it (any case, a full-width colon too); the other words are the text.
    std::optional<PeopleIndex::Own> own;
    bool valid = true;
    QStringList words;
    for (const QString &word : text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        if (word.size() > 3 && word.startsWith(QLatin1String("own"), Qt::CaseInsensitive) &&
            (word[3] == u':' || word[3] == u'\uFF1A')) {
            const SearchQuery::Own parsed = QueryParser::parse(word).own;
            if (parsed == SearchQuery::Own::Any)
                valid = false;
            else
                own = parsed == SearchQuery::Own::Own ? PeopleIndex::Own::Yes : PeopleIndex::Own::No;
            continue;
        }
        words.append(word);
    }
    m_selection.text = words.join(u' ');
    const bool ownChanges = valid && own != m_selection.own;
    if (valid)
        m_selection.own = own;
    invalidateRowsFilter();
    if (ownChanges)
        emit ownChanged();
    return valid;
}

void PersonFilter::setPeriod(const QDate &from, const QDate &to)
{
    m_selection.from = from;
    m_selection.to = to;
    invalidateRowsFilter();
}

bool PersonFilter::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_selection.acceptsPerson(static_cast<const PersonListModel *>(sourceModel())->person(sourceRow));
}

} // namespace dubao
