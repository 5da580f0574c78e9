// SPDX-License-Identifier: GPL-3.0-or-later
// Trust at the server (issue 9): one test per attack by a laptop in an attacker's hands. The
// attacker holds a real device token, site and district key (enrolled through the real admin
// path) and speaks the sync protocol directly to the real dampingi-server over TLS, on SQLite
// and on PostgreSQL. Each test checks the server's answer, that nothing was stored for the
// target (read from the store itself, beside the server), and that an honest laptop (the real
// dampingi-ctl) holds the same case, history and files around its profile as before.
#include "core/util/uuid.h"
#include "sync/transitcipher.h"
#include "tests/security/district.h"
#include "tests/support/fixtures.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Test::District;

namespace {

QString newId()
{
    return Core::newUuidV7(QDateTime::currentMSecsSinceEpoch());
}

// An edit that looks like the author had seen the value it replaces (base just below its own
// stamp), so an honest replica would take it as a plain last-writer-wins update.
Core::ReplicaOp seen(Core::ReplicaOp op)
{
    op.base = op.hlc - 1;
    return op;
}

bool anyOpOf(const QList<Sync::WireOp> &ops, const QString &id)
{
    return std::any_of(ops.cbegin(), ops.cend(),
                       [&](const Sync::WireOp &op) { return op.caseId == id || op.entityId == id; });
}

} // namespace

TEST_CASE(
    "a laptop cannot edit another team's case or its victim by filing the edits under a case of its own",
    "[security][scope]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    auto mallory = d.hostile(u"mallory"_s); // Loa Kulu: siti's case is not hers
    QString ownTxn;
    const QString own = mallory->createCase(nullptr, &ownTxn);
    REQUIRE(!own.isEmpty());
    // Her own case goes to siti in its creating action, so siti's laptop pulls everything filed
    // under it: the forged edits reach a replica that holds the victim's case.
    mallory->push({seen(mallory->setOp(u"case"_s, own, own, u"assigned_user"_s, u"siti"_s, ownTxn))});
    const District::Snapshot before = d.snapshot();

    const QString txn = newId();
    const QList<Core::ReplicaOp> forged{
        seen(mallory->setOp(u"case"_s, d.victimCase, own, u"status"_s, u"closed"_s, txn)),
        seen(mallory->setOp(u"case"_s, d.victimCase, own, u"narrative"_s, u"Laporan palsu, kasus ditutup"_s,
                            txn)),
        seen(mallory->setOp(u"case"_s, d.victimCase, own, u"do_not_contact"_s, false, txn)),
        seen(mallory->setOp(u"person"_s, d.victimPerson, own, u"nik"_s, u"6402060101010001"_s, txn)),
        mallory->createOp(u"person"_s, d.victimPerson, own, txn),
    };
    const Test::Answer<Sync::PushReply> pushed = mallory->push(forged);
    REQUIRE(pushed.ok());
    const QStringList v = Test::verdicts(pushed);
    INFO("verdicts: " << v.join(u", ").toStdString());
    REQUIRE(v.size() == 5);
    const QStringList foreignEntity{u"entity_case"_s, u"out_of_scope"_s};
    // A caseworker may not close a case at all: refused by her role before the case is looked at.
    CHECK((foreignEntity + QStringList{u"forbidden"_s}).contains(v[0]));
    CHECK(foreignEntity.contains(v[1]));
    CHECK(foreignEntity.contains(v[2]));
    CHECK(v[3] == u"not_in_case");
    CHECK(v[4] == u"exists");

    // A link of her own case to the victim's person does not make that person hers to edit.
    const QString linkTxn = newId();
    const QString link = newId();
    const Test::Answer<Sync::PushReply> linked = mallory->push(
        Test::HostileLaptop::oneAction(
            {mallory->createOp(u"case_person"_s, link, own, linkTxn),
             mallory->setOp(u"case_person"_s, link, own, u"person_id"_s, d.victimPerson, linkTxn),
             mallory->setOp(u"case_person"_s, link, own, u"role"_s, u"perpetrator"_s, linkTxn)})
        + QList<Core::ReplicaOp>{seen(
            mallory->setOp(u"person"_s, d.victimPerson, own, u"nik"_s, u"6402060101010001"_s, newId()))});
    REQUIRE(linked.ok());
    const QStringList l = Test::verdicts(linked);
    INFO("verdicts of the link: " << l.join(u", ").toStdString());
    REQUIRE(l.size() == 4);
    CHECK(l[1] != u"accepted");
    CHECK(QStringList{u"not_in_case"_s, u"out_of_scope"_s, u"entity_case"_s}.contains(l[3]));

    d.expectUnchanged(before);
}

