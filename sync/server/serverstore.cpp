// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/serverstore.h"

#include "core/crypto/sodium.h"
#include "core/sql/statement.h"
#include "sync/server/datadir.h"
#include "sync/server/retention.h"
#include "sync/server/serverstore_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariantMap>

#include <atomic>
#include <memory>
#include <sodium.h>
#include <span>
#include <utility>

Q_LOGGING_CATEGORY(lcServer, "dampingi.server", QtInfoMsg)

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

using ServerStoreDetail::genericHash;
using ServerStoreDetail::serverAuthor;
using Sql::sqlError;
using Sql::text;

namespace {

const QString bundleKeyFileName = u"bundle.key"_s;

// Version 1 of the server schema. {BLOB} and {SEQ} are the only dialect differences.
// ops.seq is the pull cursor. It is NOT a PostgreSQL SEQUENCE/serial: sequence values are taken
// at insert, not at commit, so a reader could see seq 12 committed before 11 and skip 11 for
// ever. Instead the next value comes from the `ops_seq` row of meta, updated inside the ingest
// transaction (which row-locks it on PostgreSQL; SQLite holds BEGIN IMMEDIATE's write lock), so
// ingest transactions are serialized and seqs become visible in commit order, gap-free.
const char16_t *const schemaV1[] = {
    uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT '', num BIGINT NOT NULL DEFAULT 0))",
    uR"(CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE))",
    uR"(CREATE TABLE users (login TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
        team_id TEXT, active INTEGER NOT NULL DEFAULT 1))",
    uR"(CREATE TABLE devices (id TEXT PRIMARY KEY, login TEXT NOT NULL, name TEXT NOT NULL,
        site_id TEXT NOT NULL, token_hash {BLOB} NOT NULL UNIQUE, enrolled_at BIGINT NOT NULL,
        revoked_at BIGINT, scope_gen BIGINT NOT NULL DEFAULT 0))",
    uR"(CREATE TABLE enrollments (secret_hash {BLOB} PRIMARY KEY, login TEXT NOT NULL,
        device_name TEXT NOT NULL, sealed_key {BLOB} NOT NULL, created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL, used_at BIGINT, device_id TEXT))",
    uR"(CREATE TABLE ops (seq {SEQ} PRIMARY KEY, site TEXT NOT NULL, site_seq BIGINT NOT NULL,
        txn TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT NOT NULL,
        field TEXT NOT NULL, op TEXT NOT NULL, value {BLOB}, hlc BIGINT NOT NULL,
        original_hlc BIGINT NOT NULL, author TEXT NOT NULL, base BIGINT NOT NULL,
        schema_version INTEGER NOT NULL, device_id TEXT, received_at BIGINT NOT NULL,
        digest {BLOB} NOT NULL, UNIQUE (site, site_seq)))",
    uR"(CREATE INDEX ops_case ON ops (case_id, seq))",
    // Clamped ops only (a partial index, rare rows): their original stamp maps to the stored one.
    uR"(CREATE INDEX ops_clamped ON ops (site, original_hlc) WHERE hlc <> original_hlc)",
    // Rejected ops are not stored as ops, but their verdict is, so a replay gets the same answer.
    uR"(CREATE TABLE rejected_ops (site TEXT NOT NULL, site_seq BIGINT NOT NULL, digest {BLOB} NOT NULL,
        reason TEXT NOT NULL, device_id TEXT, received_at BIGINT NOT NULL, PRIMARY KEY (site, site_seq)))",
    uR"(CREATE TABLE cases (id TEXT PRIMARY KEY, district TEXT NOT NULL, assigned_user TEXT,
        assigned_team TEXT, registry_number TEXT, created_by TEXT NOT NULL, created_seq BIGINT NOT NULL,
        create_txn TEXT NOT NULL, created_site TEXT NOT NULL))",
    uR"(CREATE TABLE site_acks (site TEXT PRIMARY KEY, acked_through BIGINT NOT NULL))",
    // since_seq: the client cursor when the case moved in (its snapshot is the ops up to it);
    // since_gen / at_gen: the device's scope generation of the move, carried in the cursor, so a
    // snapshot or purge is sent until the client has applied a page that carried it.
    uR"(CREATE TABLE device_cases (device_id TEXT NOT NULL, case_id TEXT NOT NULL, since_seq BIGINT NOT NULL,
        since_gen BIGINT NOT NULL, PRIMARY KEY (device_id, case_id)))",
    uR"(CREATE TABLE device_purges (device_id TEXT NOT NULL, case_id TEXT NOT NULL, at_seq BIGINT NOT NULL,
        at_gen BIGINT NOT NULL, PRIMARY KEY (device_id, case_id)))",
};

