// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/riskinstrument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// Weights and scores stay small: a checklist of a few dozen items, never a formula.
constexpr int maxNumber = 1000;
constexpr qsizetype maxCodeLength = 40;

Error corrupt(const QString &what)
{
    return Error{Error::Code::Corrupt, u"risk instrument: %1"_s.arg(what)};
}

Status checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return corrupt(u"%1: unknown key \"%2\""_s.arg(where, it.key().left(maxCodeLength)));
    }
    return {};
}

bool isCode(const QString &code)
{
    if (code.isEmpty() || code.size() > maxCodeLength)
        return false;
    for (const QChar c : code) {
        if (!(c.isDigit() || c == u'_' || (c >= u'a' && c <= u'z')))
            return false;
    }
    return true;
}

// A whole number in [0, maxNumber], or nullopt.
std::optional<int> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > maxNumber || std::floor(number) != number)
        return std::nullopt;
    return int(number);
}

// The common part of a level and an item: an object with a code and both texts.
Result<QJsonObject> entry(const QJsonValue &value, const QString &list, const QStringList &keys)
{
    if (!value.isObject())
        return corrupt(u"%1: an entry is not an object"_s.arg(list));
    const QJsonObject object = value.toObject();
    const QString code = object.value(u"code"_s).toString();
    if (!isCode(code))
        return corrupt(u"%1: an entry has no code of lowercase letters, digits and _"_s.arg(list));
    if (Status s = checkKeys(object, keys, list + u'.' + code); !s)
        return s.error();
    if (object.value(u"id"_s).toString().trimmed().isEmpty()
        || object.value(u"en"_s).toString().trimmed().isEmpty())
        return corrupt(u"%1.%2: needs both an \"id\" and an \"en\" text"_s.arg(list, code));
    return object;
}

Result<QList<RiskLevelDef>> parseLevels(const QJsonValue &value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return corrupt(u"\"levels\" is not a non-empty array"_s);
    QList<RiskLevelDef> levels;
    for (const QJsonValue element : value.toArray()) {
        const Result<QJsonObject> object
            = entry(element, u"levels"_s, {u"code"_s, u"min_score"_s, u"id"_s, u"en"_s});
        if (!object)
            return object.error();
        RiskLevelDef level{object->value(u"code"_s).toString(), 0,
                           object->value(u"id"_s).toString().trimmed(),
                           object->value(u"en"_s).toString().trimmed()};
        const std::optional<int> minScore = wholeNumber(object->value(u"min_score"_s));
        if (!minScore)
            return corrupt(u"levels.%1: \"min_score\" is not a whole number"_s.arg(level.code));
        level.minScore = *minScore;
        // Lowest first, each reached by a higher score than the one before; the first from 0, so
        // every score has a level.
        const bool rising = levels.isEmpty() ? level.minScore == 0 : level.minScore > levels.last().minScore;
        if (!rising)
            return corrupt(u"levels.%1: min_score must start at 0 and rise"_s.arg(level.code));
        for (const RiskLevelDef &other : std::as_const(levels)) {
            if (other.code == level.code)
                return corrupt(u"levels: \"%1\" appears twice"_s.arg(level.code));
        }
        levels.append(level);
    }
    return levels;
}

Result<QList<RiskItem>> parseItems(const QJsonValue &value)
{
    if (!value.isArray() || value.toArray().isEmpty())
        return corrupt(u"\"items\" is not a non-empty array"_s);
    QList<RiskItem> items;
    QSet<QString> seen;
    for (const QJsonValue element : value.toArray()) {
        const Result<QJsonObject> object
            = entry(element, u"items"_s, {u"code"_s, u"weight"_s, u"id"_s, u"en"_s});
        if (!object)
            return object.error();
        const QString code = object->value(u"code"_s).toString();
        const std::optional<int> weight = wholeNumber(object->value(u"weight"_s));
        if (!weight)
            return corrupt(u"items.%1: \"weight\" is not a whole number"_s.arg(code));
        if (seen.contains(code))
            return corrupt(u"items: \"%1\" appears twice"_s.arg(code));
        seen.insert(code);
        items.append({code, *weight, object->value(u"id"_s).toString().trimmed(),
                      object->value(u"en"_s).toString().trimmed()});
    }
    return items;
}

