// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/regions/regionindex.h"
#include "core/util/text.h"

#include <QSet>

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace Qt::StringLiterals;
using Core::Region;
using Core::RegionIndex;
using Core::RegionLevel;

namespace {

// Loading takes tens of milliseconds, so the read-only index is shared by the tests of this file.
const RegionIndex &builtin()
{
    static const Core::Result<RegionIndex> loaded = RegionIndex::loadBuiltin();
    REQUIRE(loaded.ok());
    return loaded.value();
}

// "a|b|c", so that Catch prints what differs.
std::string codesOf(const QList<Region> &regions)
{
    QStringList codes;
    for (const Region &region : regions)
        codes.append(region.code);
    return codes.join(u'|').toStdString();
}

std::string namesOf(const QList<Region> &regions)
{
    QStringList names;
    for (const Region &region : regions)
        names.append(region.name);
    return names.join(u'|').toStdString();
}

// Every region, by walking the tree from the provinces.
QList<Region> allRegions(const RegionIndex &index)
{
    QList<Region> all;
    QList<Region> level = index.children({});
    while (!level.isEmpty()) {
        all += level;
        QList<Region> next;
        for (const Region &region : std::as_const(level))
            next += index.children(region.code);
        level = next;
    }
    return all;
}

// What searchByName must return, computed the slow way.
std::string bruteForceSearch(const QList<Region> &all, const QString &prefix, int limit,
                             const QString &within, std::optional<RegionLevel> level)
{
    const QString needle = Core::foldForSearch(prefix);
    struct Hit
    {
        RegionLevel level;
        QByteArray folded;
        QString code;
    };
    QList<Hit> hits;
    for (const Region &region : all) {
        if (!within.isEmpty() && !region.code.startsWith(within + u'.'))
            continue;
        if (level && region.level != *level)
            continue;
        const QString folded = Core::foldForSearch(region.name);
        if (folded.startsWith(needle) || folded.contains(u' ' + needle))
            hits.append({region.level, folded.toUtf8(), region.code});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        if (a.level != b.level)
            return a.level < b.level;
        if (a.folded != b.folded)
            return a.folded < b.folded;
        return a.code < b.code;
    });
    QStringList codes;
    for (qsizetype i = 0; i < hits.size() && i < limit; ++i)
        codes.append(hits.at(i).code);
    return codes.join(u'|').toStdString();
}

} // namespace

