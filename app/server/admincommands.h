// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/ctl/ctloptions.h"
#include "core/crypto/keywrap.h"

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
    int rotateKey();
    int protectKey();
    int purgeDeleted();
    int bundle();
    int backup();
    int restore();
    // The office passphrase: --passphrase-file F, else DAMPINGI_OFFICE_PASSPHRASE (never argv,
    // which `ps` shows). Locked when neither is given.
    Core::Result<QString> officePassphrase() const;
    // --kdf minimum (tests only, as `dampingi-ctl profile init`); otherwise the server's strength.
    Core::KdfStrength kdfStrength() const;

    CtlOptions m_options;
    QString m_dataDir;
    QString m_databaseUrl;
    std::unique_ptr<Core::SystemClock> m_clock;
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::Admin> m_admin;
};
