// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("an attachment is stored encrypted and read back intact", "[core][attachments]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    QTemporaryDir outside;
    const QString source = outside.filePath(u"hasil-visum-nurhaliza.txt"_s);
    QByteArray content = "Hasil visum et repertum: memar pada lengan kiri. ";
    content = content.repeated(3000); // > 64 KiB: several chunks
    {
        QFile file(source);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const auto added = f.session->attachments().attach(kase->id, source, u"visum"_s);
    REQUIRE(added.ok());
    const QString stored = f.session->attachments().pathFor(added->id);
    QFile raw(stored);
    REQUIRE(raw.open(QIODevice::ReadOnly));
    const QByteArray onDisk = raw.readAll();
    CHECK_FALSE(onDisk.contains("memar pada lengan"));
    const auto back = f.session->attachments().read(added->id);
    REQUIRE(back.ok());
    CHECK(*back == content);
    // The file name is a sensitive field: decrypted on read, absent from the folder listing.
    CHECK(added->text(u"file_name"_s) == u"hasil-visum-nurhaliza.txt");
    CHECK(QDir(f.profile->attachmentsDirectory()).entryList(QDir::Files).join(u' ').contains(u"nurhaliza"_s)
          == false);
}

TEST_CASE("a failed attachment action removes its file and orphans are swept", "[core][attachments]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    QTemporaryDir outside;
    const QString source = outside.filePath(u"surat.txt"_s);
    {
        QFile file(source);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("surat rujukan");
    }
    f.profile->database().faults().failAfter(0);
    REQUIRE_FALSE(f.session->attachments().attach(kase->id, source).ok());
    CHECK(QDir(f.profile->attachmentsDirectory()).entryList(QDir::Files).isEmpty());

    // A crash between the encrypted file and its row leaves an orphan; start-up removes it.
    QFile orphan(
        QDir(f.profile->attachmentsDirectory()).filePath(u"0190f000-0000-7000-8000-00000000abcd.bin"_s));
    REQUIRE(orphan.open(QIODevice::WriteOnly));
    orphan.write("x");
    orphan.close();
    CHECK(f.session->attachments().sweepOrphans().value() == 1);
    CHECK_FALSE(orphan.exists());
}

TEST_CASE("ids that are not UUIDs name no attachment file, inside the folder or out",
          "[core][attachments][ids]")
{
    Test::ProfileFixture f;
    const QDir profileDir(f.dir.path());
    const QString folder = f.profile->attachmentsDirectory();
    REQUIRE(QDir().mkpath(folder));
    // A file of the laptop's beside the attachments folder, where "../victim" points.
    const QString victim = profileDir.filePath(u"victim.bin"_s);
    {
        QFile file(victim);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const auto listing = [&] {
        QStringList names;
        QDirIterator it(profileDir.path(), QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            names << profileDir.relativeFilePath(it.next());
        names.sort();
        return names;
    };
    const QStringList before = listing();
    const QString outside = profileDir.filePath(u"../x.bin"_s);
    REQUIRE_FALSE(QFile::exists(outside));

    for (const QString &id :
         {u"../victim"_s, u"../../x"_s, u"../x"_s, u"/etc/passwd"_s, u""_s,
          u"0190c0de-0000-7000-8000-0000000000000"_s, QString(300, u'a'),
          u"0190c0de-0000-7000-8000-00000000000g"_s, u"0190c0de/../../../../x-8000-0000"_s}) {
        INFO(id.toStdString());
        CHECK(f.session->attachments().pathFor(id).isEmpty());
        CHECK(Core::AttachmentStore::fileIn(folder, id).isEmpty());
        const auto read = f.session->attachments().read(id);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == Core::Error::Code::InvalidInput);
    }
    // An orphan sweep looks only inside the folder.
    CHECK(f.session->attachments().sweepOrphans().value() == 0);

    CHECK(listing() == before);
    CHECK_FALSE(QFile::exists(outside));
    QFile kept(victim);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == "keep me");
    // A real id names a file directly inside the folder.
    const QString good = f.session->attachments().pathFor(u"0190c0de-0000-7000-8000-00000000abcd"_s);
    CHECK(QFileInfo(good).absolutePath() == QDir(folder).absolutePath());
    CHECK(QFileInfo(good).fileName() == u"0190c0de-0000-7000-8000-00000000abcd.bin"_s);
}
