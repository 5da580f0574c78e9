// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/action.h"

#include "core/changelog/changelog.h"
#include "core/changelog/fieldclocks.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/clock.h"
#include "core/crypto/fieldcipher.h"
#include "core/sql/database.h"
#include "core/sql/migrations.h"
#include "core/util/uuid.h"

#include <QStringBuilder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

QByteArray sealColumn(const FieldCipher &cipher, const EntityDef &entity, const QString &id,
                      const FieldDef &field, const QVariant &value)
{
    const QByteArray plain = ValueCodec::encode(field, value);
    if (plain.isNull())
        return {};
    return cipher.seal(plain, FieldCipher::associatedData(entity.name, id, field.name));
}

QVariant bindable(const FieldCipher &cipher, const EntityDef &entity, const QString &id,
                  const FieldDef &field, const QVariant &value)
{
    if (field.kind == FieldKind::Sensitive) {
        const QByteArray sealed = sealColumn(cipher, entity, id, field, value);
        return sealed.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(sealed);
    }
    return ValueCodec::toColumn(field, value);
}

const QString createField = u"_create"_s;

} // namespace

Action::Action(ChangeLog &log, QString author)
    : m_log(log)
    , m_txn(log.database())
    , m_author(std::move(author))
    , m_startedAt(log.clock().nowMs())
{
    m_txnId = newUuidV7(m_startedAt);
}

void Action::start()
{
    // Called with the write lock held (ChangeLog::begin), after the sequence and clock were
    // brought up to date with what other processes on this profile committed.
    m_seqAtStart = m_log.m_seq;
    m_seq = m_log.m_seq;
    // One stamp per action: all its ops happened "at once" for conflict resolution; their
    // order within the action is the site sequence.
    m_lastStamp = qint64(m_log.m_hlc.now().packed);
}

Action::~Action()
{
    if (!m_committed && m_txn.active()) {
        m_txn.rollback();
        m_log.m_seq = m_seqAtStart; // give the sequence numbers back: the outbox stays gap-free
    }
    m_log.m_inAction = false;
}

Status Action::failIfInjected()
{
    if (m_log.database().faults().shouldFail())
        return Error{Error::Code::StoreUnavailable, u"injected write fault"_s};
    return {};
}

Status Action::appendOp(const EntityDef &entity, const QString &id, const QString &caseId,
                        const QString &field, const QString &op, const QByteArray &encodedValue, qint64 base)
{
    if (Status s = failIfInjected(); !s)
        return s;
    Statement &query = m_log.opInsert();
    ++m_seq;
    query.bind(1, m_log.siteId());
    query.bind(2, m_seq);
    query.bind(3, m_txnId);
    query.bind(4, entity.name);
    query.bind(5, id);
    query.bind(6, caseId.isEmpty() ? QString() : caseId);
    query.bind(7, field);
    query.bind(8, op);
    // Values of sensitive fields are sealed, pinned to this op by the associated data; plain
    // fields are no more secret in the log than in their rows.
    if (encodedValue.isNull())
        query.bindNull(9);
    else if (ChangeLog::sealsValue(entity.name, field, Migrations::latestVersion()))
        query.bind(9,
                   m_log.cipher().seal(encodedValue, ChangeLog::opAssociatedData(entity.name, id, field,
                                                                                 m_log.siteId(), m_seq, op)));
    else
        query.bind(9, encodedValue);
    query.bind(10, m_lastStamp);
    query.bind(11, m_author);
    query.bind(12, base);
    query.bind(13, qint64(Migrations::latestVersion()));
    if (Status s = query.exec(); !s)
        return s;
    return {};
}

