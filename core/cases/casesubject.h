// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "core/result.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <optional>

namespace Core {

class Clock;
class Database;
class FieldCipher;
class RegionIndex;

// Who a case is about and where, in the few words a list line has room for: the victim's short
// name and age, and the village with its kecamatan (two villages named Sedulang lie in two
// kecamatan of Kutai Kartanegara). The name is decrypted into this struct only: it is never
// written to disk, logged or added to the search index.
struct CaseSubject
{
    QString caseId;
    QString shortName; // shortName() of the victim's name; empty when unknown or no victim
    std::optional<int> age; // whole years, in the district's "today"
    bool ageApproximate = false; // from a birth year or an estimated age, not a birth date
    int victims = 0; // victims of the case (people merged into another not counted)
    QString regionCode; // the victim's address region, else the case's incident region
    QString village; // empty when the region is not a village
    QString kecamatan;
};

// Reads the subjects of many cases at once (one query, for a list of 2000 cases). The first
// victim linked to a case (people merged into another skipped) stands for the case.
class CaseSubjects final
{
public:
    CaseSubjects(Database &db, const FieldCipher &cipher, const RegionIndex &regions, const Clock &clock,
                 DistrictTime time);

    // Case id → subject, for every case of `caseIds` that exists (deleted or not).
    Result<QHash<QString, CaseSubject>> forCases(const QStringList &caseIds);
    Result<CaseSubject> forCase(const QString &caseId);

    // The rule for a name on a list: the first word whole, then the initial of each further
    // word with a full stop ("Putri Ayu Lestari" → "Putri A. L.", "Sutini" → "Sutini").
    static QString shortName(const QString &fullName);
    // Age in whole years on `today`: from the birth date when known (exact); else from the birth
    // year (today's year minus it); else from the age estimated when the person was recorded
    // (`recordedOn`), plus the whole years since. Nothing when none is known.
    static std::optional<int> age(const QDate &birthDate, std::optional<int> birthYear,
                                  std::optional<int> ageEstimate, const QDate &recordedOn,
                                  const QDate &today);

private:
    void place(CaseSubject &subject) const;

    Database &m_db;
    const FieldCipher &m_cipher;
    const RegionIndex &m_regions;
    const Clock &m_clock;
    DistrictTime m_time;
};

} // namespace Core
