// SPDX-License-Identifier: GPL-3.0-or-later
// SyncClient, what a sync leaves behind: its summary and record as JSON, and the history of the
// last syncs in the profile's meta (split from syncclient.cpp for size).
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/logging.h"
#include "core/sql/transaction.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncmeta.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

Q_LOGGING_CATEGORY(lcSyncHistory, "dampingi.sync.history")

namespace Sync {

using namespace SyncMeta;

QJsonObject SyncSummary::toJson() const
{
    return QJsonObject{{u"pushed"_s, pushed},
                       {u"duplicates"_s, duplicates},
                       {u"rejected"_s, rejected},
                       {u"clamped"_s, clamped},
                       {u"pulled"_s, pulled},
                       {u"conflicts"_s, conflicts},
                       {u"purged"_s, purged},
                       {u"purge_deferred"_s, purgeDeferred},
                       {u"pages"_s, pages},
                       {u"round_trips"_s, roundTrips},
                       {u"bytes_sent"_s, bytesSent},
                       {u"bytes_received"_s, bytesReceived},
                       {u"reset"_s, reset},
                       {u"resited"_s, resited},
                       {u"files_sent"_s, filesSent},
                       {u"files_received"_s, filesReceived},
                       {u"files_pending"_s, filesPending},
                       {u"clock_skew_ms"_s, clockSkewMs},
                       {u"paced"_s, paced},
                       {u"paced_ms"_s, pacedMs}};
}

QJsonObject SyncRecord::toJson() const
{
    QJsonObject json{{u"started_at"_s, startedAt},
                     {u"finished_at"_s, finishedAt},
                     {u"how"_s, how},
                     {u"summary"_s, summary.toJson()},
                     {u"ok"_s, ok},
                     {u"cancelled"_s, cancelled}};
    if (!ok)
        json.insert(u"error"_s, QJsonObject{{u"code"_s, int(error.code)},
                                            {u"reason"_s, int(error.reason)},
                                            {u"detail"_s, error.detail}});
    return json;
}

std::optional<SyncRecord> SyncRecord::fromJson(const QJsonObject &json)
{
    // Our own meta value, but read as any stored text: a damaged entry is skipped, not trusted.
    if (!json.value(u"started_at"_s).isDouble() || !json.value(u"summary"_s).isObject())
        return std::nullopt;
    SyncRecord record;
    record.startedAt = json.value(u"started_at"_s).toInteger();
    record.finishedAt = json.value(u"finished_at"_s).toInteger();
    record.how = json.value(u"how"_s).toString().left(32);
    record.ok = json.value(u"ok"_s).toBool();
    record.cancelled = json.value(u"cancelled"_s).toBool();
    const QJsonObject s = json.value(u"summary"_s).toObject();
    const auto n = [&s](const char *key) { return int(s.value(QLatin1StringView(key)).toInteger()); };
    SyncSummary &m = record.summary;
    m.pushed = n("pushed");
    m.duplicates = n("duplicates");
    m.rejected = n("rejected");
    m.clamped = n("clamped");
    m.pulled = n("pulled");
    m.conflicts = n("conflicts");
    m.purged = n("purged");
    m.purgeDeferred = n("purge_deferred");
    m.pages = n("pages");
    m.roundTrips = n("round_trips");
    m.bytesSent = s.value(u"bytes_sent"_s).toInteger();
    m.bytesReceived = s.value(u"bytes_received"_s).toInteger();
    m.reset = s.value(u"reset"_s).toBool();
    m.resited = n("resited");
    m.filesSent = n("files_sent");
    m.filesReceived = n("files_received");
    m.filesPending = n("files_pending");
    m.clockSkewMs = s.value(u"clock_skew_ms"_s).toInteger();
    m.paced = n("paced");
    m.pacedMs = s.value(u"paced_ms"_s).toInteger();
    if (!record.ok) {
        const QJsonObject e = json.value(u"error"_s).toObject();
        const int code = e.value(u"code"_s).toInt(int(Error::Code::Internal));
        const int reason = e.value(u"reason"_s).toInt(0);
        record.error.code
            = code >= 0 && code <= int(Error::Code::Internal) ? Error::Code(code) : Error::Code::Internal;
        record.error.reason = reason >= 0 && reason < int(Error::Reason::LastReason) ? Error::Reason(reason)
                                                                                     : Error::Reason::None;
        record.error.detail = e.value(u"detail"_s).toString().left(500);
    }
    return record;
}

Core::Result<QList<SyncRecord>> SyncClient::history(Core::ChangeLog &log)
{
    const Core::Result<QString> stored = log.meta(keyHistory);
    if (!stored)
        return stored.error().code == Error::Code::NotFound
                 ? Core::Result<QList<SyncRecord>>(QList<SyncRecord>())
                 : Core::Result<QList<SyncRecord>>(stored.error());
    QList<SyncRecord> out;
    const QJsonArray array = QJsonDocument::fromJson(stored->toUtf8()).array();
    for (const auto &v : array)
        if (std::optional<SyncRecord> record = SyncRecord::fromJson(v.toObject()); record)
            out.append(std::move(*record));
    return out;
}

void SyncClient::record(const QString &how, qint64 startedAt, const SyncSummary &summary,
                        const Status &outcome)
{
    SyncRecord entry;
    entry.startedAt = startedAt;
    entry.finishedAt = m_log.clock().nowMs();
    entry.how = how;
    entry.summary = summary;
    entry.ok = outcome.ok();
    if (!outcome) {
        entry.error = outcome.error();
        entry.cancelled = entry.error.reason == Error::Reason::Cancelled;
    }
    // Read, prepend and cut in one transaction: two writers (the desktop and dampingi-ctl on one
    // profile) never lose each other's entry. The history is for people; a failure to keep it
    // never fails the sync it describes.
    Core::Transaction txn(m_log.database());
    Status s = txn.begin();
    if (s) {
        const Core::Result<QList<SyncRecord>> before = history(m_log);
        QJsonArray array{entry.toJson()};
        for (const SyncRecord &old : before ? *before : QList<SyncRecord>()) {
            if (array.size() >= historyLimit)
                break;
            array.append(old.toJson());
        }
        s = m_log.setMeta(keyHistory, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    }
    if (s)
        s = txn.commit();
    if (!s)
        qCWarning(lcSyncHistory) << "could not keep this sync in the history:" << s.error().detail;
}

} // namespace Sync
