// SPDX-License-Identifier: GPL-3.0-or-later
// Migration from every past schema version: each fixture in tests/data/schema/vN.sql is a
// database of version N with data; migrating it must reach the latest version and keep the data.
#include "core/changelog/fieldclocks.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

void loadFixture(Core::Database &db, const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList statements = QString::fromUtf8(file.readAll()).split(u";\n"_s, Qt::SkipEmptyParts);
    for (const QString &sql : statements) {
        if (sql.trimmed().isEmpty())
            continue;
        QSqlQuery q(db.connection());
        INFO(sql.toStdString());
        REQUIRE(q.exec(sql));
    }
}

} // namespace

TEST_CASE("an empty database migrates step by step to the latest version", "[core][store][migrations]")
{
    QTemporaryDir dir;
    auto db = Core::Database::openRaw(dir.filePath(u"t.db"_s));
    REQUIRE(db.ok());
    for (int v = 1; v <= Core::Migrations::latestVersion(); ++v) {
        REQUIRE(Core::Migrations::migrateTo((*db)->connection(), v).ok());
        CHECK(Core::Migrations::currentVersion((*db)->connection()).value() == v);
    }
    // Running again is a no-op.
    REQUIRE(Core::Migrations::migrate((*db)->connection()).ok());
}

TEST_CASE("every past schema fixture migrates to the latest version with its data",
          "[core][store][migrations]")
{
    const QDir fixtures(QStringLiteral(DAMPINGI_TEST_DATA "/schema"));
    const QStringList files = fixtures.entryList({u"v*.sql"_s}, QDir::Files, QDir::Name);
    // One fixture per shipped version below the latest (v0 is the empty database).
    REQUIRE(files.size() == Core::Migrations::latestVersion());
    for (const QString &name : files) {
        INFO(name.toStdString());
        QTemporaryDir dir;
        auto db = Core::Database::openRaw(dir.filePath(u"t.db"_s));
        REQUIRE(db.ok());
        const int version = name.mid(1, name.indexOf(u'.') - 1).toInt();
        REQUIRE(Core::Migrations::migrateTo((*db)->connection(), version).ok());
        loadFixture(**db, fixtures.filePath(name));
        REQUIRE(Core::Migrations::migrate((*db)->connection()).ok());
        CHECK(Core::Migrations::currentVersion((*db)->connection()).value()
              == Core::Migrations::latestVersion());
        QSqlQuery marker((*db)->connection());
        REQUIRE(marker.exec(u"SELECT value FROM fixture_marker"_s));
        REQUIRE(marker.next());
        CHECK(marker.value(0).toString() == name);
        marker.finish();
        if (version >= 1) {
            // The v1 fixture's case and its field clocks (a separate table in v1) survive.
            QSqlQuery kase((*db)->connection());
            REQUIRE(kase.exec(u"SELECT number, status, clocks FROM cases"_s));
            REQUIRE(kase.next());
            CHECK(kase.value(0).toString() == u"6402-ABCDE-2026-0001");
            CHECK(kase.value(1).toString() == u"assessment");
            const Core::FieldClocks clocks = Core::FieldClocks::parse(kase.value(2).toString());
            CHECK(clocks.field(u"status"_s).hlc == 117641850003456);
            CHECK(clocks.field(u"status"_s).site == u"a1b2c3d4e5f60718");
            CHECK(clocks.element(u"violence_types"_s, u"fisik"_s).hlc == 117641850000001);
            CHECK(clocks.field(u"narrative"_s).hlc == 0); // never written
        }
    }
}

TEST_CASE("a failing migration step leaves the database at the previous version", "[core][store][migrations]")
{
    QTemporaryDir dir;
    auto db = Core::Database::openRaw(dir.filePath(u"t.db"_s));
    REQUIRE(db.ok());
    // A table that step 1 wants to create already exists: the step must fail as a whole.
    QSqlQuery q((*db)->connection());
    REQUIRE(q.exec(u"CREATE TABLE persons (x)"_s));
    const Core::Status s = Core::Migrations::migrate((*db)->connection());
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == Core::Error::Code::MigrationFailed);
    CHECK(Core::Migrations::currentVersion((*db)->connection()).value() == 0);
    QSqlQuery meta((*db)->connection());
    REQUIRE(meta.exec(u"SELECT count(*) FROM sqlite_master WHERE name = 'meta'"_s));
    REQUIRE(meta.next());
    CHECK(meta.value(0).toInt() == 0); // step 1's first table rolled back too
}