// Version 2: USB bundles. The device's bundle keys (sent at enrollment) and the pull cursor of
// the last bundle imported from it (an office-initiated bundle starts there).
const char16_t *const schemaV2[] = {
    uR"(ALTER TABLE devices ADD COLUMN bundle_sign {BLOB})",
    uR"(ALTER TABLE devices ADD COLUMN bundle_box {BLOB})",
    uR"(ALTER TABLE devices ADD COLUMN bundle_cursor {BLOB})",
};

// Version 3: sites and epochs. device_sites: further site ids a device took (a cloned laptop
// moves its ops to a new site id; the first device to use an unused id owns it). epochs: every
// open of the store gives the server's own ops a fresh site id, starting at first_seq, so a
// store restored from a backup never reissues a (site, seq) that laptops already hold, and a
// cursor issued in an epoch is valid only below the first seq of the epoch after it.
const char16_t *const schemaV3[] = {
    uR"(CREATE TABLE device_sites (site TEXT PRIMARY KEY, device_id TEXT NOT NULL, bound_at BIGINT NOT NULL))",
    uR"(CREATE TABLE epochs (site TEXT PRIMARY KEY, first_seq BIGINT NOT NULL, opened_at BIGINT NOT NULL))",
};

// Schema upgrades, append-only: schemaSteps[i] takes the store from version i+1 to i+2. A step
// that has shipped is never edited. A new store runs version 1 and then every step; an older
// store runs the steps it lacks when opened, in one transaction with the version bump.
// Version 4: what each device has pulled (the seq of the cursor it last sent), so the server can
// tell that a closure and new activity on a case were made without seeing each other.
const char16_t *const schemaV4[] = {
    uR"(ALTER TABLE devices ADD COLUMN pulled_seq BIGINT NOT NULL DEFAULT 0)",
};

// Version 5: tombstone clean-up. A case deleted longer than the retention is purged: its ops keep
// their place in the log (seq, site, digest: cursors and replays stay valid) but lose their
// values, its row goes, and this table refuses every later op on it (see retention.cpp).
const char16_t *const schemaV5[] = {
    uR"(CREATE TABLE purged_cases (case_id TEXT PRIMARY KEY, deleted_at BIGINT NOT NULL, purged_at BIGINT NOT NULL))",
};

// Version 6: attachment contents, sealed parts (see blobstore.cpp).
const char16_t *const schemaV6[] = {
    uR"(CREATE TABLE blobs (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, parts BIGINT NOT NULL))",
    uR"(CREATE INDEX blobs_case ON blobs (case_id))",
    uR"(CREATE TABLE blob_parts (id TEXT NOT NULL, part BIGINT NOT NULL, data {BLOB} NOT NULL, PRIMARY KEY (id, part)))",
};

// Version 7: district keys by epoch, never in the clear (see serverstorekeys.cpp). office_key: one
// row, a random key wrapped under the office passphrase (Argon2id, Core::wrapKey); district_keys:
// each epoch's key sealed under the office key; device_keys: per device, each key of a rotation
// sealed for that laptop (DistrictKeys::sealForDevice), handed out at its next sync.
const char16_t *const schemaV7[] = {
    uR"(CREATE TABLE office_key (id INTEGER PRIMARY KEY, salt {BLOB} NOT NULL, ops_limit BIGINT NOT NULL,
        mem_limit BIGINT NOT NULL, sealed {BLOB} NOT NULL))",
    uR"(CREATE TABLE district_keys (epoch BIGINT PRIMARY KEY, sealed {BLOB} NOT NULL, created_at BIGINT NOT NULL))",
    uR"(CREATE TABLE device_keys (device_id TEXT NOT NULL, epoch BIGINT NOT NULL, sealed {BLOB} NOT NULL,
        created_at BIGINT NOT NULL, PRIMARY KEY (device_id, epoch)))",
};

// Version 8: every entity is bound for ever to the case of its create op (see authorization.cpp);
// filled from the creates already held, the first create of an id winning.
const char16_t *const schemaV8[] = {
    uR"(CREATE TABLE entities (id TEXT PRIMARY KEY, entity TEXT NOT NULL, case_id TEXT NOT NULL))",
    uR"(INSERT INTO entities (id, entity, case_id) SELECT entity_id, entity, case_id FROM ops
        WHERE op = 'create' ORDER BY seq ON CONFLICT (id) DO NOTHING)",
};

