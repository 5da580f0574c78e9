// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace Core {

// What went wrong, as a value. `code` is for callers and for ui/common/errortext.cpp, which alone turns
// it into a translated sentence; `detail` is technical, for logs and the CLI, and never holds
// case content.
struct Error
{
    enum class Code {
        InvalidInput, // the caller's data is wrong (validation); nothing was written
        NotFound, // no such record
        Locked, // the profile is locked, or the passphrase is wrong
        StoreUnavailable, // the database could not be opened, read or written (disk full, read-only)
        SchemaTooNew, // the database was written by a newer build; nothing was touched
        MigrationFailed, // a migration step failed and was rolled back
        Corrupt, // stored data failed authentication or integrity checks
        Conflict, // the action clashes with the current state (e.g. a forbidden transition)
        Unreachable, // the server could not be reached, timed out or was busy: retry later
        Refused, // the server refused this laptop (unknown or revoked device, used code, old version)
        Internal, // a programmer error that slipped past the asserts
    };

    Code code = Code::Internal;
    QString detail;
    // For InvalidInput: which field, so a UI can show the message next to it.
    QString field = {};
};

// A value or an Error. Built on std::variant so the standard library handles lifetimes.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    // By value from a temporary, so `for (auto &x : f().value())` does not dangle.
    T value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// Success or an Error, for functions that return nothing.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error invalidInput(QString field, QString detail)
{
    return Error{Error::Code::InvalidInput, std::move(detail), std::move(field)};
}

} // namespace Core
