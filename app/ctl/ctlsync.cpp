// SPDX-License-Identifier: GPL-3.0-or-later
// The sync and conflict verbs of dampingi-ctl.
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/clock.h"
#include "core/domain/json.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "ctlcommands.h"
#include "sync/bundlefile.h"
#include "sync/client/httptransport.h"
#include "sync/client/syncclient.h"
#include "sync/enrollmentcode.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

QJsonValue valueJson(const Core::EntityDef *entity, const QString &field,
                     const std::optional<QByteArray> &value)
{
    if (!value)
        return QJsonValue::Null;
    const Core::FieldDef *def = entity ? entity->field(field) : nullptr;
    if (!def)
        return QString::fromUtf8(*value);
    return QJsonValue::fromVariant(Core::ValueCodec::decode(*def, *value));
}

QJsonObject conflictJson(const Core::ConflictRecord &c)
{
    const Core::EntityDef *entity = Core::Schema::entity(c.entity);
    QJsonObject json{{u"id"_s, c.id},
                     {u"kind"_s, c.kind},
                     {u"entity"_s, c.entity},
                     {u"entity_id"_s, c.entityId},
                     {u"case_id"_s, c.caseId},
                     {u"field"_s, c.field},
                     {u"detected_at"_s, c.detectedAt},
                     {u"loser"_s, QJsonObject{{u"site"_s, c.loserSite},
                                              {u"hlc"_s, QString::number(c.loserHlc)},
                                              {u"author"_s, c.loserAuthor},
                                              {u"value"_s, valueJson(entity, c.field, c.loserValue)}}}};
    if (!c.winnerSite.isEmpty())
        json.insert(u"winner"_s, QJsonObject{{u"site"_s, c.winnerSite},
                                             {u"hlc"_s, QString::number(c.winnerHlc)},
                                             {u"author"_s, c.winnerAuthor},
                                             {u"value"_s, valueJson(entity, c.field, c.winnerValue)}});
    if (!c.detail.isEmpty())
        json.insert(u"detail"_s, c.detail);
    if (c.resolvedAt != 0)
        json.insert(
            u"resolved"_s,
            QJsonObject{{u"at"_s, c.resolvedAt}, {u"by"_s, c.resolvedBy}, {u"resolution"_s, c.resolution}});
    return json;
}

const char *phaseName(Sync::SyncProgress::Phase phase)
{
    switch (phase) {
    case Sync::SyncProgress::Phase::Connecting:
        return "connecting";
    case Sync::SyncProgress::Phase::Sending:
        return "sending";
    case Sync::SyncProgress::Phase::Files:
        return "files";
    case Sync::SyncProgress::Phase::Receiving:
        return "receiving";
    case Sync::SyncProgress::Phase::Finishing:
        return "finishing";
    }
    return "unknown";
}

// One JSON line per report on stderr (stdout keeps the one summary a script reads).
void printProgress(const Sync::SyncProgress &p)
{
    const QJsonObject line{{u"phase"_s, QLatin1StringView(phaseName(p.phase))},
                           {u"done"_s, p.done},
                           {u"total"_s, p.total},
                           {u"bytes_done"_s, p.bytesDone},
                           {u"bytes_total"_s, p.bytesTotal}};
    std::fputs(QJsonDocument(line).toJson(QJsonDocument::Compact).append('\n').constData(), stderr);
    std::fflush(stderr);
}

} // namespace

std::unique_ptr<Sync::HttpTransport> CtlCommands::transportFor(const QString &serverUrl,
                                                               const QByteArray &pin)
{
    const bool pinned = pin.size() == 32 && pin != QByteArray(32, '\0');
    return std::make_unique<Sync::HttpTransport>(QUrl(serverUrl), pinned ? pin : QByteArray());
}

