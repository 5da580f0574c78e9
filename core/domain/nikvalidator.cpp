// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/nikvalidator.h"

#include "core/regions/regionindex.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr qsizetype nikLength = 16;
constexpr int femaleDayOffset = 40;

int number(QStringView digits)
{
    int value = 0;
    for (const QChar c : digits)
        value = value * 10 + (c.unicode() - u'0');
    return value;
}

void addError(NikCheck &check, NikIssue issue, const QString &detail)
{
    check.errors.append(issue);
    check.details.append(detail);
}

// The NIK as typed, without the spaces, dots and dashes people group it with.
QString withoutSeparators(QStringView nik)
{
    QString digits;
    digits.reserve(nik.size());
    for (const QChar c : nik) {
        if (!c.isSpace() && c != u'.' && c != u'-')
            digits.append(c);
    }
    return digits;
}

// Empty, non-digits, wrong length: false when the parts of the NIK cannot be located.
bool checkShape(NikCheck &result, const QString &digits)
{
    if (digits.isEmpty()) {
        addError(result, NikIssue::Empty, u"NIK is empty."_s);
        return false;
    }
    bool allDigits = true;
    for (const QChar c : digits)
        allDigits = allDigits && c >= u'0' && c <= u'9';
    if (!allDigits)
        addError(result, NikIssue::NotDigits, u"NIK contains characters other than digits."_s);
    if (digits.size() != nikLength) {
        addError(result, NikIssue::WrongLength,
                 u"NIK has %1 %2, needs %3."_s.arg(digits.size())
                     .arg(allDigits ? u"digits"_s : u"characters"_s)
                     .arg(nikLength));
    }
    return result.errors.isEmpty();
}

// Region: PP, PP.KK, PP.KK.CC. Only the first unknown level is reported.
void checkRegion(NikCheck &result, QStringList &warningDetails, const RegionIndex &regions, QStringView all)
{
    const QString province = all.first(2).toString();
    const QString regency = province + u'.' + all.sliced(2, 2);
    const QString district = regency + u'.' + all.sliced(4, 2);
    if (!regions.contains(province)) {
        addError(result, NikIssue::UnknownProvince,
                 u"NIK province code %1 is not a province."_s.arg(province));
    } else if (!regions.contains(regency)) {
        // A NIK keeps the code it was issued under, and regencies have been renumbered into new
        // provinces (Merauke 91.01 → 93.01, Mimika 91.09 → 94.04, Sorong 92.01 → 96.01): an
        // unknown regency of a known province is a warning, not a reason to refuse the person.
        result.warnings.append(NikIssue::UnknownRegency);
        warningDetails.append(
            u"NIK regency code %1 is not in the current region list (%2); it may predate a renumbering."_s
                .arg(regency, regions.decree()));
    } else if (!regions.contains(district)) {
        result.warnings.append(NikIssue::UnknownDistrict);
        warningDetails.append(
            u"NIK kecamatan code %1 is not in the current region list (%2); it may predate it."_s.arg(
                district, regions.decree()));
    } else {
        result.districtCode = district;
    }
}

// Birth date: DDMMYY, day + 40 for women; the year is the latest one not after today's year.
// Returns the encoded date (invalid when the digits are not one); sets the NIK's sex and, when
// not in the future, its birth date.
QDate checkBirthDate(NikCheck &result, QStringView all, QDate today)
{
    int day = number(all.sliced(6, 2));
    const int month = number(all.sliced(8, 2));
    const int twoDigitYear = number(all.sliced(10, 2));
    QString nikSex = u"male"_s;
    if (day > femaleDayOffset) {
        day -= femaleDayOffset;
        nikSex = u"female"_s;
    }
    int year = today.year() / 100 * 100 + twoDigitYear;
    if (year > today.year())
        year -= 100;
    const QDate date(year, month, day);
    if (!date.isValid()) {
        addError(result, NikIssue::InvalidBirthDate,
                 u"NIK digits 7-12 are not a birth date (day 01-31, or 41-71 for women; month 01-12)."_s);
    } else {
        result.sex = nikSex;
        if (date > today) {
            addError(result, NikIssue::BirthDateInFuture, u"NIK birth date is after today."_s);
        } else {
            result.birthDate = date;
        }
    }
    return date;
}

} // namespace

QString NikCheck::message() const
{
    return details.join(u' ');
}

NikValidator::NikValidator(const RegionIndex &regions)
    : m_regions(regions)
{ }

NikCheck NikValidator::check(QStringView nik, QDate today, const QString &sex,
                             std::optional<QDate> birthDate) const
{
    NikCheck result;
    const QString digits = withoutSeparators(nik);
    if (!checkShape(result, digits))
        return result; // the parts below cannot be located

    const QStringView all(digits);
    QStringList warningDetails;
    checkRegion(result, warningDetails, m_regions, all);
    const QDate date = checkBirthDate(result, all, today);
    if (all.sliced(12) == u"0000")
        addError(result, NikIssue::ZeroSerial, u"NIK serial number (last 4 digits) is 0000."_s);

    // Mismatches with the rest of the record are warnings, not errors: either the NIK or the record
    // may be the wrong one (a typo, an estimated birth date, a registry correction made after the
    // NIK was issued), and only the person can tell which.
    if (!result.sex.isEmpty() && (sex == u"female"_s || sex == u"male"_s) && sex != result.sex) {
        result.warnings.append(NikIssue::SexMismatch);
        warningDetails.append(u"NIK encodes sex %1, the record says %2."_s.arg(result.sex, sex));
    }
    if (date.isValid() && birthDate && birthDate->isValid() && *birthDate != date) {
        result.warnings.append(NikIssue::BirthDateMismatch);
        warningDetails.append(u"NIK encodes a different birth date from the recorded one."_s);
    }

    result.details += warningDetails; // errors first, then warnings
    result.valid = result.errors.isEmpty();
    return result;
}

QString NikValidator::describe(NikIssue issue)
{
    switch (issue) {
    case NikIssue::Empty:
        return u"NIK is empty."_s;
    case NikIssue::WrongLength:
        return u"NIK must have 16 digits."_s;
    case NikIssue::NotDigits:
        return u"NIK may contain only digits."_s;
    case NikIssue::UnknownProvince:
        return u"NIK digits 1-2 are not a province code."_s;
    case NikIssue::UnknownRegency:
        return u"NIK digits 1-4 are not a regency code."_s;
    case NikIssue::UnknownDistrict:
        return u"NIK digits 1-6 are not a kecamatan in the current region list."_s;
    case NikIssue::InvalidBirthDate:
        return u"NIK digits 7-12 are not a valid birth date."_s;
    case NikIssue::BirthDateInFuture:
        return u"NIK birth date is in the future."_s;
    case NikIssue::ZeroSerial:
        return u"NIK serial number (last 4 digits) is 0000."_s;
    case NikIssue::SexMismatch:
        return u"NIK sex (day + 40 for women) differs from the recorded sex."_s;
    case NikIssue::BirthDateMismatch:
        return u"NIK birth date differs from the recorded birth date."_s;
    }
    return {};
}

} // namespace Core
