// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/ctl/ctloptions.h"

// `dampingi-server --data DIR --listen ADDR:PORT ...`: opens the store, builds SyncService and
// the HTTP front, serves until SIGTERM/SIGINT, then drains and closes the store. Prints one JSON
// line {"listening": "ADDR:PORT", "tls": bool} on stdout once it accepts connections.
class ServerRun final
{
public:
    explicit ServerRun(CtlOptions options);
    int run();
    static QString usage();

private:
    CtlOptions m_options;
};
