// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/clock.h"

#include <QDateTime>

namespace Core {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Core
