// SPDX-License-Identifier: GPL-3.0-or-later
// The USB bundle container: signed, encrypted to its recipient, checksummed per page; anything
// cut short or altered is refused whole.
#include "sync/bundle.h"

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

Sync::BundleContent sample()
{
    Sync::BundleContent c;
    c.kind = u"laptop"_s;
    c.sender = u"device-1"_s;
    c.recipient = u"server"_s;
    c.createdAtMs = 1795143600000;
    c.meta.insert(u"cursor"_s, "opaque-cursor"_ba);
    c.pages << QByteArray(5000, 'a') << "second page: Nurhaliza"_ba << QByteArray(70000, 'z');
    return c;
}

} // namespace

TEST_CASE("a bundle reads back exactly what was written, and hides its pages", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    CHECK_FALSE(file.contains("Nurhaliza"));
    CHECK_FALSE(file.contains("opaque-cursor"));
    CHECK(Sync::Bundle::peekSender(file).value() == u"device-1");
    Core::Result<Sync::BundleContent> read = Sync::Bundle::read(file, laptop.signPublic, office);
    REQUIRE(read.ok());
    CHECK(read->pages == sample().pages);
    CHECK(read->meta.value(u"cursor"_s) == "opaque-cursor");
    CHECK(read->sender == u"device-1");
    // Keys survive storage as seeds.
    const Sync::BundleKeys restored = Sync::BundleKeys::fromSeeds(office.seeds());
    CHECK(restored.boxPublic == office.boxPublic);
    CHECK(Sync::Bundle::read(file, laptop.signPublic, restored).ok());
}

TEST_CASE("a truncated bundle is refused at every length", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    for (qsizetype length = 0; length < file.size(); length += 997) {
        INFO("length " << length);
        const Core::Result<Sync::BundleContent> read = Sync::Bundle::read(file.left(length), laptop.signPublic, office);
        REQUIRE_FALSE(read.ok());
        CHECK(read.error().code == Core::Error::Code::Corrupt);
        CHECK(read.error().detail.startsWith(u"bundle refused: "));
    }
    const Core::Result<Sync::BundleContent> cut = Sync::Bundle::read(file.left(file.size() - 1), laptop.signPublic, office);
    CHECK(cut.error().detail.contains(u"cut short"));
}

TEST_CASE("an altered byte anywhere is refused", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const QByteArray file = Sync::Bundle::write(sample(), laptop, office.boxPublic);
    for (qsizetype at = 0; at < file.size(); at += 331) {
        QByteArray tampered = file;
        tampered[at] = char(tampered.at(at) ^ 0x20);
        INFO("byte " << at);
        CHECK_FALSE(Sync::Bundle::read(tampered, laptop.signPublic, office).ok());
    }
}

TEST_CASE("a bundle from someone else, or for someone else, is refused", "[sync][bundle]")
{
    const Sync::BundleKeys laptop = Sync::BundleKeys::generate();
    const Sync::BundleKeys office = Sync::BundleKeys::generate();
    const Sync::BundleKeys stranger = Sync::BundleKeys::generate();
    const QByteArray forged = Sync::Bundle::write(sample(), stranger, office.boxPublic);
    const Core::Result<Sync::BundleContent> unsigned_ = Sync::Bundle::read(forged, laptop.signPublic, office);
    REQUIRE_FALSE(unsigned_.ok());
    CHECK(unsigned_.error().code == Core::Error::Code::Refused);
    const QByteArray elsewhere = Sync::Bundle::write(sample(), laptop, stranger.boxPublic);
    const Core::Result<Sync::BundleContent> misdirected = Sync::Bundle::read(elsewhere, laptop.signPublic, office);
    REQUIRE_FALSE(misdirected.ok());
    CHECK(misdirected.error().code == Core::Error::Code::Refused);
    CHECK(misdirected.error().detail.contains(u"addressed to another"));
}
