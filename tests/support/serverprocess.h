// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/fixtures.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Test {

// The outcome of one `dampingi-server admin ...` run.
struct AdminRun
{
    int exit = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// Runs `dampingi-server admin --data DIR [--database URL] ARGS...` to completion, with
// DAMPINGI_OFFICE_PASSPHRASE set to `officePassphrase` (unset when empty).
AdminRun runAdmin(const QString &server, const QString &dataDir, const QStringList &args,
                  const QString &databaseUrl = {}, const QString &officePassphrase = Test::officePassphrase);

// The real dampingi-server on 127.0.0.1 with a free port: start() picks a port, retries when the
// bind fails (exit 8: someone took it in between), waits for the ready line and for /v1/health;
// stop() sends SIGTERM and returns the exit code (-1 for a crash or a hang, which it kills).
class ServerProcess final
{
public:
    struct Config
    {
        QString program; // path of dampingi-server
        QString dataDir;
        QString databaseUrl;
        QString certPath; // empty: plain HTTP
        QString keyPath;
        QStringList extraArgs;
    };

    explicit ServerProcess(Config config);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    bool start();
    // On the given port (a restarted server where the laptops know it); false when it is taken.
    bool startOn(quint16 port);
    // SIGTERM without waiting (stop() then collects the exit code).
    void terminate();
    int stop();
    bool running() const;

    const QString &error() const { return m_error; }
    quint16 port() const { return m_port; }
    // The server's process id (for /proc/<pid>/status), 0 when not running.
    qint64 pid() const;
    QUrl url() const;
    // Everything the server wrote to stderr so far (its logs).
    QByteArray log();

private:
    bool startOnce(quint16 port, bool *bindFailed);

    Config m_config;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace Test
