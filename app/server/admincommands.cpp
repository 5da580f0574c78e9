// SPDX-License-Identifier: GPL-3.0-or-later
#include "admincommands.h"

#include "core/clock/clock.h"
#include "serverexit.h"
#include "sync/bundle.h"
#include "sync/enrollmentcode.h"
#include "sync/server/admin.h"
#include "sync/server/backup.h"
#include "sync/server/bundleoffice.h"
#include "sync/server/retention.h"
#include "sync/server/serverstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileDevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QJsonValue msToIso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

AdminCommands::AdminCommands(CtlOptions options)
    : m_options(std::move(options))
    , m_clock(std::make_unique<Core::SystemClock>())
{
    m_dataDir = m_options.value(u"data"_s);
    // A URL with a password is better kept out of `ps`: the environment variable is the fallback.
    m_databaseUrl = m_options.value(
        u"database"_s, QProcessEnvironment::systemEnvironment().value(u"DAMPINGI_DATABASE_URL"_s));
}

AdminCommands::~AdminCommands()
{
    // The admin uses the store: drop it first.
    m_admin.reset();
    m_store.reset();
}

QString AdminCommands::usage()
{
    return uR"(  dampingi-server admin --data DIR [--database URL] VERB ...
    The office passphrase (admin init, device enroll, rotate-key, protect-key) comes from
    --passphrase-file F or the DAMPINGI_OFFICE_PASSPHRASE variable (never the command line).
    init --district CODE                  create the store, the server site and the district
                                          key, kept only wrapped under the office passphrase
                                          (at least 12 characters; Argon2id, 256 MiB;
                                          --kdf minimum is for tests only)
    team add NAME                         → {"id", "name"}
    team list
    user add LOGIN --name NAME --role caseworker|supervisor|admin [--team TEAM]
    user list
    assign --case ID (--user LOGIN | --team TEAM)   both may be given
    device enroll --user LOGIN --name DEVICE [--tls-cert FILE]
                                          one-time code (valid 7 days) pinning the SHA-256 of
                                          FILE, the certificate the server presents, and
                                          carrying the district keys (needs the passphrase)
    device list
    device revoke ID                      the device gets 403 "revoked" and wipes itself
    rotate-key                            after a revocation: a new district key epoch, sent
                                          sealed to every enrolled laptop at its next sync;
                                          a revoked laptop never gets it. Unused codes expire
    protect-key                           a store made by an older version keeps the district
                                          key in a plain DIR/district.key: wrap it under the
                                          office passphrase and erase the file
    purge-deleted [--older-than DAYS]     erase for good the cases deleted more than DAYS
                                          (default 90) days ago; laptops erase them at their
                                          next sync, and later edits to them are refused
    bundle import FILE --reply OUT        a laptop's USB bundle: store its changes, write the
                                          answer (verdicts and new changes) for that laptop
    bundle export --device ID --out OUT   a bundle for one laptop: the changes it lacks since
                                          its last imported bundle
    backup --out FILE                     a consistent snapshot while the server serves: the
                                          database and the key files in one tar, mode 0600
    restore FILE [--force]                with the server stopped: checks the whole backup, then
                                          puts it in place; --force replaces a store that is
                                          there (SQLite: kept in DIR/replaced-<time>/)
)"_s;
}

