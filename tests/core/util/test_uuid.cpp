// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/uuid.h"

#include <QSet>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 may2024 = 1'714'521'600'000; // 2024-05-01T00:00:00Z in ms

// The 48-bit timestamp in the first 12 hex digits.
quint64 timestampOf(const QString &uuid)
{
    bool ok = false;
    const quint64 ms = QString(uuid.first(8) + uuid.sliced(9, 4)).toULongLong(&ok, 16);
    REQUIRE(ok);
    return ms;
}

} // namespace

TEST_CASE("a new UUIDv7 is canonical lower-case text with version 7 and the RFC variant", "[core][uuid]")
{
    for (int i = 0; i < 200; ++i) {
        const QString uuid = Core::newUuidV7(may2024 + i);
        INFO(uuid.toStdString());
        REQUIRE(uuid.size() == 36);
        CHECK(uuid[8] == u'-');
        CHECK(uuid[13] == u'-');
        CHECK(uuid[18] == u'-');
        CHECK(uuid[23] == u'-');
        CHECK(uuid == uuid.toLower());
        CHECK(uuid[14] == u'7'); // version nibble
        CHECK(QStringView(u"89ab").contains(uuid[19])); // variant bits 10xx
    }
}

TEST_CASE("a UUIDv7 carries its creation time in the first 48 bits", "[core][uuid]")
{
    CHECK(timestampOf(Core::newUuidV7(may2024)) == quint64(may2024));
    CHECK(timestampOf(Core::newUuidV7(0)) == 0);
    CHECK(timestampOf(Core::newUuidV7(1)) == 1);
    CHECK(Core::newUuidV7(may2024).startsWith(u"018f3173-7000-7"_s));
    // A wall clock before 1970 gives time 0 rather than a huge unsigned value.
    CHECK(timestampOf(Core::newUuidV7(-5)) == 0);
}

TEST_CASE("UUIDv7s sort as text in the order of their milliseconds", "[core][uuid]")
{
    const qint64 times[] = {0,
                            1,
                            255,
                            256,
                            65'535,
                            65'536,
                            may2024,
                            may2024 + 1,
                            may2024 + 1000,
                            (qint64(1) << 47),
                            (qint64(1) << 48) - 1};
    QString previous;
    for (const qint64 ms : times) {
        const QString uuid = Core::newUuidV7(ms);
        INFO(ms << " " << uuid.toStdString());
        if (!previous.isEmpty())
            CHECK(previous < uuid);
        previous = uuid;
    }
}

TEST_CASE("UUIDv7s made in the same millisecond differ", "[core][uuid]")
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i)
        seen.insert(Core::newUuidV7(may2024));
    CHECK(seen.size() == 1000);
}

TEST_CASE("isUuid accepts canonical UUIDs and rejects everything else", "[core][uuid]")
{
    CHECK(Core::isUuid(Core::newUuidV7(may2024)));
    CHECK(Core::isUuid(u"0190c7e2-3b4a-7c5d-8e6f-0123456789ab"));
    CHECK(Core::isUuid(u"550E8400-E29B-41D4-A716-446655440000")); // upper case, version 4

    CHECK_FALSE(Core::isUuid(u""));
    CHECK_FALSE(Core::isUuid(u"not-a-uuid"));
    CHECK_FALSE(Core::isUuid(u"{0190c7e2-3b4a-7c5d-8e6f-0123456789ab}")); // braces
    CHECK_FALSE(Core::isUuid(u"0190c7e23b4a7c5d8e6f0123456789ab")); // no dashes
    CHECK_FALSE(Core::isUuid(u"0190c7e2-3b4a-7c5d-8e6f-0123456789a")); // too short
    CHECK_FALSE(Core::isUuid(u"0190c7e2-3b4a-7c5d-8e6f-0123456789abc")); // too long
    CHECK_FALSE(Core::isUuid(u"0190c7e2-3b4a-7c5d-8e6f-0123456789ag")); // not hex
    CHECK_FALSE(Core::isUuid(u"0190c7e2x3b4a-7c5d-8e6f-0123456789ab")); // wrong separator
    CHECK_FALSE(Core::isUuid(u"0190c7e-23b4a-7c5d-8e6f-0123456789ab")); // dash misplaced
    CHECK_FALSE(Core::isUuid(u"00000000-0000-0000-0000-000000000000")); // nil
}

TEST_CASE("ids made in the same millisecond sort in creation order", "[core][uuid]")
{
    QStringList ids;
    for (int i = 0; i < 5000; ++i) // more than the 4,096 a millisecond holds
        ids << Core::newUuidV7(1795143600000);
    QStringList sorted = ids;
    sorted.sort();
    CHECK(sorted == ids);
    CHECK(ids.removeDuplicates() == 0);
}
