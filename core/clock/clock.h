// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Core {

// Wall time, injected everywhere logic needs "now" so tests run on a fixed clock.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch (UTC).
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to; for tests and deterministic simulations.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 ms)
        : m_ms(ms)
    { }
    qint64 nowMs() const override { return m_ms; }
    void set(qint64 ms) { m_ms = ms; }
    void advance(qint64 ms) { m_ms += ms; }

private:
    qint64 m_ms;
};

} // namespace Core
