// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the real dampingi-ctl binary on a real profile folder.
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <catch2/catch.hpp>
#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exit = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out).array(); }
    // The JSON error is the last line of stderr (logs, if enabled, come before it).
    QJsonObject error() const
    {
        const QList<QByteArray> lines = err.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object().value(u"error"_s).toObject();
    }
};

class Ctl
{
public:
    Ctl()
    {
        REQUIRE(m_dir.isValid());
        m_profile = m_dir.filePath(u"profile"_s);
    }

    Run run(const QStringList &args, const QByteArray &input = {},
            const QString &passphrase = Test::passphrase)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DAMPINGI_PASSPHRASE"_s, passphrase);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(DAMPINGI_CTL), QStringList{u"--profile"_s, m_profile} + args);
        REQUIRE(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        REQUIRE(process.waitForFinished(120000));
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    void init()
    {
        const Run r = run({u"profile"_s, u"init"_s, u"--district"_s, u"64.02"_s, u"--user"_s, u"siti"_s,
                           u"--role"_s, u"caseworker"_s, u"--kdf"_s, u"minimum"_s});
        INFO(r.err.toStdString());
        REQUIRE(r.exit == 0);
    }

    const QString &profile() const { return m_profile; }

private:
    QTemporaryDir m_dir;
    QString m_profile;
};

const QByteArray intake = R"({
  "intake_channel": "hotline",
  "reported_on": "2026-11-10",
  "incident_on": "2026-11-08",
  "incident_region": "64.02.06.1001",
  "incident_scene": "household",
  "violence_types": ["fisik", "psikis"],
  "typing": ["ktp"],
  "narrative": "Suami memukul korban dengan gagang sapu di dapur",
  "people": [
    {"role": "victim", "person": {"name": "Wulandari Hasibuan", "nik": "6402065203950002",
     "sex": "female", "birth_date": "1995-03-12", "address_region": "64.02.06.1001"}},
    {"role": "perpetrator", "relationship": "spouse", "person": {"name": "Rudi Hasibuan", "sex": "male"}}
  ],
  "risk": {"level": "high"}
})";

} // namespace

TEST_CASE("dampingi-ctl records, shows, finds and updates a case", "[e2e][ctl]")
{
    Ctl ctl;
    ctl.init();
    const Run created = ctl.run({u"case"_s, u"new"_s}, intake);
    INFO(created.err.toStdString());
    REQUIRE(created.exit == 0);
    const QString id = created.json().value(u"id"_s).toString();
    const QString number = created.json().value(u"number"_s).toString();
    CHECK(number.startsWith(u"6402-"_s));

    const Run shown = ctl.run({u"case"_s, u"show"_s, number});
    REQUIRE(shown.exit == 0);
    CHECK(shown.json().value(u"id"_s).toString() == id);
    CHECK(shown.json().value(u"narrative"_s).toString()
          == u"Suami memukul korban dengan gagang sapu di dapur");
    CHECK(shown.json().value(u"people"_s).toArray().size() == 2);
    CHECK(shown.json().value(u"sync"_s).toObject().value(u"state"_s).toString() == u"pending");

    const Run found = ctl.run({u"case"_s, u"list"_s, u"--query"_s, u"wulandri"_s}); // typo
    REQUIRE(found.exit == 0);
    REQUIRE(found.array().size() == 1);
    CHECK(found.array().first().toObject().value(u"id"_s).toString() == id);

    const Run visit = ctl.run({u"visit"_s, u"add"_s, id},
                              R"({"purpose": "outreach", "location_source": "village_centroid",
                                  "notes": "Korban aman di rumah orang tua"})");
    INFO(visit.err.toStdString());
    REQUIRE(visit.exit == 0);
    const Run service = ctl.run({u"service"_s, u"add"_s, id}, R"({"service_type": "forensic_exam"})");
    REQUIRE(service.exit == 0);
    CHECK(service.json().value(u"status"_s).toString() == u"referred");

    const Run moved = ctl.run({u"case"_s, u"update"_s, id}, R"({"status": "assessment"})");
    REQUIRE(moved.exit == 0);
    CHECK(moved.json().value(u"status"_s).toString() == u"assessment");

    const Run history = ctl.run({u"history"_s, id});
    REQUIRE(history.exit == 0);
    bool sawStatus = false;
    for (const QJsonValue &entry : history.array()) {
        const QJsonObject e = entry.toObject();
        if (e.value(u"entity"_s) == u"case"_s && e.value(u"field"_s) == u"status"_s
            && e.value(u"value"_s) == u"assessment"_s) {
            sawStatus = true;
            CHECK(e.value(u"author"_s).toString() == u"siti");
        }
    }
    CHECK(sawStatus);

    const Run exported = ctl.run({u"export"_s, u"--format"_s, u"json"_s});
    REQUIRE(exported.exit == 0);
    CHECK(QJsonDocument::fromJson(exported.out).object().value(u"cases"_s).toArray().size() == 1);
}

