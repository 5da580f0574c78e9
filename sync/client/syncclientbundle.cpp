// SPDX-License-Identifier: GPL-3.0-or-later
// SyncClient, USB bundles: this laptop's unsent changes for the office, and the office's answer
// applied once checked whole (split from syncclient.cpp for size).
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/replication/replicator.h"
#include "core/sql/migrations.h"
#include "sync/bundle.h"
#include "sync/client/syncclient.h"
#include "sync/client/syncmeta.h"
#include "sync/transitcipher.h"
#include "sync/wire.h"

#include <QCryptographicHash>
#include <QDateTime>

#include <limits>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Status;

namespace Sync {

using namespace SyncMeta;

Core::Result<QByteArray> SyncClient::exportBundle()
{
    const qint64 startedAt = m_log.clock().nowMs();
    SyncSummary summary;
    Core::Result<QByteArray> bundle = writeBundle(summary);
    record(u"usb-export"_s, startedAt, summary, bundle ? Status{} : Status{bundle.error()});
    return bundle;
}

Core::Result<SyncSummary> SyncClient::importBundle(const QByteArray &file)
{
    const qint64 startedAt = m_log.clock().nowMs();
    SyncSummary summary;
    const Status outcome = readBundle(file, summary);
    record(u"usb-import"_s, startedAt, summary, outcome);
    if (!outcome)
        return outcome.error();
    return summary;
}

Core::Result<QByteArray> SyncClient::writeBundle(SyncSummary &summary)
{
    if (Status s = loadKeys(); !s)
        return s.error();
    Core::ChangeLog &log = m_log;
    Core::Result<QList<PushRequest>> batches = outboxBatches(std::numeric_limits<int>::max(), pushBatch);
    if (!batches)
        return batches.error();
    BundleContent content;
    content.kind = u"laptop"_s;
    content.sender = metaOr(log, keyDevice);
    content.recipient = u"server"_s;
    content.createdAtMs = log.clock().nowMs();
    content.meta.insert(u"site"_s, log.siteId().toUtf8());
    content.meta.insert(u"cursor"_s, QByteArray::fromBase64(metaOr(log, keyCursor).toLatin1()));
    content.meta.insert(u"schema"_s, QByteArray::number(Core::Migrations::latestVersion()));
    for (const PushRequest &batch : std::as_const(*batches)) {
        content.pages << Wire::encode(batch);
        summary.pushed += int(batch.ops.size()); // written for the office, not yet taken by it
        ++summary.pages;
    }
    const QByteArray serverBox = QByteArray::fromHex(metaOr(log, keyServerBox).toLatin1());
    if (serverBox.size() != 32 || !m_bundleKeys.isValid())
        return Error{Error::Code::NotFound,
                     u"this laptop was enrolled without bundle keys; enroll it again"_s};
    Core::Result<QByteArray> bundle = Bundle::write(content, m_bundleKeys, serverBox);
    if (bundle)
        summary.bytesSent = bundle->size();
    return bundle;
}

Status SyncClient::readBundle(const QByteArray &file, SyncSummary &summary)
{
    if (Status s = loadKeys(); !s)
        return s;
    Core::ChangeLog &log = m_log;
    const QByteArray serverSign = QByteArray::fromHex(metaOr(log, keyServerSign).toLatin1());
    if (serverSign.size() != 32 || !m_bundleKeys.isValid())
        return Error{Error::Code::NotFound,
                     u"this laptop was enrolled without bundle keys; enroll it again"_s};
    // Everything is checked (signature, every page's checksum and decryption, every page's
    // CBOR) before anything is applied.
    Core::Result<BundleContent> content = Bundle::read(file, serverSign, m_bundleKeys);
    if (!content)
        return content.error();
    if (content->kind != u"office" || content->recipient != metaOr(log, keyDevice))
        return Error{Error::Code::Refused,
                     u"bundle refused: it is not an office bundle for this laptop"_s,
                     {},
                     Error::Reason::NotForThisLaptop};
    // One answer imports once. Applied again later its pages would be stale: a purge in it
    // would erase a case that has moved back here since, its verdicts would replay old news.
    // A bundle is named by the hash of the whole file (the office seals each one under a fresh
    // key, so two answers never share it).
    const QString imported
        = keyImportedBundle
        + QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Blake2b_256).toHex());
    if (const QString at = metaOr(log, imported); !at.isEmpty())
        return Error{Error::Code::Conflict,
                     u"this bundle was imported already (at %1); nothing changed"_s.arg(at),
                     {},
                     Error::Reason::Stale};
    const int pushPages = content->meta.value(u"push_pages"_s).toInt();
    QList<SealedKey> keys;
    if (const QByteArray sealed = content->meta.value(u"keys"_s); !sealed.isEmpty()) {
        if (Status s = Wire::decode(sealed, keys); !s)
            return s;
    }
    QList<PushReply> pushReplies;
    QList<PullReply> pullReplies;
    for (int i = 0; i < content->pages.size(); ++i) {
        if (i < pushPages) {
            PushReply reply;
            if (Status s = Wire::decode(content->pages.at(i), reply); !s)
                return s;
            pushReplies << reply;
        } else {
            PullReply reply;
            if (Status s = Wire::decode(content->pages.at(i), reply); !s)
                return s;
            pullReplies << reply;
        }
    }
    // Keys of later epochs before any page (see syncOnce()).
    if (Status s = acceptKeys(keys); !s)
        return s;
    summary.bytesReceived = file.size();
    for (const PushReply &reply : std::as_const(pushReplies)) {
        if (Status s = applyPushReply(reply, summary); !s)
            return s;
    }
    // The pages continue from the cursor this laptop had when it wrote its bundle; if it has
    // synced since, their ops still apply (each is recognised once) but its newer cursor stays.
    const bool continues
        = QByteArray::fromBase64(metaOr(log, keyCursor).toLatin1()) == content->meta.value(u"base_cursor"_s);
    for (const PullReply &reply : std::as_const(pullReplies)) {
        if (Status s = applyPullReply(reply, continues, summary); !s)
            return s;
    }
    if (Status s = retryDeferredPurges(summary); !s)
        return s;
    // After the pages: a cut import may be run again (each op applies once), a whole one not.
    const QString at = QDateTime::fromMSecsSinceEpoch(log.clock().nowMs(), Qt::UTC).toString(Qt::ISODate);
    return log.setMeta(imported, at);
}

} // namespace Sync
