// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/localdistrict.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Test {

namespace {

// The server side of one sync run, opened in the thread that runs it.
class WorkerLink final : public Sync::Transport
{
public:
    WorkerLink(const QString &dataDir, const Core::Clock &clock)
    {
        auto opened = Sync::ServerStore::open(dataDir, {});
        if (!opened)
            return;
        m_store = std::move(*opened);
        m_service = std::make_unique<Sync::SyncService>(*m_store, clock);
    }

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                      const QByteArray &page) override
    {
        if (!m_service)
            return Core::Error{Core::Error::Code::Unreachable, u"unreachable: server store did not open"_s};
        return Sync::LocalTransport(*m_service).post(endpoint, bearer, page);
    }

private:
    std::unique_ptr<Sync::ServerStore> m_store;
    std::unique_ptr<Sync::SyncService> m_service;
};

} // namespace

std::function<std::unique_ptr<Sync::Transport>(const Sync::SyncConfig &)> LocalDistrict::workerTransports()
{
    return [path = dir.path(), this](const Sync::SyncConfig &) -> std::unique_ptr<Sync::Transport> {
        return std::make_unique<WorkerLink>(path, clock);
    };
}

LocalDistrict::LocalDistrict()
{
    REQUIRE(dir.isValid());
    REQUIRE(Sync::Admin::init(dir.path(), {}, u"64.02"_s, officePassphrase, Core::KdfStrength::Minimum).ok());
    openStore();
    REQUIRE(admin->createTeam(u"Tenggarong"_s).ok());
}

void LocalDistrict::openStore()
{
    auto opened = Sync::ServerStore::open(dir.path(), {});
    REQUIRE(opened.ok());
    store = std::move(*opened);
    admin = std::make_unique<Sync::Admin>(*store, clock);
    service = std::make_unique<Sync::SyncService>(*store, clock);
    transport = std::make_unique<Sync::LocalTransport>(*service);
}

QString LocalDistrict::code(const QString &login, const QString &role)
{
    REQUIRE(admin->createUser(login, login, role, u"Tenggarong"_s).ok());
    Core::Result<QString> enrollment = admin->enroll(login, u"laptop of "_s + login, officePassphrase);
    REQUIRE(enrollment.ok());
    return *enrollment;
}

void LocalDistrict::enroll(ProfileFixture &laptop, const QString &role, const QString &serverUrl)
{
    const QString enrollment = code(laptop.profile->actor().login, role);
    Sync::SyncClient client(*laptop.profile, *transport);
    const Core::Status s = client.enroll(serverUrl, enrollment, u"laptop"_s);
    INFO((s.ok() ? std::string() : s.error().detail.toStdString()));
    REQUIRE(s.ok());
}

Sync::SyncSummary LocalDistrict::sync(ProfileFixture &laptop)
{
    Sync::SyncClient client(*laptop.profile, *transport);
    Core::Result<Sync::SyncSummary> summary = client.syncOnce();
    INFO((summary.ok() ? std::string() : summary.error().detail.toStdString()));
    REQUIRE(summary.ok());
    return *summary;
}

void LocalDistrict::backup()
{
    const QString connection = u"district-backup"_s;
    {
        QSqlDatabase copier = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        copier.setDatabaseName(dir.filePath(u"server.db"_s));
        REQUIRE(copier.open());
        QSqlQuery q(copier);
        QFile::remove(dir.filePath(u"backup.db"_s));
        REQUIRE(q.exec(u"VACUUM INTO '%1'"_s.arg(dir.filePath(u"backup.db"_s))));
    }
    QSqlDatabase::removeDatabase(connection);
}

void LocalDistrict::restore()
{
    transport.reset();
    service.reset();
    admin.reset();
    store.reset();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(dir.filePath(u"server.db"_s + suffix));
    REQUIRE(QFile::copy(dir.filePath(u"backup.db"_s), dir.filePath(u"server.db"_s)));
    openStore();
}

} // namespace Test
