// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/syncrunner.h"

#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "core/sql/database.h"
#include "sync/client/httptransport.h"
#include "sync/enrollmentcode.h"
#include "ui/common/errortext.h"

#include <QSysInfo>
#include <QThread>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

// The enrolled pin, or none when it is all zero bytes (plain HTTP to a loopback test server).
QByteArray pinOf(const Sync::SyncConfig &config)
{
    const QByteArray &pin = config.certificateSha256;
    const bool pinned = pin.size() == Sync::EnrollmentCode::fingerprintSize
                     && pin != QByteArray(Sync::EnrollmentCode::fingerprintSize, '\0');
    return pinned ? pin : QByteArray();
}

} // namespace

SyncRunner::SyncRunner(Core::Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_factory(httpTransport())
{ }

SyncRunner::~SyncRunner()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread; // not parented: it must not be deleted before wait() returns
    }
}

SyncRunner::TransportFactory SyncRunner::httpTransport()
{
    return [](const Sync::SyncConfig &config) -> std::unique_ptr<Sync::Transport> {
        return std::make_unique<Sync::HttpTransport>(QUrl(config.serverUrl), pinOf(config));
    };
}

bool SyncRunner::httpProbe(const Sync::SyncConfig &config)
{
    // A probe on a GPRS link: long enough for a TLS handshake at 600 ms round trips, short
    // enough that a dead link frees the worker soon.
    Sync::HttpTransport::Options options;
    options.connectTimeout = std::chrono::seconds(15);
    options.idleTimeout = std::chrono::seconds(15);
    Sync::HttpTransport link(QUrl(config.serverUrl), pinOf(config), options);
    const Core::Result<Sync::Response> reply = link.get(Sync::Endpoint::health);
    return reply && reply->status == 200;
}

void SyncRunner::setTransportFactory(TransportFactory factory)
{
    Q_ASSERT(!m_thread);
    m_factory = std::move(factory);
}

bool SyncRunner::syncNow()
{
    TransportFactory factory = m_factory;
    const QString attachments = m_profile.attachmentsDirectory();
    return start(Kind::Sync,
                 [this, factory, attachments](Core::ChangeLog &log) -> Core::Result<Sync::SyncSummary> {
                     const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(log);
                     if (!config)
                         return config.error();
                     if (!config->enrolled())
                         return Core::Error{Core::Error::Code::NotFound, u"this profile is not enrolled"_s};
                     const std::unique_ptr<Sync::Transport> transport = factory(*config);
                     Sync::SyncClient client(log, attachments, *transport);
                     client.setCancelFlag(&m_cancel);
                     client.setProgress([this](const Sync::SyncProgress &p) {
                         QMetaObject::invokeMethod(
                             this, [this, p] { emit progress(p); }, Qt::QueuedConnection);
                     });
                     return client.sync(3, [](int ms) { QThread::msleep(static_cast<unsigned long>(ms)); });
                 });
}

bool SyncRunner::enroll(const QString &serverUrl, const QString &code)
{
    TransportFactory factory = m_factory;
    const QString attachments = m_profile.attachmentsDirectory();
    return start(
        Kind::Enroll,
        [factory, attachments, serverUrl, code](Core::ChangeLog &log) -> Core::Result<Sync::SyncSummary> {
            const Core::Result<Sync::EnrollmentCode> parsed = Sync::EnrollmentCode::parse(code.trimmed());
            if (!parsed)
                return parsed.error();
            Sync::SyncConfig config;
            config.serverUrl = serverUrl.trimmed();
            config.certificateSha256 = parsed->certificateSha256;
            const std::unique_ptr<Sync::Transport> transport = factory(config);
            Sync::SyncClient client(log, attachments, *transport);
            if (const Core::Status s
                = client.enroll(config.serverUrl, code.trimmed(), QSysInfo::machineHostName());
                !s)
                return s.error();
            return Sync::SyncSummary{};
        });
}

void SyncRunner::cancel()
{
    if (m_thread)
        m_cancel = true;
}

bool SyncRunner::start(Kind kind, std::function<Core::Result<Sync::SyncSummary>(Core::ChangeLog &)> work)
{
    if (m_thread)
        return false;
    m_kind = kind;
    m_cancel = false;
    const QString path = m_profile.database().path();
    const Core::FieldCipher &cipher = m_profile.cipher();
    const Core::Clock &clock = m_profile.clock();
    m_thread = QThread::create([this, path, &cipher, &clock, work = std::move(work)] {
        // One connection per thread: opened, used and closed here.
        auto db = Core::Database::open(path);
        if (!db) {
            m_result = std::make_unique<Core::Result<Sync::SyncSummary>>(db.error());
            return;
        }
        Core::ChangeLog log(**db, cipher, clock);
        if (const Core::Status loaded = log.load(); !loaded) {
            m_result = std::make_unique<Core::Result<Sync::SyncSummary>>(loaded.error());
            return;
        }
        m_result = std::make_unique<Core::Result<Sync::SyncSummary>>(work(log));
    });
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        const std::unique_ptr<Core::Result<Sync::SyncSummary>> result = std::move(m_result);
        m_lastError = result && !*result ? result->error() : Core::Error{};
        emit runningChanged(false);
        if (!result || !*result)
            emit failed(result ? ErrorText::message(result->error()) : QString());
        else if (m_kind == Kind::Enroll)
            emit enrolled();
        else
            emit finished(**result);
    });
    m_thread->start();
    emit runningChanged(true);
    return true;
}
