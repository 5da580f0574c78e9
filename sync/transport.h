// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>

#include <functional>

namespace Sync {

// What crossed the link: the HTTP status and the body (a page, or an ErrorReply page).
struct Response
{
    int status = 200;
    QByteArray body;
    // A refusal to serve now (429, 503): how long the server asked us to wait (its Retry-After,
    // in whole seconds on the wire); -1 when it did not say.
    int retryAfterMs = -1;
};

// Moves one request page to the server and its reply back. Implementations: HTTPS with a pinned
// certificate (client/httptransport), in-process (tests, simulation). A failure to reach the
// server, a timeout or a cut connection is Error::Code::Unreachable: the client retries with
// backoff; everything it sends is idempotent.
class Transport
{
public:
    virtual ~Transport() = default;
    virtual Core::Result<Response> post(const char *endpoint, const QByteArray &bearer,
                                        const QByteArray &page)
        = 0;

    // Bytes of the request in flight (sent, received so far), reported from inside a long post()
    // on its own thread, at most a few times a second; a slow link then shows progress within a
    // page. Transports that move a page at once (in-process) never call it.
    using ByteProgress = std::function<void(qint64 sent, qint64 received)>;
    virtual void setByteProgress(const ByteProgress & /*progress*/) { }
};

} // namespace Sync
