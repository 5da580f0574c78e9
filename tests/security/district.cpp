// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/security/district.h"

#include "tests/support/pgcluster.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <catch2/catch.hpp>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Test {

namespace {

const QString serverProgram = QStringLiteral(DAMPINGI_SERVER);
const QString ctlProgram = QStringLiteral(DAMPINGI_CTL);

// The victim's case as siti records it at intake.
const QByteArray intake = R"({
  "intake_channel": "hotline",
  "reported_on": "2026-11-10",
  "incident_on": "2026-11-08",
  "incident_region": "64.02.06.1001",
  "violence_types": ["fisik", "psikis"],
  "narrative": "Suami memukul korban dengan gagang sapu di dapur",
  "do_not_contact": true,
  "people": [
    {"role": "victim", "person": {"name": "Wulandari Hasibuan", "nik": "6402065203950002",
     "sex": "female", "birth_date": "1995-03-12"}}
  ],
  "risk": {"level": "high"}
})";

} // namespace

QStringList verdicts(const Answer<Sync::PushReply> &answer)
{
    QStringList out;
    for (const Sync::Verdict &v : answer.reply.verdicts) {
        switch (v.kind) {
        case Sync::Verdict::Kind::Accepted:
            out << u"accepted"_s;
            break;
        case Sync::Verdict::Kind::Duplicate:
            out << u"duplicate"_s;
            break;
        case Sync::Verdict::Kind::Rejected:
            out << v.reason;
            break;
        }
    }
    return out;
}

District::District(const std::string &backendName)
    : backend(backendName)
{
    REQUIRE(ca.ok());
    REQUIRE(data.isValid());
    url = backend == "postgresql" ? freshPostgresUrl() : QString();
    admin({u"init"_s, u"--district"_s, u"64.02"_s});
    admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
    admin({u"team"_s, u"add"_s, u"Loa Kulu"_s});
    for (const auto &[login, role, team] : {std::tuple(u"siti"_s, u"caseworker"_s, u"Tenggarong"_s),
                                            std::tuple(u"budi"_s, u"caseworker"_s, u"Tenggarong"_s),
                                            std::tuple(u"mallory"_s, u"caseworker"_s, u"Loa Kulu"_s),
                                            std::tuple(u"rina"_s, u"supervisor"_s, u"Tenggarong"_s)})
        admin({u"user"_s, u"add"_s, login, u"--name"_s, login, u"--role"_s, role, u"--team"_s, team});

    server = std::make_unique<ServerProcess>(
        ServerProcess::Config{serverProgram, data.path(), url, ca.serverChain(), ca.serverKey(), {}});
    INFO(server->error().toStdString());
    REQUIRE(server->start());
    peek = std::make_unique<ServerPeek>(data.path(), url);
    INFO(peek->error().toStdString());
    REQUIRE(peek->ok());

    siti = honest(u"siti"_s);
    victimCase = siti->ok({u"case"_s, u"new"_s}, intake).json().value(u"id"_s).toString();
    REQUIRE(!victimCase.isEmpty());
    const QJsonObject sync = siti->ok({u"sync"_s, u"now"_s}).json();
    REQUIRE(sync.value(u"rejected"_s).toInt() == 0);
    const QJsonArray people
        = siti->ok({u"case"_s, u"show"_s, victimCase}).json().value(u"people"_s).toArray();
    REQUIRE(people.size() == 1);
    victimPerson = people.first().toObject().value(u"person"_s).toObject().value(u"id"_s).toString();
    REQUIRE(!victimPerson.isEmpty());
}

District::~District()
{
    // No assertion here: this may run while a failed REQUIRE unwinds.
    peek.reset();
    if (server)
        server->stop();
}

AdminRun District::admin(const QStringList &args)
{
    const AdminRun r = runAdmin(serverProgram, data.path(), args, url);
    INFO("admin " << args.join(u' ').toStdString() << ": " << r.err.toStdString());
    REQUIRE(r.exit == 0);
    return r;
}

QString District::enrollmentCode(const QString &login)
{
    const QString code = admin({u"device"_s, u"enroll"_s, u"--user"_s, login, u"--name"_s,
                                u"laptop-"_s + login, u"--tls-cert"_s, ca.serverChain()})
                             .json()
                             .object()
                             .value(u"code"_s)
                             .toString();
    REQUIRE(code.startsWith(u"DMP1-"));
    return code;
}