TEST_CASE("decrypted exports and attachments are written for their owner only", "[e2e][ctl]")
{
    Ctl ctl;
    ctl.init();
    const Run created = ctl.run({u"case"_s, u"new"_s}, intake);
    REQUIRE(created.exit == 0);
    const QString id = created.json().value(u"id"_s).toString();
    QTemporaryDir out;
    const auto onlyOwner = [](const QString &path) {
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                              | QFileDevice::ReadOther | QFileDevice::WriteOther;
        return QFile::exists(path) && (QFile::permissions(path) & others) == 0;
    };

    // --out: written whole, 0600, whatever the umask.
    const QString file = out.filePath(u"export.json"_s);
    const Run exported = ctl.run({u"export"_s, u"--out"_s, file});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exit == 0);
    CHECK(exported.json().value(u"cases"_s).toInt() == 1);
    CHECK(onlyOwner(file));
    {
        QFile f(file);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(QJsonDocument::fromJson(f.readAll()).object().value(u"cases"_s).toArray().size() == 1);
    }

    // stdout redirected by the caller into a file it created world-readable: made 0600.
    const QString redirected = out.filePath(u"redirected.json"_s);
    {
        QFile f(redirected);
        REQUIRE(f.open(QIODevice::WriteOnly));
        REQUIRE(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                 | QFileDevice::ReadOther));
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DAMPINGI_PASSPHRASE"_s, Test::passphrase);
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(redirected, QIODevice::Truncate);
    process.start(QStringLiteral(DAMPINGI_CTL), {u"--profile"_s, ctl.profile(), u"export"_s});
    REQUIRE(process.waitForFinished(120000));
    CHECK(process.exitCode() == 0);
    CHECK(onlyOwner(redirected));
    {
        QFile f(redirected);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll().contains("dampingi-export-1"));
    }

    // An attachment taken out of the profile: decrypted, so 0600 too.
    const QString scan = out.filePath(u"scan.txt"_s);
    {
        QFile f(scan);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Visum et repertum\n");
        REQUIRE(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    }
    const Run attached = ctl.run({u"attach"_s, id, scan});
    REQUIRE(attached.exit == 0);
    const QString copy = out.filePath(u"copy.txt"_s);
    const Run got
        = ctl.run({u"attachment"_s, u"get"_s, attached.json().value(u"id"_s).toString(), u"--out"_s, copy});
    INFO(got.err.toStdString());
    REQUIRE(got.exit == 0);
    CHECK(onlyOwner(copy));
}

