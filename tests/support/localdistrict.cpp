// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/localdistrict.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Test {

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
