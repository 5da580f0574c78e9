// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"

#include "core/cases/recordreader.h"
#include "core/changelog/action.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/clock.h"
#include "core/domain/validator.h"
#include "core/sql/database.h"
#include "core/util/uuid.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QStringBuilder>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const EntityDef &def(QStringView name)
{
    const EntityDef *e = Schema::entity(name);
    Q_ASSERT(e);
    return *e;
}

// Prefix a validation error's field with where it sits in the draft ("people[1].nik").
Error located(Error error, const QString &where)
{
    if (error.code == Error::Code::InvalidInput)
        error.field = where + u'.' + error.field;
    return error;
}

} // namespace

CaseRepository::CaseRepository(ChangeLog &log, RecordReader &reader, const Validator &validator,
                               const Actor &actor)
    : m_log(log)
    , m_reader(reader)
    , m_validator(validator)
    , m_actor(actor)
    , m_people(log, reader, actor)
{ }

Result<QString> CaseRepository::nextNumber(const QString &districtCode, qint64 nowMs)
{
    // Case numbers are made offline without colliding across laptops: the regency, this
    // device's random prefix (assigned at profile creation, replaced when the database turns out
    // to be a copy of another laptop's), the year and a per-device sequence. The server adds the
    // registry number, which is unique in the district.
    const Result<QString> prefix = m_log.meta(u"device_prefix"_s);
    if (!prefix)
        return prefix.error();
    // The year as the district's calendar has it: a case taken at 00:30 WITA on 1 January is
    // numbered in the new year, though UTC (and WIB) are still in the old one.
    const int year = m_validator.districtTime().date(nowMs).year();
    const QString key = u"case_seq/%1"_s.arg(year);
    const Result<QString> last = m_log.meta(key);
    const qint64 seq = (last ? last->toLongLong() : 0) + 1;
    if (Status s = m_log.setMeta(key, QString::number(seq)); !s)
        return s.error();
    QString regency = districtCode;
    regency.remove(u'.');
    return u"%1-%2-%3-%4"_s.arg(regency.left(4), *prefix).arg(year).arg(seq, 4, 10, QChar(u'0'));
}

Status CaseRepository::writeParties(Action &action, const QString &caseId, QList<PartyInput> &parties,
                                    const QString &incidentOn)
{
    const QDate incident = QDate::fromString(incidentOn, Qt::ISODate);
    // People first, then links: a link may name a victim by position, and a new person has an
    // id only once written.
    QStringList victims;
    for (qsizetype i = 0; i < parties.size(); ++i) {
        PartyInput &party = parties[i];
        if (Status s = resolveLinkedPerson(caseId, party, i); !s)
            return s;
        if (Status s = writePerson(action, caseId, party, i, incident); !s)
            return s;
        if (party.link.value(u"role"_s).toString() == u"victim")
            victims << party.personId;
    }
    for (qsizetype i = 0; i < parties.size(); ++i) {
        if (Status s = writeLink(action, caseId, parties, i, victims); !s)
            return s;
    }
    return {};
}

Status CaseRepository::resolveLinkedPerson(const QString &caseId, PartyInput &party, qsizetype i)
{
    if (party.linkId.isEmpty())
        return {};
    const QString where = u"people[%1]"_s.arg(i);
    // An existing link must belong to this case, and its person is the one it names: a patch of
    // one case never rewrites another case's people.
    const Result<Record> existing = m_reader.find(def(u"case_person"), party.linkId);
    if (!existing || existing->caseId != caseId)
        return Error{Error::Code::NotFound, u"people[%1]: no such person link in this case"_s.arg(i), where};
    const QString linked = existing->text(u"person_id"_s);
    // A case file shows a merged record under the person it was merged into: that id names the
    // same person.
    if (!party.personId.isEmpty() && party.personId != linked) {
        const Result<QString> shownAs = m_people.canonical(linked);
        if (!shownAs || *shownAs != party.personId)
            return invalidInput(Error::Reason::NotAllowedValue, where + u".person_id"_s,
                                u"the link names another person"_s);
    } else {
        party.personId = linked;
    }
    return {};
}

