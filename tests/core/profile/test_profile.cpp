// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/draftstore.h"
#include "core/profile/profile.h"
#include "core/profile/settings.h"
#include "tests/support/fixtures.h"

#include <QFile>
#include <QSignalSpy>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("a wrong passphrase does not unlock the profile", "[core][profile]")
{
    Test::ProfileFixture f;
    f.session.reset();
    f.profile->lock();
    CHECK_FALSE(f.profile->unlocked());
    const Core::Status wrong = f.profile->unlock({}, u"salah-sandi-123"_s);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == Core::Error::Code::Locked);
    CHECK_FALSE(f.profile->unlocked());
    const Core::Status unknown = f.profile->unlock(u"nobody"_s, Test::passphrase);
    CHECK(unknown.error().code == Core::Error::Code::Locked);
    CHECK(f.profile->unlock({}, Test::passphrase).ok());
}

TEST_CASE("a second user unlocks the same data with their own passphrase", "[core][profile]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    REQUIRE(f.profile
                ->addUser(u"budi.supervisor"_s, Core::Role::Supervisor, u"sandi-budi-2026"_s,
                          Core::KdfStrength::Minimum)
                .ok());
    f.session.reset();
    f.profile->lock();
    REQUIRE(f.profile->unlock(u"budi.supervisor"_s, u"sandi-budi-2026"_s).ok());
    CHECK(f.profile->actor().role == Core::Role::Supervisor);
    Core::Session session(*f.profile, Test::codes(), Test::regions());
    const auto file = session.cases().load(kase->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"narrative"_s).startsWith(u"Korban diancam"_s));
}

TEST_CASE("a profile cannot be created twice or with a short passphrase", "[core][profile]")
{
    Test::ProfileFixture f;
    Core::ProfileOptions options{u"64.02"_s,       u"siti"_s, Core::Role::Caseworker,
                                 Test::passphrase, false,     Core::KdfStrength::Minimum};
    const auto again = Core::Profile::create(f.dir.path(), options, f.clock);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Core::Error::Code::InvalidInput);
    QTemporaryDir other;
    options.passphrase = u"short"_s;
    const auto weak = Core::Profile::create(other.path(), options, f.clock);
    REQUIRE_FALSE(weak.ok());
    CHECK(weak.error().field == u"passphrase");
}

TEST_CASE("only the owner can open the profile folder", "[core][profile][privacy]")
{
    Test::ProfileFixture f;
    const QFileDevice::Permissions permissions = QFile::permissions(f.dir.path());
    CHECK(permissions.testFlag(QFileDevice::ReadOwner));
    CHECK_FALSE(permissions.testFlag(QFileDevice::ReadGroup));
    CHECK_FALSE(permissions.testFlag(QFileDevice::ReadOther));
    CHECK_FALSE(permissions.testFlag(QFileDevice::ExeOther));
}

TEST_CASE("a training profile says so in its plaintext description", "[core][profile]")
{
    Test::ProfileFixture f(Core::Role::Trainer, true);
    CHECK(f.profile->info().training);
    f.reopen();
    CHECK(f.profile->info().training);
}

TEST_CASE("settings default to Indonesian and announce changes", "[core][profile][settings]")
{
    QTemporaryDir dir;
    Core::Settings settings(dir.filePath(u"settings.ini"_s));
    CHECK(settings.language() == u"id");
    CHECK(settings.idleLockMinutes() == 10);
    QSignalSpy changed(&settings, &Core::Settings::changed);
    settings.setLanguage(u"en"_s);
    settings.setLanguage(u"en"_s); // same value: no signal
    CHECK(changed.size() == 1);
    Core::Settings reread(dir.filePath(u"settings.ini"_s));
    CHECK(reread.language() == u"en");
}

TEST_CASE("unlocking an unlocked profile is refused and keeps the session working", "[core][profile][review]")
{
    Test::ProfileFixture f;
    CHECK(f.profile->unlock({}, Test::passphrase).error().code == Core::Error::Code::Conflict);
    CHECK(f.session->cases().create(Test::sampleDraft()).ok());
}

TEST_CASE("an interrupted profile creation can be run again", "[core][profile][review]")
{
    QTemporaryDir dir;
    Core::FixedClock clock{Test::fixedNowMs};
    Core::ProfileOptions options{u"64.02"_s,       u"siti"_s, Core::Role::Caseworker,
                                 Test::passphrase, false,     Core::KdfStrength::Minimum};
    REQUIRE(Core::Profile::create(dir.path(), options, clock).ok());
    // As if profile.json had failed to be written: the folder is not a profile yet.
    REQUIRE(QFile::remove(dir.filePath(u"profile.json"_s)));
    const auto again = Core::Profile::create(dir.path(), options, clock);
    INFO((again.ok() ? QString() : again.error().detail).toStdString());
    CHECK(again.ok());
}

TEST_CASE("the screen lock checks the passphrase without locking the store", "[core][profile]")
{
    Test::ProfileFixture f;
    CHECK(f.profile->verifyPassphrase(u"salah-sandi-123"_s).error().code == Core::Error::Code::Locked);
    CHECK(f.profile->verifyPassphrase(Test::passphrase).ok());
    CHECK(f.profile->unlocked());
    CHECK(f.session->cases().create(Test::sampleDraft()).ok());
}

TEST_CASE("a draft is saved sealed, listed for its author, loaded and removed", "[core][drafts]")
{
    Test::ProfileFixture f;
    Core::DraftStore &drafts = f.session->drafts();
    const QJsonObject content{{u"victimNameEdit"_s, u"Nurhaliza Kartikasari"_s}, {u"page"_s, 2}};
    REQUIRE(drafts.save(u"d1"_s, u"intake"_s, u"siti.caseworker"_s, content).ok());
    f.clock.advance(1000);
    REQUIRE(drafts.save(u"d1"_s, u"intake"_s, u"siti.caseworker"_s, content).ok()); // upsert
    CHECK(drafts.list(u"siti.caseworker"_s)->size() == 1);
    CHECK(drafts.list(u"someone.else"_s)->isEmpty());
    CHECK_FALSE(Test::readTree(f.dir.path()).contains("Kartikasari"));
    f.reopen();
    const auto loaded = f.session->drafts().load(u"d1"_s);
    REQUIRE(loaded.ok());
    CHECK(*loaded == content);
    REQUIRE(f.session->drafts().remove(u"d1"_s).ok());
    CHECK(f.session->drafts().load(u"d1"_s).error().code == Core::Error::Code::NotFound);
}
