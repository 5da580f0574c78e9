// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: backups that restore, and the server's data folder kept private. The real
// dampingi-server serves laptops (real dampingi-ctl processes) over TLS while `admin backup`
// snapshots it; work goes on; the server is stopped and the backup restored; every laptop syncs
// again and nothing is lost. On SQLite and on PostgreSQL.
#include "sync/client/httptransport.h"
#include "sync/protocol.h"
#include "tests/support/ctllaptop.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Laptop = Test::CtlLaptop;

const QByteArray intake = R"({
  "intake_channel": "hotline",
  "reported_on": "2026-11-10",
  "incident_on": "2026-11-08",
  "incident_region": "64.02.06.1001",
  "violence_types": ["fisik", "psikis"],
  "narrative": "Suami memukul korban dengan gagang sapu di dapur",
  "people": [
    {"role": "victim", "person": {"name": "Wulandari Hasibuan", "nik": "6402065203950002",
     "sex": "female", "birth_date": "1995-03-12"}}
  ],
  "risk": {"level": "high"}
})";

constexpr QFileDevice::Permissions othersBits = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                              | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                              | QFileDevice::WriteOther | QFileDevice::ExeOther;

bool privatePath(const QString &path)
{
    return QFileInfo::exists(path) && (QFile::permissions(path) & othersBits) == 0;
}

// Without the row times each laptop keeps for itself (when it wrote or received the row: they
// differ by milliseconds between replicas, restore or not).
QJsonValue withoutLocalTimes(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(withoutLocalTimes(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (it.key() != u"created_at" && it.key() != u"updated_at")
            out.insert(it.key(), withoutLocalTimes(it.value()));
    }
    return out;
}

// A case as a laptop shows it, less its sync state (which says how this laptop got there) and
// local row times.
QJsonObject shownCase(Laptop &laptop, const QString &id)
{
    QJsonObject shown = laptop.ok({u"case"_s, u"show"_s, id}).json();
    shown.remove(u"sync"_s);
    return withoutLocalTimes(shown).toObject();
}

qint64 serverOps(const Test::ServerProcess &process, const QString &chain)
{
    Sync::HttpTransport link(process.url(), Test::TestCa::sha256OfPem(chain));
    const auto response = link.get(Sync::Endpoint::health);
    REQUIRE(response.ok());
    REQUIRE(response->status == 200);
    return QJsonDocument::fromJson(response->body).object().value(u"ops"_s).toInteger(-1);
}

// Every store file of the folder and the folder itself: the owner's alone.
void checkPrivateFolder(const QString &data)
{
    CHECK(privatePath(data));
    const QStringList files = QDir(data).entryList(QDir::Files | QDir::Hidden);
    CHECK(files.contains(u"bundle.key"_s));
    CHECK_FALSE(files.contains(u"district.key"_s)); // the district keys live wrapped in the store
    for (const QString &name : files) {
        INFO(name.toStdString());
        CHECK(privatePath(QDir(data).filePath(name)));
    }
}

} // namespace

