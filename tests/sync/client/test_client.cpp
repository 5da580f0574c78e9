// SPDX-License-Identifier: GPL-3.0-or-later
// The laptop's sync client against the real server library (SQLite), in one process: the same
// pages as over HTTP, without the socket (tests/e2e covers the socket and TLS).
#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/cases/personmerge.h"
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "core/util/uuid.h"
#include "sync/client/syncclient.h"
#include "sync/districtkeys.h"
#include "sync/server/admin.h"
#include "sync/server/localtransport.h"
#include "sync/server/retention.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "sync/transitcipher.h"
#include "sync/wire.h"
#include "tests/support/fixtures.h"
#include "tests/support/localdistrict.h"
#include "tests/support/replicas.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

using District = Test::LocalDistrict;

// The district and two caseworkers of its Tenggarong team, enrolled.
struct Pair
{
    Pair()
    {
        district.enroll(siti, u"caseworker"_s);
        district.enroll(budi, u"caseworker"_s);
    }

    District district;
    Test::ProfileFixture siti{Core::Role::Caseworker, false, u"siti"_s};
    Test::ProfileFixture budi{Core::Role::Caseworker, false, u"budi"_s};
};

// The district's link, losing the reply of the Nth request to one endpoint after the server
// committed it (failure 1: a push; or a link cut mid-upload), and counting the attachment parts
// that reach the server.
class LossyLink final : public Sync::Transport
{
public:
    explicit LossyLink(Sync::Transport &inner)
        : m_inner(inner)
    { }

    Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                      const QByteArray &page) override
    {
        const bool blob = qstrcmp(endpoint, Sync::Endpoint::blob) == 0;
        Sync::BlobRequest request;
        if (blob && Sync::Wire::decode(page, request).ok() && request.put && request.part >= 0)
            ++partsSent;
        Core::Result<Sync::Response> reply = m_inner.post(endpoint, bearer, page);
        if (qstrcmp(endpoint, cutEndpoint) == 0 && ++m_seen == cutAt)
            return Core::Error{Core::Error::Code::Unreachable, u"link cut"_s};
        return reply;
    }

    const char *cutEndpoint = Sync::Endpoint::blob;
    int cutAt = -1; // the request whose reply is lost (1 = the first); -1: none
    int partsSent = 0;

private:
    Sync::Transport &m_inner;
    int m_seen = 0;
};

// Copies every file under `from` (a live data folder, as a backup tool or a technician would).
void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        REQUIRE(QDir().mkpath(QFileInfo(target).path()));
        REQUIRE(QFile::copy(path, target));
    }
}

QByteArray bytesOf(const Core::SecretKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(Core::SecretKey::size));
}

QString deviceOf(Test::ProfileFixture &f)
{
    return Sync::SyncClient::config(*f.profile).value().deviceId;
}

// The epoch of the newest value of `field` the server holds for the case.
qint64 sealedEpochOf(Sync::ServerStore &store, const QString &caseId, const QString &field)
{
    qint64 epoch = -1;
    for (const Sync::WireOp &op : store.caseOps(caseId).value()) {
        if (op.field == field && op.value)
            epoch = Sync::TransitCipher::epochOf(*op.value);
    }
    return epoch;
}

// A store that handed out its key (a districtKey() accessor, as before key wrapping) fails here.
template <typename Store> constexpr bool exposesDistrictKey = requires(const Store &store)
{
    store.districtKey();
};
static_assert(!exposesDistrictKey<Sync::ServerStore>, "the running server must hold no district key");

void patchCase(Test::ProfileFixture &f, const QString &id, const QVariantHash &fields)
{
    Core::CaseDraft patch;
    patch.fields = fields;
    const Core::Status s = f.session->cases().update(id, std::move(patch));
    INFO((s.ok() ? std::string() : s.error().detail.toStdString()));
    REQUIRE(s.ok());
}

} // namespace

TEST_CASE("two laptops edit one case offline, sync, converge, and the conflict is visible", "[sync][client]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;

    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const Sync::SyncSummary first = district.sync(siti);
    CHECK(first.pushed > 20);
    CHECK(first.rejected == 0);
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    // The server gave the case a registry number, which came back with the pull.
    CHECK(first.pulled >= 1);
    CHECK(siti.session->cases().load(id).value().kase.text(u"registry_number"_s).startsWith(u"64.02-2026-"));

    // Budi does not see Siti's case until it is assigned to their team.
    district.sync(budi);
    CHECK(budi.session->cases().load(id).error().code == Core::Error::Code::NotFound);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    const Sync::SyncSummary moveIn = district.sync(budi);
    CHECK(moveIn.pulled > 20);
    district.sync(siti); // learns of the assignment
    CHECK(Test::replicaDigest(*budi.profile, {id}).toStdString()
          == Test::replicaDigest(*siti.profile, {id}).toStdString());

    // Both edit the narrative offline; both sync twice (the first to learn of the other).
    siti.clock.advance(3'600'000);
    budi.clock.advance(7'200'000);
    patchCase(siti, id, {{u"narrative"_s, u"Catatan Siti"_s}});
    patchCase(budi, id, {{u"narrative"_s, u"Catatan Budi"_s}});
    district.sync(siti);
    district.sync(budi);
    district.sync(siti);
    CHECK(Test::replicaDigest(*budi.profile, {id}).toStdString()
          == Test::replicaDigest(*siti.profile, {id}).toStdString());
    for (Test::ProfileFixture *f : {&siti, &budi}) {
        Core::Replicator r(f->profile->changeLog());
        const QList<Core::ConflictRecord> conflicts = r.conflicts(false).value();
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().field == u"narrative");
        CHECK(f->session->cases().load(id).value().openConflicts == 1);
    }

    // A no-op sync: one round trip (the handshake carries the empty first page), under 1 KB.
    const Sync::SyncSummary idle = district.sync(siti);
    CHECK(idle.roundTrips == 1);
    CHECK(idle.pushed == 0);
    CHECK(idle.pulled == 0);
    CHECK(idle.bytesSent + idle.bytesReceived < 1024);
}

