// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGeoPositionInfo>
#include <QObject>

#include <memory>

class QFile;
class QGeoPositionInfoSource;

// A source of GPS fixes chosen by the profile's "gps source" setting: the system location
// service, an NMEA receiver on a serial port, or a recorded NMEA log replayed at its recorded
// pace. Never blocks and never throws: a source that cannot be opened is still a provider, and
// it reports why through failed() once start() is called.
class PositionProvider final : public QObject
{
    Q_OBJECT

public:
    enum class Kind { System, Serial, NmeaLog };

    // `source` as Core::Settings::gpsSource() holds it: "system", "serial:<port>" (an empty port
    // looks for a known GPS receiver) or "nmea:<file>". Never null. The caller owns the provider:
    // give a `parent` that outlives the returned pointer, or none.
    static std::unique_ptr<PositionProvider> create(const QString &source, QObject *parent = nullptr);
    ~PositionProvider() override;

    Kind kind() const { return m_kind; }
    // The location_source code a fix from this provider is stored with.
    QString locationSource() const;
    bool isActive() const { return m_active; }

    void start();
    void stop();

    // The newest valid fix, or an invalid QGeoPositionInfo when none came yet.
    QGeoPositionInfo lastFix() const { return m_lastFix; }
    // The reason of the last failure (translated), empty when none.
    QString lastFailure() const { return m_lastFailure; }

signals:
    void fixReceived(const QGeoPositionInfo &fix);
    void failed(const QString &reason);

private:
    PositionProvider(Kind kind, QObject *parent);

    void attach(QGeoPositionInfoSource *source);
    void reportFailure(const QString &reason);
    void onPositionUpdated(const QGeoPositionInfo &info);

    Kind m_kind;
    // Declared before the source: the source reads the file and must be destroyed first.
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<QGeoPositionInfoSource> m_source;
    QString m_setupFailure; // why there is no m_source
    QString m_lastFailure;
    QGeoPositionInfo m_lastFix;
    bool m_active = false;
};
