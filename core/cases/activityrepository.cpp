// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"

#include "core/cases/recordreader.h"
#include "core/changelog/action.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/domain/validator.h"
#include "core/sql/database.h"
#include "core/util/uuid.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// When each entry happened, if the user did not say.
QString timeField(QStringView entity)
{
    if (entity == u"visit")
        return u"visited_at"_s;
    if (entity == u"risk_assessment")
        return u"assessed_at"_s;
    if (entity == u"note")
        return u"written_at"_s;
    return {};
}

bool serviceMoveAllowed(const QString &from, const QString &to)
{
    if (from == to)
        return true;
    if (to == u"cancelled")
        return from != u"completed";
    if (from == u"referred")
        return to == u"accepted" || to == u"declined";
    if (from == u"accepted")
        return to == u"completed";
    return false;
}

QString dateFieldFor(const QString &status)
{
    if (status == u"referred")
        return u"referred_on"_s;
    if (status == u"accepted")
        return u"accepted_on"_s;
    if (status == u"completed")
        return u"completed_on"_s;
    return {};
}

} // namespace

ActivityRepository::ActivityRepository(ChangeLog &log, RecordReader &reader, const Validator &validator,
                                       const Actor &actor)
    : m_log(log)
    , m_reader(reader)
    , m_validator(validator)
    , m_actor(actor)
{ }

bool ActivityRepository::isActivity(QStringView entity)
{
    static const QStringList kinds
        = {u"visit"_s, u"service"_s, u"risk_assessment"_s, u"plan_item"_s, u"followup"_s, u"note"_s};
    return kinds.contains(entity);
}

Status ActivityRepository::checkService(const QVariantHash &before, QVariantHash &changes, bool insert) const
{
    const QString from = insert ? QString() : before.value(u"status"_s).toString();
    QString to = changes.value(u"status"_s, from).toString();
    if (insert && to.isEmpty()) {
        to = u"referred"_s;
        changes.insert(u"status"_s, to);
    }
    if (!insert && !serviceMoveAllowed(from, to))
        return Error{Error::Code::Conflict, u"service status %1 → %2 is not allowed"_s.arg(from, to),
                     u"status"_s, Error::Reason::TransitionForbidden};
    // Each stage's date defaults to today when the stage is reached.
    const QString dateField = dateFieldFor(to);
    if (!dateField.isEmpty() && !changes.contains(dateField) && before.value(dateField).isNull())
        changes.insert(dateField, m_validator.today().toString(Qt::ISODate));
    return {};
}

Result<Record> ActivityRepository::add(QStringView entityName, const QString &caseId, QVariantHash values)
{
    if (!isActivity(entityName))
        return invalidInput(Error::Reason::NotAllowedValue, u"entity"_s,
                            u"%1 is not a case entry"_s.arg(entityName));
    const EntityDef &entity = *Schema::entity(entityName);
    const EntityDef &kase = *Schema::entity(u"case");
    if (const Result<Record> owner = m_reader.find(kase, caseId); !owner)
        return owner.error();
    if (Status s = checkMayRecord(m_actor); !s)
        return s.error();

    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    Action &action = **begun;
    const QString when = timeField(entityName);
    if (!when.isEmpty() && !values.contains(when))
        values.insert(when, action.startedAt());
    if (entityName == u"followup" && !values.contains(u"status"_s))
        values.insert(u"status"_s, u"open"_s);
    if (entityName == u"plan_item" && !values.contains(u"status"_s))
        values.insert(u"status"_s, u"planned"_s);
    if (entityName == u"service") {
        if (Status s = checkService({}, values, true); !s)
            return s.error();
    }
    if (Status s = m_validator.validate(entity, values, true); !s)
        return s.error();

    const QString id = newUuidV7(action.startedAt());
    if (Status s = action.insert(entity, id, caseId, values); !s)
        return s.error();
    if (entityName == u"risk_assessment") {
        // The case carries the current level so lists and the urgent-cases view need no join.
        if (Status s = action.update(kase, caseId, caseId, {{u"risk_level"_s, values.value(u"level"_s)}}); !s)
            return s.error();
    }
    if (Status s = action.commit(); !s)
        return s.error();
    Record record;
    record.entity = entity.name;
    record.id = id;
    record.caseId = caseId;
    record.fields = values;
    return record;
}

bool ActivityRepository::isLatestRisk(const QString &caseId, const QString &assessmentId)
{
    Statement &query
        = m_log.database().statement(u"SELECT id FROM risk_assessments WHERE case_id = ? AND deleted = 0 "
                                     "ORDER BY assessed_at DESC, id DESC LIMIT 1"_s);
    query.bind(1, caseId);
    const bool latest = query.next() && query.text(0) == assessmentId;
    query.reset();
    return latest;
}

Status ActivityRepository::update(QStringView entityName, const QString &id, QVariantHash changes)
{
    if (!isActivity(entityName))
        return invalidInput(Error::Reason::NotAllowedValue, u"entity"_s,
                            u"%1 is not a case entry"_s.arg(entityName));
    if (Status s = checkMayRecord(m_actor); !s)
        return s;
    const EntityDef &entity = *Schema::entity(entityName);
    const Result<Record> current = m_reader.find(entity, id);
    if (!current)
        return current.error();
    if (entityName == u"service") {
        if (Status s = checkService(current->fields, changes, false); !s)
            return s;
    }
    if (entityName == u"followup" && changes.value(u"status"_s).toString() == u"done"
        && !changes.contains(u"done_at"_s))
        changes.insert(u"done_at"_s, m_log.clock().nowMs());
    if (Status s = m_validator.validate(entity, changes, false); !s)
        return s;
    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    if (Status s = (*begun)->update(entity, id, current->caseId, changes); !s)
        return s;
    if (entityName == u"risk_assessment" && changes.contains(u"level"_s)
        && isLatestRisk(current->caseId, id)) {
        // Only the latest assessment sets the case's current level; correcting an older one
        // does not.
        if (Status s = (*begun)->update(*Schema::entity(u"case"), current->caseId, current->caseId,
                                        {{u"risk_level"_s, changes.value(u"level"_s)}});
            !s)
            return s;
    }
    return (*begun)->commit();
}

} // namespace Core
