// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Core {

class Clock;

// A Hybrid Logical Clock stamp: 48 bits of wall milliseconds and a 16-bit counter packed into
// one integer, so stamps compare as integers. Ties between sites are broken by site id (the
// caller compares (stamp, siteId) pairs).
struct HlcStamp
{
    static constexpr int counterBits = 16;
    static constexpr quint64 counterMask = (quint64(1) << counterBits) - 1;
    static constexpr quint64 maxMs = (quint64(1) << 48) - 1;

    quint64 packed = 0;

    static HlcStamp from(quint64 ms, quint64 counter)
    {
        return {(ms << counterBits) | (counter & counterMask)};
    }
    quint64 ms() const { return packed >> counterBits; }
    quint64 counter() const { return packed & counterMask; }
    auto operator<=>(const HlcStamp &) const = default;
};

// The per-site HLC. `now()` returns a stamp strictly greater than every stamp this site has
// issued or seen; `observe()` merges a received stamp. The owner persists `last()` in the same
// transaction as the ops that carry the stamps, so a crash never reissues a stamp.
class HybridLogicalClock final
{
public:
    explicit HybridLogicalClock(const Clock &wall, HlcStamp last = {});

    HlcStamp now();
    void observe(HlcStamp remote);
    HlcStamp last() const { return m_last; }
    // Restarts from a persisted stamp (after loading a store or rolling back).
    void reset(HlcStamp last) { m_last = last; }

private:
    const Clock &m_wall;
    HlcStamp m_last;
};

} // namespace Core
