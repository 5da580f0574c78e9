// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/pgcluster.h"

#include "core/sql/migrations.h"
#include "core/util/uuid.h"
#include "sync/enrollmentcode.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Test {

namespace {

// The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin).
QString findBin()
{
    QDir root(u"/usr/lib/postgresql"_s);
    QStringList majors = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : std::as_const(majors)) {
        const QString bin = root.filePath(major + u"/bin"_s);
        if (QFile::exists(bin + u"/initdb"_s) && QFile::exists(bin + u"/pg_ctl"_s))
            return bin;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

bool PgCluster::run(const QString &program, const QStringList &args, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(120000)) {
        m_error = u"%1 did not finish: %2"_s.arg(program, process.errorString());
        return false;
    }
    const QString out = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"%1 %2 failed: %3"_s.arg(program, args.join(u' '), out);
        return false;
    }
    return true;
}

bool PgCluster::runAsPostgres(const QStringList &command, QString *output)
{
    return run(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s} + command, output);
}

PgCluster::PgCluster()
{
    m_bin = findBin();
    if (m_bin.isEmpty()) {
        m_error = u"PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install postgresql"_s;
        return;
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder"_s;
        return;
    }
    const QString data = m_dir.filePath(u"data"_s);
    if (!run(u"chown"_s, {u"postgres:postgres"_s, m_dir.path()}))
        return;
    if (!runAsPostgres({m_bin + u"/initdb"_s, u"-D"_s, data, u"-A"_s, u"trust"_s, u"-U"_s, u"postgres"_s,
                        u"-E"_s, u"UTF8"_s, u"--no-sync"_s}))
        return;
    for (int attempt = 0; attempt < 5 && !m_started; ++attempt) {
        m_port = freePort();
        if (m_port == 0) {
            m_error = u"no free port"_s;
            return;
        }
        // fsync off: a test cluster does not need to survive a power cut, and it is much faster.
        const QString options
            = u"-k %1 -p %2 -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50"_s
                  .arg(m_dir.path())
                  .arg(m_port);
        m_started = runAsPostgres({m_bin + u"/pg_ctl"_s, u"start"_s, u"-w"_s, u"-t"_s, u"60"_s, u"-D"_s, data,
                                   u"-l"_s, m_dir.filePath(u"log"_s), u"-o"_s, options});
    }
    if (!m_started)
        return;
    m_error.clear();
    if (!runAsPostgres({m_bin + u"/createdb"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port),
                        u"-U"_s, u"postgres"_s, u"dampingi"_s}))
        return;
}

PgCluster::~PgCluster()
{
    if (!m_started)
        return;
    // At process exit (no QCoreApplication any more): a plain system() call.
    const QString command
        = u"runuser -u postgres -- %1/pg_ctl stop -m immediate -w -D %2 >/dev/null 2>&1"_s.arg(
            m_bin, m_dir.filePath(u"data"_s));
    [[maybe_unused]] const int rc = std::system(command.toLocal8Bit().constData());
}

PgCluster &PgCluster::instance()
{
    static PgCluster cluster;
    return cluster;
}

QString PgCluster::url() const
{
    return u"postgresql://postgres@127.0.0.1:%1/dampingi"_s.arg(m_port);
}

QString PgCluster::freshDatabaseUrl()
{
    const QString name = u"dampingi_%1"_s.arg(++m_databases);
    if (!runAsPostgres({m_bin + u"/createdb"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port),
                        u"-U"_s, u"postgres"_s, name}))
        return {};
    return u"postgresql://postgres@127.0.0.1:%1/%2"_s.arg(m_port).arg(name);
}

QString freshPostgresUrl()
{
    PgCluster &cluster = PgCluster::instance();
    if (!cluster.ok())
        FAIL("PostgreSQL test cluster unavailable: " << cluster.error().toStdString());
    const QString url = cluster.freshDatabaseUrl();
    if (url.isEmpty())
        FAIL("cannot create a test database: " << cluster.error().toStdString());
    return url;
}

ServerFixture::ServerFixture(const std::string &backend)
    : clock(fixedNowMs)
{
    REQUIRE(dir.isValid());
    if (backend == "postgresql")
        url = freshPostgresUrl();
    else
        REQUIRE(backend == "sqlite");
    const Core::Status init = Sync::ServerStore::initialise(dir.path(), url, u"6402"_s, officePassphrase,
                                                            Core::KdfStrength::Minimum);
    INFO(init.error().detail.toStdString());
    REQUIRE(init.ok());
    auto opened = Sync::ServerStore::open(dir.path(), url);
    INFO((opened ? std::string() : opened.error().detail.toStdString()));
    REQUIRE(opened.ok());
    store = std::move(opened).value();
    admin = std::make_unique<Sync::Admin>(*store, clock);
    service = std::make_unique<Sync::SyncService>(*store, clock);
}

