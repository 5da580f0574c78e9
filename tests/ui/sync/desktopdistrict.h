// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/server/localtransport.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/localdistrict.h"
#include "ui/sync/syncrunner.h"

#include <functional>
#include <memory>

namespace Test {

// The server side of one sync run, opened in the thread that runs it: a ServerStore is one
// connection and serves one thread only. The real SyncService, without the socket. `before`,
// when set, runs in the sync's thread before each request to `holdAt` is handed to the server (a
// test holds a sync there to edit or cancel while it works).
class ServerLink final : public Sync::Transport
{
public:
    ServerLink(const QString &dataDir, const Core::Clock &clock, const char *holdAt = Sync::Endpoint::push,
               std::function<void()> before = {})
        : m_holdAt(holdAt)
        , m_before(std::move(before))
    {
        auto opened = Sync::ServerStore::open(dataDir, {});
        if (!opened)
            return;
        m_store = std::move(*opened);
        m_service = std::make_unique<Sync::SyncService>(*m_store, clock);
    }

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                      const QByteArray &page) override
    {
        if (!m_service)
            return Core::Error{Core::Error::Code::Unreachable,
                               QStringLiteral("unreachable: server store did not open")};
        if (m_before && QByteArrayView(endpoint) == QByteArrayView(m_holdAt))
            m_before();
        return Sync::LocalTransport(*m_service).post(endpoint, bearer, page);
    }

private:
    const char *m_holdAt;
    std::function<void()> m_before;
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::SyncService> m_service;
};

// The district in this process, and the transport the desktop's SyncRunner uses to reach it.
struct DesktopDistrict : LocalDistrict
{
    // Enrolls a caseworker's laptop without its window (the other caseworker's laptop).
    void enroll(ProfileFixture &laptop, const QString &serverUrl = QStringLiteral("local"))
    {
        LocalDistrict::enroll(laptop, QStringLiteral("caseworker"), serverUrl);
    }

    SyncRunner::TransportFactory factory(std::function<void()> beforePush = {})
    {
        return factoryHolding(Sync::Endpoint::push, std::move(beforePush));
    }
    // `before` runs before each request to `endpoint` (Sync::Endpoint::pull, ...).
    SyncRunner::TransportFactory factoryHolding(const char *endpoint, std::function<void()> before)
    {
        return [path = dir.path(), this, endpoint,
                before](const Sync::SyncConfig &) -> std::unique_ptr<Sync::Transport> {
            return std::make_unique<ServerLink>(path, clock, endpoint, before);
        };
    }
};

} // namespace Test
