// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/server/blobstore.h"

#include "sync/server/serverdb.h"

using namespace Qt::StringLiterals;
using Core::Error;
using Core::Result;
using Core::Status;

namespace Sync::BlobStore {

namespace {

// How many parts of the attachment are held (a prefix), and of how many; parts = 0: unknown.
Result<BlobReply> held(const ServerDb &db, const QString &attachmentId)
{
    BlobReply reply;
    auto parts = db.scalar(u"SELECT parts FROM blobs WHERE id = :id"_s, {{u"id"_s, attachmentId}});
    if (!parts)
        return parts.error();
    if (!parts->has_value())
        return reply;
    reply.parts = (*parts)->toInt();
    auto count = db.scalar(u"SELECT COUNT(*) FROM blob_parts WHERE id = :id"_s, {{u"id"_s, attachmentId}});
    if (!count)
        return count.error();
    reply.held = count->has_value() ? (*count)->toInt() : 0;
    return reply;
}

// Whether the attachment's content is known here and the device holds its case.
Result<bool> deviceHolds(const ServerDb &db, const QString &deviceId, const QString &attachmentId)
{
    auto holds = db.scalar(u"SELECT 1 FROM blobs b JOIN device_cases d ON d.case_id = b.case_id "
                           "WHERE b.id = :id AND d.device_id = :device"_s,
                           {{u"id"_s, attachmentId}, {u"device"_s, deviceId}});
    if (!holds)
        return holds.error();
    return holds->has_value();
}

} // namespace

Result<BlobReply> put(const ServerDb &db, const QString &caseId, const BlobRequest &request)
{
    if (request.parts < 1 || request.parts > maxParts || request.part < -1 || request.part >= request.parts
        || request.data.size() > maxPartBytes || (request.part >= 0 && request.data.isEmpty()))
        return Core::invalidInput(Core::Error::Reason::OutOfRange, u"part"_s,
                                  u"a part out of bounds or too large"_s);
    ServerTransaction tx(db);
    if (Status s = tx.begin(true); !s)
        return s.error();
    Result<BlobReply> state = held(db, request.attachmentId);
    if (!state)
        return state.error();
    if (state->parts == 0) {
        if (Status s
            = db.run(u"INSERT INTO blobs (id, case_id, parts) VALUES (:id, :case, :parts)"_s,
                     {{u"id"_s, request.attachmentId}, {u"case"_s, caseId}, {u"parts"_s, request.parts}});
            !s)
            return s.error();
        state->parts = request.parts;
    } else if (state->parts != request.parts) {
        return Core::invalidInput(Core::Error::Reason::NotAllowedValue, u"parts"_s,
                                  u"the content was begun with %1 parts"_s.arg(state->parts));
    }
    // Only the next part extends the prefix; an earlier one is a resend, a later one waits.
    if (request.part == state->held) {
        if (Status s
            = db.run(u"INSERT INTO blob_parts (id, part, data) VALUES (:id, :part, :data)"_s,
                     {{u"id"_s, request.attachmentId}, {u"part"_s, request.part}, {u"data"_s, request.data}});
            !s)
            return s.error();
        ++state->held;
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return state;
}

Result<BlobReply> get(const ServerDb &db, const QString &deviceId, const QString &attachmentId, int part)
{
    const Result<bool> holds = deviceHolds(db, deviceId, attachmentId);
    if (!holds)
        return holds.error();
    if (!*holds) {
        // Either no content yet, or a case this device does not hold: the same answer, so a
        // device learns nothing about attachments outside its scope.
        return BlobReply{};
    }
    Result<BlobReply> state = held(db, attachmentId);
    if (!state)
        return state.error();
    if (state->held < state->parts || part < 0 || part >= state->parts)
        return BlobReply{state->held, 0, {}, {}};
    auto data = db.scalar(u"SELECT data FROM blob_parts WHERE id = :id AND part = :part"_s,
                          {{u"id"_s, attachmentId}, {u"part"_s, part}});
    if (!data)
        return data.error();
    state->data = data->has_value() ? (*data)->toByteArray() : QByteArray();
    return state;
}

Result<BlobReply> missing(const ServerDb &db, const QString &deviceId, const QStringList &ids)
{
    if (ids.size() > blobAskMax)
        return Core::invalidInput(Core::Error::Reason::TooLarge, u"ask"_s,
                                  u"at most %1 ids per question"_s.arg(blobAskMax));
    BlobReply reply;
    for (const QString &id : ids) {
        const Result<bool> holds = deviceHolds(db, deviceId, id);
        if (!holds)
            return holds.error();
        Result<BlobReply> state = *holds ? held(db, id) : Result<BlobReply>(BlobReply{});
        if (!state)
            return state.error();
        if (state->parts == 0 || state->held < state->parts)
            reply.missing << id;
    }
    return reply;
}

Status eraseCase(const ServerDb &db, const QString &caseId)
{
    if (Status s
        = db.run(u"DELETE FROM blob_parts WHERE id IN (SELECT id FROM blobs WHERE case_id = :case)"_s,
                 {{u"case"_s, caseId}});
        !s)
        return s;
    return db.run(u"DELETE FROM blobs WHERE case_id = :case"_s, {{u"case"_s, caseId}});
}

} // namespace Sync::BlobStore
