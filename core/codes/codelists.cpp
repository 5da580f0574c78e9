// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/codes/codelists.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

constexpr QStringView ageGroupList = u"victim_age_group";
constexpr QStringView violenceTypeList = u"violence_type";
constexpr QStringView gbvimsTypeList = u"gbvims_type";
constexpr QStringView itemKeys[] = {u"code", u"id", u"en", u"gbvims", u"min", u"max", u"note"};

Error corrupt(const QString &what)
{
    return Error{Error::Code::Corrupt, u"code lists: %1"_s.arg(what)};
}

// -1 when absent; nullopt when present but not a whole number >= 0.
std::optional<int> ageValue(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return -1;
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > 200 || std::floor(number) != number)
        return std::nullopt;
    return int(number);
}

Result<CodeItem> parseItem(const QString &list, const QJsonValue &value)
{
    if (!value.isObject())
        return corrupt(u"%1: an item is not an object"_s.arg(list));
    const QJsonObject object = value.toObject();
    CodeItem item;
    item.code = object.value(u"code"_s).toString();
    if (item.code.isEmpty())
        return corrupt(u"%1: an item has no code"_s.arg(list));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (std::find(std::begin(itemKeys), std::end(itemKeys), it.key()) == std::end(itemKeys))
            return corrupt(u"%1.%2: unknown key \"%3\""_s.arg(list, item.code, it.key()));
    }
    item.labelId = object.value(u"id"_s).toString().trimmed();
    item.labelEn = object.value(u"en"_s).toString().trimmed();
    if (item.labelId.isEmpty() || item.labelEn.isEmpty())
        return corrupt(u"%1.%2: needs both an \"id\" and an \"en\" label"_s.arg(list, item.code));

    const QJsonValue gbvims = object.value(u"gbvims"_s);
    if (!gbvims.isUndefined()) {
        if (!gbvims.isArray())
            return corrupt(u"%1.%2: \"gbvims\" is not an array"_s.arg(list, item.code));
        const QJsonArray targets = gbvims.toArray();
        for (const QJsonValue target : targets) {
            if (!target.isString() || target.toString().isEmpty())
                return corrupt(u"%1.%2: \"gbvims\" holds a non-string"_s.arg(list, item.code));
            item.gbvims.append(target.toString());
        }
    }

    const std::optional<int> minAge = ageValue(object, u"min"_s);
    const std::optional<int> maxAge = ageValue(object, u"max"_s);
    if (!minAge || !maxAge)
        return corrupt(u"%1.%2: \"min\"/\"max\" must be whole numbers of years"_s.arg(list, item.code));
    if (*minAge < 0 && *maxAge >= 0)
        return corrupt(u"%1.%2: \"max\" without \"min\""_s.arg(list, item.code));
    if (*maxAge >= 0 && *maxAge < *minAge)
        return corrupt(u"%1.%2: \"max\" is below \"min\""_s.arg(list, item.code));
    item.minAge = *minAge;
    item.maxAge = *maxAge;
    return item;
}

// Age groups must run from 0 upwards without gaps or overlaps, the last one open-ended, so that
// every age has exactly one group.
Status checkAgeGroups(const QList<CodeItem> &groups)
{
    int next = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const CodeItem &group = groups.at(i);
        if (group.minAge != next)
            return corrupt(u"%1.%2 starts at %3, expected %4"_s.arg(ageGroupList, group.code)
                               .arg(group.minAge)
                               .arg(next));
        const bool last = i == groups.size() - 1;
        if (last != (group.maxAge < 0))
            return corrupt(u"%1: only the last group may be open-ended, and it must be"_s.arg(ageGroupList));
        next = group.maxAge + 1;
    }
    return {};
}

} // namespace

QString CodeItem::label(QStringView lang) const
{
    return lang.startsWith(u"en"_s, Qt::CaseInsensitive) ? labelEn : labelId;
}