TEST_CASE("a safety edit made before a clamped stamp came back is judged by that stamp everywhere",
          "[sync][client]")
{
    // Found by the sync simulation (seed 1091): Siti's clock is years ahead. Her edit of
    // do-not-contact saw the case under its original far-future stamp; the server stored that
    // edit's base as the clamped stamp, Siti kept the original. Budi's concurrent edit, stamped
    // between the two clamped stamps, was then "seen" by Siti's edit on her laptop alone: she
    // kept her value, everyone else the most protective one.
    Pair pair;
    auto &[district, siti, budi] = pair;

    siti.clock.advance(3LL * 365 * 24 * 3'600'000);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    {
        // The server clamps the case's stamps; the reply with them is lost.
        Sync::LocalTransport local(*district.service);
        LossyLink lossy(local);
        lossy.cutEndpoint = Sync::Endpoint::push;
        lossy.cutAt = 1;
        Sync::SyncClient client(*siti.profile, lossy);
        REQUIRE_FALSE(client.syncOnce().ok());
    }
    // Still under the original stamp here: this edit's base names it.
    siti.clock.advance(60'000);
    patchCase(siti, id, {{u"do_not_contact"_s, false}});

    // Budi gets the case and sets do-not-contact, not having seen Siti's edit.
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    district.clock.advance(60'000);
    budi.clock.advance(60'000);
    district.sync(budi);
    REQUIRE(budi.session->cases().load(id).ok());
    patchCase(budi, id, {{u"do_not_contact"_s, true}});
    district.sync(budi);

    // Siti's edit reaches the server after Budi's: clamped to a later stamp than his.
    district.clock.advance(60'000);
    CHECK(district.sync(siti).clamped > 20);
    district.sync(budi);
    for (Test::ProfileFixture *f : {&siti, &budi}) {
        INFO(f->profile->actor().login.toStdString());
        const Core::CaseFile file = f->session->cases().load(id).value();
        CHECK(file.kase.value(u"do_not_contact"_s).toBool() == true);
        Core::Replicator r(f->profile->changeLog());
        const QList<Core::ConflictRecord> conflicts = r.conflicts(false).value();
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().kind == u"safety");
    }
    CHECK(Test::replicaDigest(*siti.profile, {id}).toStdString()
          == Test::replicaDigest(*budi.profile, {id}).toStdString());
}

TEST_CASE("a reassigned case leaves the old laptop after its pending edit is pushed", "[sync][client]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    // Offline, Siti keeps working while the office reassigns the case to Budi.
    siti.clock.advance(60'000);
    patchCase(siti, id, {{u"incident_scene"_s, u"school"_s}});
    district.clock.advance(120'000); // the office reassigns after her edit
    REQUIRE(district.admin->assignCase(id, u"budi"_s).ok());
    const Sync::SyncSummary out = district.sync(siti);
    CHECK(out.pushed >= 1);
    CHECK(out.rejected == 0);
    CHECK(out.purged == 1);
    CHECK(siti.session->cases().load(id).error().code == Core::Error::Code::NotFound);
    CHECK(Test::replicaDigest(*siti.profile).isEmpty());
    district.sync(budi);
    CHECK(budi.session->cases().load(id).value().kase.text(u"incident_scene"_s) == u"school");
}

TEST_CASE("a case deleted past the retention leaves every laptop, and offline edits cannot bring it back",
          "[sync][client][retention]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const QString kept = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    for (const QString &c : {id, kept})
        REQUIRE(district.admin->assignCase(c, {}, u"Tenggarong"_s).ok());
    district.sync(budi);
    district.sync(siti);
    REQUIRE(budi.session->cases().load(id).ok());

    // Siti deletes the case; Budi, far out in the field, keeps working on it and then undeletes
    // it, without a link for 100 days.
    REQUIRE(siti.session->cases().setDeleted(id, true).ok());
    district.sync(siti);
    budi.clock.advance(60'000);
    patchCase(budi, id, {{u"incident_scene"_s, u"school"_s}});
    REQUIRE(budi.session->cases().setDeleted(id, false).ok());
    const qint64 day = Sync::Retention::dayMs;
    district.clock.advance(100 * day);
    REQUIRE(district.admin->purgeDeleted(90).value() == QStringList{id});

    const Sync::SyncSummary back = district.sync(budi);
    CHECK(back.rejected >= 2); // the edit and the undelete: refused, `purged`
    CHECK(back.purged == 1);
    CHECK(budi.profile->changeLog().pendingCount().value() == 0);
    const Sync::SyncSummary s = district.sync(siti);
    CHECK(s.purged == 1);
    for (Test::ProfileFixture *f : {&siti, &budi}) {
        CHECK(f->session->cases().load(id).error().code == Core::Error::Code::NotFound);
        for (const QString &where : {u"cases WHERE id"_s, u"change_ops WHERE case_id"_s,
                                     u"conflicts WHERE case_id"_s, u"case_persons WHERE case_id"_s}) {
            Core::Statement &q
                = f->profile->database().statement(u"SELECT count(*) FROM "_s + where + u" = ?"_s);
            q.bind(1, id);
            REQUIRE(q.next());
            CHECK(q.int64(0) == 0);
            q.reset();
        }
        CHECK(f->session->cases().load(kept).ok());
    }
    // Nothing more moves: the purge is not repeated and the refused ops are not resent.
    const Sync::SyncSummary idle = district.sync(budi);
    CHECK(idle.pushed + idle.pulled + idle.purged + idle.rejected == 0);
    CHECK(Test::replicaDigest(*budi.profile, {kept}) == Test::replicaDigest(*siti.profile, {kept}));
}

TEST_CASE("merge races: two supervisors merge A into B and B into A while a caseworker edits the absorbed "
          "person, then unmerge",
          "[sync][client][merge]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture ani(Core::Role::Supervisor, false, u"ani"_s);
    Test::ProfileFixture dewi(Core::Role::Supervisor, false, u"dewi"_s);
    district.enroll(siti, u"caseworker"_s);
    district.enroll(ani, u"supervisor"_s);
    district.enroll(dewi, u"supervisor"_s);
    const QList<Test::ProfileFixture *> laptops{&siti, &ani, &dewi};

    // Siti enters the victim twice (a second visit, another spelling, a new phone).
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    siti.clock.advance(60'000);
    REQUIRE(siti.session->cases().update(id, Test::duplicateVictim()).ok());
    QStringList victims;
    for (const Core::CaseParty &p : siti.session->cases().load(id).value().parties) {
        if (p.link.text(u"role"_s) == u"victim")
            victims << p.person.id;
    }
    REQUIRE(victims.size() == 2);
    const QString a = victims.at(0), b = victims.at(1);
    for (Test::ProfileFixture *f : laptops)
        district.sync(*f);

    // Offline: Ani merges A into B, Dewi B into A; Siti, who has seen neither, edits A.
    for (Test::ProfileFixture *f : laptops)
        f->clock.advance(3'600'000);
    REQUIRE(ani.session->people().merge(id, a, b).ok());
    dewi.clock.advance(1'000);
    REQUIRE(dewi.session->people().merge(id, b, a).ok());
    siti.clock.advance(2'000);
    Core::CaseDraft late;
    Core::PartyInput edit;
    edit.personId = a;
    for (const Core::CaseParty &p : siti.session->cases().load(id).value().parties) {
        if (p.person.id == a)
            edit.linkId = p.link.id;
    }
    edit.person = {{u"phone"_s, u"0822222222"_s}};
    late.parties << edit;
    REQUIRE(siti.session->cases().update(id, std::move(late)).ok());
    for (int round = 0; round < 2; ++round) {
        for (Test::ProfileFixture *f : laptops)
            district.sync(*f);
    }

    // Every replica: the same rows, one victim under the smaller id, the late phone shown.
    const QString smallest = std::min(a, b);
    const QString digest = Test::replicaDigest(*siti.profile, {id});
    for (Test::ProfileFixture *f : laptops) {
        INFO(f->profile->actor().login.toStdString());
        CHECK(Test::replicaDigest(*f->profile, {id}) == digest);
        CHECK(f->session->people().canonical(a).value() == smallest);
        CHECK(f->session->people().canonical(b).value() == smallest);
        QStringList shown;
        QString phone;
        for (const Core::CaseParty &p : f->session->cases().load(id).value().parties) {
            if (p.link.text(u"role"_s) == u"victim") {
                shown << p.person.id;
                phone = p.person.text(u"phone"_s);
            }
        }
        CHECK(shown == QStringList{smallest});
        CHECK(phone == u"0822222222");
    }

    // Ani undoes both merges: two people again, each with its own values, everywhere.
    REQUIRE(ani.session->people().unmerge(id, a).ok());
    REQUIRE(ani.session->people().unmerge(id, b).ok());
    for (int round = 0; round < 2; ++round) {
        for (Test::ProfileFixture *f : laptops)
            district.sync(*f);
    }
    for (Test::ProfileFixture *f : laptops) {
        INFO(f->profile->actor().login.toStdString());
        CHECK(f->session->people().canonical(a).value() == a);
        CHECK(f->session->people().resolved(a).value().text(u"phone"_s) == u"0822222222");
        CHECK(f->session->people().resolved(b).value().text(u"name"_s) == u"Nurhaliza K.");
        CHECK(Test::replicaDigest(*f->profile, {id}) == Test::replicaDigest(*siti.profile, {id}));
    }
}

TEST_CASE("attachment contents reach the laptops that hold the case, sealed, resuming after a cut",
          "[sync][client][attachments]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    LossyLink link(*district.transport);
    const auto sync = [&](Test::ProfileFixture &f) {
        Sync::SyncClient client(*f.profile, link);
        const Core::Result<Sync::SyncSummary> summary = client.syncOnce();
        INFO((summary.ok() ? std::string() : summary.error().detail.toStdString()));
        REQUIRE(summary.ok());
        return *summary;
    };

    // A scanned visum report of 5 parts (the last one short), with a marker to look for.
    QByteArray content;
    for (int i = 0; content.size() < 4 * Sync::blobPartBytes + 1000; ++i)
        content += "VISUM-ET-REPERTUM-" + QByteArray::number(i) + '\n';
    QTemporaryDir scans;
    const QString scan = scans.filePath(u"visum.pdf"_s);
    Test::writeAll(scan, content);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const QString attachment = siti.session->attachments().attach(id, scan, u"Hasil visum"_s).value().id;

    // The link is cut after the server stored part 3 of 5 (its reply is lost).
    link.cutAt = 4; // the "what do you hold" question, then parts 0, 1, 2
    const Sync::SyncSummary first = sync(siti);
    CHECK(first.filesSent == 0);
    CHECK(first.filesPending == 1);
    link.cutAt = -1;
    const Sync::SyncSummary second = sync(siti);
    CHECK(second.filesSent == 1);
    CHECK(second.filesPending == 0);
    CHECK(link.partsSent == 5); // resumed at the part the server lacked: none sent twice

    // Budi does not hold the case: he gets nothing of it.
    sync(budi);
    CHECK_FALSE(QFile::exists(budi.session->attachments().pathFor(attachment)));
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    const Sync::SyncSummary moved = sync(budi);
    CHECK(moved.filesReceived == 1);
    CHECK(budi.session->attachments().read(attachment).value() == content);
    // Nothing left to move: an idle sync stays one round trip.
    const Sync::SyncSummary idle = sync(budi);
    CHECK(idle.roundTrips == 1);
    CHECK(idle.filesReceived + idle.filesSent + idle.filesPending == 0);
    CHECK(sync(siti).roundTrips == 1);

    // The server holds the content sealed: the marker is nowhere in its files.
    CHECK_FALSE(Test::readTree(district.dir.path()).contains("VISUM-ET-REPERTUM"));
}

TEST_CASE("a file attached offline to a case that moved out is uploaded before the case is erased",
          "[sync][client][attachments]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    // Offline, Siti attaches a statement while the office gives the case to Budi.
    QTemporaryDir scans;
    const QString path = scans.filePath(u"pernyataan.txt"_s);
    Test::writeAll(path, "Pernyataan saksi, ditulis tangan");
    const QString attachment = siti.session->attachments().attach(id, path).value().id;
    district.clock.advance(1'000); // the office reassigns after she attached it
    REQUIRE(district.admin->assignCase(id, u"budi"_s).ok());

    // Her link drops every file transfer: the rows go, the case stays until its file is sent.
    LossyLink link(*district.transport);
    link.cutAt = 1;
    Sync::SyncClient client(*siti.profile, link);
    const Sync::SyncSummary cut = client.syncOnce().value();
    CHECK(cut.pushed >= 1);
    CHECK(cut.filesPending == 1);
    CHECK(cut.purged == 0);
    CHECK(siti.session->attachments().read(attachment).ok());
    // The next sync sends the file, then erases the case.
    const Sync::SyncSummary done = district.sync(siti);
    CHECK(done.filesSent == 1);
    CHECK(done.purged == 1);
    CHECK(siti.session->cases().load(id).error().code == Core::Error::Code::NotFound);
    CHECK_FALSE(QFile::exists(siti.session->attachments().pathFor(attachment)));
    CHECK(district.sync(budi).filesReceived == 1);
    CHECK(budi.session->attachments().read(attachment).value() == "Pernyataan saksi, ditulis tangan");
}

TEST_CASE("a case given back while its erasure waits for a file upload stays on the laptop",
          "[sync][client][attachments]")
{
    // Sync simulation, seed 7330: the erasure of a case that moved out waits for a file still to
    // upload; the office gives the case back; the next sync brought its snapshot (all held
    // already) and then erased it, and the server, counting it as held, never sent it again.
    Pair pair;
    auto &[district, siti, budi] = pair;
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    QTemporaryDir scans;
    const QString path = scans.filePath(u"pernyataan.txt"_s);
    Test::writeAll(path, "Pernyataan saksi, ditulis tangan");
    const QString attachment = siti.session->attachments().attach(id, path).value().id;
    district.clock.advance(1'000); // the office reassigns after she attached it
    REQUIRE(district.admin->assignCase(id, u"budi"_s).ok());
    LossyLink link(*district.transport);
    link.cutAt = 1;
    Sync::SyncClient client(*siti.profile, link);
    const Sync::SyncSummary cut = client.syncOnce().value();
    REQUIRE(cut.filesPending == 1);
    REQUIRE(cut.purgeDeferred == 1);

    // Back to Siti before her next sync, and Budi wrote to it meanwhile.
    district.sync(budi);
    budi.clock.advance(60'000);
    patchCase(budi, id, {{u"incident_scene"_s, u"school"_s}});
    district.sync(budi);
    REQUIRE(district.admin->assignCase(id, u"siti"_s).ok());
    const Sync::SyncSummary back = district.sync(siti);
    CHECK(back.filesSent == 1);
    CHECK(back.purged == 0);
    CHECK(Core::Replicator(siti.profile->changeLog()).deferredPurges().value().isEmpty());
    // Still hers on every later sync, with what Budi wrote, and the file.
    const Sync::SyncSummary again = district.sync(siti);
    CHECK(again.purged == 0);
    CHECK(siti.session->cases().load(id).value().kase.text(u"incident_scene"_s) == u"school");
    CHECK(siti.session->attachments().read(attachment).value() == "Pernyataan saksi, ditulis tangan");
    const auto device = district.store->deviceById(siti.profile->changeLog().meta(u"sync.device"_s).value());
    REQUIRE(device.ok());
    REQUIRE(device->has_value());
    CHECK(district.store->scope(**device).value() == QStringList{id});
}

TEST_CASE("an attachment row named by a path neither uploads nor erases a file outside its folder",
          "[sync][client][attachments][ids]")
{
    // A row stored before pages were checked (ids from the wire became file names as they were):
    // `../victim` named <profile>/victim.bin, which the upload read and the purge removed.
    Pair pair;
    auto &[district, siti, budi] = pair;
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    QTemporaryDir scans;
    const QString scan = scans.filePath(u"surat.txt"_s);
    Test::writeAll(scan, "surat rujukan");
    const QString attachment = siti.session->attachments().attach(id, scan).value().id;
    {
        QSqlQuery poison(siti.profile->database().connection());
        REQUIRE(poison.prepare(u"UPDATE attachments SET id = '../victim' WHERE id = :id"_s));
        poison.bindValue(u":id"_s, attachment);
        REQUIRE(poison.exec());
        REQUIRE(poison.numRowsAffected() == 1);
    }
    const QString victim = QDir(siti.dir.path()).filePath(u"victim.bin"_s);
    Test::writeAll(victim, "not an attachment: the laptop's own file");
    CHECK(siti.session->attachments().pathFor(u"../victim"_s).isEmpty());
    CHECK(siti.session->attachments().read(u"../victim"_s).error().code == Core::Error::Code::InvalidInput);

    const Sync::SyncSummary sent = district.sync(siti);
    CHECK(sent.filesSent == 0);
    REQUIRE(district.admin->assignCase(id, u"budi"_s).ok());
    const Sync::SyncSummary moved = district.sync(siti);
    CHECK(moved.purged == 1);
    CHECK(siti.session->cases().load(id).error().code == Core::Error::Code::NotFound);
    QFile kept(victim);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == "not an attachment: the laptop's own file");
}

TEST_CASE("contents a restored server lost are sent again after its restart", "[sync][client][attachments]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti, u"caseworker"_s);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    QTemporaryDir scans;
    const QString path = scans.filePath(u"foto-luka.jpg"_s);
    Test::writeAll(path, QByteArray(200'000, 'j'));
    const QString attachment = siti.session->attachments().attach(id, path).value().id;
    {
        // The rows reach the server, the file not yet (the link drops it); then a backup.
        LossyLink link(*district.transport);
        link.cutAt = 1;
        REQUIRE(Sync::SyncClient(*siti.profile, link).syncOnce().value().filesPending == 1);
    }
    district.backup();
    CHECK(district.sync(siti).filesSent == 1);
    CHECK(district.sync(siti).roundTrips == 1); // sent: not asked about again
    // The server is restored from the backup, which has the rows but not the file.
    district.restore();
    const Sync::SyncSummary again = district.sync(siti);
    CHECK(again.filesSent == 1);
    QSqlQuery q(district.store->connection());
    REQUIRE(q.exec(u"SELECT parts FROM blobs WHERE id = '%1'"_s.arg(attachment)));
    CHECK(q.next());
}

TEST_CASE("both copies of a cloned laptop reach the server: none of their edits is skipped or doubled",
          "[sync][client]")
{
    // Found by the sync simulation: the clone pushed the shared unsent history (duplicates), the
    // server acknowledged up to what the other copy had pushed, and the clone took its own
    // unsent edit under that seq as acknowledged: lost. And a copy that pulled the other's ops
    // under its own site id before pushing looped for ever.
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti, u"caseworker"_s);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    std::unique_ptr<Test::ProfileFixture> copy = Test::ProfileFixture::cloneOf(siti);
    patchCase(siti, id, {{u"incident_scene"_s, u"workplace"_s}});
    copy->clock.advance(60'000);
    patchCase(*copy, id, {{u"incident_scene"_s, u"school"_s}});
    patchCase(*copy, id, {{u"do_not_contact"_s, true}});
    district.sync(siti);
    {
        Sync::SyncClient client(*copy->profile, *district.transport);
        client.pushBatch = 10; // the shared history first, as duplicates
        Core::Result<Sync::SyncSummary> summary = client.syncOnce();
        INFO((summary.ok() ? std::string() : summary.error().detail.toStdString()));
        REQUIRE(summary.ok());
        CHECK(summary->resited == 1);
    }
    for (int round = 0; round < 2; ++round) {
        district.sync(siti);
        district.sync(*copy);
    }
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    CHECK(copy->profile->changeLog().pendingCount().value() == 0);
    CHECK(copy->profile->changeLog().siteId() != siti.profile->changeLog().siteId());
    int school = 0, workplace = 0;
    for (const Sync::WireOp &op : district.store->caseOps(id).value()) {
        school += op.field == u"incident_scene" && op.value == QByteArray("school") ? 1 : 0;
        workplace += op.field == u"incident_scene" && op.value == QByteArray("workplace") ? 1 : 0;
    }
    CHECK(school == 1);
    CHECK(workplace == 1);
    CHECK(Test::replicaDigest(*siti.profile, {id}).toStdString()
          == Test::replicaDigest(*copy->profile, {id}).toStdString());

    // A third copy that pulls before it ever pushes: it moves to a new site and keeps working.
    std::unique_ptr<Test::ProfileFixture> third = Test::ProfileFixture::cloneOf(siti);
    patchCase(siti, id, {{u"narrative"_s, u"Catatan terbaru"_s}});
    district.sync(siti);
    const Sync::SyncSummary pulled = district.sync(*third);
    CHECK(pulled.resited == 1);
    patchCase(*third, id, {{u"incident_scene"_s, u"household"_s}});
    district.sync(*third);
    CHECK(third->profile->changeLog().pendingCount().value() == 0);
}

TEST_CASE("both copies of a cloned laptop that find the same hole after a restore store its ops once",
          "[sync][client]")
{
    // Found by the sync simulation: after a restore the server had lost acknowledged edits that
    // the laptop had erased with a case that left its scope; both copies of the cloned database
    // found that hole in their resent outbox and each moved the same unsent ops to a new site
    // of its own: every op of that work stored twice.
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti, u"caseworker"_s);
    REQUIRE(district.admin->createUser(u"budi"_s, u"budi"_s, u"caseworker"_s, u"Tenggarong"_s).ok());
    const QString gone = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    district.backup();
    // Acknowledged after the backup, then erased here: the case moves to Budi.
    siti.clock.advance(60'000);
    patchCase(siti, gone, {{u"incident_scene"_s, u"school"_s}});
    district.sync(siti);
    REQUIRE(district.admin->assignCase(gone, u"budi"_s).ok());
    REQUIRE(district.sync(siti).purged == 1);
    // New work, not yet sent; then the database is copied and the server restored.
    siti.clock.advance(60'000);
    const QString kept = siti.session->cases().create(Test::sampleDraft()).value().id;
    std::unique_ptr<Test::ProfileFixture> copy = Test::ProfileFixture::cloneOf(siti);
    district.restore();

    const Sync::SyncSummary first = district.sync(siti);
    CHECK(first.resited == 1);
    CHECK(first.pushed > 20);
    const Sync::SyncSummary second = district.sync(*copy);
    CHECK(second.resited == 1);
    CHECK(second.pushed == 0); // the same ops, under the same new site: duplicates
    CHECK(second.duplicates == first.pushed);
    for (int round = 0; round < 2; ++round) {
        district.sync(siti);
        district.sync(*copy);
    }
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    CHECK(copy->profile->changeLog().pendingCount().value() == 0);
    // Each op of the new case once on the server, by what it is (not by its site and seq).
    QHash<QString, int> held;
    for (const Sync::WireOp &op : district.store->caseOps(kept).value()) {
        if (op.author != u"siti")
            continue;
        // A sealed value is a fresh ciphertext per send: only plain values tell ops apart.
        const bool sealed = Core::ChangeLog::sealsValue(op.entity, op.field, op.schemaVersion);
        const QString what = op.txn + u'|' + op.entity + u'|' + op.entityId + u'|' + op.field + u'|' + op.op
                           + u'|' + QString::number(op.hlc) + u'|'
                           + QString::fromUtf8(sealed ? QByteArray() : op.value.value_or(QByteArray()));
        INFO(what.toStdString() << " " << op.site.toStdString() << "/" << op.seq);
        CHECK(++held[what] == 1);
    }
    CHECK(held.size() > 20);
    CHECK(Test::replicaDigest(*siti.profile, {kept}).toStdString()
          == Test::replicaDigest(*copy->profile, {kept}).toStdString());

    // The copies go on as any clone: the next edit of each is stored, under a site of its own.
    patchCase(siti, kept, {{u"narrative"_s, u"Catatan Siti"_s}});
    copy->clock.advance(60'000);
    patchCase(*copy, kept, {{u"incident_scene"_s, u"household"_s}});
    for (int round = 0; round < 2; ++round) {
        district.sync(siti);
        district.sync(*copy);
    }
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    CHECK(copy->profile->changeLog().pendingCount().value() == 0);
    CHECK(copy->profile->changeLog().siteId() != siti.profile->changeLog().siteId());
    CHECK(Test::replicaDigest(*siti.profile, {kept}).toStdString()
          == Test::replicaDigest(*copy->profile, {kept}).toStdString());
}

TEST_CASE(
    "a clone's acknowledged case that a restore replaced with the other copy's still reaches the server",
    "[sync][client]")
{
    // Found by the sync simulation (seeds 12368, 12784): the copy's new case was acknowledged,
    // the server was restored from a backup taken before it, and the original then pushed its own
    // new case under the same seqs. The copy saw the server acknowledge as far as it had sent and
    // never sent again: its case was on no server. Its marks (own actions at acknowledged seqs)
    // now tell the server that what it holds there is another copy's.
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti, u"caseworker"_s);
    district.sync(siti);
    district.backup();
    std::unique_ptr<Test::ProfileFixture> copy = Test::ProfileFixture::cloneOf(siti);
    copy->clock.advance(60'000);
    const QString fromCopy = copy->session->cases().create(Test::sampleDraft()).value().id;
    REQUIRE(district.sync(*copy).pushed > 20);
    district.restore();
    siti.clock.advance(120'000);
    const QString fromSiti = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    REQUIRE(siti.profile->changeLog().pendingCount().value() == 0);

    const Sync::SyncSummary again = district.sync(*copy);
    CHECK(again.resited == 1);
    for (int round = 0; round < 2; ++round) {
        district.sync(siti);
        district.sync(*copy);
    }
    CHECK_FALSE(district.store->caseOps(fromCopy).value().isEmpty());
    CHECK_FALSE(district.store->caseOps(fromSiti).value().isEmpty());
    CHECK(copy->profile->changeLog().pendingCount().value() == 0);
    for (Test::ProfileFixture *f : {&siti, copy.get()}) {
        CHECK(f->session->cases().load(fromCopy).ok());
        CHECK(f->session->cases().load(fromSiti).ok());
    }
    CHECK(Test::replicaDigest(*siti.profile, {fromCopy, fromSiti}).toStdString()
          == Test::replicaDigest(*copy->profile, {fromCopy, fromSiti}).toStdString());
}

TEST_CASE("a closure racing new work reopens the case everywhere and flags it", "[sync][client]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture ani(Core::Role::Supervisor, false, u"ani"_s);
    district.enroll(siti, u"caseworker"_s);
    district.enroll(ani, u"supervisor"_s);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const auto setStatus = [&](Test::ProfileFixture &f, const QString &status) {
        f.clock.advance(60'000);
        Core::CaseDraft patch;
        patch.fields.insert(u"status"_s, status);
        patch.statusReason = u"sesuai rencana"_s;
        const Core::Status s = f.session->cases().update(id, std::move(patch));
        INFO((s.ok() ? std::string() : s.error().detail.toStdString()));
        REQUIRE(s.ok());
    };
    setStatus(siti, u"services"_s);
    setStatus(siti, u"closure_requested"_s);
    district.sync(siti);
    district.sync(ani);
    // Offline, the supervisor approves the closure while the caseworker records a new visit note.
    setStatus(ani, u"closed"_s);
    siti.clock.advance(120'000);
    REQUIRE(siti.session->activities()
                .add(u"note", id,
                     {{u"written_at"_s, siti.clock.nowMs()}, {u"body"_s, u"Korban menelepon lagi"_s}})
                .ok());
    district.sync(ani);
    district.sync(siti);
    district.sync(ani);
    for (Test::ProfileFixture *f : {&siti, &ani}) {
        CHECK(f->session->cases().load(id).value().kase.text(u"status"_s) == u"assessment");
        const QList<Core::ConflictRecord> conflicts
            = Core::Replicator(f->profile->changeLog()).conflicts(false).value();
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts.first().kind == u"status");
        CHECK(conflicts.first().loserValue.value() == "closed");
    }
    CHECK(Test::replicaDigest(*siti.profile, {id}).toStdString()
          == Test::replicaDigest(*ani.profile, {id}).toStdString());

    // A closure after the work was seen is a closure: no reopening.
    setStatus(siti, u"services"_s);
    setStatus(siti, u"closure_requested"_s);
    district.sync(siti);
    district.sync(ani);
    setStatus(ani, u"closed"_s);
    district.sync(ani);
    district.sync(siti);
    CHECK(siti.session->cases().load(id).value().kase.text(u"status"_s) == u"closed");
}

TEST_CASE("a copy of a running district server's folder holds no district key and no case content",
          "[sync][client][keys]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    // An intake (a victim's name and NIK, a narrative) with a scanned statement, shared with Budi
    // through the server.
    QByteArray statement;
    for (int i = 0; statement.size() < Sync::blobPartBytes + 500; ++i)
        statement += "SURAT-PERNYATAAN-KORBAN-" + QByteArray::number(i) + '\n';
    QTemporaryDir scans;
    Test::writeAll(scans.filePath(u"pernyataan.pdf"_s), statement);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const QString attachment = siti.session->attachments()
                                   .attach(id, scans.filePath(u"pernyataan.pdf"_s), u"Pernyataan"_s)
                                   .value()
                                   .id;
    CHECK(district.sync(siti).filesSent == 1);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    CHECK(district.sync(budi).filesReceived == 1);
    CHECK(budi.session->attachments().read(attachment).value() == statement);
    CHECK(budi.session->cases().load(id).value().kase.text(u"narrative"_s).startsWith(u"Korban diancam"));

    // The server is running (its store is open, it has just served both laptops) when its folder
    // is copied: a backup, a technician, a stolen disk.
    QTemporaryDir copy;
    copyTree(district.dir.path(), copy.path());
    const QByteArray files = Test::readTree(copy.path());
    REQUIRE(files.contains("SQLite format 3"));
    // The test knows the key (it has the passphrase); the copy holds it nowhere in the clear.
    const Core::Result<Sync::DistrictKeys> keys = district.store->unlockDistrictKeys(Test::officePassphrase);
    REQUIRE(keys.ok());
    CHECK_FALSE(files.contains(bytesOf(*keys->key(0))));
    CHECK_FALSE(QFile::exists(copy.filePath(u"district.key"_s)));
    for (const char *plain : {"Nurhaliza", "Kartikasari", "6402065507120003", "Korban diancam", "Darmawan",
                              "SURAT-PERNYATAAN-KORBAN"})
        CHECK_FALSE(files.contains(plain));
    // Everything in the copy serves as a server, but without the passphrase no key comes out of it.
    auto copied = Sync::ServerStore::open(copy.path(), {});
    REQUIRE(copied.ok());
    CHECK_FALSE((*copied)->plainKeyFilePresent());
    const Core::Result<Sync::DistrictKeys> guessed = (*copied)->unlockDistrictKeys(u"dinas-ppa-kukar-2026"_s);
    REQUIRE_FALSE(guessed.ok());
    CHECK(guessed.error().code == Core::Error::Code::Locked);
    // With the passphrase it is the district's key (the copy is a working backup).
    const Core::Result<Sync::DistrictKeys> restored = (*copied)->unlockDistrictKeys(Test::officePassphrase);
    REQUIRE(restored.ok());
    CHECK(bytesOf(*restored->key(0)) == bytesOf(*keys->key(0)));
}

TEST_CASE("after a revocation rotate-key reaches the laptops still enrolled and never the revoked one",
          "[sync][client][keys]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    Test::ProfileFixture dewi{Core::Role::Caseworker, false, u"dewi"_s};
    district.enroll(dewi, u"caseworker"_s);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(siti);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    for (Test::ProfileFixture *f : {&siti, &budi, &dewi})
        district.sync(*f);
    CHECK(sealedEpochOf(*district.store, id, u"narrative"_s) == 0);
    REQUIRE(district.admin->createUser(u"fajar"_s, u"fajar"_s, u"caseworker"_s, u"Tenggarong"_s).ok());
    const QString staleCode = district.admin->enroll(u"fajar"_s, u"laptop"_s, Test::officePassphrase).value();

    // Dewi's laptop is lost: revoked, then a new key epoch.
    REQUIRE(district.admin->revokeDevice(deviceOf(dewi)).ok());
    const auto wrong = district.admin->rotateKey(u"kantor-dinas-salah-ketik"_s);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == Core::Error::Code::Locked);
    CHECK(district.store->keyEpoch().value() == 0);
    const auto rotation = district.admin->rotateKey(Test::officePassphrase);
    REQUIRE(rotation.ok());
    CHECK(rotation->epoch == 1);
    QStringList holders{deviceOf(siti), deviceOf(budi)};
    holders.sort();
    CHECK(rotation->sealedFor == holders);
    CHECK(rotation->unreachable.isEmpty());
    CHECK(rotation->expiredCodes == 1);
    CHECK(district.store->keyEpoch().value() == 1);
    // No sealed copy exists for the revoked laptop, one for each other.
    CHECK(district.store->deviceKeys(deviceOf(dewi), 0).value().isEmpty());
    CHECK(district.store->deviceKeys(deviceOf(siti), 0).value().size() == 1);
    QSqlQuery rows(district.store->connection());
    REQUIRE(rows.exec(u"SELECT COUNT(*) FROM device_keys"_s));
    REQUIRE(rows.next());
    CHECK(rows.value(0).toInt() == 2);
    rows.finish();

    // Siti's next sync brings her the new key; what she writes from then on is sealed with it.
    district.sync(siti);
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    patchCase(siti, id, {{u"narrative"_s, u"Pelaku sudah dilaporkan ke Polres"_s}});
    district.sync(siti);
    CHECK(sealedEpochOf(*district.store, id, u"narrative"_s) == 1);
    // Budi receives the key in the handshake that brings the edit, and reads it; the intake,
    // sealed with epoch 0, stays readable.
    district.sync(budi);
    const Core::CaseFile atBudi = budi.session->cases().load(id).value();
    CHECK(atBudi.kase.text(u"narrative"_s) == u"Pelaku sudah dilaporkan ke Polres");
    CHECK(atBudi.openConflicts == 0);
    CHECK(Test::replicaDigest(*budi.profile, {id}).toStdString()
          == Test::replicaDigest(*siti.profile, {id}).toStdString());
    // A value sealed with epoch 1 does not open with the keys Dewi's laptop holds (epoch 0).
    const Sync::TransitCipher oldKeys(Core::SecretKey::fromBytes(
        bytesOf(*district.store->unlockDistrictKeys(Test::officePassphrase)->key(0))));
    bool sealedNew = false;
    for (const Sync::WireOp &op : district.store->caseOps(id).value()) {
        if (op.field == u"narrative" && op.value && Sync::TransitCipher::epochOf(*op.value) == 1) {
            sealedNew = true;
            CHECK_FALSE(oldKeys.open(op).ok());
        }
    }
    CHECK(sealedNew);
    // The revoked laptop is refused (and wipes itself).
    Sync::SyncClient revoked(*dewi.profile, *district.transport);
    const auto refused = revoked.syncOnce();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Core::Error::Code::Refused);
    CHECK(refused.error().reason == Core::Error::Reason::Revoked);

    // A code made before the rotation carries only the old key: it expired with it.
    Test::ProfileFixture fajar{Core::Role::Caseworker, false, u"fajar"_s};
    Sync::SyncClient stale(*fajar.profile, *district.transport);
    const Core::Status staleEnroll = stale.enroll(u"local"_s, staleCode, u"laptop"_s);
    REQUIRE_FALSE(staleEnroll.ok());
    CHECK(staleEnroll.error().reason == Core::Error::Reason::EnrollmentRejected);
    // A laptop enrolled after the rotation gets every epoch: it reads the intake and the new note,
    // and seals with epoch 1 too.
    Test::ProfileFixture eka{Core::Role::Caseworker, false, u"eka"_s};
    district.enroll(eka, u"caseworker"_s);
    district.sync(eka);
    const Core::CaseFile atEka = eka.session->cases().load(id).value();
    CHECK(atEka.kase.text(u"narrative"_s) == u"Pelaku sudah dilaporkan ke Polres");
    CHECK(Test::replicaDigest(*eka.profile, {id}).toStdString()
          == Test::replicaDigest(*siti.profile, {id}).toStdString());
    patchCase(eka, id, {{u"incident_scene"_s, u"school"_s}, {u"narrative"_s, u"Catatan Eka"_s}});
    district.sync(eka);
    district.sync(budi);
    CHECK(budi.session->cases().load(id).value().kase.text(u"narrative"_s) == u"Catatan Eka");
    CHECK(sealedEpochOf(*district.store, id, u"narrative"_s) == 1);
}

TEST_CASE("a revoked laptop erases its cases, files and keys at its next contact, and checks it did",
          "[sync][client][revoked]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    QTemporaryDir scans;
    const QString scan = scans.filePath(u"visum.pdf"_s);
    Test::writeAll(scan, "VISUM-ET-REPERTUM");
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    const QString attachment = siti.session->attachments().attach(id, scan, u"Hasil visum"_s).value().id;
    district.sync(siti);
    // A file no row names any more (an import cut short) is case content too.
    const QString folder = siti.profile->attachmentsDirectory();
    Test::writeAll(QDir(folder).filePath(Core::newUuidV7(Test::fixedNowMs) + u".bin"_s), "orphan");
    Core::Replicator replicator(siti.profile->changeLog());
    REQUIRE_FALSE(replicator.caseDataLeft().value().isEmpty());

    REQUIRE(district.admin->revokeDevice(deviceOf(siti)).ok());
    Sync::SyncClient client(*siti.profile, *district.transport);
    const auto refused = client.syncOnce();
    REQUIRE_FALSE(refused.ok());
    INFO(refused.error().detail.toStdString());
    CHECK(refused.error().code == Core::Error::Code::Refused);
    CHECK(refused.error().detail.contains(u"erased (1 cases)"));

    // Nothing of the case is left to read, even with the profile unlocked: no row, no file, no key.
    CHECK(replicator.caseDataLeft().value().isEmpty());
    CHECK_FALSE(siti.session->cases().load(id).ok());
    CHECK_FALSE(siti.session->attachments().read(attachment).ok());
    CHECK(QDir(folder).entryList(QDir::Files | QDir::Hidden).isEmpty());
    const Sync::SyncConfig config = Sync::SyncClient::config(*siti.profile).value();
    CHECK(config.deviceId.isEmpty());
    CHECK(config.lastError == u"revoked");
    for (const QString &key : {u"sync.token"_s, u"sync.key"_s, u"sync.bundle_keys"_s})
        CHECK(siti.profile->changeLog().meta(key).value().isEmpty());
    // The next sync says it is not enrolled; nothing is erased again.
    const auto after = client.syncOnce();
    REQUIRE_FALSE(after.ok());
    CHECK(after.error().code == Core::Error::Code::NotFound);
}

TEST_CASE("a revoked laptop whose erasure leaves rows behind reports it and erases again at the next sync",
          "[sync][client][revoked]")
{
    Pair pair;
    auto &[district, siti, budi] = pair;
    siti.session->cases().create(Test::sampleDraft()).value();
    district.sync(siti);
    // A database that silently keeps its people: every DELETE on persons does nothing.
    QSqlQuery keep(siti.profile->changeLog().database().connection());
    REQUIRE(keep.exec(u"CREATE TEMP TRIGGER keep_people BEFORE DELETE ON persons "
                      "BEGIN SELECT RAISE(IGNORE); END"_s));

    REQUIRE(district.admin->revokeDevice(deviceOf(siti)).ok());
    Sync::SyncClient client(*siti.profile, *district.transport);
    const auto incomplete = client.syncOnce();
    REQUIRE_FALSE(incomplete.ok());
    INFO(incomplete.error().detail.toStdString());
    CHECK(incomplete.error().code == Core::Error::Code::StoreUnavailable);
    CHECK(incomplete.error().detail.contains(u"rows in persons"));
    CHECK_FALSE(incomplete.error().detail.contains(u"rows in cases"));
    // The keys are gone all the same.
    CHECK(siti.profile->changeLog().meta(u"sync.token"_s).value().isEmpty());

    // Still failing while the rows stay; done once they go, without the server (no token left).
    const auto again = client.syncOnce();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == Core::Error::Code::StoreUnavailable);
    REQUIRE(keep.exec(u"DROP TRIGGER temp.keep_people"_s));
    const auto done = client.syncOnce();
    REQUIRE_FALSE(done.ok());
    CHECK(done.error().code == Core::Error::Code::Refused);
    CHECK(Core::Replicator(siti.profile->changeLog()).caseDataLeft().value().isEmpty());
}
