// One person's appearances held compactly for their page in the People view (the timeline and the list): a row is
// ids and small numbers (56 bytes); the offices and the roles are kept once each and rows point at them; the
// sentence and the headline are not held at all (the list reads the sentences of the rows it shows, by id). On the
// 1 GB library the most frequent person has 226,795 appearances: about 13 MB of rows, where a list of Appearance
// values (each with its own strings) took 126 MB.
#pragma once

#include "core/analysis/peopleindex.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace dubao {

class AppearanceOutlines final
{
public:
    qsizetype size() const { return m_rows.size(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    void reserve(qsizetype rows) { m_rows.reserve(rows); }

    /// Appearance `index` as a value, without its sentence and headline (its strings are shared, not copied).
    Appearance at(qsizetype index) const;
    qint64 id(qsizetype index) const { return m_rows[index].id; }
    std::optional<QDate> date(qsizetype index) const;
    /// The appearance's first office, empty when none.
    const QString &office(qsizetype index) const;
    /// Every office of the appearance, as written (`区委副书记、区长`: two), empty when none.
    const QStringList &offices(qsizetype index) const { return m_offices[m_rows[index].offices]; }
    /// Appearances with the same offices share a key, below officesKeyCount() (the timeline works out each
    /// spelling's rows once instead of once per appearance); officesOfKey() gives the offices.
    int officesKey(qsizetype index) const { return m_rows[index].offices; }
    const QStringList &officesOfKey(int key) const { return m_offices[key]; }
    int officesKeyCount() const { return int(m_offices.size()); }
    const QString &role(qsizetype index) const { return m_roles[m_rows[index].role]; }

    /// Adds `appearance` (its sentence and headline are dropped). Every appearance is of one person: the first
    /// one's name is the name of all.
    void append(const Appearance &appearance);

private:
    struct Row
    {
        qint64 id = 0;
        qint64 articleId = 0;
        qint64 blockId = 0;
        qint64 issueId = 0;
        qint32 julianDay = 0; ///< 0: undated
        qint32 order = 0;
        qint32 sentenceStart = 0;
        qint32 sentenceLength = 0;
        std::uint16_t offices = 0; ///< index in m_offices
        std::uint16_t role = 0;    ///< index in m_roles
    };

    QString m_name;
    QList<QStringList> m_offices{QStringList()}; ///< every spelling of offices once; 0: none
    QStringList m_roles{QString()};              ///< every role once; 0: none
    QList<Row> m_rows;
};

} // namespace dubao
