// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/backup.h"

#include "core/sql/statement.h"
#include "sync/server/backup_p.h"
#include "sync/server/datadir.h"
#include "sync/server/serverstore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>
#include <sqlite3.h>
#include <utility>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync::Backup {

using namespace Detail;

namespace {

// ---- the store's identity, read from a snapshot or the live PostgreSQL database -------------

struct StoreFacts
{
    QString site;
    QString district;
    qint64 opsSeq = 0;
    qint64 schema = 0;
};

const QString factsSql = u"SELECT key, value, num FROM meta WHERE key IN "
                         "('site_id', 'district', 'ops_seq', 'schema_version')"_s;

void takeFact(StoreFacts &facts, const QString &key, const QString &value, qint64 num)
{
    if (key == u"site_id")
        facts.site = value;
    else if (key == u"district")
        facts.district = value;
    else if (key == u"ops_seq")
        facts.opsSeq = num;
    else if (key == u"schema_version")
        facts.schema = num;
}

// A plain SQLite connection through the C API (the backup API and the snapshot checks need the
// handle; nothing here goes through QtSql's connection registry).
class SqliteHandle final
{
public:
    ~SqliteHandle()
    {
        if (m_db)
            sqlite3_close_v2(m_db);
    }
    Status open(const QString &path, int flags)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK)
            return storeError(u"cannot open %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errstr(rc))));
        sqlite3_busy_timeout(m_db, 30000);
        return {};
    }
    sqlite3 *get() const { return m_db; }
    Status exec(const char *sql) const
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
        const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        if (rc != SQLITE_OK)
            return storeError(text);
        return {};
    }

private:
    sqlite3 *m_db = nullptr;
};

// PRAGMA quick_check (structure and page checks, not every index entry: minutes less on a large
// store) and the meta rows, of a snapshot.
Result<StoreFacts> checkSnapshot(const SqliteHandle &db)
{
    {
        Core::Statement check(db.get(), u"PRAGMA quick_check"_s);
        if (!check.valid() || !check.next())
            return corrupt(u"the SQLite snapshot cannot be read: %1"_s.arg(check.error().detail));
        const QString verdict = check.text(0);
        check.reset();
        if (verdict != u"ok")
            return corrupt(u"the SQLite snapshot fails its integrity check: %1"_s.arg(verdict));
    }
    StoreFacts facts;
    Core::Statement meta(db.get(), factsSql);
    if (!meta.valid())
        return corrupt(u"the SQLite snapshot holds no server store: %1"_s.arg(meta.error().detail));
    while (meta.next())
        takeFact(facts, meta.text(0), meta.text(1), meta.int64(2));
    const bool failed = meta.failed();
    meta.reset();
    if (failed || facts.site.isEmpty())
        return corrupt(u"the SQLite snapshot holds no initialised server store"_s);
    return facts;
}

// ---- PostgreSQL --------------------------------------------------------------------------------

struct PgTarget
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
};

Result<PgTarget> pgTarget(const QString &databaseUrl)
{
    const QUrl url(databaseUrl);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return Core::invalidInput(
            Core::Error::Reason::BadFormat, u"database"_s,
            u"expected postgresql://user@host:port/db, got a %1 URL"_s.arg(url.scheme()));
    return PgTarget{url.host(), url.port(5432), url.userName(), url.password(), url.path().mid(1)};
}

std::atomic<int> pgConnections{0};

