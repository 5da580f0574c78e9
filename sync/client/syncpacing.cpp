// SPDX-License-Identifier: GPL-3.0-or-later
// SyncClient, the pace of a sync: one request and its reply (waiting out a server that asks us
// to slow down), the size of push pages for the link at hand, cancelling, and the progress a
// person watches (split from syncclient.cpp for size).
#include "core/logging.h"
#include "sync/client/syncclient.h"
#include "sync/protocol.h"
#include "sync/wire.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

Q_LOGGING_CATEGORY(lcSyncPace, "dampingi.sync.pace")

namespace Sync {

namespace {

// The longest one wait for a server that refused us for now, whatever its Retry-After says.
constexpr int maxPaceWaitMs = 10000;
// A push page should stay below this many bytes (the server reads at most 8 MiB by default).
constexpr qint64 maxPushPageBytes = 4 * 1024 * 1024;

// An ErrorReply page (or a bare status) as an Error the caller can act on.
Error replyError(const Response &response)
{
    ErrorReply reply;
    const bool decoded = Wire::decode(response.body, reply).ok();
    const QString detail = decoded ? u"%1: %2"_s.arg(reply.code, reply.message)
                                   : u"HTTP %1 without an error page"_s.arg(response.status);
    if (response.status == 429 || response.status >= 500)
        return Error{Error::Code::Unreachable, u"server busy or failing (%1)"_s.arg(detail)};
    const auto is = [&](const char *code) { return decoded && reply.code == QLatin1StringView(code); };
    using Reason = Error::Reason;
    if (is(ErrorCode::cursor))
        return Error{Error::Code::Conflict, detail, {}, Reason::Stale};
    if (is(ErrorCode::notYet))
        return Error{Error::Code::NotFound, detail};
    if (is(ErrorCode::outOfScope))
        return Error{Error::Code::Conflict, detail, {}, Reason::OutOfScope};
    if (response.status == 401 || response.status == 403 || response.status == 426) {
        // The server's error code says why; a bare status keeps only the code's sentence.
        Reason reason = Reason::None;
        if (is(ErrorCode::revoked))
            reason = Reason::Revoked;
        else if (is(ErrorCode::unauthorized))
            reason = Reason::NotEnrolled;
        else if (is(ErrorCode::schema) || response.status == 426)
            reason = Reason::VersionTooOld;
        else if (is(ErrorCode::enrollment))
            reason = Reason::EnrollmentRejected;
        return Error{Error::Code::Refused, detail, {}, reason};
    }
    return Error{Error::Code::Corrupt, u"server could not read our request (%1)"_s.arg(detail)};
}

} // namespace

Error SyncClient::cancelledError()
{
    return Error{Error::Code::Unreachable,
                 u"the sync was cancelled; the next one resumes here"_s,
                 {},
                 Error::Reason::Cancelled};
}

bool SyncClient::cancelled() const
{
    return m_cancel && m_cancel->load();
}

bool SyncClient::pause(int ms) const
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < ms) {
        if (cancelled())
            return false;
        QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(ms - waited.elapsed(), 1, 50)));
    }
    return !cancelled();
}

Core::Result<Response> SyncClient::exchange(const char *endpoint, const QByteArray &page,
                                            SyncSummary &summary)
{
    // Refused for now (429 from the per-peer bucket, 503 from a server flooded at once): every
    // request is idempotent, so the same one goes again after the wait the server asked for.
    QElapsedTimer refusedFor;
    for (;;) {
        if (cancelled())
            return cancelledError();
        ++summary.roundTrips;
        summary.bytesSent += page.size();
        QElapsedTimer took;
        took.start();
        Core::Result<Response> response = m_transport.post(endpoint, m_token, page);
        if (!response)
            return response.error();
        summary.bytesReceived += response->body.size();
        m_run.bytesDone += page.size() + response->body.size();
        if (response->status != 429 && response->status != 503) {
            m_lastPostMs = took.elapsed();
            return answered(*response);
        }
        if (!refusedFor.isValid())
            refusedFor.start();
        const int waitMs
            = std::clamp(response->retryAfterMs >= 0 ? response->retryAfterMs : 1000, 50, maxPaceWaitMs);
        if (refusedFor.elapsed() + waitMs > paceGiveUp.count()) {
            Error error = replyError(*response);
            error.detail += u" for %1 s; giving up for now"_s.arg(refusedFor.elapsed() / 1000);
            error.reason = Error::Reason::RateLimited;
            return error;
        }
        ++summary.paced;
        summary.pacedMs += waitMs;
        qCDebug(lcSyncPace) << "server busy (HTTP" << response->status << "): waiting" << waitMs << "ms";
        if (!pause(waitMs))
            return cancelledError();
    }
}

Core::Result<Response> SyncClient::answered(const Response &response)
{
    if (response.status == 403) {
        ErrorReply reply;
        if (Wire::decode(response.body, reply) && reply.code == QLatin1StringView(ErrorCode::revoked))
            return wipeRevoked();
    }
    if (response.status != 200)
        return replyError(response);
    return response;
}

int SyncClient::nextPushBatch(int batch, int ops, qint64 bytes, qint64 elapsedMs) const
{
    const int most = int(Wire::Limit::push.entries);
    if (ops <= 0 || bytes <= 0)
        return batch;
    const double opBytes = double(bytes) / ops;
    // Never a page the server would refuse for its size, nor more than doubling at once.
    const int byBytes = std::max(1, int(double(maxPushPageBytes) / opBytes));
    const int ceiling = std::min({most, byBytes, std::max(batch, ops) * 2});
    if (elapsedMs < 2000)
        return std::max(1, std::min(ceiling, std::max(batch, ops) * 2)); // a fast link: grow
    // A slow one: as many ops as the measured rate moves within the target time.
    const double bytesPerMs = double(bytes) / double(elapsedMs);
    const int fits = int(bytesPerMs * double(pushPageTarget.count()) / opBytes);
    return std::clamp(fits, std::min(50, ceiling), ceiling);
}

void SyncClient::report(SyncProgress::Phase phase, qint64 done, qint64 total)
{
    if (phase != m_run.now.phase) {
        m_run.phaseBytesAt = m_run.bytesDone;
        m_run.phaseDoneBytes = 0;
    }
    m_run.now.phase = phase;
    m_run.now.done = done;
    m_run.now.total = total;
    m_run.phaseDoneBytes = m_run.bytesDone - m_run.phaseBytesAt;
    reportBytes(0);
}

void SyncClient::reportBytes(qint64 inFlight)
{
    SyncProgress &p = m_run.now;
    p.bytesDone = m_run.bytesDone + inFlight;
    // This phase's bytes per unit so far, times what is left of it.
    if (p.total >= 0 && p.done > 0)
        p.bytesTotal = std::max(p.bytesDone, m_run.bytesDone
                                                 + qint64(double(m_run.phaseDoneBytes) / double(p.done)
                                                          * double(std::max<qint64>(0, p.total - p.done))));
    else if (p.total >= 0 && p.done >= p.total)
        p.bytesTotal = p.bytesDone;
    else
        p.bytesTotal = -1;
    if (m_progress)
        m_progress(p);
}

} // namespace Sync