Result<QVariantHash> CaseRepository::validatePerson(const QString &caseId, PartyInput &party, qsizetype i)
{
    const EntityDef &person = def(u"person");
    const QString where = u"people[%1]"_s.arg(i);
    if (party.personId.isEmpty()) {
        if (Status s = m_validator.validate(person, party.person, true); !s)
            return located(s.error(), where + u".person"_s);
        return party.person;
    }
    const Result<Record> existing = m_reader.find(person, party.personId, true);
    if (!existing)
        return Error{Error::Code::NotFound, u"people[%1]: no such person"_s.arg(i), where + u".person_id"_s};
    // Patching someone known only through another case is not this case's business.
    if (!party.person.isEmpty() && party.linkId.isEmpty() && !m_people.inCase(party.personId, caseId))
        return Error{Error::Code::Conflict, u"people[%1]: the person is not part of this case"_s.arg(i),
                     where + u".person_id"_s, Error::Reason::OutOfScope};
    if (Status s = m_validator.validate(person, party.person, false); !s)
        return located(s.error(), where + u".person"_s);
    // Cross-field rules (NIK against sex and birth date) see the merged person.
    QVariantHash merged = existing->fields;
    for (auto it = party.person.cbegin(); it != party.person.cend(); ++it)
        merged.insert(it.key(), it.value());
    for (const FieldDef &field : person.fields) {
        if (field.kind == FieldKind::ServerOnly)
            merged.remove(field.name);
    }
    if (Status s = m_validator.validate(person, merged, false); !s)
        return located(s.error(), where + u".person"_s);
    if (merged.value(u"birth_year"_s) != existing->fields.value(u"birth_year"_s))
        party.person.insert(u"birth_year"_s, merged.value(u"birth_year"_s));
    return merged;
}

Status CaseRepository::writePerson(Action &action, const QString &caseId, PartyInput &party, qsizetype i,
                                   QDate incident)
{
    const EntityDef &person = def(u"person");
    const bool newPerson = party.personId.isEmpty();
    const Result<QVariantHash> merged = validatePerson(caseId, party, i);
    if (!merged)
        return merged.error();
    const QDate birth = QDate::fromString(merged->value(u"birth_date"_s).toString(), Qt::ISODate);
    if (birth.isValid() && incident.isValid() && birth > incident) {
        Error error = invalidInput(Error::Reason::AfterOther, u"people[%1].person.birth_date"_s.arg(i),
                                   u"the birth date is after the incident date"_s, u"person"_s);
        error.other = u"incident_on"_s;
        return error;
    }
    if (newPerson) {
        party.personId = newUuidV7(action.startedAt());
        return action.insert(person, party.personId, caseId, party.person);
    }
    if (!party.person.isEmpty())
        return action.update(person, party.personId, caseId, party.person);
    return {};
}

Status CaseRepository::writeLink(Action &action, const QString &caseId, QList<PartyInput> &parties,
                                 qsizetype i, const QStringList &victims)
{
    const EntityDef &link = def(u"case_person");
    PartyInput &party = parties[i];
    const QString where = u"people[%1]"_s.arg(i);
    const bool newLink = party.linkId.isEmpty();
    if (party.victimIndex >= 0) {
        // The victim named by position in the same draft (new people have no ids yet).
        if (party.victimIndex >= parties.size()
            || parties.at(party.victimIndex).link.value(u"role"_s).toString() != u"victim")
            return invalidInput(Error::Reason::NotAllowedValue, where + u".victim_index"_s,
                                u"victim_index does not point at a victim"_s);
        party.link.insert(u"victim_person_id"_s, parties.at(party.victimIndex).personId);
    }
    if (newLink) {
        party.link.insert(u"person_id"_s, party.personId);
        // A perpetrator's relationship is to a victim; with a single victim it is implied.
        if (party.link.value(u"role"_s).toString() == u"perpetrator"
            && !party.link.contains(u"victim_person_id"_s) && victims.size() == 1)
            party.link.insert(u"victim_person_id"_s, victims.first());
    }
    const QString victim = party.link.value(u"victim_person_id"_s).toString();
    if (!victim.isEmpty() && !victims.contains(victim) && !m_people.inCase(victim, caseId))
        return invalidInput(Error::Reason::NotAllowedValue, where + u".victim_person_id"_s,
                            u"the victim is not a person of this case"_s);
    if (party.link.isEmpty())
        return {};
    if (Status s = m_validator.validate(link, party.link, newLink); !s)
        return located(s.error(), where);
    if (newLink) {
        party.linkId = newUuidV7(action.startedAt());
        return action.insert(link, party.linkId, caseId, party.link);
    }
    return action.update(link, party.linkId, caseId, party.link);
}

