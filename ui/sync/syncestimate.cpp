// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/syncestimate.h"

#include <cmath>

void SyncEstimate::reset()
{
    m_startMs = -1;
    m_samples.clear();
}

void SyncEstimate::add(qint64 atMs, qint64 bytesDone)
{
    if (!m_samples.isEmpty() && (atMs < m_samples.last().atMs || bytesDone < m_samples.last().bytes))
        reset();
    if (m_startMs < 0)
        m_startMs = atMs;
    m_samples.append({atMs, bytesDone});
    // Keep one sample at or before the window's start, so the window is always spanned whole.
    while (m_samples.size() > 2 && m_samples.at(1).atMs <= atMs - m_options.windowMs)
        m_samples.removeFirst();
}

std::optional<double> SyncEstimate::rate() const
{
    if (m_samples.size() < 2)
        return std::nullopt;
    const Sample &last = m_samples.last();
    if (last.atMs - m_startMs < m_options.warmUpMs)
        return std::nullopt;
    const Sample &first = m_samples.first();
    const qint64 spanMs = last.atMs - first.atMs;
    const qint64 moved = last.bytes - first.bytes;
    if (spanMs <= 0 || moved <= 0)
        return std::nullopt; // a stalled link has no rate to promise anything with
    return double(moved) * 1000.0 / double(spanMs);
}

std::optional<qint64> SyncEstimate::remainingMs(qint64 bytesTotal) const
{
    if (bytesTotal < 0 || m_samples.isEmpty())
        return std::nullopt;
    const qint64 left = bytesTotal - m_samples.last().bytes;
    if (left <= 0)
        return 0;
    const std::optional<double> perSecond = rate();
    if (!perSecond)
        return std::nullopt;
    return qint64(std::ceil(double(left) * 1000.0 / *perSecond));
}
