// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/fieldcipher.h"
#include "core/crypto/filecipher.h"
#include "core/crypto/keywrap.h"
#include "core/crypto/secretkey.h"
#include "core/crypto/sodium.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <sodium.h>
#include <utility>

using namespace Qt::StringLiterals;
using Core::Error;
using Core::FieldCipher;
using Core::FileCipher;
using Core::KdfStrength;
using Core::SecretKey;

namespace {

constexpr qsizetype chunkSize = qsizetype(64) * 1024;
constexpr qsizetype fileHeader = 8 + 24; // magic + secretstream header
constexpr qsizetype chunkOverhead = 4 + 17; // length prefix + secretstream tag and MAC

QByteArray randomPayload(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (size > 0)
        Core::randomBytes(bytes.data(), std::size_t(size));
    return bytes;
}

QByteArray keyBytes(const SecretKey &key)
{
    return QByteArray(reinterpret_cast<const char *>(key.data()), qsizetype(SecretKey::size));
}

// The size the documented file format gives for `plain` bytes of content.
qsizetype expectedFileSize(qsizetype plain)
{
    const qsizetype chunks = plain == 0 ? 1 : (plain + chunkSize - 1) / chunkSize;
    return fileHeader + chunks * chunkOverhead + plain;
}

// A field cipher on a fresh random key.
FieldCipher freshFieldCipher()
{
    return FieldCipher(SecretKey::random());
}

// A temporary folder, a data key and a file cipher using it.
struct FileFixture
{
    QTemporaryDir dir;
    SecretKey key = SecretKey::random();
    FileCipher cipher{key};

    QString path(const QString &name) const { return dir.filePath(name); }

    // Encrypts `plain` to a file and returns the file's bytes.
    QByteArray sealedFile(const QByteArray &plain, const QString &attachmentId, const QString &name)
    {
        REQUIRE(cipher.encryptToFile(plain, attachmentId, path(name)).ok());
        return Test::readAll(path(name));
    }

    // Writes `bytes` as a file and returns what decryptFile() makes of it.
    Core::Result<QByteArray> decryptBytes(const QByteArray &bytes, const QString &attachmentId)
    {
        const QString damaged = path(u"damaged.bin"_s);
        Test::writeAll(damaged, bytes);
        return cipher.decryptFile(damaged, attachmentId);
    }
};

} // namespace

// --- Keys ---------------------------------------------------------------------------------

TEST_CASE("random secret keys are valid and distinct", "[core][crypto]")
{
    const SecretKey a = SecretKey::random();
    const SecretKey b = SecretKey::random();
    REQUIRE(a.isValid());
    REQUIRE(b.isValid());
    CHECK(keyBytes(a) != keyBytes(b));
    CHECK(keyBytes(a) != QByteArray(qsizetype(SecretKey::size), '\0'));
}

TEST_CASE("a secret key is built only from exactly 32 bytes", "[core][crypto]")
{
    const QByteArray bytes = randomPayload(32);
    const SecretKey key = SecretKey::fromBytes(bytes);
    REQUIRE(key.isValid());
    CHECK(keyBytes(key) == bytes);

    CHECK_FALSE(SecretKey::fromBytes(randomPayload(31)).isValid());
    CHECK_FALSE(SecretKey::fromBytes(randomPayload(33)).isValid());
    CHECK_FALSE(SecretKey::fromBytes({}).isValid());
    CHECK_FALSE(SecretKey().isValid());
}

TEST_CASE("moving a secret key transfers it and empties the source", "[core][crypto]")
{
    SecretKey source = SecretKey::random();
    const QByteArray bytes = keyBytes(source);

    SecretKey moved(std::move(source));
    CHECK_FALSE(source.isValid()); // NOLINT(bugprone-use-after-move): checking the moved-from state
    REQUIRE(moved.isValid());
    CHECK(keyBytes(moved) == bytes);

    SecretKey assigned = SecretKey::random();
    assigned = std::move(moved);
    CHECK_FALSE(moved.isValid()); // NOLINT(bugprone-use-after-move)
    CHECK(keyBytes(assigned) == bytes);
}

