// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

class RegionIndex;

enum class NikIssue {
    Empty, // nothing entered ("unknown NIK": callers allow it)
    WrongLength, // not 16 characters
    NotDigits, // something other than digits, after removing spaces, dots and dashes
    UnknownProvince, // digits 1-2 are not a province
    UnknownRegency, // digits 1-4 are not a regency of that province
    UnknownDistrict, // digits 1-6 are not a kecamatan in the current decree (warning only)
    InvalidBirthDate, // digits 7-12 are not a date (day 1-31 or 41-71, month 1-12)
    BirthDateInFuture, // the encoded birth date is after today
    ZeroSerial, // digits 13-16 are 0000
    SexMismatch, // the NIK's sex (day + 40 for women) differs from the recorded sex (warning)
    BirthDateMismatch, // the NIK's birth date differs from the recorded one (warning)
};

struct NikCheck
{
    bool valid = false; // no errors; warnings may remain
    QList<NikIssue> errors;
    QList<NikIssue> warnings; // the NIK may still be genuine: confirm with the person
    std::optional<QDate> birthDate; // decoded, when it is a real date not after today
    QString sex; // "female" or "male", when the birth date part decodes
    QString districtCode; // "PP.KK.CC", when that kecamatan exists in the region index
    QStringList details; // one English sentence per issue, errors first; never holds the NIK

    // English technical sentence(s) for the CLI and logs, e.g. "NIK has 15 digits, needs 16.";
    // empty when there is nothing to report.
    QString message() const;
};

// Checks the structure of a NIK (Nomor Induk Kependudukan): PPKKCC region code, DDMMYY birth date
// with 40 added to the day for women, and a 4-digit serial. It cannot tell whether Dukcapil
// actually issued the number. Region checks use the current decree, so a kecamatan that was split
// or renumbered since the NIK was issued is a warning, not an error.
class NikValidator final
{
public:
    explicit NikValidator(const RegionIndex &regions);

    // `today` resolves two-digit years and catches future dates. `sex` ("female"/"male") and
    // `birthDate`, when given, are compared with what the NIK encodes. Spaces, dots and dashes in
    // `nik` are ignored.
    NikCheck check(QStringView nik, QDate today, const QString &sex = {},
                   std::optional<QDate> birthDate = {}) const;

    // A generic English sentence for an issue, without details.
    static QString describe(NikIssue issue);

private:
    const RegionIndex &m_regions;
};

} // namespace Core
