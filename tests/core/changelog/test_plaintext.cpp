// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing identifying on disk: after real work (intake, visit, attachment, update), the raw
// bytes of the profile folder (database, WAL, attachments, settings) contain no victim name,
// NIK, phone number or narrative phrase.
#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <QFile>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("the profile folder holds no plaintext name, NIK or narrative", "[core][privacy]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    REQUIRE(f.session->activities()
                .add(u"visit", kase->id, {{u"notes"_s, u"Nurhaliza bercerita tentang kebun sawit"_s}})
                .ok());
    QTemporaryDir outside;
    QFile doc(outside.filePath(u"kronologi-nurhaliza.txt"_s));
    REQUIRE(doc.open(QIODevice::WriteOnly));
    doc.write("Kronologi: Nurhaliza Kartikasari, NIK 6402065507120003, kebun sawit belakang rumah");
    doc.close();
    REQUIRE(f.session->attachments().attach(kase->id, doc.fileName()).ok());
    Core::CaseDraft patch;
    patch.fields = {{u"narrative"_s, u"Pelaku mengancam korban di kebun sawit belakang rumah lagi"_s}};
    REQUIRE(f.session->cases().update(kase->id, patch).ok());
    REQUIRE(f.session->buildSearchIndex().ok()); // the index is in memory only

    // Read while the WAL still holds the recent pages, then again after a checkpoint.
    for (int pass = 0; pass < 2; ++pass) {
        const QByteArray tree = Test::readTree(f.dir.path());
        REQUIRE(tree.size() > 10000);
        for (const char *secret : {"Nurhaliza", "Kartikasari", "6402065507120003", "081234567890",
                                   "kebun sawit", "Darmawan", "Sulastri", "kronologi-nurhaliza"}) {
            INFO(secret);
            CHECK_FALSE(tree.contains(secret));
            CHECK_FALSE(tree.contains(QString::fromLatin1(secret).toUtf8().toLower()));
        }
        f.reopen();
    }
}
