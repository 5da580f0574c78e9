// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/visits/positionprovider.h"

#include <QDir>
#include <QFile>
#include <QGeoPositionInfoSource>
#include <QNmeaPositionInfoSource>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// User Equivalent Range Error of a consumer GPS receiver, in metres (Qt's suggested value). NMEA
// gives only the dilution of precision; Qt turns it into an accuracy of 2 × HDOP × UERE (about a
// 95 % radius) and reports no accuracy at all while the UERE is unset.
constexpr double typicalUere = 5.1;

} // namespace

PositionProvider::PositionProvider(Kind kind, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
{ }

PositionProvider::~PositionProvider() = default;

std::unique_ptr<PositionProvider> PositionProvider::create(const QString &source, QObject *parent)
{
    if (source.startsWith(u"serial:")) {
        std::unique_ptr<PositionProvider> provider(new PositionProvider(Kind::Serial, parent));
        // The Qt nmea plugin owns the serial port (4800 Bd in Qt 6.4), so Dampingi needs no
        // QtSerialPort of its own. "serial:" alone makes the plugin look for a known receiver.
        const QString port = source.mid(7);
        QGeoPositionInfoSource *nmea = QGeoPositionInfoSource::createSource(
            u"nmea"_s, {{u"nmea.source"_s, QVariant(u"serial:"_s + port)}}, nullptr);
        if (nmea)
            provider->attach(nmea);
        else if (port.isEmpty())
            provider->m_setupFailure = tr("No GPS receiver was found on the serial or USB ports.");
        else
            provider->m_setupFailure
                = tr("The GPS receiver on %1 could not be opened. Check that it is plugged in.").arg(port);
        return provider;
    }
    if (source.startsWith(u"nmea:")) {
        std::unique_ptr<PositionProvider> provider(new PositionProvider(Kind::NmeaLog, parent));
        QString path = source.mid(5);
        if (path.startsWith(u"file:"))
            path = QUrl(path).toLocalFile();
        // A recorded log replays in SimulationMode: the first fix comes at once, the next ones at
        // the intervals between their NMEA timestamps.
        provider->m_file = std::make_unique<QFile>(path);
        if (!provider->m_file->open(QIODevice::ReadOnly)) {
            provider->m_setupFailure
                = tr("The NMEA log %1 could not be opened.").arg(QDir::toNativeSeparators(path));
            provider->m_file.reset();
            return provider;
        }
        auto *nmea = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode);
        nmea->setDevice(provider->m_file.get());
        provider->attach(nmea);
        return provider;
    }
    std::unique_ptr<PositionProvider> provider(new PositionProvider(Kind::System, parent));
    if (source != u"system" && !source.isEmpty()) {
        provider->m_setupFailure = tr("The GPS source \"%1\" in the settings is not understood.").arg(source);
        return provider;
    }
    if (QGeoPositionInfoSource *system = QGeoPositionInfoSource::createDefaultSource(nullptr))
        provider->attach(system);
    else
        provider->m_setupFailure = tr("No location service is available on this computer.");
    return provider;
}

void PositionProvider::attach(QGeoPositionInfoSource *source)
{
    m_source.reset(source);
    if (auto *nmea = qobject_cast<QNmeaPositionInfoSource *>(source))
        nmea->setUserEquivalentRangeError(typicalUere);
    connect(source, &QGeoPositionInfoSource::positionUpdated, this, &PositionProvider::onPositionUpdated);
    connect(source, &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error error) {
                switch (error) {
                case QGeoPositionInfoSource::NoError:
                    return;
                case QGeoPositionInfoSource::AccessError:
                    reportFailure(tr("Access to the location service was refused. Allow it in the system "
                                     "settings, or use the village centroid."));
                    return;
                case QGeoPositionInfoSource::ClosedError:
                    reportFailure(tr("The GPS receiver was disconnected."));
                    return;
                case QGeoPositionInfoSource::UpdateTimeoutError:
                    // The source keeps trying; this only says that no fix came in time.
                    reportFailure(tr("No GPS fix yet. Move to open sky and wait a little."));
                    return;
                case QGeoPositionInfoSource::UnknownSourceError:
                    break;
                }
                reportFailure(tr("The GPS source stopped working."));
            });
}

QString PositionProvider::locationSource() const
{
    switch (m_kind) {
    case Kind::Serial:
        return u"gps_serial"_s;
    case Kind::NmeaLog:
        return u"nmea_log"_s;
    case Kind::System:
        break;
    }
    return u"gps_system"_s;
}

void PositionProvider::start()
{
    if (m_active)
        return;
    if (!m_source) {
        // Reported from the event loop, like every other failure, so a caller that connects
        // after start() still hears it.
        QTimer::singleShot(0, this, [this] { reportFailure(m_setupFailure); });
        return;
    }
    m_active = true;
    m_lastFailure.clear();
    // A replayed log delivers its first fix synchronously, from inside startUpdates().
    m_source->startUpdates();
}

void PositionProvider::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_source->stopUpdates();
}

void PositionProvider::reportFailure(const QString &reason)
{
    m_lastFailure = reason;
    emit failed(reason);
}

void PositionProvider::onPositionUpdated(const QGeoPositionInfo &info)
{
    if (!info.isValid())
        return;
    m_lastFix = info;
    m_lastFailure.clear();
    emit fixReceived(info);
}
