// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/server/syncservice.h"
#include "sync/transport.h"

namespace Sync {

// Hands pages straight to a SyncService in this process: the same bytes as over HTTP, without
// the socket. For tests, the simulation harness and benchmarks that measure the protocol alone.
class LocalTransport final : public Transport
{
public:
    explicit LocalTransport(SyncService &service)
        : m_service(service)
    { }

    Core::Result<Response> post(const char *endpoint, const QByteArray &bearer,
                                const QByteArray &page) override
    {
        return m_service.handle(Request{QByteArray(endpoint), bearer, page, QStringLiteral("local")});
    }

private:
    SyncService &m_service;
};

} // namespace Sync
