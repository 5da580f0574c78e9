// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>

namespace Core {

class Clock;
class Database;
class FieldCipher;

struct DraftInfo
{
    QString id;
    QString kind; // "intake", ...
    qint64 updatedAt = 0;
};

// Unfinished forms, saved as the user types so a crash or a flat battery loses nothing. Local
// to this laptop and its user, never replicated; the content is sealed (associated data binds
// id and kind). Each save is one statement, so a draft is whole or absent.
class DraftStore final
{
public:
    DraftStore(Database &db, const FieldCipher &cipher, const Clock &clock);

    Status save(const QString &id, const QString &kind, const QString &author, const QJsonObject &content);
    Result<QJsonObject> load(const QString &id);
    Status remove(const QString &id);
    // The author's drafts, newest first.
    Result<QList<DraftInfo>> list(const QString &author);

private:
    Database &m_db;
    const FieldCipher &m_cipher;
    const Clock &m_clock;
};

} // namespace Core