// --- Field cipher -------------------------------------------------------------------------

TEST_CASE("a sealed text field opens to the same text", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QString narrative = u"Korban (perempuan, 34 th) melapor kekerasan dalam rumah tangga. José — ✓"_s;
    const QByteArray sealed
        = cipher.sealText(narrative, u"case", u"0190c7e2-0000-7000-8000-000000000001", u"narrative");

    // 24-byte nonce, the UTF-8 ciphertext, a 16-byte tag.
    CHECK(sealed.size() == 24 + narrative.toUtf8().size() + 16);
    const Core::Result<QString> opened
        = cipher.openText(sealed, u"case", u"0190c7e2-0000-7000-8000-000000000001", u"narrative");
    REQUIRE(opened.ok());
    CHECK(opened.value() == narrative);
}

TEST_CASE("binary values round-trip through seal and open", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray ad = FieldCipher::associatedData(u"person", u"p-1", u"photo");
    for (const qsizetype size : {1, 15, 16, 17, 1000, 70000}) {
        const QByteArray plain = randomPayload(size);
        const Core::Result<QByteArray> opened = cipher.open(cipher.seal(plain, ad), ad);
        REQUIRE(opened.ok());
        CHECK(opened.value() == plain);
    }
}

TEST_CASE("an empty value round-trips and is still authenticated", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray ad = FieldCipher::associatedData(u"case", u"c-1", u"notes");
    const QByteArray sealed = cipher.seal({}, ad);
    CHECK(sealed.size() == 24 + 16);

    const Core::Result<QByteArray> opened = cipher.open(sealed, ad);
    REQUIRE(opened.ok());
    CHECK(opened.value().isEmpty());

    const Core::Result<QString> text
        = cipher.openText(cipher.sealText(QString(), u"case", u"c-1", u"notes"), u"case", u"c-1", u"notes");
    REQUIRE(text.ok());
    CHECK(text.value().isEmpty());
    CHECK_FALSE(text.value().isNull());

    // Even an empty value is bound to where it lives.
    CHECK_FALSE(cipher.open(sealed, FieldCipher::associatedData(u"case", u"c-2", u"notes")).ok());
}

TEST_CASE("a sealed field does not open under another row, field or entity", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray sealed = cipher.sealText(u"3171012345678901"_s, u"person", u"p-1", u"nik");

    const auto check = [&](QStringView entity, QStringView id, QStringView field) {
        const Core::Result<QString> opened = cipher.openText(sealed, entity, id, field);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == Error::Code::Corrupt);
        CHECK(opened.error().detail == u"authentication failed"_s);
    };
    check(u"person", u"p-2", u"nik"); // copied into another row
    check(u"person", u"p-1", u"name"); // copied into another column
    check(u"case", u"p-1", u"nik"); // copied into another table
    check(u"person", u"p-1", u"nik2");
    REQUIRE(cipher.openText(sealed, u"person", u"p-1", u"nik").ok());
}

TEST_CASE("associated data keeps entity, id and field apart", "[core][crypto][field]")
{
    CHECK(FieldCipher::associatedData(u"case", u"c-1", u"notes")
          == QByteArray("case\x1f"
                        "c-1\x1fnotes"));
    CHECK(FieldCipher::associatedData(u"ab", u"c", u"d") != FieldCipher::associatedData(u"a", u"bc", u"d"));
    CHECK(FieldCipher::associatedData(u"a", u"bc", u"d") != FieldCipher::associatedData(u"a", u"b", u"cd"));
    // Non-ASCII ids are encoded as UTF-8.
    CHECK(FieldCipher::associatedData(u"e", u"é", u"f")
          == QByteArray("e\x1f\xc3\xa9\x1f"
                        "f"));
}

