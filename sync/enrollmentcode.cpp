// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/enrollmentcode.h"

#include "core/crypto/sodium.h"

#include <QCryptographicHash>
#include <QList>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Sync {

namespace {

constexpr char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr int payloadSize
    = EnrollmentCode::secretSize + EnrollmentCode::fingerprintSize + EnrollmentCode::checkSize;
constexpr int symbolCount = (payloadSize * 8 + 4) / 5;
constexpr int groupSize = 5;
const QString prefix = u"DMP1-"_s;
constexpr char enrollKeyContext[] = "dampingi-enroll-key";

QByteArray check(const QByteArray &secret, const QByteArray &fingerprint)
{
    QByteArray hash(crypto_generichash_BYTES_MIN, Qt::Uninitialized);
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, hash.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(secret.constData()),
                              secret.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(fingerprint.constData()),
                              fingerprint.size());
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(hash.data()), hash.size());
    return hash.left(EnrollmentCode::checkSize);
}

// Crockford decoding is forgiving of what people misread: I and L are 1, O is 0.
int symbolValue(QChar c)
{
    const char16_t u = QChar::toUpper(c.unicode());
    if (u == u'I' || u == u'L')
        return 1;
    if (u == u'O')
        return 0;
    for (int i = 0; i < 32; ++i) {
        if (QLatin1Char(alphabet[i]).unicode() == u)
            return i;
    }
    return -1;
}

// The key that seals the district key for one code: keyed BLAKE2b of the secret.
QByteArray enrollKey(const QByteArray &secret)
{
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), key.size(),
                       reinterpret_cast<const unsigned char *>(secret.constData()), secret.size(),
                       reinterpret_cast<const unsigned char *>(enrollKeyContext),
                       sizeof(enrollKeyContext) - 1);
    return key;
}

} // namespace

EnrollmentCode EnrollmentCode::generate(const QByteArray &certificateSha256)
{
    EnrollmentCode code;
    code.secret.resize(secretSize);
    Core::randomBytes(code.secret.data(), secretSize);
    code.certificateSha256
        = certificateSha256.size() == fingerprintSize ? certificateSha256 : QByteArray(fingerprintSize, '\0');
    return code;
}

QString EnrollmentCode::toString() const
{
    Q_ASSERT(secret.size() == secretSize && certificateSha256.size() == fingerprintSize);
    const QByteArray payload = secret + certificateSha256 + check(secret, certificateSha256);
    QString symbols;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : payload) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            symbols += QLatin1Char(alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        symbols += QLatin1Char(alphabet[(buffer << (5 - bits)) & 31]);
    QString text = prefix;
    for (int i = 0; i < symbols.size(); i += groupSize) {
        if (i > 0)
            text += u'-';
        text += symbols.mid(i, groupSize);
    }
    return text;
}

