// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/filecipher.h"

#include "core/crypto/sodium.h"
#include "core/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

#include <sodium.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

// File layout (all lengths little-endian):
//   "DMPGATT1" | secretstream header (24 bytes) | chunk...
//   chunk = u32 ciphertext length | ciphertext (plaintext of at most 64 KiB + 17 bytes)
// The last chunk, and only the last, carries TAG_FINAL; a file that ends before it, or goes
// on after it, is corrupt. The length prefixes are not authenticated, but any change to them
// misframes a chunk, and that chunk then fails its tag.
constexpr QByteArrayView magic = "DMPGATT1";
constexpr qsizetype chunkBytes = qsizetype(64) * 1024;
constexpr qsizetype headerBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr qsizetype overheadBytes = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr qsizetype lengthBytes = 4;
constexpr unsigned char tagMessage = crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
constexpr unsigned char tagFinal = crypto_secretstream_xchacha20poly1305_TAG_FINAL;

// BLAKE2b personalisation for the per-file subkey (exactly 16 bytes): keeps this use of the
// data key apart from every other use of it.
constexpr unsigned char subkeyPersonal[crypto_generichash_blake2b_PERSONALBYTES] = "dampingi-att-v1";

const unsigned char *bytesOf(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytesOf(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

// Zeroes a plaintext buffer. A buffer that shrank still holds older plaintext past its end, so
// the whole allocation is wiped, not just the current size.
void wipe(QByteArray &array)
{
    array.resize(array.capacity());
    if (!array.isEmpty())
        sodium_memzero(array.data(), std::size_t(array.size()));
    array.clear();
}

// Wipes the stream state (it holds key material) when it goes out of scope.
struct StreamState
{
    crypto_secretstream_xchacha20poly1305_state state{};
    StreamState() = default;
    StreamState(const StreamState &) = delete;
    StreamState &operator=(const StreamState &) = delete;
    ~StreamState() { sodium_memzero(&state, sizeof state); }
};

Error corrupt(QString detail)
{
    return Error{Error::Code::Corrupt, std::move(detail)};
}

// A subkey per attachment: BLAKE2b keyed with the data key over the attachment id. A file
// copied under another attachment's name then fails on its first chunk.
SecretKey deriveSubkey(const SecretKey &dataKey, const QString &attachmentId)
{
    SecretKey subkey = SecretKey::random(); // allocates guarded memory; overwritten below
    if (!subkey.isValid() || !dataKey.isValid())
        return {};
    const QByteArray id = attachmentId.toUtf8();
    crypto_generichash_blake2b_salt_personal(subkey.data(), SecretKey::size, bytesOf(id), quint64(id.size()),
                                             dataKey.data(), SecretKey::size, nullptr, subkeyPersonal);
    return subkey;
}

// Makes a completed rename durable: QSaveFile syncs the file, but the directory entry that
// now names it lives in the folder. Best effort: the data is already safely in place.
void syncDirectoryOf(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0)
        qCWarning(lcCrypto) << "could not sync folder of" << QFileInfo(path).fileName();
    if (fd >= 0)
        ::close(fd);
#else
    Q_UNUSED(path);
#endif
}

// Encrypts what `nextChunk` yields into `path`, atomically. `nextChunk(buffer)` fills
// `buffer` with up to chunkBytes of plaintext; an empty buffer means the source is exhausted.
template <typename NextChunk>
Status writeEncrypted(const SecretKey &dataKey, const QString &attachmentId, const QString &path,
                      NextChunk nextChunk)
{
    if (attachmentId.isEmpty())
        return invalidInput(Error::Reason::Required, u"attachmentId"_s, u"empty attachment id"_s);
    if (!ensureSodium())
        return Error{Error::Code::StoreUnavailable, u"libsodium failed to initialise"_s};
    const SecretKey subkey = deriveSubkey(dataKey, attachmentId);
    if (!subkey.isValid())
        return Error{Error::Code::Locked, u"no data key"_s};

    // QSaveFile writes a temporary file beside `path` and renames it over `path` only on
    // commit(); returning early discards the temporary file and leaves any old file intact.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{Error::Code::StoreUnavailable, out.errorString()};
    const auto write
        = [&out](QByteArrayView bytes) { return out.write(bytes.data(), bytes.size()) == bytes.size(); };

    StreamState stream;
    QByteArray header(headerBytes, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_init_push(&stream.state, bytesOf(header), subkey.data());
    if (!write(magic) || !write(header))
        return Error{Error::Code::StoreUnavailable, out.errorString()};

    const QByteArray ad = attachmentId.toUtf8();
    QByteArray current;
    QByteArray next;
    QByteArray record(lengthBytes + chunkBytes + overheadBytes, Qt::Uninitialized);
    // Reading one chunk ahead tells us which chunk is the last, so it can carry TAG_FINAL
    // even when the source size is an exact multiple of the chunk size.
    Status status = nextChunk(current);
    while (status) {
        status = nextChunk(next);
        if (!status)
            break;
        const bool last = next.isEmpty();
        unsigned long long cipherLength = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &stream.state, bytesOf(record) + lengthBytes, &cipherLength, bytesOf(current),
            quint64(current.size()), bytesOf(ad), quint64(ad.size()), last ? tagFinal : tagMessage);
        qToLittleEndian(quint32(cipherLength), record.data());
        if (!write(QByteArrayView(record).first(lengthBytes + qsizetype(cipherLength)))) {
            status = Error{Error::Code::StoreUnavailable, out.errorString()};
            break;
        }
        if (last)
            break;
        std::swap(current, next);
    }
    wipe(current);
    wipe(next);
    if (!status)
        return status;
    if (!out.commit())
        return Error{Error::Code::StoreUnavailable, out.errorString()};
    syncDirectoryOf(path);
    return {};
}

} // namespace

