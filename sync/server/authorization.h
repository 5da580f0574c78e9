// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/permissions.h"
#include "core/result.h"
#include "sync/server/serverstore.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace Sync {

// Why the server refuses a device's op (Verdict::reason). The laptop keeps the op as refused;
// nothing of it is stored at the server or forwarded.
namespace Refusal {
inline const QString outOfScope = QStringLiteral("out_of_scope"); // not the device's case (any more)
inline const QString purged = QStringLiteral("purged"); // the case was purged after its retention
inline const QString forbidden = QStringLiteral("forbidden"); // the user's role may not do this
inline const QString author = QStringLiteral("author"); // the op names another author than the device's user
inline const QString serverOnly = QStringLiteral("server_only"); // assignment, numbers: the server's
inline const QString entityCase = QStringLiteral("entity_case"); // the entity belongs to another case
inline const QString exists = QStringLiteral("exists"); // a create of an id that exists
inline const QString notInCase = QStringLiteral("not_in_case"); // a person not linked to the op's case
inline const QString invalid = QStringLiteral("invalid");
} // namespace Refusal

// The district server's judgement of who may write what (docs/SECURITY.md: the server is
// authoritative for who may do what). One instance per push batch (it memoises per case and
// entity inside the batch's transaction). For each op, after its shape was validated:
//   1. identity: the author is the device's user, never another;
//   2. role: the permission the op needs (Core::may: create, close, merge, assign…);
//   3. scope: the case is the device's now, or it held the case and the op was stamped before
//      the assignment that moved it out (its pending edits), never after;
//   4. binding: every entity belongs for ever to the case of its create op; a person is written
//      only through a case that created or links it; ids a link names are people of the case;
//   5. server-only fields: the registry number never; assignment only by a role that may
//      assign, or the creator assigning its new case to its own user in the create action.
// Laptops check 4 again when they apply (Core::Replicator), so a server bug cannot reach
// another case's rows.
class Authorization final
{
public:
    Authorization(const ServerStore::Private &store, const ServerDevice &device, QString districtCode,
                  const QStringList &deviceSites);

    // The refusal for `op` (empty: allowed). `field` is the op's field under its current name;
    // `newCase` says the op creates a case that does not exist yet.
    Core::Result<QString> judge(const WireOp &op, const QString &field, bool newCase);
    // Records what an accepted op establishes (the binding of a created entity; an assignment
    // changes the scope memo).
    Core::Status accepted(const WireOp &op, const QString &field);
    // Whether the device may write to `caseId` with an op stamped `hlc` (scope, step 3).
    Core::Result<QString> writeRefusal(const QString &caseId, qint64 hlc);

    // The role of the device's user (nullopt: unknown, may do nothing).
    std::optional<Core::Role> role() const { return m_role; }

private:
    struct Binding
    {
        QString entity;
        QString caseId;
    };
    struct Scope
    {
        QString refusal; // "" = the case is the device's now
        qint64 cutoff = 0; // held until a move-out: ops stamped below it are accepted
    };
    Core::Result<std::optional<Binding>> binding(const QString &entityId);
    Core::Result<bool> personInCase(const QString &personId, const QString &caseId);
    Core::Result<QString> bindingRefusal(const WireOp &op, const QString &field);
    Core::Result<QString> serverOnlyRefusal(const WireOp &op, const QString &field);
    Core::Result<Scope> scopeOf(const QString &caseId);
    bool may(Core::Permission permission) const;

    const ServerStore::Private &m_p;
    const ServerDevice &m_device;
    QString m_district;
    QSet<QString> m_sites;
    std::optional<Core::Role> m_role;
    QHash<QString, Scope> m_scope;
    QHash<QString, std::optional<Binding>> m_bindings;
};

} // namespace Sync
