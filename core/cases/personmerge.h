// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"
#include "core/domain/workflow.h"
#include "core/result.h"

#include <QString>
#include <QStringList>

namespace Core {

class ChangeLog;
class RecordReader;

// Duplicate people (docs/ARCHITECTURE.md, sync rules): someone entered twice (two laptops took the same
// victim's details offline) is merged by a supervisor. The absorbed record gets `merged_into` = the survivor;
// ids are never rewritten and no row is erased, so:
// - an edit made to the absorbed record by a laptop that had not seen the merge still lands on
//   its own row, and shows in the survivor (resolved() takes each field from whichever member
//   of the merge wrote a value last): late edits are retargeted when read, in any order of
//   arrival, identically on every replica;
// - unmerge() clears `merged_into`: the absorbed person is itself again, late edits included;
// - two supervisors merging A into B and B into A offline make a cycle; canonical() resolves it
//   the same way everywhere (the smallest id of the cycle stands for all of it).
// `merged_into` is a plain last-writer-wins field that only supervisors write (the server
// refuses it from other devices); concurrent merges of one record into two others keep a
// conflict like any concurrent edit. A merge travels with a case (its op carries the case id),
// so both people must belong to that case; merging people of two different cases needs
// person-level scope (not built).
class PersonMerge final
{
public:
    PersonMerge(ChangeLog &log, RecordReader &reader, const Actor &actor);

    // Supervisor only (Conflict otherwise). NotFound when either person is not in the case;
    // Conflict when they already stand for the same person or `absorbedId` is merged already.
    Status merge(const QString &caseId, const QString &absorbedId, const QString &survivorId);
    // Supervisor only. Conflict when the person is not merged.
    Status unmerge(const QString &caseId, const QString &absorbedId);

    // Whether the person is linked to the case (a link not deleted).
    bool inCase(const QString &personId, const QString &caseId);

    // The id of the person this record stands for now (itself when not merged). A target not
    // held here ends the chain.
    Result<QString> canonical(const QString &personId);
    // The people whose records stand for `canonicalId` (itself first, then in id order).
    Result<QStringList> members(const QString &canonicalId);
    // The person `personId` stands for, as one record under the canonical id: every field from
    // the member that wrote a value to it last (by field clock: hlc, then site). Deleted members
    // count, as a deleted record still names the person.
    Result<Record> resolved(const QString &personId);

private:
    Status checkSupervisor() const;
    Result<QString> mergedInto(const QString &personId, bool *exists = nullptr);

    ChangeLog &m_log;
    RecordReader &m_reader;
    const Actor &m_actor;
};

} // namespace Core
