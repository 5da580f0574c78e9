// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "core/result.h"

#include <QDate>
#include <QList>

namespace Core {

class Clock;
class Database;
class RecordReader;

struct DueFollowup
{
    QString id;
    QString caseId;
    QString caseNumber;
    QDate dueOn;
    bool overdue = false; // due before today
    QString description; // decrypted, in memory only
};

struct UrgentCase
{
    QString id;
    QString number;
    QString riskLevel;
    QString status;
};

// A case with no visit yet: waiting for the first outreach visit (penjangkauan).
struct WaitingCase
{
    QString id;
    QString number;
    QString riskLevel;
    QDate reportedOn;
};

// The caseworker's worklist for the home screen: follow-ups due (overdue first) and open
// high-risk cases. Reads only; bounded by `limit`. "Today" is the district's (`time`): a
// follow-up due on 1 January is due at 00:30 WITA, while it is still 31 December in UTC.
class Worklist final
{
public:
    Worklist(Database &db, RecordReader &reader, const Clock &clock, DistrictTime time);

    // Open follow-ups due today or before, oldest first.
    Result<QList<DueFollowup>> followupsDue(int limit = 50);
    // Open cases whose current risk is high (Tinggi) or critical (Kritis), both in one list, the
    // most recently changed first.
    Result<QList<UrgentCase>> urgentCases(int limit = 50);

    // The home page's follow-up buckets: before today, today, and the six days after today.
    enum class Due { Overdue, Today, ThisWeek };
    // Open follow-ups of one bucket, earliest due first (the most overdue first), without their
    // descriptions: the page counts them all and shows a few.
    Result<QList<DueFollowup>> followups(Due due, int limit = 5000);
    // Decrypts the descriptions of the first `count` items, the lines a page shows.
    Status describe(QList<DueFollowup> &items, qsizetype count);
    // Open cases (not closed or transferred) with no visit recorded: the highest risk first,
    // then the longest waiting.
    Result<QList<WaitingCase>> awaitingFirstVisit(int limit = 5000);

private:
    Database &m_db;
    RecordReader &m_reader;
    const Clock &m_clock;
    DistrictTime m_time;
};

} // namespace Core
