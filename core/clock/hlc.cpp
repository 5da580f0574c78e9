// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/hlc.h"

#include "core/clock/clock.h"

#include <algorithm>

namespace Core {

namespace {

quint64 wallMs(const Clock &wall)
{
    // A wall clock before 1970 (a dead RTC battery) is treated as 0; the logical part still
    // keeps stamps monotonic.
    const qint64 ms = wall.nowMs();
    return ms < 0 ? 0 : std::min<quint64>(quint64(ms), HlcStamp::maxMs);
}

// The first stamp of the millisecond after `ms`. 48 bits of milliseconds last until the year
// 10889, so only a corrupt or hostile remote stamp can reach the end; there the largest stamp
// repeats, which is far less harmful than wrapping to zero and losing every later comparison.
HlcStamp nextMillisecond(quint64 ms)
{
    if (ms >= HlcStamp::maxMs)
        return HlcStamp::from(HlcStamp::maxMs, HlcStamp::counterMask);
    return HlcStamp::from(ms + 1, 0);
}

} // namespace

HybridLogicalClock::HybridLogicalClock(const Clock &wall, HlcStamp last)
    : m_wall(wall)
    , m_last(last)
{ }

HlcStamp HybridLogicalClock::now()
{
    const quint64 wall = wallMs(m_wall);
    if (wall > m_last.ms()) {
        m_last = HlcStamp::from(wall, 0);
    } else if (m_last.counter() < HlcStamp::counterMask) {
        m_last = HlcStamp{m_last.packed + 1};
    } else {
        // Counter exhausted within one millisecond: borrow the next millisecond.
        m_last = nextMillisecond(m_last.ms());
    }
    return m_last;
}

void HybridLogicalClock::observe(HlcStamp remote)
{
    const quint64 wall = wallMs(m_wall);
    const quint64 ms = std::max({wall, m_last.ms(), remote.ms()});
    quint64 counter = 0;
    if (ms == m_last.ms() && ms == remote.ms())
        counter = std::max(m_last.counter(), remote.counter()) + 1;
    else if (ms == m_last.ms())
        counter = m_last.counter() + 1;
    else if (ms == remote.ms())
        counter = remote.counter() + 1;
    m_last = counter > HlcStamp::counterMask ? nextMillisecond(ms) : HlcStamp::from(ms, counter);
}

} // namespace Core
