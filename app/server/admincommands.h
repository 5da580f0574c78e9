// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/ctl/ctloptions.h"

#include <memory>

namespace Core {
class SystemClock;
}
namespace Sync {
class Admin;
class ServerStore;
} // namespace Sync

// `dampingi-server admin ...`: the district administrator's verbs without a UI. Each verb opens
// the store, runs one Sync::Admin call (one transaction) and prints JSON.
class AdminCommands final
{
public:
    explicit AdminCommands(CtlOptions options);
    ~AdminCommands();

    int run();
    static QString usage();

private:
    int openStore();
    int init();
    int teamAdd();
    int teamList();
    int userAdd();
    int userList();
    int assign();
    int deviceEnroll();
    int deviceList();
    int deviceRevoke();
    int purgeDeleted();
    int bundle();
    int backup();
    int restore();

    CtlOptions m_options;
    QString m_dataDir;
    QString m_databaseUrl;
    std::unique_ptr<Core::SystemClock> m_clock;
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::Admin> m_admin;
};