TEST_CASE("changing any byte of a sealed value makes it fail to open", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray ad = FieldCipher::associatedData(u"case", u"c-1", u"title");
    const QByteArray sealed = cipher.seal("Kunjungan rumah", ad);
    REQUIRE(cipher.open(sealed, ad).ok());

    // Every position: nonce, ciphertext and tag.
    for (qsizetype i = 0; i < sealed.size(); ++i) {
        QByteArray tampered = sealed;
        tampered[i] = char(tampered[i] ^ 0x01);
        const Core::Result<QByteArray> opened = cipher.open(tampered, ad);
        INFO("flipped byte " << i);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == Error::Code::Corrupt);
    }
}

TEST_CASE("a sealed value cut short or padded fails to open", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray ad = FieldCipher::associatedData(u"case", u"c-1", u"title");
    const QByteArray sealed = cipher.seal("Kunjungan rumah", ad);

    for (const qsizetype keep : {0, 1, 23, 24, 39, 40, int(sealed.size()) - 1}) {
        const Core::Result<QByteArray> opened = cipher.open(sealed.first(keep), ad);
        INFO("kept " << keep << " bytes");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == Error::Code::Corrupt);
    }
    CHECK_FALSE(cipher.open(QByteArray(sealed + '\0'), ad).ok());
}

TEST_CASE("a value sealed under one key does not open under another", "[core][crypto][field]")
{
    const FieldCipher ours = freshFieldCipher();
    const FieldCipher theirs = freshFieldCipher();
    const QByteArray sealed = ours.sealText(u"Siti"_s, u"person", u"p-1", u"name");
    const Core::Result<QString> opened = theirs.openText(sealed, u"person", u"p-1", u"name");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == Error::Code::Corrupt);
}

TEST_CASE("sealing the same value twice gives different ciphertexts", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray a = cipher.sealText(u"Siti Nurhaliza"_s, u"person", u"p-1", u"name");
    const QByteArray b = cipher.sealText(u"Siti Nurhaliza"_s, u"person", u"p-1", u"name");
    CHECK(a != b);
    CHECK(a.first(24) != b.first(24)); // fresh random nonces
}

TEST_CASE("a sealed value does not contain its plaintext", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray phrase = "dipukul oleh suami";
    QByteArray plain;
    for (int i = 0; i < 50; ++i)
        plain += phrase + ' ';
    const QByteArray sealed = cipher.seal(plain, FieldCipher::associatedData(u"case", u"c-1", u"narrative"));
    CHECK_FALSE(sealed.contains(phrase));
    CHECK_FALSE(sealed.contains("dipukul"));
}

TEST_CASE("opening text that is not valid UTF-8 is refused as corrupt", "[core][crypto][field]")
{
    const FieldCipher cipher = freshFieldCipher();
    const QByteArray sealed
        = cipher.seal("abc\xC3\x28", FieldCipher::associatedData(u"case", u"c-1", u"title"));
    // The bytes themselves authenticate...
    REQUIRE(cipher.open(sealed, FieldCipher::associatedData(u"case", u"c-1", u"title")).ok());
    // ...but are not decoded leniently as text.
    const Core::Result<QString> text = cipher.openText(sealed, u"case", u"c-1", u"title");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().code == Error::Code::Corrupt);
}

// --- Key wrapping -------------------------------------------------------------------------

TEST_CASE("a wrapped data key unwraps with the right passphrase", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, u"kata sandi yang panjang"_s, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());
    CHECK(wrapped->login == u"siti"_s);
    CHECK(wrapped->salt.size() == crypto_pwhash_SALTBYTES);
    CHECK(wrapped->opsLimit == crypto_pwhash_OPSLIMIT_MIN);
    CHECK(wrapped->memLimit == crypto_pwhash_MEMLIMIT_MIN);
    CHECK(wrapped->sealed.size() == 24 + 32 + 16);
    CHECK_FALSE(wrapped->sealed.contains(keyBytes(dataKey)));

    const Core::Result<SecretKey> unwrapped = Core::unwrapKey(*wrapped, u"kata sandi yang panjang"_s);
    REQUIRE(unwrapped.ok());
    REQUIRE(unwrapped->isValid());
    CHECK(keyBytes(*unwrapped) == keyBytes(dataKey));
}