Result<Record> CaseRepository::create(CaseDraft draft)
{
    const EntityDef &kase = def(u"case");
    // Server-only fields (number, assignment) are set here, after validation refused them as
    // input.
    if (draft.fields.contains(u"status"_s)
        && draft.fields.value(u"status"_s).toString() != Workflow::initialStatus())
        return invalidInput(Error::Reason::SetBySystem, u"status"_s, u"a new case starts in status intake"_s);
    draft.fields.insert(u"status"_s, Workflow::initialStatus());
    if (Status s = checkMayRecord(m_actor); !s)
        return s.error();
    if (Status s = m_validator.validate(kase, draft.fields, true); !s)
        return s.error();

    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    Action &action = **begun;
    const QString id = newUuidV7(action.startedAt());
    const Result<QString> number
        = nextNumber(draft.fields.value(u"district_code"_s).toString(), action.startedAt());
    if (!number)
        return number.error();
    draft.fields.insert(u"number"_s, *number);
    draft.fields.insert(u"assigned_user"_s, m_actor.login);
    if (draft.risk) // the first assessment sets the case's current level
        draft.fields.insert(u"risk_level"_s, draft.risk->value(u"level"_s));
    if (Status s = action.insert(kase, id, id, draft.fields); !s)
        return s.error();
    if (Status s = writeParties(action, id, draft.parties, draft.fields.value(u"incident_on"_s).toString());
        !s)
        return s.error();
    if (draft.risk) {
        QVariantHash risk = *draft.risk;
        if (!risk.contains(u"assessed_at"_s))
            risk.insert(u"assessed_at"_s, action.startedAt());
        if (Status s = m_validator.validate(def(u"risk_assessment"), risk, true); !s)
            return located(s.error(), u"risk"_s);
        // The case row already carries this level (set above, before its insert).
        if (Status s = action.insert(def(u"risk_assessment"), newUuidV7(action.startedAt()), id, risk); !s)
            return s.error();
    }
    QVariantHash change{{u"to_status"_s, Workflow::initialStatus()}, {u"changed_at"_s, action.startedAt()}};
    if (Status s = action.insert(def(u"status_change"), newUuidV7(action.startedAt()), id, change); !s)
        return s.error();
    if (Status s = action.commit(); !s)
        return s.error();

    Record record;
    record.entity = kase.name;
    record.id = id;
    record.fields = draft.fields;
    return record;
}