const std::span<const char16_t *const> schemaSteps[]
    = {schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8};
constexpr int storeSchemaVersion = 1 + int(std::size(schemaSteps));

std::atomic<int> connectionCounter{0};

// One device with its user's role, team and state, and its bundle keys; `where` names `:key`.
Result<std::optional<ServerDevice>> findDevice(const ServerStore::Private &p, const QString &where,
                                               const QVariant &key)
{
    auto q = p.exec(
        u"SELECT d.id, d.login, d.name, d.site_id, d.enrolled_at, d.revoked_at, u.role, u.team_id, "
        "u.active, d.bundle_sign, d.bundle_box FROM devices d LEFT JOIN users u ON u.login = d.login "
        "WHERE "_s
            + where,
        {{u"key"_s, key}});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<ServerDevice>();
    ServerDevice device;
    device.id = q->value(0).toString();
    device.login = q->value(1).toString();
    device.name = q->value(2).toString();
    device.siteId = q->value(3).toString();
    device.enrolledAtMs = q->value(4).toLongLong();
    if (!q->isNull(5))
        device.revokedAtMs = q->value(5).toLongLong();
    device.role = q->value(6).toString();
    device.teamId = q->value(7).toString();
    device.userActive = !q->isNull(8) && q->value(8).toInt() != 0;
    device.bundleSignPublic = q->value(9).toByteArray();
    device.bundleBoxPublic = q->value(10).toByteArray();
    return std::optional<ServerDevice>(device);
}

} // namespace

namespace ServerStoreDetail {

const QString serverAuthor = u"server"_s;

QByteArray genericHash(const QByteArray &in)
{
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), hash.size(),
                       reinterpret_cast<const unsigned char *>(in.constData()), in.size(), nullptr, 0);
    return hash;
}

} // namespace ServerStoreDetail

Status ServerStore::Private::createSchema() const
{
    for (const char16_t *statement : schemaV1) {
        if (Status s = runDdl(statement); !s)
            return s;
    }
    return upgradeFrom(1);
}

Status ServerStore::Private::upgradeFrom(qint64 version) const
{
    for (qint64 step = version; step < storeSchemaVersion; ++step) {
        for (const char16_t *statement : schemaSteps[step - 1]) {
            if (Status s = runDdl(statement); !s)
                return s;
        }
    }
    return setMetaNum(u"schema_version"_s, storeSchemaVersion);
}

Result<bool> ServerStore::Private::hasSchema() const
{
    const QStringList tables = db().tables();
    return tables.contains(u"meta"_s);
}

ServerStore::ServerStore()
    : d(std::make_unique<Private>())
{ }

ServerStore::~ServerStore() = default;

QSqlDatabase ServerStore::connection() const
{
    return d->db();
}

namespace {

// Opens the connection of a new store (no schema work).
Status connect(const QString &dataDir, const QString &databaseUrl, ServerStore::Private &p,
               ServerStore::Dialect &dialect)
{
    // The folder 0700 and its files 0600, created so or tightened (see DataDir).
    if (Status s = DataDir::prepare(dataDir); !s)
        return s;
    p.connectionName = u"dampingi-server-%1"_s.arg(connectionCounter.fetch_add(1));
    if (databaseUrl.isEmpty()) {
        dialect = ServerStore::Dialect::Sqlite;
        p.dialect = dialect;
        // Made 0600 before SQLite sees it: its -wal and -shm take the database file's mode.
        const QString file = QDir(dataDir).filePath(DataDir::databaseFile);
        if (Status s = DataDir::createPrivateFile(file); !s)
            return s;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, p.connectionName);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=30000"_s);
        if (!db.open())
            return sqlError(db);
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                                      u"PRAGMA foreign_keys=ON"_s, u"PRAGMA secure_delete=ON"_s}) {
            QSqlQuery q(db);
            if (!q.exec(pragma))
                return sqlError(q);
        }
    } else {
        const QUrl url(databaseUrl);
        if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
            return Core::invalidInput(
                Core::Error::Reason::BadFormat, u"database"_s,
                u"expected postgresql://user@host:port/db, got a %1 URL"_s.arg(url.scheme()));
        dialect = ServerStore::Dialect::Postgres;
        p.dialect = dialect;
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, p.connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            return sqlError(db);
        QSqlQuery q(db);
        // Quiet "relation already exists" notices and make each statement see committed rows.
        if (!q.exec(u"SET client_min_messages TO warning"_s))
            return sqlError(q);
    }
    return {};
}

