// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic sync simulation: `sync_simulation --seeds N --first S [--steps K]`.
#include "tests/sync/simulation.h"

#include <catch2/catch.hpp>

TEST_CASE("seeded schedules of edits, faults and reassignments converge", "[sync][simulation]")
{
    const Sim::Settings &s = Sim::settings();
    for (std::uint64_t seed = s.first; seed < s.first + std::uint64_t(s.seeds); ++seed) {
        const QString problem = Sim::runSchedule(seed, s.steps);
        INFO("seed " << seed);
        CHECK(problem.toStdString() == std::string());
    }
}