TEST_CASE("interactive key wrapping records libsodium's interactive limits", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped = Core::wrapKey(dataKey, u"budi"_s, u"rahasia"_s);
    REQUIRE(wrapped.ok());
    CHECK(wrapped->opsLimit == crypto_pwhash_OPSLIMIT_INTERACTIVE);
    CHECK(wrapped->memLimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);

    const Core::Result<SecretKey> unwrapped = Core::unwrapKey(*wrapped, u"rahasia"_s);
    REQUIRE(unwrapped.ok());
    CHECK(keyBytes(*unwrapped) == keyBytes(dataKey));
}

TEST_CASE("a wrong passphrase is reported as locked", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, u"benar"_s, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());

    for (const QString &attempt : {u"salah"_s, u"Benar"_s, u"benar "_s, QString()}) {
        const Core::Result<SecretKey> unwrapped = Core::unwrapKey(*wrapped, attempt);
        REQUIRE_FALSE(unwrapped.ok());
        CHECK(unwrapped.error().code == Error::Code::Locked);
        CHECK(unwrapped.error().detail == u"wrong passphrase"_s);
    }
}

TEST_CASE("a passphrase opens the key however its accents were typed", "[core][crypto][keywrap]")
{
    // "José" as one precomposed code point and as "e" plus a combining acute accent.
    const QString composed = u"Jos\u00e9 123"_s;
    const QString decomposed = u"Jose\u0301 123"_s;
    REQUIRE(composed != decomposed);

    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, composed, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());
    const Core::Result<SecretKey> unwrapped = Core::unwrapKey(*wrapped, decomposed);
    REQUIRE(unwrapped.ok());
    CHECK(keyBytes(*unwrapped) == keyBytes(dataKey));
}

TEST_CASE("a wrapped key record moved to another login does not unwrap", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, u"sandi"_s, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());

    Core::WrappedKey moved = *wrapped;
    moved.login = u"budi"_s;
    const Core::Result<SecretKey> unwrapped = Core::unwrapKey(moved, u"sandi"_s);
    REQUIRE_FALSE(unwrapped.ok());
    CHECK(unwrapped.error().code == Error::Code::Locked);
}

TEST_CASE("wrapping the same key twice uses a fresh salt and nonce", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const auto a = Core::wrapKey(dataKey, u"siti"_s, u"sandi"_s, KdfStrength::Minimum);
    const auto b = Core::wrapKey(dataKey, u"siti"_s, u"sandi"_s, KdfStrength::Minimum);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->salt != b->salt);
    CHECK(a->sealed != b->sealed);
}

TEST_CASE("a tampered wrapped key record is refused before the KDF runs", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, u"sandi"_s, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());

    const auto expectCorrupt = [](const Core::WrappedKey &record) {
        const Core::Result<SecretKey> unwrapped = Core::unwrapKey(record, u"sandi"_s);
        REQUIRE_FALSE(unwrapped.ok());
        CHECK(unwrapped.error().code == Error::Code::Corrupt);
    };

    Core::WrappedKey record = *wrapped;
    SECTION("salt of the wrong size")
    {
        record.salt.chop(1);
        expectCorrupt(record);
        record.salt = wrapped->salt + 'x';
        expectCorrupt(record);
    }
    SECTION("sealed key of the wrong size")
    {
        record.sealed.chop(1);
        expectCorrupt(record);
        record.sealed.clear();
        expectCorrupt(record);
    }
    SECTION("absurd KDF parameters")
    {
        record.opsLimit = 0;
        expectCorrupt(record);
        record = *wrapped;
        record.opsLimit = quint64(1) << 40; // would run for days
        expectCorrupt(record);
        record = *wrapped;
        record.memLimit = 1024; // below Argon2id's minimum
        expectCorrupt(record);
        record = *wrapped;
        record.memLimit = quint64(1) << 42; // 4 TiB
        expectCorrupt(record);
    }
}

