// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>

namespace Core {

class Database;
class RecordReader;

struct DueFollowup
{
    QString id;
    QString caseId;
    QString caseNumber;
    QDate dueOn;
    QString description; // decrypted, in memory only
};

struct UrgentCase
{
    QString id;
    QString number;
    QString riskLevel;
    QString status;
};

// The caseworker's worklist for the home screen: follow-ups due (overdue first) and open
// high-risk cases. Reads only; bounded by `limit`.
class Worklist final
{
public:
    Worklist(Database &db, RecordReader &reader);

    // Open follow-ups due on or before `today`, oldest first.
    Result<QList<DueFollowup>> followupsDue(const QDate &today, int limit = 50);
    // Open cases whose current risk is high or critical, critical first.
    Result<QList<UrgentCase>> urgentCases(int limit = 50);

private:
    Database &m_db;
    RecordReader &m_reader;
};

} // namespace Core
