// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/client/syncclient.h"

#include <QObject>

#include <chrono>
#include <functional>

class QThread;
class QTimer;
class SyncRunner;

namespace Core {
class ChangeLog;
class Settings;
} // namespace Core

// Syncs by itself, through the window's SyncRunner (one run at a time: the runner refuses a
// second), when the enrolled server becomes reachable, a while after the last edit, and on a
// schedule while it stays reachable. Reachability is learnt from the system (QNetworkInformation,
// where a backend is loaded: no probing while it says disconnected) and from a GET /v1/health
// probe of the server on a worker thread, retried with exponential backoff while it fails. Never
// while the window is locked, the setting is off, the laptop is not enrolled, or (with "only on
// Wi-Fi") the system says the link is mobile data. Nothing here blocks the UI thread.
class AutoSync final : public QObject
{
    Q_OBJECT

public:
    struct Timings
    {
        std::chrono::milliseconds firstProbe{std::chrono::seconds(5)}; // after start, unlock, setting on
        std::chrono::milliseconds backoffMin{std::chrono::seconds(30)};
        std::chrono::milliseconds backoffMax{std::chrono::minutes(15)};
        std::chrono::milliseconds editIdle{std::chrono::minutes(2)}; // after the last saved edit
        std::chrono::milliseconds schedule{std::chrono::minutes(15)}; // while reachable
        bool systemNetwork = true; // ask QNetworkInformation (tests turn it off)
    };
    // Is the server there? Called on a worker thread with the stored configuration.
    using Probe = std::function<bool(const Sync::SyncConfig &)>;

    AutoSync(SyncRunner &runner, Core::ChangeLog &log, Core::Settings &settings, QObject *parent = nullptr);
    ~AutoSync() override;

    // Both restart the watch (tests give short timings and an in-process probe).
    void setTimings(const Timings &timings);
    void setProbe(Probe probe);

    // A saved edit: sync once the edits have stopped for Timings::editIdle.
    void noteEdit();
    // The window is locked: nothing starts until it is unlocked (a probe under way is let finish).
    void setLocked(bool locked);

    // True when the system can say whether the link is Wi-Fi or mobile data (the "only on Wi-Fi"
    // setting means something).
    static bool canTellTransport();
    bool reachable() const { return m_reachable; }
    int probes() const { return m_probes; }

signals:
    // The server was found reachable after it was not (or at start): a sync follows.
    void connectionAppeared();

private:
    void restart();
    bool allowed() const;
    bool linkAllowed() const;
    void probeSoon(std::chrono::milliseconds delay);
    void probe();
    void probed(bool reachable);
    void trySync();
    void runFinished(bool ok);
    void watchSystem();

    SyncRunner &m_runner;
    Core::ChangeLog &m_log;
    Core::Settings &m_settings;
    Timings m_timings;
    Probe m_probe;
    QTimer *m_probeTimer;
    QTimer *m_editTimer;
    QTimer *m_scheduleTimer;
    QThread *m_probeThread = nullptr;
    std::chrono::milliseconds m_backoff;
    bool m_reachable = false;
    bool m_locked = false;
    bool m_enabled = false; // the setting as restart() last saw it
    bool m_wanted = false; // a trigger came while a run or a lock was in the way
    int m_probes = 0;
};
