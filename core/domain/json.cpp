// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/json.h"

#include "core/cases/caserepository.h"
#include "core/changelog/historyreader.h"
#include "core/clock/hlc.h"
#include "core/util/text.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Core::Json {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue toJsonValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return QJsonArray::fromStringList(value.toStringList());
    return QJsonValue::fromVariant(value);
}

} // namespace

Result<QJsonObject> parseObject(QByteArrayView bytes)
{
    if (!isValidUtf8(bytes))
        return invalidInput(Error::Reason::BadCharacters, u"input"_s, u"the input is not valid UTF-8"_s);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return invalidInput(
            Error::Reason::BadFormat, u"input"_s,
            u"the input is not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return invalidInput(Error::Reason::BadFormat, u"input"_s, u"the input must be a JSON object"_s);
    return doc.object();
}

QVariantHash toFields(const QJsonObject &object)
{
    QVariantHash fields;
    for (auto it = object.begin(); it != object.end(); ++it)
        fields.insert(it.key(), it.value().isNull() ? QVariant() : it.value().toVariant());
    return fields;
}

Result<CaseDraft> toCaseDraft(const QJsonObject &object)
{
    CaseDraft draft;
    QJsonObject fields = object;
    if (fields.contains(u"people"_s)) {
        const QJsonValue people = fields.take(u"people"_s);
        if (!people.isArray())
            return invalidInput(Error::Reason::BadFormat, u"people"_s, u"people must be a list"_s);
        int index = 0;
        const QJsonArray entries = people.toArray();
        for (const QJsonValue entry : entries) {
            if (!entry.isObject())
                return invalidInput(Error::Reason::BadFormat, u"people[%1]"_s.arg(index),
                                    u"each person entry must be an object"_s);
            QJsonObject link = entry.toObject();
            PartyInput party;
            const QJsonValue linkId = link.take(u"link_id"_s);
            const QJsonValue personId = link.take(u"person_id"_s);
            if ((!linkId.isUndefined() && !linkId.isString())
                || (!personId.isUndefined() && !personId.isString()))
                return invalidInput(Error::Reason::BadFormat, u"people[%1]"_s.arg(index),
                                    u"link_id and person_id must be text ids"_s);
            party.linkId = linkId.toString();
            party.personId = personId.toString();
            if (const QJsonValue victim = link.take(u"victim_index"_s); !victim.isUndefined()) {
                if (!victim.isDouble() || victim.toDouble() < 0
                    || victim.toDouble() != double(victim.toInt()))
                    return invalidInput(Error::Reason::BadFormat, u"people[%1].victim_index"_s.arg(index),
                                        u"victim_index must be a position"_s);
                party.victimIndex = victim.toInt();
            }
            const QJsonValue person = link.take(u"person"_s);
            if (!person.isUndefined() && !person.isObject())
                return invalidInput(Error::Reason::BadFormat, u"people[%1].person"_s.arg(index),
                                    u"person must be an object"_s);
            party.person = toFields(person.toObject());
            party.link = toFields(link);
            draft.parties << party;
            ++index;
        }
    }
    if (fields.contains(u"risk"_s)) {
        const QJsonValue risk = fields.take(u"risk"_s);
        if (!risk.isObject())
            return invalidInput(Error::Reason::BadFormat, u"risk"_s, u"risk must be an object"_s);
        draft.risk = toFields(risk.toObject());
    }
    const QJsonValue reason = fields.take(u"status_reason"_s);
    if (!reason.isUndefined() && !reason.isString())
        return invalidInput(Error::Reason::BadFormat, u"status_reason"_s, u"status_reason must be text"_s);
    draft.statusReason = reason.toString();
    draft.fields = toFields(fields);
    return draft;
}

QJsonObject fromRecord(const Record &record)
{
    QJsonObject json;
    for (auto it = record.fields.cbegin(); it != record.fields.cend(); ++it) {
        if (!it.value().isNull())
            json.insert(it.key(), toJsonValue(it.value()));
    }
    json.insert(u"id"_s, record.id);
    if (!record.caseId.isEmpty())
        json.insert(u"case_id"_s, record.caseId);
    if (record.createdAt) {
        json.insert(u"created_at"_s, isoTime(record.createdAt));
        json.insert(u"created_by"_s, record.createdBy);
        json.insert(u"updated_at"_s, isoTime(record.updatedAt));
    }
    if (record.deleted)
        json.insert(u"deleted"_s, true);
    return json;
}

QJsonObject fromCaseFile(const CaseFile &file)
{
    QJsonObject json = fromRecord(file.kase);
    QJsonArray people;
    for (const CaseParty &party : file.parties) {
        QJsonObject entry = fromRecord(party.link);
        entry.insert(u"link_id"_s, party.link.id);
        entry.remove(u"id"_s);
        entry.insert(u"person"_s, fromRecord(party.person));
        people.append(entry);
    }
    json.insert(u"people"_s, people);
    for (auto it = file.children.cbegin(); it != file.children.cend(); ++it) {
        QJsonArray rows;
        for (const Record &record : it.value())
            rows.append(fromRecord(record));
        json.insert(it.key() + u's', rows);
    }
    // Conflicts first: a case with an open conflict needs a person, whatever else is true.
    const QString state = file.openConflicts > 0 ? u"conflict"_s
                        : file.unsyncedOps > 0   ? u"pending"_s
                                                 : u"synced"_s;
    json.insert(u"sync"_s, QJsonObject{{u"state"_s, state},
                                       {u"unsynced_changes"_s, file.unsyncedOps},
                                       {u"open_conflicts"_s, file.openConflicts}});
    return json;
}

QJsonObject fromSummary(const CaseSummary &summary)
{
    QJsonObject json{{u"id"_s, summary.id},
                     {u"number"_s, summary.number},
                     {u"status"_s, summary.status},
                     {u"reported_on"_s, summary.reportedOn},
                     {u"violence_types"_s, QJsonArray::fromStringList(summary.violenceTypes)},
                     {u"updated_at"_s, isoTime(summary.updatedAt)}};
    if (!summary.riskLevel.isEmpty())
        json.insert(u"risk_level"_s, summary.riskLevel);
    if (!summary.incidentRegion.isEmpty())
        json.insert(u"incident_region"_s, summary.incidentRegion);
    return json;
}

QJsonObject fromHistory(const HistoryEntry &entry)
{
    QJsonObject json{{u"at"_s, isoTime(entry.atMs)},
                     {u"author"_s, entry.author},
                     {u"entity"_s, entry.entity},
                     {u"entity_id"_s, entry.entityId},
                     {u"field"_s, entry.field},
                     {u"op"_s, entry.op},
                     {u"site"_s, entry.siteId},
                     {u"seq"_s, entry.siteSeq},
                     {u"txn"_s, entry.txnId},
                     {u"hlc"_s, QString::number(entry.hlc)},
                     {u"base"_s, QString::number(entry.base)}};
    if (entry.value.isValid())
        json.insert(u"value"_s, toJsonValue(entry.value));
    return json;
}

} // namespace Core::Json
