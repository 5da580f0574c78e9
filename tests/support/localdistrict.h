// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/clock.h"
#include "sync/client/syncclient.h"
#include "sync/server/admin.h"
#include "sync/server/localtransport.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/fixtures.h"

#include <QTemporaryDir>

#include <memory>

namespace Test {

// The district server in this process: a real ServerStore (SQLite in a temporary folder) and
// SyncService, without the socket; team "Tenggarong" of district 64.02. For the client and
// desktop suites; tests/security and tests/e2e run the real dampingi-server instead.
struct LocalDistrict
{
    LocalDistrict();

    // What the office reads out to a new user's laptop: a one-time enrollment code.
    QString code(const QString &login, const QString &role = QStringLiteral("caseworker"));
    // Enrolls a laptop as its profile's user (created with `role`), through this process.
    void enroll(ProfileFixture &laptop, const QString &role = QStringLiteral("caseworker"),
                const QString &serverUrl = QStringLiteral("local"));
    // One sync of a laptop, REQUIRing that it worked.
    Sync::SyncSummary sync(ProfileFixture &laptop);

    // A consistent copy of server.db (VACUUM INTO from another connection), and putting it back
    // over a closed store: a server restored from an old backup.
    void backup();
    void restore();

    QTemporaryDir dir;
    Core::FixedClock clock{fixedNowMs};
    std::unique_ptr<Sync::ServerStore> store;
    std::unique_ptr<Sync::Admin> admin;
    std::unique_ptr<Sync::SyncService> service;
    std::unique_ptr<Sync::LocalTransport> transport;

private:
    void openStore();
};

} // namespace Test