TEST_CASE(
    "a laptop cannot lift another team's safety flag or consent, nor file a risk assessment in her case",
    "[security][scope]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    const QJsonArray people
        = d.siti->ok({u"case"_s, u"show"_s, d.victimCase}).json().value(u"people"_s).toArray();
    REQUIRE(people.size() == 1);
    const QString link = people.first().toObject().value(u"link_id"_s).toString();
    REQUIRE(!link.isEmpty());
    auto mallory = d.hostile(u"mallory"_s); // Loa Kulu: siti's case is not hers
    const QString own = mallory->createCase();
    REQUIRE(!own.isEmpty());
    const District::Snapshot before = d.snapshot({link});

    // The schema-9 fields of the victim's link (the perpetrator still has access: a safety
    // flag; the victim's consent), filed under her own case and under the victim's.
    const QString txn = newId();
    const QString assessment = newId();
    const QList<Core::ReplicaOp> forged{
        seen(mallory->setOp(u"case_person"_s, link, own, u"has_access"_s, false, txn)),
        seen(mallory->setOp(u"case_person"_s, link, own, u"consent"_s, u"given"_s, txn)),
        seen(mallory->setOp(u"case_person"_s, link, d.victimCase, u"consent_method"_s, u"written"_s, txn)),
        seen(mallory->setOp(u"case"_s, d.victimCase, d.victimCase, u"received_at"_s, qint64(1), txn)),
        mallory->createOp(u"risk_assessment"_s, assessment, d.victimCase, txn),
        mallory->setOp(u"risk_assessment"_s, assessment, d.victimCase, u"level"_s, u"low"_s, txn),
    };
    const Test::Answer<Sync::PushReply> pushed = mallory->push(forged);
    REQUIRE(pushed.ok());
    const QStringList v = Test::verdicts(pushed);
    INFO("verdicts: " << v.join(u", ").toStdString());
    REQUIRE(v.size() == forged.size());
    CHECK_FALSE(v.contains(u"accepted"_s));
    CHECK(d.peek->opsTouching({assessment}).isEmpty());
    d.expectUnchanged(before, {link});
}

TEST_CASE("handshake marks: malformed ones are refused, and disagreeing ones lower only the sender's own ack",
          "[security][marks]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    auto mallory = d.hostile(u"mallory"_s);
    REQUIRE(!mallory->createCase().isEmpty());
    const District::Snapshot before = d.snapshot();
    const qint64 acked = mallory->acked();
    REQUIRE(acked > 4);

    // Not whole marks, a seq of 0, a txn that is no UUID, more marks than allowed: 400, nothing read.
    const QByteArray one = Sync::Wire::packMarks({{acked, newId()}});
    QByteArray zeroSeq = one;
    zeroSeq.replace(0, 8, QByteArray(8, '\0'));
    QByteArray nullTxn = one;
    nullTxn.replace(8, 16, QByteArray(16, '\0'));
    for (const QByteArray &bad : {one.left(23), zeroSeq, nullTxn, one.repeated(Sync::Wire::maxMarks + 1)}) {
        const Test::Answer<Sync::HandshakeReply> refused = mallory->handshake({}, {}, bad);
        CHECK(refused.status == 400);
        CHECK(refused.code == u"malformed");
    }
    // Marks that disagree with what the server holds under her site: only her own acknowledgement
    // goes down (she would resend her own ops); nobody else's data moves.
    const Test::Answer<Sync::HandshakeReply> lowered = mallory->handshake({}, {}, one);
    REQUIRE(lowered.ok());
    CHECK(lowered.reply.ackedThrough == 0);
    const Test::Answer<Sync::HandshakeReply> honest = mallory->handshake();
    REQUIRE(honest.ok());
    CHECK(honest.reply.ackedThrough == acked);
    d.expectUnchanged(before);
}

