// A strict RFC 4180 reader for the tests that read Dubao's CSV back: quoted fields, doubled quotes, CRLF; nullopt
// for text that is not well-formed CSV (a quote inside an unquoted field, an unterminated quote).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dubao::test {

inline std::optional<QList<QStringList>> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, wasQuoted = false;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt;
            quoted = wasQuoted = true;
            ++i;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= n || text.at(i + 1) != u'\n')
                return std::nullopt;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            wasQuoted = false;
            i += 2;
        } else {
            if (wasQuoted)
                return std::nullopt;
            field += c;
            ++i;
        }
    }
    if (quoted)
        return std::nullopt;
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace dubao::test
