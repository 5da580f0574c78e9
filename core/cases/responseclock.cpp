// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/responseclock.h"

#include "core/clock/districttime.h"

#include <QDate>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Core {

std::optional<qint64> responseStartMs(const QVariantHash &caseFields, const DistrictTime &time)
{
    const QVariant received = caseFields.value(u"received_at"_s);
    if (received.isValid() && !received.isNull())
        return received.toLongLong();
    // Cases taken before the time was asked (schema 9) have the day only: its first minute.
    const QDate reported = QDate::fromString(caseFields.value(u"reported_on"_s).toString(), Qt::ISODate);
    if (!reported.isValid())
        return std::nullopt;
    return QDateTime(reported, QTime(0, 0), time.timeZone()).toMSecsSinceEpoch();
}

} // namespace Core
