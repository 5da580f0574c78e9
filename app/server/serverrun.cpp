// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverrun.h"

#include "core/clock/clock.h"
#include "serverexit.h"
#include "sync/server/admin.h"
#include "sync/server/datadir.h"
#include "sync/server/httpfront.h"
#include "sync/server/retention.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcServerMain, "dampingi.server.main", QtInfoMsg)

// Self-pipe: the handler only writes a byte; the event loop reads it and shuts down.
int signalFds[2] = {-1, -1};

void onSignal(int)
{
    const int savedErrno = errno; // restored for the code the signal interrupted
    const char byte = 1;
    if (::write(signalFds[1], &byte, 1) != 1) {
        // Nothing is logged: only async-signal-safe calls are allowed here. The write fails only
        // when the socket is full (a byte already waits, and one is all the loop needs to stop)
        // or closed at exit.
    }
    errno = savedErrno;
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalFds) != 0)
        return false;
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

// "127.0.0.1:8443", "[::1]:8443", "localhost:8443", "0.0.0.0:8443" / "*:8443" (every address).
bool parseListen(const QString &text, QHostAddress &address, quint16 &port)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    port = quint16(number);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host == u"*"_s)
        address = QHostAddress::Any;
    else if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        address = QHostAddress::LocalHost;
    else
        address = QHostAddress(host);
    return !address.isNull();
}

Core::Result<QByteArray> readFile(const QString &path, const QString &option)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::invalidInput(Core::Error::Reason::None, option, u"cannot read %1"_s.arg(path));
    return file.readAll();
}

// What the command line asks the server to do, checked.
struct RunSettings
{
    QString dataDir;
    QHostAddress address;
    quint16 port = 0;
    QString certPath; // with keyPath; both empty: plain HTTP
    QString keyPath;
    Sync::HttpFront::Options front;
    int retentionDays = Sync::Retention::defaultDays;
    QString databaseUrl;

    bool tls() const { return !certPath.isEmpty(); }
};

// --max-body, --rate, --burst and --retention-days into `settings`; false when one is not a
// positive number.
bool readLimits(const CtlOptions &options, RunSettings &settings)
{
    bool ok = true;
    if (options.has(u"max-body"_s))
        settings.front.maxBodyBytes = options.value(u"max-body"_s).toLongLong(&ok);
    if (ok && options.has(u"rate"_s))
        settings.front.ratePerSecond = options.value(u"rate"_s).toDouble(&ok);
    if (ok && options.has(u"burst"_s))
        settings.front.burst = options.value(u"burst"_s).toDouble(&ok);
    if (ok && options.has(u"retention-days"_s))
        settings.retentionDays = options.value(u"retention-days"_s).toInt(&ok);
    return ok && settings.front.maxBodyBytes > 0 && settings.front.ratePerSecond > 0
        && settings.front.burst >= 1 && settings.retentionDays >= 1;
}

// The command line into `settings`: ServerExit::Ok, or the usage error's exit code (printed).
int readSettings(const CtlOptions &options, RunSettings &settings)
{
    settings.dataDir = options.value(u"data"_s);
    const QString listen = options.value(u"listen"_s);
    if (settings.dataDir.isEmpty() || listen.isEmpty())
        return ServerExit::usageError(u"the server needs --data DIR and --listen ADDR:PORT"_s);
    if (!parseListen(listen, settings.address, settings.port))
        return ServerExit::usageError(
            u"--listen wants ADDR:PORT, e.g. 127.0.0.1:8443, got \"%1\""_s.arg(listen));
    settings.certPath = options.value(u"tls-cert"_s);
    settings.keyPath = options.value(u"tls-key"_s);
    if (settings.certPath.isEmpty() != settings.keyPath.isEmpty())
        return ServerExit::usageError(u"--tls-cert and --tls-key go together"_s);
    if (!settings.tls() && !settings.address.isLoopback() && !options.has(u"allow-insecure"_s))
        return ServerExit::usageError(u"refusing plain HTTP on %1, which is not a loopback address: give "
                                      u"--tls-cert/--tls-key, or --allow-insecure behind a TLS proxy"_s.arg(
                                          settings.address.toString()));
    if (!readLimits(options, settings))
        return ServerExit::usageError(
            u"--max-body, --rate, --burst and --retention-days take positive numbers"_s);
    settings.databaseUrl = options.value(
        u"database"_s, QProcessEnvironment::systemEnvironment().value(u"DAMPINGI_DATABASE_URL"_s));
    return ServerExit::Ok;
}

// Takes the data folder's lock, held while serving and released at exit (also by a crash: the
// lock names a dead pid then), so `admin restore` never replaces the store under a running
// server, nor do two servers share it.
Core::Status lockDataDir(const QString &dataDir, QLockFile &lock)
{
    if (Core::Status s = Sync::DataDir::prepare(dataDir); !s)
        return s;
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock.getLockInfo(&pid, &host, &application);
        return Core::Error{
            Core::Error::Code::Conflict,
            u"another dampingi-server serves %1 (pid %2 on %3)"_s.arg(dataDir).arg(pid).arg(host)};
    }
    return {};
}

Core::Result<std::unique_ptr<Sync::ServerStore>> openStore(const RunSettings &settings)
{
    auto opened = Sync::ServerStore::open(settings.dataDir, settings.databaseUrl);
    if (!opened && opened.error().code == Core::Error::Code::NotFound) {
        Core::Error error = opened.error();
        error.detail = u"no server store in %1 (run `dampingi-server admin --data DIR init` first): %2"_s.arg(
            settings.dataDir, error.detail);
        return error;
    }
    return opened;
}