Result<QList<RiskRule>> parseRules(const QJsonValue &value, const QSet<QString> &items,
                                   const QSet<QString> &levels)
{
    if (!value.isArray())
        return corrupt(u"\"rules\" is not an array"_s);
    QList<RiskRule> rules;
    for (const QJsonValue element : value.toArray()) {
        if (!element.isObject())
            return corrupt(u"rules: a rule is not an object"_s);
        const QJsonObject object = element.toObject();
        if (Status s = checkKeys(object, {u"all"_s, u"level"_s}, u"rules"_s); !s)
            return s.error();
        RiskRule rule;
        rule.level = object.value(u"level"_s).toString();
        if (!levels.contains(rule.level))
            return corrupt(u"rules: \"%1\" is not a level"_s.arg(rule.level.left(maxCodeLength)));
        if (!object.value(u"all"_s).isArray() || object.value(u"all"_s).toArray().isEmpty())
            return corrupt(u"rules: \"all\" is not a non-empty array"_s);
        for (const QJsonValue item : object.value(u"all"_s).toArray()) {
            if (!items.contains(item.toString()))
                return corrupt(u"rules: \"%1\" is not an item"_s.arg(item.toString().left(maxCodeLength)));
            rule.all.append(item.toString());
        }
        rules.append(rule);
    }
    return rules;
}

} // namespace

QString RiskItem::text(QStringView lang) const
{
    return lang.startsWith(u"en"_s, Qt::CaseInsensitive) ? textEn : textId;
}

QString RiskLevelDef::definition(QStringView lang) const
{
    return lang.startsWith(u"en"_s, Qt::CaseInsensitive) ? definitionEn : definitionId;
}

Result<RiskInstrument> RiskInstrument::loadBuiltin()
{
    QFile file(u":/data/risk/risk_instrument.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound,
                     u"built-in risk instrument missing: %1"_s.arg(file.errorString())};
    const QByteArray json = file.readAll();
    return loadFromJson(json);
}

Result<RiskInstrument> RiskInstrument::loadFromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return corrupt(
            u"not valid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return corrupt(u"top level is not an object"_s);
    const QJsonObject root = document.object();
    if (Status s
        = checkKeys(root, {u"version"_s, u"note"_s, u"levels"_s, u"items"_s, u"rules"_s}, u"top level"_s);
        !s)
        return s.error();

    RiskInstrument instrument;
    instrument.m_version = root.value(u"version"_s).toString().trimmed();
    // The version is stored with every assessment (risk_assessment.instrument, 20 characters).
    if (instrument.m_version.isEmpty() || instrument.m_version.size() > 20)
        return corrupt(u"\"version\" must be 1 to 20 characters"_s);
    Result<QList<RiskLevelDef>> levels = parseLevels(root.value(u"levels"_s));
    if (!levels)
        return levels.error();
    Result<QList<RiskItem>> items = parseItems(root.value(u"items"_s));
    if (!items)
        return items.error();
    QSet<QString> itemCodes;
    for (const RiskItem &item : std::as_const(*items))
        itemCodes.insert(item.code);
    QSet<QString> levelCodes;
    for (const RiskLevelDef &level : std::as_const(*levels))
        levelCodes.insert(level.code);
    Result<QList<RiskRule>> rules = parseRules(root.value(u"rules"_s), itemCodes, levelCodes);
    if (!rules)
        return rules.error();
    instrument.m_levels = std::move(*levels);
    instrument.m_items = std::move(*items);
    instrument.m_rules = std::move(*rules);
    return instrument;
}

QStringList RiskInstrument::answerCodes()
{
    return {u"yes"_s, u"no"_s, u"unknown"_s};
}

int RiskInstrument::rank(QStringView level) const
{
    for (qsizetype i = 0; i < m_levels.size(); ++i) {
        if (m_levels.at(i).code == level)
            return int(i);
    }
    return -1;
}

QString RiskInstrument::higher(const QString &a, const QString &b) const
{
    return rank(b) > rank(a) ? b : a;
}

int RiskInstrument::score(const QVariantMap &answers) const
{
    int total = 0;
    for (const RiskItem &item : m_items) {
        if (answers.value(item.code).toString() == u"yes")
            total += item.weight;
    }
    return total;
}

QString RiskInstrument::suggest(const QVariantMap &answers) const
{
    const int total = score(answers);
    QString level = m_levels.first().code;
    for (const RiskLevelDef &def : m_levels) {
        if (total >= def.minScore)
            level = def.code;
    }
    for (const RiskRule &rule : m_rules) {
        const bool all = std::all_of(rule.all.cbegin(), rule.all.cend(), [&](const QString &item) {
            return answers.value(item).toString() == u"yes";
        });
        if (all)
            level = higher(level, rule.level);
    }
    return level;
}

} // namespace Core
