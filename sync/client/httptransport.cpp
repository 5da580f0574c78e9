// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/httptransport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sync {

namespace {

const QByteArray pageType = "application/x-dampingi-page"_ba;

Core::Error unreachable(const QString &why)
{
    return Core::Error{Core::Error::Code::Unreachable, u"unreachable: "_s + why};
}

Core::Error clockSkew(const QString &why)
{
    // The certificate is fine; this laptop's clock is not (set before the certificate was made).
    return Core::Error{Core::Error::Code::Refused,
                       u"the server's certificate is not valid yet by this laptop's clock (%1)"_s.arg(why),
                       {},
                       Core::Error::Reason::ClockSkew};
}

// Retry-After as delta-seconds (the only form our server sends); an HTTP date or garbage reads as
// unknown. Bounded to an hour: a hostile or broken header cannot park the laptop for days.
int retryAfterMs(const QByteArray &header)
{
    bool ok = false;
    const int seconds = header.trimmed().toInt(&ok);
    return ok && seconds >= 0 ? std::min(seconds, 3600) * 1000 : -1;
}

Core::Error pinMismatch()
{
    // Refused, not Unreachable: retrying cannot help (a different server, or someone in between)
    // until an admin re-enrolls; the detail tells the user which.
    return Core::Error{Core::Error::Code::Refused,
                       u"server certificate does not match the enrolled one"_s,
                       {},
                       Core::Error::Reason::BadCertificate};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The verification errors a pinned certificate makes irrelevant: the pin, not a CA, vouches for
// the server. Anything else (expired, revoked, wrong host name, bad signature) still fails.
bool pinCovers(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

// Errors below 200 are the link's (refused, closed, timeout, TLS, proxy); from 200 on QtNetwork
// maps an HTTP status the server did send, whose body we hand back.
bool isLinkError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

// Bytes within one request for a person watching a slow link: a report at most every 250 ms as
// bytes move, and at least every second while the request waits (on a slow link the socket
// takes a whole page at once and the reply comes many seconds later: the person still sees
// the sync alive). The counts are bytes handed to or read from the socket.
class ByteWatch final
{
public:
    ByteWatch(QNetworkReply &reply, QEventLoop &loop, const Transport::ByteProgress &progress)
        : m_progress(progress)
    {
        if (!m_progress)
            return;
        m_since.start();
        QObject::connect(&reply, &QNetworkReply::uploadProgress, &loop, [this](qint64 bytes, qint64) {
            m_sent = bytes;
            report(false);
        });
        QObject::connect(&reply, &QNetworkReply::downloadProgress, &loop, [this](qint64 bytes, qint64) {
            m_received = bytes;
            report(false);
        });
        m_heartbeat.setInterval(1000);
        QObject::connect(&m_heartbeat, &QTimer::timeout, &loop, [this] { report(true); });
        m_heartbeat.start();
    }

private:
    void report(bool beat)
    {
        if (!beat && m_since.elapsed() < 250)
            return;
        m_since.restart();
        m_heartbeat.start(); // the next beat a full second after any report
        m_progress(m_sent, m_received);
    }

    const Transport::ByteProgress &m_progress;
    qint64 m_sent = 0;
    qint64 m_received = 0;
    QElapsedTimer m_since;
    QTimer m_heartbeat;
};

} // namespace

HttpTransport::HttpTransport(const QUrl &baseUrl, const QByteArray &pinnedSha256, Options options)
    : m_baseUrl(baseUrl)
    , m_pin(pinnedSha256)
    , m_options(options)
{ }

HttpTransport::HttpTransport(const QUrl &baseUrl, const QByteArray &pinnedSha256)
    : HttpTransport(baseUrl, pinnedSha256, Options{})
{ }

HttpTransport::~HttpTransport() = default;

QByteArray HttpTransport::certificateDigest(const QByteArray &der)
{
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

Core::Result<Response> HttpTransport::post(const char *endpoint, const QByteArray &bearer,
                                           const QByteArray &page)
{
    return send(endpoint, bearer, &page);
}

Core::Result<Response> HttpTransport::get(const char *endpoint)
{
    return send(endpoint, {}, nullptr);
}

QNetworkAccessManager &HttpTransport::manager()
{
    // A QNetworkAccessManager belongs to the thread that made it. A caller on another thread
    // gets a fresh one; the old one is handed back to its own thread for deletion.
    if (!m_manager || m_managerThread != QThread::currentThread()) {
        if (m_manager)
            m_manager.release()->deleteLater();
        m_manager = std::make_unique<QNetworkAccessManager>();
        m_managerThread = QThread::currentThread();
    }
    return *m_manager;
}

// What waiting for one reply found out, besides the reply itself.
struct HttpTransport::Wait
{
    bool mismatch = false; // the peer's certificate is not the pinned one
    bool connectTimedOut = false;
    QStringList tlsProblems; // verification errors a matching pin does not excuse
    bool notYetValid = false; // one of them: the certificate's validity starts after our clock
};

void HttpTransport::setByteProgress(const ByteProgress &progress)
{
    m_byteProgress = progress;
}

Core::Status HttpTransport::checkScheme() const
{
    const QString scheme = m_baseUrl.scheme();
    if (scheme == u"https"_s)
        return {};
    if (scheme != u"http"_s || !m_pin.isEmpty() || !isLoopbackHost(m_baseUrl.host()))
        return Core::Error{
            Core::Error::Code::InvalidInput,
            u"plain http is allowed only to a loopback host and without a pinned certificate"_s, u"url"_s};
    return {};
}

bool HttpTransport::pinned() const
{
    return m_baseUrl.scheme() == u"https"_s && !m_pin.isEmpty();
}

bool HttpTransport::pinMatches(const QSslCertificate &certificate) const
{
    return !certificate.isNull() && certificateDigest(certificate.toDer()) == m_pin;
}

QNetworkRequest HttpTransport::makeRequest(const QUrl &url, const QByteArray &bearer, bool withPage) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_options.idleTimeout.count()));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // The token is raw bytes; a header carries it as unpadded base64url (the front decodes it).
    // Raw bytes could hold CR/LF and split the request.
    if (!bearer.isEmpty())
        request.setRawHeader(
            "Authorization"_ba,
            "Bearer "_ba + bearer.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    if (withPage)
        request.setHeader(QNetworkRequest::ContentTypeHeader, pageType);
    return request;
}

void HttpTransport::checkPinDuringHandshake(QNetworkReply &reply, QEventLoop &loop, Wait &wait,
                                            const std::function<void()> &connected) const
{
    // Without a trusted CA the handshake reports errors; ignore exactly those a matching pin
    // answers for. A mismatch is never ignored, so the handshake fails and nothing is sent.
    QObject::connect(
        &reply, &QNetworkReply::sslErrors, &loop, [this, &reply, &wait](const QList<QSslError> &errors) {
            QSslCertificate leaf = reply.sslConfiguration().peerCertificate();
            if (leaf.isNull() && !errors.isEmpty())
                leaf = errors.constFirst().certificate();
            if (!pinMatches(leaf)) {
                wait.mismatch = true;
                return;
            }
            QList<QSslError> covered;
            for (const QSslError &error : errors) {
                if (pinCovers(error.error()))
                    covered << error;
                else
                    wait.tlsProblems << error.errorString();
                wait.notYetValid = wait.notYetValid || error.error() == QSslError::CertificateNotYetValid;
            }
            reply.ignoreSslErrors(covered);
        });
    // Also when a trusted CA signed a different certificate: the pin decides. No request
    // byte has been written when `encrypted` is emitted, so aborting here leaks nothing.
    QObject::connect(&reply, &QNetworkReply::encrypted, &loop, [this, &reply, &wait, connected] {
        connected();
        if (!pinMatches(reply.sslConfiguration().peerCertificate())) {
            wait.mismatch = true;
            reply.abort();
        }
    });
}

HttpTransport::Wait HttpTransport::await(QNetworkReply &reply) const
{
    QEventLoop loop;
    Wait wait;
    // Until the first byte moves (TCP connect and the TLS handshake), only the connect timeout
    // applies; after that the transfer (idle) timeout of the request does.
    QTimer connectTimer;
    connectTimer.setSingleShot(true);
    QObject::connect(&connectTimer, &QTimer::timeout, &loop, [&] {
        wait.connectTimedOut = true;
        reply.abort();
    });
    const std::function<void()> connected = [&connectTimer] { connectTimer.stop(); };
    QObject::connect(&reply, &QNetworkReply::uploadProgress, &loop, [connected](qint64 sent, qint64) {
        if (sent > 0)
            connected();
    });
    QObject::connect(&reply, &QNetworkReply::downloadProgress, &loop, connected);
    ByteWatch bytes(reply, loop, m_byteProgress);
    QObject::connect(&reply, &QNetworkReply::metaDataChanged, &loop, connected);
    if (pinned())
        checkPinDuringHandshake(reply, loop, wait, connected);

    QObject::connect(&reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    connectTimer.start(m_options.connectTimeout);
    if (!reply.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    connectTimer.stop();
    return wait;
}

Core::Result<Response> HttpTransport::finish(QNetworkReply &reply, const Wait &wait, const QUrl &url) const
{
    if (wait.mismatch)
        return pinMismatch();
    if (wait.connectTimedOut)
        return unreachable(
            u"no connection to %1 within %2 ms"_s.arg(url.authority()).arg(m_options.connectTimeout.count()));
    if (wait.notYetValid)
        return clockSkew(wait.tlsProblems.join(u"; "_s));
    if (!wait.tlsProblems.isEmpty())
        return unreachable(u"TLS: "_s + wait.tlsProblems.join(u"; "_s));
    if (isLinkError(reply.error()))
        return unreachable(reply.errorString());
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return unreachable(reply.errorString());
    // A reused connection emits no `encrypted`; the reply still carries the peer certificate.
    if (pinned()) {
        const QSslCertificate peer = reply.sslConfiguration().peerCertificate();
        if (!peer.isNull() && !pinMatches(peer))
            return pinMismatch();
    }
    Response response;
    response.status = status.toInt();
    response.body = reply.readAll();
    if (response.status == 429 || response.status == 503)
        response.retryAfterMs = retryAfterMs(reply.rawHeader("Retry-After"_ba));
    return response;
}

Core::Result<Response> HttpTransport::send(const char *endpoint, const QByteArray &bearer,
                                           const QByteArray *page)
{
    if (Core::Status s = checkScheme(); !s)
        return s.error();
    QUrl url = m_baseUrl;
    url.setPath(QString::fromLatin1(endpoint));
    const QNetworkRequest request = makeRequest(url, bearer, page != nullptr);
    QNetworkAccessManager &nam = manager();
    const std::unique_ptr<QNetworkReply> reply(page ? nam.post(request, *page) : nam.get(request));
    const Wait wait = await(*reply);
    Core::Result<Response> response = finish(*reply, wait, url);
    if (!response)
        return response;
    m_bytesSent += page ? page->size() : 0;
    m_bytesReceived += response->body.size();
    ++m_roundTrips;
    return response;
}

} // namespace Sync
