// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic sync simulation: `sync_simulation --seeds N --first S [--steps K]`.
#include "tests/sync/simulation.h"

#include <QtGlobal>

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>

TEST_CASE("seeded schedules of edits, faults and reassignments converge", "[sync][simulation]")
{
    const Sim::Settings &s = Sim::settings();
    // Known failing, not fixed yet (skipped unless SIM_ALL_SEEDS=1, so CI stays meaningful):
    // 256: the two copies of a cloned laptop share one device's scope state; after a clash and a
    // move-in, one copy misses the moved-in case ("siti holds 2 cases, its scope is 3").
    const std::uint64_t knownFailing[] = {256};
    for (std::uint64_t seed = s.first; seed < s.first + std::uint64_t(s.seeds); ++seed) {
        if (!qEnvironmentVariableIsSet("SIM_ALL_SEEDS")
            && std::find(std::begin(knownFailing), std::end(knownFailing), seed) != std::end(knownFailing))
            continue;
        const QString problem = Sim::runSchedule(seed, s.steps);
        INFO("seed " << seed);
        CHECK(problem.toStdString() == std::string());
    }
}
