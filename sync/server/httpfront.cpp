// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/httpfront.h"

#include "core/sql/migrations.h"
#include "sync/protocol.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "sync/wire.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcHttp, "dampingi.server.http", QtInfoMsg)
} // namespace

namespace Sync {

namespace {

const QByteArray pageType = "application/x-dampingi-page"_ba;
const QByteArray jsonType = "application/json"_ba;
// Request line and headers of one request; more is refused like an oversize body.
constexpr qint64 maxHeadBytes = 64 * 1024;

struct Reply
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QByteArray retryAfter; // for 429
};

Reply errorReply(int status, const char *code, const QString &message)
{
    return {status, pageType, Wire::encode(ErrorReply{QString::fromLatin1(code), message}), {}};
}

const char *methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 413:
        return "Payload Too Large"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 503:
        return "Service Unavailable"_ba;
    default:
        return "Error"_ba;
    }
}

// An IPv4 peer reaching a dual-stack socket shows up as ::ffff:a.b.c.d; one bucket per host.
QString peerKey(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

// Header names are case-insensitive; QHttpServerRequest::value() in 6.4 is not documented as such.
QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const QList<QPair<QByteArray, QByteArray>> headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization"_ba).trimmed();
    if (value.size() < 7 || value.left(7).compare("Bearer "_ba, Qt::CaseInsensitive) != 0)
        return {};
    // The client sends the token bytes as base64url; anything that does not decode is no token.
    const auto decoded = QByteArray::fromBase64Encoding(
        value.mid(7).trimmed(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded : QByteArray();
}

// Content-Length from a raw request head ("POST /x HTTP/1.1\r\nName: value\r\n..."); -1 if absent
// or unreadable (the HTTP parser then decides, and the byte count still applies).
qint64 contentLength(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare("Content-Length"_ba, Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 length = line.mid(colon + 1).trimmed().toLongLong(&ok);
        return ok && length >= 0 ? length : -1;
    }
    return -1;
}

} // namespace

class HttpFront::Private
{
public:
    // What the socket guard knows about the request arriving on one connection.
    struct Connection
    {
        QByteArray head; // bytes of the current request until the end of its headers
        QByteArray method = "-"_ba; // from the request line, for the log
        QString path = u"-"_s;
        qint64 headSize = -1; // request line + headers + blank line, once seen
        qint64 declared = -1; // Content-Length, once seen
        qint64 received = 0; // bytes of the current request so far
        qint64 limit = -1; // body limit of the request's endpoint, once its path is seen
        qint64 buffered = 0; // bytes of the current request counted in m_buffered
        bool refused = false; // answered 413 and draining
        QTimer *idle = nullptr; // child of the socket: closes a connection silent for too long
    };

    Private(HttpFront *q, SyncService &service, ServerStore &store, Options options);

    bool handle(const QHttpServerRequest &request, QTcpSocket *socket);
    void adopt(QTcpSocket *socket);
    void inspect(QTcpSocket *socket);
    void refuse(QTcpSocket *socket, Connection &connection, const QString &why, int status = 413);
    void release(Connection &connection);
    Reply route(const QHttpServerRequest &request, const QString &path, const QString &peer);
    Reply health();
    bool takeToken(const QString &peer);
    void log(const char *method, const QString &path, int status, qint64 in, qint64 out, qint64 ms,
             const QString &peer) const;
    void maybeStopped();

    HttpFront *q;
    SyncService &m_service;
    ServerStore &m_store;
    Options m_options;
    QElapsedTimer m_uptime; // monotonic: also the rate limiter's clock
    std::unique_ptr<QAbstractHttpServer> m_server;
    std::optional<QSslConfiguration> m_tls;
    QHash<QTcpSocket *, Connection> m_connections;
    qint64 m_buffered = 0; // bytes of requests still arriving, all connections together
    struct Bucket
    {
        double tokens = 0;
        qint64 atMs = 0;
    };
    QHash<QString, Bucket> m_buckets;
    bool m_stopping = false;
    bool m_stopped = false;
};

namespace {

// QAbstractHttpServer hands every parsed request to the front; no routing table, the front
// knows its five paths.
class Server final : public QAbstractHttpServer
{
public:
    using Handler = std::function<bool(const QHttpServerRequest &, QTcpSocket *)>;
    explicit Server(Handler handler)
        : m_handler(std::move(handler))
    { }
    static QHttpServerResponder responder(const QHttpServerRequest &request, QTcpSocket *socket)
    {
        return makeResponder(request, socket);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        return m_handler(request, socket);
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    Handler m_handler;
};

// The socket-level guard: QtHttpServer 6.4 buffers a whole request body before handing it over
// and has no size limit. Every accepted socket passes through nextPendingConnection(), where the
// guard connects to readyRead before the HTTP server does, so it sees each chunk first and can
// refuse a request by its Content-Length or its byte count while the body is still arriving.
template <typename Base> class GuardedServer final : public Base
{
public:
    GuardedServer(std::function<void(QTcpSocket *)> adopt, QObject *parent)
        : Base(parent)
        , m_adopt(std::move(adopt))
    { }
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            m_adopt(socket);
        return socket;
    }

private:
    std::function<void(QTcpSocket *)> m_adopt;
};

} // namespace

HttpFront::Private::Private(HttpFront *front, SyncService &service, ServerStore &store, Options options)
    : q(front)
    , m_service(service)
    , m_store(store)
    , m_options(options)
{
    m_uptime.start();
    m_server = std::make_unique<Server>(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { return handle(request, socket); });
}

void HttpFront::Private::adopt(QTcpSocket *socket)
{
    if (m_stopping) {
        socket->abort();
        return;
    }
    // QtHttpServer 6.4 keeps an idle keep-alive connection forever; a client that goes silent
    // (or trickles a request) must not hold a socket and its buffers.
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_options.idleTimeout);
    QObject::connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    idle->start();
    Connection connection;
    connection.idle = idle;
    m_connections.insert(socket, connection);
    QObject::connect(socket, &QIODevice::readyRead, q, [this, socket] { inspect(socket); });
    QObject::connect(socket, &QObject::destroyed, q, [this, socket] {
        if (auto it = m_connections.find(socket); it != m_connections.end())
            release(*it);
        m_connections.remove(socket);
        maybeStopped();
    });
}

