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
    QString pathFor(const QString &attachmentId) const;
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