int CtlCommands::syncEnroll()
{
    const QString server = m_options.value(u"server"_s);
    if (server.isEmpty() || (!m_options.has(u"code-file"_s) && !m_options.has(u"code"_s)))
        return usageError(
            u"sync enroll needs --server URL and --code-file FILE (or --code - to read stdin)"_s);
    // The code unlocks the district key once: it is read from a file or stdin. On the command
    // line every user of the machine sees it in `ps` and the shell keeps it in its history;
    // that still works for old scripts, with a warning.
    QString codeText;
    if (m_options.has(u"code-file"_s) || m_options.value(u"code"_s) == u"-") {
        QByteArray bytes;
        if (m_options.has(u"code-file"_s)) {
            QFile file(m_options.value(u"code-file"_s));
            if (!file.open(QIODevice::ReadOnly))
                return fail(Core::invalidInput(Core::Error::Reason::None, u"code-file"_s,
                                               u"cannot read the code file: %1"_s.arg(file.errorString())));
            bytes = file.read(4096);
        } else {
            const Core::Result<QByteArray> input = readStdin();
            if (!input)
                return fail(input.error());
            bytes = *input;
        }
        codeText = QString::fromUtf8(bytes).trimmed();
    } else {
        codeText = m_options.value(u"code"_s);
        std::fputs("dampingi-ctl: warning: an enrollment code on the command line is visible to other users "
                   "and kept in shell history; use --code-file FILE or --code - (stdin)\n",
                   stderr);
    }
    if (codeText.isEmpty())
        return fail(
            Core::invalidInput(Core::Error::Reason::Required, u"code"_s, u"the enrollment code is empty"_s));
    const Core::Result<Sync::EnrollmentCode> code = Sync::EnrollmentCode::parse(codeText);
    if (!code)
        return fail(code.error());
    const auto transport = transportFor(server, code->certificateSha256);
    Sync::SyncClient client(*m_profile, *transport);
    const QString device = m_options.value(u"device-name"_s, QHostInfo::localHostName());
    if (Core::Status s = client.enroll(server, codeText, device); !s)
        return fail(s.error());
    return syncStatus();
}

int CtlCommands::syncNow()
{
    Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(*m_profile);
    if (!config)
        return fail(config.error());
    if (!config->enrolled())
        return fail(Error{Error::Code::NotFound, u"this profile is not enrolled: run `sync enroll` first"_s});
    bool ok = true;
    const int attempts = m_options.value(u"attempts"_s, u"5"_s).toInt(&ok);
    if (!ok || attempts < 1 || attempts > 100)
        return usageError(u"--attempts takes a number from 1 to 100"_s);
    const auto transport = transportFor(config->serverUrl, config->certificateSha256);
    Sync::SyncClient client(*m_profile, *transport);
    if (m_options.has(u"progress"_s))
        client.setProgress(printProgress);
    const Core::Result<Sync::SyncSummary> summary
        = client.sync(attempts, [](int ms) { QThread::msleep(static_cast<unsigned long>(ms)); });
    if (!summary)
        return fail(summary.error());
    QJsonObject out = summary->toJson();
    // What crossed the link, headers and TLS aside, as the transport counted it.
    out.insert(u"bytes_sent"_s, transport->bytesSent());
    out.insert(u"bytes_received"_s, transport->bytesReceived());
    out.insert(u"round_trips"_s, transport->roundTrips());
    return print(out);
}

int CtlCommands::syncStatus()
{
    Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(*m_profile);
    if (!config)
        return fail(config.error());
    Core::Replicator replicator(m_profile->changeLog());
    const Core::Result<qint64> pending = m_profile->changeLog().pendingCount();
    const Core::Result<qint64> acked = replicator.ackedThrough();
    const Core::Result<qint64> conflicts = replicator.openConflictCount({});
    const Core::Result<QStringList> deferred = replicator.deferredPurges();
    for (const Core::Status &s :
         {pending ? Core::Status{} : pending.error(), acked ? Core::Status{} : acked.error(),
          conflicts ? Core::Status{} : conflicts.error()}) {
        if (!s)
            return fail(s.error());
    }
    QJsonObject out{{u"enrolled"_s, config->enrolled()},
                    {u"site"_s, m_profile->changeLog().siteId()},
                    {u"pending_changes"_s, *pending},
                    {u"acked_through"_s, *acked},
                    {u"open_conflicts"_s, *conflicts},
                    {u"purges_waiting"_s, deferred ? QJsonArray::fromStringList(*deferred) : QJsonArray()}};
    if (config->enrolled()) {
        out.insert(u"server"_s, config->serverUrl);
        out.insert(u"device"_s, config->deviceId);
        out.insert(u"login"_s, config->login);
        out.insert(u"role"_s, config->role);
        out.insert(u"certificate_sha256"_s, QString::fromLatin1(config->certificateSha256.toHex()));
        out.insert(u"last_sync_at"_s, config->lastSyncAt);
        if (!config->lastError.isEmpty())
            out.insert(u"last_error"_s, config->lastError);
    }
    return print(out);
}

