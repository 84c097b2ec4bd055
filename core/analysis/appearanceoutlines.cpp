// One person's appearances held compactly (appearanceoutlines.h).
#include "core/analysis/appearanceoutlines.h"

#include <limits>

namespace dubao {

namespace {

const QString &emptyString()
{
    static const QString empty;
    return empty;
}

} // namespace

Appearance AppearanceOutlines::at(qsizetype index) const
{
    const Row &row = m_rows[index];
    Appearance a;
    a.id = row.id;
    a.name = m_name;
    a.articleId = row.articleId;
    a.blockId = row.blockId;
    a.issueId = row.issueId;
    a.date = date(index);
    a.offices = m_offices[row.offices];
    a.role = m_roles[row.role];
    a.order = row.order;
    a.sentenceStart = row.sentenceStart;
    a.sentenceLength = row.sentenceLength;
    return a;
}

std::optional<QDate> AppearanceOutlines::date(qsizetype index) const
{
    const qint32 day = m_rows[index].julianDay;
    return day == 0 ? std::nullopt : std::optional<QDate>(QDate::fromJulianDay(day));
}

const QString &AppearanceOutlines::office(qsizetype index) const
{
    const QStringList &offices = m_offices[m_rows[index].offices];
    return offices.isEmpty() ? emptyString() : offices.front();
}

void AppearanceOutlines::append(const Appearance &appearance)
{
    if (m_rows.isEmpty())
        m_name = appearance.name;
    // A person has a handful of spellings of offices and at most six roles: a linear search is the fastest look-up.
    auto indexOf = [](auto &list, const auto &value) {
        qsizetype k = list.indexOf(value);
        if (k < 0) {
            list.append(value);
            k = list.size() - 1;
        }
        return std::uint16_t(std::min<qsizetype>(k, std::numeric_limits<std::uint16_t>::max()));
    };
    Row row;
    row.id = appearance.id;
    row.articleId = appearance.articleId;
    row.blockId = appearance.blockId;
    row.issueId = appearance.issueId;
    row.julianDay = appearance.date ? qint32(appearance.date->toJulianDay()) : 0;
    row.order = appearance.order;
    row.sentenceStart = appearance.sentenceStart;
    row.sentenceLength = appearance.sentenceLength;
    row.offices = indexOf(m_offices, appearance.offices);
    row.role = indexOf(m_roles, appearance.role);
    m_rows.append(row);
}

} // namespace dubao
