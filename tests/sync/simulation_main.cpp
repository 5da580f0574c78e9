// SPDX-License-Identifier: GPL-3.0-or-later
// Runner of the sync simulation: Catch2 plus `--seeds N` (how many schedules) and `--first S`
// (the first seed), so CI runs a fixed block and a person can run thousands more.
#define CATCH_CONFIG_RUNNER
#include "tests/sync/simulation.h"

#include <QCoreApplication>

#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::vector<char *> rest;
    for (int i = 0; i < argc; ++i) {
        if (i + 1 < argc && std::strcmp(argv[i], "--seeds") == 0)
            Sim::settings().seeds = std::atoi(argv[++i]);
        else if (i + 1 < argc && std::strcmp(argv[i], "--first") == 0)
            Sim::settings().first = std::strtoull(argv[++i], nullptr, 10);
        else if (i + 1 < argc && std::strcmp(argv[i], "--steps") == 0)
            Sim::settings().steps = std::atoi(argv[++i]);
        else
            rest.push_back(argv[i]);
    }
    return Catch::Session().run(int(rest.size()), rest.data());
}
