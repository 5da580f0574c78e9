// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/workflow.h"

#include <QList>
#include <QString>

namespace Core {

// What a person may do with case files, by role: the one authorization table. The district
// server enforces it on every op a device sends (sync/server/authorization.cpp adds scope, the
// binding of entities to cases and the device's identity); the desktop and dampingi-ctl read
// it to hide or refuse what a role may not do. docs/SECURITY.md prints it; a test per cell.
enum class Permission {
    CreateCase, // file a new case (intake)
    EditCase, // descriptive fields of a case and its people
    EditSafety, // risk level, do-not-contact (raise or change with what the author saw)
    ResolveSafety, // decide a safety conflict (the most protective value stands until then)
    AddEntry, // visits, notes, services, plans, follow-ups, risk assessments, attachments
    Assign, // assign or reassign a case to a caseworker or team
    Approve, // approve or return an assessment, a plan or a closure request
    Close, // close a case (approve its closure)
    Merge, // merge or unmerge duplicate people
    Transfer, // transfer a case to another district
    ReadCase, // read the case files in one's scope
    ReadAttachment, // download a file attached to a case in scope
    Export, // decrypted exports of cases in scope
    Administer, // users, teams, devices, keys, backups
};

// Every permission, in the order of the table.
const QList<Permission> &allPermissions();
QString permissionName(Permission permission);

// Whether `role` may do `permission` at all. Scope (which cases) is separate: a caseworker's
// own and team cases, a supervisor's district, a trainer's training profile; an administrator
// sees no case content.
bool may(Role role, Permission permission);

} // namespace Core
