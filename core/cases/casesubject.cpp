// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/casesubject.h"

#include "core/crypto/fieldcipher.h"
#include "core/regions/regionindex.h"
#include "core/sql/database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core {

CaseSubjects::CaseSubjects(Database &db, const FieldCipher &cipher, const RegionIndex &regions,
                           const Clock &clock, DistrictTime time)
    : m_db(db)
    , m_cipher(cipher)
    , m_regions(regions)
    , m_clock(clock)
    , m_time(time)
{ }

QString CaseSubjects::shortName(const QString &fullName)
{
    const QStringList words = fullName.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QString result = words.first();
    for (qsizetype i = 1; i < words.size(); ++i) {
        // The first letter or digit of the word: "(Ayu)" and "'Aisyah" give "A.".
        for (const QChar c : words.at(i)) {
            if (c.isLetterOrNumber()) {
                result += u' ' + c.toUpper() + u'.';
                break;
            }
        }
    }
    return result;
}

std::optional<int> CaseSubjects::age(const QDate &birthDate, std::optional<int> birthYear,
                                     std::optional<int> ageEstimate, const QDate &recordedOn,
                                     const QDate &today)
{
    if (birthDate.isValid() && birthDate <= today) {
        int years = today.year() - birthDate.year();
        if (today.month() < birthDate.month()
            || (today.month() == birthDate.month() && today.day() < birthDate.day()))
            --years;
        return years;
    }
    if (birthYear && *birthYear > 0 && *birthYear <= today.year())
        return today.year() - *birthYear;
    if (ageEstimate && *ageEstimate >= 0) {
        // The estimate was the age on the day it was recorded; the person has aged since.
        int since = 0;
        if (recordedOn.isValid() && recordedOn < today) {
            since = today.year() - recordedOn.year();
            if (today.month() < recordedOn.month()
                || (today.month() == recordedOn.month() && today.day() < recordedOn.day()))
                --since;
        }
        return *ageEstimate + since;
    }
    return std::nullopt;
}

void CaseSubjects::place(CaseSubject &subject) const
{
    const std::optional<Region> region = m_regions.find(subject.regionCode);
    if (!region)
        return;
    if (region->level == RegionLevel::Village) {
        subject.village = region->name;
        if (const std::optional<Region> parent = m_regions.find(RegionIndex::parentCode(region->code)))
            subject.kecamatan = parent->name;
    } else if (region->level == RegionLevel::District) {
        subject.kecamatan = region->name;
    }
}

Result<QHash<QString, CaseSubject>> CaseSubjects::forCases(const QStringList &caseIds)
{
    QHash<QString, CaseSubject> subjects;
    if (caseIds.isEmpty())
        return subjects;
    // One query for all the cases: each case once with no victim, or once per victim link, the
    // victim that stands for the case first (not merged into another person, then the oldest).
    Statement &query = m_db.statement(
        u"SELECT c.id, c.incident_region, p.id, p.name, p.birth_date, p.birth_year, p.age_estimate, "
        "p.address_region, p.created_at, p.merged_into IS NOT NULL "
        "FROM cases c LEFT JOIN case_persons cp ON cp.case_id = c.id AND cp.role = 'victim' AND cp.deleted = "
        "0 "
        "LEFT JOIN persons p ON p.id = cp.person_id "
        "WHERE c.id IN (SELECT value FROM json_each(?)) "
        "ORDER BY c.id, p.merged_into IS NOT NULL, cp.created_at, cp.id"_s);
    query.bind(1, QString::fromUtf8(
                      QJsonDocument(QJsonArray::fromStringList(caseIds)).toJson(QJsonDocument::Compact)));
    const QDate today = m_time.today(m_clock);
    while (query.next()) {
        const QString caseId = query.text(0);
        const bool first = !subjects.contains(caseId);
        CaseSubject &subject = subjects[caseId];
        const bool hasVictim = !query.isNull(2);
        if (hasVictim && (query.int64(9) == 0 || subject.victims == 0))
            ++subject.victims;
        if (!first)
            continue;
        subject.caseId = caseId;
        subject.regionCode = query.text(1);
        if (!hasVictim)
            continue;
        const QString personId = query.text(2);
        QDate birthDate;
        for (const int column : {3, 4}) {
            if (query.isNull(column))
                continue;
            const Result<QString> plain = m_cipher.openText(query.blob(column), u"person", personId,
                                                            column == 3 ? u"name" : u"birth_date");
            if (!plain) {
                query.reset();
                return Error{Error::Code::Corrupt, u"person %1 failed authentication"_s.arg(personId)};
            }
            if (column == 3)
                subject.shortName = shortName(*plain);
            else
                birthDate = QDate::fromString(*plain, Qt::ISODate);
        }
        const auto optionalInt = [&](int column) {
            return query.isNull(column) ? std::nullopt : std::optional<int>(int(query.int64(column)));
        };
        subject.age = age(birthDate, optionalInt(5), optionalInt(6), m_time.date(query.int64(8)), today);
        subject.ageApproximate = subject.age && !birthDate.isValid();
        if (const QString address = query.text(7); !address.isEmpty())
            subject.regionCode = address;
    }
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    for (CaseSubject &subject : subjects)
        place(subject);
    return subjects;
}

Result<CaseSubject> CaseSubjects::forCase(const QString &caseId)
{
    Result<QHash<QString, CaseSubject>> subjects = forCases({caseId});
    if (!subjects)
        return subjects.error();
    if (!subjects->contains(caseId))
        return Error{Error::Code::NotFound, u"case %1 not found"_s.arg(caseId)};
    return subjects->value(caseId);
}

} // namespace Core