int AdminCommands::run()
{
    if (m_dataDir.isEmpty())
        return ServerExit::usageError(u"admin needs --data DIR"_s);
    const QString verb = m_options.word(1);
    const QString sub = m_options.word(2);
    if (verb == u"init"_s)
        return init();
    if (verb == u"backup"_s)
        return backup();
    if (verb == u"restore"_s)
        return restore();
    if (verb == u"bundle"_s) {
        if (const int opened = openStore(); opened != ServerExit::Ok)
            return opened;
        return bundle();
    }

    using Handler = int (AdminCommands::*)();
    struct Verb
    {
        QString verb;
        QString sub;
        Handler handler;
    };
    const Verb verbs[] = {
        {u"team"_s, u"add"_s, &AdminCommands::teamAdd},
        {u"team"_s, u"list"_s, &AdminCommands::teamList},
        {u"user"_s, u"add"_s, &AdminCommands::userAdd},
        {u"user"_s, u"list"_s, &AdminCommands::userList},
        {u"assign"_s, {}, &AdminCommands::assign},
        {u"device"_s, u"enroll"_s, &AdminCommands::deviceEnroll},
        {u"device"_s, u"list"_s, &AdminCommands::deviceList},
        {u"device"_s, u"revoke"_s, &AdminCommands::deviceRevoke},
        {u"rotate-key"_s, {}, &AdminCommands::rotateKey},
        {u"protect-key"_s, {}, &AdminCommands::protectKey},
        {u"purge-deleted"_s, {}, &AdminCommands::purgeDeleted},
    };
    for (const Verb &v : verbs) {
        if (v.verb != verb || (!v.sub.isEmpty() && v.sub != sub))
            continue;
        if (const int opened = openStore(); opened != ServerExit::Ok)
            return opened;
        return (this->*v.handler)();
    }
    return ServerExit::usageError(u"unknown admin verb \"%1\"; see dampingi-server --help"_s.arg(
        QStringList{verb, sub}.join(u' ').trimmed()));
}

int AdminCommands::openStore()
{
    auto store = Sync::ServerStore::open(m_dataDir, m_databaseUrl);
    if (!store) {
        Core::Error error = store.error();
        if (error.code == Core::Error::Code::NotFound)
            error.detail
                = u"no server store in %1 (run `dampingi-server admin --data DIR init` first): %2"_s.arg(
                    m_dataDir, error.detail);
        return ServerExit::fail(error);
    }
    m_store = std::move(store).value();
    m_admin = std::make_unique<Sync::Admin>(*m_store, *m_clock);
    return ServerExit::Ok;
}

Core::Result<QString> AdminCommands::officePassphrase() const
{
    if (m_options.has(u"passphrase-file"_s)) {
        Core::Result<QString> secret = readSecretFile(m_options.value(u"passphrase-file"_s));
        if (!secret)
            return Core::Error{Core::Error::Code::Locked, secret.error().detail};
        return secret;
    }
    const QString env = qEnvironmentVariable("DAMPINGI_OFFICE_PASSPHRASE");
    if (env.isEmpty())
        return Core::Error{Core::Error::Code::Locked,
                           u"no office passphrase: use --passphrase-file F or DAMPINGI_OFFICE_PASSPHRASE"_s};
    return env;
}

Core::KdfStrength AdminCommands::kdfStrength() const
{
    return m_options.value(u"kdf"_s) == u"minimum" ? Core::KdfStrength::Minimum // tests only: see README
                                                   : Core::KdfStrength::Moderate;
}

int AdminCommands::init()
{
    const QString district = m_options.value(u"district"_s);
    if (district.isEmpty())
        return ServerExit::usageError(u"init needs --district CODE"_s);
    const Core::Result<QString> passphrase = officePassphrase();
    if (!passphrase)
        return ServerExit::fail(passphrase.error());
    if (const Core::Status s
        = Sync::Admin::init(m_dataDir, m_databaseUrl, district, *passphrase, kdfStrength());
        !s)
        return ServerExit::fail(s.error());
    if (const int opened = openStore(); opened != ServerExit::Ok)
        return opened;
    return ServerExit::print(QJsonObject{
        {u"data"_s, m_dataDir},
        {u"district"_s, m_store->districtCode()},
        {u"site"_s, m_store->siteId()},
        {u"database"_s,
         m_store->dialect() == Sync::ServerStore::Dialect::Postgres ? u"postgresql"_s : u"sqlite"_s}});
}