TEST_CASE("dampingi-ctl gives a distinct exit code and a JSON error for each kind of failure", "[e2e][ctl]")
{
    Ctl ctl;
    ctl.init();
    const Run created = ctl.run({u"case"_s, u"new"_s}, intake);
    REQUIRE(created.exit == 0);
    const QString id = created.json().value(u"id"_s).toString();

    const Run wrong = ctl.run({u"case"_s, u"list"_s}, {}, u"bukan-sandinya"_s);
    CHECK(wrong.exit == 5);
    CHECK(wrong.error().value(u"kind"_s).toString() == u"locked");
    CHECK(wrong.out.isEmpty());

    QByteArray badNik = intake;
    badNik.replace("6402065203950002", "6402061203950002"); // male day for a woman
    const Run invalid = ctl.run({u"case"_s, u"new"_s}, badNik);
    CHECK(invalid.exit == 3);
    CHECK(invalid.error().value(u"field"_s).toString() == u"people[0].person.nik");

    const Run future = ctl.run({u"case"_s, u"new"_s}, QByteArray(intake).replace("2026-11-08", "2099-01-01"));
    CHECK(future.exit == 3);

    const Run garbage = ctl.run({u"case"_s, u"new"_s}, "{\"narrative\": \"\xff\xfe\"}");
    CHECK(garbage.exit == 3);
    CHECK(garbage.error().value(u"message"_s).toString().contains(u"UTF-8"_s));

    const Run missing = ctl.run({u"case"_s, u"show"_s, u"6402-XXXXX-2026-9999"_s});
    CHECK(missing.exit == 4);

    const Run forbidden
        = ctl.run({u"case"_s, u"update"_s, id}, R"({"status": "closed", "status_reason": "x"})");
    CHECK(forbidden.exit == 7);

    const Run usage = ctl.run({u"case"_s, u"fly"_s});
    CHECK(usage.exit == 2);

    // Nothing from the failures was written.
    const Run listed = ctl.run({u"case"_s, u"list"_s});
    REQUIRE(listed.exit == 0);
    CHECK(listed.array().size() == 1);
}

TEST_CASE("a profile folder written by dampingi-ctl holds no plaintext victim data", "[e2e][ctl][privacy]")
{
    Ctl ctl;
    ctl.init();
    REQUIRE(ctl.run({u"case"_s, u"new"_s}, intake).exit == 0);
    REQUIRE(ctl.run({u"demo"_s, u"--cases"_s, u"20"_s}).exit == 0);
    const QByteArray tree = Test::readTree(ctl.profile());
    REQUIRE(tree.size() > 10000);
    for (const char *secret : {"Wulandari", "Hasibuan", "6402065203950002", "gagang sapu"}) {
        INFO(secret);
        CHECK_FALSE(tree.contains(secret));
    }
}

