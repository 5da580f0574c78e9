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

    // Why, finer than the code, so the UI can say it in the user's language without reading
    // `detail`. Every reason has its own sentence in ui/common/errortext.cpp; a test walks them
    // all up to LastReason, so add new ones just above it.
    enum class Reason {
        None, // nothing finer than the code
        // The caller's data (InvalidInput), about `field`:
        Required, // no value where one is needed
        NotAllowedValue, // not a code of its list, not a known region, not one of the choices
        OutOfRange, // a number or date outside what is plausible
        TooLong, // text longer than `limit` characters
        TooShort, // shorter than `limit` characters (a passphrase)
        TooLarge, // a file larger than `limit` bytes
        BadFormat, // the wrong type or shape (a date as YYYY-MM-DD, a whole number, an id)
        BadCharacters, // control characters or broken Unicode
        InTheFuture, // a date of something that has happened, after today
        AfterOther, // a date after the date in `other` that it must not follow
        SetBySystem, // a field only the system or server assigns
        Duplicate, // it exists already (a login, a profile)
        // A NIK, one reason per NikIssue that blocks saving:
        NikWrongLength,
        NikNotDigits,
        NikUnknownRegion,
        NikInvalidBirthDate,
        NikBirthDateInFuture,
        NikZeroSerial,
        NikSexMismatch,
        NikBirthDateMismatch,
        // The store (StoreUnavailable):
        DiskFull,
        ReadOnly,
        // The current state (Conflict):
        TransitionForbidden, // not a step of the status workflow from here
        TransitionNeedsReason, // this status change needs a reason written with it
        RoleForbidden, // the user's role may not do this
        OutOfScope, // not a case (or person) this user or laptop works on
        Stale, // someone changed or settled it first (another laptop, a resolved conflict)
        AlreadyEnrolled, // the profile is enrolled to a server already
        // The server refused this laptop (Refused), as its error replies say:
        Revoked, // the district office revoked the laptop
        NotEnrolled, // unknown token or device, or a site of another device
        VersionTooOld, // protocol or schema not served: update Dampingi
        EnrollmentRejected, // the enrollment code is unknown, used or expired
        BadCertificate, // the server's certificate is not the enrolled one
        NotForThisLaptop, // an office bundle made for another laptop
        BundleAltered, // a bundle whose signature is not its sender's
        LastVictim, // (Conflict) the case's only victim cannot lose that role
        Cancelled, // (Unreachable) the user cancelled the sync; the next one resumes
        RateLimited, // (Unreachable) the server asked this laptop to slow down, longer than we wait
        ClockSkew, // (Refused) this laptop's clock is far from the server's
        LastReason // not a reason: the end of the list
    };

    Code code = Code::Internal;
    QString detail;
    // Which field, so a UI can show the message next to it: a schema field id, prefixed with
    // where it sits in a draft ("people[1].person.nik"); its last segment names the field.
    QString field = {};
    Reason reason = Reason::None;
    // The schema entity `field` belongs to ("person"), for its translated label.
    QString entity = {};
    // The bound a TooLong, TooShort or TooLarge value broke.
    qint64 limit = 0;
    // The case field an AfterOther date is compared with ("reported_on").
    QString other = {};
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

// The caller's data is wrong: `reason` says how, `field` where (see Error::field).
inline Error invalidInput(Error::Reason reason, QString field, QString detail, QString entity = {})
{
    return Error{Error::Code::InvalidInput, std::move(detail), std::move(field), reason, std::move(entity)};
}

} // namespace Core
