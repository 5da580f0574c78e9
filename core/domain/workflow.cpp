// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/workflow.h"

#include "core/domain/permissions.h"

using namespace Qt::StringLiterals;

namespace Core {

QString roleName(Role role)
{
    switch (role) {
    case Role::Caseworker:
        return u"caseworker"_s;
    case Role::Supervisor:
        return u"supervisor"_s;
    case Role::Trainer:
        return u"trainer"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {};
}

std::optional<Role> roleFromName(QStringView name)
{
    for (Role role : {Role::Caseworker, Role::Supervisor, Role::Trainer, Role::Admin}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

namespace Workflow {

QString initialStatus()
{
    return u"intake"_s;
}

QStringList activeStates()
{
    return {u"intake"_s, u"outreach"_s, u"assessment"_s, u"planning"_s, u"services"_s, u"monitoring"_s};
}

bool needsReason(QStringView from, QStringView to)
{
    return to == u"closure_requested" || to == u"closed" || to == u"transferred" || from == u"closed"
        || from == u"transferred"
        || (from == u"closure_requested" && (to == u"monitoring" || to == u"services")); // returned
}

Status check(QStringView from, QStringView to, Role role, bool hasReason)
{
    const QStringList active = activeStates();
    const qsizetype fromIndex = active.indexOf(from);
    const qsizetype toIndex = active.indexOf(to);
    using Reason = Error::Reason;
    const auto refuse = [&](const QString &why, Reason reason = Reason::TransitionForbidden) {
        return Error{Error::Code::Conflict, u"status %1 → %2 is not allowed: %3"_s.arg(from, to, why),
                     u"status"_s, reason};
    };
    if (from == to)
        return refuse(u"the case already has this status"_s);
    if (!may(role, Permission::EditCase))
        return refuse(u"administrators do not work on case content"_s, Reason::RoleForbidden);
    if (needsReason(from, to) && !hasReason)
        return refuse(u"a reason is required"_s, Reason::TransitionNeedsReason);

    if (fromIndex >= 0 && toIndex >= 0) {
        if (toIndex > fromIndex || toIndex == fromIndex - 1)
            return {};
        return refuse(u"a case moves back only one stage at a time"_s);
    }
    if (fromIndex >= 0 && to == u"closure_requested") {
        if (from == u"services" || from == u"monitoring")
            return {};
        return refuse(u"closure can be requested only once services or monitoring have started"_s);
    }
    if (fromIndex >= 0 && to == u"transferred")
        return {};
    if (from == u"closure_requested") {
        if (to == u"closed") {
            if (may(role, Permission::Close))
                return {};
            return refuse(u"only a supervisor approves a closure"_s, Reason::RoleForbidden);
        }
        if (to == u"monitoring" || to == u"services")
            return {};
    }
    if ((from == u"closed" || from == u"transferred") && to == u"assessment")
        return {}; // reopening
    return refuse(u"this transition is not part of the workflow"_s);
}

namespace {

// Every status in workflow order; "forward" and "backward" are positions in this list.
QStringList workflowOrder()
{
    return activeStates() + QStringList{u"closure_requested"_s, u"closed"_s, u"transferred"_s};
}

} // namespace

QStringList allowedTargets(QStringView from, Role role)
{
    QStringList targets;
    for (const QString &to : workflowOrder()) {
        if (check(from, to, role, true))
            targets << to;
    }
    return targets;
}

QStringList forwardTargets(QStringView from, Role role)
{
    const QStringList order = workflowOrder();
    QStringList targets;
    for (const QString &to : allowedTargets(from, role)) {
        if (order.indexOf(to) > order.indexOf(from))
            targets << to;
    }
    return targets;
}

QStringList backwardTargets(QStringView from, Role role)
{
    const QStringList order = workflowOrder();
    QStringList targets;
    for (const QString &to : allowedTargets(from, role)) {
        if (order.indexOf(to) < order.indexOf(from))
            targets << to;
    }
    return targets;
}

bool needsSupervisor(QStringView to)
{
    return to == u"closure_requested" || to == u"closed";
}

} // namespace Workflow

} // namespace Core

namespace Core {

Status checkMayRecord(const Actor &actor)
{
    if (!may(actor.role, Permission::EditCase))
        return Error{Error::Code::Conflict,
                     u"administrators do not record or change case content"_s,
                     {},
                     Error::Reason::RoleForbidden};
    return {};
}

} // namespace Core
