// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sync/transport.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace Core {
class ChangeLog;
}

namespace Sync {

class TransitCipher;

// Attachment contents between this laptop and the district server, after the ops (an
// attachment's row must reach the server before its content). Uploads the files attached here
// that the server does not hold whole yet, then downloads the files of attachments listed here
// without one. Parts of blobPartBytes, sealed with the district key for the wire and the
// server, re-sealed with this profile's data key on disk (FileCipher). An upload resumes at the
// first part the server lacks; a download is written only when whole (atomic rename). A row in
// `blob_sync` marks a content both sides hold, so it is not looked at again.
// A link failure stops the transfer where it is (the rest waits for the next sync); refusals
// and contents the server does not hold yet are counted as pending, never fatal. A content the
// server refuses for good (its case is no longer this laptop's to write, or was purged) is
// marked `refused` and not offered again.
class BlobTransfer final
{
public:
    using Exchange = std::function<Core::Result<Response>(const char *endpoint, const QByteArray &page)>;

    struct Counts
    {
        int sent = 0; // contents the server now holds whole thanks to this run
        int received = 0; // contents written here
        int pending = 0; // still to move: not at the server yet, refused, or the link failed
    };

    BlobTransfer(Core::ChangeLog &log, QString attachmentsDirectory, const TransitCipher &transit,
                 Exchange exchange);

    // Called before each content of a pass and once at its end: (contents done, contents in it).
    void setProgress(std::function<void(int done, int total)> progress);

    // Errors only from this laptop's store or files; the link's errors end a pass early.
    // Uploads run right after the push (before a pull may erase a case that moved out: such a
    // case waits for its files too), downloads after the pull.
    Core::Result<Counts> upload();
    Core::Result<Counts> download();
    // After the server restarted (a new epoch; perhaps restored from a backup that lost contents
    // sent since): asks which contents marked sent it does not hold whole, and offers those
    // again at the next upload. False when the link failed (ask again next time).
    Core::Result<bool> recheckSent();

private:
    enum class Outcome { Done, Pending, Refused, LinkDown };
    Core::Result<Counts> pass(bool sending);
    Core::Result<Outcome> uploadOne(const QString &attachmentId);
    Core::Result<Outcome> downloadOne(const QString &attachmentId);
    Core::Result<QStringList> candidates(bool withFile);
    Core::Status markDone(const QString &attachmentId, const QString &state);
    // Whether the server acknowledged this laptop's op that created the attachment's row.
    Core::Result<bool> rowAcknowledged(const QString &attachmentId);
    QString pathFor(const QString &attachmentId) const;

    Core::ChangeLog &m_log;
    QString m_directory;
    const TransitCipher &m_transit;
    Exchange m_exchange;
    std::function<void(int done, int total)> m_progress;
};

} // namespace Sync
