// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/profile/profile.h"

#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/crypto/fieldcipher.h"
#include "core/crypto/filecipher.h"
#include "core/crypto/sodium.h"
#include "core/logging.h"
#include "core/sql/database.h"
#include "core/sql/transaction.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const QString infoFile = u"profile.json"_s;
const QString databaseFile = u"dampingi.db"_s;

} // namespace

Result<ProfileInfo> Profile::readInfo(const QString &directory)
{
    QFile file(QDir(directory).filePath(infoFile));
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Code::NotFound, u"no Dampingi profile in %1"_s.arg(directory)};
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || json.value(u"format"_s).toInt() != 1)
        return Error{Error::Code::Corrupt, u"profile.json is damaged or of an unknown format"_s};
    ProfileInfo info;
    info.format = json.value(u"format"_s).toInt();
    info.training = json.value(u"kind"_s).toString() == u"training";
    info.districtCode = json.value(u"district"_s).toString();
    info.defaultUser = json.value(u"default_user"_s).toString();
    return info;
}

namespace {

Status writeInfo(const QString &directory, const ProfileInfo &info)
{
    QJsonObject json{{u"format"_s, info.format},
                     {u"kind"_s, info.training ? u"training"_s : u"real"_s},
                     {u"district"_s, info.districtCode},
                     {u"default_user"_s, info.defaultUser}};
    QSaveFile file(QDir(directory).filePath(infoFile));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(json).toJson()) < 0 || !file.commit())
        return Error{Error::Code::StoreUnavailable,
                     u"cannot write profile.json: %1"_s.arg(file.errorString())};
    return {};
}

Status storeUser(Database &db, const WrappedKey &wrapped, Role role, qint64 nowMs)
{
    QSqlQuery query(db.connection());
    query.prepare(u"INSERT INTO users (login, role, salt, ops_limit, mem_limit, sealed_key, created_at) "
                  "VALUES (:login, :role, :salt, :ops, :mem, :sealed, :at)"_s);
    query.bindValue(u":login"_s, wrapped.login);
    query.bindValue(u":role"_s, roleName(role));
    query.bindValue(u":salt"_s, wrapped.salt);
    query.bindValue(u":ops"_s, qint64(wrapped.opsLimit));
    query.bindValue(u":mem"_s, qint64(wrapped.memLimit));
    query.bindValue(u":sealed"_s, wrapped.sealed);
    query.bindValue(u":at"_s, nowMs);
    if (!query.exec()) {
        Error error = Database::errorFrom(query);
        if (query.lastError().nativeErrorCode().toInt() % 256 == 19)
            error = invalidInput(Error::Reason::Duplicate, u"login"_s,
                                 u"user %1 already exists"_s.arg(wrapped.login));
        return error;
    }
    return {};
}

Status checkLogin(const QString &login)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{1,63}$"_s);
    if (!pattern.match(login).hasMatch())
        return invalidInput(Error::Reason::BadFormat, u"login"_s,
                            u"a login is 2-64 lower-case letters, digits, '.', '_' or '-'"_s);
    return {};
}

} // namespace

Profile::Profile(QString directory, ProfileInfo info, std::unique_ptr<Database> db, const Clock &clock)
    : m_directory(std::move(directory))
    , m_info(std::move(info))
    , m_db(std::move(db))
    , m_clock(clock)
    , m_time(m_info.districtCode)
{ }

Profile::~Profile() = default;

bool Profile::exists(const QString &directory)
{
    return QFile::exists(QDir(directory).filePath(infoFile));
}

QString Profile::attachmentsDirectory() const
{
    return QDir(m_directory).filePath(u"attachments"_s);
}

QString Profile::settingsPath() const
{
    return QDir(m_directory).filePath(u"settings.ini"_s);
}

