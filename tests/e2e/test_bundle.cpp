// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: USB bundles for places with no connection at all. Two laptops (real dampingi-ctl
// processes) enroll through the real dampingi-server over TLS; then the server is stopped and
// every change travels as files through `dampingi-server admin bundle ...`.
#include "sync/server/serverstore.h"
#include "sync/transitcipher.h"
#include "tests/support/ctllaptop.h"
#include "tests/support/fixtures.h"
#include "tests/support/pgcluster.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QDir>
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
  "violence_types": ["fisik"],
  "narrative": "Korban dipukul di kebun",
  "people": [
    {"role": "victim", "person": {"name": "Rahmawati Lubis", "nik": "6402065203950002",
     "sex": "female", "birth_date": "1995-03-12"}}
  ],
  "risk": {"level": "medium"}
})";

bool privateFile(const QString &path)
{
    return (QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0;
}

} // namespace

TEST_CASE("with no connection at all, USB bundles carry a case to the office and to a colleague",
          "[e2e][sync][bundle]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    Test::TestCa ca;
    REQUIRE(ca.ok());
    QTemporaryDir data, usb;
    const QString url = backend == "postgresql" ? Test::freshPostgresUrl() : QString();
    const QString server = QStringLiteral(DAMPINGI_SERVER);
    const auto adminRun
        = [&](const QStringList &args) { return Test::runAdmin(server, data.path(), args, url); };
    const auto admin = [&](const QStringList &args) {
        const Test::AdminRun r = adminRun(args);
        INFO(args.join(u' ').toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exit == 0);
        return r.json().object();
    };
    admin({u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s});
    admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
    for (const QString &login : {u"siti"_s, u"budi"_s})
        admin({u"user"_s, u"add"_s, login, u"--name"_s, login, u"--role"_s, u"caseworker"_s, u"--team"_s,
               u"Tenggarong"_s});
    CHECK(privateFile(QDir(data.path()).filePath(u"bundle.key"_s)));

    // Enrollment needs the server once (it exchanges the bundle keys); then it is gone.
    Laptop siti(u"siti"_s), budi(u"budi"_s);
    QHash<QString, QString> codes;
    for (Laptop *l : {&siti, &budi})
        codes.insert(l->login(), admin({u"device"_s, u"enroll"_s, u"--user"_s, l->login(), u"--name"_s,
                                        u"laptop-"_s + l->login(), u"--tls-cert"_s, ca.serverChain()})
                                     .value(u"code"_s)
                                     .toString());
    QString budiDevice;
    {
        Test::ServerProcess process({server, data.path(), url, ca.serverChain(), ca.serverKey(), {}});
        INFO(process.error().toStdString());
        REQUIRE(process.start());
        for (Laptop *l : {&siti, &budi}) {
            const QString code = codes.value(l->login());
            const QJsonObject enrolled
                = l->ok({u"sync"_s, u"enroll"_s, u"--server"_s, process.url().toString(), u"--code"_s, code})
                      .json();
            CHECK(enrolled.value(u"enrolled"_s).toBool());
            if (l == &budi)
                budiDevice = enrolled.value(u"device"_s).toString();
        }
        CHECK(process.stop() == 0);
    }

    // Siti records a case and edits it, and carries her changes to the office on a stick.
    const QString id = siti.ok({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    siti.ok({u"case"_s, u"update"_s, id},
            R"({"narrative": "Korban dipukul di kebun; kini di rumah kakaknya"})");
    const qint64 pending = siti.pending();
    CHECK(pending > 10);
    const QString toOffice = usb.filePath(u"siti.bundle"_s);
    const QJsonObject exported = siti.ok({u"bundle"_s, u"export"_s, toOffice}).json();
    CHECK(exported.value(u"changes"_s).toInteger() == pending);
    CHECK(privateFile(toOffice));
    CHECK_FALSE(Test::readAll(toOffice).contains("Rahmawati"));

    // The office: a cut copy is refused and stores nothing; the whole one is taken.
    Test::writeAll(usb.filePath(u"cut.bundle"_s), Test::readAll(toOffice).chopped(100));
    const Test::AdminRun cut = adminRun({u"bundle"_s, u"import"_s, usb.filePath(u"cut.bundle"_s),
                                         u"--reply"_s, usb.filePath(u"cut-reply.bundle"_s)});
    CHECK(cut.exit == 6);
    CHECK(cut.err.contains("cut short"));
    CHECK_FALSE(QFile::exists(usb.filePath(u"cut-reply.bundle"_s)));

    const QString reply = usb.filePath(u"siti-reply.bundle"_s);
    const QJsonObject imported = admin({u"bundle"_s, u"import"_s, toOffice, u"--reply"_s, reply});
    CHECK(imported.value(u"pushed"_s).toInteger() == pending);
    CHECK(imported.value(u"duplicates"_s).toInt() == 0);
    CHECK(imported.value(u"rejected"_s).toInt() == 0);
    CHECK(imported.value(u"pages"_s).toInt() >= 2);
    CHECK(imported.value(u"bytes"_s).toInteger() == QFile(reply).size());
    CHECK(privateFile(reply));

    // The same bundle twice: nothing stored twice.
    const QJsonObject twice
        = admin({u"bundle"_s, u"import"_s, toOffice, u"--reply"_s, usb.filePath(u"again.bundle"_s)});
    CHECK(twice.value(u"pushed"_s).toInt() == 0);
    CHECK(twice.value(u"duplicates"_s).toInteger() == pending);

    // Siti's laptop takes the answer: outbox empty, the registry number is here.
    const QJsonObject applied = siti.ok({u"bundle"_s, u"import"_s, reply}).json();
    CHECK(applied.value(u"rejected"_s).toInt() == 0);
    CHECK(siti.pending() == 0);
    CHECK(siti.ok({u"case"_s, u"show"_s, id})
              .json()
              .value(u"registry_number"_s)
              .toString()
              .startsWith(u"64.02-"));
    const QByteArray sitiCases = siti.cases();
    // The same answer twice: refused, nothing changes. (The office's second answer is another
    // bundle, and imports.)
    const Run replayed = siti.run({u"bundle"_s, u"import"_s, reply});
    CHECK(replayed.exit == 7);
    CHECK(replayed.message().contains(u"imported already"));
    CHECK(siti.cases() == sitiCases);
    siti.ok({u"bundle"_s, u"import"_s, usb.filePath(u"again.bundle"_s)});
    CHECK(siti.pending() == 0);
    CHECK(siti.cases() == sitiCases);

    // The office puts the case on the team and writes a bundle for Budi.
    admin({u"assign"_s, u"--case"_s, id, u"--team"_s, u"Tenggarong"_s});
    const QString forBudi = usb.filePath(u"budi.bundle"_s);
    const QJsonObject budiOut
        = admin({u"bundle"_s, u"export"_s, u"--device"_s, budiDevice, u"--out"_s, forBudi});
    CHECK(budiOut.value(u"pushed"_s).toInt() == 0);
    CHECK(budiOut.value(u"pages"_s).toInt() >= 1);

    // Damaged copies and Siti's answer are refused on Budi's laptop, and change nothing there.
    const QByteArray budiBefore = budi.cases();
    const QByteArray good = Test::readAll(forBudi);
    Test::writeAll(budi.file(u"cut.bundle"_s), good.left(good.size() / 2));
    const Run cutRun = budi.run({u"bundle"_s, u"import"_s, budi.file(u"cut.bundle"_s)});
    CHECK(cutRun.exit == 6);
    CHECK(cutRun.message().contains(u"cut short"));
    QByteArray flipped = good;
    flipped[flipped.size() - 20] = char(flipped.at(flipped.size() - 20) ^ 0x01);
    Test::writeAll(budi.file(u"flipped.bundle"_s), flipped);
    const Run flippedRun = budi.run({u"bundle"_s, u"import"_s, budi.file(u"flipped.bundle"_s)});
    CHECK(flippedRun.exit == 6);
    CHECK(flippedRun.message().contains(u"checksum"));
    const Run notHers = budi.run({u"bundle"_s, u"import"_s, reply});
    CHECK(notHers.exit == 9);
    CHECK(notHers.message().contains(u"another device"));
    CHECK(budi.cases() == budiBefore);
    CHECK(budi.pending() == 0);

    // The whole bundle: Budi has the case, with Siti's edit; a second import changes nothing.
    budi.ok({u"bundle"_s, u"import"_s, forBudi});
    CHECK(budi.ok({u"case"_s, u"show"_s, id}).json().value(u"narrative"_s).toString()
          == u"Korban dipukul di kebun; kini di rumah kakaknya");
    const QByteArray budiCases = budi.cases();
    CHECK(budi.run({u"bundle"_s, u"import"_s, forBudi}).exit == 7);
    CHECK(budi.cases() == budiCases);
    CHECK(budi.pending() == 0);

    // A new key epoch reaches laptops that only ever see USB sticks: the office bundle carries
    // Budi's sealed copy, his next changes are sealed with it, and Siti reads them.
    CHECK(admin({u"rotate-key"_s}).value(u"epoch"_s).toInt() == 1);
    const QString rotated = usb.filePath(u"budi-rotated.bundle"_s);
    admin({u"bundle"_s, u"export"_s, u"--device"_s, budiDevice, u"--out"_s, rotated});
    budi.ok({u"bundle"_s, u"import"_s, rotated});
    budi.ok({u"case"_s, u"update"_s, id}, R"({"narrative": "Kasus dirujuk ke UPTD PPA"})");
    const QString fromBudi = usb.filePath(u"budi-out.bundle"_s);
    budi.ok({u"bundle"_s, u"export"_s, fromBudi});
    CHECK(admin({u"bundle"_s, u"import"_s, fromBudi, u"--reply"_s, usb.filePath(u"budi-reply.bundle"_s)})
              .value(u"pushed"_s)
              .toInt()
          >= 1);
    {
        auto store = Sync::ServerStore::open(data.path(), url);
        REQUIRE(store.ok());
        qint64 epoch = -1;
        for (const Sync::WireOp &op : (*store)->caseOps(id).value()) {
            if (op.field == u"narrative" && op.value)
                epoch = Sync::TransitCipher::epochOf(*op.value);
        }
        CHECK(epoch == 1);
    }
    const QString sitiRotated = usb.filePath(u"siti-rotated.bundle"_s);
    admin({u"bundle"_s, u"export"_s, u"--device"_s,
           siti.ok({u"sync"_s, u"status"_s}).json().value(u"device"_s).toString(), u"--out"_s, sitiRotated});
    siti.ok({u"bundle"_s, u"import"_s, sitiRotated});
    CHECK(siti.ok({u"case"_s, u"show"_s, id}).json().value(u"narrative"_s).toString()
          == u"Kasus dirujuk ke UPTD PPA");
}
