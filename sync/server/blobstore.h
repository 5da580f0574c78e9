// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sync/wire.h"

#include <QString>

namespace Sync {

class ServerDb;

// Attachment contents on the server (store step 6): each attachment's parts as the laptop sealed
// them with the district key (TransitCipher::sealPart), in `blob_parts`, and in `blobs` which
// case they belong to and how many parts make them whole. The server never opens a part.
// Parts arrive in order (a part after a gap is ignored and the reply says where to resume), so
// "held" is always a prefix and a cut upload resumes at the first missing part.
namespace BlobStore {

// The largest sealed part accepted (a part of blobPartBytes plus the seal).
constexpr int maxPartBytes = blobPartBytes + 64;
// At most this many parts (AttachmentStore::maxBytes, 50 MiB, is 400).
constexpr int maxParts = 1024;

// Stores part `request.part` of the attachment of `caseId` (the caller checked the device may
// write to that case). part -1 stores nothing and answers what is held. InvalidInput for a part
// count that differs from the first part's, or a part out of bounds or too large.
Core::Result<BlobReply> put(const ServerDb &db, const QString &caseId, const BlobRequest &request);
// Part `part` of a whole content, for a device that holds its case; parts = 0 when the content is
// not whole yet, or the device does not hold the case (the same answer: nothing is learnt of
// attachments outside its scope).
Core::Result<BlobReply> get(const ServerDb &db, const QString &deviceId, const QString &attachmentId,
                            int part);
// Which of `ids` (at most blobAskMax) the server does not hold whole in a case the device holds
// (a laptop asks about contents it sent; of other cases it learns nothing).
Core::Result<BlobReply> missing(const ServerDb &db, const QString &deviceId, const QStringList &ids);
// Erases the contents of a case's attachments (a purge).
Core::Status eraseCase(const ServerDb &db, const QString &caseId);

} // namespace BlobStore
} // namespace Sync
