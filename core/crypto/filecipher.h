// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/crypto/secretkey.h"
#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace Core {

// Encrypts attachment contents with libsodium's secretstream (XChaCha20-Poly1305, 64 KiB
// chunks, a FINAL tag on the last chunk so truncation is detected). A derived per-file subkey
// and associated data on every chunk bind the file to its attachment id.
// Writes are atomic: a temporary file in the same folder, fsync, then rename.
class FileCipher final
{
public:
    explicit FileCipher(const SecretKey &dataKey);

    Status encryptToFile(QByteArrayView plain, const QString &attachmentId, const QString &path) const;
    // Encrypts a file from disk chunk by chunk (no whole-file copy in memory).
    Status encryptFile(const QString &sourcePath, const QString &attachmentId, const QString &path) const;
    // Corrupt if the file was tampered with or truncated, NotFound if it is missing.
    Result<QByteArray> decryptFile(const QString &path, const QString &attachmentId) const;

private:
    const SecretKey &m_dataKey;
};

} // namespace Core