int AdminCommands::teamAdd()
{
    const QString name = m_options.word(3);
    if (name.isEmpty())
        return ServerExit::usageError(u"team add needs a NAME"_s);
    const Core::Result<QString> id = m_admin->createTeam(name);
    if (!id)
        return ServerExit::fail(id.error());
    return ServerExit::print(QJsonObject{{u"id"_s, *id}, {u"name"_s, name}});
}

int AdminCommands::teamList()
{
    const auto teams = m_admin->listTeams();
    if (!teams)
        return ServerExit::fail(teams.error());
    QJsonArray out;
    for (const Sync::ServerTeam &team : *teams)
        out.append(QJsonObject{{u"id"_s, team.id}, {u"name"_s, team.name}});
    return ServerExit::print(out);
}

int AdminCommands::userAdd()
{
    const QString login = m_options.word(3);
    const QString name = m_options.value(u"name"_s);
    const QString role = m_options.value(u"role"_s);
    if (login.isEmpty() || name.isEmpty() || role.isEmpty())
        return ServerExit::usageError(
            u"user add needs LOGIN --name NAME --role caseworker|supervisor|admin"_s);
    const QString team = m_options.value(u"team"_s);
    if (const Core::Status s = m_admin->createUser(login, name, role, team); !s)
        return ServerExit::fail(s.error());
    QJsonObject out{{u"login"_s, login}, {u"name"_s, name}, {u"role"_s, role}};
    if (!team.isEmpty())
        out.insert(u"team"_s, team);
    return ServerExit::print(out);
}

int AdminCommands::userList()
{
    const auto users = m_admin->listUsers();
    if (!users)
        return ServerExit::fail(users.error());
    QJsonArray out;
    for (const Sync::ServerUser &user : *users) {
        out.append(QJsonObject{{u"login"_s, user.login},
                               {u"name"_s, user.name},
                               {u"role"_s, user.role},
                               {u"team"_s, user.teamId.isEmpty() ? QJsonValue() : QJsonValue(user.teamId)},
                               {u"active"_s, user.active}});
    }
    return ServerExit::print(out);
}

int AdminCommands::assign()
{
    const QString caseId = m_options.value(u"case"_s);
    const QString login = m_options.value(u"user"_s);
    const QString team = m_options.value(u"team"_s);
    if (caseId.isEmpty() || (login.isEmpty() && team.isEmpty()))
        return ServerExit::usageError(u"assign needs --case ID and --user LOGIN or --team TEAM"_s);
    if (const Core::Status s = m_admin->assignCase(caseId, login, team); !s)
        return ServerExit::fail(s.error());
    QJsonObject out{{u"case"_s, caseId}};
    if (!login.isEmpty())
        out.insert(u"user"_s, login);
    if (!team.isEmpty())
        out.insert(u"team"_s, team);
    return ServerExit::print(out);
}

int AdminCommands::deviceEnroll()
{
    const QString login = m_options.value(u"user"_s);
    const QString device = m_options.value(u"name"_s);
    if (login.isEmpty() || device.isEmpty())
        return ServerExit::usageError(u"device enroll needs --user LOGIN --name DEVICE"_s);
    QByteArray certPem;
    if (const QString certPath = m_options.value(u"tls-cert"_s); !certPath.isEmpty()) {
        QFile file(certPath);
        if (!file.open(QIODevice::ReadOnly))
            return ServerExit::fail(Core::invalidInput(Core::Error::Reason::None, u"tls-cert"_s,
                                                       u"cannot read %1"_s.arg(certPath)));
        certPem = file.readAll();
    } else {
        std::fputs("dampingi-server: warning: no --tls-cert: this code pins no certificate, so the laptop "
                   "will only talk plain HTTP to a server on its own loopback address\n",
                   stderr);
    }
    const Core::Result<QString> passphrase = officePassphrase();
    if (!passphrase)
        return ServerExit::fail(passphrase.error());
    const Core::Result<QString> code = m_admin->enroll(login, device, *passphrase, certPem);
    if (!code)
        return ServerExit::fail(code.error());
    QJsonObject out{{u"code"_s, *code},
                    {u"user"_s, login},
                    {u"device"_s, device},
                    {u"expires_at"_s, msToIso(m_clock->nowMs() + Sync::Admin::enrollmentValidityMs)}};
    if (const auto parsed = Sync::EnrollmentCode::parse(*code); parsed && parsed->pinsCertificate())
        out.insert(u"certificate_sha256"_s, QString::fromLatin1(parsed->certificateSha256.toHex()));
    else
        out.insert(u"certificate_sha256"_s, QJsonValue());
    return ServerExit::print(out);
}