Status CaseRepository::update(const QString &id, CaseDraft patch)
{
    if (Status s = checkMayRecord(m_actor); !s)
        return s;
    const EntityDef &kase = def(u"case");
    const Result<Record> current = m_reader.find(kase, id);
    if (!current)
        return current.error();
    if (Status s = m_validator.validate(kase, patch.fields, false); !s)
        return s;
    // Cross-field rules see the merged record.
    QVariantHash merged = current->fields;
    for (auto it = patch.fields.cbegin(); it != patch.fields.cend(); ++it)
        merged.insert(it.key(), it.value());
    for (const FieldDef &field : kase.fields) {
        if (field.kind == FieldKind::ServerOnly)
            merged.remove(field.name); // stored, not input: not re-validated
    }
    if (Status s = m_validator.validate(kase, merged, false); !s)
        return s;
    if (Status s = checkRoleChanges(id, patch.parties); !s)
        return s;

    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    Action &action = **begun;
    const QString from = current->text(u"status"_s);
    const QString to = patch.fields.value(u"status"_s).toString();
    if (patch.fields.contains(u"status"_s) && to != from) {
        if (Status s = Workflow::check(from, to, m_actor.role, !patch.statusReason.trimmed().isEmpty()); !s)
            return s;
        QVariantHash change{{u"from_status"_s, from},
                            {u"to_status"_s, to},
                            {u"changed_at"_s, action.startedAt()},
                            {u"reason"_s, patch.statusReason}};
        if (Status s = m_validator.validate(def(u"status_change"), change, true); !s)
            return located(s.error(), u"status"_s);
        if (Status s = action.insert(def(u"status_change"), newUuidV7(action.startedAt()), id, change); !s)
            return s;
    } else {
        patch.fields.remove(u"status"_s);
    }
    if (Status s = action.update(kase, id, id, patch.fields); !s)
        return s;
    if (Status s = writeParties(action, id, patch.parties, merged.value(u"incident_on"_s).toString()); !s)
        return s;
    if (patch.risk) {
        QVariantHash risk = *patch.risk;
        if (!risk.contains(u"assessed_at"_s))
            risk.insert(u"assessed_at"_s, action.startedAt());
        if (Status s = m_validator.validate(def(u"risk_assessment"), risk, true); !s)
            return located(s.error(), u"risk"_s);
        if (Status s = action.update(kase, id, id, {{u"risk_level"_s, risk.value(u"level"_s)}}); !s)
            return s;
        if (Status s = action.insert(def(u"risk_assessment"), newUuidV7(action.startedAt()), id, risk); !s)
            return s;
    }
    return action.commit();
}

Status CaseRepository::setDeleted(const QString &id, bool deleted)
{
    if (Status s = checkMayRecord(m_actor); !s)
        return s;
    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    if (Status s = (*begun)->setDeleted(def(u"case"), id, id, deleted); !s)
        return s;
    return (*begun)->commit();
}

// A role changed away from "victim" on an existing link is a removal of that role.
Status CaseRepository::checkRoleChanges(const QString &caseId, const QList<PartyInput> &parties)
{
    for (const PartyInput &party : parties) {
        if (party.linkId.isEmpty() || !party.link.contains(u"role"_s)
            || party.link.value(u"role"_s).toString() == u"victim")
            continue;
        const Result<Record> existing = m_reader.find(def(u"case_person"), party.linkId);
        if (!existing || existing->caseId != caseId)
            continue; // writeParties refuses a link of another case
        if (Status s = keepsAVictim(caseId, *existing); !s)
            return s;
    }
    return {};
}

Status CaseRepository::keepsAVictim(const QString &caseId, const Record &leaving)
{
    if (leaving.text(u"role"_s) != u"victim")
        return {};
    // Another victim: another link in the victim role, to another person as the file shows it.
    const EntityDef &link = def(u"case_person");
    const Result<QList<Record>> links = m_reader.childrenOf(link, caseId);
    if (!links)
        return links.error();
    const Result<QString> removed = m_people.canonical(leaving.text(u"person_id"_s));
    bool another = false;
    for (const Record &other : *links) {
        if (other.id == leaving.id || other.text(u"role"_s) != u"victim")
            continue;
        const Result<QString> person = m_people.canonical(other.text(u"person_id"_s));
        another = another || !removed || !person || *person != *removed;
    }
    if (!another)
        return Error{Error::Code::Conflict, u"the case's last victim keeps the role"_s, QString(),
                     Error::Reason::LastVictim};
    return {};
}