void HttpFront::Private::inspect(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->refused)
        return;
    Connection &c = *it;
    c.idle->start();
    // The HTTP server reads everything available on each readyRead (inside a transaction), so
    // what is available now is exactly what arrived since the last call.
    const qint64 fresh = socket->bytesAvailable();
    if (c.headSize < 0) {
        c.head += socket->peek(std::min(fresh, maxHeadBytes + 4 - c.head.size()));
        const qsizetype end = c.head.indexOf("\r\n\r\n");
        if (end >= 0) {
            c.headSize = end + 4;
            c.declared = contentLength(c.head.left(end));
            const QList<QByteArray> requestLine = c.head.left(c.head.indexOf("\r\n")).split(' ');
            c.method = requestLine.value(0).left(8);
            c.path = QString::fromLatin1(requestLine.value(1).left(64).toPercentEncoding("/?=&"));
            // An endpoint's body limit is its pages' (Wire::requestLimits): an enrollment or a
            // handshake is a few KiB, and a body announcing more is refused before it is buffered.
            const Wire::Limits *limits = Wire::requestLimits(requestLine.value(1).split('?').value(0));
            c.limit = limits ? std::min(m_options.maxBodyBytes, limits->pageBytes()) : m_options.maxBodyBytes;
            c.head.clear();
        } else if (c.head.size() > maxHeadBytes) {
            c.received += fresh;
            return refuse(socket, c, u"request head above %1 bytes"_s.arg(maxHeadBytes));
        }
    }
    c.received += fresh;
    c.buffered += fresh;
    m_buffered += fresh;
    const qint64 limit = c.limit >= 0 ? c.limit : m_options.maxBodyBytes;
    if (c.declared > limit)
        return refuse(socket, c, u"announced body of %1 bytes"_s.arg(c.declared));
    if (c.received > limit + maxHeadBytes)
        return refuse(socket, c, u"more than %1 bytes without a complete request"_s.arg(c.received));
    // Each request is bounded, but QtHttpServer buffers every one arriving at once (about twice
    // its size): many large bodies together, with or without a token, are what is bounded here.
    // At least one request of the largest size always fits.
    const qint64 budget = std::max(m_options.maxBufferedBytes, m_options.maxBodyBytes + maxHeadBytes);
    if (m_buffered > budget)
        return refuse(socket, c, u"%1 bytes of requests arriving at once"_s.arg(m_buffered), 503);
}

