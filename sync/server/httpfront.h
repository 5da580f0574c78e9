// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>

#include <chrono>
#include <memory>

namespace Sync {

class ServerStore;
class SyncService;

// The district server's HTTP face over QtHttpServer: POST /v1/{enroll,handshake,push,pull} go to
// SyncService (the token from `Authorization: Bearer <base64url>`), GET /v1/health answers JSON.
// It enforces a body limit at the socket (a request announcing or sending more is answered 413
// before its body is buffered): `maxBodyBytes`, or less where the endpoint's pages are smaller
// (Wire::requestLimits: an enrollment or a handshake is a few KiB), and a budget for all requests
// arriving at once (503), a per-peer token bucket (429), logs one line per request (never a
// body) and shuts down gracefully. Requests are handled one at a time on the thread that owns this object.
class HttpFront final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        // Bytes of all requests arriving at once (buffered whole by QtHttpServer, about twice
        // over); a request that would pass it is answered 503 at the socket, and the laptop
        // retries later. Never less than one request of maxBodyBytes.
        qint64 maxBufferedBytes = 32 * 1024 * 1024;
        double ratePerSecond = 20; // token bucket refill, per peer address
        double burst = 40; // bucket size
        std::chrono::milliseconds drainTimeout{5000}; // reading a refused body before closing
        std::chrono::milliseconds idleTimeout{60000}; // a connection without a byte for this long is closed
    };

    // `store` only feeds the health page (op count); requests go through `service`.
    HttpFront(SyncService &service, ServerStore &store, Options options, QObject *parent = nullptr);
    ~HttpFront() override;

    // PEM certificate (the leaf first, then any chain) and private key; before listen().
    // InvalidInput when either does not parse or the key does not match the certificate.
    Core::Status setTls(const QByteArray &certificatePem, const QByteArray &keyPem);
    bool tlsEnabled() const;

    // StoreUnavailable "listen: ..." when the address cannot be bound (the port is taken).
    Core::Status listen(const QHostAddress &address, quint16 port);
    quint16 port() const;

    // Stops accepting connections at once, waits for requests already arriving (up to `grace`),
    // then closes every connection and emits stopped().
    void shutdown(std::chrono::milliseconds grace);

signals:
    void stopped();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Sync