TEST_CASE("changed but plausible KDF parameters give a key that does not unwrap", "[core][crypto][keywrap]")
{
    const SecretKey dataKey = SecretKey::random();
    const Core::Result<Core::WrappedKey> wrapped
        = Core::wrapKey(dataKey, u"siti"_s, u"sandi"_s, KdfStrength::Minimum);
    REQUIRE(wrapped.ok());

    Core::WrappedKey record = *wrapped;
    record.opsLimit += 1;
    const Core::Result<SecretKey> unwrapped = Core::unwrapKey(record, u"sandi"_s);
    REQUIRE_FALSE(unwrapped.ok());
    CHECK(unwrapped.error().code == Error::Code::Locked);

    record = *wrapped;
    record.sealed[30] = char(record.sealed[30] ^ 0x80);
    CHECK_FALSE(Core::unwrapKey(record, u"sandi"_s).ok());
}

// --- File cipher --------------------------------------------------------------------------

TEST_CASE("attachments of every size round-trip through an encrypted file", "[core][crypto][file]")
{
    FileFixture f;
    REQUIRE(f.dir.isValid());
    const qsizetype size = GENERATE(
        values<qsizetype>({0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 2 * chunkSize, 200 * 1024 + 1}));
    INFO("plaintext size " << size);
    const QByteArray plain = randomPayload(size);
    const QString path = f.path(u"a.bin"_s);

    REQUIRE(f.cipher.encryptToFile(plain, u"att-1"_s, path).ok());
    const QByteArray file = Test::readAll(path);
    CHECK(file.size() == expectedFileSize(size));
    CHECK(file.startsWith("DMPGATT1"));

    const Core::Result<QByteArray> opened = f.cipher.decryptFile(path, u"att-1"_s);
    REQUIRE(opened.ok());
    CHECK(opened->size() == size);
    CHECK(opened.value() == plain);
}

TEST_CASE("a file on disk is encrypted chunk by chunk and decrypts to the same bytes", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray plain = randomPayload(3 * chunkSize + 12345);
    const QString source = f.path(u"foto.jpg"_s);
    Test::writeAll(source, plain);

    REQUIRE(f.cipher.encryptFile(source, u"att-2"_s, f.path(u"att-2.bin"_s)).ok());
    CHECK(Test::readAll(f.path(u"att-2.bin"_s)).size() == expectedFileSize(plain.size()));
    const Core::Result<QByteArray> opened = f.cipher.decryptFile(f.path(u"att-2.bin"_s), u"att-2"_s);
    REQUIRE(opened.ok());
    CHECK(opened.value() == plain);

    // The same bytes from memory and from disk make files of the same shape; an empty source
    // file works too.
    Test::writeAll(source, {});
    REQUIRE(f.cipher.encryptFile(source, u"att-3"_s, f.path(u"att-3.bin"_s)).ok());
    const Core::Result<QByteArray> empty = f.cipher.decryptFile(f.path(u"att-3.bin"_s), u"att-3"_s);
    REQUIRE(empty.ok());
    CHECK(empty->isEmpty());
}

TEST_CASE("an encrypted file does not contain its plaintext", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray phrase = "Korban melaporkan kekerasan dalam rumah tangga";
    QByteArray plain;
    while (plain.size() < 3 * chunkSize)
        plain += phrase + '\n';
    const QByteArray file = f.sealedFile(plain, u"att-1"_s, u"a.bin"_s);
    CHECK_FALSE(file.contains(phrase));
    CHECK_FALSE(file.contains("kekerasan"));

    const Core::Result<QByteArray> opened = f.cipher.decryptFile(f.path(u"a.bin"_s), u"att-1"_s);
    REQUIRE(opened.ok());
    CHECK(opened->contains(phrase));
}

