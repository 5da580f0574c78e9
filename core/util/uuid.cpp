// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/uuid.h"

#include "core/crypto/sodium.h"

#include <QUuid>

#include <array>

namespace Core {

QString newUuidV7(qint64 unixMs)
{
    std::array<unsigned char, 16> b{};
    randomBytes(b.data(), b.size());
    const quint64 ms = quint64(unixMs < 0 ? 0 : unixMs);
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | (b[6] & 0x0F)); // version 7
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F)); // RFC 4122 variant
    const QUuid uuid = QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())));
    return uuid.toString(QUuid::WithoutBraces);
}

bool isUuid(QStringView text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

} // namespace Core
