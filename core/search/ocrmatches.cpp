#include "core/search/ocrmatches.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace dubao {

namespace {

/// Whether `value` occurs in `ocr` overlapping [start, start + length) (for an empty original, around `start`).
bool occursOver(const QString &ocr, const QString &value, qsizetype start, qsizetype length)
{
    for (qsizetype at = ocr.indexOf(value); at >= 0; at = ocr.indexOf(value, at + 1)) {
        const qsizetype end = at + value.size();
        if (length > 0 ? (at < start + length && end > start) : (at < start && end > start))
            return true;
        if (at >= start + std::max<qsizetype>(length, 1))
            break;
    }
    return false;
}

} // namespace

Result<OcrMatches> findOcrMatches(QSqlDatabase db, const QStringList &values)
{
    OcrMatches result;
    if (values.isEmpty())
        return result;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT c.block_id, c.shown_start, c.shown_end, c.original, b.text FROM corrections c "
                               "JOIN blocks b ON b.id = c.block_id WHERE c.orphan = 0 AND c.kind = 'text' "
                               "ORDER BY c.block_id, c.shown_start")))
        return Error(q.lastError().text());
    // Per paragraph, which values were found (a bit each) and where.
    QHash<qint64, quint64> found;
    const int counted = int(std::min<qsizetype>(values.size(), 64));
    while (q.next()) {
        const qint64 block = q.value(0).toLongLong();
        const QString text = q.value(4).toString();
        const qsizetype start = std::clamp<qsizetype>(q.value(1).toLongLong(), 0, text.size());
        const qsizetype end = std::clamp<qsizetype>(q.value(2).toLongLong(), start, text.size());
        const QString original = q.value(3).toString();
        const QString ocr = text.left(start) + original + text.mid(end);
        bool any = false;
        for (int k = 0; k < counted; ++k) {
            if (!values[k].isEmpty() && occursOver(ocr, values[k], start, original.size())) {
                found[block] |= quint64(1) << k;
                any = true;
            }
        }
        if (any && end > start)
            result.ranges[block].append({start, end - start});
    }
    const quint64 all = counted == 64 ? ~quint64(0) : (quint64(1) << counted) - 1;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        if ((it.value() & all) == all)
            result.blocks.append(it.key());
    }
    std::sort(result.blocks.begin(), result.blocks.end());
    const QSet<qint64> kept(result.blocks.cbegin(), result.blocks.cend());
    result.ranges.removeIf([&](const auto &entry) { return !kept.contains(entry.key()); });
    return result;
}

} // namespace dubao
