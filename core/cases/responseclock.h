// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantHash>

#include <optional>

namespace Core {

class DistrictTime;

// Where the unit's response time starts for a case (how long until the first visit, the first
// service): the moment the report was received (received_at, UTC ms) when the intake recorded it,
// else the start of the day it was reported on (reported_on) in the district's zone. Nothing for a
// case with neither. Every response figure reads its start from here.
std::optional<qint64> responseStartMs(const QVariantHash &caseFields, const DistrictTime &time);

} // namespace Core