TEST_CASE("a backup taken while serving restores, and every laptop converges with nothing lost",
          "[e2e][backup]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    Test::TestCa ca;
    REQUIRE(ca.ok());
    QTemporaryDir root;
    const QString data = root.filePath(u"server"_s); // made by init
    const QString url = backend == "postgresql" ? Test::freshPostgresUrl() : QString();
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    const auto adminRun = [&](const QStringList &args) { return Test::runAdmin(server, data, args, url); };
    const auto admin = [&](const QStringList &args) {
        const Test::AdminRun r = adminRun(args);
        INFO(args.join(u' ').toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exit == 0);
        return r.json().object();
    };
    const auto codeFor = [&](const QString &login) {
        return admin({u"device"_s, u"enroll"_s, u"--user"_s, login, u"--name"_s, u"laptop-"_s + login,
                      u"--tls-cert"_s, ca.serverChain()})
            .value(u"code"_s)
            .toString()
            .toUtf8();
    };
    admin({u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s});
    admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
    for (const QString &login : {u"siti"_s, u"budi"_s, u"rina"_s})
        admin({u"user"_s, u"add"_s, login, u"--name"_s, login, u"--role"_s, u"caseworker"_s, u"--team"_s,
               u"Tenggarong"_s});
    auto process = std::make_unique<Test::ServerProcess>(
        Test::ServerProcess::Config{server, data, url, ca.serverChain(), ca.serverKey(), {}});
    INFO(process->error().toStdString());
    REQUIRE(process->start());
    const QString address = process->url().toString();

    // Two laptops enroll with the code in a file and on stdin (never on the command line).
    Laptop siti(u"siti"_s), budi(u"budi"_s);
    const QString codeFile = siti.file(u"code.txt"_s);
    Test::writeAll(codeFile, codeFor(u"siti"_s) + '\n');
    const Test::CtlRun sitiEnrolled
        = siti.ok({u"sync"_s, u"enroll"_s, u"--server"_s, address, u"--code-file"_s, codeFile});
    CHECK(sitiEnrolled.json().value(u"enrolled"_s).toBool());
    CHECK_FALSE(sitiEnrolled.err.contains("warning"));
    CHECK(budi.ok({u"sync"_s, u"enroll"_s, u"--server"_s, address, u"--code"_s, u"-"_s}, codeFor(u"budi"_s))
              .json()
              .value(u"enrolled"_s)
              .toBool());

    // A case on the team, edited on both laptops.
    const QString a = siti.ok({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    siti.ok({u"sync"_s, u"now"_s});
    admin({u"assign"_s, u"--case"_s, a, u"--team"_s, u"Tenggarong"_s});
    budi.ok({u"sync"_s, u"now"_s});
    budi.ok({u"case"_s, u"update"_s, a}, R"({"narrative": "Budi: korban mengungsi ke rumah ibunya"})");
    budi.ok({u"sync"_s, u"now"_s});
    siti.ok({u"sync"_s, u"now"_s});

    // The backup, while the server serves: a private, standard tar holding no readable content.
    const QString backup = root.filePath(u"district-64.02.tar"_s);
    const QJsonObject made = admin({u"backup"_s, u"--out"_s, backup});
    const QString dbEntry = backend == "postgresql" ? u"postgresql.dump"_s : u"server.db"_s;
    CHECK(made.value(u"files"_s).toArray() == QJsonArray{dbEntry, u"bundle.key"_s});
    CHECK(made.value(u"bytes"_s).toInteger() == QFileInfo(backup).size());
    CHECK(made.value(u"ops_seq"_s).toInteger() > 10);
    CHECK(privatePath(backup));
    QProcess tar;
    tar.start(u"tar"_s, {u"-tf"_s, backup});
    REQUIRE(tar.waitForFinished(30000));
    CHECK(tar.exitCode() == 0);
    CHECK(QString::fromUtf8(tar.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts)
          == QStringList{u"dampingi-backup.json"_s, dbEntry, u"bundle.key"_s});
    CHECK_FALSE(Test::readAll(backup).contains("Wulandari"));
    CHECK_FALSE(Test::readAll(backup).contains("gagang sapu"));
    // No work file is left next to it.
    CHECK(QDir(root.path()).entryList({u".dampingi-backup*"_s}, QDir::Files | QDir::Hidden).isEmpty());

    // After the backup: edits on both laptops, a scanned letter, a new case; all synced.
    siti.ok({u"case"_s, u"update"_s, a}, R"({"narrative": "Siti: korban kini aman di rumah ibunya"})");
    const QString letter = root.filePath(u"surat.txt"_s);
    const QByteArray letterBytes = QByteArray("Surat rujukan ke RSUD\n").repeated(20000);
    Test::writeAll(letter, letterBytes);
    const QString attachment = siti.ok({u"attach"_s, a, letter}).json().value(u"id"_s).toString();
    const QString b = siti.ok({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    siti.ok({u"sync"_s, u"now"_s});
    budi.ok({u"visit"_s, u"add"_s, a}, R"({"purpose": "outreach", "location_source": "village_centroid",
                                          "notes": "Korban aman di rumah orang tua"})");
    budi.ok({u"sync"_s, u"now"_s});
    siti.ok({u"sync"_s, u"now"_s});
    const QJsonObject aBefore = shownCase(siti, a);
    INFO(QJsonDocument(aBefore).toJson().toStdString()
         << "\nbudi:\n"
         << QJsonDocument(shownCase(budi, a)).toJson().toStdString());
    REQUIRE(aBefore == shownCase(budi, a));
    CHECK(aBefore.value(u"narrative"_s).toString() == u"Siti: korban kini aman di rumah ibunya");
    const QJsonObject bBefore = shownCase(siti, b);
    CHECK(bBefore.value(u"registry_number"_s).toString().startsWith(u"64.02-"));
    const qint64 opsBefore = serverOps(*process, ca.serverChain());

    // Restore refuses a running server, a store that is there, and damaged copies.
    const Test::AdminRun underServer = adminRun({u"restore"_s, backup, u"--force"_s});
    CHECK(underServer.exit == 7);
    CHECK(underServer.err.contains("running"));
    REQUIRE(process->stop() == 0);
    const Test::AdminRun overStore = adminRun({u"restore"_s, backup});
    CHECK(overStore.exit == 7);
    CHECK(overStore.err.contains("--force"));
    const QByteArray good = Test::readAll(backup);
    QByteArray flipped = good;
    flipped[good.size() / 2] = char(flipped.at(good.size() / 2) ^ 0x01);
    Test::writeAll(root.filePath(u"flipped.tar"_s), flipped);
    const Test::AdminRun damaged = adminRun({u"restore"_s, root.filePath(u"flipped.tar"_s), u"--force"_s});
    CHECK(damaged.exit == 6);
    CHECK(damaged.err.contains("checksum"));
    Test::writeAll(root.filePath(u"cut.tar"_s), good.left(good.size() - 3000));
    const Test::AdminRun cut = adminRun({u"restore"_s, root.filePath(u"cut.tar"_s), u"--force"_s});
    CHECK(cut.exit == 6);
    CHECK(
        QDir(data).entryList({u"replaced-*"_s, u".restore-*"_s}, QDir::AllEntries | QDir::Hidden).isEmpty());

    // The restore: the replaced store is kept aside, the folder stays private.
    const QJsonObject restored = admin({u"restore"_s, backup, u"--force"_s});
    CHECK(restored.value(u"site"_s) == made.value(u"site"_s));
    CHECK(restored.value(u"ops_seq"_s) == made.value(u"ops_seq"_s));
    const QString replaced = restored.value(u"replaced"_s).toString();
    REQUIRE(!replaced.isEmpty());
    CHECK(QFile::exists(QDir(replaced).filePath(u"bundle.key"_s)));
    CHECK(Test::readAll(QDir(replaced).filePath(u"bundle.key"_s))
          == Test::readAll(QDir(data).filePath(u"bundle.key"_s)));
    CHECK(privatePath(replaced));
    checkPrivateFolder(data);

    const quint16 port = process->port();
    process = std::make_unique<Test::ServerProcess>(
        Test::ServerProcess::Config{server, data, url, ca.serverChain(), ca.serverKey(), {}});
    INFO(process->error().toStdString());
    REQUIRE(process->startOn(port)); // where the laptops know it
    CHECK(serverOps(*process, ca.serverChain()) < opsBefore); // what came after the backup is gone

    // Every laptop syncs: the server learns again, from them, what it lost.
    for (int round = 0; round < 2; ++round) {
        siti.ok({u"sync"_s, u"now"_s});
        budi.ok({u"sync"_s, u"now"_s});
    }
    CHECK(siti.pending() == 0);
    CHECK(budi.pending() == 0);
    CHECK(shownCase(siti, a) == aBefore);
    CHECK(shownCase(budi, a) == aBefore);
    const QJsonObject bAfter = shownCase(siti, b);
    CHECK(bAfter.value(u"narrative"_s) == bBefore.value(u"narrative"_s));
    CHECK(bAfter.value(u"registry_number"_s).toString().startsWith(u"64.02-"));
    CHECK(serverOps(*process, ca.serverChain()) >= opsBefore);

    // A laptop enrolled after the restore gets everything from the server alone, the letter too.
    Laptop rina(u"rina"_s);
    rina.ok({u"sync"_s, u"enroll"_s, u"--server"_s, address, u"--code"_s, u"-"_s}, codeFor(u"rina"_s));
    rina.ok({u"sync"_s, u"now"_s});
    CHECK(shownCase(rina, a) == aBefore);
    const QString copy = root.filePath(u"copy.txt"_s);
    rina.ok({u"attachment"_s, u"get"_s, attachment, u"--out"_s, copy});
    CHECK(Test::readAll(copy) == letterBytes);
    CHECK(privatePath(copy));
    CHECK(process->stop() == 0);
}

TEST_CASE("the server's data folder and files are its owner's alone, and are tightened when opened",
          "[e2e][backup]")
{
    QTemporaryDir root;
    const QString data = root.filePath(u"deep/server"_s);
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    REQUIRE(
        Test::runAdmin(server, data, {u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s}).exit
        == 0);
    checkPrivateFolder(data);
    CHECK(QFile::exists(QDir(data).filePath(u"server.db"_s)));

    // Someone loosened them: the next admin verb tightens them back and says so.
    const QString db = QDir(data).filePath(u"server.db"_s);
    const QString key = QDir(data).filePath(u"bundle.key"_s);
    REQUIRE(QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                            | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::ExeOther));
    for (const QString &path : {db, key})
        REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const Test::AdminRun listed = Test::runAdmin(server, data, {u"team"_s, u"list"_s});
    CHECK(listed.exit == 0);
    CHECK(listed.err.contains("open to other users"));
    checkPrivateFolder(data);

    // Served: the WAL and shared-memory files SQLite makes are private too.
    Test::ServerProcess process({server, data, {}, {}, {}, {}});
    REQUIRE(process.start());
    CHECK(QFile::exists(db + u"-wal"_s));
    checkPrivateFolder(data);
    // One server per folder: a second one is refused (the lock `admin restore` also checks).
    Test::ServerProcess second({server, data, {}, {}, {}, {}});
    CHECK_FALSE(second.start());
    CHECK(second.error().contains(u"another dampingi-server serves"_s));
    CHECK(process.stop() == 0);
}

TEST_CASE("a backup whose manifest names a path outside the data folder is refused whole", "[e2e][backup]")
{
    QTemporaryDir root;
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    const QString data = root.filePath(u"server"_s);
    REQUIRE(
        Test::runAdmin(server, data, {u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s}).exit
        == 0);
    const QString backup = root.filePath(u"good.tar"_s);
    REQUIRE(Test::runAdmin(server, data, {u"backup"_s, u"--out"_s, backup}).exit == 0);

    // Unpacked with tar, the manifest edited to name ../bundle.key, packed again in order.
    const QString unpacked = root.filePath(u"unpacked"_s);
    REQUIRE(QDir().mkpath(unpacked));
    REQUIRE(QProcess::execute(u"tar"_s, {u"-xf"_s, backup, u"-C"_s, unpacked}) == 0);
    const QString manifest = QDir(unpacked).filePath(u"dampingi-backup.json"_s);
    QByteArray json = Test::readAll(manifest);
    REQUIRE(json.contains("\"bundle.key\""));
    Test::writeAll(manifest, json.replace("\"bundle.key\"", "\"../bundle.key\""));
    const QString evil = root.filePath(u"evil.tar"_s);
    REQUIRE(QProcess::execute(u"tar"_s, {u"--format=ustar"_s, u"-cf"_s, evil, u"-C"_s, unpacked,
                                         u"dampingi-backup.json"_s, u"server.db"_s, u"bundle.key"_s})
            == 0);

    const QString target = root.filePath(u"fresh/server"_s);
    const Test::AdminRun refused = Test::runAdmin(server, target, {u"restore"_s, evil});
    CHECK(refused.exit == 6);
    CHECK(refused.err.contains("unusable entry"));
    CHECK_FALSE(QFile::exists(root.filePath(u"fresh/bundle.key"_s)));
    CHECK(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

    // The untouched backup restores into the fresh folder, which then opens.
    const Test::AdminRun restored = Test::runAdmin(server, target, {u"restore"_s, backup});
    INFO(restored.err.toStdString());
    CHECK(restored.exit == 0);
    CHECK(Test::runAdmin(server, target, {u"team"_s, u"list"_s}).exit == 0);
}
