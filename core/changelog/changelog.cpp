// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/changelog.h"

#include "core/changelog/action.h"
#include "core/changelog/schema.h"
#include "core/crypto/fieldcipher.h"
#include "core/crypto/sodium.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core {

ChangeLog::ChangeLog(Database &db, const FieldCipher &cipher, const Clock &clock)
    : m_db(db)
    , m_cipher(cipher)
    , m_clock(clock)
    , m_hlc(clock)
{ }

Status ChangeLog::initialise(Database &db, const QString &siteId)
{
    QSqlQuery query(db.connection());
    query.prepare(
        u"INSERT INTO meta (key, value) VALUES ('site_id', :site), ('site_seq', '0'), ('hlc', '0')"_s);
    query.bindValue(u":site"_s, siteId);
    if (!query.exec())
        return Database::errorFrom(query);
    return {};
}

QString ChangeLog::newSiteId()
{
    QByteArray raw(8, Qt::Uninitialized);
    randomBytes(raw.data(), size_t(raw.size()));
    return QString::fromLatin1(raw.toHex());
}

QString ChangeLog::newDevicePrefix()
{
    static constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    unsigned char bytes[5];
    randomBytes(bytes, sizeof bytes);
    QString out;
    for (unsigned char b : bytes)
        out.append(QChar::fromLatin1(alphabet[b % 32]));
    return out;
}

Status ChangeLog::refreshFromStore()
{
    // The site id too: a sync on another connection may have given this profile a new one
    // (a cloned database, see Replicator::resite).
    const Result<QString> site = meta(u"site_id"_s);
    if (!site)
        return site.error();
    m_siteId = *site;
    const Result<QString> seq = meta(u"site_seq"_s);
    if (!seq)
        return seq.error();
    const Result<QString> stamp = meta(u"hlc"_s);
    if (!stamp)
        return stamp.error();
    m_seq = seq->toLongLong();
    m_hlc.observe(HlcStamp{stamp->toULongLong()});
    return {};
}

Status ChangeLog::load()
{
    const Result<QString> site = meta(u"site_id"_s);
    if (!site)
        return site.error();
    m_siteId = *site;
    m_hlc.reset({});
    return refreshFromStore();
}

Result<std::unique_ptr<Action>> ChangeLog::begin(const QString &author)
{
    Q_ASSERT(!m_siteId.isEmpty());
    Q_ASSERT(!m_inAction); // one action at a time per connection
    std::unique_ptr<Action> action(new Action(*this, author));
    const bool outermost = m_db.transactionDepth() == 0;
    if (Status began = action->m_txn.begin(); !began)
        return began.error();
    m_inAction = true;
    if (outermost) {
        // Another process (the desktop app and dampingi-ctl on one profile) may have committed
        // since we last looked: with the write lock held, continue from the stored sequence and
        // never below the stored clock. Inside a bulk import the in-memory values are current.
        if (Status s = refreshFromStore(); !s)
            return s.error();
    }
    action->start();
    return action;
}

bool ChangeLog::sealsValue(const QString &entity, const QString &field, int schemaVersion)
{
    const EntityDef *def = Schema::entity(entity);
    const FieldDef *fieldDef
        = def ? def->field(Schema::currentFieldName(entity, field, schemaVersion)) : nullptr;
    return fieldDef && fieldDef->kind == FieldKind::Sensitive;
}

QByteArray ChangeLog::opAssociatedData(const QString &entity, const QString &id, const QString &field,
                                       const QString &site, qint64 seq, const QString &op)
{
    return FieldCipher::associatedData(
        QString(u"op:"_s + entity), id,
        // Schema names, hex site ids, digits: '|' cannot occur in any part.
        QString(field + u'|' + site + u'|' + QString::number(seq) + u'|' + op));
}

Statement &ChangeLog::opInsert()
{
    if (!m_opInsert) {
        m_opInsert = &m_db.statement(
            u"INSERT INTO change_ops (site_id, site_seq, txn_id, entity, entity_id, case_id, field, op, "
            u"value, hlc, "
            "author, base, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    }
    return *m_opInsert;
}

Statement &ChangeLog::rowInsert(const EntityDef &entity)
{
    Statement *&cached = m_rowInserts[&entity];
    if (!cached) {
        QString columns = u"id, created_at, created_by, updated_at, clocks, deleted"_s;
        QString marks = u"?, ?, ?, ?, ?, 0"_s;
        if (entity.caseChild) {
            columns += u", case_id"_s;
            marks += u", ?"_s;
        }
        for (const FieldDef &field : entity.fields) {
            columns += u", "_s + field.name;
            marks += u", ?"_s;
        }
        // Table and column names come from the schema, never from input; values are bound.
        cached = &m_db.statement(u"INSERT INTO "_s + entity.table + u" ("_s + columns + u") VALUES ("_s
                                 + marks + u')');
    }
    return *cached;
}

Result<qint64> ChangeLog::pendingCount()
{
    // This site's sequence is gap-free, so the outbox is the distance between the last
    // sequence written and the last one a server acknowledged: no scan of the change log.
    // The stored sequence, not the cached one: another process may have written since.
    const Result<QString> seq = meta(u"site_seq"_s);
    if (!seq)
        return seq.error();
    const Result<QString> acked = meta(u"acked_through"_s);
    if (!acked && acked.error().code != Error::Code::NotFound)
        return acked.error();
    return seq->toLongLong() - (acked ? acked->toLongLong() : 0);
}

Result<QList<std::pair<qint64, QString>>> ChangeLog::ownMarks(qint64 acked)
{
    QList<std::pair<qint64, QString>> marks;
    Statement &query = m_db.statement(u"SELECT txn_id FROM change_ops WHERE site_id = ? AND site_seq = ?"_s);
    for (qint64 step = 1, seq = acked; seq >= 1; seq = acked - step, step *= 2) {
        query.bind(1, m_siteId);
        query.bind(2, seq);
        if (query.next())
            marks.append({seq, query.text(0)});
        const bool failed = query.failed();
        const Error error = failed ? query.error() : Error{};
        query.reset();
        if (failed)
            return error;
    }
    return marks;
}

Result<QString> ChangeLog::meta(const QString &key)
{
    Statement &query = m_db.statement(u"SELECT value FROM meta WHERE key = ?"_s);
    query.bind(1, key);
    if (!query.next()) {
        const Error error = query.failed() ? query.error()
                                           : Error{Error::Code::NotFound, u"meta key %1 missing"_s.arg(key)};
        query.reset();
        return error;
    }
    QString value = query.text(0);
    query.reset();
    return value;
}

Status ChangeLog::setMeta(const QString &key, const QString &value)
{
    Statement &query = m_db.statement(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.bind(1, key);
    query.bind(2, value.isNull() ? u""_s : value); // an empty value is a value, not NULL
    return query.exec();
}

} // namespace Core
