// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/sync/simulation.h"

#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/cases/personmerge.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schematesting.h"
#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"
#include "core/sql/statement.h"
#include "core/util/uuid.h"
#include "sync/client/syncclient.h"
#include "sync/enrollmentcode.h"
#include "sync/protocol.h"
#include "sync/server/admin.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "sync/wire.h"
#include "tests/support/fixtures.h"
#include "tests/support/replicas.h"
#include "tests/sync/simulationparts.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <memory>
#include <random>

using namespace Qt::StringLiterals;

namespace Sim {

Settings &settings()
{
    static Settings s;
    return s;
}

QString metaOf(Laptop &l, const QString &key)
{
    const Core::Result<QString> value = l.f->profile->changeLog().meta(key);
    return value ? *value : QString();
}

QString deviceOf(Laptop &l)
{
    return metaOf(l, u"sync.device"_s);
}

qint64 countRows(Laptop &l, const QString &sql)
{
    Core::Statement &q = l.f->profile->database().statement(sql);
    const qint64 n = q.next() ? q.int64(0) : -1;
    q.reset();
    return n;
}

QStringList localCases(Laptop &l, bool includeDeleted)
{
    QStringList ids;
    Core::Statement &q = l.f->profile->database().statement(
        includeDeleted ? u"SELECT id FROM cases ORDER BY id"_s
                       : u"SELECT id FROM cases WHERE deleted = 0 ORDER BY id"_s);
    while (q.next())
        ids << q.text(0);
    q.reset();
    return ids;
}

void Schedule::edit(Laptop &l)
{
    Core::Session &s = *l.f->session;
    const qint64 before = l.f->profile->changeLog().lastSeq();
    const QStringList cases = localCases(l, false);
    int kind = cases.isEmpty() ? 0 : int(m_rng() % 11);
    if (kind == 10)
        kind = 11; // 10 is a supervisor's merge
    // The supervisors review: a third of their edits set do-not-contact (safety conflicts), a
    // quarter merge or unmerge people (failure 7).
    if (l.role == u"supervisor" && !cases.isEmpty()) {
        const int review = int(m_rng() % 12);
        kind = review < 4 ? 3 : review < 7 ? 10 : kind;
    }
    // Edits crowd onto the first cases of the district (shared, team-assigned, reassigned): two
    // laptops and the supervisor edit the same case for days, deletes race updates (failures 3, 5).
    QStringList hot;
    for (const QString &id : std::as_const(m_knownCases).first(std::min<qsizetype>(3, m_knownCases.size()))) {
        if (cases.contains(id))
            hot << id;
    }
    const QStringList &pool = !hot.isEmpty() && m_rng() % 100 < 60 ? hot : cases;
    const QString target = pool.isEmpty() ? QString() : pool.at(int(m_rng() % quint64(pool.size())));
    Core::Status result;
    Core::CaseDraft patch;
    switch (kind) {
    case 0: {
        if (l.role == u"supervisor")
            return; // supervisors review; caseworkers take intakes
        Core::CaseDraft draft = Test::sampleDraft();
        draft.fields.insert(u"narrative"_s, u"Intake %1 oleh %2"_s.arg(m_edits).arg(l.login));
        Core::Result<Core::Record> created = s.cases().create(std::move(draft));
        result = created ? Core::Status{} : Core::Status{created.error()};
        if (created)
            m_knownCases << created->id;
        break;
    }
    case 1:
        patch.fields.insert(u"narrative"_s, u"Catatan %1 dari %2"_s.arg(m_edits).arg(l.login));
        result = s.cases().update(target, std::move(patch));
        break;
    case 2: {
        static const QStringList scenes{u"household"_s, u"school"_s, u"public_facility"_s, u"workplace"_s};
        patch.fields.insert(u"incident_scene"_s, scenes.at(int(m_rng() % 4)));
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 3:
        patch.fields.insert(u"do_not_contact"_s, bool(m_rng() % 2));
        result = s.cases().update(target, std::move(patch));
        break;
    case 4: {
        static const QStringList types{u"fisik"_s, u"psikis"_s, u"seksual"_s, u"penelantaran"_s};
        QStringList chosen;
        for (const QString &t : types) {
            if (m_rng() % 2)
                chosen << t;
        }
        if (chosen.isEmpty())
            chosen << u"psikis"_s;
        patch.fields.insert(u"violence_types"_s, chosen);
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 5: {
        Core::Result<Core::Record> note
            = s.activities().add(u"note", target,
                                 {{u"written_at"_s, l.f->clock.nowMs()},
                                  {u"body"_s, u"Kunjungan %1 oleh %2"_s.arg(m_edits).arg(l.login)}});
        result = note ? Core::Status{} : Core::Status{note.error()};
        break;
    }
    case 6:
        result = s.cases().setDeleted(target, true);
        break;
    case 8: {
        // The victim entered again on another visit: a duplicate for a supervisor to merge.
        Core::PartyInput again;
        again.link = {{u"role"_s, u"victim"_s}};
        again.person = {{u"name"_s, u"Korban %1"_s.arg(m_edits)}, {u"sex"_s, u"female"_s}};
        patch.parties << again;
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 9: {
        // A phone number for anyone of the case, also a record merged away (seen or not).
        QList<std::pair<QString, QString>> links; // link id, person id as linked
        Core::Statement &q = l.f->profile->database().statement(
            u"SELECT id, person_id FROM case_persons WHERE case_id = ? AND deleted = 0 ORDER BY id"_s);
        q.bind(1, target);
        while (q.next())
            links << std::pair{q.text(0), q.text(1)};
        q.reset();
        if (links.isEmpty())
            return;
        Core::PartyInput edit;
        std::tie(edit.linkId, edit.personId) = links.at(int(m_rng() % quint64(links.size())));
        edit.person = {{u"phone"_s, u"08%1"_s.arg(100000000 + m_edits)}};
        patch.parties << edit;
        result = s.cases().update(target, std::move(patch));
        break;
    }
    case 10:
        result = mergeOrUnmerge(l, target);
        break;
    case 11: {
        // A scan or a photo: up to three parts, its content remembered to check every copy.
        QByteArray content = u"Lampiran %1 oleh %2\n"_s.arg(m_edits).arg(l.login).toUtf8();
        content = content.repeated(1 + int(m_rng() % (3 * Sync::blobPartBytes / content.size())));
        const QString path = m_dir.filePath(u"scan-%1.bin"_s.arg(m_edits));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const Core::Result<Core::Record> added = s.attachments().attach(target, path);
        result = added ? Core::Status{} : Core::Status{added.error()};
        if (added)
            m_files.insert(added->id, {content, l.name});
        QFile::remove(path);
        break;
    }
    default: {
        const QStringList all = localCases(l, true);
        const QString any = all.at(int(m_rng() % quint64(all.size())));
        result = s.cases().setDeleted(any, false);
        break;
    }
    }
    ++m_edits;
    const qint64 after = l.f->profile->changeLog().lastSeq();
    if (qEnvironmentVariableIsSet("SIM_TRACE"))
        qInfo("edit %s kind %d case %s -> seq %lld..%lld %s", qPrintable(l.name), kind,
              qPrintable(target.left(13)), before + 1, after,
              result ? "ok" : qPrintable(result.error().detail));
    if (result && after > before) {
        Core::Statement &q = l.f->profile->database().statement(
            u"SELECT txn_id, count(*), min(case_id), max(hlc) FROM change_ops "
            u"WHERE site_id = ? AND site_seq BETWEEN ? AND ? "
            "GROUP BY txn_id"_s);
        q.bind(1, l.f->profile->changeLog().siteId());
        q.bind(2, before + 1);
        q.bind(3, after);
        while (q.next())
            l.committed << Laptop::Action{q.text(0), int(q.int64(1)), q.text(2), q.int64(3)};
        q.reset();
    }
}

// Failure 7: a supervisor merges two people of a case (in either direction: two supervisors
// offline make A → B and B → A), or undoes a merge.
Core::Status Schedule::mergeOrUnmerge(Laptop &l, const QString &caseId)
{
    Core::Statement &q = l.f->profile->database().statement(
        u"SELECT p.id, p.merged_into FROM persons p JOIN case_persons cp ON cp.person_id = p.id "
        "WHERE cp.case_id = ? AND cp.deleted = 0 ORDER BY p.id"_s);
    q.bind(1, caseId);
    QStringList people, merged;
    while (q.next()) {
        if (!people.contains(q.text(0)))
            people << q.text(0);
        if (!q.isNull(1) && !q.text(1).isEmpty())
            merged << q.text(0);
    }
    q.reset();
    Core::PersonMerge &merges = l.f->session->people();
    if (!merged.isEmpty() && m_rng() % 3 == 0)
        return merges.unmerge(caseId, merged.at(int(m_rng() % quint64(merged.size()))));
    if (people.size() < 2)
        return {};
    const QString a = people.at(int(m_rng() % quint64(people.size())));
    const QString b = people.at(int(m_rng() % quint64(people.size())));
    return merges.merge(caseId, a, b); // refused when a == b or already merged: fine
}

void Schedule::sync(Laptop &l)
{
    if (l.wiped)
        return;
    Sync::SyncClient client(*l.f->profile, *l.link);
    client.pushBatch = 1 + int(m_rng() % 40); // small batches: cuts land mid-outbox
    client.pullPage = 1 + int(m_rng() % 60);
    const Core::Result<Sync::SyncSummary> r
        = client.syncOnce(); // failures are the point; the next sync resumes
    if (l.revoked && metaOf(l, u"sync.last_error"_s) == u"revoked")
        l.wiped = true;
    if (qEnvironmentVariableIsSet("SIM_TRACE"))
        qInfo("sync %s: %s", qPrintable(l.name),
              r ? QJsonDocument(r->toJson()).toJson(QJsonDocument::Compact).constData()
                : qPrintable(r.error().detail));
}

// Failure 8, a laptop database cloned: the profile folder is copied (closed first) and both
// copies run on, with the same site id and device token. The first push that meets the other's
// ops under a (site, seq) gets `site_clash`; that copy moves its unsent ops to a new site id,
// which the server binds to the device on first use.
void Schedule::cloneLaptop(std::size_t index)
{
    Laptop &l = m_laptops.at(index);
    Laptop copy;
    copy.name = l.name + u"'"_s;
    copy.login = l.login;
    copy.role = l.role;
    copy.f = Test::ProfileFixture::cloneOf(*l.f);
    copy.link = std::make_unique<ChaosTransport>(m_service, m_rng);
    copy.revoked = l.revoked;
    copy.wiped = l.wiped;
    trace(u"clone %1 as %2"_s.arg(l.name, copy.name));
    m_laptops.push_back(std::move(copy)); // `l` is not used after this
}

void Schedule::openServer()
{
    m_store = std::move(Sync::ServerStore::open(m_dir.path(), {}).value());
    m_admin = std::make_unique<Sync::Admin>(*m_store, m_serverClock);
    m_service = std::make_unique<Sync::SyncService>(*m_store, m_serverClock);
    cleanUp(); // as dampingi-server does at start (a restored backup may hold purged cases)
}

// Failure 5, tombstone clean-up: cases deleted at the server more than retentionDays ago are
// purged, while laptops may be offline with edits or an undelete of them.
void Schedule::cleanUp()
{
    const QStringList purged = m_admin->purgeDeleted(retentionDays).value();
    if (!purged.isEmpty())
        trace(u"purged %1"_s.arg(purged.join(u' ')));
}

// Failure 8, a server restored from an old backup: a consistent copy of server.db (VACUUM INTO
// from another connection: what is committed, WAL included), later copied back over a closed
// store.
void Schedule::backupServer()
{
    const QString backup = m_dir.filePath(u"backup"_s);
    REQUIRE(QDir().mkpath(backup));
    QFile::remove(QDir(backup).filePath(u"server.db"_s));
    QFile::remove(QDir(backup).filePath(u"server.db-wal"_s));
    const QString connection = u"sim-backup-%1"_s.arg(m_seed);
    {
        QSqlDatabase copier = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        copier.setDatabaseName(m_dir.filePath(u"server.db"_s));
        REQUIRE(copier.open());
        QSqlQuery q(copier);
        REQUIRE(q.exec(u"VACUUM INTO '%1'"_s.arg(QDir(backup).filePath(u"server.db"_s))));
    }
    QSqlDatabase::removeDatabase(connection);
    m_hasBackup = true;
    trace(u"server backup at op %1"_s.arg(m_store->highWatermark().value()));
}

void Schedule::restoreServer()
{
    m_service.reset();
    m_admin.reset();
    m_store.reset();
    const QString backup = m_dir.filePath(u"backup"_s);
    for (const QString &name : {u"server.db"_s, u"server.db-wal"_s, u"server.db-shm"_s})
        QFile::remove(m_dir.filePath(name));
    for (const QString &name : {u"server.db"_s, u"server.db-wal"_s}) {
        if (QFile::exists(QDir(backup).filePath(name)))
            REQUIRE(QFile::copy(QDir(backup).filePath(name), m_dir.filePath(name)));
    }
    openServer();
    m_restored = true;
    trace(u"server restored, now at op %1"_s.arg(m_store->highWatermark().value()));
}

// Failure 10, a poison op: a supervisor's device pushes raw requests through the real service:
// an unknown field, a field of a newer schema, garbage for a sealed value, and a value no
// build can read. The server answers per op and keeps serving; laptops keep what they cannot
// apply as `unapplied` conflicts and their pages still apply.
void Schedule::poison()
{
    // A case the server holds, when there is one (the old client's op must land).
    QStringList atServer;
    for (const QString &id : std::as_const(m_knownCases)) {
        if (m_store->registryNumber(id).ok())
            atServer << id;
    }
    const QStringList &pool = atServer.isEmpty() ? m_knownCases : atServer;
    const QString kase = pool.at(int(m_rng() % quint64(pool.size())));
    const auto op = [&](const QString &field, const QByteArray &value) {
        Sync::WireOp w;
        w.site = m_poisonSite;
        w.seq = ++m_poisonSeq;
        w.txn = Core::newUuidV7(m_serverClock.nowMs());
        w.entity = u"case"_s;
        w.entityId = kase;
        w.caseId = kase;
        w.field = field;
        w.op = u"set"_s;
        w.value = value;
        w.hlc = qint64(Core::HlcStamp::from(quint64(m_serverClock.nowMs()), 0).packed);
        w.author = u"rina"_s;
        w.schemaVersion = Core::Migrations::latestVersion();
        return w;
    };
    Sync::PushRequest push{m_poisonSite, {}};
    push.ops << op(u"favourite_colour"_s, "blue");
    push.ops << op(u"narrative"_s, "from a newer build");
    push.ops.last().schemaVersion = Core::Migrations::latestVersion() + 1;
    push.ops << op(u"narrative"_s, QByteArray(40, '\x5a'));
    push.ops << op(u"do_not_contact"_s, "\xff\xfe garbage");
    // Failure 9, an old client: a build from before `incident_scene` was renamed (m_rename)
    // writes it under its old name. Accepted, and applied to the new field everywhere.
    push.ops << op(u"scene"_s, "school");
    push.ops.last().schemaVersion = Core::Migrations::latestVersion() - 1;
    const Sync::Request request{QByteArray(Sync::Endpoint::push), m_poisonToken, Sync::Wire::encode(push),
                                u"sim"_s};
    const Sync::Response response = m_service->handle(request);
    REQUIRE(response.status == 200);
    Sync::PushReply reply;
    REQUIRE(Sync::Wire::decode(response.body, reply).ok());
    REQUIRE(reply.verdicts.size() == push.ops.size());
    REQUIRE(reply.ackedThrough == m_poisonSeq); // every op judged, none blocks the rest
    CHECK(reply.verdicts.at(0).kind == Sync::Verdict::Kind::Rejected);
    CHECK(reply.verdicts.at(1).reason == u"schema"_s);
    INFO(reply.verdicts.at(4).reason.toStdString());
    CHECK((reply.verdicts.at(4).kind == Sync::Verdict::Kind::Accepted) != atServer.isEmpty());
    trace(u"poison ops on %1"_s.arg(kase.left(13)));
    // And the server still serves.
    REQUIRE(m_service->handle(Sync::Request{QByteArray(Sync::Endpoint::health), {}, {}, u"sim"_s}).status
            == 200);
}

// §6, a revoked device: at its next contact the laptop erases every case, person and op.
void Schedule::revoke(Laptop &l)
{
    const QString device = deviceOf(l);
    REQUIRE(m_admin->revokeDevice(device).ok());
    for (Laptop &other : m_laptops) {
        if (deviceOf(other) == device)
            other.revoked = true; // a clone shares the device
    }
    m_hasBackup = false; // a restore would bring the device back, but its token is gone
    trace(u"revoke %1"_s.arg(l.name));
}

QString Schedule::run(int steps)
{
    REQUIRE(m_dir.isValid());
    REQUIRE(
        Sync::Admin::init(m_dir.path(), {}, u"64.02"_s, Test::officePassphrase, Core::KdfStrength::Minimum)
            .ok());
    openServer();
    m_laptops.reserve(8);
    REQUIRE(m_admin->createTeam(u"Tenggarong"_s).ok());
    REQUIRE(m_admin->createTeam(u"Sangatta"_s).ok());
    const QList<std::pair<QString, QString>> people{{u"siti"_s, u"caseworker"_s},
                                                    {u"budi"_s, u"caseworker"_s},
                                                    {u"ani"_s, u"supervisor"_s},
                                                    {u"dewi"_s, u"supervisor"_s}};
    for (const auto &[login, role] : people) {
        REQUIRE(
            m_admin->createUser(login, login, role, login == u"budi" ? u"Sangatta"_s : u"Tenggarong"_s).ok());
        Laptop l;
        l.name = login;
        l.login = login;
        l.role = role;
        l.f = std::make_unique<Test::ProfileFixture>(
            role == u"supervisor" ? Core::Role::Supervisor : Core::Role::Caseworker, false, login);
        l.f->clock.set(Test::fixedNowMs + qint64(m_rng() % 600'000));
        l.link = std::make_unique<ChaosTransport>(m_service, m_rng);
        l.link->chaos = false;
        Sync::SyncClient client(*l.f->profile, *l.link);
        const Core::Status enrolled
            = client.enroll(u"sim"_s, m_admin->enroll(login, login, Test::officePassphrase).value(), login);
        REQUIRE(enrolled.ok());
        l.link->chaos = true;
        m_laptops.push_back(std::move(l));
    }
    {
        REQUIRE(m_admin->createUser(u"rina"_s, u"rina"_s, u"supervisor"_s, u"Tenggarong"_s).ok());
        const QString code = m_admin->enroll(u"rina"_s, u"poison"_s, Test::officePassphrase).value();
        m_poisonSite = u"b0150a"_s + QString::number(m_seed);
        const Sync::EnrollReply reply
            = m_store
                  ->redeemEnrollment(Sync::EnrollmentCode::parse(code).value().secret, u"poison"_s,
                                     m_poisonSite, m_serverClock.nowMs())
                  .value();
        m_poisonToken = reply.token;
    }
    // Which of the rare events this schedule gets, and when (failures 8, 10 and §6).
    const int cloneAt = m_rng() % 100 < 40 ? int(m_rng() % quint64(steps)) : -1;
    const int backupAt = m_rng() % 100 < 40 ? int(m_rng() % quint64(steps)) : -1;
    const int restoreAt = backupAt >= 0 ? backupAt + 1 + int(m_rng() % quint64(steps)) : -1;
    const int poisonAt = m_rng() % 100 < 30 ? int(m_rng() % quint64(steps)) : -1;
    const int revokeAt = m_rng() % 100 < 20 ? int(m_rng() % quint64(steps)) : -1;

    for (int step = 0; step < steps; ++step) {
        if (step == cloneAt && !m_cloned) {
            m_cloned = true;
            cloneLaptop(m_rng() % m_laptops.size());
        }
        if (step == backupAt)
            backupServer();
        if (step == restoreAt && m_hasBackup)
            restoreServer();
        if (step >= poisonAt && poisonAt >= 0 && !m_poisoned && !m_knownCases.isEmpty()) {
            m_poisoned = true;
            poison();
        }
        if (step == revokeAt && !m_revokedOne) {
            m_revokedOne = true;
            revoke(m_laptops.at(m_rng() % m_laptops.size()));
        }
        Laptop &l = m_laptops.at(m_rng() % m_laptops.size());
        const int roll = int(m_rng() % 100);
        if (l.wiped && roll < 86)
            continue; // a wiped laptop is dead: nothing to edit, nothing to sync
        if (roll < 45) {
            edit(l);
        } else if (roll < 67) {
            if (step >= l.offlineUntil)
                sync(l);
        } else if (roll < 70) {
            // Days in the field without a link (failure 3): no sync for a while.
            l.offlineUntil = step + 10 + int(m_rng() % 30);
            trace(u"%1 offline until step %2"_s.arg(l.name).arg(l.offlineUntil));
        } else if (roll < 75) {
            // Clock chaos: years ahead, years behind, back to 1970, a small step back.
            static const qint64 year = qint64(365) * 24 * 3600 * 1000;
            switch (m_rng() % 4) {
            case 0:
                l.f->clock.advance(5 * year);
                break;
            case 1:
                l.f->clock.advance(-3 * year);
                break;
            case 2:
                l.f->clock.set(0);
                break;
            default:
                l.f->clock.advance(-60'000);
                break;
            }
        } else if (roll < 82 && !m_knownCases.isEmpty()) {
            // The office reassigns a case: to a person, or to a team.
            const QString kase = m_knownCases.at(int(m_rng() % quint64(m_knownCases.size())));
            const int who = int(m_rng() % 4);
            const Core::Status s
                = who < 2 ? m_admin->assignCase(kase, who == 0 ? u"siti"_s : u"budi"_s)
                          : m_admin->assignCase(kase, {}, who == 2 ? u"Tenggarong"_s : u"Sangatta"_s);
            // NotFound: the case has not reached the server yet.
            REQUIRE((s.ok() || s.error().code == Core::Error::Code::NotFound));
            if (qEnvironmentVariableIsSet("SIM_TRACE"))
                qInfo("assign %s to %d", qPrintable(kase.left(13)), who);
        } else if (roll < 86) {
            l.f->reopen(); // the laptop restarts (a flat battery)
        } else {
            // Time passes: minutes to days, everywhere; the server's daily clean-up runs.
            const qint64 by = qint64(m_rng() % (3LL * 24 * 3600 * 1000));
            m_serverClock.advance(by);
            for (Laptop &other : m_laptops)
                other.f->clock.advance(by);
            cleanUp();
        }
    }

    // Calm: the links heal and everyone syncs until nothing moves (bounded: a retry loop that
    // never ends is a failure too).
    for (Laptop &l : m_laptops)
        l.link->chaos = false;
    bool quiet = false;
    for (int round = 0; round < 8 && !quiet; ++round) {
        quiet = true;
        for (Laptop &l : m_laptops) {
            if (l.wiped)
                continue;
            Sync::SyncClient client(*l.f->profile, *l.link);
            Core::Result<Sync::SyncSummary> summary = client.syncOnce();
            if (l.revoked) {
                // Its next contact erases it (an error by design); then it is out of the game.
                if (summary || metaOf(l, u"sync.last_error"_s) != u"revoked")
                    return fail(u"%1: a revoked laptop synced: %2"_s.arg(
                        l.name, summary ? u"ok"_s : summary.error().detail));
                l.wiped = true;
                quiet = false;
                continue;
            }
            if (!summary)
                return fail(u"%1: sync failed on a healed link: %2"_s.arg(l.name, summary.error().detail));
            if (summary->pushed + summary->pulled + summary->purged + summary->duplicates + summary->filesSent
                    + summary->filesReceived
                > 0)
                quiet = false;
        }
    }
    if (!quiet)
        return fail(u"replicas still moving after 8 calm rounds"_s);
    return invariants();
}

QString runSchedule(std::uint64_t seed, int steps)
{
    Schedule schedule(seed);
    return schedule.run(steps);
}

} // namespace Sim
