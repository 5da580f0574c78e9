// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/bundle.h"

#include "core/crypto/sodium.h"
#include "sync/wire.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtEndian>

#include <optional>

#include <sodium.h>

using namespace Qt::StringLiterals;
using Core::Error;

namespace Sync {

namespace {

constexpr char magic[] = "DMPBNDL1";
constexpr int magicSize = 8;
// The manifest is read before its signature is checked, so anyone can hand one over: its CBOR is
// walked under these limits before a value is built (Wire::checkCbor). Per page it holds 5 values;
// 100,000 pages of 500 ops are far beyond a 1 GiB bundle.
constexpr Wire::Limits manifestLimits{4 * 1024 * 1024, 600'000, 100'000, 3, 4 * 1024};
// The meta page: a few named values (cursor, site, device, counts).
constexpr Wire::Limits metaLimits{64 * 1024, 256, 64, 1, 4 * 1024};

// A damaged file, and how, for the sentence a person reads (the detail is for the log):
// BadFormat, no bundle at all; TooShort, cut short (an incomplete copy); BundleAltered, content
// that is not what its sender signed (altered, or a damaged medium); TooLarge; VersionTooOld.
Error corrupt(const QString &detail, Error::Reason reason = Error::Reason::None)
{
    return Error{Error::Code::Corrupt, u"bundle refused: "_s + detail, {}, reason};
}

QByteArray checksum(QByteArrayView bytes)
{
    QByteArray out(crypto_generichash_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()), nullptr,
                       0);
    return out;
}

// The manifest's numbers are integers or nothing: QCborValue::toInteger() converts a double
// with a plain cast, undefined behaviour for one beyond qint64 (found by tests/fuzz/fuzz_bundle).
std::optional<qint64> integer(const QCborValue &value)
{
    if (!value.isInteger())
        return std::nullopt;
    return value.toInteger();
}

void appendU32(QByteArray &out, quint32 value)
{
    char buf[4];
    qToBigEndian(value, buf);
    out.append(buf, 4);
}

struct Frame
{
    QByteArray manifestBytes;
    QCborMap manifest;
    QByteArray signature;
    qsizetype pagesOffset = 0;
};

Core::Result<Frame> parseFrame(const QByteArray &file)
{
    if (file.size() > Bundle::maxFileBytes) {
        Error error = corrupt(u"the file is larger than any bundle we write"_s, Error::Reason::TooLarge);
        error.limit = Bundle::maxFileBytes;
        return error;
    }
    if (file.size() < magicSize + 4 || !file.startsWith(QByteArrayView(magic, magicSize)))
        return corrupt(u"not a Dampingi bundle (bad header)"_s, Error::Reason::BadFormat);
    const quint32 manifestSize = qFromBigEndian<quint32>(file.constData() + magicSize);
    const qsizetype manifestAt = magicSize + 4;
    if (qint64(manifestSize) > file.size() - manifestAt - crypto_sign_BYTES)
        return corrupt(u"the file is cut short inside its manifest (incomplete copy?)"_s,
                       Error::Reason::TooShort);
    if (qint64(manifestSize) > manifestLimits.bytes)
        return corrupt(u"its manifest is larger than any we write"_s, Error::Reason::BundleAltered);
    Frame frame;
    frame.manifestBytes = file.mid(manifestAt, manifestSize);
    frame.signature = file.mid(manifestAt + manifestSize, crypto_sign_BYTES);
    frame.pagesOffset = manifestAt + manifestSize + crypto_sign_BYTES;
    if (const Core::Status s = Wire::checkCbor(frame.manifestBytes, manifestLimits); !s)
        return corrupt(u"the manifest is damaged: "_s + s.error().detail, Error::Reason::BundleAltered);
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(frame.manifestBytes, &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return corrupt(u"the manifest is damaged"_s, Error::Reason::BundleAltered);
    frame.manifest = value.toMap();
    return frame;
}

} // namespace

BundleKeys BundleKeys::generate()
{
    Core::requireSodium();
    QByteArray seeds(64, '\0');
    Core::randomBytes(seeds.data(), size_t(seeds.size()));
    BundleKeys keys = fromSeeds(seeds);
    sodium_memzero(seeds.data(), size_t(seeds.size()));
    return keys;
}

BundleKeys BundleKeys::fromSeeds(QByteArrayView seeds)
{
    BundleKeys keys;
    if (seeds.size() != 64 || !Core::ensureSodium())
        return keys;
    keys.signSeed = Core::SecretKey::fromBytes(seeds.first(32));
    keys.boxSecret = Core::SecretKey::fromBytes(seeds.sliced(32));
    keys.signPublic.resize(crypto_sign_PUBLICKEYBYTES);
    unsigned char secret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(keys.signPublic.data()), secret,
                             keys.signSeed.data());
    sodium_memzero(secret, sizeof secret);
    keys.boxPublic.resize(crypto_box_PUBLICKEYBYTES);
    crypto_scalarmult_base(reinterpret_cast<unsigned char *>(keys.boxPublic.data()), keys.boxSecret.data());
    return keys;
}

