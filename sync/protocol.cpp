// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/protocol.h"

#include "core/sql/migrations.h"

using namespace Qt::StringLiterals;

namespace Sync {

QString describeProtocol()
{
    return u"protocol %1, schema %2"_s.arg(protocolVersion).arg(Core::Migrations::latestVersion());
}

} // namespace Sync
