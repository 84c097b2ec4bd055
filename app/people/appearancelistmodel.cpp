// A person's appearances, fetched a page at a time (appearancelistmodel.h).
#include "app/people/appearancelistmodel.h"

namespace dubao {

AppearanceListModel::AppearanceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

AppearanceListModel::~AppearanceListModel() = default;

void AppearanceListModel::setAppearances(const AppearanceOutlines &appearances)
{
    beginResetModel();
    m_appearances = appearances;
    m_sentences.clear();
    m_shown = 0;
    endResetModel();
    fetchMore({});
}

Appearance AppearanceListModel::appearance(int index) const
{
    Appearance a = m_appearances.at(index);
    a.sentence = m_sentences.value(a.id);
    return a;
}

void AppearanceListModel::fetchUpTo(int index)
{
    while (index >= m_shown && canFetchMore({}))
        fetchMore({});
}

int AppearanceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int AppearanceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppearanceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Appearance a = m_appearances.at(index.row());
    const QString sentence = m_sentences.value(a.id);
    if (role == Qt::ToolTipRole)
        return index.column() == Sentence ? QVariant(sentence) : QVariant();
    switch (index.column()) {
    case Date:
        return a.date ? a.date->toString(Qt::ISODate) : tr("undated");
    case Office:
        return a.offices.join(u'、');
    case Role:
        return a.role;
    case Order:
        return a.order > 0 ? QVariant(a.order) : QVariant();
    case Sentence:
        return sentence;
    }
    return {};
}

QVariant AppearanceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Date:
        return tr("Date");
    case Office:
        return tr("Office");
    case Role:
        return tr("Role");
    case Order:
        return tr("Order");
    case Sentence:
        return tr("Sentence");
    }
    return {};
}

bool AppearanceListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_shown < m_appearances.size();
}

void AppearanceListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int end = int(std::min<qsizetype>(m_shown + kPage, m_appearances.size()));
    QList<qint64> ids;
    for (int k = m_shown; k < end; ++k)
        ids.append(m_appearances.id(k));
    if (m_reader && !ids.isEmpty())
        m_sentences.insert(m_reader(ids));
    beginInsertRows({}, m_shown, end - 1);
    m_shown = end;
    endInsertRows();
}

} // namespace dubao
