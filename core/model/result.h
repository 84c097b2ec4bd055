// The one result type of the core's API: a value, or an error for the user. Replaces `QString *error`
// out-parameters and the three ways of saying "failed" they came with (0, nullopt, false).
//
//     Result<qint64> id = tags.create(name);
//     if (!id)
//         return report(id.error().message());
//     use(*id);
//
// Messages are written in English through QCoreApplication::translate() (or a class's tr()), so the app, which
// installs a translator, shows them in its language, and dubao-cli, which installs none, prints English.
#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>
#include <utility>

namespace dubao {

/// What went wrong, in one line for the user.
class Error
{
public:
    Error() = default;
    explicit Error(QString message)
        : m_message(std::move(message))
    {}

    const QString &message() const { return m_message; }
    /// "context: message" — e.g. the file a failure happened in.
    Error prefixed(const QString &context) const { return Error(context + QStringLiteral(": ") + m_message); }

    friend bool operator==(const Error &, const Error &) = default;

private:
    QString m_message;
};

/// A value of type T, or an Error. Converts to true when it holds a value.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    /// The value; only when ok().
    const T &value() const &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &value() &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    /// The value, or `fallback` on an error.
    T valueOr(T fallback) const { return ok() ? *m_value : std::move(fallback); }

    /// The error; empty when ok().
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Success without a value, or an Error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace dubao