TEST_CASE("a laptop whose case was reassigned away cannot take it back nor read the new caseworker's notes",
          "[security][reassignment]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    auto mallory = d.hostile(u"mallory"_s);
    QString createTxn;
    const QString own = mallory->createCase(nullptr, &createTxn);
    REQUIRE(!own.isEmpty());
    const qint64 beforeMove = mallory->stampNow(); // an edit she made before the move-out

    // The office moves the case to budi (another team); he records a note and syncs.
    d.admin({u"assign"_s, u"--case"_s, own, u"--user"_s, u"budi"_s, u"--team"_s, u"Tenggarong"_s});
    auto budi = d.honest(u"budi"_s);
    budi->ok({u"sync"_s, u"now"_s});
    const QString note = budi->ok({u"note"_s, u"add"_s, own},
                                  R"({"written_at": 1795143600000,
                                      "body": "Korban sekarang tinggal di rumah aman"})")
                             .json()
                             .value(u"id"_s)
                             .toString();
    REQUIRE(!note.isEmpty());
    const District::Snapshot before = d.snapshot(*budi, own, {own});

    // Edits she made before the move-out still go in; one stamped after it is out of scope.
    Core::ReplicaOp pending
        = seen(mallory->setOp(u"case"_s, own, own, u"incident_on"_s, u"2026-11-18"_s, newId()));
    pending.hlc = beforeMove;
    pending.base = beforeMove - 1;
    const Core::ReplicaOp late
        = seen(mallory->setOp(u"case"_s, own, own, u"incident_on"_s, u"2026-11-19"_s, newId()));
    const Test::Answer<Sync::PushReply> edits = mallory->push({pending, late});
    REQUIRE(edits.ok());
    const QStringList e = Test::verdicts(edits);
    INFO("verdicts of the edits: " << e.join(u", ").toStdString());
    CHECK(e == QStringList{u"accepted"_s, u"out_of_scope"_s});
    const QStringList acceptedPending = d.peek->opsTouching({own});

    // The attack: the case's assignment back to herself, under the creating action's txn id.
    const Test::Answer<Sync::PushReply> taken
        = mallory->push({mallory->setOp(u"case"_s, own, own, u"assigned_user"_s, u"mallory"_s, createTxn)});
    REQUIRE(taken.ok());
    // Refused as a server-only field, or already because the case is no longer hers and the op
    // is stamped after the move.
    const QStringList t = Test::verdicts(taken);
    REQUIRE(t.size() == 1);
    CHECK(QStringList{u"server_only"_s, u"out_of_scope"_s}.contains(t[0]));
    CHECK(d.peek->caseColumn(own, u"assigned_user"_s).value_or(QString()) == u"budi");

    QByteArray cursor;
    const Test::Answer<Sync::PullReply> pulled = mallory->pullAll(cursor);
    REQUIRE(pulled.ok());
    CHECK_FALSE(anyOpOf(pulled.reply.ops, note));
    CHECK(d.peek->opsTouching({own}) == acceptedPending);
    // Budi's replica and files: the accepted pending edit is the only news he may get.
    const District::Snapshot after = d.snapshot(*budi, own, {own});
    CHECK(after.files == before.files);
    CHECK(after.conflicts == before.conflicts);
    CHECK(after.shown.value(u"assigned_user"_s) == before.shown.value(u"assigned_user"_s));
    CHECK(after.shown.value(u"notes"_s) == before.shown.value(u"notes"_s));
}

