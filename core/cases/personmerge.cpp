// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/personmerge.h"

#include "core/cases/recordreader.h"
#include "core/changelog/action.h"
#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/domain/permissions.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

const QString mergedIntoField = u"merged_into"_s;

const EntityDef &personDef()
{
    return *Schema::entity(u"person");
}

// Whether the stamp (hlc, site) is later than `than`; ties by site, as everywhere in sync.
bool later(const FieldClocks::Stamp &stamp, const FieldClocks::Stamp &than)
{
    return stamp.hlc != than.hlc ? stamp.hlc > than.hlc : stamp.site > than.site;
}

} // namespace

PersonMerge::PersonMerge(ChangeLog &log, RecordReader &reader, const Actor &actor)
    : m_log(log)
    , m_reader(reader)
    , m_actor(actor)
{ }

Status PersonMerge::checkSupervisor() const
{
    if (Status s = checkMayRecord(m_actor); !s)
        return s;
    if (!may(m_actor.role, Permission::Merge))
        return Error{Error::Code::Conflict,
                     u"only a supervisor merges or unmerges people"_s,
                     {},
                     Error::Reason::RoleForbidden};
    return {};
}

bool PersonMerge::inCase(const QString &personId, const QString &caseId)
{
    Statement &q = m_log.database().statement(
        u"SELECT 1 FROM case_persons WHERE person_id = ? AND case_id = ? AND deleted = 0"_s);
    q.bind(1, personId);
    q.bind(2, caseId);
    const bool linked = q.next();
    q.reset();
    return linked;
}

Result<QString> PersonMerge::mergedInto(const QString &personId, bool *exists)
{
    Statement &q = m_log.database().statement(u"SELECT merged_into FROM persons WHERE id = ?"_s);
    q.bind(1, personId);
    const bool found = q.next();
    if (!found && q.failed()) {
        const Error error = q.error();
        q.reset();
        return error;
    }
    const QString target = found ? q.text(0) : QString();
    q.reset();
    if (exists)
        *exists = found;
    return target;
}

Result<QString> PersonMerge::canonical(const QString &personId)
{
    QStringList path{personId};
    QString current = personId;
    for (;;) {
        bool exists = false;
        Result<QString> next = mergedInto(current, &exists);
        if (!next)
            return next.error();
        if (!exists)
            return current == personId
                     ? Result<QString>(Error{Error::Code::NotFound, u"person %1 not found"_s.arg(personId)})
                     : Result<QString>(path.at(path.size() - 2));
        if (next->isEmpty())
            return current;
        if (const qsizetype at = path.indexOf(*next); at >= 0) {
            // A cycle (A → B and B → A, merged on two laptops): its smallest id stands for it.
            const QStringList cycle = path.mid(at);
            return *std::min_element(cycle.cbegin(), cycle.cend());
        }
        path << *next;
        current = *next;
    }
}

Result<QStringList> PersonMerge::members(const QString &canonicalId)
{
    // Everyone whose chain leads here: walk merged_into backwards, then keep those whose
    // canonical person is this one (in a cycle, the canonical's own link is ignored).
    QStringList found;
    QSet<QString> seen{canonicalId};
    QStringList queue{canonicalId};
    while (!queue.isEmpty()) {
        const QString id = queue.takeFirst();
        Statement &q = m_log.database().statement(u"SELECT id FROM persons WHERE merged_into = ?"_s);
        q.bind(1, id);
        QStringList into;
        while (q.next())
            into << q.text(0);
        if (q.failed()) {
            const Error error = q.error();
            q.reset();
            return error;
        }
        q.reset();
        for (const QString &member : std::as_const(into)) {
            if (!seen.contains(member)) {
                seen.insert(member);
                queue << member;
                found << member;
            }
        }
    }
    QStringList result{canonicalId};
    std::sort(found.begin(), found.end());
    for (const QString &member : std::as_const(found)) {
        Result<QString> root = canonical(member);
        if (!root)
            return root.error();
        if (*root == canonicalId)
            result << member;
    }
    return result;
}

Result<Record> PersonMerge::resolved(const QString &personId)
{
    Result<QString> root = canonical(personId);
    if (!root)
        return root.error();
    Result<QStringList> ids = members(*root);
    if (!ids)
        return ids.error();
    const EntityDef &person = personDef();
    Result<Record> result = m_reader.find(person, *root, true);
    if (!result)
        return result.error();
    result->fields.remove(mergedIntoField);
    if (ids->size() == 1)
        return result;
    QHash<QString, FieldClocks::Stamp> chosen;
    for (const QString &id : std::as_const(*ids)) {
        Result<Record> member = id == *root ? *result : m_reader.find(person, id, true);
        if (!member)
            return member.error();
        Statement &q = m_log.database().statement(u"SELECT clocks FROM persons WHERE id = ?"_s);
        q.bind(1, id);
        const FieldClocks clocks = FieldClocks::parse(q.next() ? q.text(0) : QString());
        q.reset();
        for (const FieldDef &field : person.fields) {
            if (field.name == mergedIntoField)
                continue;
            const QVariant value = member->fields.value(field.name);
            if (!value.isValid() || value.isNull())
                continue;
            const FieldClocks::Stamp stamp = clocks.field(field.name);
            const auto best = chosen.constFind(field.name);
            if (best != chosen.cend() && !later(stamp, *best))
                continue;
            chosen.insert(field.name, stamp);
            result->fields.insert(field.name, value);
        }
    }
    return result;
}

Status PersonMerge::merge(const QString &caseId, const QString &absorbedId, const QString &survivorId)
{
    if (Status s = checkSupervisor(); !s)
        return s;
    for (const QString &id : {absorbedId, survivorId}) {
        if (!inCase(id, caseId))
            return Error{Error::Code::NotFound, u"person %1 is not part of case %2"_s.arg(id, caseId)};
    }
    Result<QString> target = mergedInto(absorbedId);
    if (!target)
        return target.error();
    if (!target->isEmpty())
        return Error{Error::Code::Conflict,
                     u"person %1 is merged already; unmerge it first"_s.arg(absorbedId),
                     {},
                     Error::Reason::Stale};
    Result<QString> a = canonical(absorbedId), b = canonical(survivorId);
    if (!a)
        return a.error();
    if (!b)
        return b.error();
    if (*a == *b)
        return Error{Error::Code::Conflict,
                     u"the two records already stand for one person"_s,
                     {},
                     Error::Reason::Stale};
    Result<std::unique_ptr<Action>> action = m_log.begin(m_actor.login);
    if (!action)
        return action.error();
    if (Status s = (*action)->update(personDef(), absorbedId, caseId, {{mergedIntoField, survivorId}}); !s)
        return s;
    return (*action)->commit();
}

Status PersonMerge::unmerge(const QString &caseId, const QString &absorbedId)
{
    if (Status s = checkSupervisor(); !s)
        return s;
    bool exists = false;
    Result<QString> target = mergedInto(absorbedId, &exists);
    if (!target)
        return target.error();
    if (!exists)
        return Error{Error::Code::NotFound, u"person %1 not found"_s.arg(absorbedId)};
    if (target->isEmpty())
        return Error{
            Error::Code::Conflict, u"person %1 is not merged"_s.arg(absorbedId), {}, Error::Reason::Stale};
    Result<std::unique_ptr<Action>> action = m_log.begin(m_actor.login);
    if (!action)
        return action.error();
    if (Status s = (*action)->update(personDef(), absorbedId, caseId, {{mergedIntoField, QVariant()}}); !s)
        return s;
    return (*action)->commit();
}

} // namespace Core