ServerFixture::~ServerFixture() = default;

std::unique_ptr<Sync::ServerStore> ServerFixture::openAnother() const
{
    auto opened = Sync::ServerStore::open(dir.path(), url);
    if (!opened)
        return nullptr;
    return std::move(opened).value();
}

Sync::Response ServerFixture::call(const char *endpoint, const QByteArray &bearer, const QByteArray &body)
{
    return service->handle(Sync::Request{QByteArray(endpoint), bearer, body, u"test"_s});
}

ServerFixture::Enrolled ServerFixture::enroll(const QString &login, const QString &role, const QString &team,
                                              const QString &siteId)
{
    auto users = admin->listUsers();
    REQUIRE(users.ok());
    if (std::none_of(users->cbegin(), users->cend(),
                     [&](const Sync::ServerUser &u) { return u.login == login; })) {
        if (!team.isEmpty() && !store->teamId(team).ok())
            REQUIRE(admin->createTeam(team).ok());
        REQUIRE(admin->createUser(login, login, role, team).ok());
    }
    auto codeText = admin->enroll(login, u"laptop of "_s + login, officePassphrase);
    REQUIRE(codeText.ok());
    auto code = Sync::EnrollmentCode::parse(*codeText);
    REQUIRE(code.ok());
    const Sync::Response response = call(
        Sync::Endpoint::enroll, {}, Sync::Wire::encode(Sync::EnrollRequest{code->secret, login, siteId}));
    REQUIRE(response.status == 200);
    Enrolled enrolled;
    REQUIRE(Sync::Wire::decode(response.body, enrolled.reply).ok());
    auto device = store->deviceByToken(enrolled.reply.token);
    REQUIRE(device.ok());
    REQUIRE(device->has_value());
    enrolled.device = **device;
    return enrolled;
}

Sync::PushReply ServerFixture::push(const Enrolled &device, const QList<Sync::WireOp> &ops)
{
    const Sync::Response response = call(Sync::Endpoint::push, device.reply.token,
                                         Sync::Wire::encode(Sync::PushRequest{device.device.siteId, ops}));
    REQUIRE(response.status == 200);
    Sync::PushReply reply;
    REQUIRE(Sync::Wire::decode(response.body, reply).ok());
    REQUIRE(reply.verdicts.size() == ops.size());
    return reply;
}

Sync::PullReply ServerFixture::pull(const Enrolled &device, const QByteArray &cursor, int maxOps)
{
    const Sync::Response response = call(Sync::Endpoint::pull, device.reply.token,
                                         Sync::Wire::encode(Sync::PullRequest{cursor, maxOps}));
    REQUIRE(response.status == 200);
    Sync::PullReply reply;
    REQUIRE(Sync::Wire::decode(response.body, reply).ok());
    return reply;
}

qint64 stampAt(qint64 ms, int counter)
{
    return qint64((quint64(ms) << 16) | quint64(counter));
}

Sync::WireOp caseCreateOp(const QString &site, qint64 seq, const QString &txn, const QString &caseId,
                          const QString &author, qint64 hlc)
{
    Sync::WireOp op;
    op.site = site;
    op.seq = seq;
    op.txn = txn;
    op.entity = u"case"_s;
    op.entityId = caseId;
    op.caseId = caseId;
    op.field = u"_create"_s;
    op.op = u"create"_s;
    op.value = caseId.toUtf8();
    op.hlc = hlc;
    op.author = author;
    op.schemaVersion = Core::Migrations::latestVersion();
    return op;
}

Sync::WireOp caseSetOp(const QString &site, qint64 seq, const QString &txn, const QString &caseId,
                       const QString &field, const QByteArray &value, const QString &author, qint64 hlc)
{
    Sync::WireOp op = caseCreateOp(site, seq, txn, caseId, author, hlc);
    op.field = field;
    op.op = u"set"_s;
    op.value = value;
    return op;
}

QList<Sync::WireOp> intakeOps(const QString &site, qint64 firstSeq, const QString &caseId,
                              const QString &author, qint64 hlc)
{
    const QString txn = Core::newUuidV7(fixedNowMs);
    return {caseCreateOp(site, firstSeq, txn, caseId, author, hlc),
            caseSetOp(site, firstSeq + 1, txn, caseId, u"assigned_user"_s, author.toUtf8(), author, hlc),
            caseSetOp(site, firstSeq + 2, txn, caseId, u"intake_channel"_s, "walk_in", author, hlc),
            caseSetOp(site, firstSeq + 3, txn, caseId, u"reported_on"_s, "2026-11-20", author, hlc)};
}

} // namespace Test
