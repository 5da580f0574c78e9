// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/personmerge.h"
#include "core/domain/record.h"
#include "core/domain/workflow.h"
#include "core/result.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

class QDate;

namespace Core {

class ChangeLog;
class RecordReader;
class Validator;

// A person's part in a case: the link (role, relationship) and the person.
struct PartyInput
{
    QString linkId; // existing link to patch; empty for a new link
    QString personId; // existing person to link or patch; empty to create one
    QVariantHash link;
    QVariantHash person;
    // For a perpetrator in a draft with new victims: the index (in the draft's parties) of the
    // victim the relationship is to, since the victim has no id yet. -1: not given.
    int victimIndex = -1;
};

// What a caseworker enters at intake, or a patch of an existing case.
struct CaseDraft
{
    QVariantHash fields;
    QList<PartyInput> parties;
    std::optional<QVariantHash> risk; // a first risk assessment (intake)
    QString statusReason; // for transitions that need one
};

struct CaseParty
{
    Record link;
    Record person;
};

// Everything about one case, decrypted, for a case workspace or `case show`.
struct CaseFile
{
    Record kase;
    QList<CaseParty> parties;
    QHash<QString, QList<Record>> children; // entity name → records, oldest first
    qint64 unsyncedOps = 0; // this laptop's changes the server has not acknowledged
    qint64 openConflicts = 0; // kept for review (sync): concurrent edits, safety, refusals
};

struct CaseFilter
{
    QString status; // empty: any
    QString violenceType; // a violence_type code the case has
    QString riskLevel; // the case's current risk level
    QString area; // a region code: the incident happened in it (e.g. a kecamatan)
    QString assignedUser; // assigned to this login
    QString overdueOn; // ISO date: only cases with an open follow-up due before it
    std::optional<QStringList> ids; // restrict to these (search results), in this order
    int limit = 100;
    int offset = 0; // for paging through unsearched lists
    bool includeDeleted = false;
};

// Plain (aggregate-safe) columns of a case for lists; no decryption needed.
struct CaseSummary
{
    QString id;
    QString number;
    QString status;
    QString riskLevel;
    QString reportedOn;
    QString incidentRegion;
    QStringList violenceTypes;
    qint64 updatedAt = 0;
};

// Intake, patches and status transitions of cases. Each public write is one Action: the case
// row, its people, the first risk assessment and the status history land together or not at all.
class CaseRepository final
{
public:
    CaseRepository(ChangeLog &log, RecordReader &reader, const Validator &validator, const Actor &actor);

    Result<Record> create(CaseDraft draft);
    Status update(const QString &id, CaseDraft patch);
    Status setDeleted(const QString &id, bool deleted);
    // Takes a person's role out of the case: the link (case_person row) is tombstoned, the person
    // is kept. The case's last victim is refused (Conflict, Reason::LastVictim).
    Status removeParty(const QString &caseId, const QString &linkId);

    // The case with its parties: each person as resolved through merges (PersonMerge), and a
    // person linked twice in one role (two records merged) once.
    Result<CaseFile> load(const QString &id);
    Result<QList<CaseSummary>> list(const CaseFilter &filter);
    // How many cases the filter matches in all (its limit and offset ignored).
    Result<qint64> count(const CaseFilter &filter);
    // Resolves a case id or a case number to the id.
    Result<QString> resolve(const QString &idOrNumber);

private:
    Result<QString> nextNumber(const QString &districtCode, qint64 nowMs);
    // Refuses (Reason::LastVictim) when `leaving`, a link of the case, is its last victim.
    Status keepsAVictim(const QString &caseId, const Record &leaving);
    Status checkRoleChanges(const QString &caseId, const QList<PartyInput> &parties);
    Status writeParties(class Action &action, const QString &caseId, QList<PartyInput> &parties,
                        const QString &incidentOn);
    // The steps of writeParties(), for party `i` of the draft.
    Status resolveLinkedPerson(const QString &caseId, PartyInput &party, qsizetype i);
    // Validates the person's fields; returns the person as it will stand (merged with the stored
    // one when known).
    Result<QVariantHash> validatePerson(const QString &caseId, PartyInput &party, qsizetype i);
    Status writePerson(class Action &action, const QString &caseId, PartyInput &party, qsizetype i,
                       QDate incident);
    Status writeLink(class Action &action, const QString &caseId, QList<PartyInput> &parties, qsizetype i,
                     const QStringList &victims);

    ChangeLog &m_log;
    RecordReader &m_reader;
    const Validator &m_validator;
    const Actor &m_actor;
    PersonMerge m_people; // a case's people are shown through their merges
};

} // namespace Core