TEST_CASE("entity ids that are paths are refused as malformed and no laptop file is created, overwritten or "
          "deleted",
          "[security][paths]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    // The team shares siti's case: budi's laptop, in an attacker's hands, may write to it.
    d.admin({u"assign"_s, u"--case"_s, d.victimCase, u"--team"_s, u"Tenggarong"_s});
    auto budi = d.hostile(u"budi"_s);

    // Where the honest laptop would write <id>.bin: its folder is <root>/p/attachments.
    const QString root = District::laptopFolder(*d.siti);
    const QString unique = QString::number(QDateTime::currentMSecsSinceEpoch());
    const QString bait = QDir(root).filePath(u"bait.bin"_s);
    Test::writeAll(bait, "a file of the laptop's user, beside the profile");
    const QString absolute = QDir::temp().filePath(u"dampingi-abs-"_s + unique);
    const QString above = QFileInfo(root).absolutePath() + u"/dampingi-up-"_s + unique;
    const District::Snapshot before = d.snapshot();

    struct Attempt
    {
        QString id;
        bool content; // its content is uploaded too (a download would write it)
    };
    const QList<Attempt> attempts{{u"../../evil"_s, true},
                                  {u"../../bait"_s, false},
                                  {u"../../../dampingi-up-"_s + unique, true},
                                  {absolute, true},
                                  {u"not-a-uuid"_s, true}};
    for (const Attempt &attempt : attempts) {
        INFO("attachment id " << attempt.id.toStdString());
        const QString txn = newId();
        const Test::Answer<Sync::PushReply> pushed = budi->push(
            {budi->createOp(u"attachment"_s, attempt.id, d.victimCase, txn),
             budi->setOp(u"attachment"_s, attempt.id, d.victimCase, u"file_name"_s, u"surat.pdf"_s, txn),
             budi->setOp(u"attachment"_s, attempt.id, d.victimCase, u"size_bytes"_s, 7, txn)});
        CHECK(pushed.status == 400);
        CHECK(pushed.code == u"malformed");
        // Its content, row or not: refused as malformed too (today: taken once the row is in).
        if (attempt.content) {
            const Test::Answer<Sync::BlobReply> put = budi->putContent(attempt.id, "payload");
            CHECK(put.status == 400);
            CHECK(put.code == u"malformed");
        }
    }
    // Siti syncs (in the snapshot): nothing of it reached her, nothing was written.
    d.expectUnchanged(before);
    CHECK_FALSE(QFile::exists(absolute + u".bin"_s));
    CHECK_FALSE(QFile::exists(above + u".bin"_s));
    CHECK_FALSE(QFile::exists(QDir(root).filePath(u"evil.bin"_s)));

    // The case leaves her scope: the purge deletes her copy's files, and nothing else.
    d.admin({u"assign"_s, u"--case"_s, d.victimCase, u"--user"_s, u"mallory"_s, u"--team"_s, u"Loa Kulu"_s});
    const QJsonObject purged = d.siti->ok({u"sync"_s, u"now"_s}).json();
    CHECK(purged.value(u"purged"_s).toInt() == 1);
    CHECK(QFile::exists(bait));
    const auto files = District::filesAroundProfile(*d.siti);
    CHECK(files.value(u"/bait.bin"_s) == before.files.value(u"/bait.bin"_s));
    CHECK(files.keys() == before.files.keys());
    CHECK_FALSE(QFile::exists(absolute + u".bin"_s));
    CHECK_FALSE(QFile::exists(above + u".bin"_s));
    QFile::remove(absolute + u".bin"_s);
    QFile::remove(above + u".bin"_s);
}

