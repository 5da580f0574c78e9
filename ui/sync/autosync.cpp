// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/autosync.h"

#include "core/profile/settings.h"
#include "ui/sync/syncrunner.h"

#include <QNetworkInformation>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using Reachability = QNetworkInformation::Reachability;

namespace {

// The system's network information, loaded once per process; null where no backend is present.
QNetworkInformation *systemNetwork()
{
    if (!QNetworkInformation::instance())
        QNetworkInformation::loadDefaultBackend();
    return QNetworkInformation::instance();
}

} // namespace

AutoSync::AutoSync(SyncRunner &runner, Core::ChangeLog &log, Core::Settings &settings, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_log(log)
    , m_settings(settings)
    , m_probe(&SyncRunner::httpProbe)
    , m_probeTimer(new QTimer(this))
    , m_editTimer(new QTimer(this))
    , m_scheduleTimer(new QTimer(this))
    , m_backoff(m_timings.backoffMin)
{
    setObjectName(u"autoSync"_s);
    m_probeTimer->setSingleShot(true);
    m_editTimer->setSingleShot(true);
    connect(m_probeTimer, &QTimer::timeout, this, &AutoSync::probe);
    connect(m_editTimer, &QTimer::timeout, this, &AutoSync::trySync);
    connect(m_scheduleTimer, &QTimer::timeout, this, &AutoSync::trySync);
    connect(&m_runner, &SyncRunner::finished, this, [this] { runFinished(true); });
    connect(&m_runner, &SyncRunner::failed, this, [this] { runFinished(false); });
    connect(&m_runner, &SyncRunner::enrolled, this, &AutoSync::restart);
    connect(&m_settings, &Core::Settings::changed, this, [this] {
        if (m_settings.autoSync() != m_enabled)
            restart(); // turned on or off; "only on Wi-Fi" is read at each sync
    });
    // Started from the event loop: a test (or the window) sets timings and a probe first.
    QTimer::singleShot(0, this, &AutoSync::restart);
}

AutoSync::~AutoSync()
{
    if (m_probeThread) {
        m_probeThread->wait(); // the probe's timeouts bound this
        delete m_probeThread;
    }
}

void AutoSync::setTimings(const Timings &timings)
{
    m_timings = timings;
    restart();
}

void AutoSync::setProbe(Probe probe)
{
    m_probe = std::move(probe);
    restart();
}

void AutoSync::restart()
{
    m_probeTimer->stop();
    m_scheduleTimer->stop();
    m_reachable = false;
    m_backoff = m_timings.backoffMin;
    m_enabled = m_settings.autoSync();
    if (!m_enabled || m_locked)
        return;
    watchSystem();
    probeSoon(m_timings.firstProbe);
}

void AutoSync::watchSystem()
{
    QNetworkInformation *info = m_timings.systemNetwork ? systemNetwork() : nullptr;
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability))
        return;
    // Unique: restart() runs often, the connection is made once.
    connect(
        info, &QNetworkInformation::reachabilityChanged, this,
        [this](Reachability now) {
            if (!m_timings.systemNetwork || !m_settings.autoSync() || m_locked)
                return;
            if (now == Reachability::Disconnected) {
                m_reachable = false;
                m_scheduleTimer->stop();
                m_probeTimer->stop();
            } else if (now != Reachability::Unknown && !m_reachable) {
                m_backoff = m_timings.backoffMin; // a new link: ask the server now
                probeSoon(std::chrono::milliseconds(0));
            }
        },
        Qt::UniqueConnection);
}

bool AutoSync::allowed() const
{
    if (!m_settings.autoSync() || m_locked)
        return false;
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_log);
    return config && config->enrolled();
}

bool AutoSync::linkAllowed() const
{
    if (!m_settings.syncWifiOnly() || !m_timings.systemNetwork)
        return true;
    const QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return true; // the system cannot tell: the setting is shown as not available
    // A phone's hotspot is Wi-Fi to the laptop; where the system knows it is metered, it is not.
    if (info->supports(QNetworkInformation::Feature::Metered) && info->isMetered())
        return false;
    if (!info->supports(QNetworkInformation::Feature::TransportMedium))
        return true;
    const QNetworkInformation::TransportMedium medium = info->transportMedium();
    return medium == QNetworkInformation::TransportMedium::WiFi
        || medium == QNetworkInformation::TransportMedium::Ethernet;
}