FileCipher::FileCipher(const SecretKey &dataKey)
    : m_dataKey(dataKey)
{ }

Status FileCipher::encryptToFile(QByteArrayView plain, const QString &attachmentId, const QString &path) const
{
    qsizetype offset = 0;
    return writeEncrypted(m_dataKey, attachmentId, path, [&](QByteArray &buffer) -> Status {
        const QByteArrayView piece = plain.sliced(offset, std::min(chunkBytes, plain.size() - offset));
        buffer.resize(piece.size());
        std::copy(piece.begin(), piece.end(), buffer.begin());
        offset += piece.size();
        return {};
    });
}

Status FileCipher::encryptFile(const QString &sourcePath, const QString &attachmentId,
                               const QString &path) const
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        if (!source.exists())
            return Error{Error::Code::NotFound, u"source file not found"_s};
        return Error{Error::Code::StoreUnavailable, source.errorString()};
    }
    return writeEncrypted(m_dataKey, attachmentId, path, [&source](QByteArray &buffer) -> Status {
        buffer.resize(chunkBytes);
        const qint64 n = source.read(buffer.data(), chunkBytes);
        if (n < 0) {
            buffer.clear();
            return Error{Error::Code::StoreUnavailable, source.errorString()};
        }
        buffer.resize(qsizetype(n));
        return {};
    });
}

Result<QByteArray> FileCipher::decryptFile(const QString &path, const QString &attachmentId) const
{
    if (!ensureSodium())
        return Error{Error::Code::StoreUnavailable, u"libsodium failed to initialise"_s};
    const SecretKey subkey = deriveSubkey(m_dataKey, attachmentId);
    if (!subkey.isValid())
        return Error{Error::Code::Locked, u"no data key"_s};

    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        if (!in.exists())
            return Error{Error::Code::NotFound, u"attachment file not found"_s};
        return Error{Error::Code::StoreUnavailable, in.errorString()};
    }

    // Reads exactly `size` bytes; a short read is a truncated file, a failed one an I/O error.
    QByteArray buffer;
    const auto readExactly = [&in, &buffer](qsizetype size) -> Status {
        buffer.resize(size);
        const qint64 n = in.read(buffer.data(), size);
        if (n < 0)
            return Error{Error::Code::StoreUnavailable, in.errorString()};
        if (n != size)
            return corrupt(u"attachment file is truncated"_s);
        return {};
    };

    if (Status s = readExactly(magic.size()); !s)
        return s.error();
    if (buffer != magic)
        return corrupt(u"not an encrypted attachment (bad magic)"_s);

    StreamState stream;
    if (Status s = readExactly(headerBytes); !s)
        return s.error();
    if (crypto_secretstream_xchacha20poly1305_init_pull(&stream.state, bytesOf(buffer), subkey.data()) != 0)
        return corrupt(u"bad stream header"_s);

    const QByteArray ad = attachmentId.toUtf8();
    // The plaintext is never longer than the file. Reserving up front means the buffer is never
    // reallocated, so no stale copy of decrypted content is left in freed memory.
    QByteArray plain;
    plain.reserve(in.size());
    // On any failure the partly decrypted plaintext is wiped before it is dropped.
    const auto fail = [&plain](Error error) -> Result<QByteArray> {
        wipe(plain);
        return error;
    };
    for (;;) {
        if (in.atEnd())
            return fail(corrupt(u"attachment file is truncated (no final chunk)"_s));
        if (Status s = readExactly(lengthBytes); !s)
            return fail(s.error());
        const qsizetype cipherLength = qFromLittleEndian<quint32>(buffer.constData());
        if (cipherLength < overheadBytes || cipherLength > chunkBytes + overheadBytes)
            return fail(corrupt(u"bad chunk length"_s));
        if (Status s = readExactly(cipherLength); !s)
            return fail(s.error());

        const qsizetype offset = plain.size();
        plain.resize(offset + cipherLength - overheadBytes);
        unsigned char scratch = 0; // a valid output address for an empty chunk
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(
                &stream.state, offset == plain.size() ? &scratch : bytesOf(plain) + offset, nullptr, &tag,
                bytesOf(buffer), quint64(cipherLength), bytesOf(ad), quint64(ad.size()))
            != 0) {
            return fail(corrupt(u"authentication failed"_s));
        }
        if (tag == tagFinal)
            break;
        if (tag != tagMessage)
            return fail(corrupt(u"unexpected chunk tag"_s));
    }
    if (!in.atEnd())
        return fail(corrupt(u"data after the final chunk"_s));
    return plain;
}

} // namespace Core
