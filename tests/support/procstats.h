// For the benchmarks: what the kernel counts of this process (/proc/self/io, /proc/self/status).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace dubao::test {

/// The number after `key` in a /proc file ("write_bytes:", "VmHWM:"), 0 when it cannot be read.
inline qint64 procValue(const char *file, const char *key)
{
    QFile f(QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').front().toLongLong();
    return 0;
}

/// Bytes this process caused to be written to storage so far.
inline qint64 writtenBytes()
{
    return procValue("/proc/self/io", "write_bytes:");
}

/// Peak resident set size so far, in kB.
inline qint64 peakRssKb()
{
    return procValue("/proc/self/status", "VmHWM:");
}

} // namespace dubao::test
