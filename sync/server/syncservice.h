// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/transport.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core {
class Clock;
}

namespace Sync {

class ServerStore;
struct ServerDevice;

namespace Wire {
struct Limits;
}

// One request as the HTTP front (or an in-process transport) hands it over.
struct Request
{
    QByteArray endpoint; // Endpoint::push, ...
    QByteArray bearer; // the Authorization: Bearer token, empty if none
    QByteArray body; // a page
    QString peer; // for logs and rate limits
};

// The district server's protocol logic, independent of HTTP: handshake, push (dedup on
// (site, seq), per-op verdicts, scope checks, clamping, registry numbers), pull (scope-filtered
// pages after a gap-free cursor, snapshots on move-in, purges on move-out) and enrollment.
// Every reply is a page; errors are ErrorReply pages with a 4xx/5xx status. Nothing is stored
// for a request that fails.
class SyncService final
{
public:
    SyncService(ServerStore &store, const Core::Clock &clock);
    Response handle(const Request &request);

private:
    // One handler per endpoint; each decodes its page within its endpoint's limits. Enrollment
    // is the only one read without a token.
    Response enroll(const Request &request, const Wire::Limits &limits);
    Response handshake(const ServerDevice &device, const Request &request, const Wire::Limits &limits);
    Response push(const ServerDevice &device, const Request &request, const Wire::Limits &limits);
    Response pull(const ServerDevice &device, const Request &request, const Wire::Limits &limits);
    Response blob(const ServerDevice &device, const Request &request, const Wire::Limits &limits);
    // The active device of the request's bearer token; nullopt with `refused` set (401, 403 or
    // 500) otherwise.
    std::optional<ServerDevice> authenticate(const Request &request, std::optional<Response> &refused);

    ServerStore &m_store;
    const Core::Clock &m_clock;
};

} // namespace Sync
