// SPDX-License-Identifier: GPL-3.0-or-later
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

QStringList resolvedPeople(Laptop &l, QStringList caseIds)
{
    caseIds.sort();
    QStringList lines;
    for (const QString &id : std::as_const(caseIds)) {
        const Core::Result<Core::CaseFile> file = l.f->session->cases().load(id);
        if (!file) {
            lines << id + u" "_s + file.error().detail;
            continue;
        }
        for (const Core::CaseParty &p : file->parties) {
            QStringList fields;
            for (auto it = p.person.fields.cbegin(); it != p.person.fields.cend(); ++it)
                fields << it.key() + u'=' + it.value().toString();
            fields.sort();
            lines << u"%1 %2 %3 %4"_s.arg(id, p.link.text(u"role"_s), p.person.id, fields.join(u','));
        }
    }
    lines.sort();
    return lines;
}

QString Schedule::invariants()
{
    QSqlDatabase server = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sim-%1"_s.arg(m_seed));
    server.setDatabaseName(m_dir.filePath(u"server.db"_s));
    REQUIRE(server.open());
    QString problem;
    const auto report = [&](const QString &what) {
        if (problem.isEmpty())
            problem = what;
    };
    const QList<Sync::ServerDevice> devices = m_store->devices().value();
    // Failure 5: a purged case is erased for real on the server and held by no laptop.
    QSet<QString> purged;
    {
        QSqlQuery q(server);
        REQUIRE(q.exec(u"SELECT case_id FROM purged_cases"_s));
        while (q.next())
            purged.insert(q.value(0).toString());
        REQUIRE(q.exec(u"SELECT count(*) FROM ops WHERE value IS NOT NULL AND case_id IN "
                       "(SELECT case_id FROM purged_cases)"_s));
        REQUIRE(q.next());
        if (q.value(0).toLongLong() != 0)
            report(u"the server keeps %1 values of purged cases"_s.arg(q.value(0).toLongLong()));
        REQUIRE(q.exec(u"SELECT count(*) FROM rejected_ops WHERE reason = 'purged'"_s));
        REQUIRE(q.next());
        trace(u"purged cases %1, ops refused as purged %2"_s.arg(purged.size()).arg(q.value(0).toLongLong()));
    }
    QHash<QString, QSet<QString>> held;
    for (Laptop &l : m_laptops) {
        Core::ChangeLog &log = l.f->profile->changeLog();
        if (l.revoked) {
            // §6: a revoked laptop holds nothing of any case after its next contact.
            for (const QString &table : {u"cases"_s, u"change_ops"_s, u"persons"_s, u"conflicts"_s}) {
                const qint64 n = countRows(l, u"SELECT count(*) FROM "_s + table);
                if (n != 0)
                    report(u"%1: revoked, yet %2 rows in %3"_s.arg(l.name).arg(n).arg(table));
            }
            continue;
        }
        if (log.pendingCount().value() != 0)
            report(u"%1: outbox not drained (%2 left)"_s.arg(l.name).arg(log.pendingCount().value()));
        Core::Replicator r(log);
        if (!r.deferredPurges().value().isEmpty())
            report(u"%1: purges still waiting"_s.arg(l.name));
        // Every committed edit reached the server exactly once (under the laptop's first site,
        // or the one a clone moved to).
        for (const Laptop::Action &action : std::as_const(l.committed)) {
            const QString &txn = action.txn;
            const int count = action.ops;
            QSqlQuery q(server);
            q.prepare(u"SELECT count(*) FROM ops WHERE txn = ?"_s);
            q.addBindValue(txn);
            REQUIRE(q.exec());
            REQUIRE(q.next());
            // A restore may lose acknowledged ops a laptop erased since (its case moved out), edits
            // to a purged case are refused, and so are edits stamped after the case was assigned
            // away from this laptop (docs/SECURITY.md: write access ends at the move-out): then
            // fewer, never more.
            QSqlQuery moved(server);
            moved.prepare(u"SELECT count(*) FROM ops WHERE case_id = ? AND entity = 'case' AND field IN "
                          "('assigned_user', 'assigned_team') AND hlc <= ? AND txn <> ?"_s);
            moved.addBindValue(action.caseId);
            moved.addBindValue(action.hlc);
            moved.addBindValue(txn);
            REQUIRE(moved.exec());
            REQUIRE(moved.next());
            bool movedBefore = moved.value(0).toInt() > 0;
            if (!movedBefore && q.value(0).toInt() == count - 1) {
                // A creator's self-assignment in its create action, sent after the office had
                // assigned the case elsewhere (a push cut between two batches): refused, since
                // the server alone assigns; the rest of the action is there.
                QSqlQuery other(server);
                other.prepare(u"SELECT count(*) FROM ops WHERE case_id = ? AND entity = 'case' AND field IN "
                              "('assigned_user', 'assigned_team') AND txn <> ?"_s);
                other.addBindValue(action.caseId);
                other.addBindValue(txn);
                REQUIRE(other.exec());
                REQUIRE(other.next());
                movedBefore = other.value(0).toInt() > 0;
            }
            const bool wrong = m_restored || purged.contains(action.caseId) || movedBefore
                                 ? q.value(0).toInt() > count
                                 : q.value(0).toInt() != count;
            if (wrong && problem.isEmpty()) {
                problem = u"%1: action %2 has %3 of its %4 ops on the server"_s.arg(l.name, txn)
                              .arg(q.value(0).toInt())
                              .arg(count);
                for (const Core::ConflictRecord &c : r.conflicts(true).value()) {
                    if (c.kind == u"rejected")
                        problem += u"; "_s + c.detail;
                }
            }
        }
        // Each safety conflict flagged exactly once per replica (failure 3).
        {
            Core::Statement &q = l.f->profile->database().statement(
                u"SELECT entity_id, field, loser_site, loser_hlc, count(*) FROM conflicts WHERE resolved_at "
                u"IS NULL "
                "GROUP BY entity_id, field, loser_site, loser_hlc HAVING count(*) > 1"_s);
            if (q.next())
                report(u"%1: a conflict on %2.%3 is flagged %4 times"_s
                           .arg(l.name, q.text(0).left(13), q.text(1))
                           .arg(q.int64(4)));
            q.reset();
        }
        for (const QString &id : std::as_const(purged)) {
            const qint64 n = countRows(
                l,
                u"SELECT (SELECT count(*) FROM change_ops WHERE case_id = '%1') + (SELECT count(*) FROM "
                "conflicts WHERE case_id = '%1') + (SELECT count(*) FROM cases WHERE id = '%1')"_s.arg(id));
            if (n != 0)
                report(u"%1 keeps %2 rows of purged case %3"_s.arg(l.name).arg(n).arg(id));
        }
        if (qEnvironmentVariableIsSet("SIM_TRACE")) {
            int merged = 0, cyclic = 0;
            Core::Statement &q = l.f->profile->database().statement(
                u"SELECT id FROM persons WHERE merged_into IS NOT NULL AND merged_into <> ''"_s);
            QStringList ids;
            while (q.next())
                ids << q.text(0);
            q.reset();
            for (const QString &id : std::as_const(ids)) {
                ++merged;
                const QString root = l.f->session->people().canonical(id).value();
                cyclic
                    += countRows(
                           l,
                           u"SELECT count(*) FROM persons WHERE id = '%1' AND merged_into <> ''"_s.arg(root))
                     > 0;
            }
            trace(u"%1: merged people %2, in a cycle %3"_s.arg(l.name).arg(merged).arg(cyclic));
        }
        // Attachment contents: every file the server holds whole is here, intact, wherever its
        // row is; every file attached here reached the server (unless refused: a purged case).
        {
            QStringList rows;
            Core::Statement &q
                = l.f->profile->database().statement(u"SELECT id FROM attachments WHERE deleted = 0"_s);
            while (q.next())
                rows << q.text(0);
            q.reset();
            for (const QString &id : std::as_const(rows)) {
                QSqlQuery whole(server);
                whole.prepare(u"SELECT 1 FROM blobs b WHERE b.id = ? AND b.parts = "
                              "(SELECT COUNT(*) FROM blob_parts p WHERE p.id = b.id)"_s);
                whole.addBindValue(id);
                REQUIRE(whole.exec());
                const bool atServer = whole.next();
                const Core::Result<QByteArray> here = l.f->session->attachments().read(id);
                if (atServer && (!here || *here != m_files.value(id).first))
                    report(u"%1: attachment %2 %3"_s.arg(l.name, id.left(13),
                                                         here ? u"differs"_s : u"is missing"_s));
                const bool refused
                    = countRows(
                          l,
                          u"SELECT count(*) FROM blob_sync WHERE attachment_id = '%1' AND state = 'refused'"_s
                              .arg(id))
                    > 0;
                if (!atServer && m_files.value(id).second == l.name && !refused)
                    report(u"%1: attachment %2 never reached the server"_s.arg(l.name, id.left(13)));
            }
        }
        // Failure 9: the old client's op was applied under the field's current name.
        if (const qint64 n = countRows(l, u"SELECT count(*) FROM change_ops WHERE field = 'scene'"_s); n != 0)
            report(u"%1 keeps %2 ops under a renamed field's old name"_s.arg(l.name).arg(n));
        // Exactly the cases in scope: nothing out of scope, nothing missing.
        const QString deviceId = deviceOf(l);
        const Sync::ServerDevice *device = nullptr;
        for (const Sync::ServerDevice &d : devices) {
            if (d.id == deviceId)
                device = &d;
        }
        REQUIRE(device);
        QStringList scope = m_store->scope(*device).value();
        scope.sort();
        const QStringList local = localCases(l, true);
        held.insert(l.name, QSet<QString>(local.cbegin(), local.cend()));
        if (scope != local) {
            report(u"%1 holds %2 cases, its scope is %3"_s.arg(l.name).arg(local.size()).arg(scope.size()));
            for (const QString &id : scope)
                if (!local.contains(id))
                    trace(u"%1 misses %2"_s.arg(l.name, id));
            for (const QString &id : local)
                if (!scope.contains(id))
                    trace(u"%1 holds out of scope %2"_s.arg(l.name, id));
        }
        const QByteArray cursor = QByteArray::fromBase64(log.meta(u"sync.cursor"_s).value().toLatin1());
        if (!m_store->cursorValid(cursor, *device).value())
            report(u"%1: cursor is not valid on the server"_s.arg(l.name));
    }
    // Replicas that share cases hold the same rows for them, and the same safety conflicts.
    const auto safety = [](Laptop &l, const QSet<QString> &cases, bool detail = false) {
        QStringList lines;
        Core::Statement &q = l.f->profile->database().statement(
            u"SELECT case_id, entity_id, field, loser_hlc, loser_author, winner_hlc, winner_author, "
            u"winner_site, "
            "loser_site, detail FROM conflicts WHERE kind = 'safety' AND resolved_at IS NULL"_s);
        while (q.next()) {
            if (cases.contains(q.text(0)))
                lines << u"%1 %2 %3 %4"_s.arg(q.text(1), q.text(2)).arg(q.int64(3)).arg(q.text(4))
                             + (detail ? u" winner %1 %2 %3 loser site %4 %5"_s.arg(q.int64(5))
                                             .arg(q.text(6), q.text(7), q.text(8), q.text(9))
                                       : QString());
        }
        q.reset();
        lines.sort();
        return lines;
    };
    for (Laptop &a : m_laptops) {
        for (Laptop &b : m_laptops) {
            if (a.name >= b.name || a.revoked || b.revoked)
                continue;
            QSet<QString> common = held.value(a.name);
            common.intersect(held.value(b.name));
            if (common.isEmpty())
                continue;
            const QStringList ids(common.cbegin(), common.cend());
            const QString da = Test::replicaDigest(*a.f->profile, ids),
                          db = Test::replicaDigest(*b.f->profile, ids);
            // Failure 7: the people of a case as shown, through merges, cycles and unmerges.
            if (resolvedPeople(a, ids) != resolvedPeople(b, ids))
                report(u"%1 and %2 show different people on their shared cases"_s.arg(a.name, b.name));
            if (da != db) {
                report(u"%1 and %2 differ on their %3 shared cases"_s.arg(a.name, b.name).arg(ids.size()));
                if (qEnvironmentVariableIsSet("SIM_TRACE")) {
                    const QStringList la = da.split(u'\n'), lb = db.split(u'\n');
                    for (const QString &line : la)
                        if (!lb.contains(line))
                            qInfo("only %s: %s", qPrintable(a.name), qPrintable(line.left(400)));
                    for (const QString &line : lb)
                        if (!la.contains(line))
                            qInfo("only %s: %s", qPrintable(b.name), qPrintable(line.left(400)));
                }
            }
            // Stricter than "flagged once per replica": every replica holding the case shows the
            // same open safety conflicts. Fails today (a conflict settled by a later edit stays
            // open where the settling edit arrived before the losing one): SIM_STRICT_SAFETY=1.
            if (qEnvironmentVariableIsSet("SIM_STRICT_SAFETY") && safety(a, common) != safety(b, common)) {
                report(u"%1 and %2 flag different safety conflicts"_s.arg(a.name, b.name));
                if (qEnvironmentVariableIsSet("SIM_TRACE"))
                    qInfo("%s\n--\n%s", qPrintable(safety(a, common, true).join(u'\n')),
                          qPrintable(safety(b, common, true).join(u'\n')));
            }
        }
    }
    server.close();
    return problem.isEmpty() ? QString() : fail(problem);
}

} // namespace Sim