TEST_CASE("a laptop cannot write as a colleague or the supervisor: the author is the device's user",
          "[security][author]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    auto mallory = d.hostile(u"mallory"_s);
    const QString own = mallory->createCase();
    REQUIRE(!own.isEmpty());
    const District::Snapshot before = d.snapshot({own});

    // Edits of her own case signed as siti and as rina.
    Core::ReplicaOp asColleague
        = mallory->setOp(u"case"_s, own, own, u"incident_on"_s, u"2026-11-01"_s, newId());
    asColleague.author = u"siti"_s;
    Core::ReplicaOp asSupervisor = mallory->setOp(u"case"_s, own, own, u"risk_level"_s, u"low"_s, newId());
    asSupervisor.author = u"rina"_s;
    const Test::Answer<Sync::PushReply> signedAs = mallory->push({asColleague, asSupervisor});
    REQUIRE(signedAs.ok());
    CHECK(Test::verdicts(signedAs) == QStringList{u"author"_s, u"author"_s});

    // A new case signed as rina: refused, or hers (mallory's) and never rina's.
    const QString forgedCase = newId();
    const QString txn = newId();
    QList<Core::ReplicaOp> intake = Test::HostileLaptop::oneAction(
        {mallory->createOp(u"case"_s, forgedCase, forgedCase, txn),
         mallory->setOp(u"case"_s, forgedCase, forgedCase, u"intake_channel"_s, u"walk_in"_s, txn)});
    for (Core::ReplicaOp &op : intake)
        op.author = u"rina"_s;
    const Test::Answer<Sync::PushReply> created = mallory->push(intake);
    REQUIRE(created.ok());
    const QStringList c = Test::verdicts(created);
    INFO("verdicts of the forged intake: " << c.join(u", ").toStdString());
    const std::optional<QString> assigned = d.peek->caseColumn(forgedCase, u"assigned_user"_s);
    const std::optional<QString> createdBy = d.peek->caseColumn(forgedCase, u"created_by"_s);
    if (c.value(0) == u"author") {
        CHECK_FALSE(assigned.has_value());
    } else {
        CHECK(assigned.value_or(QString()) == u"mallory");
        CHECK(createdBy.value_or(QString()) == u"mallory");
    }
    CHECK(d.peek->opsTouching({forgedCase}).filter(u" rina "_s).isEmpty());
    d.expectUnchanged(before, {own});
}

TEST_CASE("a revoked laptop's site cannot be enrolled again nor claimed by another device",
          "[security][sites]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    // Budi's old laptop recorded a case, then was lost and revoked.
    auto lost = d.hostile(u"budi"_s);
    const QString lostCase = lost->createCase();
    REQUIRE(!lostCase.isEmpty());
    const QString lostDevice = d.deviceOfSite(lost->site());
    REQUIRE(!lostDevice.isEmpty());
    d.admin({u"device"_s, u"revoke"_s, lostDevice});
    auto mallory = d.hostile(u"mallory"_s);
    const District::Snapshot before = d.snapshot({lostCase});
    const QStringList lostOps = d.peek->opsTouching({lostCase});

    // Her ordinary laptop claims the revoked site in a handshake and in a push.
    CHECK(mallory->handshake({}, lost->site()).status == 403);
    Core::ReplicaOp close = mallory->setOp(u"case"_s, lostCase, lostCase, u"status"_s, u"closed"_s, newId());
    close.site = lost->site();
    close.seq = lost->acked() + 1;
    const Test::Answer<Sync::PushReply> claimed
        = mallory->pushRaw(Sync::PushRequest{lost->site(), {mallory->transit().seal(close)}});
    CHECK(claimed.status == 403);

    // A new laptop enrolling with the revoked site id.
    Test::HostileLaptop thief(d.server->url(), Test::TestCa::sha256OfPem(d.ca.serverChain()));
    const Test::Answer<Sync::EnrollReply> enrolled
        = thief.enroll(d.enrollmentCode(u"mallory"_s), lost->site());
    CHECK(enrolled.status == 403);
    CHECK(enrolled.code == u"enrollment");
    if (enrolled.ok()) {
        // Enrolled all the same: it must inherit nothing of the lost laptop's.
        REQUIRE(thief.handshake().ok());
        const Test::Answer<Sync::PushReply> pushed = thief.push(
            {seen(thief.setOp(u"case"_s, lostCase, lostCase, u"status"_s, u"closed"_s, newId()))});
        CHECK(Test::verdicts(pushed) != QStringList{u"accepted"_s});
        QByteArray cursor;
        CHECK_FALSE(anyOpOf(thief.pullAll(cursor).reply.ops, lostCase));
    }
    CHECK(d.peek->opsTouching({lostCase}) == lostOps);
    d.expectUnchanged(before, {lostCase});
}

