// For the benchmarks: what the kernel counts of this process (/proc/self/io, /proc/self/status, its CPU clock) and of
// another process on this machine (a PostgreSQL backend: /proc/PID/stat).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <ctime>
#include <unistd.h>

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

/// CPU time (user + system) this process has used, in ms.
inline double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// utime + stime of another process on this machine (a server's backend), in ms; -1 when it cannot be read (no such
/// process, or `pid` <= 0).
inline double processCpuMs(qint64 pid)
{
    if (pid <= 0)
        return -1;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

} // namespace dubao::test
