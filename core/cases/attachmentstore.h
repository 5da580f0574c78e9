// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"
#include "core/domain/workflow.h"
#include "core/result.h"

namespace Core {

class ChangeLog;
class FileCipher;
class RecordReader;
class Validator;

// Documents attached to a case (scanned letters, visum results, photos). Within one action
// (holding the write lock) the content is encrypted into `<dir>/<attachment id>.bin`, then the
// row is written; if the action fails, the file is removed, and files without a row (a crash
// in between) are swept at start-up under the write lock. File names and descriptions are
// sensitive fields of the row.
class AttachmentStore final
{
public:
    AttachmentStore(ChangeLog &log, RecordReader &reader, const Validator &validator, const FileCipher &files,
                    QString directory, const Actor &actor);

    static constexpr qint64 maxBytes = 50 * 1024 * 1024;

    Result<Record> attach(const QString &caseId, const QString &sourcePath, const QString &description = {});
    Result<QByteArray> read(const QString &attachmentId);
    // The encrypted file of an attachment: `<dir>/<id>.bin`, or an empty string when the id is
    // not a UUID. Ids arrive from other laptops (through the server and USB bundles); this is
    // the one place one becomes a file name, so nothing named `../x` or `/etc/x` is ever
    // written, read or removed outside the folder (the sync client and transfers use fileIn()).
    QString pathFor(const QString &attachmentId) const;
    static QString fileIn(const QString &directory, const QString &attachmentId);
    // Removes encrypted files that have no attachment row; returns how many.
    Result<int> sweepOrphans();

private:
    ChangeLog &m_log;
    RecordReader &m_reader;
    const Validator &m_validator;
    const FileCipher &m_files;
    QString m_directory;
    const Actor &m_actor;
};

} // namespace Core
