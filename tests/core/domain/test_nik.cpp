// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/nikvalidator.h"
#include "core/regions/regionindex.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Core::NikCheck;
using Core::NikIssue;
using Core::NikValidator;
using Core::RegionIndex;

namespace {

// A slice of the real tree: Kalimantan Timur with Kutai Kartanegara's Tenggarong.
RegionIndex regions()
{
    const Core::Result<RegionIndex> loaded
        = RegionIndex::loadFromTsv("# decree=Kepmendagri 300.2.2-2430/2025\n"
                                   "64\tKalimantan Timur\t0.45469\t116.45094\n"
                                   "64.02\tKabupaten Kutai Kartanegara\t0.10796\t116.48012\n"
                                   "64.02.06\tTenggarong\t-0.41939\t116.93233\n"
                                   "64.02.06.1003\tBukit Biru\t-0.47509\t116.98405\n");
    REQUIRE(loaded.ok());
    return loaded.value();
}

const QDate today(2025, 6, 1);

} // namespace

TEST_CASE("a well-formed male NIK decodes its region, birth date and sex", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck check = validator.check(u"6402061203850001", today);
    CHECK(check.valid);
    CHECK(check.errors.isEmpty());
    CHECK(check.warnings.isEmpty());
    CHECK(check.birthDate == QDate(1985, 3, 12));
    CHECK(check.sex == u"male"_s);
    CHECK(check.districtCode == u"64.02.06"_s);
    CHECK(check.message().isEmpty());

    // Spaces, dots and dashes are ignored.
    for (const QString &written :
         {u"64.02.06 120385 0001"_s, u"6402-0612-0385-0001"_s, u" 6402061203850001\t"_s}) {
        INFO(written.toStdString());
        const NikCheck again = validator.check(written, today);
        CHECK(again.valid);
        CHECK(again.birthDate == QDate(1985, 3, 12));
    }

    // Agreeing sex and birth date raise nothing.
    const NikCheck agreeing = validator.check(u"6402061203850001", today, u"male"_s, QDate(1985, 3, 12));
    CHECK(agreeing.valid);
    CHECK(agreeing.warnings.isEmpty());
}

TEST_CASE("a woman's NIK has 40 added to the birth day", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck check = validator.check(u"6402065203850002", today, u"female"_s, QDate(1985, 3, 12));
    CHECK(check.valid);
    CHECK(check.warnings.isEmpty());
    CHECK(check.sex == u"female"_s);
    CHECK(check.birthDate == QDate(1985, 3, 12));

    CHECK(validator.check(u"6402064101900001", today).birthDate == QDate(1990, 1, 1)); // day 41 = 1st
    CHECK(validator.check(u"6402067112900001", today).birthDate == QDate(1990, 12, 31)); // day 71 = 31st
}

TEST_CASE("29 February is a birth date only in leap years", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck leap = validator.check(u"6402062902960003", today);
    CHECK(leap.valid);
    CHECK(leap.birthDate == QDate(1996, 2, 29));
    const NikCheck leapFemale = validator.check(u"6402066902000003", today); // 2000 is a leap year
    CHECK(leapFemale.valid);
    CHECK(leapFemale.birthDate == QDate(2000, 2, 29));
    CHECK(leapFemale.sex == u"female"_s);

    const NikCheck notLeap = validator.check(u"6402062902010003", today);
    CHECK_FALSE(notLeap.valid);
    CHECK(notLeap.errors == QList<NikIssue>{NikIssue::InvalidBirthDate});
    CHECK_FALSE(notLeap.birthDate);
    CHECK(notLeap.sex.isEmpty());
    CHECK(validator.check(u"6402066902010003", today).errors == QList<NikIssue>{NikIssue::InvalidBirthDate});
}

TEST_CASE("impossible birth dates are errors", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);
    // day 00, 32, 40, 72, 99; month 00, 13; 31 April
    for (const QString &nik : {u"6402060003850001"_s, u"6402063203850001"_s, u"6402064003850001"_s,
                               u"6402067203850001"_s, u"6402069903850001"_s, u"6402061200850001"_s,
                               u"6402061213850001"_s, u"6402063104850001"_s, u"6402067104850001"_s}) {
        INFO(nik.toStdString());
        const NikCheck check = validator.check(nik, today);
        CHECK_FALSE(check.valid);
        CHECK(check.errors == QList<NikIssue>{NikIssue::InvalidBirthDate});
        CHECK(check.districtCode == u"64.02.06"_s); // the region part still decodes
    }
}

