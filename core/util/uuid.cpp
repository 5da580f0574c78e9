// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/uuid.h"

#include "core/crypto/sodium.h"

#include <QUuid>

#include <array>
#include <mutex>

namespace Core {

QString newUuidV7(qint64 unixMs)
{
    // RFC 9562 §6.2 method 1: the 12 bits after the timestamp count ids made in the same
    // millisecond by this process, so they still sort in creation order ("oldest first" lists
    // read ORDER BY id). The timestamp stays the caller's (a clock stepping back is the
    // caller's concern); past 4,096 ids in one millisecond the next millisecond is borrowed.
    static std::mutex mutex;
    static quint64 lastAsked = 0; // the caller's millisecond of the previous id
    static quint64 lastMs = 0; // the millisecond it got (later once 4,096 were used)
    static quint32 counter = 0;
    const quint64 asked = quint64(unixMs < 0 ? 0 : unixMs);
    quint64 ms = asked;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (asked == lastAsked) {
            ms = lastMs;
            if (++counter > 0xFFF) {
                ++ms;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastAsked = asked;
        lastMs = ms;
    }
    std::array<unsigned char, 16> b{};
    randomBytes(b.data(), b.size());
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | ((counter >> 8) & 0x0F)); // version 7 + counter high bits
    b[7] = static_cast<unsigned char>(counter & 0xFF);
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3F)); // RFC 4122 variant
    const QUuid uuid = QUuid::fromRfc4122(QByteArrayView(b.data(), qsizetype(b.size())));
    return uuid.toString(QUuid::WithoutBraces);
}

bool isUuid(QStringView text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

bool isSiteId(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok
            = (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Core
