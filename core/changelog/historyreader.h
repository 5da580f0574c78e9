// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QList>
#include <QVariant>

namespace Core {

class Database;
class FieldCipher;

// One field change from the change log, decrypted: who changed what, when, in which action.
struct HistoryEntry
{
    QString siteId;
    qint64 siteSeq = 0;
    QString txnId;
    QString entity;
    QString entityId;
    QString field;
    QString op; // create, set, add, remove
    QVariant value; // decoded by the field's type
    quint64 hlc = 0;
    qint64 atMs = 0; // the HLC's wall part
    QString author;
    quint64 base = 0;
};

// Field-level history of a case, read from the change log (the same ops that sync sends), so
// what a supervisor reviews is exactly what was recorded.
class HistoryReader final
{
public:
    HistoryReader(Database &db, const FieldCipher &cipher);
    Result<QList<HistoryEntry>> forCase(const QString &caseId);

private:
    Database &m_db;
    const FieldCipher &m_cipher;
};

} // namespace Core
