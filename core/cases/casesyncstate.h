// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QHash>
#include <QStringList>

namespace Core {

class ChangeLog;

// Where one case stands between this laptop and the district server. The one rule for which
// state a case is in: the case list's icon, the case file's header and their tests read it here.
struct CaseSyncState
{
    enum class Kind {
        Synced, // nothing of this laptop waits, nothing to review
        Pending, // changes made here the server has not acknowledged yet
        Conflict, // a sync conflict waits for a person (concurrent edits, safety, status, unapplied)
        Refused, // the server refused a change made here (a conflict of kind "rejected")
    };
    qint64 unsent = 0; // this laptop's ops of the case above acked_through
    qint64 conflicts = 0; // open conflicts other than refusals
    qint64 refused = 0; // open conflicts of kind "rejected"

    // What needs a person comes first: a refusal (the change is not at the district at all),
    // then a conflict, then what is merely waiting for a connection.
    Kind kind() const;
};

// Reads the sync state of every case at once. Its cost follows the outbox and the open conflicts,
// not the number of cases: one grouped scan of this site's unacknowledged ops (a range of the
// change log's primary key) and one of the unresolved conflicts, so a list of 20,000 cases needs
// no query per row. Reads only.
class CaseSyncStates final
{
public:
    explicit CaseSyncStates(ChangeLog &log);

    // Changes whenever a case's state may have: this site's last sequence, the acknowledged end
    // of the outbox, and the conflicts' count, last detection and last resolution. Cheap (two
    // meta reads and the small conflicts table), so a list can ask at every keystroke and read
    // all() again only when it changed: all() costs in proportion to the outbox.
    Result<QString> generation();
    // Case id → state, for every case that is not synced (a case absent from the hash is).
    Result<QHash<QString, CaseSyncState>> all();
    Result<CaseSyncState> forCase(const QString &caseId);
    // The cases (not deleted) of `states` (from all()) in `kind`, the most recently updated
    // first, for a list's filter. Synced cases are not in `states`: `Kind::Synced` finds none.
    Result<QStringList> casesIn(const QHash<QString, CaseSyncState> &states, CaseSyncState::Kind kind);

private:
    ChangeLog &m_log;
};

} // namespace Core
