// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSettings>

namespace Core {

// Typed access to the profile's settings.ini. Keys and defaults live here and nowhere else;
// changes are announced with `changed`. Indonesian is the default language whatever the
// system locale says.
class Settings final : public QObject
{
    Q_OBJECT

public:
    explicit Settings(const QString &path, QObject *parent = nullptr);

    QString language() const; // "id" (default) or "en"
    void setLanguage(const QString &language);
    int idleLockMinutes() const; // 0 = never; default 10
    void setIdleLockMinutes(int minutes);
    QString gpsSource() const; // "system", "serial:<port>", "nmea:<file>"; default "system"
    void setGpsSource(const QString &source);
    // Sync by itself when the district server becomes reachable, after edits and on a schedule;
    // default on. Off for a metered link the office pays by the megabyte.
    bool autoSync() const;
    void setAutoSync(bool on);
    // Automatic syncs only over Wi-Fi or a cable, never mobile data; default off. Applies where
    // the system says which link is in use ("Sync now" always works).
    bool syncWifiOnly() const;
    void setSyncWifiOnly(bool on);

signals:
    void changed(const QString &key);

private:
    void write(const QString &key, const QVariant &value);

    QSettings m_settings;
};

} // namespace Core