TEST_CASE("two-digit years resolve to the latest century not after today", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    CHECK(validator.check(u"6402060101300001", today).birthDate == QDate(1930, 1, 1));
    CHECK(validator.check(u"6402060101000001", today).birthDate == QDate(2000, 1, 1));
    CHECK(validator.check(u"6402060101250001", today).birthDate == QDate(2025, 1, 1));
    CHECK(validator.check(u"6402060106250001", today).birthDate == today); // born today
    CHECK(validator.check(u"6402060101260001", today).birthDate == QDate(1926, 1, 1));
    CHECK(validator.check(u"6402060101260001", QDate(2026, 3, 1)).birthDate == QDate(2026, 1, 1));
}

TEST_CASE("a birth date after today is an error", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck check = validator.check(u"6402061512250001", today); // 15 December 2025
    CHECK_FALSE(check.valid);
    CHECK(check.errors == QList<NikIssue>{NikIssue::BirthDateInFuture});
    CHECK_FALSE(check.birthDate);
    CHECK(check.message().contains(u"after today"_s));
    CHECK(validator.check(u"6402060206250001", today).errors == QList<NikIssue>{NikIssue::BirthDateInFuture});
}

TEST_CASE("a NIK of the wrong length or with letters is refused before decoding", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck shorter = validator.check(u"640206120385000", today);
    CHECK_FALSE(shorter.valid);
    CHECK(shorter.errors == QList<NikIssue>{NikIssue::WrongLength});
    CHECK(shorter.message() == u"NIK has 15 digits, needs 16."_s);
    CHECK_FALSE(shorter.birthDate);
    CHECK(shorter.districtCode.isEmpty());

    const NikCheck longer = validator.check(u"64020612038500011", today);
    CHECK(longer.errors == QList<NikIssue>{NikIssue::WrongLength});
    CHECK(longer.message().contains(u"17 digits"_s));

    const NikCheck letters = validator.check(u"64020612O3850001", today); // letter O, 16 characters
    CHECK_FALSE(letters.valid);
    CHECK(letters.errors == QList<NikIssue>{NikIssue::NotDigits});
    CHECK(letters.message().contains(u"other than digits"_s));

    const NikCheck both = validator.check(u"6402A61203", today);
    CHECK(both.errors == QList<NikIssue>{NikIssue::NotDigits, NikIssue::WrongLength});
    CHECK(both.message().contains(u"10 characters"_s));

    // Non-ASCII digits are not NIK digits.
    CHECK(validator
              .check(u"\u0666\u0664\u0660\u0662\u0660\u0666\u0661\u0662\u0660\u0663\u0668\u0665\u0660"
                     u"\u0660\u0660\u0661"_s,
                     today)
              .errors
          == QList<NikIssue>{NikIssue::NotDigits});
}

TEST_CASE("an empty NIK is reported as Empty and nothing else", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);
    for (const QString &nik : {QString(), u""_s, u" - . "_s}) {
        const NikCheck check = validator.check(nik, today);
        CHECK_FALSE(check.valid);
        CHECK(check.errors == QList<NikIssue>{NikIssue::Empty});
        CHECK(check.warnings.isEmpty());
    }
}

TEST_CASE("an unknown province is an error, an unknown regency or kecamatan only a warning", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    const NikCheck province = validator.check(u"9902061203850001", today);
    CHECK_FALSE(province.valid);
    CHECK(province.errors == QList<NikIssue>{NikIssue::UnknownProvince});
    CHECK(province.message().contains(u"province code 99"_s));
    CHECK(province.birthDate == QDate(1985, 3, 12)); // the rest still decodes

    // Regencies were renumbered into new provinces (Merauke 91.01 → 93.01): a NIK issued before
    // still names the old code, so an unknown regency of a known province only warns.
    // (This small index knows province 64 only: 64.05 stands for a retired regency code.)
    const NikCheck regency = validator.check(u"6405061203850001", today);
    CHECK(regency.valid);
    CHECK(regency.errors.isEmpty());
    CHECK(regency.warnings == QList<NikIssue>{NikIssue::UnknownRegency});
    CHECK(regency.message().contains(u"64.05"_s));

    // Kecamatan codes change between decrees; an older NIK may name one that no longer exists.
    const NikCheck district = validator.check(u"6402991203850001", today);
    CHECK(district.valid);
    CHECK(district.errors.isEmpty());
    CHECK(district.warnings == QList<NikIssue>{NikIssue::UnknownDistrict});
    CHECK(district.districtCode.isEmpty());
    CHECK(district.birthDate == QDate(1985, 3, 12));
    CHECK(district.message().contains(u"64.02.99"_s));
    CHECK(district.message().contains(u"Kepmendagri 300.2.2-2430/2025"_s));
}

