// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/syncservice.h"

#include "core/clock/clock.h"
#include "core/sql/migrations.h"
#include "sync/protocol.h"
#include "sync/server/serverstore.h"
#include "sync/wire.h"

#include <cstring>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace Sync {

namespace {

Response errorReply(int status, const char *code, const QString &message)
{
    return Response{status, Wire::encode(ErrorReply{QString::fromLatin1(code), message})};
}

Response internalError(const Core::Error &error)
{
    // The detail goes to the log only: it may name tables, never case content.
    qCWarning(lcServer) << "request failed:" << error.detail;
    return errorReply(500, ErrorCode::internal, u"the server failed; retry later"_s);
}

bool is(const QByteArray &endpoint, const char *name)
{
    return endpoint == QByteArrayView(name, qsizetype(std::strlen(name)));
}

template <typename Message>
bool decodeInto(const QByteArray &body, Message &out, const Wire::Limits &limits, QString &why)
{
    const Core::Status s = Wire::decode(body, out, limits);
    if (!s)
        why = s.error().detail;
    return s.ok();
}

} // namespace

SyncService::SyncService(ServerStore &store, const Core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

Response SyncService::handle(const Request &request)
{
    const QByteArray &endpoint = request.endpoint;
    if (is(endpoint, Endpoint::health))
        return Response{200, "ok"};
    // Each endpoint's limits are fixed before anything else, even who is asking: /v1/enroll is
    // read without a token, so a page there must stay as small as an enrollment is.
    const Wire::Limits *limits = Wire::requestLimits(endpoint);
    if (!limits)
        return errorReply(404, ErrorCode::malformed, u"no such endpoint"_s);
    if (request.body.size() > limits->pageBytes())
        return errorReply(413, ErrorCode::tooLarge,
                          u"a page of %1 bytes, above the %2 this endpoint takes"_s.arg(request.body.size())
                              .arg(limits->pageBytes()));
    if (is(endpoint, Endpoint::enroll))
        return enroll(request, *limits);

    // Every other endpoint needs the device's bearer token.
    std::optional<Response> refused;
    const std::optional<ServerDevice> device = authenticate(request, refused);
    if (!device)
        return *refused;
    using Handler = Response (SyncService::*)(const ServerDevice &, const Request &, const Wire::Limits &);
    static const std::pair<const char *, Handler> handlers[] = {
        {Endpoint::handshake, &SyncService::handshake},
        {Endpoint::push, &SyncService::push},
        {Endpoint::pull, &SyncService::pull},
        {Endpoint::blob, &SyncService::blob},
    };
    for (const auto &[name, handler] : handlers) {
        if (is(endpoint, name))
            return (this->*handler)(*device, request, *limits);
    }
    // Wire::requestLimits knows exactly the endpoints above and enroll.
    return errorReply(404, ErrorCode::malformed, u"no such endpoint"_s);
}

Response SyncService::enroll(const Request &request, const Wire::Limits &limits)
{
    EnrollRequest enroll;
    QString why;
    if (!decodeInto(request.body, enroll, limits, why))
        return errorReply(400, ErrorCode::malformed, why);
    auto reply = m_store.redeemEnrollment(enroll.secret, enroll.deviceName, enroll.siteId, m_clock.nowMs(),
                                          enroll.bundleSignPublic, enroll.bundleBoxPublic);
    if (!reply) {
        const Core::Error::Code code = reply.error().code;
        if (code == Core::Error::Code::NotFound || code == Core::Error::Code::Conflict
            || code == Core::Error::Code::InvalidInput) {
            qCInfo(lcServer) << "enrollment refused from" << request.peer << ":" << reply.error().detail;
            return errorReply(403, ErrorCode::enrollment, reply.error().detail);
        }
        return internalError(reply.error());
    }
    return Response{200, Wire::encode(*reply)};
}

std::optional<ServerDevice> SyncService::authenticate(const Request &request,
                                                      std::optional<Response> &refused)
{
    if (request.bearer.isEmpty()) {
        refused = errorReply(401, ErrorCode::unauthorized, u"a bearer token is required"_s);
        return std::nullopt;
    }
    auto found = m_store.deviceByToken(request.bearer);
    if (!found) {
        refused = internalError(found.error());
        return std::nullopt;
    }
    if (!found->has_value()) {
        qCInfo(lcServer) << "unknown token from" << request.peer;
        refused = errorReply(401, ErrorCode::unauthorized, u"unknown token"_s);
        return std::nullopt;
    }
    const ServerDevice &device = **found;
    if (device.revoked() || !device.userActive) {
        qCInfo(lcServer) << "request from revoked device" << device.id;
        refused = errorReply(403, ErrorCode::revoked, u"this device was revoked"_s);
        return std::nullopt;
    }
    return device;
}

Response SyncService::handshake(const ServerDevice &device, const Request &request,
                                const Wire::Limits &limits)
{
    HandshakeRequest hello;
    QString why;
    if (!decodeInto(request.body, hello, limits, why))
        return errorReply(400, ErrorCode::malformed, why);
    const int latest = Core::Migrations::latestVersion();
    if (hello.protocol != protocolVersion || hello.schemaVersion < 1 || hello.schemaVersion > latest)
        return errorReply(
            426, ErrorCode::schema,
            u"this server speaks protocol %1 and schemas 1..%2; the client sent protocol %3, schema %4"_s
                .arg(protocolVersion)
                .arg(latest)
                .arg(hello.protocol)
                .arg(hello.schemaVersion));
    // The device's enrolled site, one it took before, or a new one (a cloned laptop).
    const QString site = hello.siteId.isEmpty() ? device.siteId : hello.siteId;
    auto mine = m_store.claimSite(device, site, m_clock.nowMs());
    if (!mine)
        return internalError(mine.error());
    if (!*mine)
        return errorReply(403, ErrorCode::unauthorized, u"this site belongs to another device"_s);
    const Core::Result<QList<SiteMark>> marks = Wire::unpackMarks(hello.marks);
    if (!marks)
        return errorReply(400, ErrorCode::malformed, marks.error().detail);
    // Lowered where the laptop's marks show another action under its seqs (a copy of it wrote there).
    auto acked = m_store.agreedThrough(site, *marks);
    if (!acked)
        return internalError(acked.error());
    auto valid = m_store.cursorValid(hello.cursor, device);
    if (!valid)
        return internalError(valid.error());
    HandshakeReply reply;
    reply.protocol = protocolVersion;
    reply.schemaMin = 1;
    reply.schemaMax = latest;
    reply.serverTimeMs = m_clock.nowMs();
    reply.serverSite = m_store.siteId();
    reply.epoch = m_store.epochSite();
    reply.ackedThrough = *acked;
    reply.cursorValid = *valid;
    // Keys of rotations this laptop lacks, sealed for it at rotation: before any page, so it
    // reads what others seal with them and seals its own outbox with the newest.
    auto keys = m_store.deviceKeys(device.id, hello.keyEpoch);
    if (!keys)
        return internalError(keys.error());
    reply.keys = *keys;
    if (hello.pullMax > 0 && *valid) {
        // A laptop with nothing to push: its first page comes with the handshake.
        auto page = m_store.pull(device, hello.cursor, hello.pullMax);
        if (!page && page.error().code != Core::Error::Code::Conflict)
            return internalError(page.error());
        if (page)
            reply.firstPage = std::make_shared<PullReply>(std::move(*page));
    }
    return Response{200, Wire::encode(reply)};
}

Response SyncService::push(const ServerDevice &device, const Request &request, const Wire::Limits &limits)
{
    PushRequest push;
    QString why;
    if (!decodeInto(request.body, push, limits, why))
        return errorReply(400, ErrorCode::malformed, why);
    // A device pushes only its own sites' ops: the one bound at enrollment, or one it took later
    // (a cloned laptop moves to a new site id); never another device's.
    bool foreign = false;
    for (const WireOp &op : std::as_const(push.ops))
        foreign = foreign || op.site != push.siteId;
    auto mine = foreign ? Core::Result<bool>(false) : m_store.claimSite(device, push.siteId, m_clock.nowMs());
    if (!mine)
        return internalError(mine.error());
    if (!*mine) {
        qCWarning(lcServer) << "device" << device.id << "pushed ops of another site";
        return errorReply(403, ErrorCode::unauthorized, u"a device may push only its own site's ops"_s);
    }
    ServerDevice pusher = device;
    pusher.siteId = push.siteId;
    auto reply = m_store.push(pusher, push.ops, m_clock);
    if (!reply)
        return internalError(reply.error());
    return Response{200, Wire::encode(*reply)};
}

Response SyncService::blob(const ServerDevice &device, const Request &request, const Wire::Limits &limits)
{
    BlobRequest blob;
    QString why;
    if (!decodeInto(request.body, blob, limits, why))
        return errorReply(400, ErrorCode::malformed, why);
    auto reply = m_store.blob(device, blob);
    if (!reply) {
        switch (reply.error().code) {
        case Core::Error::Code::InvalidInput:
            return errorReply(400, ErrorCode::malformed, reply.error().detail);
        case Core::Error::Code::NotFound:
            return errorReply(404, ErrorCode::notYet, reply.error().detail);
        case Core::Error::Code::Refused:
            return errorReply(403, ErrorCode::outOfScope, reply.error().detail);
        default:
            return internalError(reply.error());
        }
    }
    return Response{200, Wire::encode(*reply)};
}

Response SyncService::pull(const ServerDevice &device, const Request &request, const Wire::Limits &limits)
{
    PullRequest pull;
    QString why;
    if (!decodeInto(request.body, pull, limits, why))
        return errorReply(400, ErrorCode::malformed, why);
    auto reply = m_store.pull(device, pull.cursor, pull.maxOps);
    if (!reply) {
        if (reply.error().code == Core::Error::Code::Conflict)
            return errorReply(409, ErrorCode::cursor, reply.error().detail);
        return internalError(reply.error());
    }
    return Response{200, Wire::encode(*reply)};
}
} // namespace Sync
