// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/clock.h"
#include "core/clock/hlc.h"

#include <catch2/catch.hpp>
#include <limits>

using Core::FixedClock;
using Core::HlcStamp;
using Core::HybridLogicalClock;

namespace {

constexpr qint64 may2024 = 1'714'521'600'000; // 2024-05-01T00:00:00Z in ms

} // namespace

TEST_CASE("stamps pack milliseconds above a 16-bit counter and compare as integers", "[core][hlc]")
{
    const HlcStamp stamp = HlcStamp::from(may2024, 42);
    CHECK(stamp.ms() == quint64(may2024));
    CHECK(stamp.counter() == 42);
    CHECK(stamp.packed == (quint64(may2024) << 16 | 42));
    CHECK(HlcStamp::from(1, HlcStamp::counterMask) < HlcStamp::from(2, 0));
    CHECK(HlcStamp::from(2, 0) < HlcStamp::from(2, 1));
}

TEST_CASE("the first stamp takes the wall clock's milliseconds", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    CHECK(hlc.now() == HlcStamp::from(may2024, 0));
    CHECK(hlc.last() == HlcStamp::from(may2024, 0));
}

TEST_CASE("stamps within one millisecond count up", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    CHECK(hlc.now() == HlcStamp::from(may2024, 0));
    CHECK(hlc.now() == HlcStamp::from(may2024, 1));
    CHECK(hlc.now() == HlcStamp::from(may2024, 2));
}

TEST_CASE("stamps keep increasing when the wall clock steps back", "[core][hlc]")
{
    FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    const HlcStamp before = hlc.now();

    wall.set(may2024 - 3'600'000); // NTP correction: an hour back
    const HlcStamp a = hlc.now();
    const HlcStamp b = hlc.now();
    CHECK(a > before);
    CHECK(b > a);
    CHECK(a.ms() == quint64(may2024)); // holds the highest time seen, counts in the counter
    CHECK(b == HlcStamp::from(may2024, 2));

    // Once the wall clock passes the held time again, stamps follow it.
    wall.set(may2024 + 5);
    CHECK(hlc.now() == HlcStamp::from(may2024 + 5, 0));
}

TEST_CASE("an exhausted counter borrows the next millisecond", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);

    // 65536 stamps fit in one millisecond; the next one moves to the following millisecond.
    HlcStamp previous = hlc.now();
    for (quint64 i = 1; i <= HlcStamp::counterMask; ++i) {
        const HlcStamp next = hlc.now();
        REQUIRE(next > previous);
        previous = next;
    }
    CHECK(previous == HlcStamp::from(may2024, HlcStamp::counterMask));
    CHECK(hlc.now() == HlcStamp::from(may2024 + 1, 0));
    // The wall clock is still behind; the borrowed millisecond keeps counting.
    CHECK(hlc.now() == HlcStamp::from(may2024 + 1, 1));
}

TEST_CASE("a clock resumes after its persisted stamp", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall, HlcStamp::from(may2024 + 1000, 5));
    CHECK(hlc.now() == HlcStamp::from(may2024 + 1000, 6));

    HybridLogicalClock full(wall, HlcStamp::from(may2024, HlcStamp::counterMask));
    CHECK(full.now() == HlcStamp::from(may2024 + 1, 0));
}

TEST_CASE("observing a far-future remote stamp makes later stamps exceed it", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    const HlcStamp local = hlc.now();

    // A peer whose clock runs ten years fast.
    const HlcStamp remote = HlcStamp::from(may2024 + 315'360'000'000, 7);
    hlc.observe(remote);
    CHECK(hlc.last() > remote);
    CHECK(hlc.last() == HlcStamp::from(remote.ms(), 8));

    const HlcStamp next = hlc.now();
    CHECK(next > remote);
    CHECK(next > local);
    CHECK(next == HlcStamp::from(remote.ms(), 9));
}

TEST_CASE("observing an older remote stamp keeps local stamps increasing", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    const HlcStamp local = hlc.now();

    hlc.observe(HlcStamp::from(may2024 - 60'000, 900));
    CHECK(hlc.last() == HlcStamp::from(may2024, 1));
    CHECK(hlc.now() > local);
}

TEST_CASE("observing a stamp in the same millisecond takes the larger counter", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall, HlcStamp::from(may2024, 3));

    hlc.observe(HlcStamp::from(may2024, 9));
    CHECK(hlc.last() == HlcStamp::from(may2024, 10));
    hlc.observe(HlcStamp::from(may2024, 2));
    CHECK(hlc.last() == HlcStamp::from(may2024, 11));

    // A remote counter at its limit borrows the next millisecond instead of overflowing.
    hlc.observe(HlcStamp::from(may2024, HlcStamp::counterMask));
    CHECK(hlc.last() == HlcStamp::from(may2024 + 1, 0));
}

TEST_CASE("observing a stamp when the wall clock is ahead of both follows the wall clock", "[core][hlc]")
{
    FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    (void)hlc.now();
    wall.advance(10);
    hlc.observe(HlcStamp::from(may2024 + 5, 3));
    CHECK(hlc.last() == HlcStamp::from(may2024 + 10, 0));
}

TEST_CASE("a wall clock at or before 1970 still gives increasing stamps", "[core][hlc]")
{
    FixedClock wall(0);
    HybridLogicalClock hlc(wall);

    const HlcStamp a = hlc.now();
    const HlcStamp b = hlc.now();
    CHECK(a > HlcStamp{});
    CHECK(b > a);
    CHECK(a.ms() == 0);

    // A dead RTC battery can report a time before the epoch; it counts as 0, never wraps.
    wall.set(-86'400'000);
    const HlcStamp c = hlc.now();
    CHECK(c > b);
    CHECK(c.ms() == 0);

    HybridLogicalClock fresh(wall);
    CHECK(fresh.now().ms() == 0);

    // When the real time returns, stamps jump to it.
    wall.set(may2024);
    CHECK(hlc.now() == HlcStamp::from(may2024, 0));
}

TEST_CASE("a stamp at the end of the 48-bit range never wraps to zero", "[core][hlc]")
{
    const FixedClock wall(may2024);
    HybridLogicalClock hlc(wall);
    const HlcStamp local = hlc.now();

    // A corrupt or hostile peer sends the largest possible stamp.
    const HlcStamp largest{~quint64(0)};
    hlc.observe(largest);
    CHECK(hlc.last() >= local);
    CHECK(hlc.last().ms() == HlcStamp::maxMs);
    CHECK(hlc.now().ms() == HlcStamp::maxMs);

    // Same from the local side: a persisted stamp at the very end.
    HybridLogicalClock atEnd(wall, largest);
    CHECK(atEnd.now() >= largest);

    // A wall clock beyond the 48-bit range is clamped, not truncated.
    const FixedClock farFuture(std::numeric_limits<qint64>::max());
    HybridLogicalClock clamped(farFuture);
    CHECK(clamped.now().ms() == HlcStamp::maxMs);
}
