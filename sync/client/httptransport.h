// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/transport.h"

#include <QByteArray>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QEventLoop;
class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslCertificate;
class QThread;

namespace Sync {

// The laptop's side of the link: one blocking POST per call over HTTPS with the server
// certificate pinned by the SHA-256 of its DER (from the enrollment code); the token travels as
// `Authorization: Bearer <base64url(token)>`. Runs a local event loop, so it may be called from a
// plain worker thread; one instance serves one thread at a time.
// Promises: the bearer token and the page never leave before the peer's certificate matched the
// pin; a stalled link ends after the idle timeout; HTTP error statuses come back as Responses
// (their body is an ErrorReply page), only link failures are Errors.
class HttpTransport final : public Transport
{
public:
    struct Options
    {
        std::chrono::milliseconds connectTimeout{10000}; // TCP + TLS handshake
        std::chrono::milliseconds idleTimeout{30000}; // no byte moved for this long → abort
    };

    // `baseUrl`: https://host:port (plain http only to a loopback host and with an empty pin).
    // `pinnedSha256`: 32 bytes; empty = no pin (https then needs a certificate the system trusts).
    HttpTransport(const QUrl &baseUrl, const QByteArray &pinnedSha256, Options options);
    HttpTransport(const QUrl &baseUrl, const QByteArray &pinnedSha256);
    ~HttpTransport() override;
    HttpTransport(const HttpTransport &) = delete;
    HttpTransport &operator=(const HttpTransport &) = delete;

    // Errors: Unreachable "unreachable: ..." (connection refused, timeout, cut, TLS failure);
    // Refused with Reason::BadCertificate "server certificate does not match the enrolled one";
    // Refused with Reason::ClockSkew when the server's certificate is not valid yet by this
    // laptop's clock (set far back); InvalidInput for a URL this transport refuses (plain http
    // to a remote host, or with a pin). A 429 or 503 comes back as a Response with its
    // Retry-After in retryAfterMs.
    Core::Result<Response> post(const char *endpoint, const QByteArray &bearer,
                                const QByteArray &page) override;
    void setByteProgress(const ByteProgress &progress) override;
    // GET, for /v1/health; same errors as post().
    Core::Result<Response> get(const char *endpoint);

    // Payload bytes (request and reply bodies, not headers or TLS records) and completed
    // round trips since construction.
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 roundTrips() const { return m_roundTrips; }

    // SHA-256 of a certificate's DER: what the pin is compared with.
    static QByteArray certificateDigest(const QByteArray &der);

private:
    struct Wait;

    // One request: the scheme is checked, the request sent, the reply awaited and read.
    Core::Result<Response> send(const char *endpoint, const QByteArray &bearer, const QByteArray *page);
    Core::Status checkScheme() const;
    QNetworkRequest makeRequest(const QUrl &url, const QByteArray &bearer, bool withPage) const;
    // Runs a local event loop until the reply finishes, the connect timeout passes or the pin
    // fails (the reply is then aborted before any request byte leaves).
    Wait await(QNetworkReply &reply) const;
    void checkPinDuringHandshake(QNetworkReply &reply, QEventLoop &loop, Wait &wait,
                                 const std::function<void()> &connected) const;
    Core::Result<Response> finish(QNetworkReply &reply, const Wait &wait, const QUrl &url) const;
    bool pinned() const; // https with a pin: the pin, not a CA, vouches for the server
    bool pinMatches(const QSslCertificate &certificate) const;
    QNetworkAccessManager &manager();

    QUrl m_baseUrl;
    QByteArray m_pin;
    Options m_options;
    std::unique_ptr<QNetworkAccessManager> m_manager;
    QThread *m_managerThread = nullptr;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_roundTrips = 0;
    ByteProgress m_byteProgress;
};

} // namespace Sync
