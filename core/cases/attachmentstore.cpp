// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/attachmentstore.h"

#include "core/cases/recordreader.h"
#include "core/changelog/action.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/crypto/filecipher.h"
#include "core/domain/validator.h"
#include "core/sql/database.h"
#include "core/sql/transaction.h"
#include "core/util/uuid.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QScopeGuard>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Core {

AttachmentStore::AttachmentStore(ChangeLog &log, RecordReader &reader, const Validator &validator,
                                 const FileCipher &files, QString directory, const Actor &actor)
    : m_log(log)
    , m_reader(reader)
    , m_validator(validator)
    , m_files(files)
    , m_directory(std::move(directory))
    , m_actor(actor)
{ }

QString AttachmentStore::fileIn(const QString &directory, const QString &attachmentId)
{
    if (!isUuid(attachmentId))
        return {};
    const QDir dir(directory);
    QString path = QDir::cleanPath(dir.absoluteFilePath(attachmentId + u".bin"_s));
    // A UUID is hex digits and '-', so the name cannot leave the folder; checked all the same,
    // as the one place where ids become paths.
    if (QFileInfo(path).absolutePath() != QDir::cleanPath(dir.absolutePath()))
        return {};
    return path;
}

QString AttachmentStore::pathFor(const QString &attachmentId) const
{
    return fileIn(m_directory, attachmentId);
}

Result<Record> AttachmentStore::attach(const QString &caseId, const QString &sourcePath,
                                       const QString &description)
{
    if (Status s = checkMayRecord(m_actor); !s)
        return s.error();
    const EntityDef &entity = *Schema::entity(u"attachment");
    if (const Result<Record> owner = m_reader.find(*Schema::entity(u"case"), caseId); !owner)
        return owner.error();
    const QFileInfo source(sourcePath);
    if (!source.isFile())
        return Error{Error::Code::NotFound, u"the file to attach does not exist"_s, u"file"_s};
    if (source.size() > maxBytes)
        return Error{Error::Code::InvalidInput,
                     u"the file is %1 bytes, at most %2"_s.arg(source.size()).arg(maxBytes),
                     u"file"_s,
                     Error::Reason::TooLarge,
                     {},
                     maxBytes};
    QVariantHash values{{u"file_name"_s, source.fileName()},
                        {u"mime_type"_s, QMimeDatabase().mimeTypeForFile(source).name()},
                        {u"size_bytes"_s, source.size()}};
    if (!description.isEmpty())
        values.insert(u"description"_s, description);
    if (Status s = m_validator.validate(entity, values, true); !s)
        return s.error();
    if (!QDir().mkpath(m_directory))
        return Error{Error::Code::StoreUnavailable, u"cannot create %1"_s.arg(m_directory)};

    // The write lock first, then the content (atomic rename inside), then the row: while we
    // hold the lock no other process sweeps, so it never sees our file without its row; a
    // failed row removes the file.
    Result<std::unique_ptr<Action>> begun = m_log.begin(m_actor.login);
    if (!begun)
        return begun.error();
    const QString id = newUuidV7((*begun)->startedAt());
    const QString target = pathFor(id);
    if (Status s = m_files.encryptFile(sourcePath, id, target); !s)
        return s.error();
    auto removeFile = qScopeGuard([&] { QFile::remove(target); });
    if (Status s = (*begun)->insert(entity, id, caseId, values); !s)
        return s.error();
    if (Status s = (*begun)->commit(); !s)
        return s.error();
    removeFile.dismiss();
    Record record;
    record.entity = entity.name;
    record.id = id;
    record.caseId = caseId;
    record.fields = values;
    return record;
}

Result<QByteArray> AttachmentStore::read(const QString &attachmentId)
{
    if (pathFor(attachmentId).isEmpty())
        return invalidInput(Error::Reason::BadFormat, u"attachment"_s, u"not an attachment id"_s);
    if (const Result<Record> row = m_reader.find(*Schema::entity(u"attachment"), attachmentId); !row)
        return row.error();
    return m_files.decryptFile(pathFor(attachmentId), attachmentId);
}

Result<int> AttachmentStore::sweepOrphans()
{
    QDir dir(m_directory);
    if (!dir.exists())
        return 0;
    // Under the write lock: an attach in another process holds it from before its file exists
    // until its row commits, so a file without a row here is really orphaned.
    Transaction lock(m_log.database());
    if (Status s = lock.begin(); !s)
        return s.error();
    int removed = 0;
    // "<id>.bin", and QSaveFile's "<id>.bin.XXXXXX" left by a crash mid-write.
    const QStringList files = dir.entryList({u"*.bin"_s, u"*.bin.*"_s}, QDir::Files);
    for (const QString &name : files) {
        const QString id = name.section(u'.', 0, 0);
        Statement &query = m_log.database().statement(u"SELECT 1 FROM attachments WHERE id = ?"_s);
        query.bind(1, id);
        const bool found = query.next();
        if (!found && query.failed()) {
            const Error error = query.error();
            query.reset();
            return error;
        }
        query.reset();
        const bool known = found && name.endsWith(u".bin"_s);
        if (!known && dir.remove(name))
            ++removed;
    }
    lock.rollback(); // nothing was written; release the lock
    return removed;
}

} // namespace Core
