// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/bundleoffice.h"

#include "core/clock/clock.h"
#include "sync/bundle.h"
#include "sync/server/serverstore.h"
#include "sync/wire.h"

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;

namespace Sync {

namespace {

const QString laptopKind = u"laptop"_s;
const QString officeKind = u"office"_s;
const QString officeRecipient = u"server"_s;

Error refused(const QString &detail)
{
    return Error{Error::Code::Refused, u"bundle refused: "_s + detail};
}

// The device a bundle is from or for; Refused when this office cannot exchange bundles with it.
Result<ServerDevice> bundleDevice(ServerStore &store, const QString &deviceId)
{
    auto found = store.deviceById(deviceId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return refused(u"device %1 is not enrolled at this office"_s.arg(deviceId));
    const ServerDevice &device = **found;
    if (device.revoked() || !device.userActive)
        return refused(u"device %1 was revoked"_s.arg(deviceId));
    if (device.bundleSignPublic.size() != 32 || device.bundleBoxPublic.size() != 32)
        return refused(u"device %1 was enrolled without bundle keys; enroll it again"_s.arg(deviceId));
    return device;
}

// Pull pages for the device from `cursor` until the server has no more (at most `maxPages`).
// A cursor this server does not know (another server's, from before a restore) restarts from
// the beginning: the laptop recognises every op it already holds.
Result<QList<QByteArray>> pullPages(ServerStore &store, const ServerDevice &device, const QByteArray &cursor,
                                    int maxPages)
{
    auto valid = store.cursorValid(cursor, device);
    if (!valid)
        return valid.error();
    QByteArray at = *valid ? cursor : QByteArray();
    QList<QByteArray> pages;
    for (;;) {
        auto reply = store.pull(device, at, int(ServerStore::maxPullOps));
        if (!reply)
            return reply.error();
        pages << Wire::encode(*reply);
        at = reply->nextCursor;
        if (!reply->more || pages.size() >= maxPages)
            return pages;
    }
}

OfficeBundle finish(ServerStore &store, const Core::Clock &clock, const ServerDevice &device,
                    const QList<QByteArray> &pushPages, const QList<QByteArray> &pulled,
                    const QByteArray &baseCursor, BundleSummary summary)
{
    BundleContent content;
    content.kind = officeKind;
    content.sender = store.siteId();
    content.recipient = device.id;
    content.createdAtMs = clock.nowMs();
    // The laptop applies the first push_pages pages as push verdicts, the rest as pull pages; it
    // stores their cursors only when its own cursor is still base_cursor (it did not sync since).
    content.meta.insert(u"push_pages"_s, QByteArray::number(pushPages.size()));
    content.meta.insert(u"base_cursor"_s, baseCursor);
    content.pages = pushPages + pulled;
    OfficeBundle out;
    out.file = Bundle::write(content, store.bundleKeys(), device.bundleBoxPublic);
    summary.device = device.id;
    summary.pages = int(content.pages.size());
    summary.bytes = out.file.size();
    out.summary = summary;
    return out;
}

} // namespace

BundleOffice::BundleOffice(ServerStore &store, const Core::Clock &clock)
    : m_store(store)
    , m_clock(clock)
{ }

Result<OfficeBundle> BundleOffice::importLaptopBundle(const QByteArray &file)
{
    auto sender = Bundle::peekSender(file);
    if (!sender)
        return sender.error();
    auto device = bundleDevice(m_store, *sender);
    if (!device)
        return device.error();
    // Signature, every checksum and every page's decryption, before anything is looked at.
    auto content = Bundle::read(file, device->bundleSignPublic, m_store.bundleKeys());
    if (!content)
        return content.error();
    if (content->kind != laptopKind || content->recipient != officeRecipient || content->sender != device->id)
        return refused(u"it is not a laptop bundle for the district office"_s);

    // Every page decoded and checked before the first op is stored: a bad page stores nothing.
    QList<PushRequest> batches;
    for (const QByteArray &page : std::as_const(content->pages)) {
        PushRequest batch;
        if (Core::Status s = Wire::decode(page, batch); !s)
            return Error{Error::Code::Corrupt,
                         u"bundle refused: a page is not a push page: "_s + s.error().detail};
        bool foreign = batch.siteId != device->siteId;
        for (const WireOp &op : std::as_const(batch.ops))
            foreign = foreign || op.site != device->siteId;
        if (foreign)
            return refused(u"it carries changes of a site other than device %1's"_s.arg(device->id));
        batches << batch;
    }

    // Each batch is one store transaction, as over HTTP; an import cut half-way is simply run
    // again (the stored batches come back as duplicates).
    BundleSummary summary;
    summary.pushPages = int(batches.size());
    QList<QByteArray> pushPages;
    for (const PushRequest &batch : std::as_const(batches)) {
        auto reply = m_store.push(*device, batch.ops, m_clock);
        if (!reply)
            return reply.error();
        for (const Verdict &v : std::as_const(reply->verdicts)) {
            if (v.kind == Verdict::Kind::Accepted)
                ++summary.pushed;
            else if (v.kind == Verdict::Kind::Duplicate)
                ++summary.duplicates;
            else
                ++summary.rejected;
        }
        pushPages << Wire::encode(*reply);
    }

    const QByteArray cursor = content->meta.value(u"cursor"_s);
    auto pulled = pullPages(m_store, *device, cursor, maxPullPages);
    if (!pulled)
        return pulled.error();
    if (Core::Status s = m_store.setBundleCursor(device->id, cursor); !s)
        return s.error();
    return finish(m_store, m_clock, *device, pushPages, *pulled, cursor, summary);
}

Result<OfficeBundle> BundleOffice::exportForDevice(const QString &deviceId,
                                                   const std::optional<QByteArray> &cursor)
{
    auto device = bundleDevice(m_store, deviceId);
    if (!device)
        return device.error();
    QByteArray base;
    if (cursor) {
        base = *cursor;
    } else {
        auto remembered = m_store.bundleCursor(deviceId);
        if (!remembered)
            return remembered.error();
        base = *remembered;
    }
    auto pulled = pullPages(m_store, *device, base, maxPullPages);
    if (!pulled)
        return pulled.error();
    return finish(m_store, m_clock, *device, {}, *pulled, base, BundleSummary{});
}

} // namespace Sync
