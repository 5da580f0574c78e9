// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/replicas.h"

#include "core/cases/recordreader.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/profile/profile.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Test {

QString replicaDigest(Core::Profile &profile, const QStringList &caseIds)
{
    Core::RecordReader reader(profile.database(), profile.cipher());
    QSet<QString> persons;
    if (!caseIds.isEmpty()) {
        for (const QString &caseId : caseIds) {
            Core::Statement &q
                = profile.database().statement(u"SELECT person_id FROM case_persons WHERE case_id = ?"_s);
            q.bind(1, caseId);
            while (q.next())
                persons.insert(q.text(0));
            q.reset();
        }
    }
    QStringList lines;
    for (const Core::EntityDef &entity : Core::Schema::entities()) {
        Core::Result<QList<Core::Record>> rows = reader.all(entity, true);
        REQUIRE(rows.ok());
        for (const Core::Record &r : *rows) {
            if (!caseIds.isEmpty()) {
                const QString owner = entity.name == u"case" ? r.id : r.caseId;
                if (entity.name == u"person" ? !persons.contains(r.id) : !caseIds.contains(owner))
                    continue;
            }
            QStringList fields;
            for (const Core::FieldDef &f : entity.fields) {
                const QVariant v = r.value(f.name);
                if (!v.isValid() || v.isNull())
                    continue;
                fields << f.name + u'='
                              + QString::fromUtf8(
                                  QJsonDocument::fromVariant(QVariantList{v}).toJson(QJsonDocument::Compact));
            }
            fields.sort();
            lines << u"%1 %2 %3 %4 %5"_s.arg(entity.name, r.id, r.caseId,
                                             r.deleted ? u"deleted"_s : u"live"_s, fields.join(u' '));
        }
    }
    lines.sort();
    return lines.join(u'\n');
}

Core::ApplyStats exchange(Core::Profile &from, Core::Profile &to)
{
    Core::Replicator source(from.changeLog());
    Core::Replicator target(to.changeLog());
    Core::ReplicaPage page;
    // Every op `from` holds, its own and those it received, in its log order.
    Core::Statement &q = from.database().statement(u"SELECT DISTINCT site_id FROM change_ops"_s);
    QStringList sites;
    while (q.next())
        sites << q.text(0);
    q.reset();
    sites.removeAll(from.changeLog().siteId());
    Core::Result<QList<Core::ReplicaOp>> own = source.outbox(0, 1000000);
    REQUIRE(own.ok());
    page.ops = *own;
    REQUIRE(sites.isEmpty()); // relaying others' ops is the server's job
    Core::Result<Core::ApplyStats> stats = target.apply(page);
    REQUIRE(stats.ok());
    return *stats;
}

} // namespace Test