Status CaseRepository::removeParty(const QString &caseId, const QString &linkId)
{
    if (Status s = checkMayRecord(m_actor); !s)
        return s;
    const EntityDef &link = def(u"case_person");
    const Result<Record> existing = m_reader.find(link, linkId);
    if (!existing || existing->caseId != caseId)
        return Error{Error::Code::NotFound, u"no such person link in this case"_s, u"person_id"_s};
    if (Status s = keepsAVictim(caseId, *existing); !s)
        return s;
    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    if (Status s = (*begun)->setDeleted(link, linkId, caseId, true); !s)
        return s;
    return (*begun)->commit();
}

Result<CaseFile> CaseRepository::load(const QString &id)
{
    CaseFile file;
    Result<Record> kase = m_reader.find(def(u"case"), id);
    if (!kase)
        return kase.error();
    file.kase = std::move(*kase);
    Result<QList<Record>> links = m_reader.childrenOf(def(u"case_person"), id);
    if (!links)
        return links.error();
    QSet<QString> shown; // canonical person and role
    for (Record &link : *links) {
        Result<Record> person = m_people.resolved(link.text(u"person_id"_s));
        if (!person)
            return person.error();
        const QString key = person->id + u'\x1f' + link.text(u"role"_s);
        if (shown.contains(key))
            continue;
        shown.insert(key);
        file.parties.append({std::move(link), std::move(*person)});
    }
    for (const EntityDef &entity : Schema::entities()) {
        if (!entity.caseChild || entity.name == u"case_person")
            continue;
        Result<QList<Record>> rows = m_reader.childrenOf(entity, id);
        if (!rows)
            return rows.error();
        file.children.insert(entity.name, *rows);
    }
    Statement &pending = m_log.database().statement(
        // The unary + keeps SQLite on the case_id index (the primary key's site_seq range would
        // otherwise tempt it into scanning every op of this site: 1.5 s at 50k cases).
        u"SELECT count(*) FROM change_ops WHERE case_id = ? AND +site_id = ? AND +site_seq > "
        "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'acked_through'), 0)"_s);
    pending.bind(1, id);
    pending.bind(2, m_log.siteId());
    if (!pending.next()) {
        const Error error = pending.error();
        pending.reset();
        return error;
    }
    file.unsyncedOps = pending.int64(0);
    pending.reset();
    Statement &conflicts = m_log.database().statement(
        u"SELECT count(*) FROM conflicts WHERE case_id = ? AND resolved_at IS NULL"_s);
    conflicts.bind(1, id);
    if (!conflicts.next()) {
        const Error error = conflicts.error();
        conflicts.reset();
        return error;
    }
    file.openConflicts = conflicts.int64(0);
    conflicts.reset();
    return file;
}

namespace {

// The SELECT of a case list and its binds: the filter's conditions, then either the given ids
// (a non-empty list) or the page in recency order.
struct ListQuery
{
    QString sql;
    QVariantList binds;
};

ListQuery listQuery(const CaseFilter &filter, bool countOnly = false)
{
    ListQuery q{countOnly
                    ? u"SELECT count(*) FROM cases WHERE 1"_s
                    : u"SELECT id, number, status, risk_level, reported_on, incident_region, violence_types, "
                      "updated_at FROM cases WHERE 1"_s,
                {}};
    if (!filter.includeDeleted)
        q.sql += u" AND deleted = 0"_s;
    if (!filter.status.isEmpty()) {
        q.sql += u" AND status = ?"_s;
        q.binds << filter.status;
    }
    if (!filter.violenceType.isEmpty()) {
        q.sql += u" AND EXISTS (SELECT 1 FROM json_each(violence_types) WHERE value = ?)"_s;
        q.binds << filter.violenceType;
    }
    if (!filter.riskLevel.isEmpty()) {
        q.sql += u" AND risk_level = ?"_s;
        q.binds << filter.riskLevel;
    }
    if (!filter.area.isEmpty()) {
        // Region codes are hierarchical: the area itself or anything below it.
        q.sql += u" AND (incident_region = ? OR incident_region LIKE ? ESCAPE '\\')"_s;
        QString prefix = filter.area;
        prefix.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        q.binds << filter.area << QString(prefix + u".%"_s);
    }
    if (!filter.assignedUser.isEmpty()) {
        q.sql += u" AND assigned_user = ?"_s;
        q.binds << filter.assignedUser;
    }
    if (!filter.overdueOn.isEmpty()) {
        q.sql += u" AND EXISTS (SELECT 1 FROM followups f WHERE f.case_id = cases.id AND f.status = 'open' "
                 "AND f.deleted = 0 AND f.due_on < ?)"_s;
        q.binds << filter.overdueOn;
    }
    if (filter.ids) {
        q.sql += u" AND id IN (SELECT value FROM json_each(?))"_s;
        q.binds << QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(*filter.ids)).toJson(QJsonDocument::Compact));
    } else if (!countOnly) {
        q.sql += u" ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?"_s;
        q.binds << filter.limit << filter.offset;
    }
    return q;
}

