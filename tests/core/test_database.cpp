// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/database.h"
#include "core/store/migrations.h"
#include "core/store/schema.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("a new database runs in WAL mode with foreign keys and the latest schema", "[core][store]")
{
    QTemporaryDir dir;
    auto db = Core::Database::open(dir.filePath(u"t.db"_s));
    REQUIRE(db.ok());
    CHECK((*db)->pragma(u"journal_mode"_s).value() == u"wal");
    CHECK((*db)->pragma(u"foreign_keys"_s).value() == u"1");
    CHECK((*db)->pragma(u"synchronous"_s).value() == u"2"); // FULL
    CHECK((*db)->pragma(u"temp_store"_s).value() == u"2"); // MEMORY: no plaintext temp files
    CHECK((*db)->pragma(u"user_version"_s).value().toInt() == Core::Migrations::latestVersion());
}

TEST_CASE("every schema field has a column in its table", "[core][store][migrations]")
{
    QTemporaryDir dir;
    auto db = Core::Database::open(dir.filePath(u"t.db"_s));
    REQUIRE(db.ok());
    for (const Core::EntityDef &entity : Core::Schema::entities()) {
        const QSqlRecord columns = (*db)->connection().record(entity.table);
        INFO(entity.table.toStdString());
        REQUIRE(!columns.isEmpty());
        for (const QString &housekeeping :
             {u"id"_s, u"created_at"_s, u"created_by"_s, u"updated_at"_s, u"deleted"_s, u"clocks"_s})
            CHECK(columns.contains(housekeeping));
        CHECK(columns.contains(u"case_id"_s) == entity.caseChild);
        for (const Core::FieldDef &field : entity.fields) {
            INFO(field.name.toStdString());
            CHECK(columns.contains(field.name));
        }
    }
}

TEST_CASE("a database from a newer build is refused and left untouched", "[core][store][migrations]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.db"_s);
    {
        auto db = Core::Database::open(path);
        REQUIRE(db.ok());
        QSqlQuery q((*db)->connection());
        REQUIRE(q.exec(u"PRAGMA user_version = %1"_s.arg(Core::Migrations::latestVersion() + 1)));
    }
    auto again = Core::Database::open(path);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Core::Error::Code::SchemaTooNew);
    auto raw = Core::Database::openRaw(path);
    REQUIRE(raw.ok());
    CHECK((*raw)->pragma(u"user_version"_s).value().toInt() == Core::Migrations::latestVersion() + 1);
}

TEST_CASE("a file that is not a database is reported as damaged", "[core][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"t.db"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    auto db = Core::Database::open(path);
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == Core::Error::Code::Corrupt);
}
