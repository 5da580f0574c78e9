// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/authorization.h"

#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "sync/server/serverstore_p.h"

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Permission;
using Core::Result;
using Core::Status;

namespace Sync {

namespace {

const QString personEntity = u"person"_s;
const QString caseEntity = u"case"_s;
const QString linkEntity = u"case_person"_s;
const QByteArray closedStatus = QByteArrayLiteral("closed");

bool isEntry(const QString &entity)
{
    return entity != caseEntity && entity != personEntity && entity != linkEntity;
}

// The encoded value of an Id field naming `id` (how a link's person_id travels and is stored).
QByteArray encodedId(const QString &entity, const QString &field, const QString &id)
{
    const Core::EntityDef *def = Core::Schema::entity(entity);
    const Core::FieldDef *f = def ? def->field(field) : nullptr;
    return f ? Core::ValueCodec::encode(*f, id) : id.toUtf8();
}

QString idValue(const WireOp &op)
{
    return op.value ? QString::fromUtf8(*op.value) : QString();
}

} // namespace

Authorization::Authorization(const ServerStore::Private &store, const ServerDevice &device,
                             QString districtCode, const QStringList &deviceSites)
    : m_p(store)
    , m_device(device)
    , m_district(std::move(districtCode))
    , m_sites(deviceSites.cbegin(), deviceSites.cend())
    , m_role(Core::roleFromName(device.role))
{
    m_sites.insert(device.siteId);
}

bool Authorization::may(Permission permission) const
{
    return m_role && Core::may(*m_role, permission);
}

Result<Authorization::Scope> Authorization::scopeOf(const QString &caseId)
{
    if (const auto it = m_scope.constFind(caseId); it != m_scope.cend())
        return *it;
    Scope scope;
    QString assignedUser, assignedTeam, district;
    bool known = false;
    {
        auto q = m_p.exec(u"SELECT assigned_user, assigned_team, district FROM cases WHERE id = :id"_s,
                          {{u"id"_s, caseId}});
        if (!q)
            return q.error();
        if (q->next()) {
            known = true;
            assignedUser = q->value(0).toString();
            assignedTeam = q->value(1).toString();
            district = q->value(2).toString();
        }
    }
    if (!known) {
        auto purged
            = m_p.scalar(u"SELECT 1 FROM purged_cases WHERE case_id = :case"_s, {{u"case"_s, caseId}});
        if (!purged)
            return purged.error();
        scope.refusal = purged->has_value() ? Refusal::purged : Refusal::outOfScope;
        m_scope.insert(caseId, scope);
        return scope;
    }
    // Now: a supervisor (and a trainer at a workshop hub) has the district; a caseworker their
    // own and their team's cases; an administrator none.
    const bool district_ = district == m_district;
    if (m_role == Core::Role::Supervisor || m_role == Core::Role::Trainer) {
        if (district_) {
            m_scope.insert(caseId, scope);
            return scope;
        }
    } else if (m_role == Core::Role::Caseworker) {
        if (assignedUser == m_device.login
            || (!m_device.teamId.isEmpty() && assignedTeam == m_device.teamId)) {
            m_scope.insert(caseId, scope);
            return scope;
        }
    }
    scope.refusal = Refusal::outOfScope;
    // Held until a move-out (or still held: the device has not pulled since): its pending edits,
    // made while the case was its own, are accepted — those stamped before the assignment that
    // moved the case away. Anything stamped later is refused, however the device got its
    // stamp: a laptop that once created or held a case does not keep write access for ever.
    auto held = m_p.scalar(
        u"SELECT 1 FROM device_cases WHERE device_id = :device AND case_id = :case "
        "UNION ALL SELECT 1 FROM device_purges WHERE device_id = :device2 AND case_id = :case2"_s,
        {{u"device"_s, m_device.id}, {u"case"_s, caseId}, {u"device2"_s, m_device.id}, {u"case2"_s, caseId}});
    if (!held)
        return held.error();
    if (held->has_value()) {
        auto moved = m_p.scalar(u"SELECT MAX(hlc) FROM ops WHERE case_id = :case AND entity = 'case' AND "
                                "entity_id = :id AND field IN ('assigned_user', 'assigned_team')"_s,
                                {{u"case"_s, caseId}, {u"id"_s, caseId}});
        if (!moved)
            return moved.error();
        if (moved->has_value() && !(*moved)->isNull())
            scope.cutoff = (*moved)->toLongLong();
    }
    m_scope.insert(caseId, scope);
    return scope;
}

Result<QString> Authorization::writeRefusal(const QString &caseId, qint64 hlc)
{
    auto scope = scopeOf(caseId);
    if (!scope)
        return scope.error();
    if (scope->refusal.isEmpty())
        return QString();
    if (scope->refusal == Refusal::outOfScope && scope->cutoff > 0 && hlc < scope->cutoff)
        return QString();
    return scope->refusal;
}

Result<std::optional<Authorization::Binding>> Authorization::binding(const QString &entityId)
{
    if (const auto it = m_bindings.constFind(entityId); it != m_bindings.cend())
        return *it;
    auto q = m_p.exec(u"SELECT entity, case_id FROM entities WHERE id = :id"_s, {{u"id"_s, entityId}});
    if (!q)
        return q.error();
    std::optional<Binding> found;
    if (q->next())
        found = Binding{q->value(0).toString(), q->value(1).toString()};
    m_bindings.insert(entityId, found);
    return found;
}

// A person belongs to the case that created it and to every case that links it
// (`case_person.person_id`, looked up through the case's ops index).
Result<bool> Authorization::personInCase(const QString &personId, const QString &caseId)
{
    auto bound = binding(personId);
    if (!bound)
        return bound.error();
    if (!bound->has_value() || (*bound)->entity != personEntity)
        return false;
    if ((*bound)->caseId == caseId)
        return true;
    auto link
        = m_p.scalar(u"SELECT 1 FROM ops WHERE case_id = :case AND entity = 'case_person' AND "
                     "field = 'person_id' AND value = :person LIMIT 1"_s,
                     {{u"case"_s, caseId}, {u"person"_s, encodedId(linkEntity, u"person_id"_s, personId)}});
    if (!link)
        return link.error();
    return link->has_value();
}

Result<QString> Authorization::bindingRefusal(const WireOp &op, const QString &field)
{
    // A case is its own entity: a case op names itself.
    if (op.entity == caseEntity)
        return op.entityId == op.caseId ? QString() : Refusal::entityCase;
    auto bound = binding(op.entityId);
    if (!bound)
        return bound.error();
    if (op.op == u"create") {
        if (bound->has_value())
            return Refusal::exists;
        // An id is one entity: a case id is never reused as an entry's.
        auto isCase = m_p.scalar(u"SELECT 1 FROM cases WHERE id = :id UNION ALL "
                                 "SELECT 1 FROM purged_cases WHERE case_id = :id2"_s,
                                 {{u"id"_s, op.entityId}, {u"id2"_s, op.entityId}});
        if (!isCase)
            return isCase.error();
        if (isCase->has_value())
            return Refusal::exists;
    } else {
        if (!bound->has_value() || (*bound)->entity != op.entity)
            return Refusal::entityCase; // never created here, or created as something else
        if (op.entity == personEntity) {
            auto in = personInCase(op.entityId, op.caseId);
            if (!in)
                return in.error();
            if (!*in)
                return Refusal::notInCase;
        } else if ((*bound)->caseId != op.caseId) {
            return Refusal::entityCase;
        }
    }
    // Ids a row names must be people of the op's case (a victim of this case, the survivor of a
    // merge), or, for a link, a person the device may write: linking someone from a case you do
    // not hold would let you edit them through your own case.
    if (op.op == u"set" && op.value && !op.value->isEmpty()) {
        const QString named = idValue(op);
        if ((op.entity == linkEntity && field == u"victim_person_id")
            || (op.entity == personEntity && field == u"merged_into")) {
            auto in = personInCase(named, op.caseId);
            if (!in)
                return in.error();
            if (!*in)
                return Refusal::notInCase;
        } else if (op.entity == linkEntity && field == u"person_id") {
            auto target = binding(named);
            if (!target)
                return target.error();
            if (!target->has_value() || (*target)->entity != personEntity)
                return Refusal::notInCase;
            if ((*target)->caseId != op.caseId) {
                auto refusal = writeRefusal((*target)->caseId, op.hlc);
                if (!refusal)
                    return refusal.error();
                if (!refusal->isEmpty())
                    return Refusal::notInCase;
            }
        }
    }
    return QString();
}

Result<QString> Authorization::serverOnlyRefusal(const WireOp &op, const QString &field)
{
    if (op.entity == personEntity && field == u"merged_into")
        return may(Permission::Merge) ? QString() : Refusal::forbidden;
    if (op.entity != caseEntity)
        return QString();
    if (field == u"registry_number")
        return Refusal::serverOnly;
    if (field != u"number" && field != u"assigned_user" && field != u"assigned_team")
        return QString();
    const QString value = idValue(op);
    if ((field == u"assigned_user" || field == u"assigned_team") && may(Permission::Assign)) {
        // A supervisor's assignment: to an active user who works on cases, or an existing team.
        if (value.isEmpty())
            return QString();
        auto known
            = field == u"assigned_user"
                ? m_p.scalar(u"SELECT 1 FROM users WHERE login = :v AND active = 1 AND role <> 'admin'"_s,
                             {{u"v"_s, value}})
                : m_p.scalar(u"SELECT 1 FROM teams WHERE id = :v"_s, {{u"v"_s, value}});
        if (!known)
            return known.error();
        return known->has_value() ? QString() : Refusal::invalid;
    }
    // The creator's own action that creates the case may set its local number and assign it to
    // its own user (or team), once. A txn id is the client's choice, so it is only believed
    // from the creating device, and only for the first write of the field: a laptop whose case
    // was reassigned away cannot take it back "in the create's transaction".
    QString createTxn, createdSite;
    {
        auto q = m_p.exec(u"SELECT create_txn, created_site FROM cases WHERE id = :id"_s,
                          {{u"id"_s, op.caseId}});
        if (!q)
            return q.error();
        if (!q->next())
            return Refusal::serverOnly;
        createTxn = q->value(0).toString();
        createdSite = q->value(1).toString();
    }
    if (createTxn != op.txn || !m_sites.contains(createdSite))
        return Refusal::serverOnly;
    auto earlier
        = m_p.scalar(u"SELECT 1 FROM ops WHERE case_id = :case AND entity = 'case' AND entity_id = :id "
                     "AND field = :field LIMIT 1"_s,
                     {{u"case"_s, op.caseId}, {u"id"_s, op.caseId}, {u"field"_s, op.field}});
    if (!earlier)
        return earlier.error();
    if (earlier->has_value())
        return Refusal::serverOnly;
    if (field == u"assigned_user" && value != m_device.login)
        return Refusal::serverOnly;
    if (field == u"assigned_team" && (m_device.teamId.isEmpty() || value != m_device.teamId))
        return Refusal::serverOnly;
    return QString();
}

Result<QString> Authorization::judge(const WireOp &op, const QString &field, bool newCase)
{
    // 1. Identity: the device's user wrote it, whatever the page says.
    if (op.author != m_device.login)
        return Refusal::author;
    // 2. Role.
    if (!may(Permission::EditCase) && !may(Permission::AddEntry))
        return Refusal::forbidden;
    if (op.entity == caseEntity && op.op == u"create" && !may(Permission::CreateCase))
        return Refusal::forbidden;
    if (op.entity == caseEntity && field == u"status" && op.value == closedStatus && !may(Permission::Close))
        return Refusal::forbidden;
    if (op.op == u"create" && isEntry(op.entity) && !may(Permission::AddEntry))
        return Refusal::forbidden;
    // 3. Scope (a case created by this op is the device's: the service assigns it to its user).
    if (!newCase) {
        auto refusal = writeRefusal(op.caseId, op.hlc);
        if (!refusal)
            return refusal.error();
        if (!refusal->isEmpty())
            return *refusal;
    } else if (op.entityId != op.caseId) {
        return Refusal::entityCase;
    }
    // 4. Binding.
    auto bound = bindingRefusal(op, field);
    if (!bound)
        return bound.error();
    if (!bound->isEmpty())
        return *bound;
    // 5. Server-only fields.
    const Core::EntityDef *def = Core::Schema::entity(op.entity);
    const Core::FieldDef *f = def ? def->field(field) : nullptr;
    if (f && f->kind == Core::FieldKind::ServerOnly)
        return serverOnlyRefusal(op, field);
    return QString();
}

Status Authorization::accepted(const WireOp &op, const QString &field)
{
    if (op.op == u"create") {
        if (Status s = m_p.run(u"INSERT INTO entities (id, entity, case_id) VALUES (:id, :entity, :case)"_s,
                               {{u"id"_s, op.entityId}, {u"entity"_s, op.entity}, {u"case"_s, op.caseId}});
            !s)
            return s;
        m_bindings.insert(op.entityId, Binding{op.entity, op.caseId});
    }
    if (op.entity == caseEntity && (field == u"assigned_user" || field == u"assigned_team"))
        m_scope.remove(op.caseId);
    return {};
}

} // namespace Sync
