// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "core/result.h"

#include <QDate>
#include <QStringList>
#include <QVariantHash>

#include <memory>

namespace Core {

class Clock;
class CodeLists;
class RegionIndex;
class NikValidator;
struct EntityDef;
struct FieldDef;

// Checks and normalises field values before they reach the store, by the schema's types:
// codes against the code lists, regions against the region index, NIKs with NikValidator,
// dates as ISO dates not in the future (where the field is a past event), text length limits
// and valid Unicode. The first problem is returned as InvalidInput naming the field; nothing
// is written for an invalid action.
class Validator final
{
public:
    // `time`: the profile's district zone, in which "today" (and so "the future") is reckoned.
    Validator(const CodeLists &codes, const RegionIndex &regions, const Clock &clock, DistrictTime time);
    ~Validator();

    Status validate(const EntityDef &entity, QVariantHash &values, bool insert) const;
    // Today in the district's zone.
    QDate today() const;
    const DistrictTime &districtTime() const { return m_time; }

    // Warnings that do not block saving (e.g. a NIK from a kecamatan not in the current decree).
    QStringList takeWarnings() const;

    const CodeLists &codes() const { return m_codes; }
    const RegionIndex &regions() const { return m_regions; }

private:
    Status validateField(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    // One per value type; each may normalise `value` (trimmed text, a canonical region code).
    Status checkSet(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status checkText(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status checkDate(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status checkTime(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status checkInt(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status checkLocation(const EntityDef &entity, const FieldDef &field, const QVariant &value) const;
    Status checkAnswers(const EntityDef &entity, const FieldDef &field, const QVariant &value) const;
    Status checkNik(const EntityDef &entity, const FieldDef &field, QVariant &value) const;
    Status crossCheck(const EntityDef &entity, QVariantHash &values) const;

    const CodeLists &m_codes;
    const RegionIndex &m_regions;
    const Clock &m_clock;
    DistrictTime m_time;
    std::unique_ptr<const NikValidator> m_nik;
    mutable QStringList m_warnings;
};

} // namespace Core