Result<CodeLists> CodeLists::loadBuiltin()
{
    QFile file(u":/data/codes/codelists.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound, u"built-in code lists missing: %1"_s.arg(file.errorString())};
    const QByteArray json = file.readAll();
    return loadFromJson(json);
}

Result<CodeLists> CodeLists::loadFromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return corrupt(
            u"not valid JSON at offset %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    }
    if (!document.isObject())
        return corrupt(u"top level is not an object"_s);
    const QJsonObject root = document.object();
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (it.key() != u"version"_s && it.key() != u"lists"_s && it.key() != u"note"_s)
            return corrupt(u"unknown top-level key \"%1\""_s.arg(it.key()));
    }

    CodeLists lists;
    lists.m_version = root.value(u"version"_s).toString();
    if (lists.m_version.isEmpty())
        return corrupt(u"no \"version\""_s);
    if (!root.value(u"lists"_s).isObject())
        return corrupt(u"\"lists\" is not an object"_s);

    // QJsonObject iterates in key order, so m_lists comes out sorted by name.
    const QJsonObject listObjects = root.value(u"lists"_s).toObject();
    for (auto it = listObjects.constBegin(); it != listObjects.constEnd(); ++it) {
        if (!it.value().isArray() || it.value().toArray().isEmpty())
            return corrupt(u"list \"%1\" is not a non-empty array"_s.arg(it.key()));
        const QJsonArray array = it.value().toArray();
        QList<CodeItem> items;
        items.reserve(array.size());
        QSet<QString> seen;
        for (const QJsonValue value : array) {
            Result<CodeItem> item = parseItem(it.key(), value);
            if (!item)
                return item.error();
            if (seen.contains(item->code))
                return corrupt(u"%1.%2 appears twice"_s.arg(it.key(), item->code));
            seen.insert(item->code);
            items.append(std::move(item).value());
        }
        lists.m_lists.append({it.key(), std::move(items)});
    }

    // Cross-checks between lists.
    for (const auto &[name, items] : std::as_const(lists.m_lists)) {
        for (const CodeItem &item : items) {
            if (!item.gbvims.isEmpty() && name != violenceTypeList)
                return corrupt(
                    u"%1.%2: \"gbvims\" belongs to %3 only"_s.arg(name, item.code, violenceTypeList));
            for (const QString &target : item.gbvims) {
                if (!lists.contains(gbvimsTypeList, target))
                    return corrupt(u"%1.%2: unknown GBVIMS type \"%3\""_s.arg(name, item.code, target));
            }
            if (item.minAge >= 0 && name != ageGroupList)
                return corrupt(u"%1.%2: ages belong to %3 only"_s.arg(name, item.code, ageGroupList));
        }
        if (name == ageGroupList) {
            if (const Status ages = checkAgeGroups(items); !ages)
                return ages.error();
        }
    }
    return lists;
}

QString CodeLists::version() const
{
    return m_version;
}

QStringList CodeLists::listNames() const
{
    QStringList names;
    names.reserve(m_lists.size());
    for (const auto &list : m_lists)
        names.append(list.first);
    return names;
}

const QList<CodeItem> &CodeLists::items(QStringView list) const
{
    const auto it = std::lower_bound(m_lists.cbegin(), m_lists.cend(), list,
                                     [](const auto &entry, QStringView name) { return entry.first < name; });
    if (it == m_lists.cend() || it->first != list)
        return m_none;
    return it->second;
}

bool CodeLists::contains(QStringView list, QStringView code) const
{
    return find(list, code) != nullptr;
}

std::optional<CodeItem> CodeLists::item(QStringView list, QStringView code) const
{
    const CodeItem *found = find(list, code);
    if (!found)
        return std::nullopt;
    return *found;
}

QString CodeLists::ageGroupFor(int years) const
{
    if (years < 0)
        return {};
    for (const CodeItem &group : items(ageGroupList)) {
        if (years >= group.minAge && (group.maxAge < 0 || years <= group.maxAge))
            return group.code;
    }
    return {};
}

QStringList CodeLists::gbvimsFor(QStringView violenceType) const
{
    const CodeItem *found = find(violenceTypeList, violenceType);
    return found ? found->gbvims : QStringList();
}

const CodeItem *CodeLists::find(QStringView list, QStringView code) const
{
    for (const CodeItem &candidate : items(list)) {
        if (candidate.code == code)
            return &candidate;
    }
    return nullptr;
}

} // namespace Core
