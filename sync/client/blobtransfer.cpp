// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/client/blobtransfer.h"

#include "core/cases/attachmentstore.h"
#include "core/changelog/changelog.h"
#include "core/crypto/fieldcipher.h"
#include "core/crypto/filecipher.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "core/sql/statement.h"
#include "sync/transitcipher.h"
#include "sync/wire.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBlobs, "dampingi.sync.blobs", QtInfoMsg)

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync {

BlobTransfer::BlobTransfer(Core::ChangeLog &log, QString attachmentsDirectory, const TransitCipher &transit,
                           Exchange exchange)
    : m_log(log)
    , m_directory(std::move(attachmentsDirectory))
    , m_transit(transit)
    , m_exchange(std::move(exchange))
{ }

QString BlobTransfer::pathFor(const QString &attachmentId) const
{
    return Core::AttachmentStore::fileIn(m_directory, attachmentId);
}

Result<QStringList> BlobTransfer::candidates(bool withFile)
{
    Core::Statement &q = m_log.database().statement(
        u"SELECT id FROM attachments a WHERE deleted = 0 AND NOT EXISTS "
        "(SELECT 1 FROM blob_sync b WHERE b.attachment_id = a.id) ORDER BY id"_s);
    QStringList ids;
    while (q.next()) {
        // A row whose id is no UUID (stored before pages were checked) has no file and never
        // will: it is neither sent nor fetched.
        const QString path = pathFor(q.text(0));
        if (!path.isEmpty() && QFile::exists(path) == withFile)
            ids << q.text(0);
    }
    if (q.failed()) {
        const Error error = q.error();
        q.reset();
        return error;
    }
    q.reset();
    return ids;
}

Status BlobTransfer::markDone(const QString &attachmentId, const QString &state)
{
    Core::Statement &q = m_log.database().statement(
        u"INSERT OR REPLACE INTO blob_sync (attachment_id, state) VALUES (?, ?)"_s);
    q.bind(1, attachmentId);
    q.bind(2, state);
    return q.exec();
}

Result<bool> BlobTransfer::rowAcknowledged(const QString &attachmentId)
{
    const Result<qint64> acked = Core::Replicator(m_log).ackedThrough();
    if (!acked)
        return acked.error();
    Core::Statement &q = m_log.database().statement(
        u"SELECT 1 FROM change_ops WHERE entity_id = ? AND op = 'create' AND site_id = ? AND site_seq <= ?"_s);
    q.bind(1, attachmentId);
    q.bind(2, m_log.siteId());
    q.bind(3, *acked);
    const bool found = q.next();
    q.reset();
    return found;
}

namespace {

// A failed exchange: the link (or a revocation, already acted on) ends the run; anything else
// leaves this content for a later sync.
bool linkDown(const Error &error)
{
    return error.code == Error::Code::Unreachable || error.code == Error::Code::Refused;
}

} // namespace

Result<BlobTransfer::Outcome> BlobTransfer::uploadOne(const QString &attachmentId)
{
    const Core::FileCipher files(m_log.cipher().key());
    const Result<QByteArray> plain = files.decryptFile(pathFor(attachmentId), attachmentId);
    if (!plain) {
        qCWarning(lcBlobs) << "attachment" << attachmentId
                           << "cannot be read for upload:" << plain.error().detail;
        return Outcome::Pending;
    }
    const int parts = int(std::max<qsizetype>(1, (plain->size() + blobPartBytes - 1) / blobPartBytes));
    BlobRequest request{true, attachmentId, -1, parts, {}, {}};
    for (int sent = 0; sent <= 2 * parts + 1; ++sent) {
        const Result<Response> response = m_exchange(Endpoint::blob, Wire::encode(request));
        if (!response) {
            if (linkDown(response.error()))
                return Outcome::LinkDown;
            qCInfo(lcBlobs) << "attachment" << attachmentId << "not uploaded:" << response.error().detail;
            // Out of scope for good; or no row at the server although it acknowledged the row's
            // op: the server refused the row, so it will never take the content.
            const Result<bool> rowRefused = response.error().code == Error::Code::NotFound
                                              ? rowAcknowledged(attachmentId)
                                              : Result<bool>(response.error().code == Error::Code::Conflict);
            if (!rowRefused)
                return rowRefused.error();
            if (!*rowRefused)
                return Outcome::Pending;
            if (Status s = markDone(attachmentId, u"refused"_s); !s)
                return s.error();
            return Outcome::Refused;
        }
        BlobReply reply;
        if (Status s = Wire::decode(response->body, reply); !s)
            return Outcome::LinkDown; // a cut reply: the next sync asks again
        if (reply.held >= parts) {
            if (Status s = markDone(attachmentId, u"sent"_s); !s)
                return s.error();
            return Outcome::Done;
        }
        request.part = reply.held;
        const QByteArrayView chunk
            = QByteArrayView(*plain)
                  .sliced(qsizetype(request.part) * blobPartBytes)
                  .first(std::min<qsizetype>(blobPartBytes,
                                             plain->size() - qsizetype(request.part) * blobPartBytes));
        request.data = m_transit.sealPart(attachmentId, request.part, parts, chunk);
    }
    return Outcome::Pending; // the server keeps refusing to advance: try again later
}

Result<BlobTransfer::Outcome> BlobTransfer::downloadOne(const QString &attachmentId)
{
    QByteArray plain;
    int parts = 1;
    for (int part = 0; part < parts; ++part) {
        const Result<Response> response
            = m_exchange(Endpoint::blob, Wire::encode(BlobRequest{false, attachmentId, part, 0, {}, {}}));
        if (!response)
            return linkDown(response.error()) ? Outcome::LinkDown : Outcome::Pending;
        BlobReply reply;
        if (Status s = Wire::decode(response->body, reply); !s)
            return Outcome::LinkDown;
        if (reply.parts == 0)
            return Outcome::Pending; // not at the server (whole) yet
        if (part > 0 && reply.parts != parts)
            return Outcome::Pending; // changed under us: start again next time
        parts = reply.parts;
        const Result<QByteArray> opened = m_transit.openPart(attachmentId, part, parts, reply.data);
        if (!opened) {
            qCWarning(lcBlobs) << "attachment" << attachmentId << "part" << part
                               << "does not open:" << opened.error().detail;
            return Outcome::Pending;
        }
        plain += *opened;
    }
    if (!QDir().mkpath(m_directory))
        return Error{Error::Code::StoreUnavailable, u"cannot create %1"_s.arg(m_directory)};
    const QString target = pathFor(attachmentId);
    if (target.isEmpty()) // candidates() offers UUIDs only; this guards the one write from the wire
        return Outcome::Pending;
    const Core::FileCipher files(m_log.cipher().key());
    if (Status s = files.encryptToFile(plain, attachmentId, target); !s)
        return s.error();
    if (Status s = markDone(attachmentId, u"received"_s); !s)
        return s.error();
    return Outcome::Done;
}

Result<bool> BlobTransfer::recheckSent()
{
    QStringList sent;
    {
        Core::Statement &q = m_log.database().statement(
            u"SELECT attachment_id FROM blob_sync WHERE state = 'sent' ORDER BY attachment_id"_s);
        while (q.next())
            sent << q.text(0);
        q.reset();
    }
    for (qsizetype at = 0; at < sent.size(); at += blobAskMax) {
        BlobRequest ask;
        ask.ask = sent.mid(at, blobAskMax);
        const Result<Response> response = m_exchange(Endpoint::blob, Wire::encode(ask));
        if (!response)
            return linkDown(response.error()) ? Result<bool>(false) : Result<bool>(response.error());
        BlobReply reply;
        if (Status s = Wire::decode(response->body, reply); !s)
            return false;
        for (const QString &id : std::as_const(reply.missing)) {
            qCWarning(lcBlobs) << "the server lost attachment" << id << "(restored?): sending it again";
            Core::Statement &forget
                = m_log.database().statement(u"DELETE FROM blob_sync WHERE attachment_id = ?"_s);
            forget.bind(1, id);
            if (Status s = forget.exec(); !s)
                return s.error();
        }
    }
    return true;
}

Result<BlobTransfer::Counts> BlobTransfer::upload()
{
    return pass(true);
}

void BlobTransfer::setProgress(std::function<void(int done, int total)> progress)
{
    m_progress = std::move(progress);
}

Result<BlobTransfer::Counts> BlobTransfer::download()
{
    return pass(false);
}

Result<BlobTransfer::Counts> BlobTransfer::pass(bool sending)
{
    Counts counts;
    const Result<QStringList> ids = candidates(sending);
    if (!ids)
        return ids.error();
    const int total = int(ids->size());
    for (qsizetype i = 0; i < ids->size(); ++i) {
        if (m_progress)
            m_progress(int(i), total);
        const Result<Outcome> outcome = sending ? uploadOne(ids->at(i)) : downloadOne(ids->at(i));
        if (!outcome)
            return outcome.error();
        switch (*outcome) {
        case Outcome::Done:
            ++(sending ? counts.sent : counts.received);
            break;
        case Outcome::Pending:
            ++counts.pending;
            break;
        case Outcome::Refused:
            break;
        case Outcome::LinkDown:
            counts.pending += int(ids->size() - i);
            return counts;
        }
    }
    if (m_progress && total > 0)
        m_progress(total, total);
    return counts;
}

} // namespace Sync
