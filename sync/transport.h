// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Sync {

// What crossed the link: the HTTP status and the body (a page, or an ErrorReply page).
struct Response
{
    int status = 200;
    QByteArray body;
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
};

} // namespace Sync
