// A person's appearances in the People view: every one of them (no cap: on the 1 GB library one person has
// 226,795), given as outlines (PeopleIndex::appearanceOutlines(): no sentence), shown a page at a time — the view
// asks for more as it scrolls (canFetchMore/fetchMore) and each page reads its sentences, by id, in one query.
#pragma once

#include "core/analysis/appearanceoutlines.h"
#include "core/analysis/peopleindex.h"

#include <QAbstractTableModel>

#include <functional>

namespace dubao {

class AppearanceListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppearanceListModel)

public:
    enum Column
    {
        Date,
        Office,
        Role,
        Order,
        Sentence,
        ColumnCount
    };
    /// Reads the sentences of appearances by id (PeopleIndex::sentences() on the window's library).
    using SentenceReader = std::function<QHash<qint64, QString>(const QList<qint64> &ids)>;
    static constexpr int kPage = 500;

    explicit AppearanceListModel(QObject *parent = nullptr);
    ~AppearanceListModel() override;

    void setSentenceReader(SentenceReader reader) { m_reader = std::move(reader); }
    /// All the appearances; the first page is shown (and its sentences read) at once.
    void setAppearances(const AppearanceOutlines &appearances);
    const AppearanceOutlines &appearances() const { return m_appearances; }
    /// Appearance `index` with its sentence when its row has been fetched.
    Appearance appearance(int index) const;
    /// Fetches rows until `index` is shown (a click on the timeline's last mark).
    void fetchUpTo(int index);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    AppearanceOutlines m_appearances;   ///< shared with the timeline; the sentences are kept apart
    QHash<qint64, QString> m_sentences; ///< of the rows fetched, by appearance id
    int m_shown = 0;
    SentenceReader m_reader;
};

} // namespace dubao