// The office's bundle keys: DIR/bundle.key (sign seed || box secret), created 0600 in one step
// when missing (a store initialised before bundles existed gets its keys on the next open).
// It never enters the database.
Result<BundleKeys> ensureBundleKeys(const QString &dataDir)
{
    const QString path = QDir(dataDir).filePath(bundleKeyFileName);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                  QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        BundleKeys keys = BundleKeys::generate();
        QByteArray seeds = keys.seeds();
        const bool written = file.write(seeds) == seeds.size() && file.flush();
        sodium_memzero(seeds.data(), size_t(seeds.size()));
        if (!written) {
            file.remove();
            return Error{Error::Code::StoreUnavailable, u"cannot write %1"_s.arg(path)};
        }
        qCInfo(lcServer) << "created the office's bundle keys in" << path;
        return keys;
    }
    // It exists (or another process just created it): read it.
    QFile existing(path);
    if (!existing.open(QIODevice::ReadOnly))
        return Error{Error::Code::StoreUnavailable,
                     u"cannot read %1: %2"_s.arg(path, existing.errorString())};
    QByteArray seeds = existing.readAll();
    BundleKeys keys = BundleKeys::fromSeeds(seeds);
    sodium_memzero(seeds.data(), size_t(seeds.size()));
    if (!keys.isValid())
        return Error{Error::Code::Corrupt, u"%1 is not a 64-byte bundle key file"_s.arg(path)};
    return keys;
}

} // namespace

