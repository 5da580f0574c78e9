// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/schema.h"
#include "core/changelog/schematesting.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"

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

TEST_CASE("every declared rename, in step order, leads to a field of the current schema",
          "[core][store][migrations]")
{
    int previous = 0;
    for (const Core::Schema::FieldRename &r : Core::Schema::renames()) {
        INFO(QString(r.entity + u'.' + r.from).toStdString());
        CHECK(r.sinceVersion >= previous);
        CHECK(r.sinceVersion <= Core::Migrations::latestVersion());
        const Core::EntityDef *entity = Core::Schema::entity(r.entity);
        REQUIRE(entity);
        CHECK(entity->field(Core::Schema::currentFieldName(r.entity, r.from, r.sinceVersion - 1)));
        previous = r.sinceVersion;
    }
}

TEST_CASE("an old field name maps to its current name through a chain of renames, by schema version",
          "[core][store][migrations]")
{
    // Step 3 renamed case.place to case.scene, step 5 renamed scene to incident_scene.
    const Core::Schema::ScopedRenameForTest first{{u"case"_s, u"place"_s, u"scene"_s, 3}};
    const Core::Schema::ScopedRenameForTest second{{u"case"_s, u"scene"_s, u"incident_scene"_s, 5}};
    using Core::Schema::currentFieldName;
    CHECK(currentFieldName(u"case", u"place"_s, 2) == u"incident_scene"_s);
    CHECK(currentFieldName(u"case", u"scene"_s, 4) == u"incident_scene"_s);
    CHECK(currentFieldName(u"case", u"incident_scene"_s, 6) == u"incident_scene"_s);
    // Not renamed for an op written under the renaming schema or later, nor for another entity.
    CHECK(currentFieldName(u"case", u"place"_s, 3) == u"place"_s);
    CHECK(currentFieldName(u"case", u"scene"_s, 5) == u"scene"_s);
    CHECK(currentFieldName(u"visit", u"scene"_s, 4) == u"scene"_s);
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

TEST_CASE("a value that fails to bind makes the statement fail instead of running with NULL", "[core][store]")
{
    QTemporaryDir dir;
    auto db = Core::Database::open(dir.filePath(u"t.db"_s));
    REQUIRE(db.ok());
    {
        QSqlQuery create((*db)->connection());
        REQUIRE(create.exec(u"CREATE TABLE t (a TEXT)"_s));
    }
    Core::Statement &insert = (*db)->statement(u"INSERT INTO t (a) VALUES (?1)"_s);
    insert.bind(2, u"out of range"_s); // the statement has one parameter
    const Core::Status failed = insert.exec();
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().detail.contains(u"bind"_s));

    // reset() (which exec() does) clears the failure: the statement is usable again.
    insert.bind(1, u"fine"_s);
    REQUIRE(insert.exec().ok());
    Core::Statement &count = (*db)->statement(u"SELECT count(*) FROM t"_s);
    REQUIRE(count.next());
    CHECK(count.int64(0) == 1);
    count.reset();
}