TEST_CASE("the built-in region list holds every region of the 2025 decree", "[core][regions]")
{
    const RegionIndex &index = builtin();
    CHECK(index.size() == 91'599);
    CHECK(index.decree() == u"Kepmendagri 300.2.2-2430/2025"_s);

    const QList<Region> all = allRegions(index);
    REQUIRE(all.size() == 91'599);
    int perLevel[4] = {0, 0, 0, 0};
    int withoutCentroid = 0;
    for (const Region &region : all) {
        ++perLevel[int(region.level)];
        if (!region.lat)
            ++withoutCentroid;
        CHECK(region.lat.has_value() == region.lng.has_value());
    }
    CHECK(perLevel[int(RegionLevel::Province)] == 38);
    CHECK(perLevel[int(RegionLevel::Regency)] == 514);
    CHECK(perLevel[int(RegionLevel::District)] == 7'285);
    CHECK(perLevel[int(RegionLevel::Village)] == 83'762);
    CHECK(withoutCentroid == 359);
}

TEST_CASE("children are the direct sub-regions in code order", "[core][regions]")
{
    const RegionIndex &index = builtin();

    const QList<Region> provinces = index.children({});
    REQUIRE(provinces.size() == 38);
    CHECK(provinces.first().code == u"11"_s);
    CHECK(provinces.first().name == u"Aceh"_s);
    CHECK(provinces.last().code == u"96"_s);
    CHECK(provinces.last().name == u"Papua Barat Daya"_s);

    CHECK(index.children(u"64"_s).size() == 10);
    CHECK(index.children(u"64.01"_s).size() == 10);
    CHECK(index.children(u"21.71"_s).size() == 12);
    CHECK(index.children(u"32.75"_s).size() == 12);

    const QList<Region> kukar = index.children(u"64.02"_s);
    REQUIRE(kukar.size() == 20);
    CHECK(kukar.first().code == u"64.02.01"_s);
    CHECK(kukar.first().name == u"Muara Muntai"_s);
    CHECK(kukar.at(5).code == u"64.02.06"_s);
    CHECK(kukar.at(5).name == u"Tenggarong"_s);
    CHECK(kukar.at(5).level == RegionLevel::District);
    CHECK(kukar.last().name == u"Samboja Barat"_s);
    int villages = 0;
    for (const Region &district : kukar)
        villages += int(index.children(district.code).size());
    CHECK(villages == 237);

    CHECK(index.children(u"640206"_s).size() == 14);
    CHECK(index.children(u"64.02.06.1003"_s).isEmpty()); // villages have no children
    CHECK(index.children(u"99"_s).isEmpty());
    CHECK(index.children(u"not a code"_s).isEmpty());
}

TEST_CASE("find accepts dotted and undotted codes and builds the full region", "[core][regions]")
{
    const RegionIndex &index = builtin();

    const std::optional<Region> tenggarong = index.find(u"64.02.06"_s);
    REQUIRE(tenggarong);
    CHECK(tenggarong->code == u"64.02.06"_s);
    CHECK(tenggarong->name == u"Tenggarong"_s);
    CHECK(tenggarong->level == RegionLevel::District);
    REQUIRE(tenggarong->lat);
    CHECK(*tenggarong->lat == Approx(-0.41939).margin(1e-9));
    CHECK(*tenggarong->lng == Approx(116.93233).margin(1e-9));

    REQUIRE(index.find(u"640206"_s));
    CHECK(index.find(u"640206"_s)->code == u"64.02.06"_s);
    const std::optional<Region> bukitBiru = index.find(u"6402061003"_s);
    REQUIRE(bukitBiru);
    CHECK(bukitBiru->code == u"64.02.06.1003"_s);
    CHECK(bukitBiru->name == u"Bukit Biru"_s);
    CHECK(bukitBiru->level == RegionLevel::Village);

    // Rounded half-up to 5 decimals from the source's 4.225729, 96.911874.
    const std::optional<Region> aceh = index.find(u"11"_s);
    REQUIRE(aceh);
    CHECK(aceh->level == RegionLevel::Province);
    CHECK(*aceh->lat == Approx(4.22573).margin(1e-9));
    CHECK(*aceh->lng == Approx(96.91187).margin(1e-9));

    CHECK_FALSE(index.find(u"64.02.99"_s));
    CHECK_FALSE(index.find(u"99"_s));
    CHECK_FALSE(index.find(u""_s));
    CHECK_FALSE(index.find(u"64.02.06.99999"_s));
    CHECK(index.contains(u"64.02.06.1003"_s));
    CHECK_FALSE(index.contains(u"64.02.06.1012"_s)); // a gap in the numbering
}

TEST_CASE("a village without a centroid has no coordinates", "[core][regions]")
{
    const std::optional<Region> village = builtin().find(u"53.07.01.2021"_s);
    REQUIRE(village);
    CHECK(village->name == u"Regapu\u2019u"_s); // typographic apostrophe survives
    CHECK_FALSE(village->lat);
    CHECK_FALSE(village->lng);
}

TEST_CASE("names that held commas in the CSV survive the conversion", "[core][regions]")
{
    const RegionIndex &index = builtin();
    REQUIRE(index.find(u"12.07.28.1007"_s));
    CHECK(index.find(u"12.07.28.1007"_s)->name == u"Lubuk Pakam I,II"_s);
    CHECK(index.find(u"12.07.28.1008"_s)->name == u"Lubuk Pakam III"_s);
    REQUIRE(index.find(u"14.02.09.2010"_s));
    CHECK(index.find(u"14.02.09.2010"_s)->name == u"Lambang Sari I, II, III"_s);
}

TEST_CASE("codes are normalised to the dotted form and parents derived from them", "[core][regions]")
{
    CHECK(RegionIndex::normaliseCode(u"6402062001"_s) == u"64.02.06.2001"_s);
    CHECK(RegionIndex::normaliseCode(u"640206"_s) == u"64.02.06"_s);
    CHECK(RegionIndex::normaliseCode(u"6402"_s) == u"64.02"_s);
    CHECK(RegionIndex::normaliseCode(u"64"_s) == u"64"_s);
    CHECK(RegionIndex::normaliseCode(u"64.02.06.2001"_s) == u"64.02.06.2001"_s);
    CHECK(RegionIndex::normaliseCode(u" 64.02 "_s) == u"64.02"_s);
    for (const QString &bad : {u""_s, u"6"_s, u"640"_s, u"64020"_s, u"64.2"_s, u"64.02.06.201"_s,
                               u"64.02.06.20011"_s, u"64.02.062001"_s, u"6402.06"_s, u"6a"_s, u"00"_s,
                               u"64.00"_s, u"64.02.06.0000"_s, u"64.02."_s, u"\u0666\u0664"_s}) {
        INFO(bad.toStdString());
        CHECK(RegionIndex::normaliseCode(bad).isEmpty());
    }

    CHECK(RegionIndex::parentCode(u"64.02.06.2001"_s) == u"64.02.06"_s);
    CHECK(RegionIndex::parentCode(u"64.02.06"_s) == u"64.02"_s);
    CHECK(RegionIndex::parentCode(u"6402"_s) == u"64"_s);
    CHECK(RegionIndex::parentCode(u"64"_s).isEmpty());
    CHECK(RegionIndex::parentCode(u"garbage"_s).isEmpty());
}

TEST_CASE("ancestry and display path run between the province and the region", "[core][regions]")
{
    const RegionIndex &index = builtin();

    const QList<Region> chain = index.ancestry(u"64.02.06.1003"_s);
    CHECK(codesOf(chain) == "64|64.02|64.02.06|64.02.06.1003");
    CHECK(chain.first().level == RegionLevel::Province);
    CHECK(chain.last().level == RegionLevel::Village);
    CHECK(index.displayPath(u"64.02.06.1003"_s)
          == u"Bukit Biru, Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur"_s);
    CHECK(index.displayPath(u"6402"_s) == u"Kabupaten Kutai Kartanegara, Kalimantan Timur"_s);
    CHECK(index.displayPath(u"64"_s) == u"Kalimantan Timur"_s);
    CHECK(codesOf(index.ancestry(u"64"_s)) == "64");

    CHECK(index.ancestry(u"64.02.99"_s).isEmpty());
    CHECK(index.displayPath(u"99"_s).isEmpty());
    CHECK(index.displayPath(u"nonsense"_s).isEmpty());
}

TEST_CASE("searching by name matches the start of any word within a region", "[core][regions]")
{
    const RegionIndex &index = builtin();

    CHECK(namesOf(index.searchByName(u"tengg"_s, 10, u"64.02"_s)) == "Tenggarong|Tenggarong Seberang");
    // Case and accents do not matter; several words must match in sequence.
    CHECK(codesOf(index.searchByName(u"T\u00C9NGG"_s, 10, u"6402"_s)) == "64.02.06|64.02.16");
    CHECK(codesOf(index.searchByName(u"seberang"_s, 10, u"64.02"_s)) == "64.02.16|64.02.08.2018");
    CHECK(codesOf(index.searchByName(u"tenggarong seb"_s, 10)) == "64.02.16");
    CHECK(index.searchByName(u"arong"_s, 10, u"64.02"_s).isEmpty()); // not a word start
    CHECK(index.searchByName(u"tengg"_s, 10, u"64.01"_s).isEmpty());

    // Within means strict descendants: the region itself is not its own result.
    CHECK(index.searchByName(u"tenggarong"_s, 10, u"64.02.06"_s).isEmpty());

    // Ordered by level, then name: the provinces come before any regency or village.
    CHECK(namesOf(index.searchByName(u"tengg"_s, 3))
          == "Nusa Tenggara Barat|Nusa Tenggara Timur|Sulawesi Tenggara");
    CHECK(namesOf(index.searchByName(u"kutai"_s, 3))
          == "Kabupaten Kutai Barat|Kabupaten Kutai Kartanegara|Kabupaten Kutai Timur");
    const QList<Region> districts = index.searchByName(u"samarinda"_s, 50, {}, RegionLevel::District);
    REQUIRE(districts.size() == 5);
    CHECK(districts.first().name == u"Samarinda Ilir"_s);
    for (const Region &region : districts)
        CHECK(region.level == RegionLevel::District);

    CHECK(index.searchByName(u"sungai"_s, 7).size() == 7);
    CHECK(index.searchByName(u"sungai"_s, 0).isEmpty());
    CHECK(index.searchByName({}, 10).isEmpty());
    CHECK(index.searchByName(u" - "_s, 10).isEmpty());
    CHECK(index.searchByName(u"tengg"_s, 10, u"not a code"_s).isEmpty());
    // A level above `within` cannot be inside it.
    CHECK(index.searchByName(u"kutai"_s, 10, u"64"_s, RegionLevel::Province).isEmpty());

    // "Asir Asir" matches "asir" twice but is listed once.
    const QList<Region> asir = index.searchByName(u"asir"_s, 50, u"11.04"_s);
    QSet<QString> asirCodes;
    for (const Region &region : asir)
        asirCodes.insert(region.code);
    CHECK(asirCodes.contains(u"11.04.17.2002"_s));
    CHECK(asirCodes.size() == asir.size());
}

TEST_CASE("name search agrees with a brute-force scan", "[core][regions]")
{
    const RegionIndex &index = builtin();
    const QList<Region> all = allRegions(index);

    struct Query
    {
        QString prefix;
        int limit;
        QString within;
        std::optional<RegionLevel> level;
    };
    // Mixes the two candidate strategies: big word ranges in small subtrees, and the reverse.
    const QList<Query> queries = {
        {u"s"_s, 1000, u"64.02.06"_s, {}},
        {u"k"_s, 40, u"64.02"_s, {}},
        {u"muara"_s, 1000, {}, {}},
        {u"sungai"_s, 25, u"63"_s, RegionLevel::Village},
        {u"kota"_s, 100, {}, RegionLevel::Regency},
        {u"loa ipuh"_s, 10, {}, {}},
        {u"tan"_s, 60, u"64"_s, {}},
        {u"a"_s, 30, {}, RegionLevel::District},
        {u"regapu u"_s, 5, {}, {}},
        {u"i ii"_s, 5, u"12"_s, {}},
    };
    for (const Query &q : queries) {
        INFO(q.prefix.toStdString() << " within " << q.within.toStdString());
        const std::string expected = bruteForceSearch(all, q.prefix, q.limit, q.within, q.level);
        CHECK_FALSE(expected.empty());
        CHECK(codesOf(index.searchByName(q.prefix, q.limit, q.within, q.level)) == expected);
    }
}

TEST_CASE("a small region list loads from TSV text", "[core][regions]")
{
    const QByteArray tsv = "# dampingi-regions 1; decree=Test 1/2026; rows=5\n"
                           "64\tKalimantan Timur\t0.45469\t116.45094\n"
                           "64.02\tKabupaten Kutai Kartanegara\t0.1\t116.5\n"
                           "64.02.06\tTenggarong\t-0.41939\t116.93233\n"
                           "64.02.06.1003\tBukit Biru\t\t\n"
                           "65\tKalimantan Utara\t3\t116\n";
    const Core::Result<RegionIndex> loaded = RegionIndex::loadFromTsv(tsv);
    REQUIRE(loaded.ok());
    CHECK(loaded->size() == 5);
    CHECK(loaded->decree() == u"Test 1/2026"_s);
    CHECK(codesOf(loaded->children({})) == "64|65");
    CHECK(*loaded->find(u"64.02"_s)->lat == Approx(0.1).margin(1e-9));
    CHECK(*loaded->find(u"65"_s)->lng == Approx(116.0).margin(1e-9));
    CHECK_FALSE(loaded->find(u"64.02.06.1003"_s)->lat);
    CHECK(loaded->displayPath(u"6402061003"_s)
          == u"Bukit Biru, Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur"_s);
    CHECK(codesOf(loaded->searchByName(u"bukit"_s, 5)) == "64.02.06.1003");

    // Copies share the data and stay usable after the original is gone.
    std::optional<RegionIndex> copy;
    {
        const Core::Result<RegionIndex> original = RegionIndex::loadFromTsv(tsv);
        REQUIRE(original.ok());
        copy = original.value();
    }
    CHECK(copy->find(u"64.02.06"_s)->name == u"Tenggarong"_s);
}

TEST_CASE("malformed region lists are refused", "[core][regions]")
{
    const QByteArray province = "64\tKalimantan Timur\t0.45469\t116.45094\n";
    const QList<QByteArray> bad = {
        "",
        "# only a header; rows=0\n",
        "64\tKalimantan Timur\n", // missing fields
        "64\tKalimantan Timur\t1\t2\textra\n", // too many fields
        "6\tKalimantan Timur\t1\t2\n", // malformed code
        "64.00\tNowhere\t1\t2\n", // zero segment
        "64\t  \t1\t2\n", // empty name
        province + "64.02.06\tTenggarong\t1\t2\n", // parent missing
        province + "63\tKalimantan Selatan\t1\t2\n", // out of order
        province + province, // repeated
        "64\tKalimantan Timur\t1\t\n", // only one coordinate
        "64\tKalimantan Timur\t91\t2\n", // latitude out of range
        "64\tKalimantan Timur\t1.123456\t2\n", // more than 5 decimals
        "64\tKalimantan Timur\tabc\t2\n", // not a number
        "# decree=X; rows=2\n" + province, // row count differs from header
        "64\tKalimantan \xff Timur\t1\t2\n", // not UTF-8
    };
    for (const QByteArray &tsv : bad) {
        INFO(tsv.toStdString());
        const Core::Result<RegionIndex> loaded = RegionIndex::loadFromTsv(tsv);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == Core::Error::Code::Corrupt);
        CHECK_FALSE(loaded.error().detail.isEmpty());
    }
    CHECK(RegionIndex::loadFromTsv(province).ok()); // the control case is fine
}
