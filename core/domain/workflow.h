// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QStringList>

namespace Core {

enum class Role { Caseworker, Supervisor, Trainer, Admin };

QString roleName(Role role);
std::optional<Role> roleFromName(QStringView name);

// The case workflow: intake → outreach → assessment → planning → services → monitoring →
// closure_requested → closed (a supervisor approves), with transfer and reopening. Moving
// forward may skip stages (a walk-in needs no outreach visit); moving back one stage returns
// work; closing, transferring and reopening need a reason.
namespace Workflow {

QString initialStatus();
QStringList activeStates();
// Conflict with a detail saying why when the move is not allowed for this role.
Status check(QStringView from, QStringView to, Role role, bool hasReason);
QStringList allowedTargets(QStringView from, Role role);
// The allowed targets that move the case on (later in the workflow's order: the active stages,
// closure requested, closed, transferred), in that order; the first is the usual next step.
QStringList forwardTargets(QStringView from, Role role);
// The allowed targets that move it back: returning work one stage, a refused closure, reopening.
QStringList backwardTargets(QStringView from, Role role);
bool needsReason(QStringView from, QStringView to);
// Whether a closure needs a supervisor: a request waits for one (to = closure_requested), and
// only a supervisor's role may close a requested closure.
bool needsSupervisor(QStringView to);

} // namespace Workflow

} // namespace Core

namespace Core {

// Who is acting: the unlocked local user. Every op carries the login as its author.
struct Actor
{
    QString login;
    Role role = Role::Caseworker;
};

} // namespace Core

namespace Core {

// Whether this actor may record or change case content at all (administrators manage users
// and devices, not cases). The one check every case write goes through.
Status checkMayRecord(const Actor &actor);

} // namespace Core
