// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/util/text.h"

#include <catch2/catch.hpp>
#include <string>

using namespace Qt::StringLiterals;

namespace {

// std::string, so a failed check prints both sides.
std::string fold(const QString &text)
{
    return Core::foldForSearch(text).toStdString();
}

} // namespace

TEST_CASE("search folding lower-cases names", "[core][text]")
{
    CHECK(fold(u"Siti Nurhaliza"_s) == "siti nurhaliza");
    CHECK(fold(u"JAKARTA SELATAN"_s) == "jakarta selatan");
    CHECK(fold(u"siti nurhaliza"_s) == "siti nurhaliza");
}

TEST_CASE("search folding strips accents to their base letters", "[core][text]")
{
    CHECK(fold(u"José"_s) == "jose");
    CHECK(fold(u"Jose\u0301"_s) == "jose"); // decomposed input folds the same
    CHECK(fold(u"Ñoño Çelik Ångström"_s) == "nono celik angstrom");
    CHECK(fold(u"ﬁtri"_s) == "fitri"); // compatibility ligature
}

TEST_CASE("search folding turns punctuation into single spaces", "[core][text]")
{
    CHECK(fold(u"  Dewi,  Sartika.  "_s) == "dewi sartika");
    CHECK(fold(u"Siti---Nurhaliza!!"_s) == "siti nurhaliza");
    CHECK(fold(u"Nur'aini"_s) == "nur aini");
    CHECK(fold(u"RT 003/RW 05, Kel. Menteng"_s) == "rt 003 rw 05 kel menteng");
    CHECK(fold(u"a\tb\nc"_s) == "a b c");
}

TEST_CASE("search folding of nothing but punctuation is empty", "[core][text]")
{
    CHECK(fold(QString()).empty());
    CHECK(fold(u"   "_s).empty());
    CHECK(fold(u"-- ./, --"_s).empty());
}

TEST_CASE("search folding is idempotent", "[core][text]")
{
    for (const QString &text : {u"Siti Nurhaliza"_s, u"  José, Ñoño!"_s, u"RT 003/RW 05"_s}) {
        const QString once = Core::foldForSearch(text);
        CHECK(Core::foldForSearch(once) == once);
    }
}

TEST_CASE("UTF-8 validation accepts well-formed text", "[core][text]")
{
    CHECK(Core::isValidUtf8(""));
    CHECK(Core::isValidUtf8("Perempuan dan anak korban kekerasan"));
    CHECK(Core::isValidUtf8(u"Ibu Siti, 34 th, Kec. Tanah Abang — José ✓"_s.toUtf8()));
    CHECK(Core::isValidUtf8("\xF0\x9F\x98\x80")); // 4-byte sequence (emoji)
    CHECK(Core::isValidUtf8("\xEF\xBB\xBF"
                            "abc")); // a BOM is valid UTF-8
}

TEST_CASE("UTF-8 validation rejects malformed bytes", "[core][text]")
{
    CHECK_FALSE(Core::isValidUtf8("\xC3\x28")); // bad continuation byte
    CHECK_FALSE(Core::isValidUtf8("\xC0\xAF")); // overlong "/"
    CHECK_FALSE(Core::isValidUtf8("\xE0\x80\xAF")); // overlong, three bytes
    CHECK_FALSE(Core::isValidUtf8("\xED\xA0\x80")); // UTF-16 surrogate
    CHECK_FALSE(Core::isValidUtf8("\xF4\x90\x80\x80")); // beyond U+10FFFF
    CHECK_FALSE(Core::isValidUtf8("\xFF"));
    CHECK_FALSE(Core::isValidUtf8("abc\xE2\x82")); // truncated sequence at the end
    CHECK_FALSE(Core::isValidUtf8("\x80"
                                  "abc")); // stray continuation byte
}

TEST_CASE("UTF-8 validation sees past an embedded NUL", "[core][text]")
{
    const QByteArray bytes("ok\0\xC3\x28", 5);
    CHECK_FALSE(Core::isValidUtf8(bytes));
    CHECK(Core::isValidUtf8(QByteArray("ok\0ok", 5)));
}
