// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/clock/districttime.h"

#include "core/clock/clock.h"
#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// Province codes of the current decree (resources/regions/regions.tsv), in runs of one zone.
struct ProvinceRun
{
    int first;
    int last;
    DistrictTime::Zone zone;
};

constexpr ProvinceRun provinces[] = {
    {11, 19, DistrictTime::Zone::Wib}, // Sumatra: Aceh … Kepulauan Bangka Belitung
    {21, 21, DistrictTime::Zone::Wib}, // Kepulauan Riau
    {31, 36, DistrictTime::Zone::Wib}, // Java: DKI Jakarta … Banten
    {51, 53, DistrictTime::Zone::Wita}, // Bali, Nusa Tenggara Barat, Nusa Tenggara Timur
    {61, 62, DistrictTime::Zone::Wib}, // Kalimantan Barat, Kalimantan Tengah
    {63, 65, DistrictTime::Zone::Wita}, // Kalimantan Selatan, Timur, Utara
    {71, 76, DistrictTime::Zone::Wita}, // Sulawesi Utara … Sulawesi Barat
    {81, 82, DistrictTime::Zone::Wit}, // Maluku, Maluku Utara
    {91, 96, DistrictTime::Zone::Wit}, // Papua … Papua Barat Daya
};

} // namespace

std::optional<DistrictTime::Zone> DistrictTime::zoneOf(QStringView regionCode)
{
    const QStringView code = regionCode.trimmed();
    const auto digit = [&code](qsizetype i) { return code[i] >= u'0' && code[i] <= u'9'; };
    // Two ASCII digits, then nothing, a dot ("64.02") or more digits (a NIK, "640206…").
    if (code.size() < 2 || !digit(0) || !digit(1) || (code.size() > 2 && !digit(2) && code[2] != u'.'))
        return std::nullopt;
    const int province = (code[0].unicode() - u'0') * 10 + (code[1].unicode() - u'0');
    for (const ProvinceRun &run : provinces) {
        if (province >= run.first && province <= run.last)
            return run.zone;
    }
    return std::nullopt;
}

DistrictTime::DistrictTime(QStringView regionCode)
    : m_zone(zoneOf(regionCode).value_or(Zone::Wib))
{
    // A wrong zone shifts "today" by an hour or two around midnight; it must not stop the app.
    if (!zoneOf(regionCode))
        qCWarning(lcProfile) << "district code" << regionCode
                             << "names no known province; showing times in WIB";
}

int DistrictTime::offsetSeconds() const
{
    switch (m_zone) {
    case Zone::Wib:
        return 7 * 3600;
    case Zone::Wita:
        return 8 * 3600;
    case Zone::Wit:
        return 9 * 3600;
    }
    return 7 * 3600;
}

QTimeZone DistrictTime::timeZone() const
{
    // A fixed offset, not "Asia/Makassar": the same on every machine, tz database or not.
    return QTimeZone(offsetSeconds());
}

QString DistrictTime::label() const
{
    switch (m_zone) {
    case Zone::Wib:
        return u"WIB"_s;
    case Zone::Wita:
        return u"WITA"_s;
    case Zone::Wit:
        return u"WIT"_s;
    }
    return u"WIB"_s;
}

QDateTime DistrictTime::dateTime(qint64 msUtc) const
{
    return QDateTime::fromMSecsSinceEpoch(msUtc, timeZone());
}

QDate DistrictTime::today(const Clock &clock) const
{
    return date(clock.nowMs());
}

QString DistrictTime::display(qint64 msUtc, const QLocale &locale) const
{
    return locale.toString(dateTime(msUtc), dateTimeFormat(locale)) + u' ' + label();
}

QString DistrictTime::dateFormat(const QLocale &locale)
{
    // Short formats often have a two-digit year ("dd/MM/yy"); a case file outlives a century's
    // guess, and a birth year of "14" is no year at all.
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(u"yyyy"))
        format.replace(u"yy"_s, u"yyyy"_s);
    return format;
}

QString DistrictTime::dateTimeFormat(const QLocale &locale)
{
    return dateFormat(locale) + u' ' + locale.timeFormat(QLocale::ShortFormat);
}

} // namespace Core
