// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

// How long a running sync still needs, from the bytes it has moved: the rate is a moving average
// over the last `window` milliseconds of samples, so one stalled or fast page on a GPRS link does
// not swing the estimate. No estimate in the first `warmUp` milliseconds (the handshake and TCP
// start make the first rate meaningless), while the total is unknown, or while nothing moves.
// Pure arithmetic on the times it is given: tests feed it times, the panel feeds it a clock.
class SyncEstimate final
{
public:
    struct Options
    {
        qint64 warmUpMs = 5000;
        qint64 windowMs = 20000;
    };

    SyncEstimate() = default;
    explicit SyncEstimate(Options options)
        : m_options(options)
    { }

    // Forgets every sample: a new sync starts.
    void reset();
    // `bytesDone` moved by `atMs` (any monotonic clock). A sample going back in time or in bytes
    // (a new sync without reset) starts over.
    void add(qint64 atMs, qint64 bytesDone);

    // Bytes per second over the window, once past the warm-up; nothing before.
    std::optional<double> rate() const;
    // Milliseconds still needed to reach `bytesTotal` at that rate; nothing when the rate or the
    // total (-1) is unknown. Zero once the total is reached.
    std::optional<qint64> remainingMs(qint64 bytesTotal) const;

private:
    struct Sample
    {
        qint64 atMs;
        qint64 bytes;
    };
    Options m_options;
    qint64 m_startMs = -1;
    QList<Sample> m_samples; // oldest first, trimmed to the window (plus one older sample)
};