QByteArray BundleKeys::seeds() const
{
    QByteArray out(64, '\0');
    if (isValid()) {
        memcpy(out.data(), signSeed.data(), 32);
        memcpy(out.data() + 32, boxSecret.data(), 32);
    }
    return out;
}

namespace Bundle {

QByteArray write(const BundleContent &content, const BundleKeys &sender, const QByteArray &recipientBoxPublic)
{
    Core::requireSodium();
    unsigned char key[crypto_secretbox_KEYBYTES];
    crypto_secretbox_keygen(key);
    QByteArray sealedKey(crypto_box_SEALBYTES + sizeof key, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char *>(sealedKey.data()), key, sizeof key,
                    reinterpret_cast<const unsigned char *>(recipientBoxPublic.constData()));

    // The named values travel as the first (encrypted) page; only routing stays readable.
    QCborMap meta;
    for (auto it = content.meta.cbegin(); it != content.meta.cend(); ++it)
        meta.insert(it.key(), it.value());
    QList<QByteArray> plainPages{meta.toCborValue().toCbor()};
    plainPages += content.pages;
    QList<QByteArray> sealedPages;
    QCborArray pageList;
    for (const QByteArray &page : std::as_const(plainPages)) {
        QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + page.size(), '\0');
        auto *out = reinterpret_cast<unsigned char *>(sealed.data());
        randombytes_buf(out, crypto_secretbox_NONCEBYTES);
        crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                              reinterpret_cast<const unsigned char *>(page.constData()), size_t(page.size()),
                              out, key);
        pageList.append(QCborMap{{"n"_L1, sealed.size()}, {"h"_L1, checksum(sealed)}});
        sealedPages << sealed;
    }
    sodium_memzero(key, sizeof key);
    const QCborMap manifest{{"v"_L1, 1},
                            {"kind"_L1, content.kind},
                            {"sender"_L1, content.sender},
                            {"recipient"_L1, content.recipient},
                            {"created"_L1, content.createdAtMs},
                            {"key"_L1, sealedKey},
                            {"pages"_L1, pageList}};
    const QByteArray manifestBytes = manifest.toCborValue().toCbor();

    unsigned char signPublic[crypto_sign_PUBLICKEYBYTES];
    unsigned char signSecret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(signPublic, signSecret, sender.signSeed.data());
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(manifestBytes.constData()),
                         size_t(manifestBytes.size()), signSecret);
    sodium_memzero(signSecret, sizeof signSecret);

    QByteArray file(magic, magicSize);
    appendU32(file, quint32(manifestBytes.size()));
    file += manifestBytes;
    file += signature;
    for (const QByteArray &sealed : std::as_const(sealedPages))
        file += sealed;
    return file;
}

Core::Result<QString> peekSender(const QByteArray &file)
{
    Core::Result<Frame> frame = parseFrame(file);
    if (!frame)
        return frame.error();
    return frame->manifest.value("sender"_L1).toString();
}