bool AutoSync::canTellTransport()
{
    const QNetworkInformation *info = systemNetwork();
    return info && info->supports(QNetworkInformation::Feature::TransportMedium);
}

void AutoSync::probeSoon(std::chrono::milliseconds delay)
{
    if (!m_probeThread)
        m_probeTimer->start(delay);
}

void AutoSync::probe()
{
    if (m_probeThread || !allowed())
        return;
    const QNetworkInformation *info = m_timings.systemNetwork ? QNetworkInformation::instance() : nullptr;
    if (info && info->supports(QNetworkInformation::Feature::Reachability)
        && info->reachability() == Reachability::Disconnected)
        return; // no link at all: reachabilityChanged wakes us
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_log);
    if (!config)
        return;
    ++m_probes;
    auto reachable = std::make_shared<std::atomic_bool>(false);
    m_probeThread
        = QThread::create([probe = m_probe, config = *config, reachable] { *reachable = probe(config); });
    connect(m_probeThread, &QThread::finished, this, [this, reachable] {
        m_probeThread->deleteLater();
        m_probeThread = nullptr;
        probed(*reachable);
    });
    m_probeThread->start();
}

void AutoSync::probed(bool reachable)
{
    if (!m_settings.autoSync() || m_locked)
        return; // turned off or locked meanwhile: restart() probes again when it may
    if (!reachable) {
        m_reachable = false;
        probeSoon(m_backoff);
        m_backoff = std::min(m_backoff * 2, m_timings.backoffMax);
        return;
    }
    m_backoff = m_timings.backoffMin;
    const bool appeared = !std::exchange(m_reachable, true);
    if (!m_scheduleTimer->isActive())
        m_scheduleTimer->start(m_timings.schedule);
    if (appeared) {
        emit connectionAppeared();
        trySync();
    }
}

void AutoSync::noteEdit()
{
    if (m_settings.autoSync())
        m_editTimer->start(m_timings.editIdle);
}

void AutoSync::setLocked(bool locked)
{
    if (locked == m_locked)
        return;
    m_locked = locked;
    if (locked) {
        m_probeTimer->stop();
        m_scheduleTimer->stop();
        if (m_editTimer->isActive()) {
            m_editTimer->stop();
            m_wanted = true;
        }
        return;
    }
    // Unlocked, maybe hours later: find out afresh whether the server is there; the sync that
    // follows carries the edits made before the lock.
    restart();
}

void AutoSync::trySync()
{
    if (!allowed() || !m_reachable) {
        m_wanted = m_wanted || m_locked;
        return; // unreachable: the probe finds the server, and that sync carries everything
    }
    if (!linkAllowed())
        return;
    if (m_runner.running()) {
        m_wanted = true; // after this run, once more: an edit came while it worked
        return;
    }
    m_wanted = false;
    m_runner.syncNow();
}

void AutoSync::runFinished(bool ok)
{
    const Core::Error &error = m_runner.lastError();
    if (!ok && error.code == Core::Error::Code::Unreachable
        && error.reason != Core::Error::Reason::Cancelled) {
        // The server went away (or asked us to slow down): back to probing, with backoff.
        m_reachable = false;
        m_scheduleTimer->stop();
        probeSoon(m_backoff);
        m_backoff = std::min(m_backoff * 2, m_timings.backoffMax);
        return;
    }
    if (ok && !m_locked && m_settings.autoSync()) {
        m_reachable = true;
        m_probeTimer->stop();
        m_backoff = m_timings.backoffMin;
        if (!m_scheduleTimer->isActive())
            m_scheduleTimer->start(m_timings.schedule);
    }
    if (std::exchange(m_wanted, false))
        QTimer::singleShot(0, this, &AutoSync::trySync);
}
