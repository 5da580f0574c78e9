// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::Bundle::peekSender and Bundle::read: a USB bundle file someone hands the office or a
// laptop. The first byte picks a mode:
//   even: the rest is the file as it is. Without the sender's key an attacker gets this far:
//         the frame, the manifest's CBOR and the signature check.
//   odd:  the rest is a file whose manifest the harness re-signs with the fixed sender key after
//         setting every page's checksum, so mutations reach what follows the signature (the
//         manifest's fields, page bounds, the sealed key, the pages, the meta page): what a
//         stolen laptop key could send.
#include "tests/fuzz/fuzzbundle.h"
#include "tests/fuzz/fuzzsupport.h"

#include "core/crypto/sodium.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace {

constexpr char magic[] = "DMPBNDL1";
constexpr qsizetype magicSize = 8;

QByteArray checksum(QByteArrayView bytes)
{
    QByteArray out(crypto_generichash_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()),
                       reinterpret_cast<const unsigned char *>(bytes.data()), size_t(bytes.size()), nullptr,
                       0);
    return out;
}

// The input with its manifest's page checksums set and its manifest signed; the input itself
// when its frame or manifest does not parse (the reader refuses those before any signature).
QByteArray resign(const QByteArray &file)
{
    if (file.size() < magicSize + 4 || !file.startsWith(magic))
        return file;
    const quint32 manifestSize = qFromBigEndian<quint32>(file.constData() + magicSize);
    const qsizetype manifestAt = magicSize + 4;
    if (qint64(manifestSize) > file.size() - manifestAt - crypto_sign_BYTES)
        return file;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(file.mid(manifestAt, manifestSize), &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return file;
    QCborMap manifest = value.toMap();
    const QByteArray pages = file.mid(manifestAt + manifestSize + crypto_sign_BYTES);
    QCborArray list = manifest.value("pages"_L1).toArray();
    qsizetype at = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        QCborMap page = list.at(i).toMap();
        const QCborValue n = page.value("n"_L1);
        const qint64 size = n.isInteger() ? n.toInteger() : -1;
        if (size < 0 || size > pages.size() - at)
            break;
        page.insert("h"_L1, checksum(QByteArrayView(pages).sliced(at, size)));
        list[i] = page;
        at += size;
    }
    if (manifest.contains("pages"_L1))
        manifest.insert("pages"_L1, list);
    const QByteArray manifestBytes = manifest.toCborValue().toCbor();
    unsigned char signPublic[crypto_sign_PUBLICKEYBYTES];
    unsigned char signSecret[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(signPublic, signSecret, Fuzz::bundleSender().signSeed.data());
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(manifestBytes.constData()),
                         size_t(manifestBytes.size()), signSecret);
    QByteArray out(magic, magicSize);
    char length[4];
    qToBigEndian(quint32(manifestBytes.size()), length);
    out.append(length, 4);
    return out + manifestBytes + signature + pages;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Core::ensureSodium();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest = Fuzz::bytes(data + 1, size - 1);
    const QByteArray file = (data[0] & 1) ? resign(rest) : rest;
    const Core::Result<QString> sender = Sync::Bundle::peekSender(file);
    const Core::Result<Sync::BundleContent> content
        = Sync::Bundle::read(file, Fuzz::bundleSender().signPublic, Fuzz::bundleRecipient());
    // A bundle the reader accepts has a frame peekSender reads, naming the same sender.
    if (content) {
        FUZZ_CHECK(sender);
        FUZZ_CHECK(*sender == content->sender);
    }
    return 0;
}