TEST_CASE("serial number 0000 is an error", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);
    const NikCheck check = validator.check(u"6402061203850000", today);
    CHECK_FALSE(check.valid);
    CHECK(check.errors == QList<NikIssue>{NikIssue::ZeroSerial});
    CHECK(validator.check(u"6402061203859999", today).valid);
}

TEST_CASE("a NIK that contradicts the recorded sex or birth date is flagged", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);

    // Either side may be the wrong one, so these are warnings.
    const NikCheck sex = validator.check(u"6402061203850001", today, u"female"_s);
    CHECK(sex.valid);
    CHECK(sex.warnings == QList<NikIssue>{NikIssue::SexMismatch});
    CHECK(sex.message() == u"NIK encodes sex male, the record says female."_s);
    CHECK(validator.check(u"6402065203850001", today, u"male"_s).warnings
          == QList<NikIssue>{NikIssue::SexMismatch});
    CHECK(validator.check(u"6402065203850001", today, u"unknown"_s).warnings.isEmpty());

    const NikCheck date = validator.check(u"6402061203850001", today, {}, QDate(1985, 3, 13));
    CHECK(date.valid);
    CHECK(date.warnings == QList<NikIssue>{NikIssue::BirthDateMismatch});
    CHECK(date.birthDate == QDate(1985, 3, 12)); // what the NIK says
    CHECK(validator.check(u"6402061203850001", today, {}, QDate(2085, 3, 12)).warnings
          == QList<NikIssue>{NikIssue::BirthDateMismatch});

    const NikCheck both = validator.check(u"6402061203850000", today, u"female"_s, QDate(1985, 1, 1));
    CHECK(both.errors == QList<NikIssue>{NikIssue::ZeroSerial});
    CHECK(both.warnings == QList<NikIssue>{NikIssue::SexMismatch, NikIssue::BirthDateMismatch});
    // One sentence per issue, errors first.
    REQUIRE(both.details.size() == 3);
    CHECK(both.details.first().contains(u"0000"_s));
}

TEST_CASE("messages name the problem without repeating the NIK", "[core][nik]")
{
    const RegionIndex index = regions();
    const NikValidator validator(index);
    const NikCheck check = validator.check(u"9902061203850000", today, u"female"_s, QDate(1985, 1, 1));
    CHECK(check.errors.size() == 2);
    CHECK(check.warnings.size() == 2);
    CHECK_FALSE(check.message().contains(u"9902061203850000"_s));
    CHECK_FALSE(check.message().contains(u"120385"_s));

    const QList<NikIssue> all = {NikIssue::Empty,
                                 NikIssue::WrongLength,
                                 NikIssue::NotDigits,
                                 NikIssue::UnknownProvince,
                                 NikIssue::UnknownRegency,
                                 NikIssue::UnknownDistrict,
                                 NikIssue::InvalidBirthDate,
                                 NikIssue::BirthDateInFuture,
                                 NikIssue::ZeroSerial,
                                 NikIssue::SexMismatch,
                                 NikIssue::BirthDateMismatch};
    QSet<QString> texts;
    for (const NikIssue issue : all) {
        CHECK_FALSE(NikValidator::describe(issue).isEmpty());
        texts.insert(NikValidator::describe(issue));
    }
    CHECK(texts.size() == all.size());
}

TEST_CASE("the validator works against the full built-in region list", "[core][nik]")
{
    const Core::Result<RegionIndex> loaded = RegionIndex::loadBuiltin();
    REQUIRE(loaded.ok());
    const NikValidator validator(loaded.value());
    CHECK(validator.check(u"3275014101990001", today).valid); // Kota Bekasi, Bekasi Timur
    CHECK(validator.check(u"3275014101990001", today).districtCode == u"32.75.01"_s);
    CHECK(validator.check(u"9601011203850001", today).valid); // Papua Barat Daya, created 2022
}