TEST_CASE("kill -9 during a bulk import leaves a sound database with whole actions only",
          "[e2e][ctl][faults]")
{
    Ctl ctl;
    ctl.init();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DAMPINGI_PASSPHRASE"_s, Test::passphrase);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(DAMPINGI_CTL),
                  {u"--profile"_s, ctl.profile(), u"demo"_s, u"--cases"_s, u"100000"_s});
    REQUIRE(process.waitForStarted());
    // Let it commit some batches, then kill it mid-write.
    QThread::msleep(2500);
    ::kill(pid_t(process.processId()), SIGKILL);
    REQUIRE(process.waitForFinished(10000));
    CHECK(process.exitStatus() == QProcess::CrashExit);

    auto db = Core::Database::open(ctl.profile() + u"/dampingi.db"_s);
    REQUIRE(db.ok());
    QSqlQuery q((*db)->connection());
    REQUIRE(q.exec(u"PRAGMA integrity_check"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == u"ok");
    q.finish();
    // Every row has the create op of its action, and every create op its row: no half action.
    for (const auto &[entity, table] : {std::pair{u"case"_s, u"cases"_s},
                                        {u"person"_s, u"persons"_s},
                                        {u"case_person"_s, u"case_persons"_s},
                                        {u"visit"_s, u"visits"_s},
                                        {u"service"_s, u"services"_s},
                                        {u"status_change"_s, u"status_changes"_s}}) {
        INFO(table.toStdString());
        REQUIRE(
            q.exec(u"SELECT (SELECT count(*) FROM %1), (SELECT count(*) FROM change_ops WHERE entity = '%2' "
                   "AND op = 'create')"_s.arg(table, entity)));
        REQUIRE(q.next());
        CHECK(q.value(0).toLongLong() == q.value(1).toLongLong());
        q.finish();
    }
    REQUIRE(
        q.exec(u"SELECT count(*), COALESCE(max(site_seq), 0), (SELECT CAST(value AS INTEGER) FROM meta WHERE "
               "key = 'site_seq'), (SELECT count(*) FROM cases) FROM change_ops"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == q.value(1).toLongLong()); // gap-free
    CHECK(q.value(1).toLongLong() == q.value(2).toLongLong()); // persisted sequence matches
    const qint64 cases = q.value(3).toLongLong();
    CHECK(cases > 0); // some batches were committed
    CHECK(cases < 100000); // and the kill really interrupted the import
    q.finish();

    // The profile still opens and works.
    db->reset();
    const Run after = ctl.run({u"case"_s, u"new"_s}, intake);
    CHECK(after.exit == 0);
}

TEST_CASE("parallel dampingi-ctl writers on one profile all succeed without a gap", "[e2e][ctl][review]")
{
    Ctl ctl;
    ctl.init();
    std::vector<std::unique_ptr<QProcess>> writers;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DAMPINGI_PASSPHRASE"_s, Test::passphrase);
    for (int i = 0; i < 6; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(DAMPINGI_CTL), {u"--profile"_s, ctl.profile(), u"case"_s, u"new"_s});
        REQUIRE(process->waitForStarted());
        process->write(intake);
        process->closeWriteChannel();
        writers.push_back(std::move(process));
    }
    for (auto &process : writers) {
        REQUIRE(process->waitForFinished(60000));
        INFO(process->readAllStandardError().toStdString());
        CHECK(process->exitCode() == 0);
    }
    auto db = Core::Database::open(ctl.profile() + u"/dampingi.db"_s);
    REQUIRE(db.ok());
    QSqlQuery q((*db)->connection());
    REQUIRE(q.exec(
        u"SELECT count(*), max(site_seq), (SELECT count(DISTINCT number) FROM cases) FROM change_ops"_s));
    REQUIRE(q.next());
    CHECK(q.value(0).toLongLong() == q.value(1).toLongLong());
    CHECK(q.value(2).toInt() == 6);
}

TEST_CASE("a supervisor merges a person entered twice with dampingi-ctl, and undoes it", "[e2e][ctl][merge]")
{
    Ctl ctl;
    const Run init = ctl.run({u"profile"_s, u"init"_s, u"--district"_s, u"64.02"_s, u"--user"_s, u"ani"_s,
                              u"--role"_s, u"supervisor"_s, u"--kdf"_s, u"minimum"_s});
    REQUIRE(init.exit == 0);
    const QString id = ctl.run({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    REQUIRE(
        ctl.run({u"case"_s, u"update"_s, id},
                R"({"people": [{"role": "victim", "person": {"name": "Wulan H.", "phone": "0812000111"}}]})")
            .exit
        == 0);
    const auto victims = [&] {
        QStringList ids;
        for (const QJsonValue &p : ctl.run({u"case"_s, u"show"_s, id}).json().value(u"people"_s).toArray()) {
            if (p.toObject().value(u"role"_s) == u"victim"_s)
                ids << p.toObject().value(u"person"_s).toObject().value(u"id"_s).toString();
        }
        return ids;
    };
    const QStringList two = victims();
    REQUIRE(two.size() == 2);
    const Run merged = ctl.run({u"person"_s, u"merge"_s, id, two.at(1), u"--into"_s, two.at(0)});
    INFO(merged.err.toStdString());
    REQUIRE(merged.exit == 0);
    CHECK(merged.json().value(u"stands_for"_s).toString() == two.at(0));
    CHECK(victims() == QStringList{two.at(0)});
    CHECK(ctl.run({u"person"_s, u"merge"_s, id, two.at(1), u"--into"_s, two.at(0)}).exit
          == 7); // merged already
    REQUIRE(ctl.run({u"person"_s, u"unmerge"_s, id, two.at(1)}).exit == 0);
    CHECK(victims().size() == 2);
}