Core::Result<BundleContent> read(const QByteArray &file, const QByteArray &senderSignPublic,
                                 const BundleKeys &recipient)
{
    if (!Core::ensureSodium() || !recipient.isValid())
        return Error{Error::Code::Internal, u"bundle keys are not available"_s};
    Core::Result<Frame> parsed = parseFrame(file);
    if (!parsed)
        return parsed.error();
    const Frame &frame = *parsed;
    if (senderSignPublic.size() != crypto_sign_PUBLICKEYBYTES
        || crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(frame.signature.constData()),
               reinterpret_cast<const unsigned char *>(frame.manifestBytes.constData()),
               size_t(frame.manifestBytes.size()),
               reinterpret_cast<const unsigned char *>(senderSignPublic.constData()))
               != 0)
        return Error{
            Error::Code::Refused,
            u"bundle refused: its signature does not match the sender it names (altered, or not from them)"_s,
            {},
            Error::Reason::BundleAltered};

    const QCborMap &m = frame.manifest;
    if (integer(m.value("v"_L1)) != 1)
        return corrupt(u"written by a newer version of Dampingi"_s, Error::Reason::VersionTooOld);
    const std::optional<qint64> created = integer(m.value("created"_L1));
    if (!created)
        return corrupt(u"the manifest is damaged"_s);
    BundleContent content;
    content.kind = m.value("kind"_L1).toString();
    content.sender = m.value("sender"_L1).toString();
    content.recipient = m.value("recipient"_L1).toString();
    content.createdAtMs = *created;

    // The pages: all present, each with its checksum, before anything is decrypted.
    const QCborArray pages = m.value("pages"_L1).toArray();
    QList<QByteArray> sealedPages;
    qsizetype at = frame.pagesOffset;
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const qint64 size = integer(pages.at(i).toMap().value("n"_L1)).value_or(-1);
        if (size < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES || size > file.size() - at)
            return corrupt(
                u"page %1 of %2 is missing or cut short (incomplete copy?)"_s.arg(i + 1).arg(pages.size()),
                Error::Reason::TooShort);
        const QByteArray sealed = file.mid(at, size);
        if (checksum(sealed) != pages.at(i).toMap().value("h"_L1).toByteArray())
            return corrupt(u"page %1 of %2 fails its checksum (damaged medium or altered)"_s.arg(i + 1).arg(
                               pages.size()),
                           Error::Reason::BundleAltered);
        sealedPages << sealed;
        at += size;
    }
    if (at != file.size())
        return corrupt(u"unexpected bytes after the last page"_s, Error::Reason::BundleAltered);

    const QByteArray sealedKey = m.value("key"_L1).toByteArray();
    unsigned char key[crypto_secretbox_KEYBYTES];
    if (sealedKey.size() != crypto_box_SEALBYTES + crypto_secretbox_KEYBYTES
        || crypto_box_seal_open(key, reinterpret_cast<const unsigned char *>(sealedKey.constData()),
                                size_t(sealedKey.size()),
                                reinterpret_cast<const unsigned char *>(recipient.boxPublic.constData()),
                                recipient.boxSecret.data())
               != 0)
        return Error{Error::Code::Refused,
                     u"bundle refused: it is addressed to another device or office"_s,
                     {},
                     Error::Reason::NotForThisLaptop};
    for (const QByteArray &sealed : std::as_const(sealedPages)) {
        QByteArray plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
        const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
        if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                       in + crypto_secretbox_NONCEBYTES,
                                       size_t(sealed.size() - crypto_secretbox_NONCEBYTES), in, key)
            != 0) {
            sodium_memzero(key, sizeof key);
            return corrupt(u"a page does not decrypt"_s, Error::Reason::BundleAltered);
        }
        content.pages << plain;
    }
    sodium_memzero(key, sizeof key);
    if (content.pages.isEmpty())
        return corrupt(u"it has no pages"_s);
    const QByteArray metaPage = content.pages.takeFirst();
    if (const Core::Status s = Wire::checkCbor(metaPage, metaLimits); !s)
        return corrupt(u"its meta page is damaged: "_s + s.error().detail);
    const QCborValue meta = QCborValue::fromCbor(metaPage);
    if (!meta.isMap())
        return corrupt(u"its meta page is damaged"_s);
    for (auto it = meta.toMap().cbegin(); it != meta.toMap().cend(); ++it)
        content.meta.insert(it.key().toString(), it.value().toByteArray());
    return content;
}

} // namespace Bundle

} // namespace Sync
