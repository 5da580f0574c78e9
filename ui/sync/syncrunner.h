// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sync/client/syncclient.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Core {
class Profile;
}

namespace Sync {
class Transport;
}

// Runs one sync (or the enrollment of this laptop) on a worker thread with a database connection
// and change log of its own, so the window never waits for the network. One run at a time; the
// result is reported on the UI thread. The destructor waits for a run in progress (it uses the
// profile's key), which ends after the transport's timeouts at worst.
class SyncRunner final : public QObject
{
    Q_OBJECT

public:
    // Builds the link to the district server in the worker thread, from the stored (or, for
    // enrollment, the code's) server address and certificate pin.
    using TransportFactory = std::function<std::unique_ptr<Sync::Transport>(const Sync::SyncConfig &)>;

    explicit SyncRunner(Core::Profile &profile, QObject *parent = nullptr);
    ~SyncRunner() override;

    // HTTPS pinned to the enrolled certificate (no pin when the stored pin is all zero bytes:
    // plain HTTP to a loopback test server).
    static TransportFactory httpTransport();
    // Is the enrolled server there? GET /v1/health under the same rules as httpTransport() (the
    // pin, loopback-only plain HTTP), with short timeouts; true for a 200. Blocks: call it from a
    // worker thread (AutoSync does).
    static bool httpProbe(const Sync::SyncConfig &config);
    void setTransportFactory(TransportFactory factory);

    bool running() const { return m_thread != nullptr; }
    // False (and nothing started) while another run is in progress.
    bool syncNow();
    bool enroll(const QString &serverUrl, const QString &code);
    // Asks the running sync to stop at its next step boundary (it then fails with
    // Reason::Cancelled, everything consistent; the next sync resumes). No-op when idle.
    void cancel();
    // Why the last run failed (code and reason; its sentence went out with failed()): AutoSync
    // backs off on Unreachable and waits for its schedule otherwise.
    const Core::Error &lastError() const { return m_lastError; }

signals:
    void runningChanged(bool running);
    // Where the running sync is (SyncClient's reports, delivered on the UI thread).
    void progress(const Sync::SyncProgress &progress);
    void finished(const Sync::SyncSummary &summary);
    void enrolled();
    // A translated sentence (ErrorText).
    void failed(const QString &message);

private:
    enum class Kind { Sync, Enroll };
    bool start(Kind kind, std::function<Core::Result<Sync::SyncSummary>(Core::ChangeLog &)> work);

    Core::Profile &m_profile;
    TransportFactory m_factory;
    QThread *m_thread = nullptr;
    Kind m_kind = Kind::Sync;
    std::unique_ptr<Core::Result<Sync::SyncSummary>> m_result;
    std::atomic_bool m_cancel = false;
    Core::Error m_lastError;
};