int CtlCommands::syncHistory()
{
    bool ok = true;
    const int limit = m_options.value(u"limit"_s, QString::number(Sync::SyncClient::historyLimit)).toInt(&ok);
    if (!ok || limit < 1 || limit > Sync::SyncClient::historyLimit)
        return usageError(u"--limit takes a number from 1 to %1"_s.arg(Sync::SyncClient::historyLimit));
    const Core::Result<QList<Sync::SyncRecord>> records = Sync::SyncClient::history(m_profile->changeLog());
    if (!records)
        return fail(records.error());
    QJsonArray out;
    for (const Sync::SyncRecord &record : *records) {
        if (out.size() >= limit)
            break;
        out.append(record.toJson());
    }
    return print(out);
}

int CtlCommands::bundleExport()
{
    const QString path = m_options.word(2);
    if (path.isEmpty())
        return usageError(u"bundle export FILE"_s);
    Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(*m_profile);
    if (!config)
        return fail(config.error());
    if (!config->enrolled())
        return fail(Error{Error::Code::NotFound, u"this profile is not enrolled: run `sync enroll` first"_s});
    // A bundle needs no connection; the transport is never used.
    const auto transport = transportFor(config->serverUrl, config->certificateSha256);
    Sync::SyncClient client(*m_profile, *transport);
    const Core::Result<qint64> pending = m_profile->changeLog().pendingCount();
    if (!pending)
        return fail(pending.error());
    const Core::Result<QByteArray> bundle = client.exportBundle();
    if (!bundle)
        return fail(bundle.error());
    // Whole or not at all, for this user only where the drive keeps permissions (BundleFile).
    const Core::Result<Sync::BundleFile::Written> written = Sync::BundleFile::write(path, *bundle);
    if (!written)
        return fail(written.error());
    if (!written->permissionsKept)
        qWarning("%s: this drive keeps no file permissions; the bundle is sealed for the district server",
                 qPrintable(path));
    return print(QJsonObject{{u"out"_s, path},
                             {u"device"_s, config->deviceId},
                             {u"changes"_s, *pending},
                             {u"bytes"_s, qint64(bundle->size())}});
}

int CtlCommands::bundleImport()
{
    const QString path = m_options.word(2);
    if (path.isEmpty())
        return usageError(u"bundle import FILE"_s);
    Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(*m_profile);
    if (!config)
        return fail(config.error());
    if (!config->enrolled())
        return fail(Error{Error::Code::NotFound, u"this profile is not enrolled: run `sync enroll` first"_s});
    const Core::Result<QByteArray> bytes = Sync::BundleFile::read(path);
    if (!bytes)
        return fail(bytes.error());
    const auto transport = transportFor(config->serverUrl, config->certificateSha256);
    Sync::SyncClient client(*m_profile, *transport);
    const Core::Result<Sync::SyncSummary> summary = client.importBundle(*bytes);
    if (!summary)
        return fail(summary.error());
    QJsonObject out = summary->toJson();
    out.insert(u"file"_s, path);
    return print(out);
}

int CtlCommands::conflictsList()
{
    Core::Replicator replicator(m_profile->changeLog());
    const Core::Result<QList<Core::ConflictRecord>> all = replicator.conflicts(m_options.has(u"all"_s));
    if (!all)
        return fail(all.error());
    QJsonArray out;
    for (const Core::ConflictRecord &c : *all)
        out.append(conflictJson(c));
    return print(out);
}

int CtlCommands::conflictsShow()
{
    Core::Replicator replicator(m_profile->changeLog());
    const Core::Result<Core::ConflictRecord> c = replicator.conflict(m_options.word(2));
    if (!c)
        return fail(c.error());
    return print(conflictJson(*c));
}

int CtlCommands::conflictsResolve()
{
    const QString keep = m_options.value(u"keep"_s);
    if (keep != u"winner" && keep != u"loser" && keep != u"current")
        return usageError(u"conflicts resolve ID --keep winner|loser|current"_s);
    if (Core::Status s = m_session->resolveConflict(m_options.word(2), keep); !s)
        return fail(s.error());
    Core::Replicator replicator(m_profile->changeLog());
    const Core::Result<Core::ConflictRecord> after = replicator.conflict(m_options.word(2));
    if (!after)
        return fail(after.error());
    return print(conflictJson(*after));
}