// The certificate and key into the front, or a loud warning when there are none.
Core::Status setUpTls(Sync::HttpFront &front, const RunSettings &settings)
{
    if (!settings.tls()) {
        qCWarning(lcServerMain).noquote()
            << u"*** NO TLS: serving plain HTTP. Tokens and pages cross the network in the clear. Use "
               u"--tls-cert/--tls-key for anything but a local test. ***"_s;
        return {};
    }
    const auto cert = readFile(settings.certPath, u"tls-cert"_s);
    if (!cert)
        return cert.error();
    const auto key = readFile(settings.keyPath, u"tls-key"_s);
    if (!key)
        return key.error();
    return front.setTls(*cert, *key);
}

// The JSON error line of a failed bind, and its exit code.
int listenFailed(const Core::Error &error)
{
    std::fprintf(stderr, "%s\n",
                 QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"kind"_s, u"listen"_s},
                                                                    {u"message"_s, error.detail}}}})
                     .toJson(QJsonDocument::Compact)
                     .constData());
    return ServerExit::Listen;
}

// The one JSON line that says the server accepts connections.
void printReady(const QHostAddress &address, quint16 port, bool tls)
{
    const QString shown = address.protocol() == QAbstractSocket::IPv6Protocol
                            ? u"[%1]:%2"_s.arg(address.toString()).arg(port)
                            : u"%1:%2"_s.arg(address.toString()).arg(port);
    const QByteArray ready
        = QJsonDocument(QJsonObject{{u"listening"_s, shown}, {u"tls"_s, tls}}).toJson(QJsonDocument::Compact)
        + '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fflush(stdout);
}

} // namespace

ServerRun::ServerRun(CtlOptions options)
    : m_options(std::move(options))
{ }

QString ServerRun::usage()
{
    return uR"(  dampingi-server --data DIR --listen ADDR:PORT [--database URL]
                  [--tls-cert FILE --tls-key FILE] [--allow-insecure]
                  [--max-body BYTES] [--rate PER_SECOND] [--burst N] [--retention-days N]
    Serves the sync protocol (POST /v1/enroll|handshake|push|pull, GET /v1/health) until
    SIGTERM or SIGINT. ADDR: an IP, [IPv6], localhost or * (every address).
    --database postgresql://user[:password]@host:port/db   (default: SQLite in DIR; the
               DAMPINGI_DATABASE_URL variable is read when the option is absent)
    --tls-cert/--tls-key  PEM certificate (chain) and unencrypted private key. Without them the
               server speaks plain HTTP and binds only a loopback address unless --allow-insecure.
    --max-body  request body limit, default 8388608 (8 MiB); larger requests get 413.
    --rate/--burst  per-peer token bucket, default 20 requests/s, burst 40; then 429.
    --retention-days  cases deleted longer ago are erased for good, at start and daily;
               default 90 (see `admin purge-deleted`).
)"_s;
}

int ServerRun::run()
{
    RunSettings settings;
    if (const int code = readSettings(m_options, settings); code != ServerExit::Ok)
        return code;
    QLockFile lock(QDir(settings.dataDir).filePath(Sync::DataDir::lockFile));
    if (const Core::Status s = lockDataDir(settings.dataDir, lock); !s)
        return ServerExit::fail(s.error());
    auto opened = openStore(settings);
    if (!opened)
        return ServerExit::fail(opened.error());
    // Built bottom-up, torn down in reverse at the end of this scope: front, service, store.
    std::unique_ptr<Sync::ServerStore> store = std::move(opened).value();
    const Core::SystemClock clock;
    Sync::SyncService service(*store, clock);
    Sync::HttpFront front(service, *store, settings.front);
    if (const Core::Status s = setUpTls(front, settings); !s)
        return ServerExit::fail(s.error());
    if (!installSignalHandlers())
        return ServerExit::fail(
            Core::Error{Core::Error::Code::Internal, u"cannot install signal handlers"_s});
    if (const Core::Status s = front.listen(settings.address, settings.port); !s)
        return listenFailed(s.error());

    QSocketNotifier signalNotifier(signalFds[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &front, [&front, &signalNotifier] {
        char byte = 0;
        if (::read(signalFds[0], &byte, 1) != 1)
            qCWarning(lcServerMain) << "reading the signal socket failed:" << qt_error_string(errno)
                                    << "; stopping anyway";
        signalNotifier.setEnabled(false);
        qCInfo(lcServerMain) << "signal received: stopping";
        front.shutdown(std::chrono::seconds(10));
    });
    QObject::connect(&front, &Sync::HttpFront::stopped, QCoreApplication::instance(),
                     &QCoreApplication::quit);

    // Tombstone clean-up at start and then daily, on this (the store's) thread.
    Sync::Admin admin(*store, clock);
    const auto cleanUp = [&admin, retentionDays = settings.retentionDays] {
        if (const auto purged = admin.purgeDeleted(retentionDays); !purged)
            qCWarning(lcServerMain) << "retention clean-up failed:" << purged.error().detail;
    };
    cleanUp();
    QTimer retentionTimer;
    retentionTimer.setInterval(std::chrono::hours(24));
    QObject::connect(&retentionTimer, &QTimer::timeout, &front, cleanUp);
    retentionTimer.start();

    printReady(settings.address, front.port(), settings.tls());
    const int code = QCoreApplication::exec();
    qCInfo(lcServerMain) << "stopped; closing the store";
    return code == 0 ? ServerExit::Ok : ServerExit::Internal;
}
