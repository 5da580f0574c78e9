// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/profile/settings.h"

using namespace Qt::StringLiterals;

namespace Core {

namespace {
const QString languageKey = u"ui/language"_s;
const QString idleLockKey = u"security/idle_lock_minutes"_s;
const QString gpsSourceKey = u"gps/source"_s;
const QString autoSyncKey = u"sync/automatic"_s;
const QString wifiOnlyKey = u"sync/wifi_only"_s;
} // namespace

Settings::Settings(const QString &path, QObject *parent)
    : QObject(parent)
    , m_settings(path, QSettings::IniFormat)
{ }

QString Settings::language() const
{
    const QString value = m_settings.value(languageKey, u"id"_s).toString();
    return value == u"en" ? value : u"id"_s;
}

void Settings::setLanguage(const QString &language)
{
    write(languageKey, language == u"en" ? u"en"_s : u"id"_s);
}

int Settings::idleLockMinutes() const
{
    return qBound(0, m_settings.value(idleLockKey, 10).toInt(), 24 * 60);
}

void Settings::setIdleLockMinutes(int minutes)
{
    write(idleLockKey, qBound(0, minutes, 24 * 60));
}

QString Settings::gpsSource() const
{
    return m_settings.value(gpsSourceKey, u"system"_s).toString();
}

void Settings::setGpsSource(const QString &source)
{
    write(gpsSourceKey, source);
}

bool Settings::autoSync() const
{
    return m_settings.value(autoSyncKey, true).toBool();
}

void Settings::setAutoSync(bool on)
{
    write(autoSyncKey, on);
}

bool Settings::syncWifiOnly() const
{
    return m_settings.value(wifiOnlyKey, false).toBool();
}

void Settings::setSyncWifiOnly(bool on)
{
    write(wifiOnlyKey, on);
}

void Settings::write(const QString &key, const QVariant &value)
{
    if (m_settings.value(key) == value)
        return;
    m_settings.setValue(key, value);
    m_settings.sync();
    emit changed(key);
}

} // namespace Core