std::unique_ptr<HostileLaptop> District::hostile(const QString &login, const QString &siteId)
{
    auto laptop = std::make_unique<HostileLaptop>(server->url(), TestCa::sha256OfPem(ca.serverChain()));
    const Answer<Sync::EnrollReply> enrolled = laptop->enroll(enrollmentCode(login), siteId);
    INFO(enrolled.status << " " << enrolled.code.toStdString() << ": " << enrolled.message.toStdString());
    REQUIRE(enrolled.ok());
    REQUIRE(laptop->login() == login);
    return laptop;
}

std::unique_ptr<CtlLaptop> District::honest(const QString &login)
{
    auto laptop = std::make_unique<CtlLaptop>(ctlProgram, login);
    laptop->ok({u"sync"_s, u"enroll"_s, u"--server"_s, server->url().toString(), u"--code"_s,
                enrollmentCode(login)});
    return laptop;
}

QString District::deviceOfSite(const QString &site)
{
    const QJsonArray devices = admin({u"device"_s, u"list"_s}).json().array();
    for (const QJsonValue &device : devices) {
        if (device.toObject().value(u"site"_s).toString() == site)
            return device.toObject().value(u"id"_s).toString();
    }
    return {};
}

QString District::laptopFolder(const CtlLaptop &laptop)
{
    return QFileInfo(QFileInfo(laptop.file(u"p"_s)).absoluteFilePath()).absolutePath();
}

QMap<QString, QByteArray> District::filesAroundProfile(const CtlLaptop &laptop)
{
    const QString profile = QFileInfo(laptop.file(u"p"_s)).absoluteFilePath();
    const QString root = laptopFolder(laptop);
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // The profile's own files change with every sync; what lies around them must not, and
        // neither may its attachment files.
        if (path.startsWith(profile + u'/') && !path.startsWith(profile + u"/attachments/"_s))
            continue;
        QFile file(path);
        QByteArray digest = "unreadable";
        if (file.open(QIODevice::ReadOnly))
            digest = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
        files.insert(path.mid(root.size()), digest);
    }
    return files;
}

District::Snapshot District::snapshot(const QStringList &extraIds)
{
    return snapshot(*siti, victimCase, QStringList{victimCase, victimPerson} + extraIds);
}

District::Snapshot District::snapshot(CtlLaptop &laptop, const QString &caseId, const QStringList &serverIds)
{
    laptop.ok({u"sync"_s, u"now"_s});
    Snapshot s;
    s.serverOps = peek->opsTouching(serverIds);
    s.shown = laptop.ok({u"case"_s, u"show"_s, caseId}).json();
    s.history = laptop.ok({u"history"_s, caseId}).array();
    // The conflicts about these rows; other cases the laptop pulled may bring their own.
    for (const QJsonValue &c : laptop.ok({u"conflicts"_s, u"list"_s}).array()) {
        if (serverIds.contains(c.toObject().value(u"case_id"_s).toString())
            || serverIds.contains(c.toObject().value(u"entity_id"_s).toString()))
            s.conflicts.append(c);
    }
    s.files = filesAroundProfile(laptop);
    return s;
}

void District::expectUnchanged(const Snapshot &before, const QStringList &extraIds)
{
    expectUnchanged(before, snapshot(extraIds));
}

void District::expectUnchanged(const Snapshot &before, const Snapshot &after)
{
    const auto lines = [](const QStringList &l) { return l.join(u'\n').toStdString(); };
    const auto json = [](const auto &v) { return QJsonDocument(v).toJson().toStdString(); };
    const auto files = [](const QMap<QString, QByteArray> &m) {
        std::string out;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            out += it.key().toStdString() + " " + it.value().toStdString() + "\n";
        return out;
    };
    CHECK(lines(after.serverOps) == lines(before.serverOps));
    CHECK(json(after.shown) == json(before.shown));
    CHECK(json(after.history) == json(before.history));
    CHECK(json(after.conflicts) == json(before.conflicts));
    CHECK(files(after.files) == files(before.files));
}

} // namespace Test
