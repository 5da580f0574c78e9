// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/casesyncstate.h"

#include <QCoreApplication>
#include <QIcon>

// How a case's sync state (Core::CaseSyncState) is said and shown, in one place: the case
// file's header, the case list's icon column, its tooltip and accessible text, and the filter.
class SyncStateText final
{
    Q_DECLARE_TR_FUNCTIONS(SyncStateText)

public:
    using Kind = Core::CaseSyncState::Kind;

    // What needs a person first, with counts: "1 change refused by the server · 2 conflicts to
    // review", else "3 changes not yet sent", else "synced".
    static QString sentence(const Core::CaseSyncState &state);
    // The state's name, for a filter: "Not yet sent", "Conflict", "Refused", "Synced".
    static QString name(Kind kind);
    // The icon of the list's column: from the desktop theme, the style's own where it has none.
    static QIcon icon(Kind kind);
};