Core::Result<EnrollmentCode> EnrollmentCode::parse(QStringView text)
{
    const QString code = u"code"_s;
    QString trimmed = text.trimmed().toString();
    if (!trimmed.startsWith(u"DMP1"_s, Qt::CaseInsensitive))
        return Core::invalidInput(Core::Error::Reason::BadFormat, code,
                                  u"an enrollment code starts with DMP1-"_s);
    QList<int> values;
    for (const QChar c : QStringView(trimmed).mid(4)) {
        if (c == u'-' || c.isSpace())
            continue;
        const int v = symbolValue(c);
        if (v < 0)
            return Core::invalidInput(Core::Error::Reason::BadCharacters, code,
                                      u"'%1' is not a character of an enrollment code"_s.arg(c));
        values << v;
    }
    if (values.size() != symbolCount)
        return Core::invalidInput(
            Core::Error::Reason::BadFormat, code,
            u"an enrollment code has %1 characters after DMP1-, this one has %2"_s.arg(symbolCount)
                .arg(values.size()));
    QByteArray payload;
    quint32 buffer = 0;
    int bits = 0;
    for (const int v : std::as_const(values)) {
        buffer = (buffer << 5) | quint32(v);
        bits += 5;
        if (bits >= 8) {
            payload += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    if ((buffer & ((1u << bits) - 1)) != 0 || payload.size() != payloadSize)
        return Core::invalidInput(Core::Error::Reason::BadFormat, code,
                                  u"the enrollment code has a typo (its last character is wrong)"_s);
    EnrollmentCode result;
    result.secret = payload.left(secretSize);
    result.certificateSha256 = payload.mid(secretSize, fingerprintSize);
    if (check(result.secret, result.certificateSha256) != payload.right(checkSize))
        return Core::invalidInput(Core::Error::Reason::BadFormat, code,
                                  u"the enrollment code has a typo (its check does not match)"_s);
    return result;
}

bool EnrollmentCode::pinsCertificate() const
{
    return certificateSha256 != QByteArray(fingerprintSize, '\0');
}

Core::Result<QByteArray> EnrollmentCode::certificateFingerprint(const QByteArray &certPemOrDer)
{
    if (certPemOrDer.trimmed().isEmpty())
        return QByteArray(fingerprintSize, '\0');
    QByteArray der = certPemOrDer;
    const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    const QByteArray end = "-----END CERTIFICATE-----";
    if (const qsizetype from = certPemOrDer.indexOf(begin); from >= 0) {
        const qsizetype to = certPemOrDer.indexOf(end, from);
        if (to < 0)
            return Core::invalidInput(Core::Error::Reason::BadFormat, u"certificate"_s,
                                      u"the PEM certificate has no END line"_s);
        const QByteArray body = certPemOrDer.mid(from + begin.size(), to - from - begin.size()).simplified();
        auto decoded = QByteArray::fromBase64Encoding(QByteArray(body).replace(' ', QByteArray()),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return Core::invalidInput(Core::Error::Reason::BadFormat, u"certificate"_s,
                                      u"the PEM certificate is not valid base64"_s);
        der = decoded.decoded;
    }
    return QCryptographicHash::hash(der, QCryptographicHash::Sha256);
}

QByteArray EnrollmentCode::secretHash(const QByteArray &secret)
{
    Core::requireSodium();
    QByteArray hash(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), hash.size(),
                       reinterpret_cast<const unsigned char *>(secret.constData()), secret.size(), nullptr,
                       0);
    return hash;
}

QByteArray EnrollmentCode::sealDistrictKeys(const DistrictKeys &keys, const QByteArray &secret)
{
    Core::requireSodium();
    Q_ASSERT(!keys.isEmpty());
    const QByteArray key = enrollKey(secret);
    QByteArray plain = keys.toBytes();
    QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
                      Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    Core::randomBytes(out, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
                          out, reinterpret_cast<const unsigned char *>(key.constData()));
    sodium_memzero(plain.data(), size_t(plain.size()));
    return sealed;
}

Core::Result<DistrictKeys> EnrollmentCode::openDistrictKeys(const QByteArray &secret,
                                                            const QByteArray &sealedKeys)
{
    if (!Core::ensureSodium())
        return Core::Error{Core::Error::Code::Internal, u"libsodium failed to initialise"_s};
    // At least one key; at most a few thousand epochs (a crafted reply cannot size an allocation).
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealedKeys.size() < overhead + qsizetype(Core::SecretKey::size)
        || sealedKeys.size() > overhead + 64 * 1024)
        return Core::Error{Core::Error::Code::Corrupt, u"the sealed district keys have the wrong size"_s};
    const QByteArray key = enrollKey(secret);
    QByteArray plain(sealedKeys.size() - overhead, '\0');
    const auto *in = reinterpret_cast<const unsigned char *>(sealedKeys.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   in + crypto_secretbox_NONCEBYTES,
                                   sealedKeys.size() - crypto_secretbox_NONCEBYTES, in,
                                   reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return Core::Error{Core::Error::Code::Corrupt, u"the district key does not open with this code"_s};
    Core::Result<DistrictKeys> keys = DistrictKeys::fromBytes(plain);
    sodium_memzero(plain.data(), size_t(plain.size()));
    return keys;
}

} // namespace Sync