Status ServerStore::initialise(const QString &dataDir, const QString &databaseUrl,
                               const QString &districtCode, const QString &officePassphrase,
                               Core::KdfStrength kdf)
{
    if (!Core::ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    const QString district = districtCode.trimmed();
    if (district.isEmpty() || district.contains(u'|'))
        return Core::invalidInput(Core::Error::Reason::Required, u"district"_s,
                                  u"a district code is required"_s);
    if (officePassphrase.size() < minOfficePassphraseLength)
        return Core::invalidInput(
            Core::Error::Reason::TooShort, u"passphrase"_s,
            u"the office passphrase needs at least %1 characters"_s.arg(minOfficePassphraseLength));
    std::unique_ptr<ServerStore> store(new ServerStore());
    if (Status s = connect(dataDir, databaseUrl, *store->d, store->m_dialect); !s)
        return s;
    const Private &p = *store->d;
    auto has = p.hasSchema();
    if (!has)
        return has.error();
    if (*has) {
        auto site = p.metaText(u"site_id"_s);
        if (site && !site->isEmpty())
            return Error{Error::Code::Conflict, u"the server store is already initialised"_s};
    }
    const QString keyPath = QDir(dataDir).filePath(ServerStoreDetail::plainKeyFileName);
    if (QFile::exists(keyPath))
        return Error{Error::Code::Conflict,
                     u"%1 exists already; refusing to replace the district key"_s.arg(keyPath)};
    // The slow part (Argon2id) before the write lock is taken.
    const Core::SecretKey districtKey = Core::SecretKey::random();
    auto wrapped = ServerStoreDetail::wrapFirstKey(districtKey, officePassphrase, kdf);
    if (!wrapped)
        return wrapped.error();

    ServerTransaction tx(p);
    if (Status s = tx.begin(true); !s)
        return s;
    if (!*has) {
        if (Status s = p.createSchema(); !s)
            return s;
    }
    QByteArray siteBytes(8, Qt::Uninitialized);
    Core::randomBytes(siteBytes.data(), siteBytes.size());
    const QString siteId = QString::fromLatin1(siteBytes.toHex());
    for (const auto &[key, value] : {std::pair{u"site_id"_s, siteId}, std::pair{u"district"_s, district}}) {
        if (Status s = p.setMetaText(key, value); !s)
            return s;
    }
    for (const QString &key : {u"ops_seq"_s, u"server_site_seq"_s, u"server_hlc"_s}) {
        if (Status s = p.setMetaNum(key, 0); !s)
            return s;
    }
    if (Status s = ServerStoreDetail::storeFirstKey(p, *wrapped, QDateTime::currentMSecsSinceEpoch()); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    if (auto bundleKeys = ensureBundleKeys(dataDir); !bundleKeys)
        return bundleKeys.error();
    qCInfo(lcServer) << "initialised server site" << siteId << "for district" << district;
    return {};
}

namespace {

// Upgrades a store of an older schema; SchemaTooNew for one written by a newer server. One
// upgrader at a time: SQLite's BEGIN IMMEDIATE, or the row lock on PostgreSQL; then the version
// is read again, as another process may have upgraded meanwhile.
Status upgradeSchema(const ServerStore::Private &p)
{
    auto version = p.metaNum(u"schema_version"_s);
    if (!version)
        return version.error();
    if (*version > storeSchemaVersion)
        return Error{
            Error::Code::SchemaTooNew,
            u"the server store has schema %1; this build knows %2"_s.arg(*version).arg(storeSchemaVersion)};
    if (*version == storeSchemaVersion)
        return {};
    ServerTransaction tx(p);
    if (Status s = tx.begin(true); !s)
        return s;
    if (Status s = p.run(u"UPDATE meta SET num = num + 0 WHERE key = 'schema_version'"_s); !s)
        return s;
    auto current = p.metaNum(u"schema_version"_s);
    if (!current)
        return current.error();
    if (*current < storeSchemaVersion) {
        if (Status s = p.upgradeFrom(*current); !s)
            return Error{Error::Code::MigrationFailed, s.error().detail};
        qCInfo(lcServer) << "upgraded the server store from schema" << *current << "to" << storeSchemaVersion;
    }
    return tx.commit();
}

// A new epoch for this open (schemaV3): the server's own ops get a site id never used before,
// so a store restored from a backup cannot reissue a (site, seq) a laptop holds. Also makes the
// key that authenticates pull cursors (see serverstorepull.cpp) at the first open, and keeps it
// in the store: it opens nothing; it only lets the server recognise its own cursors. Sets
// p.epoch and p.cursorKey.
Status openEpoch(ServerStore::Private &p)
{
    QByteArray epochBytes(8, Qt::Uninitialized);
    Core::randomBytes(epochBytes.data(), epochBytes.size());
    const QString epoch = QString::fromLatin1(epochBytes.toHex());
    ServerTransaction tx(p);
    if (Status s = tx.begin(true); !s)
        return s;
    if (Status s = p.lockIngest(); !s)
        return s;
    auto seq = p.metaNum(u"ops_seq"_s);
    if (!seq)
        return seq.error();
    if (Status s
        = p.run(u"INSERT INTO epochs (site, first_seq, opened_at) VALUES (:site, :first, :at)"_s,
                {{u"site"_s, epoch}, {u"first"_s, *seq + 1}, {u"at"_s, QDateTime::currentMSecsSinceEpoch()}});
        !s)
        return s;
    QByteArray cursorKey(32, Qt::Uninitialized);
    Core::randomBytes(cursorKey.data(), cursorKey.size());
    if (Status s
        = p.run(u"INSERT INTO meta (key, value) VALUES ('cursor_key', :key) ON CONFLICT (key) DO NOTHING"_s,
                {{u"key"_s, QString::fromLatin1(cursorKey.toHex())}});
        !s)
        return s;
    auto storedCursorKey = p.metaText(u"cursor_key"_s);
    if (!storedCursorKey)
        return storedCursorKey.error();
    p.cursorKey = QByteArray::fromHex(storedCursorKey->toLatin1());
    if (Status s = tx.commit(); !s)
        return s;
    p.epoch = epoch;
    return {};
}

} // namespace

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString &dataDir, const QString &databaseUrl)
{
    if (!Core::ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    std::unique_ptr<ServerStore> store(new ServerStore());
    if (Status s = connect(dataDir, databaseUrl, *store->d, store->m_dialect); !s)
        return s.error();
    const Private &p = *store->d;
    auto has = p.hasSchema();
    if (!has)
        return has.error();
    if (!*has)
        return Error{Error::Code::NotFound, u"the server store is not initialised (run: admin init)"_s};
    if (Status s = upgradeSchema(p); !s)
        return s.error();
    auto site = p.metaText(u"site_id"_s);
    auto district = p.metaText(u"district"_s);
    if (!site)
        return site.error();
    if (!district)
        return district.error();
    if (site->isEmpty())
        return Error{Error::Code::NotFound, u"the server store is not initialised (run: admin init)"_s};
    if (QFile::exists(QDir(dataDir).filePath(ServerStoreDetail::plainKeyFileName))) {
        // Serving needs no district key; but the plain file opens every sealed value for
        // whoever copies this folder or its backups.
        qCWarning(lcServer).noquote()
            << u"SECURITY: %1 holds the district key in the clear: anyone who copies this folder can "
               "read every case. Run `dampingi-server admin --data DIR protect-key` now (see README)."_s.arg(
                   QDir(dataDir).filePath(ServerStoreDetail::plainKeyFileName));
    }
    auto bundleKeys = ensureBundleKeys(dataDir);
    if (!bundleKeys)
        return bundleKeys.error();
    store->m_bundleKeys = std::move(bundleKeys).value();
    if (Status s = openEpoch(*store->d); !s)
        return s.error();
    store->m_epochSite = store->d->epoch;
    store->m_dataDir = dataDir;
    store->m_siteId = *site;
    store->m_districtCode = *district;
    store->m_time = Core::DistrictTime(*district);
    return store;
}

// --- sync -------------------------------------------------------------------------------------

Result<std::optional<ServerDevice>> ServerStore::deviceByToken(const QByteArray &token)
{
    if (token.isEmpty())
        return std::optional<ServerDevice>();
    return findDevice(*d, u"d.token_hash = :key"_s, genericHash(token));
}

Result<std::optional<ServerDevice>> ServerStore::deviceById(const QString &deviceId)
{
    return findDevice(*d, u"d.id = :key"_s, deviceId);
}

Result<QByteArray> ServerStore::bundleCursor(const QString &deviceId)
{
    auto v = d->scalar(u"SELECT bundle_cursor FROM devices WHERE id = :id"_s, {{u"id"_s, deviceId}});
    if (!v)
        return v.error();
    return v->has_value() ? (*v)->toByteArray() : QByteArray();
}

Status ServerStore::setBundleCursor(const QString &deviceId, const QByteArray &cursor)
{
    return d->run(
        u"UPDATE devices SET bundle_cursor = :cursor WHERE id = :id"_s,
        {{u"cursor"_s, QVariant(cursor.isNull() ? QByteArray("", 0) : cursor)}, {u"id"_s, deviceId}});
}

Result<bool> ServerStore::claimSite(const ServerDevice &device, const QString &site, qint64 nowMs)
{
    if (site.isEmpty() || site.contains(u'|') || site == m_siteId)
        return false;
    if (site == device.siteId)
        return true;
    ServerTransaction tx(*d); // the check and the binding, together
    if (Status s = tx.begin(true); !s)
        return s.error();
    auto owner = [&]() -> Result<std::optional<QString>> {
        auto q = d->exec(u"SELECT id FROM devices WHERE site_id = :site UNION ALL "
                         "SELECT device_id FROM device_sites WHERE site = :site2"_s,
                         {{u"site"_s, site}, {u"site2"_s, site}});
        if (!q)
            return q.error();
        std::optional<QString> found;
        while (q->next()) {
            const QString id = q->value(0).toString();
            if (found && *found != id)
                return std::optional<QString>(QString()); // two owners: nobody's
            found = id;
        }
        return found;
    };
    auto current = owner();
    if (!current)
        return current.error();
    if (current->has_value()) {
        if (Status s = tx.commit(); !s)
            return s.error();
        return **current == device.id;
    }
    // Never taken by a device: refuse the server's epochs and any site that has ops here.
    auto used = d->scalar(u"SELECT 1 FROM epochs WHERE site = :site UNION ALL "
                          "SELECT 1 FROM site_acks WHERE site = :site2"_s,
                          {{u"site"_s, site}, {u"site2"_s, site}});
    if (!used)
        return used.error();
    if (used->has_value()) {
        if (Status s = tx.commit(); !s)
            return s.error();
        return false;
    }
    if (Status s
        = d->run(u"INSERT INTO device_sites (site, device_id, bound_at) VALUES (:site, :device, :at) "
                 "ON CONFLICT (site) DO NOTHING"_s,
                 {{u"site"_s, site}, {u"device"_s, device.id}, {u"at"_s, nowMs}});
        !s)
        return s.error();
    auto after = owner(); // a concurrent claim may have won
    if (!after)
        return after.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    if (after->has_value() && **after == device.id) {
        qCInfo(lcServer) << "device" << device.id << "took the new site" << site;
        return true;
    }
    return false;
}

Result<QStringList> ServerStore::purgeDeleted(qint64 retentionMs, qint64 nowMs)
{
    return Retention::purgeDeleted(*d, retentionMs, nowMs);
}

} // namespace Sync
