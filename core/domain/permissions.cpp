// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain/permissions.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {

struct Row
{
    Permission permission;
    const char16_t *name;
    bool caseworker;
    bool supervisor;
    bool trainer;
    bool admin;
};

// The matrix. A trainer works practice cases in a training profile (a workshop hub), where
// they play the supervisor; an administrator manages people and machines, never case content.
constexpr Row matrix[] = {
    //  permission                 name               cw     sup    trainer admin
    {Permission::CreateCase, u"create_case", true, true, true, false},
    {Permission::EditCase, u"edit_case", true, true, true, false},
    {Permission::EditSafety, u"edit_safety", true, true, true, false},
    {Permission::ResolveSafety, u"resolve_safety", false, true, true, false},
    {Permission::AddEntry, u"add_entry", true, true, true, false},
    {Permission::Assign, u"assign", false, true, true, true},
    {Permission::Approve, u"approve", false, true, true, false},
    {Permission::Close, u"close", false, true, true, false},
    {Permission::Merge, u"merge", false, true, true, false},
    {Permission::Transfer, u"transfer", false, true, true, false},
    {Permission::ReadCase, u"read_case", true, true, true, false},
    {Permission::ReadAttachment, u"read_attachment", true, true, true, false},
    {Permission::Export, u"export", true, true, true, false},
    {Permission::Administer, u"administer", false, false, false, true},
};

const Row *rowOf(Permission permission)
{
    for (const Row &row : matrix) {
        if (row.permission == permission)
            return &row;
    }
    return nullptr;
}

} // namespace

const QList<Permission> &allPermissions()
{
    static const QList<Permission> all = [] {
        QList<Permission> list;
        for (const Row &row : matrix)
            list << row.permission;
        return list;
    }();
    return all;
}

QString permissionName(Permission permission)
{
    const Row *row = rowOf(permission);
    return row ? QString::fromUtf16(row->name) : QString();
}

bool may(Role role, Permission permission)
{
    const Row *row = rowOf(permission);
    if (!row)
        return false;
    switch (role) {
    case Role::Caseworker:
        return row->caseworker;
    case Role::Supervisor:
        return row->supervisor;
    case Role::Trainer:
        return row->trainer;
    case Role::Admin:
        return row->admin;
    }
    return false;
}

} // namespace Core
