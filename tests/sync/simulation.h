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
// Returns an empty string when every invariant held, else what failed (with the seed).
QString runSchedule(std::uint64_t seed, int steps);

} // namespace Sim