void HttpFront::Private::release(Connection &c)
{
    m_buffered -= c.buffered;
    c.buffered = 0;
}

void HttpFront::Private::refuse(QTcpSocket *socket, Connection &c, const QString &why, int status)
{
    c.refused = true;
    release(c);
    // Take the socket from the HTTP server (no later handler of this readyRead runs) and drop
    // what its parser buffered; from now on the guard only reads and discards.
    QObject::disconnect(socket, &QIODevice::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->readAll();

    const Reply reply = status == 503
                          ? errorReply(503, ErrorCode::rateLimited, u"the server is busy; retry later"_s)
                          : errorReply(413, ErrorCode::tooLarge,
                                       u"request body above the limit of %1 bytes"_s.arg(
                                           c.limit >= 0 ? c.limit : m_options.maxBodyBytes));
    QByteArray raw
        = "HTTP/1.1 "_ba + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\nContent-Type: "_ba
        + reply.contentType + "\r\nContent-Length: "_ba + QByteArray::number(reply.body.size())
        + (status == 503 ? "\r\nRetry-After: 1"_ba : QByteArray()) + "\r\nConnection: close\r\n\r\n"_ba;
    raw += reply.body;
    socket->write(raw);
    qCWarning(lcHttp).noquote() << u"refused at the socket: %1"_s.arg(why);
    log(c.method.constData(), c.path, status, c.received, reply.body.size(), 0,
        peerKey(socket->peerAddress()));

    // Closing while the client still sends makes the kernel answer with a reset, and the client
    // may never read the 413. Read and discard what it announced (bounded by time), then close.
    const qint64 expected = c.declared >= 0 && c.headSize >= 0 ? c.headSize + c.declared : -1;
    const auto drain = [this, socket, expected] {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        it->received += socket->skip(socket->bytesAvailable());
        if (expected >= 0 && it->received >= expected)
            socket->disconnectFromHost();
    };
    QObject::connect(socket, &QIODevice::readyRead, q, drain);
    QTimer::singleShot(m_options.drainTimeout, socket, [socket] { socket->disconnectFromHost(); });
    drain();
}

bool HttpFront::Private::handle(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    // A complete request arrived: the guard starts counting the next one from zero.
    if (auto it = m_connections.find(socket); it != m_connections.end()) {
        QTimer *idle = it->idle;
        release(*it);
        *it = Connection{};
        it->idle = idle;
        idle->start();
    }

    const QString path = request.url().path();
    const QString peer = peerKey(request.remoteAddress());
    const Reply reply = route(request, path, peer);

    QHttpServerResponder responder = Server::responder(request, socket);
    if (reply.retryAfter.isEmpty()) {
        responder.write(reply.body, {{"Content-Type"_ba, reply.contentType}},
                        QHttpServerResponder::StatusCode(reply.status));
    } else {
        responder.write(reply.body,
                        {{"Content-Type"_ba, reply.contentType}, {"Retry-After"_ba, reply.retryAfter}},
                        QHttpServerResponder::StatusCode(reply.status));
    }
    // Encoded: a path may carry control characters, and a log line must stay one line.
    log(methodName(request.method()), request.url().path(QUrl::FullyEncoded).left(64), reply.status,
        request.body().size(), reply.body.size(), timer.elapsed(), peer);
    if (m_stopping)
        socket->disconnectFromHost();
    return true;
}

Reply HttpFront::Private::route(const QHttpServerRequest &request, const QString &path, const QString &peer)
{
    const bool isPost = request.method() == QHttpServerRequest::Method::Post;
    if (path == QLatin1StringView(Endpoint::health)) {
        if (request.method() != QHttpServerRequest::Method::Get)
            return errorReply(405, ErrorCode::malformed, u"use GET for %1"_s.arg(path));
        return health();
    }
    static const char *const endpoints[]
        = {Endpoint::enroll, Endpoint::handshake, Endpoint::push, Endpoint::pull, Endpoint::blob};
    const auto endpoint = std::find_if(std::begin(endpoints), std::end(endpoints),
                                       [&path](const char *e) { return path == QLatin1StringView(e); });
    if (endpoint == std::end(endpoints))
        return errorReply(404, ErrorCode::malformed, u"no such endpoint"_s);
    // Health stays outside the bucket: monitors poll it, and it never touches a page.
    if (!takeToken(peer)) {
        Reply reply = errorReply(429, ErrorCode::rateLimited, u"too many requests; retry later"_s);
        reply.retryAfter = "1"_ba;
        return reply;
    }
    if (!isPost)
        return errorReply(405, ErrorCode::malformed, u"use POST for %1"_s.arg(path));
    if (request.body().size() > m_options.maxBodyBytes)
        return errorReply(413, ErrorCode::tooLarge,
                          u"request body above the limit of %1 bytes"_s.arg(m_options.maxBodyBytes));

    const Response response
        = m_service.handle(Request{QByteArray(*endpoint), bearerToken(request), request.body(), peer});
    return {response.status, pageType, response.body, {}};
}

Reply HttpFront::Private::health()
{
    QJsonObject object{
        {u"status"_s, u"ok"_s},
        {u"protocol"_s, protocolVersion},
        {u"schema"_s, Core::Migrations::latestVersion()},
        {u"uptime_s"_s, m_uptime.elapsed() / 1000},
    };
    int status = 200;
    // The cursor's high watermark: one indexed read, and it proves the store answers.
    if (const Core::Result<qint64> ops = m_store.highWatermark(); ops.ok()) {
        object.insert(u"ops"_s, ops.value());
    } else {
        object.insert(u"status"_s, u"degraded"_s);
        status = 503;
        qCWarning(lcHttp).noquote() << u"health: store unavailable: %1"_s.arg(ops.error().detail);
    }
    return {status, jsonType, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

bool HttpFront::Private::takeToken(const QString &peer)
{
    const qint64 now = m_uptime.elapsed();
    // Bound the table: forget peers whose bucket has refilled (they lose nothing by it).
    if (m_buckets.size() > 10000) {
        m_buckets.removeIf([&](const auto &entry) {
            return entry.value().tokens + double(now - entry.value().atMs) / 1000.0 * m_options.ratePerSecond
                >= m_options.burst;
        });
    }
    auto it = m_buckets.find(peer);
    if (it == m_buckets.end())
        it = m_buckets.insert(peer, Bucket{m_options.burst, now});
    Bucket &bucket = *it;
    bucket.tokens = std::min(m_options.burst,
                             bucket.tokens + double(now - bucket.atMs) / 1000.0 * m_options.ratePerSecond);
    bucket.atMs = now;
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

void HttpFront::Private::log(const char *method, const QString &path, int status, qint64 in, qint64 out,
                             qint64 ms, const QString &peer) const
{
    // One line per request, key=value; never a body, a token or a header value.
    qCInfo(lcHttp).noquote() << u"method=%1 path=%2 status=%3 in=%4 out=%5 ms=%6 peer=%7"_s.arg(
        QLatin1StringView(method), path, QString::number(status), QString::number(in), QString::number(out),
        QString::number(ms), peer);
}

void HttpFront::Private::maybeStopped()
{
    if (m_stopping && !m_stopped && m_connections.isEmpty()) {
        m_stopped = true;
        // Queued: the caller may be deep inside a socket's signal.
        QMetaObject::invokeMethod(q, &HttpFront::stopped, Qt::QueuedConnection);
    }
}

HttpFront::HttpFront(SyncService &service, ServerStore &store, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, service, store, options))
{ }

HttpFront::~HttpFront()
{
    // Sockets die with the server; their destroyed() handlers must not reach a dead Private.
    disconnect();
    for (QTcpSocket *socket : d->m_connections.keys())
        QObject::disconnect(socket, nullptr, this, nullptr);
    d->m_server.reset();
}

Core::Status HttpFront::setTls(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull())
        return Core::Error{Core::Error::Code::InvalidInput, u"tls-cert: no PEM certificate"_s, u"tls-cert"_s};
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Core::Error{Core::Error::Code::InvalidInput, u"tls-key: no unencrypted PEM private key"_s,
                           u"tls-key"_s};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove themselves by token
    d->m_tls = configuration;
    return {};
}

bool HttpFront::tlsEnabled() const
{
    return d->m_tls.has_value();
}

Core::Status HttpFront::listen(const QHostAddress &address, quint16 port)
{
    const auto adopt = [this](QTcpSocket *socket) { d->adopt(socket); };
    QTcpServer *tcp = nullptr;
    if (d->m_tls) {
        auto *ssl = new GuardedServer<QSslServer>(adopt, d->m_server.get());
        ssl->setSslConfiguration(*d->m_tls);
        tcp = ssl;
    } else {
        tcp = new GuardedServer<QTcpServer>(adopt, d->m_server.get());
    }
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Core::Error{Core::Error::Code::StoreUnavailable,
                           u"listen: %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why)};
    }
    d->m_server->bind(tcp);
    qCInfo(lcHttp).noquote() << u"listening on %1:%2 (%3)"_s.arg(address.toString())
                                    .arg(tcp->serverPort())
                                    .arg(d->m_tls ? u"TLS"_s : u"plain HTTP"_s);
    return {};
}

quint16 HttpFront::port() const
{
    const QList<QTcpServer *> servers = d->m_server->servers();
    return servers.isEmpty() ? 0 : servers.constLast()->serverPort();
}

void HttpFront::shutdown(std::chrono::milliseconds grace)
{
    if (d->m_stopping)
        return;
    d->m_stopping = true;
    const QList<QTcpServer *> servers = d->m_server->servers();
    for (QTcpServer *server : servers)
        server->close();
    // Idle keep-alive connections close now; one with a request on its way gets `grace` to
    // finish (handle() closes it after the reply).
    const QList<QTcpSocket *> sockets = d->m_connections.keys();
    int busy = 0;
    for (QTcpSocket *socket : sockets) {
        const Private::Connection &c = d->m_connections.value(socket);
        if (c.received == 0 || c.refused)
            socket->disconnectFromHost();
        else
            ++busy;
    }
    qCInfo(lcHttp).noquote() << u"shutting down: %1 request(s) in flight"_s.arg(busy);
    QTimer::singleShot(grace, this, [this] {
        const QList<QTcpSocket *> left = d->m_connections.keys();
        for (QTcpSocket *socket : left)
            socket->abort();
        d->m_connections.clear();
        d->m_buffered = 0;
        d->maybeStopped();
    });
    d->maybeStopped();
}

} // namespace Sync
