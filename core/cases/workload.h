// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace Core {

class Database;

// One assignee's share of the open cases (not closed or transferred, not deleted).
struct WorkloadRow
{
    QString assignee; // login; empty: not assigned to anyone yet
    int open = 0;
    QMap<QString, int> openByStatus; // status code -> open cases in it
    int highRisk = 0; // open cases whose current risk is high or critical
    int overdueFollowups = 0; // open follow-ups due before today, on any of the assignee's cases
    int neverVisited = 0; // open cases with no visit recorded
    qint64 lastVisitAt = 0; // the newest visit on the assignee's open cases (UTC ms), 0: none
};

// The team's workload for a supervisor's home: per assignee, open cases by status, high-risk
// cases, overdue follow-ups and visits. Aggregates over plain columns only (nothing decrypted),
// a few grouped queries whatever the number of cases; "today" is the district's.
class Workload final
{
public:
    explicit Workload(Database &db);

    // One row per assignee holding an open case or an overdue follow-up, by login.
    Result<QList<WorkloadRow>> load(const QDate &today);

private:
    Database &m_db;
};

} // namespace Core
