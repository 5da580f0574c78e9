// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/draftstore.h"

#include "core/clock/clock.h"
#include "core/crypto/fieldcipher.h"
#include "core/sql/database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Core {

DraftStore::DraftStore(Database &db, const FieldCipher &cipher, const Clock &clock)
    : m_db(db)
    , m_cipher(cipher)
    , m_clock(clock)
{ }

Status DraftStore::save(const QString &id, const QString &kind, const QString &author,
                        const QJsonObject &content)
{
    const QByteArray plain = QJsonDocument(content).toJson(QJsonDocument::Compact);
    Statement &upsert = m_db.statement(
        u"INSERT INTO drafts (id, kind, created_by, updated_at, sealed) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, sealed = excluded.sealed"_s);
    upsert.bind(1, id);
    upsert.bind(2, kind);
    upsert.bind(3, author);
    upsert.bind(4, m_clock.nowMs());
    upsert.bind(5, m_cipher.seal(plain, FieldCipher::associatedData(u"draft", id, kind)));
    return upsert.exec();
}

Result<QJsonObject> DraftStore::load(const QString &id)
{
    Statement &select = m_db.statement(u"SELECT kind, sealed FROM drafts WHERE id = ?"_s);
    select.bind(1, id);
    if (!select.next()) {
        const Error error
            = select.failed() ? select.error() : Error{Error::Code::NotFound, u"no draft %1"_s.arg(id)};
        select.reset();
        return error;
    }
    const QString kind = select.text(0);
    const QByteArray sealed = select.blob(1);
    select.reset();
    const Result<QByteArray> plain = m_cipher.open(sealed, FieldCipher::associatedData(u"draft", id, kind));
    if (!plain)
        return plain.error();
    return QJsonDocument::fromJson(*plain).object();
}

Status DraftStore::remove(const QString &id)
{
    Statement &remove = m_db.statement(u"DELETE FROM drafts WHERE id = ?"_s);
    remove.bind(1, id);
    return remove.exec();
}

Result<QList<DraftInfo>> DraftStore::list(const QString &author)
{
    Statement &select = m_db.statement(
        u"SELECT id, kind, updated_at FROM drafts WHERE created_by = ? ORDER BY updated_at DESC"_s);
    select.bind(1, author);
    QList<DraftInfo> drafts;
    while (select.next())
        drafts.append({select.text(0), select.text(1), select.int64(2)});
    const bool failed = select.failed();
    const Error error = failed ? select.error() : Error{};
    select.reset();
    if (failed)
        return error;
    return drafts;
}

} // namespace Core
