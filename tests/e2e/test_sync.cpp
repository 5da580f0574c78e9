// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: two laptops (real dampingi-ctl processes on real profiles) and the real
// dampingi-server over TLS with a certificate made by the test, on SQLite and on PostgreSQL.
#include "tests/support/ctllaptop.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

using Run = Test::CtlRun;

// One laptop: a profile folder driven through dampingi-ctl.
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

QString enrollmentCode(const QString &dataDir, const QString &url, const QString &login, const QString &chain)
{
    const Test::AdminRun r = Test::runAdmin(QStringLiteral(DAMPINGI_SERVER), dataDir,
                                            {u"device"_s, u"enroll"_s, u"--user"_s, login, u"--name"_s,
                                             u"laptop-"_s + login, u"--tls-cert"_s, chain},
                                            url);
    INFO(r.err.toStdString());
    REQUIRE(r.exit == 0);
    const QString code = r.json().object().value(u"code"_s).toString();
    REQUIRE(code.startsWith(u"DMP1-"));
    return code;
}

} // namespace

TEST_CASE("two laptops edit one case offline and converge through the district server over TLS",
          "[e2e][sync]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    Test::TestCa ca;
    REQUIRE(ca.ok());
    QTemporaryDir data;
    const QString url = backend == "postgresql" ? Test::freshPostgresUrl() : QString();
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    const auto admin = [&](const QStringList &args) {
        const Test::AdminRun r = Test::runAdmin(server, data.path(), args, url);
        INFO(args.join(u' ').toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exit == 0);
        return r;
    };
    admin({u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s});
    admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
    for (const QString &login : {u"siti"_s, u"budi"_s})
        admin({u"user"_s, u"add"_s, login, u"--name"_s, login, u"--role"_s, u"caseworker"_s, u"--team"_s,
               u"Tenggarong"_s});

    Test::ServerProcess process({server, data.path(), url, ca.serverChain(), ca.serverKey(), {}});
    INFO(process.error().toStdString());
    REQUIRE(process.start());
    const QString address = process.url().toString();
    REQUIRE(address.startsWith(u"https://"));

    Laptop siti(u"siti"_s), budi(u"budi"_s);
    for (Laptop *l : {&siti, &budi}) {
        const Run enrolled = l->ok({u"sync"_s, u"enroll"_s, u"--server"_s, address, u"--code"_s,
                                    enrollmentCode(data.path(), url, l->login(), ca.serverChain())});
        CHECK(enrolled.json().value(u"enrolled"_s).toBool());
        CHECK(enrolled.json().value(u"certificate_sha256"_s).toString().toLatin1()
              == Test::TestCa::sha256OfPem(ca.serverChain()).toHex());
    }

    // Siti records a case offline, then syncs.
    const QString id = siti.ok({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    CHECK(siti.ok({u"case"_s, u"show"_s, id}).json().value(u"sync"_s).toObject().value(u"state"_s).toString()
          == u"pending");
    // With a scanned letter attached (its content travels after the rows, sealed).
    QTemporaryDir scans;
    const QString letter = scans.filePath(u"surat-rujukan.txt"_s);
    const QByteArray letterBytes
        = QByteArray("Surat rujukan ke RSUD Aji Muhammad Parikesit\n").repeated(4000);
    {
        QFile file(letter);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(letterBytes);
    }
    const QString attachment = siti.ok({u"attach"_s, id, letter}).json().value(u"id"_s).toString();
    REQUIRE(!attachment.isEmpty());
    const QJsonObject first = siti.ok({u"sync"_s, u"now"_s}).json();
    CHECK(first.value(u"files_sent"_s).toInt() == 1);
    CHECK(first.value(u"pushed"_s).toInt() > 10);
    CHECK(first.value(u"rejected"_s).toInt() == 0);
    CHECK(first.value(u"bytes_sent"_s).toInt() > 0);
    const QJsonObject shown = siti.ok({u"case"_s, u"show"_s, id}).json();
    CHECK(shown.value(u"sync"_s).toObject().value(u"state"_s).toString() == u"synced");
    CHECK(shown.value(u"registry_number"_s).toString().startsWith(u"64.02-2026-"));

    // The office puts the case on the team: Budi receives it.
    admin({u"assign"_s, u"--case"_s, id, u"--team"_s, u"Tenggarong"_s});
    const QJsonObject received = budi.ok({u"sync"_s, u"now"_s}).json();
    CHECK(received.value(u"pulled"_s).toInt() > 10);
    CHECK(received.value(u"files_received"_s).toInt() == 1);
    const QString copy = scans.filePath(u"copy.txt"_s);
    budi.ok({u"attachment"_s, u"get"_s, attachment, u"--out"_s, copy});
    {
        QFile file(copy);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == letterBytes);
    }
    siti.ok({u"sync"_s, u"now"_s});
    CHECK(budi.ok({u"case"_s, u"show"_s, id}).json().value(u"narrative"_s).toString()
          == u"Suami memukul korban dengan gagang sapu di dapur");

    // Both change the narrative while offline, then both sync (Siti twice, to hear of Budi).
    siti.ok({u"case"_s, u"update"_s, id}, R"({"narrative": "Versi Siti: korban mengungsi ke rumah ibunya"})");
    budi.ok({u"case"_s, u"update"_s, id}, R"({"narrative": "Versi Budi: korban masih di rumah"})");
    siti.ok({u"sync"_s, u"now"_s});
    const QJsonObject budiSync = budi.ok({u"sync"_s, u"now"_s}).json();
    CHECK(budiSync.value(u"conflicts"_s).toInt() == 1);
    siti.ok({u"sync"_s, u"now"_s});

    const QJsonObject a = siti.ok({u"case"_s, u"show"_s, id}).json();
    const QJsonObject b = budi.ok({u"case"_s, u"show"_s, id}).json();
    CHECK(a.value(u"narrative"_s) == b.value(u"narrative"_s));
    CHECK(a.value(u"violence_types"_s) == b.value(u"violence_types"_s));
    for (Laptop *l : {&siti, &budi}) {
        const QJsonArray conflicts = l->ok({u"conflicts"_s, u"list"_s}).array();
        REQUIRE(conflicts.size() == 1);
        const QJsonObject c = conflicts.first().toObject();
        CHECK(c.value(u"field"_s).toString() == u"narrative");
        CHECK(c.value(u"kind"_s).toString() == u"concurrent");
        const QSet<QString> values{c.value(u"winner"_s).toObject().value(u"value"_s).toString(),
                                   c.value(u"loser"_s).toObject().value(u"value"_s).toString()};
        CHECK(values.contains(u"Versi Siti: korban mengungsi ke rumah ibunya"_s));
        CHECK(values.contains(u"Versi Budi: korban masih di rumah"_s));
        CHECK(
            l->ok({u"case"_s, u"show"_s, id}).json().value(u"sync"_s).toObject().value(u"state"_s).toString()
            == u"conflict");
    }

    // Siti keeps the other value; after the next syncs both laptops hold it and no conflict.
    const QString conflictId
        = siti.ok({u"conflicts"_s, u"list"_s}).array().first().toObject().value(u"id"_s).toString();
    siti.ok({u"conflicts"_s, u"resolve"_s, conflictId, u"--keep"_s, u"loser"_s});
    siti.ok({u"sync"_s, u"now"_s});
    budi.ok({u"sync"_s, u"now"_s});
    CHECK(siti.ok({u"case"_s, u"show"_s, id}).json().value(u"narrative"_s)
          == budi.ok({u"case"_s, u"show"_s, id}).json().value(u"narrative"_s));
    CHECK(budi.ok({u"conflicts"_s, u"list"_s}).array().isEmpty());

    // A sync with nothing to do: one round trip (the handshake carries the first page), under 1 KB.
    const QJsonObject idle = siti.ok({u"sync"_s, u"now"_s}).json();
    CHECK(idle.value(u"round_trips"_s).toInt() == 1);
    CHECK(idle.value(u"pushed"_s).toInt() == 0);
    CHECK(idle.value(u"pulled"_s).toInt() == 0);
    CHECK(idle.value(u"bytes_sent"_s).toInt() + idle.value(u"bytes_received"_s).toInt() < 1024);
    const QJsonObject status = siti.ok({u"sync"_s, u"status"_s}).json();
    CHECK(status.value(u"pending_changes"_s).toInt() == 0);
    CHECK(status.value(u"open_conflicts"_s).toInt() == 0);

    CHECK(process.stop() == 0);
}

TEST_CASE("a laptop pushing thousands of changes paces itself to the server's rate limit and finishes in one "
          "sync, with progress and a history entry",
          "[e2e][sync][pace]")
{
    Test::TestCa ca;
    REQUIRE(ca.ok());
    QTemporaryDir data;
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    for (const QStringList &args :
         {QStringList{u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s},
          QStringList{u"team"_s, u"add"_s, u"Tenggarong"_s},
          QStringList{u"user"_s, u"add"_s, u"siti"_s, u"--name"_s, u"siti"_s, u"--role"_s, u"caseworker"_s,
                      u"--team"_s, u"Tenggarong"_s}}) {
        const Test::AdminRun r = Test::runAdmin(server, data.path(), args);
        INFO(r.err.toStdString());
        REQUIRE(r.exit == 0);
    }
    // Two requests a second per peer: far below what the sync needs, so the server answers 429
    // (Retry-After: 1) for real, again and again.
    Test::ServerProcess process({server,
                                 data.path(),
                                 {},
                                 ca.serverChain(),
                                 ca.serverKey(),
                                 {u"--rate"_s, u"2"_s, u"--burst"_s, u"2"_s}});
    INFO(process.error().toStdString());
    REQUIRE(process.start());
    Laptop siti(u"siti"_s);
    siti.ok({u"sync"_s, u"enroll"_s, u"--server"_s, process.url().toString(), u"--code"_s,
             enrollmentCode(data.path(), {}, u"siti"_s, ca.serverChain())});
    siti.ok({u"demo"_s, u"--cases"_s, u"80"_s});
    const qint64 pending = siti.pending();
    REQUIRE(pending > 3000);

    const Run run = siti.ok({u"sync"_s, u"now"_s, u"--attempts"_s, u"1"_s, u"--progress"_s});
    const QJsonObject summary = run.json();
    CHECK(summary.value(u"pushed"_s).toInteger() == pending);
    CHECK(summary.value(u"paced"_s).toInt() > 0);
    CHECK(summary.value(u"paced_ms"_s).toInteger() >= 1000 * summary.value(u"paced"_s).toInt() / 2);
    CHECK(siti.pending() == 0);
    // Progress on stderr, one JSON line per report: the changes counted up to all of them.
    QList<QJsonObject> sending;
    QStringList phases;
    for (const QByteArray &line : run.err.split('\n')) {
        const QJsonObject report = QJsonDocument::fromJson(line).object();
        if (report.isEmpty())
            continue;
        if (phases.isEmpty() || phases.last() != report.value(u"phase"_s).toString())
            phases << report.value(u"phase"_s).toString();
        if (report.value(u"phase"_s).toString() == u"sending")
            sending << report;
    }
    CHECK(phases.first() == u"connecting");
    CHECK(phases.contains(u"sending"_s));
    CHECK(phases.last() == u"finishing");
    REQUIRE(sending.size() >= 2);
    CHECK(sending.last().value(u"done"_s).toInteger() == pending);
    CHECK(sending.last().value(u"total"_s).toInteger() == pending);
    CHECK(sending.last().value(u"bytes_total"_s).toInteger()
          >= sending.last().value(u"bytes_done"_s).toInteger());

    // The history: this sync, newest first, as the desktop's history view reads it.
    siti.ok({u"sync"_s, u"now"_s});
    const QJsonArray all = siti.ok({u"sync"_s, u"history"_s}).array();
    REQUIRE(all.size() == 2);
    const QJsonArray last = siti.ok({u"sync"_s, u"history"_s, u"--limit"_s, u"1"_s}).array();
    REQUIRE(last.size() == 1);
    CHECK(last.first() == all.first());
    const QJsonObject paced = all.at(1).toObject();
    CHECK(paced.value(u"how"_s).toString() == u"network");
    CHECK(paced.value(u"ok"_s).toBool());
    CHECK_FALSE(paced.value(u"cancelled"_s).toBool());
    CHECK(paced.value(u"summary"_s).toObject().value(u"pushed"_s).toInteger() == pending);
    CHECK(paced.value(u"summary"_s).toObject().value(u"paced"_s) == summary.value(u"paced"_s));
    CHECK(std::abs(paced.value(u"summary"_s).toObject().value(u"clock_skew_ms"_s).toInteger()) < 60'000);
    CHECK(siti.run({u"sync"_s, u"history"_s, u"--limit"_s, u"0"_s}).exit == 2);
    CHECK(process.stop() == 0);
}