// One short QPSQL connection for the checks around pg_dump / pg_restore.
class PgConnection final
{
public:
    explicit PgConnection(const PgTarget &target)
        : m_name(u"dampingi-backup-%1"_s.arg(pgConnections.fetch_add(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(target.host);
        db.setPort(target.port);
        db.setUserName(target.user);
        db.setPassword(target.password);
        db.setDatabaseName(target.database);
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~PgConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Status status() const
    {
        if (!m_open)
            return storeError(u"cannot connect to PostgreSQL: %1"_s.arg(m_error));
        return {};
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};

Result<StoreFacts> pgFacts(const PgTarget &target)
{
    const PgConnection connection(target);
    if (Status s = connection.status(); !s)
        return s.error();
    if (!connection.db().tables().contains(u"meta"_s))
        return Error{Error::Code::NotFound, u"the PostgreSQL database holds no server store"_s};
    StoreFacts facts;
    QSqlQuery q(connection.db());
    if (!q.exec(factsSql))
        return storeError(q.lastError().text());
    while (q.next())
        takeFact(facts, q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong());
    if (facts.site.isEmpty())
        return Error{Error::Code::NotFound, u"the PostgreSQL database holds no initialised server store"_s};
    return facts;
}

// pg_dump and pg_restore of the newest installed PostgreSQL (Debian keeps them in
// /usr/lib/postgresql/<major>/bin; a client older than the server refuses to dump it), else PATH.
QString pgTool(const QString &name)
{
    QDir root(u"/usr/lib/postgresql"_s);
    QStringList majors = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(majors.begin(), majors.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &major : std::as_const(majors)) {
        QString path = root.filePath(major + u"/bin/"_s + name);
        if (QFileInfo(path).isExecutable())
            return path;
    }
    return QStandardPaths::findExecutable(name);
}

// Runs a PostgreSQL client tool against `target`. The password goes in PGPASSWORD, never in the
// arguments (which `ps` shows to every user).
Status runPgTool(const QString &name, QStringList args, const PgTarget &target)
{
    const QString program = pgTool(name);
    if (program.isEmpty())
        return storeError(
            u"%1 not found: install the PostgreSQL client tools (postgresql-client)"_s.arg(name));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!target.password.isEmpty())
        env.insert(u"PGPASSWORD"_s, target.password);
    env.insert(u"PGCONNECT_TIMEOUT"_s, u"30"_s);
    args << u"--host"_s << target.host << u"--port"_s << QString::number(target.port);
    if (!target.user.isEmpty())
        args << u"--username"_s << target.user;
    args << u"--no-password"_s;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    // No time limit: a large district takes as long as it takes; the tool ends on its own.
    if (!process.waitForStarted() || !process.waitForFinished(-1))
        return storeError(u"%1 did not run: %2"_s.arg(name, process.errorString()));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
        return storeError(u"%1 failed: %2"_s.arg(name, output.right(2000)));
    }
    return {};
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString backendName(const QString &databaseUrl)
{
    return databaseUrl.isEmpty() ? u"sqlite"_s : u"postgresql"_s;
}

// A sibling of `path` for work files: same folder, so a rename into place is atomic.
QString besides(const QString &path, const QString &name)
{
    return QFileInfo(path).absoluteDir().filePath(name);
}

} // namespace

namespace {

// A consistent SQLite snapshot of `source` in `snapshotPath`, by the online backup API in one
// step: one read transaction over the whole copy, which in WAL mode blocks no writer, so the
// server keeps serving and the copy is one consistent point in time. (Stepping in parts would
// restart whenever the server writes, and might never end on a busy server.) Chosen over VACUUM
// INTO, also consistent, because it copies pages instead of rebuilding every table and index:
// much less CPU beside a serving server, and with secure_delete=ON the free pages it copies hold
// zeros. Returns the snapshot's facts, after its integrity check.
Result<StoreFacts> snapshotSqlite(const QString &source, const QString &snapshotPath)
{
    SqliteHandle src;
    SqliteHandle dst;
    if (Status s = src.open(source, SQLITE_OPEN_READWRITE); !s)
        return s.error();
    if (Status s = dst.open(snapshotPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE); !s)
        return s.error();
    sqlite3_backup *backup = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
    if (!backup)
        return storeError(
            u"cannot start the SQLite backup: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(dst.get()))));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt < 600; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        QThread::msleep(100);
    }
    // The step's code says whether the copy is whole; finish only releases the backup object
    // and repeats an error the step already returned.
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return storeError(u"the SQLite backup failed: %1"_s.arg(QString::fromUtf8(sqlite3_errstr(rc))));
    // A single file: the snapshot needs no -wal beside it when it is restored.
    if (Status s = dst.exec("PRAGMA journal_mode=DELETE"); !s)
        return s.error();
    return checkSnapshot(dst);
}

// pg_dump into `snapshotPath`: it reads in one repeatable-read transaction, a consistent
// snapshot while the server serves. Returns the live store's facts, read just before.
Result<StoreFacts> dumpPostgres(const QString &databaseUrl, const QString &snapshotPath)
{
    const Result<PgTarget> target = pgTarget(databaseUrl);
    if (!target)
        return target.error();
    Result<StoreFacts> live = pgFacts(*target);
    if (!live)
        return live.error();
    if (Status s = runPgTool(u"pg_dump"_s,
                             {u"--format=custom"_s, u"--no-owner"_s, u"--no-privileges"_s, u"--file"_s,
                              snapshotPath, u"--dbname"_s, target->database},
                             *target);
        !s)
        return s.error();
    return live;
}

// One entry of a backup being written: its name in the file, where its bytes are now, and what
// the manifest says of them.
struct Part
{
    QString name;
    QString path;
    qint64 bytes = 0;
    QByteArray sha256;
};

// The database snapshot and every key file of the data folder, each measured and hashed for the
// manifest. NotFound without a key file: such a backup could not be restored.
Result<QList<Part>> collectParts(const QString &dataDir, const QString &dbEntry, const QString &snapshotPath)
{
    const QDir data(dataDir);
    QList<Part> parts{{dbEntry, snapshotPath, 0, {}}};
    for (const QString &name : DataDir::storeFiles(dataDir)) {
        if (name.endsWith(u".key"_s) && safeName(name))
            parts.append({name, data.filePath(name), 0, {}});
    }
    if (parts.size() < 2)
        return Error{Error::Code::NotFound,
                     u"no key files in %1: a backup without them cannot be restored"_s.arg(dataDir)};
    for (Part &part : parts) {
        part.bytes = QFileInfo(part.path).size();
        Result<QByteArray> hash = fileSha256(part.path);
        if (!hash)
            return hash.error();
        part.sha256 = *hash;
    }
    return parts;
}

QByteArray manifestJson(const BackupSummary &summary, const StoreFacts &facts, const QList<Part> &parts)
{
    QJsonArray files;
    for (const Part &part : parts) {
        files.append(QJsonObject{{u"name"_s, part.name},
                                 {u"bytes"_s, part.bytes},
                                 {u"sha256"_s, QString::fromLatin1(part.sha256.toHex())}});
    }
    return QJsonDocument(QJsonObject{{u"format"_s, format},
                                     {u"version"_s, version},
                                     {u"created_at"_s, summary.createdAt},
                                     {u"database"_s, summary.database},
                                     {u"district"_s, facts.district},
                                     {u"site"_s, facts.site},
                                     {u"ops_seq"_s, facts.opsSeq},
                                     {u"schema"_s, facts.schema},
                                     {u"files"_s, files}})
        .toJson(QJsonDocument::Indented);
}

// The tar file at `out`: the manifest, then every part, each checked against the hash the
// manifest gives it. Whole or not at all (QSaveFile), readable by the administrator only.
// Appends each part's name to `written`.
Status writeTar(const QString &out, const QByteArray &manifest, const QList<Part> &parts, qint64 mtime,
                QStringList &written)
{
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return storeError(u"cannot write %1: %2"_s.arg(out, file.errorString()));
    const auto writeBytes = [&file](const QByteArray &bytes) { return file.write(bytes) == bytes.size(); };
    bool ok = writeBytes(tarHeader(manifestName, manifest.size(), mtime)) && writeBytes(manifest)
           && writeBytes(QByteArray(padding(manifest.size()), '\0'));
    for (const Part &part : parts) {
        if (!ok)
            break;
        QFile in(part.path);
        if (!in.open(QIODevice::ReadOnly))
            return storeError(u"cannot read %1: %2"_s.arg(part.path, in.errorString()));
        ok = writeBytes(tarHeader(part.name, part.bytes, mtime));
        if (!ok)
            break;
        Result<QByteArray> copied = copyHashed(in, &file, part.bytes);
        if (!copied)
            return copied.error();
        // The same bytes as hashed for the manifest: nothing changed a file in between.
        if (*copied != part.sha256)
            return storeError(u"%1 changed while the backup was written; run it again"_s.arg(part.name));
        ok = writeBytes(QByteArray(padding(part.bytes), '\0'));
        written << part.name;
    }
    ok = ok && writeBytes(QByteArray(2 * block, '\0'));
    if (!ok || !file.commit())
        return storeError(u"cannot write %1: %2"_s.arg(out, file.errorString()));
    return {};
}

} // namespace

Result<BackupSummary> write(const QString &dataDir, const QString &databaseUrl, const QString &out,
                            qint64 nowMs)
{
    if (out.isEmpty())
        return Core::invalidInput(Core::Error::Reason::Required, u"out"_s, u"backup needs --out FILE"_s);
    // The snapshot goes next to the output (where the administrator made room for it).
    QTemporaryFile snapshot(besides(out, u".dampingi-backup-XXXXXX"_s));
    if (!snapshot.open())
        return storeError(u"cannot write next to %1: %2"_s.arg(out, snapshot.errorString()));
    snapshot.close();
    Result<StoreFacts> facts = Error{};
    if (databaseUrl.isEmpty()) {
        const QString source = QDir(dataDir).filePath(DataDir::databaseFile);
        if (QFileInfo(source).size() == 0)
            return Error{Error::Code::NotFound, u"no server store in %1"_s.arg(dataDir)};
        facts = snapshotSqlite(source, snapshot.fileName());
    } else {
        facts = dumpPostgres(databaseUrl, snapshot.fileName());
    }
    if (!facts)
        return facts.error();
    auto parts
        = collectParts(dataDir, databaseUrl.isEmpty() ? sqliteEntry : postgresEntry, snapshot.fileName());
    if (!parts)
        return parts.error();
    BackupSummary summary;
    summary.path = out;
    summary.database = backendName(databaseUrl);
    summary.district = facts->district;
    summary.site = facts->site;
    summary.opsSeq = facts->opsSeq;
    summary.createdAt = isoUtc(nowMs);
    if (Status s = writeTar(out, manifestJson(summary, *facts, *parts), *parts, nowMs / 1000, summary.files);
        !s)
        return s.error();
    summary.bytes = QFileInfo(out).size();
    return summary;
}

namespace {

bool pgHasTables(const PgTarget &target, Status *status)
{
    const PgConnection connection(target);
    *status = connection.status();
    return status->ok() && !connection.db().tables().isEmpty();
}

// Takes the data folder's lock, which the running server holds for as long as it serves:
// Conflict while it runs.
Status lockStopped(const QString &dataDir, QLockFile &lock)
{
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        return {};
    qint64 pid = 0;
    QString host;
    QString app;
    lock.getLockInfo(&pid, &host, &app);
    return Error{Error::Code::Conflict,
                 u"the server is running on %1 (pid %2): stop it before restoring"_s.arg(dataDir).arg(pid)};
}

// What a restore would replace: the store files and keys in the data folder, and whether the
// PostgreSQL database holds tables.
struct Occupied
{
    QStringList present;
    bool pgFull = false;
};

// What is there now; Conflict when there is anything and the restore is not forced.
Result<Occupied> findOccupied(const QString &dataDir, const std::optional<PgTarget> &pg, bool force)
{
    const QDir data(dataDir);
    Occupied occupied;
    for (const QString &name : DataDir::storeFiles(dataDir)) {
        if (QFileInfo(data.filePath(name)).size() > 0 || name.endsWith(u".key"_s))
            occupied.present << name;
    }
    if (pg) {
        Status reached;
        occupied.pgFull = pgHasTables(*pg, &reached);
        if (!reached)
            return reached.error();
    }
    if ((!occupied.present.isEmpty() || occupied.pgFull) && !force)
        return Error{Error::Code::Conflict,
                     u"%1 holds a server store already; `restore --force` replaces it (SQLite: the "
                     u"current files are kept in %2/replaced-<time>/)"_s.arg(
                         occupied.pgFull ? u"the database"_s : dataDir, dataDir)};
    return occupied;
}

// The extracted SQLite snapshot passes its integrity check and is the store (site) its
// manifest names; Corrupt otherwise.
Status checkSqliteWork(const QString &dbWork, const QString &site)
{
    SqliteHandle snapshot;
    if (Status s = snapshot.open(dbWork, SQLITE_OPEN_READWRITE); !s)
        return s;
    Result<StoreFacts> facts = checkSnapshot(snapshot);
    if (!facts)
        return facts.error();
    if (facts->site != site)
        return corrupt(u"its database is not the store its manifest names"_s);
    return {};
}

// pg_restore of the extracted dump in one transaction (replacing the tables there with --clean
// when the database holds some): when it fails, nothing has moved yet.
Status restorePostgres(const PgTarget &pg, const QString &dbWork, bool pgFull)
{
    QStringList args{u"--single-transaction"_s, u"--no-owner"_s, u"--no-privileges"_s, u"--exit-on-error"_s};
    if (pgFull)
        args << u"--clean"_s << u"--if-exists"_s;
    args << u"--dbname"_s << pg.database << dbWork;
    return runPgTool(u"pg_restore"_s, args, pg);
}

// Moves the store files `present` aside into data/replaced-<time>/ (kept, not deleted: a wrong
// backup restored with --force can be undone) and returns that folder.
Result<QString> moveAside(const QDir &data, const QStringList &present, qint64 nowMs)
{
    const QString replaced = data.filePath(u"replaced-%1"_s.arg(
        QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(u"yyyyMMdd'T'HHmmss'Z'"_s)));
    if (Status s = DataDir::prepare(replaced); !s)
        return s.error();
    for (const QString &name : present) {
        if (!QFile::rename(data.filePath(name), QDir(replaced).filePath(name)))
            return storeError(u"cannot move %1 aside into %2"_s.arg(name, replaced));
    }
    return replaced;
}

// The work files into place (PostgreSQL's dump was restored already and stays a work file);
// appends each installed name to `installed`.
Status installEntries(const QString &dataDir, const Manifest &manifest,
                      const QHash<QString, QString> &workFiles, bool postgres, Extracted &extracted,
                      QStringList &installed)
{
    const QDir data(dataDir);
    // Empty leftovers (a 0-byte server.db, an empty WAL) would confuse the restored store.
    for (const QString &name : DataDir::storeFiles(dataDir)) {
        if (!name.endsWith(u".key"_s))
            QFile::remove(data.filePath(name));
    }
    for (const Manifest::File &file : manifest.files) {
        if (postgres && file.name == postgresEntry)
            continue;
        const QString work = workFiles.value(file.name);
        if (!QFile::rename(work, data.filePath(file.name)))
            return storeError(u"cannot move %1 into place"_s.arg(file.name));
        extracted.paths.removeAll(work);
        installed << file.name;
    }
    return {};
}

} // namespace

Result<BackupSummary> restore(const QString &backupPath, const QString &dataDir, const QString &databaseUrl,
                              bool force, qint64 nowMs)
{
    QFile in(backupPath);
    if (!in.open(QIODevice::ReadOnly))
        return Core::invalidInput(Core::Error::Reason::None, u"file"_s,
                                  u"cannot read %1: %2"_s.arg(backupPath, in.errorString()));
    Result<Manifest> manifest = readManifest(in);
    if (!manifest)
        return manifest.error();
    const QString backend = backendName(databaseUrl);
    if (manifest->database != backend)
        return Core::invalidInput(Core::Error::Reason::NotAllowedValue, u"database"_s,
                                  u"this is a %1 backup; the target store is %2 (a backup restores into the "
                                  u"backend it was taken from)"_s.arg(manifest->database, backend));
    std::optional<PgTarget> pg;
    if (!databaseUrl.isEmpty()) {
        Result<PgTarget> target = pgTarget(databaseUrl);
        if (!target)
            return target.error();
        pg = *target;
    }

    // Stopped server only: the running server holds this lock for as long as it serves.
    if (Status s = DataDir::prepare(dataDir); !s)
        return s.error();
    const QDir data(dataDir);
    QLockFile lock(data.filePath(DataDir::lockFile));
    if (Status s = lockStopped(dataDir, lock); !s)
        return s.error();

    auto occupied = findOccupied(dataDir, pg, force);
    if (!occupied)
        return occupied.error();

    Extracted extracted;
    auto workFiles = extractEntries(in, *manifest, data, extracted);
    if (!workFiles)
        return workFiles.error();
    const QString dbWork = workFiles->value(manifest->files.first().name);
    if (!pg) {
        if (Status s = checkSqliteWork(dbWork, manifest->site); !s)
            return s.error();
    }

    BackupSummary summary;
    summary.path = backupPath;
    summary.database = manifest->database;
    summary.district = manifest->district;
    summary.site = manifest->site;
    summary.createdAt = manifest->createdAt;
    summary.opsSeq = manifest->opsSeq;
    // PostgreSQL first, in one transaction: when it fails, nothing here has moved yet.
    if (pg) {
        if (Status s = restorePostgres(*pg, dbWork, occupied->pgFull); !s)
            return s.error();
    }
    if (!occupied->present.isEmpty()) {
        auto replaced = moveAside(data, occupied->present, nowMs);
        if (!replaced)
            return replaced.error();
        summary.replaced = *replaced;
    }
    if (Status s = installEntries(dataDir, *manifest, *workFiles, pg.has_value(), extracted, summary.files);
        !s)
        return s.error();
    if (pg)
        summary.files.prepend(postgresEntry);
    summary.bytes = in.size();
    qCInfo(lcServer) << "restored a" << summary.database << "backup of" << summary.createdAt << "into"
                     << dataDir;
    return summary;
}

} // namespace Sync::Backup
