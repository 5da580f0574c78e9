// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"
#include "core/domain/workflow.h"
#include "core/result.h"

namespace Core {

class ChangeLog;
class RecordReader;
class Validator;

// Entries recorded on a case after intake: visits, services and referrals, risk assessments,
// case-plan items, follow-ups and notes. Each add or update is one Action. A new risk
// assessment also updates the case's current risk level in the same action; a service's
// status follows referred → accepted → completed (or declined / cancelled).
class ActivityRepository final
{
public:
    ActivityRepository(ChangeLog &log, RecordReader &reader, const Validator &validator, const Actor &actor);

    static bool isActivity(QStringView entity);

    Result<Record> add(QStringView entity, const QString &caseId, QVariantHash values);
    Status update(QStringView entity, const QString &id, QVariantHash changes);

private:
    Status checkService(const QVariantHash &before, QVariantHash &changes, bool insert) const;
    bool isLatestRisk(const QString &caseId, const QString &assessmentId);

    ChangeLog &m_log;
    RecordReader &m_reader;
    const Validator &m_validator;
    const Actor &m_actor;
};

} // namespace Core