// Puts rows back in the order of `ids` (the search ranking) and keeps the first `limit`.
void keepRankOrder(QList<CaseSummary> &rows, const QStringList &ids, int limit)
{
    QHash<QString, qsizetype> rank;
    for (qsizetype i = 0; i < ids.size(); ++i)
        rank.insert(ids.at(i), i);
    std::sort(rows.begin(), rows.end(), [&](const CaseSummary &a, const CaseSummary &b) {
        return rank.value(a.id) < rank.value(b.id);
    });
    if (rows.size() > limit)
        rows.resize(limit);
}

} // namespace

Result<QList<CaseSummary>> CaseRepository::list(const CaseFilter &filter)
{
    if (filter.ids && filter.ids->isEmpty())
        return QList<CaseSummary>{};
    const ListQuery q = listQuery(filter);
    Statement &query = m_log.database().statement(q.sql);
    int column = 1;
    for (const QVariant &bind : q.binds)
        query.bind(column++, bind);
    const FieldDef &setField = *def(u"case").field(u"violence_types");
    QList<CaseSummary> rows;
    while (query.next()) {
        CaseSummary row;
        row.id = query.text(0);
        row.number = query.text(1);
        row.status = query.text(2);
        row.riskLevel = query.text(3);
        row.reportedOn = query.text(4);
        row.incidentRegion = query.text(5);
        row.violenceTypes = ValueCodec::fromColumn(setField, query.value(6)).toStringList();
        row.updatedAt = query.int64(7);
        rows << std::move(row);
    }
    if (query.failed()) {
        const Error error = query.error();
        query.reset();
        return error;
    }
    query.reset();
    if (filter.ids)
        keepRankOrder(rows, *filter.ids, filter.limit);
    return rows;
}

Result<qint64> CaseRepository::count(const CaseFilter &filter)
{
    if (filter.ids && filter.ids->isEmpty())
        return qint64(0);
    const ListQuery q = listQuery(filter, true);
    Statement &query = m_log.database().statement(q.sql);
    int column = 1;
    for (const QVariant &bind : q.binds)
        query.bind(column++, bind);
    const bool found = query.next();
    const qint64 total = found ? query.int64(0) : 0;
    const bool failed = query.failed();
    const Error error = failed ? query.error() : Error{};
    query.reset();
    if (failed)
        return error;
    return total;
}

Result<QString> CaseRepository::resolve(const QString &idOrNumber)
{
    Statement &query = m_log.database().statement(
        u"SELECT id FROM cases WHERE id = ?1 OR number = ?1 OR registry_number = ?1"_s);
    query.bind(1, idOrNumber);
    if (!query.next()) {
        const Error error
            = query.failed() ? query.error() : Error{Error::Code::NotFound, u"no case %1"_s.arg(idOrNumber)};
        query.reset();
        return error;
    }
    QString id = query.text(0);
    query.reset();
    return id;
}

} // namespace Core