TEST_CASE("encrypting the same attachment twice gives different files", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray plain = randomPayload(1000);
    CHECK(f.sealedFile(plain, u"att-1"_s, u"a.bin"_s) != f.sealedFile(plain, u"att-1"_s, u"b.bin"_s));
}

TEST_CASE("an encrypted file opens only under its own attachment id and key", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray plain = randomPayload(chunkSize + 10);
    const QString path = f.path(u"a.bin"_s);
    REQUIRE(f.cipher.encryptToFile(plain, u"att-1"_s, path).ok());

    const Core::Result<QByteArray> otherId = f.cipher.decryptFile(path, u"att-2"_s);
    REQUIRE_FALSE(otherId.ok());
    CHECK(otherId.error().code == Error::Code::Corrupt);

    const SecretKey otherKey = SecretKey::random();
    const FileCipher otherCipher(otherKey);
    const Core::Result<QByteArray> wrongKey = otherCipher.decryptFile(path, u"att-1"_s);
    REQUIRE_FALSE(wrongKey.ok());
    CHECK(wrongKey.error().code == Error::Code::Corrupt);
}

TEST_CASE("a missing encrypted file is reported as not found", "[core][crypto][file]")
{
    FileFixture f;
    const Core::Result<QByteArray> opened = f.cipher.decryptFile(f.path(u"nope.bin"_s), u"att-1"_s);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == Error::Code::NotFound);

    const Core::Status encrypted
        = f.cipher.encryptFile(f.path(u"nope.jpg"_s), u"att-1"_s, f.path(u"x.bin"_s));
    REQUIRE_FALSE(encrypted.ok());
    CHECK(encrypted.error().code == Error::Code::NotFound);
    CHECK_FALSE(QFile::exists(f.path(u"x.bin"_s)));
}

TEST_CASE("a truncated encrypted file is reported as corrupt", "[core][crypto][file]")
{
    FileFixture f;
    // Four chunks: three full ones and a final one of 8193 bytes.
    const QByteArray plain = randomPayload(200 * 1024 + 1);
    const QByteArray file = f.sealedFile(plain, u"att-1"_s, u"a.bin"_s);
    const qsizetype fullRecord = chunkOverhead + chunkSize;
    REQUIRE(file.size() == fileHeader + 3 * fullRecord + chunkOverhead + 8193);

    const qsizetype cut = GENERATE_COPY(values<qsizetype>({
        0, 1, 7, 8, 31, 32, // inside the magic or the stream header
        33, 35, 36, 36 + 17, // inside the first length prefix or chunk
        fileHeader + fullRecord, // exactly after the first chunk
        fileHeader + 3 * fullRecord, // every full chunkSize, but no final chunk at all
        fileHeader + 3 * fullRecord + 4, // the final chunk's length, but none of its bytes
        file.size() - 17, file.size() - 1, // the final chunk without (all of) its MAC
    }));
    INFO("cut at " << cut);
    const Core::Result<QByteArray> opened = f.decryptBytes(file.first(cut), u"att-1"_s);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == Error::Code::Corrupt);
}

TEST_CASE("data appended after the final chunk is reported as corrupt", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray file = f.sealedFile(randomPayload(chunkSize + 100), u"att-1"_s, u"a.bin"_s);
    const QByteArray lastRecord = file.last(chunkOverhead + 100);

    for (const QByteArray &tail : {QByteArray(1, '\0'), randomPayload(100), lastRecord}) {
        const Core::Result<QByteArray> opened = f.decryptBytes(file + tail, u"att-1"_s);
        INFO("appended " << tail.size() << " bytes");
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().code == Error::Code::Corrupt);
    }
    // The untouched file still opens, so the failures above come from the appended bytes.
    CHECK(f.decryptBytes(file, u"att-1"_s).ok());
}

