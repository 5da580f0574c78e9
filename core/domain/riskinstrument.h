// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QStringList>
#include <QVariantMap>

namespace Core {

// One question of the checklist, answered yes, no or unknown.
struct RiskItem
{
    QString code; // stable, the key in an assessment's answers
    int weight = 0; // what a "yes" adds to the score
    QString textId; // the question in Indonesian
    QString textEn; // and in English

    QString text(QStringView lang) const; // English for "en…", Indonesian otherwise
};

// One risk level (the codes of the risk_level code list, lowest first) and what it means.
struct RiskLevelDef
{
    QString code;
    int minScore = 0; // the total weight of "yes" answers from which the score reaches this level
    QString definitionId;
    QString definitionEn;

    QString definition(QStringView lang) const;
};

// When every item of `all` is answered yes, the suggestion is at least `level`.
struct RiskRule
{
    QStringList all;
    QString level;
};

// The structured risk assessment (resources/risk/risk_instrument.json): versioned items, the
// four levels with their definitions and the rules that suggest a level. Loading checks the data
// (known keys, unique codes, both languages, levels in order with rising scores, rules naming
// known items and levels) and refuses anything else as Corrupt. Immutable afterwards.
//
// The suggestion is the highest of the score's level (the total weight of the "yes" answers
// against the levels' min_score) and the level of every rule whose items are all "yes". "no" and
// "unknown" add nothing: unknown answers are kept so the caseworker sees what is still to find out.
class RiskInstrument final
{
public:
    static Result<RiskInstrument> loadBuiltin(); // ":/data/risk/risk_instrument.json"
    static Result<RiskInstrument> loadFromJson(QByteArrayView json);

    // The answers an item takes, in the order a form offers them.
    static QStringList answerCodes();

    QString version() const { return m_version; }
    const QList<RiskItem> &items() const { return m_items; }
    const QList<RiskLevelDef> &levels() const { return m_levels; }
    const QList<RiskRule> &rules() const { return m_rules; }

    // The position of a level, lowest first; -1 for an unknown code.
    int rank(QStringView level) const;
    // The higher of two levels (an unknown or empty one counts as lowest).
    QString higher(const QString &a, const QString &b) const;
    // The suggested level for answers (item code → "yes"/"no"/"unknown"); unknown items are ignored.
    QString suggest(const QVariantMap &answers) const;
    int score(const QVariantMap &answers) const;

private:
    RiskInstrument() = default;

    QString m_version;
    QList<RiskItem> m_items;
    QList<RiskLevelDef> m_levels;
    QList<RiskRule> m_rules;
};

} // namespace Core
