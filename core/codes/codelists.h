// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Core {

struct CodeItem
{
    QString code; // stable, stored in records and synced; never translated
    QString labelId; // Indonesian label
    QString labelEn; // English label
    QStringList gbvims; // violence_type only: GBVIMS types this type can be classified as
    int minAge = -1; // victim_age_group only: inclusive years; -1 = not an age group
    int maxAge = -1; // inclusive; -1 = no upper bound ("60 and over")

    // English for "en" or "en_*", Indonesian for anything else.
    QString label(QStringView lang) const;
};

// The versioned national code lists (SIMFONI-PPA categories, GBVIMS crosswalk, workflow states)
// with Indonesian and English labels. Loading checks the data: every list non-empty, codes unique,
// both labels present, crosswalk targets exist, age groups well-formed. Immutable afterwards.
class CodeLists final
{
public:
    // The lists compiled into the binary (":/data/codes/codelists.json").
    static Result<CodeLists> loadBuiltin();
    static Result<CodeLists> loadFromJson(QByteArrayView json);

    QString version() const;
    // Sorted by name.
    QStringList listNames() const;
    // In data order; an empty list for an unknown list name.
    const QList<CodeItem> &items(QStringView list) const;
    bool contains(QStringView list, QStringView code) const;
    std::optional<CodeItem> item(QStringView list, QStringView code) const;

    // The victim_age_group code for an age in whole years; empty for a negative age.
    QString ageGroupFor(int years) const;
    // GBVIMS types for a violence_type code; empty for an unknown code or one with no GBVIMS type.
    QStringList gbvimsFor(QStringView violenceType) const;

private:
    CodeLists() = default;

    const CodeItem *find(QStringView list, QStringView code) const;

    QString m_version;
    QList<std::pair<QString, QList<CodeItem>>> m_lists; // sorted by name
    QList<CodeItem> m_none;
};

} // namespace Core