TEST_CASE("a flipped bit anywhere in an encrypted file is reported as corrupt", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray file = f.sealedFile(randomPayload(2 * chunkSize + 500), u"att-1"_s, u"a.bin"_s);
    const qsizetype secondRecord = fileHeader + chunkOverhead + chunkSize;

    const qsizetype at = GENERATE_COPY(values<qsizetype>({
        0, 7, // magic
        8, 20, 31, // stream header
        32, 33, 34, 35, // first length prefix, every byte
        36, // first chunk's tag byte
        37, 1000, secondRecord - 17, // first chunk's ciphertext
        secondRecord - 1, // first chunk's MAC
        secondRecord, secondRecord + 4 + 5, // second chunk
        file.size() - 500 - 17, // final chunk's ciphertext
        file.size() - 1, // final chunk's MAC
    }));
    INFO("flipped byte " << at);
    QByteArray tampered = file;
    tampered[at] = char(tampered[at] ^ 0x01);
    const Core::Result<QByteArray> opened = f.decryptBytes(tampered, u"att-1"_s);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == Error::Code::Corrupt);
}

TEST_CASE("reordered or dropped chunks are reported as corrupt", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray file = f.sealedFile(randomPayload(3 * chunkSize + 1), u"att-1"_s, u"a.bin"_s);
    const qsizetype record = chunkOverhead + chunkSize;
    const QByteArray head = file.first(fileHeader);
    const QByteArray first = file.sliced(fileHeader, record);
    const QByteArray second = file.sliced(fileHeader + record, record);
    const QByteArray rest = file.sliced(fileHeader + 2 * record);

    CHECK(f.decryptBytes(head + first + second + rest, u"att-1"_s).ok());
    CHECK_FALSE(f.decryptBytes(head + second + first + rest, u"att-1"_s).ok());
    CHECK_FALSE(f.decryptBytes(head + first + rest, u"att-1"_s).ok());
    CHECK_FALSE(f.decryptBytes(head + first + first + second + rest, u"att-1"_s).ok());
}

TEST_CASE("a file that is not an encrypted attachment is reported as corrupt", "[core][crypto][file]")
{
    FileFixture f;
    const QByteArray file = f.sealedFile("isi", u"att-1"_s, u"a.bin"_s);

    QByteArray otherVersion = file;
    otherVersion[7] = '2'; // "DMPGATT2"
    const Core::Result<QByteArray> opened = f.decryptBytes(otherVersion, u"att-1"_s);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == Error::Code::Corrupt);

    const Core::Result<QByteArray> plainFile
        = f.decryptBytes("%PDF-1.7 plain text, never encrypted", u"att-1"_s);
    REQUIRE_FALSE(plainFile.ok());
    CHECK(plainFile.error().code == Error::Code::Corrupt);
}

TEST_CASE("encrypted files are replaced atomically", "[core][crypto][file]")
{
    FileFixture f;
    const QString path = f.path(u"a.bin"_s);
    const QByteArray first = randomPayload(500);
    const QByteArray second = randomPayload(700);
    REQUIRE(f.cipher.encryptToFile(first, u"att-1"_s, path).ok());
    REQUIRE(f.cipher.encryptToFile(second, u"att-1"_s, path).ok());
    CHECK(f.cipher.decryptFile(path, u"att-1"_s).value() == second);

    // No temporary files are left beside the result.
    CHECK(QDir(f.dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{u"a.bin"_s});

    // A failed encryption leaves the previous file as it was.
    REQUIRE_FALSE(f.cipher.encryptFile(f.path(u"missing.jpg"_s), u"att-1"_s, path).ok());
    CHECK(f.cipher.decryptFile(path, u"att-1"_s).value() == second);
}

TEST_CASE("an encrypted file that cannot be written is reported as store unavailable", "[core][crypto][file]")
{
    FileFixture f;
    const QString path = f.path(u"no-such-folder/a.bin"_s);
    const Core::Status written = f.cipher.encryptToFile("isi", u"att-1"_s, path);
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == Error::Code::StoreUnavailable);
    CHECK_FALSE(written.error().detail.isEmpty());
    CHECK_FALSE(QFile::exists(path));
}