Status Action::insert(const EntityDef &entity, const QString &id, const QString &caseId,
                      const QVariantHash &values)
{
    if (Status s = failIfInjected(); !s)
        return s;
    // Every field of a new row has the action's stamp ("*"); set elements are listed, since
    // an element's clock is what add-wins merging compares.
    FieldClocks clocks;
    clocks.setCreated(m_lastStamp, m_log.siteId());
    for (const FieldDef &field : entity.fields) {
        if (field.kind != FieldKind::Set)
            continue;
        for (const QString &element : values.value(field.name).toStringList())
            clocks.setElement(field.name, element, m_lastStamp, m_log.siteId());
    }
    Statement &query = m_log.rowInsert(entity);
    int column = 1;
    query.bind(column++, id);
    query.bind(column++, m_startedAt);
    query.bind(column++, m_author);
    query.bind(column++, m_startedAt);
    query.bind(column++, clocks.toString());
    if (entity.caseChild)
        query.bind(column++, caseId);
    for (const FieldDef &field : entity.fields)
        query.bind(column++, bindable(m_log.cipher(), entity, id, field, values.value(field.name)));
    if (Status s = query.exec(); !s)
        return s;

    // The create op tells a replica the row exists (and under which case) even if every field
    // is empty.
    if (Status s = appendOp(entity, id, caseId, createField, u"create"_s, caseId.toUtf8(), 0); !s)
        return s;
    for (const FieldDef &field : entity.fields) {
        const QVariant value = values.value(field.name);
        if (!value.isValid() || value.isNull())
            continue;
        if (field.kind == FieldKind::Set) {
            QStringList elements = value.toStringList();
            elements.sort();
            elements.removeDuplicates();
            for (const QString &element : std::as_const(elements)) {
                if (Status s = appendOp(entity, id, caseId, field.name, u"add"_s, element.toUtf8(), 0); !s)
                    return s;
            }
            continue;
        }
        if (Status s
            = appendOp(entity, id, caseId, field.name, u"set"_s, ValueCodec::encode(field, value), 0);
            !s)
            return s;
    }
    return {};
}

namespace {

// The stored values of some fields of one row (decoded, decrypted) and the row's clocks.
struct StoredFields
{
    QVariantList values;
    FieldClocks clocks;
};

Result<StoredFields> readStored(Database &db, const FieldCipher &cipher, const EntityDef &entity,
                                const QString &id, const QList<const FieldDef *> &fields)
{
    QStringList names;
    for (const FieldDef *field : fields)
        names << field->name;
    Statement &select = db.statement(u"SELECT "_s % names.join(u", ") % u", clocks FROM "_s % entity.table
                                     % u" WHERE id = ?"_s);
    select.bind(1, id);
    if (!select.next()) {
        const Error error = select.failed()
                              ? select.error()
                              : Error{Error::Code::NotFound, u"%1 %2 not found"_s.arg(entity.name, id)};
        select.reset();
        return error;
    }
    StoredFields stored;
    for (int i = 0; i < fields.size(); ++i) {
        const FieldDef &field = *fields.at(i);
        if (field.kind == FieldKind::Sensitive) {
            if (select.isNull(i)) {
                stored.values << QVariant();
                continue;
            }
            Result<QByteArray> plain
                = cipher.open(select.blob(i), FieldCipher::associatedData(entity.name, id, field.name));
            if (!plain) {
                select.reset();
                return plain.error();
            }
            stored.values << ValueCodec::decode(field, *plain);
        } else {
            stored.values << ValueCodec::fromColumn(field, select.value(i));
        }
    }
    stored.clocks = FieldClocks::parse(select.text(int(fields.size())));
    select.reset();
    return stored;
}

} // namespace

Status Action::update(const EntityDef &entity, const QString &id, const QString &caseId,
                      const QVariantHash &changes)
{
    QList<const FieldDef *> fields;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const FieldDef *field = entity.field(it.key());
        Q_ASSERT(field); // the validator rejects unknown fields
        if (!field)
            return Error{Error::Code::Internal, u"unknown field %1.%2"_s.arg(entity.name, it.key())};
        fields << field;
    }
    if (fields.isEmpty())
        return {};
    // The current values of the fields being changed: only real changes are written, and set
    // differences become element ops.
    Result<StoredFields> stored = readStored(m_log.database(), m_log.cipher(), entity, id, fields);
    if (!stored)
        return stored.error();
    FieldClocks &clocks = stored->clocks;

    QStringList assignments;
    QVariantList binds;
    for (int i = 0; i < fields.size(); ++i) {
        const FieldDef &field = *fields.at(i);
        const QVariant &before = stored->values.at(i);
        const QVariant &next = changes.value(field.name);
        if (ValueCodec::same(field, before, next))
            continue;
        assignments << field.name + u" = ?"_s;
        binds << bindable(m_log.cipher(), entity, id, field, next);
        if (field.kind == FieldKind::Set) {
            if (Status s = appendSetChanges(entity, id, caseId, field, before.toStringList(),
                                            next.toStringList(), clocks);
                !s)
                return s;
            continue;
        }
        const qint64 base = clocks.field(field.name).hlc;
        if (Status s
            = appendOp(entity, id, caseId, field.name, u"set"_s, ValueCodec::encode(field, next), base);
            !s)
            return s;
        clocks.setField(field.name, m_lastStamp, m_log.siteId());
    }
    if (assignments.isEmpty())
        return {};
    if (Status s = failIfInjected(); !s)
        return s;
    Statement &write
        = m_log.database().statement(u"UPDATE "_s % entity.table % u" SET "_s % assignments.join(u", ")
                                     % u", clocks = ?, updated_at = ? WHERE id = ?"_s);
    int column = 1;
    for (const QVariant &bind : std::as_const(binds))
        write.bind(column++, bind);
    write.bind(column++, clocks.toString());
    write.bind(column++, m_startedAt);
    write.bind(column++, id);
    return write.exec();
}

