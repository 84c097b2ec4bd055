// What dubao-cli's command files share: the usage and failure lines, id parsing, JSON ids.
#pragma once

#include "app/cli/commands.h"
#include "core/model/result.h"

#include <QJsonValue>
#include <QString>

#include <optional>

namespace dubao::cli {

inline constexpr int kUsageError = 2;

inline int usage(Streams io, const QString &message)
{
    io.err << "dubao-cli: " << message << Qt::endl;
    return kUsageError;
}

inline int failure(Streams io, const QString &message)
{
    io.err << "dubao-cli: " << message << Qt::endl;
    return 1;
}

/// The error of a failed result: `if (!done) return failure(io, done);`
template<typename T>
inline int failure(Streams io, const Result<T> &result)
{
    return failure(io, result.error().message());
}

/// An optional integer --NAME between min and max; false (with the message written) when it is not one.
inline bool intOption(const Args &args, const QString &name, int min, int max, int *value, Streams io)
{
    if (!args.has(name))
        return true;
    bool ok = false;
    const int v = args.option(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        io.err << "dubao-cli: --" << name << " takes a number from " << min << " to " << max << Qt::endl;
        return false;
    }
    *value = v;
    return true;
}

inline std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

inline QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

/// Runs `command`, then `update` on its library (an index derived from the text catching up with what the command
/// wrote: the people index, text reuse). A usage error or a read-only library skips the update.
inline Command thenUpdate(Command command, std::function<Result<qint64>(Library &)> update)
{
    return [command, update](const Args &args, Streams io) {
        const int code = command(args, io);
        if (code == kUsageError)
            return code;
        Library library;
        if (!openLibrary(library, args, io) || library.isReadOnly())
            return code;
        if (const Result<qint64> updated = update(library); !updated)
            return failure(io, updated);
        return code;
    };
}

} // namespace dubao::cli
