// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"

#include "sync/client/httptransport.h"
#include "sync/wire.h"
#include "tests/support/testca.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTcpServer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace Test {

namespace {

constexpr int listenFailed = 8; // dampingi-server's exit code when it cannot bind

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // closed on return; the server binds it right after
}

} // namespace

AdminRun runAdmin(const QString &server, const QString &dataDir, const QStringList &args,
                  const QString &databaseUrl, const QString &officeSecret)
{
    QStringList all{u"admin"_s, u"--data"_s, dataDir};
    if (!databaseUrl.isEmpty())
        all << u"--database"_s << databaseUrl;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DAMPINGI_OFFICE_PASSPHRASE"_s);
    if (!officeSecret.isEmpty())
        environment.insert(u"DAMPINGI_OFFICE_PASSPHRASE"_s, officeSecret);
    process.setProcessEnvironment(environment);
    process.start(server, all + args);
    AdminRun run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.err = "admin run did not finish";
        return run;
    }
    run.exit = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

ServerProcess::ServerProcess(Config config)
    : m_config(std::move(config))
{ }

ServerProcess::~ServerProcess()
{
    if (running()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QUrl ServerProcess::url() const
{
    return QUrl(u"%1://127.0.0.1:%2"_s.arg(m_config.certPath.isEmpty() ? u"http"_s : u"https"_s).arg(m_port));
}

qint64 ServerProcess::pid() const
{
    return running() ? m_process->processId() : 0;
}

bool ServerProcess::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QByteArray ServerProcess::log()
{
    // stderr goes to a file: a pipe nobody reads would block a chatty server.
    QFile file(m_config.dataDir + u".log"_s);
    if (file.open(QIODevice::ReadOnly))
        m_log = file.readAll();
    return m_log;
}

bool ServerProcess::start()
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freePort();
        if (port == 0) {
            m_error = u"no free port on 127.0.0.1"_s;
            return false;
        }
        bool bindFailed = false;
        if (startOnce(port, &bindFailed))
            return true;
        if (!bindFailed)
            return false;
    }
    m_error = u"could not bind a port in 5 attempts: "_s + m_error;
    return false;
}

bool ServerProcess::startOn(quint16 port)
{
    bool bindFailed = false;
    return startOnce(port, &bindFailed);
}

bool ServerProcess::startOnce(quint16 port, bool *bindFailed)
{
    QStringList args{u"--data"_s, m_config.dataDir, u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)};
    if (!m_config.databaseUrl.isEmpty())
        args << u"--database"_s << m_config.databaseUrl;
    if (!m_config.certPath.isEmpty())
        args << u"--tls-cert"_s << m_config.certPath << u"--tls-key"_s << m_config.keyPath;
    args << m_config.extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(m_config.dataDir + u".log"_s, QIODevice::Append);
    m_process->start(m_config.program, args);
    if (!m_process->waitForStarted(10000)) {
        m_error = u"cannot start %1: %2"_s.arg(m_config.program, m_process->errorString());
        return false;
    }
    // The ready line {"listening": ..., "tls": ...} comes once the port is bound.
    QByteArray out;
    const QDeadlineTimer deadline(30000);
    while (!out.contains('\n') && m_process->state() == QProcess::Running && !deadline.hasExpired()) {
        m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        out += m_process->readAllStandardOutput();
    }
    if (!out.contains('\n')) {
        m_process->waitForFinished(5000);
        log();
        *bindFailed = m_process->state() == QProcess::NotRunning && m_process->exitCode() == listenFailed;
        m_error = u"the server did not come up (exit %1): %2"_s.arg(m_process->exitCode())
                      .arg(QString::fromUtf8(m_log));
        if (running())
            m_process->kill();
        return false;
    }
    m_port = port;

    // Ready means bound; /v1/health answering means serving (over TLS with the pin when TLS is on).
    Sync::HttpTransport transport(
        url(), m_config.certPath.isEmpty() ? QByteArray() : TestCa::sha256OfPem(m_config.certPath));
    const auto health = transport.get(Sync::Endpoint::health);
    if (!health || health->status != 200) {
        m_error = u"/v1/health did not answer: %1"_s.arg(health ? QString::number(health->status)
                                                                : health.error().detail);
        return false;
    }
    return true;
}

void ServerProcess::terminate()
{
    if (running())
        ::kill(pid_t(m_process->processId()), SIGTERM);
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    terminate();
    if (running() && !m_process->waitForFinished(20000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        log();
        return -1;
    }
    log();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

} // namespace Test