TEST_CASE("pull cursors are bound to their device: replayed, foreign or tampered cursors give nothing",
          "[security][cursor]")
{
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO("backend " << backend);
    District d(backend);
    d.admin({u"assign"_s, u"--case"_s, d.victimCase, u"--team"_s, u"Tenggarong"_s});
    auto budi = d.hostile(u"budi"_s); // siti's team: the victim's case is in his scope
    QByteArray budiCursor;
    const Test::Answer<Sync::PullReply> budiPulled = budi->pullAll(budiCursor);
    REQUIRE(budiPulled.ok());
    REQUIRE(anyOpOf(budiPulled.reply.ops, d.victimCase)); // there is something to steal
    auto mallory = d.hostile(u"mallory"_s);
    REQUIRE(!mallory->createCase().isEmpty());
    QByteArray malloryCursor;
    REQUIRE(mallory->pullAll(malloryCursor).ok());
    REQUIRE(!malloryCursor.isEmpty());
    const District::Snapshot before = d.snapshot();

    // Budi's first pull page, replayed with mallory's token: her scope, never his.
    const Sync::Response replayed
        = mallory->post(Sync::Endpoint::pull, Sync::Wire::encode(Sync::PullRequest{{}, 0}), mallory->token());
    Sync::PullReply replayedPage;
    REQUIRE(replayed.status == 200);
    REQUIRE(Sync::Wire::decode(replayed.body, replayedPage).ok());
    CHECK_FALSE(anyOpOf(replayedPage.ops, d.victimCase));

    // Budi's cursor in mallory's hands: refused, in a pull and in a handshake.
    const Test::Answer<Sync::PullReply> foreign = mallory->pull(budiCursor);
    CHECK(foreign.status == 409);
    CHECK(foreign.code == u"cursor");
    CHECK_FALSE(anyOpOf(foreign.reply.ops, d.victimCase));
    const Test::Answer<Sync::HandshakeReply> hello = mallory->handshake(budiCursor);
    REQUIRE(hello.ok());
    CHECK_FALSE(hello.reply.cursorValid);
    // The same, edited to pass for hers: a cursor is readable text today ("c1|epoch|seq|site|
    // site seq|scope generation"), so she gives budi's cursor her own scope generation.
    QList<QByteArray> edited = budiCursor.split('|');
    const QList<QByteArray> hers = malloryCursor.split('|');
    REQUIRE(edited.size() == hers.size());
    edited.last() = hers.last();
    const Test::Answer<Sync::PullReply> disguised = mallory->pull(edited.join('|'));
    CHECK((disguised.status == 409 || disguised.status == 400));
    CHECK_FALSE(anyOpOf(disguised.reply.ops, d.victimCase));
    const Test::Answer<Sync::HandshakeReply> disguisedHello = mallory->handshake(edited.join('|'));
    REQUIRE(disguisedHello.ok());
    CHECK_FALSE(disguisedHello.reply.cursorValid);

    // Her own cursor with a byte flipped, wherever: refused (409 cursor, or 400).
    for (const qsizetype at : {qsizetype(0), malloryCursor.size() / 2, malloryCursor.size() - 1}) {
        QByteArray tampered = malloryCursor;
        tampered[at] = char(tampered[at] ^ 0x01);
        INFO("byte " << at << " flipped");
        const Test::Answer<Sync::PullReply> answer = mallory->pull(tampered);
        CHECK((answer.status == 409 || answer.status == 400));
        CHECK_FALSE(anyOpOf(answer.reply.ops, d.victimCase));
    }
    d.expectUnchanged(before);
}