int AdminCommands::deviceList()
{
    const auto devices = m_admin->listDevices();
    if (!devices)
        return ServerExit::fail(devices.error());
    QJsonArray out;
    for (const Sync::ServerDevice &device : *devices) {
        out.append(
            QJsonObject{{u"id"_s, device.id},
                        {u"user"_s, device.login},
                        {u"name"_s, device.name},
                        {u"site"_s, device.siteId},
                        {u"enrolled_at"_s, msToIso(device.enrolledAtMs)},
                        {u"revoked_at"_s, device.revokedAtMs ? msToIso(*device.revokedAtMs) : QJsonValue()}});
    }
    return ServerExit::print(out);
}

int AdminCommands::deviceRevoke()
{
    const QString id = m_options.word(3);
    if (id.isEmpty())
        return ServerExit::usageError(u"device revoke needs a device ID (see device list)"_s);
    if (const Core::Status s = m_admin->revokeDevice(id); !s)
        return ServerExit::fail(s.error());
    return ServerExit::print(QJsonObject{{u"id"_s, id}, {u"revoked"_s, true}});
}

int AdminCommands::rotateKey()
{
    const Core::Result<QString> passphrase = officePassphrase();
    if (!passphrase)
        return ServerExit::fail(passphrase.error());
    const Core::Result<Sync::ServerStore::Rotation> rotation = m_admin->rotateKey(*passphrase);
    if (!rotation)
        return ServerExit::fail(rotation.error());
    return ServerExit::print(
        QJsonObject{{u"epoch"_s, rotation->epoch},
                    {u"sealed_for"_s, QJsonArray::fromStringList(rotation->sealedFor)},
                    {u"unreachable"_s, QJsonArray::fromStringList(rotation->unreachable)},
                    {u"expired_codes"_s, rotation->expiredCodes}});
}

int AdminCommands::protectKey()
{
    const Core::Result<QString> passphrase = officePassphrase();
    if (!passphrase)
        return ServerExit::fail(passphrase.error());
    if (const Core::Status s = m_admin->protectKey(*passphrase, kdfStrength()); !s)
        return ServerExit::fail(s.error());
    return ServerExit::print(QJsonObject{{u"protected"_s, true}, {u"plain_key_erased"_s, true}});
}

int AdminCommands::purgeDeleted()
{
    bool ok = true;
    const int days = m_options.has(u"older-than"_s) ? m_options.value(u"older-than"_s).toInt(&ok)
                                                    : Sync::Retention::defaultDays;
    if (!ok)
        return ServerExit::usageError(u"--older-than takes a number of days"_s);
    const Core::Result<QStringList> purged = m_admin->purgeDeleted(days);
    if (!purged)
        return ServerExit::fail(purged.error());
    return ServerExit::print(
        QJsonObject{{u"older_than_days"_s, days}, {u"purged"_s, QJsonArray::fromStringList(*purged)}});
}

namespace {

// The reply file appears whole or not at all, readable by the administrator only.
Core::Status writeBundleFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly)
                     && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!opened || file.write(bytes) != bytes.size() || !file.commit())
        return Core::Error{Core::Error::Code::StoreUnavailable,
                           u"cannot write %1: %2"_s.arg(path, file.errorString())};
    return {};
}

