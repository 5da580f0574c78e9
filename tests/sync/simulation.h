// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>

namespace Sim {

struct Settings
{
    int seeds = 50;
    std::uint64_t first = 1;
    int steps = 80;
};

Settings &settings();

// One schedule: laptops and a district server (real SQLite store and SyncService, in this
// process) under a transport that loses, duplicates, replays and truncates pages; seeded random
// edits, reassignments, clock jumps and restarts; then a calm period and the invariants.
// Coverage of the ten failures of docs/ARCHITECTURE.md ("Sync rules and the ten failures"): 1 and 2 (the
// transport: replies lost after commit, duplicates, replays, cut pages), 3 (laptops offline for days, edits
// crowding onto shared cases, the supervisor setting do-not-contact: safety conflicts), 4 (clock jumps), 5
// (deletes and undeletes racing updates; the server's clean-up purging cases deleted more than 4 days ago
// while laptops are offline with edits or undeletes of them), 6
// (reassignments while offline), 8 (a cloned laptop database; a server restored from a backup,
// epochs), 10 (restarts, poison ops pushed through the real service, bounded calm rounds), and
// §6 revocation, and 9 (an old client's op naming a renamed field, pushed through the real
// service among the poison ops; migrations with a non-empty outbox are core tests), and 7 (two
// supervisors merge and unmerge people of shared cases, also A into B against B into A, while
// caseworkers add duplicate victims and edit people, absorbed ones included: every replica
// shows the same people through the merges). Laptops also attach files of up to three parts:
// every content the server holds whole is on every laptop holding its row, intact, and every
// file attached reaches the server unless its row was refused.
// Returns an empty string when every invariant held, else what failed (with the seed).
QString runSchedule(std::uint64_t seed, int steps);

} // namespace Sim
