// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/fixtures.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Test {

const Core::CodeLists &codes()
{
    static const Core::CodeLists lists = Core::CodeLists::loadBuiltin().value();
    return lists;
}

const Core::RegionIndex &regions()
{
    static const Core::RegionIndex index = Core::RegionIndex::loadBuiltin().value();
    return index;
}

ProfileFixture::ProfileFixture(Core::Role role, bool training, const QString &login, const QString &district)
{
    REQUIRE(dir.isValid());
    Core::ProfileOptions options;
    options.districtCode = district;
    options.login = login;
    options.role = role;
    options.passphrase = passphrase;
    options.training = training;
    options.kdf = Core::KdfStrength::Minimum;
    auto created = Core::Profile::create(dir.path(), options, clock);
    REQUIRE(created.ok());
    profile = std::move(*created);
    const Core::Status unlocked = profile->unlock({}, passphrase);
    REQUIRE(unlocked.ok());
    session = std::make_unique<Core::Session>(*profile, codes(), regions());
}

ProfileFixture::~ProfileFixture()
{
    session.reset();
    profile.reset();
}

void ProfileFixture::reopen()
{
    session.reset();
    profile.reset();
    auto opened = Core::Profile::open(dir.path(), clock);
    REQUIRE(opened.ok());
    profile = std::move(*opened);
    REQUIRE(profile->unlock({}, passphrase).ok());
    session = std::make_unique<Core::Session>(*profile, codes(), regions());
}

ProfileFixture::ProfileFixture(Empty)
{
    REQUIRE(dir.isValid());
}

std::unique_ptr<ProfileFixture> ProfileFixture::cloneOf(ProfileFixture &source)
{
    std::unique_ptr<ProfileFixture> copy(new ProfileFixture(Empty{}));
    source.session.reset();
    source.profile.reset();
    const QDir from(source.dir.path());
    QDirIterator it(from.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(copy->dir.path()).filePath(from.relativeFilePath(path));
        REQUIRE(QDir().mkpath(QFileInfo(target).path()));
        REQUIRE(QFile::copy(path, target));
    }
    source.reopen();
    copy->clock.set(source.clock.nowMs());
    copy->reopen();
    return copy;
}

Core::CaseDraft sampleDraft()
{
    Core::CaseDraft draft;
    draft.fields = {
        {u"district_code"_s, u"64.02"_s},
        {u"intake_channel"_s, u"community"_s},
        {u"reported_on"_s, u"2026-11-18"_s},
        {u"incident_on"_s, u"2026-11-15"_s},
        {u"incident_region"_s, u"64.02.06.1001"_s},
        {u"incident_scene"_s, u"household"_s},
        {u"violence_types"_s, QStringList{u"seksual"_s, u"psikis"_s}},
        {u"typing"_s, QStringList{u"ampk"_s}},
        {u"narrative"_s, u"Korban diancam oleh pamannya di kebun sawit belakang rumah"_s},
    };
    Core::PartyInput victim;
    victim.link = {{u"role"_s, u"victim"_s}};
    victim.person = {{u"name"_s, u"Nurhaliza Kartikasari"_s},
                     {u"nik"_s, u"6402065507120003"_s},
                     {u"sex"_s, u"female"_s},
                     {u"birth_date"_s, u"2012-07-15"_s},
                     {u"address_region"_s, u"64.02.06.1001"_s},
                     {u"phone"_s, u"081234567890"_s}};
    Core::PartyInput perpetrator;
    perpetrator.link = {{u"role"_s, u"perpetrator"_s}, {u"relationship"_s, u"family"_s}};
    perpetrator.person = {{u"name"_s, u"Darmawan Saputra"_s}, {u"sex"_s, u"male"_s}, {u"age_estimate"_s, 41}};
    Core::PartyInput reporter;
    reporter.link = {{u"role"_s, u"reporter"_s}};
    reporter.person = {{u"name"_s, u"Ketua RT Sulastri"_s}};
    draft.parties = {victim, perpetrator, reporter};
    draft.risk = QVariantHash{{u"level"_s, u"high"_s},
                              {u"safety_plan"_s, u"Korban tinggal sementara di rumah nenek"_s}};
    return draft;
}

Core::CaseDraft duplicateVictim()
{
    Core::CaseDraft patch;
    Core::PartyInput again;
    again.link = {{u"role"_s, u"victim"_s}};
    again.person = {{u"name"_s, u"Nurhaliza K."_s}, {u"sex"_s, u"female"_s}, {u"phone"_s, u"0811111111"_s}};
    patch.parties << again;
    return patch;
}

QByteArray readTree(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace Test