Result<std::unique_ptr<Profile>> Profile::create(const QString &directory, const ProfileOptions &options,
                                                 const Clock &clock)
{
    if (!ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    if (exists(directory))
        return invalidInput(Error::Reason::Duplicate, u"profile"_s,
                            u"a profile already exists in %1"_s.arg(directory));
    if (Status s = checkLogin(options.login); !s)
        return s.error();
    if (options.passphrase.size() < minPassphraseLength) {
        return Error{Error::Code::InvalidInput,
                     u"the passphrase needs at least %1 characters"_s.arg(minPassphraseLength),
                     u"passphrase"_s,
                     Error::Reason::TooShort,
                     {},
                     minPassphraseLength};
    }
    if (!QDir().mkpath(directory))
        return Error{Error::Code::StoreUnavailable, u"cannot create the folder %1"_s.arg(directory)};
    // A folder without profile.json is not a profile: a database left by an interrupted
    // create is discarded so that create can simply be run again.
    for (const QString &leftover :
         QStringList{databaseFile, databaseFile + u"-wal"_s, databaseFile + u"-shm"_s})
        QFile::remove(QDir(directory).filePath(leftover));
    // Only the owner may list or read the profile (the content is encrypted; the file names and
    // sizes still say something).
    // Where the file system cannot (a FAT stick), say so and go on: the names and sizes are all
    // that show.
    if (!QFile::setPermissions(directory,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        qCWarning(lcProfile) << "SECURITY: cannot restrict the profile folder to its owner; other users"
                                " of this computer can list its (encrypted) files:"
                             << directory;
    Result<std::unique_ptr<Database>> db = Database::open(QDir(directory).filePath(databaseFile));
    if (!db)
        return db.error();
    {
        const qint64 now = clock.nowMs();
        const SecretKey dataKey = SecretKey::random();
        Result<WrappedKey> wrapped = wrapKey(dataKey, options.login, options.passphrase, options.kdf);
        if (!wrapped)
            return wrapped.error();
        Transaction txn(**db);
        if (Status s = txn.begin(); !s)
            return s.error();
        if (Status s = ChangeLog::initialise(**db, ChangeLog::newSiteId()); !s)
            return s.error();
        QSqlQuery meta((*db)->connection());
        meta.prepare(
            u"INSERT INTO meta (key, value) VALUES ('device_prefix', :prefix), ('district', :district), "
            "('training', :training), ('created_at', :created)"_s);
        meta.bindValue(u":prefix"_s, ChangeLog::newDevicePrefix());
        meta.bindValue(u":district"_s, options.districtCode);
        meta.bindValue(u":training"_s, options.training ? u"1"_s : u"0"_s);
        meta.bindValue(u":created"_s, QString::number(now));
        if (!meta.exec())
            return Database::errorFrom(meta);
        meta.finish();
        if (Status s = storeUser(**db, *wrapped, options.role, now); !s)
            return s.error();
        if (Status s = txn.commit(); !s)
            return s.error();
    }
    ProfileInfo info;
    info.training = options.training;
    info.districtCode = options.districtCode;
    info.defaultUser = options.login;
    // profile.json last: a folder without it is not a profile, and create can be retried.
    if (Status s = writeInfo(directory, info); !s)
        return s.error();
    qCInfo(lcProfile) << "created profile" << (options.training ? "training" : "real");
    return std::unique_ptr<Profile>(new Profile(directory, info, std::move(*db), clock));
}

Result<std::unique_ptr<Profile>> Profile::open(const QString &directory, const Clock &clock)
{
    if (!ensureSodium())
        return Error{Error::Code::Internal, u"libsodium failed to initialise"_s};
    Result<ProfileInfo> info = readInfo(directory);
    if (!info)
        return info.error();
    const QString path = QDir(directory).filePath(databaseFile);
    if (!QFile::exists(path))
        return Error{Error::Code::Corrupt, u"the profile's database is missing"_s};
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db)
        return db.error();
    return std::unique_ptr<Profile>(new Profile(directory, *info, std::move(*db), clock));
}

Result<WrappedKey> Profile::loadUser(Database &db, const QString &login, Role *role)
{
    QSqlQuery query(db.connection());
    query.prepare(u"SELECT role, salt, ops_limit, mem_limit, sealed_key FROM users WHERE login = :login"_s);
    query.bindValue(u":login"_s, login);
    if (!query.exec())
        return Database::errorFrom(query);
    if (!query.next())
        return Error{Error::Code::Locked, u"unknown user or wrong passphrase"_s};
    WrappedKey wrapped;
    wrapped.login = login;
    wrapped.salt = query.value(1).toByteArray();
    wrapped.opsLimit = query.value(2).toULongLong();
    wrapped.memLimit = query.value(3).toULongLong();
    wrapped.sealed = query.value(4).toByteArray();
    *role = roleFromName(query.value(0).toString()).value_or(Role::Caseworker);
    return wrapped;
}

Status Profile::unlock(const QString &login, const QString &passphrase)
{
    // Re-unlocking would pull the key out from under a live Session; lock first.
    if (unlocked())
        return Error{Error::Code::Conflict, u"the profile is already unlocked"_s};
    const QString who = login.isEmpty() ? m_info.defaultUser : login;
    Role role = Role::Caseworker;
    const Result<WrappedKey> wrapped = loadUser(*m_db, who, &role);
    if (!wrapped)
        return wrapped.error();
    Result<SecretKey> key = unwrapKey(*wrapped, passphrase);
    if (!key) {
        if (key.error().code == Error::Code::Locked)
            return Error{Error::Code::Locked, u"unknown user or wrong passphrase"_s};
        return key.error();
    }
    m_cipher = std::make_unique<FieldCipher>(std::move(*key));
    m_files = std::make_unique<FileCipher>(m_cipher->key());
    m_changeLog = std::make_unique<ChangeLog>(*m_db, *m_cipher, m_clock);
    if (Status s = m_changeLog->load(); !s) {
        lock();
        return s;
    }
    m_actor = Actor{who, role};
    qCInfo(lcProfile) << "unlocked";
    return {};
}

Status Profile::verifyPassphrase(const QString &passphrase) const
{
    if (!unlocked())
        return Error{Error::Code::Locked, u"the profile is locked"_s};
    Role role = Role::Caseworker;
    const Result<WrappedKey> wrapped = loadUser(*m_db, m_actor.login, &role);
    if (!wrapped)
        return wrapped.error();
    const Result<SecretKey> key = unwrapKey(*wrapped, passphrase);
    if (!key)
        return key.error().code == Error::Code::Locked ? Error{Error::Code::Locked, u"wrong passphrase"_s}
                                                       : key.error();
    return {};
}

void Profile::lock()
{
    // Everything committed is on disk; only the key and derived objects go.
    m_changeLog.reset();
    m_files.reset();
    m_cipher.reset();
    m_actor = {};
}

bool Profile::unlocked() const
{
    return m_cipher != nullptr;
}

Status Profile::addUser(const QString &login, Role role, const QString &passphrase, KdfStrength kdf)
{
    if (!unlocked())
        return Error{Error::Code::Locked, u"unlock the profile first"_s};
    if (Status s = checkLogin(login); !s)
        return s;
    if (passphrase.size() < minPassphraseLength) {
        return Error{Error::Code::InvalidInput,
                     u"the passphrase needs at least %1 characters"_s.arg(minPassphraseLength),
                     u"passphrase"_s,
                     Error::Reason::TooShort,
                     {},
                     minPassphraseLength};
    }
    Result<WrappedKey> wrapped = wrapKey(m_cipher->key(), login, passphrase, kdf);
    if (!wrapped)
        return wrapped.error();
    return storeUser(*m_db, *wrapped, role, m_clock.nowMs());
}

} // namespace Core
