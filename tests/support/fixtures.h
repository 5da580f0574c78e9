// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/caserepository.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"

#include <QTemporaryDir>

#include <memory>

namespace Test {

// Code lists and regions are immutable and slow-ish to parse: loaded once per test binary.
const Core::CodeLists &codes();
const Core::RegionIndex &regions();

// 2026-11-20 03:00 UTC (11:00 WITA in Kutai Kartanegara, the fixtures' district), a fixed "now"
// for every test.
constexpr qint64 fixedNowMs = 1795143600000;
inline const QString passphrase = QStringLiteral("rahasia-kutai-2026");
// The district server's office passphrase in tests (stores are made with KdfStrength::Minimum,
// or `admin init --kdf minimum`).
inline const QString officePassphrase = QStringLiteral("kantor-dinas-tenggarong-6402");

// A real profile in a temporary folder, unlocked, with a Session on top and a fixed clock.
// `district` is Kutai Kartanegara (WITA) unless a test needs another zone.
struct ProfileFixture
{
    explicit ProfileFixture(Core::Role role = Core::Role::Caseworker, bool training = false,
                            const QString &login = QStringLiteral("siti.caseworker"),
                            const QString &district = QStringLiteral("64.02"));
    ~ProfileFixture();

    void reopen(); // close and open again from disk, unlocked
    // A copy of `source`'s folder (a cloned laptop: same site, same token), opened and unlocked;
    // `source` is closed for the copy and opened again.
    static std::unique_ptr<ProfileFixture> cloneOf(ProfileFixture &source);

    QTemporaryDir dir;
    Core::FixedClock clock{fixedNowMs};
    std::unique_ptr<Core::Profile> profile;
    std::unique_ptr<Core::Session> session;

private:
    struct Empty
    {
    };
    explicit ProfileFixture(Empty);
};

// An intake draft for a girl in Kutai Kartanegara, with a perpetrator and a reporter.
Core::CaseDraft sampleDraft();

// A patch adding the victim of sampleDraft() again, as entered on another visit (another
// spelling, a new phone): a duplicate person for a supervisor to merge.
Core::CaseDraft duplicateVictim();

// Reads every byte of every file under `dir` (database, WAL, attachments).
QByteArray readTree(const QString &dir);

// A whole file's bytes, and a file written with exactly these bytes (REQUIREs that it worked).
QByteArray readAll(const QString &path);
void writeAll(const QString &path, const QByteArray &bytes);

} // namespace Test
