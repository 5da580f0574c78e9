// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/replication/replicator.h"

#include <QString>
#include <QStringList>

namespace Core {
class Profile;
}

namespace Test {

// Every replicated row of a profile (all entities, deleted ones included) as sorted text lines
// "entity id case deleted field=value…", values decrypted. Two replicas converged when their
// digests are equal. `caseIds` restricts it to those cases' rows (and their people).
QString replicaDigest(Core::Profile &profile, const QStringList &caseIds = {});

// The ops of `from` that `to` lacks, handed over as one page (no server): for merge tests.
Core::ApplyStats exchange(Core::Profile &from, Core::Profile &to);

} // namespace Test