Status Action::appendSetChanges(const EntityDef &entity, const QString &id, const QString &caseId,
                                const FieldDef &field, const QStringList &before, QStringList after,
                                FieldClocks &clocks)
{
    after.removeDuplicates();
    for (const QString &element : std::as_const(after)) {
        if (before.contains(element))
            continue;
        const qint64 base = clocks.element(field.name, element).hlc;
        if (Status s = appendOp(entity, id, caseId, field.name, u"add"_s, element.toUtf8(), base); !s)
            return s;
        clocks.setElement(field.name, element, m_lastStamp, m_log.siteId());
    }
    for (const QString &element : before) {
        if (after.contains(element))
            continue;
        const qint64 base = clocks.element(field.name, element).hlc;
        if (Status s = appendOp(entity, id, caseId, field.name, u"remove"_s, element.toUtf8(), base); !s)
            return s;
        // The element's clock stays that of the add this remove saw (add-wins merging, see
        // Replicator): a concurrent add elsewhere is newer and brings it back.
    }
    return {};
}

Status Action::setDeleted(const EntityDef &entity, const QString &id, const QString &caseId, bool deleted)
{
    FieldClocks clocks;
    {
        Statement &select
            = m_log.database().statement(u"SELECT clocks FROM "_s % entity.table % u" WHERE id = ?"_s);
        select.bind(1, id);
        if (!select.next()) {
            const Error error = select.failed()
                                  ? select.error()
                                  : Error{Error::Code::NotFound, u"%1 %2 not found"_s.arg(entity.name, id)};
            select.reset();
            return error;
        }
        clocks = FieldClocks::parse(select.text(0));
        select.reset();
    }
    const qint64 base = clocks.field(u"deleted"_s).hlc;
    clocks.setField(u"deleted"_s, m_lastStamp, m_log.siteId());
    if (Status s = failIfInjected(); !s)
        return s;
    Statement &write = m_log.database().statement(
        u"UPDATE "_s % entity.table % u" SET deleted = ?, clocks = ?, updated_at = ? WHERE id = ?"_s);
    write.bind(1, qint64(deleted ? 1 : 0));
    write.bind(2, clocks.toString());
    write.bind(3, m_startedAt);
    write.bind(4, id);
    if (Status s = write.exec(); !s)
        return s;
    return appendOp(entity, id, caseId, u"deleted"_s, u"set"_s, deleted ? "1"_ba : "0"_ba, base);
}

Status Action::commit()
{
    Q_ASSERT(!m_committed);
    // The sequence and the clock are persisted in the same transaction as the ops that use
    // them: after a crash the site never reissues a (site, seq) pair or an older stamp.
    if (Status s = failIfInjected(); !s)
        return s;
    if (Status s = m_log.setMeta(u"site_seq"_s, QString::number(m_seq)); !s)
        return s;
    if (Status s = m_log.setMeta(u"hlc"_s, QString::number(m_lastStamp)); !s)
        return s;
    if (Status s = m_txn.commit(); !s)
        return s;
    m_committed = true;
    m_log.m_seq = m_seq;
    return {};
}

} // namespace Core
