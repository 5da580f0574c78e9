// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Sync {

// The protocol version a client and server agree on at handshake. Pages carry change ops
// exactly as core's change log stores them (see docs/ARCHITECTURE.md, "Sync").
constexpr int protocolVersion = 1;

// A human-readable summary of what this build speaks: protocol and local schema versions.
QString describeProtocol();

} // namespace Sync
