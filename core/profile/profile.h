// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "core/crypto/keywrap.h"
#include "core/domain/workflow.h"
#include "core/result.h"

#include <QString>

#include <memory>

namespace Core {

class ChangeLog;
class Clock;
class Database;
class FieldCipher;
class FileCipher;

// What the profile folder says about itself in plaintext (profile.json): nothing identifying.
struct ProfileInfo
{
    int format = 1;
    bool training = false; // practice data: visibly marked, never mixed with real cases
    QString districtCode; // the regency the profile works in, e.g. "64.02"
    QString defaultUser;
};

struct ProfileOptions
{
    QString districtCode;
    QString login;
    Role role = Role::Caseworker;
    QString passphrase;
    bool training = false;
    KdfStrength kdf = KdfStrength::Interactive;
};

// One local store: a folder with profile.json, the SQLite database (dampingi.db, WAL),
// attachments/ (encrypted files) and settings.ini. Locked until a user's passphrase unwraps
// the data key; locking wipes the key from memory and keeps every committed action.
class Profile final
{
public:
    static constexpr int minPassphraseLength = 8;

    ~Profile();

    static bool exists(const QString &directory);
    static Result<std::unique_ptr<Profile>> create(const QString &directory, const ProfileOptions &options,
                                                   const Clock &clock);
    static Result<std::unique_ptr<Profile>> open(const QString &directory, const Clock &clock);
    // profile.json alone, without opening the database (dampingi-ctl's commands that need no
    // unlocked profile).
    static Result<ProfileInfo> readInfo(const QString &directory);

    // Locked for a wrong passphrase or an unknown login (the two are not told apart);
    // Conflict when already unlocked.
    Status unlock(const QString &login, const QString &passphrase);
    void lock();
    bool unlocked() const;
    // For the idle screen lock, which keeps the session (and unsaved input) alive: checks the
    // passphrase of the unlocked user without touching the key in use. Locked when wrong.
    Status verifyPassphrase(const QString &passphrase) const;

    Status addUser(const QString &login, Role role, const QString &passphrase,
                   KdfStrength kdf = KdfStrength::Interactive);

    const ProfileInfo &info() const { return m_info; }
    const QString &directory() const { return m_directory; }
    QString attachmentsDirectory() const;
    QString settingsPath() const;
    const Actor &actor() const { return m_actor; }
    Database &database() { return *m_db; }
    // Valid only while unlocked.
    ChangeLog &changeLog() { return *m_changeLog; }
    const FieldCipher &cipher() const { return *m_cipher; }
    const FileCipher &files() const { return *m_files; }
    const Clock &clock() const { return m_clock; }
    // The district's zone: what "today" is and how times are shown.
    const DistrictTime &districtTime() const { return m_time; }

private:
    Profile(QString directory, ProfileInfo info, std::unique_ptr<Database> db, const Clock &clock);
    static Result<WrappedKey> loadUser(Database &db, const QString &login, Role *role);

    QString m_directory;
    ProfileInfo m_info;
    std::unique_ptr<Database> m_db;
    const Clock &m_clock;
    DistrictTime m_time;
    Actor m_actor;
    std::unique_ptr<FieldCipher> m_cipher;
    std::unique_ptr<FileCipher> m_files;
    std::unique_ptr<ChangeLog> m_changeLog;
};

} // namespace Core
