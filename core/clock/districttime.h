// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace Core {

class Clock;

// The wall time of the district a profile (or a district server) works in. Time is stored and
// sent as UTC milliseconds; it is shown, compared ("today", "not in the future", "overdue") and
// numbered (the year of a case number) in the district's zone, from here alone.
//
// Indonesia has three zones and no daylight saving time, so each is a fixed offset:
// WIB (UTC+7): Sumatra, Java, Kalimantan Barat and Tengah; WITA (UTC+8): Bali, Nusa Tenggara,
// Kalimantan Selatan, Timur and Utara, Sulawesi; WIT (UTC+9): Maluku and Papua.
class DistrictTime final
{
public:
    enum class Zone { Wib, Wita, Wit };

    // From any Kemendagri region code: its first two digits name the province ("64", "64.02",
    // "6402", a NIK). An unknown or empty code gives WIB and logs a warning.
    explicit DistrictTime(QStringView regionCode);
    explicit DistrictTime(Zone zone)
        : m_zone(zone)
    { }

    // The zone of a region code's province, or nothing for a code naming no province.
    static std::optional<Zone> zoneOf(QStringView regionCode);

    Zone zone() const { return m_zone; }
    int offsetSeconds() const;
    QTimeZone timeZone() const;
    // "WIB", "WITA" or "WIT": the same words in Indonesian and English.
    QString label() const;

    QDateTime dateTime(qint64 msUtc) const;
    QDate date(qint64 msUtc) const { return dateTime(msUtc).date(); }
    QDate today(const Clock &clock) const;
    // A stored instant for people: the locale's short date with a four-digit year, the short
    // time (never seconds or milliseconds), then the zone ("03/12/2026 15.20 WITA").
    QString display(qint64 msUtc, const QLocale &locale) const;

    // How every date is written and typed (shown, and the format of date editors): the locale's
    // short date with a four-digit year ("03/12/2026"), and the same followed by the short time.
    static QString dateFormat(const QLocale &locale);
    static QString dateTimeFormat(const QLocale &locale);

    bool operator==(const DistrictTime &) const = default;

private:
    Zone m_zone;
};

} // namespace Core