QJsonObject summaryJson(const Sync::BundleSummary &summary, const QString &out)
{
    return QJsonObject{{u"device"_s, summary.device},
                       {u"pushed"_s, summary.pushed},
                       {u"duplicates"_s, summary.duplicates},
                       {u"rejected"_s, summary.rejected},
                       {u"pages"_s, summary.pages},
                       {u"bytes"_s, summary.bytes},
                       {u"out"_s, out}};
}

} // namespace

int AdminCommands::bundle()
{
    const QString sub = m_options.word(2);
    Sync::BundleOffice office(*m_store, *m_clock);
    Core::Result<Sync::OfficeBundle> made = Core::Error{Core::Error::Code::Internal, {}};
    QString out;
    if (sub == u"import"_s) {
        const QString in = m_options.word(3);
        out = m_options.value(u"reply"_s);
        if (in.isEmpty() || out.isEmpty())
            return ServerExit::usageError(u"bundle import needs FILE --reply OUT"_s);
        QFile file(in);
        if (!file.open(QIODevice::ReadOnly))
            return ServerExit::fail(Core::invalidInput(Core::Error::Reason::None, u"file"_s,
                                                       u"cannot read %1: %2"_s.arg(in, file.errorString())));
        if (file.size() > Sync::Bundle::maxFileBytes)
            return ServerExit::fail(
                Core::Error{Core::Error::Code::Corrupt, u"bundle refused: %1 is too large"_s.arg(in)});
        made = office.importLaptopBundle(file.readAll());
    } else if (sub == u"export"_s) {
        const QString device = m_options.value(u"device"_s);
        out = m_options.value(u"out"_s);
        if (device.isEmpty() || out.isEmpty())
            return ServerExit::usageError(u"bundle export needs --device ID --out OUT"_s);
        made = office.exportForDevice(device);
    } else {
        return ServerExit::usageError(
            u"bundle import FILE --reply OUT, or bundle export --device ID --out OUT"_s);
    }
    if (!made)
        return ServerExit::fail(made.error());
    if (const Core::Status s = writeBundleFile(out, made->file); !s)
        return ServerExit::fail(s.error());
    return ServerExit::print(summaryJson(made->summary, out));
}

namespace {

QJsonObject backupJson(const Sync::BackupSummary &summary)
{
    QJsonObject out{{u"database"_s, summary.database},
                    {u"district"_s, summary.district},
                    {u"site"_s, summary.site},
                    {u"created_at"_s, summary.createdAt},
                    {u"ops_seq"_s, summary.opsSeq},
                    {u"bytes"_s, summary.bytes},
                    {u"files"_s, QJsonArray::fromStringList(summary.files)}};
    return out;
}

} // namespace

int AdminCommands::backup()
{
    const QString out = m_options.value(u"out"_s);
    if (out.isEmpty())
        return ServerExit::usageError(u"backup needs --out FILE"_s);
    const auto made = Sync::Backup::write(m_dataDir, m_databaseUrl, out, m_clock->nowMs());
    if (!made)
        return ServerExit::fail(made.error());
    QJsonObject json = backupJson(*made);
    json.insert(u"out"_s, out);
    return ServerExit::print(json);
}

int AdminCommands::restore()
{
    const QString in = m_options.word(2);
    if (in.isEmpty())
        return ServerExit::usageError(u"restore needs the backup FILE"_s);
    const auto restored
        = Sync::Backup::restore(in, m_dataDir, m_databaseUrl, m_options.has(u"force"_s), m_clock->nowMs());
    if (!restored)
        return ServerExit::fail(restored.error());
    QJsonObject json = backupJson(*restored);
    json.insert(u"data"_s, m_dataDir);
    json.insert(u"replaced"_s, restored->replaced.isEmpty() ? QJsonValue() : QJsonValue(restored->replaced));
    return ServerExit::print(json);
}
