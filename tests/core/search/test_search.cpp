// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/searchindex.h"

#include <QStringList>

#include <catch2/catch.hpp>
#include <thread>

using namespace Qt::StringLiterals;
using Core::SearchDocument;
using Core::SearchHit;
using Core::SearchIndex;

namespace {

SearchDocument person(const QString &id, const QStringList &names, const QString &narrative = {})
{
    SearchDocument doc;
    doc.id = id;
    doc.names = names;
    doc.narrative = narrative;
    return doc;
}

QStringList idsOf(const std::vector<SearchHit> &hits)
{
    QStringList ids;
    for (const SearchHit &hit : hits)
        ids.append(hit.id);
    return ids;
}

QStringList find(const SearchIndex &index, const QString &query, int limit = 50)
{
    return idsOf(index.search(query, limit));
}

// A small caseload: distinct people, places, numbers and words per case.
SearchIndex smallCaseload()
{
    SearchIndex index;
    SearchDocument a;
    a.id = u"case-a"_s;
    a.caseNumber = u"6402-7KQ3M-2026-0042"_s;
    a.numbers = {u"REG/PPA/2026/117"_s};
    a.names = {u"Siti Nurhaliza"_s, u"Bambang Suharto"_s};
    a.niks = {u"6402061203850001"_s};
    a.places = {u"Desa Sukamaju, Kec. Tenggarong"_s};
    a.narrative = u"Korban mengalami pelecehan di rumah tetangga pada malam hari."_s;
    index.upsert(a);

    SearchDocument b;
    b.id = u"case-b"_s;
    b.caseNumber = u"6402-7KQ3M-2026-0043"_s;
    b.names = {u"Joko Widodo"_s, u"Dewi Lestari"_s};
    b.niks = {u"3201234567890002"_s};
    b.places = {u"Desa Loa Janan"_s};
    b.narrative = u"Korban ditelantarkan oleh ayahnya, laporan dari sekolah."_s;
    index.upsert(b);

    SearchDocument c;
    c.id = u"case-c"_s;
    c.caseNumber = u"6402-X9Z2P-2025-0007"_s;
    c.names = {u"Budi Cahyono"_s, u"Rina Marlina"_s};
    c.niks = {u"6402015507900003"_s};
    c.places = {u"Kelurahan Sukarame"_s};
    c.narrative = u"Kekerasan fisik oleh suami, korban dirawat di puskesmas Sukamaju."_s;
    index.upsert(c);
    return index;
}

} // namespace

TEST_CASE("an exact name match is ranked above its prefix, phonetic and fuzzy neighbours", "[core][search]")
{
    SearchIndex index;
    index.upsert(person(u"a-prefix"_s, {u"Siti Nurhalizah"_s}));
    index.upsert(person(u"b-phonetic"_s, {u"Nurhalisa Putri"_s}));
    index.upsert(person(u"c-fuzzy"_s, {u"Nurhaliya"_s}));
    index.upsert(person(u"z-exact"_s, {u"Siti Nurhaliza"_s}));
    index.upsert(person(u"y-unrelated"_s, {u"Agus Salim"_s}));

    const std::vector<SearchHit> hits = index.search(u"Nurhaliza");
    REQUIRE(hits.size() == 4);
    CHECK(hits[0].id == u"z-exact"_s);
    CHECK(hits[1].id == u"a-prefix"_s);
    CHECK(hits[2].id == u"b-phonetic"_s);
    CHECK(hits[3].id == u"c-fuzzy"_s);
    CHECK(hits[0].score > hits[1].score);
    CHECK(hits[1].score > hits[2].score);
    CHECK(hits[2].score > hits[3].score);
}

TEST_CASE("a name prefix finds the full name", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"nurha"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"NURHA"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"wido"_s) == QStringList{u"case-b"_s});

    // The completion the prefix covers most of ranks first.
    SearchIndex completions;
    completions.upsert(person(u"a-long"_s, {u"Nurhalizatunnisa"_s}));
    completions.upsert(person(u"b-short"_s, {u"Nurhaliza"_s}));
    CHECK(find(completions, u"nurha"_s) == QStringList{u"b-short"_s, u"a-long"_s});
}

TEST_CASE("a name with a typo is still found, within the edit budget", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"Nurhalisa"_s) == QStringList{u"case-a"_s}); // one letter wrong
    CHECK(find(index, u"Nurhaliz"_s) == QStringList{u"case-a"_s}); // one letter short
    CHECK(find(index, u"Nurhaliaz"_s) == QStringList{u"case-a"_s}); // swapped: two edits, long name
    CHECK(find(index, u"Nirhalisa"_s) == QStringList{u"case-a"_s}); // two wrong letters, long name
    CHECK(find(index, u"Lestary"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"Marlena"_s) == QStringList{u"case-c"_s});
    // Short names get one edit only: "Rani" is two edits from "Rina".
    CHECK(find(index, u"Rani"_s).isEmpty());
    CHECK(find(index, u"Nxrhxlxza"_s).isEmpty());
}

TEST_CASE("old and variant Indonesian spellings of a name match phonetically", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"Djoko"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"Tjahjono"_s) == QStringList{u"case-c"_s});
    CHECK(find(index, u"Soeharto"_s) == QStringList{u"case-a"_s});

    SearchIndex variants;
    variants.upsert(person(u"ahmad"_s, {u"Ahmad Fauzi"_s}));
    variants.upsert(person(u"aisyah"_s, {u"Aisyah Rahmawati"_s}));
    variants.upsert(person(u"djoko"_s, {u"Djoko Santoso"_s}));
    variants.upsert(person(u"khairul"_s, {u"Khairul Anwar"_s}));
    CHECK(find(variants, u"Achmad"_s) == QStringList{u"ahmad"_s});
    CHECK(find(variants, u"Aisya"_s) == QStringList{u"aisyah"_s});
    CHECK(find(variants, u"Chairul"_s) == QStringList{u"khairul"_s});
    CHECK(find(variants, u"Joko"_s) == QStringList{u"djoko"_s});

    CHECK(Core::searchPhoneticKey("tjahjono") == Core::searchPhoneticKey("cahyono"));
    CHECK(Core::searchPhoneticKey("djoko") == Core::searchPhoneticKey("joko"));
    CHECK(Core::searchPhoneticKey("muhammad") == Core::searchPhoneticKey("muhamad"));
    CHECK(Core::searchPhoneticKey("rizky") == Core::searchPhoneticKey("rizki"));
    CHECK(Core::searchPhoneticKey("joko") != Core::searchPhoneticKey("yoko"));
    CHECK(Core::searchPhoneticKey("sujono").empty() == false);
    CHECK(Core::searchPhoneticKey("3201").empty());
}

TEST_CASE("an exact spelling outranks a phonetic one", "[core][search]")
{
    SearchIndex index;
    index.upsert(person(u"a"_s, {u"Djoko"_s}));
    index.upsert(person(u"b"_s, {u"Joko"_s}));
    CHECK(find(index, u"joko"_s) == QStringList{u"b"_s, u"a"_s});
    CHECK(find(index, u"djoko"_s) == QStringList{u"a"_s, u"b"_s});
}

TEST_CASE("a NIK is found by its full number or a prefix of at least four digits", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"6402061203850001"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"640206"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"3201"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"6402 0612 0385 0001"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"6402061203850009"_s).isEmpty());
    // Three digits are not a NIK prefix (and no case number starts with them).
    CHECK(find(index, u"320"_s).isEmpty());
}

TEST_CASE("a case number is found with or without separators and by its tail", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"6402-7KQ3M-2026-0042"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"64027KQ3M20260042"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"2026-0042"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"20260042"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"0042"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"7kq3m"_s) == QStringList{u"case-a"_s, u"case-b"_s});
    CHECK(find(index, u"20260043"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"20260044"_s).isEmpty());
    CHECK(find(index, u"2026/117"_s) == QStringList{u"case-a"_s}); // the registry number
}

TEST_CASE("a village name or its prefix finds the case", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    // case-c mentions Sukamaju only in its narrative, so the place match ranks first.
    CHECK(find(index, u"sukamaju"_s) == QStringList{u"case-a"_s, u"case-c"_s});
    CHECK(find(index, u"tenggar"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"loa janan"_s) == QStringList{u"case-b"_s});
}

TEST_CASE("a word of the narrative finds the case", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"pelecehan"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"ditelantarkan"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"puskes"_s) == QStringList{u"case-c"_s});
    CHECK(find(index, u"pencurian"_s).isEmpty());
}

TEST_CASE("every query token must match the same case", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(find(index, u"korban"_s).size() == 3);
    CHECK(find(index, u"korban sekolah"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"siti sukamaju"_s) == QStringList{u"case-a"_s});
    CHECK(find(index, u"siti loa"_s).isEmpty());
    CHECK(find(index, u"joko 2026"_s) == QStringList{u"case-b"_s});
}

TEST_CASE("an upsert replaces the previous version of the case", "[core][search]")
{
    SearchIndex index = smallCaseload();
    SearchDocument changed = person(u"case-b"_s, {u"Wati Susilawati"_s}, u"Pindah ke Samarinda"_s);
    index.upsert(changed);

    CHECK(index.size() == 3);
    CHECK(find(index, u"joko"_s).isEmpty());
    CHECK(find(index, u"djoko"_s).isEmpty());
    CHECK(find(index, u"3201"_s).isEmpty());
    CHECK(find(index, u"ditelantarkan"_s).isEmpty());
    CHECK(find(index, u"wati"_s) == QStringList{u"case-b"_s});
    CHECK(find(index, u"samarinda"_s) == QStringList{u"case-b"_s});
    // What the other cases share with the old version is untouched.
    CHECK(find(index, u"korban"_s) == QStringList{u"case-a"_s, u"case-c"_s});
}

TEST_CASE("a removed case leaves no hit behind", "[core][search]")
{
    SearchIndex index = smallCaseload();
    index.remove(u"case-a"_s);

    CHECK(index.size() == 2);
    for (const QString &query :
         {u"nurhaliza"_s, u"nurha"_s, u"nurhalisa"_s, u"soeharto"_s, u"6402061203850001"_s, u"640206"_s,
          u"20260042"_s, u"0042"_s, u"pelecehan"_s, u"tenggarong"_s, u"2026/117"_s}) {
        INFO(query.toStdString());
        CHECK(find(index, query).isEmpty());
    }
    CHECK(find(index, u"sukamaju"_s) == QStringList{u"case-c"_s});
    index.remove(u"no-such-case"_s);
    CHECK(index.size() == 2);

    index.remove(u"case-b"_s);
    index.remove(u"case-c"_s);
    CHECK(index.size() == 0);
    CHECK(find(index, u"korban"_s).isEmpty());
    // The freed document numbers are reused and still give correct postings.
    index.upsert(person(u"case-d"_s, {u"Rina"_s}, u"korban"_s));
    CHECK(find(index, u"korban rina"_s) == QStringList{u"case-d"_s});
}

TEST_CASE("no more hits than the limit are returned, ties ordered by id", "[core][search]")
{
    SearchIndex index;
    for (int i = 0; i < 200; ++i)
        index.upsert(person(u"case-%1"_s.arg(i, 3, 10, QLatin1Char('0')), {u"Sri Wahyuni"_s}, u"korban"_s));

    const std::vector<SearchHit> hits = index.search(u"korban"_s, 10);
    REQUIRE(hits.size() == 10);
    for (int i = 0; i < 10; ++i)
        CHECK(hits[static_cast<std::size_t>(i)].id == u"case-%1"_s.arg(i, 3, 10, QLatin1Char('0')));
    CHECK(index.search(u"korban"_s, 0).empty());
    CHECK(index.search(u"wahyuni"_s).size() == 50);
}

TEST_CASE("a name match outranks a narrative-only match", "[core][search]")
{
    SearchIndex index;
    index.upsert(
        person(u"a-narrative"_s, {u"Rina Marlina"_s}, u"Tetangga bernama Wati melapor ke polisi."_s));
    index.upsert(person(u"b-name"_s, {u"Wati Susilawati"_s}, u"Laporan dari sekolah."_s));
    CHECK(find(index, u"wati"_s) == QStringList{u"b-name"_s, u"a-narrative"_s});
}

TEST_CASE("a number match outranks a name, place or narrative match", "[core][search]")
{
    SearchIndex index;
    SearchDocument numbered = person(u"b-number"_s, {u"Rina"_s});
    numbered.caseNumber = u"6402-7KQ3M-2026-0042"_s;
    index.upsert(numbered);
    SearchDocument named = person(u"a-name"_s, {u"Nurhaliza"_s});
    named.caseNumber = u"6402-7KQ3M-2026-0099"_s;
    index.upsert(named);
    index.upsert(person(u"a-narrative"_s, {u"Wati"_s}, u"Dokumen di kamar 0042 dan surat dari Nurhaliza."_s));

    CHECK(find(index, u"0042"_s) == QStringList{u"b-number"_s, u"a-narrative"_s});
    CHECK(find(index, u"nurhaliza"_s) == QStringList{u"a-name"_s, u"a-narrative"_s});
}

TEST_CASE("removing a case purges the terms only it held", "[core][search]")
{
    SearchIndex index = smallCaseload();
    const std::size_t before = index.termCount();
    SearchDocument unique
        = person(u"case-u"_s, {u"Zulaikha Pattiradjawane"_s}, u"korban restitusi reintegrasi"_s);
    unique.caseNumber = u"6402-ZZZZZ-2031-9999"_s;
    unique.niks = {u"9171010101010001"_s};
    unique.places = {u"Desa Kelekat"_s};
    index.upsert(unique);
    CHECK(index.termCount() > before + 10);

    index.remove(u"case-u"_s);
    CHECK(index.termCount() == before);
    // Replacing a case by itself leaves the dictionary as it was.
    index.upsert(unique);
    const std::size_t with = index.termCount();
    index.upsert(unique);
    CHECK(index.termCount() == with);
}

TEST_CASE("an empty or punctuation-only query matches nothing", "[core][search]")
{
    const SearchIndex index = smallCaseload();
    CHECK(index.search(u""_s).empty());
    CHECK(index.search(u"  -- ,. "_s).empty());
    CHECK(SearchIndex().search(u"korban"_s).empty());
}

TEST_CASE("a very common word over 50k cases returns a bounded, ranked page", "[core][search]")
{
    SearchIndex index;
    index.reserve(50000);
    const QStringList villages = {u"Sukamaju"_s, u"Loa Janan"_s, u"Bukit Biru"_s, u"Melayu"_s};
    for (int i = 0; i < 50000; ++i) {
        SearchDocument doc;
        doc.id = u"case-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
        doc.names = {u"Nama%1"_s.arg(i)};
        doc.places = {villages[i % villages.size()]};
        doc.narrative = u"korban datang ke kantor bersama ibu"_s;
        index.upsert(doc);
    }
    index.upsert(person(u"zz-rare"_s, {u"Zulkifli"_s}, u"korban langka sekali"_s));
    for (int i = 0; i < 5; ++i)
        index.upsert(person(u"aaa-late-%1"_s.arg(i), {u"Nama"_s}, u"korban"_s));
    CHECK(index.size() == 50006);

    const std::vector<SearchHit> hits = index.search(u"korban"_s, 50);
    CHECK(hits.size() == 50);
    // The documented bound: a query of common words only scores the first candidateCap
    // documents, so the late cases are not ranked even though their ids sort first.
    for (const SearchHit &hit : hits)
        CHECK_FALSE(hit.id.startsWith(u"aaa-late"_s));
    CHECK(hits.front().id == u"case-00000"_s);
    CHECK(index.search(u"korban ibu kantor"_s, 20).size() == 20);
    // A common word next to a rare one only tests the rare word's candidates; the rare case sits
    // beyond the candidate cap of the common word and is still found.
    CHECK(find(index, u"korban langka"_s) == QStringList{u"zz-rare"_s});
    CHECK(find(index, u"korban zulkifli"_s) == QStringList{u"zz-rare"_s});
    CHECK(find(index, u"sukamaju nama49996"_s) == QStringList{u"case-49996"_s});

    // Thinning the common word out of most cases keeps the rest findable (bitmap to array).
    for (int i = 0; i < 50000; ++i) {
        if (i % 1000 != 7)
            index.remove(u"case-%1"_s.arg(i, 5, 10, QLatin1Char('0')));
    }
    CHECK(index.size() == 56);
    const QStringList left = find(index, u"korban"_s, 100);
    CHECK(left.size() == 56);
    CHECK(left.front() == u"aaa-late-0"_s); // below the cap now, so ranked by id again
    CHECK(left.contains(u"case-49007"_s));
    CHECK(left.contains(u"zz-rare"_s));
    CHECK_FALSE(left.contains(u"case-49008"_s));
}

TEST_CASE("concurrent searches give the same answers as one thread", "[core][search]")
{
    SearchIndex index;
    for (int i = 0; i < 3000; ++i) {
        index.upsert(person(u"case-%1"_s.arg(i), {u"Nama%1 Suryani"_s.arg(i % 97)},
                            u"korban kata%1 rumah"_s.arg(i % 13)));
    }
    const QStringList queries = {u"suryani"_s, u"nama1"_s, u"kata7 korban"_s, u"suryana"_s, u"rumah"_s};
    std::vector<QStringList> expected;
    for (const QString &query : queries)
        expected.push_back(find(index, query));

    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                for (qsizetype q = 0; q < queries.size(); ++q) {
                    if (find(index, queries[q]) != expected[static_cast<std::size_t>(q)])
                        ++mismatches[t];
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
    CHECK_FALSE(expected[0].isEmpty());
}

TEST_CASE("a moved index keeps its content and the source stays usable", "[core][search]")
{
    SearchIndex built = smallCaseload();
    SearchIndex live = std::move(built);
    CHECK(live.size() == 3);
    CHECK(find(live, u"nurhaliza"_s) == QStringList{u"case-a"_s});
    CHECK(built.size() == 0); // NOLINT(bugprone-use-after-move): moved-from is documented as empty
    CHECK(built.search(u"nurhaliza"_s).empty());
    built.upsert(person(u"x"_s, {u"Rina"_s}));
    CHECK(find(built, u"rina"_s) == QStringList{u"x"_s});
    CHECK(live.memoryBytes() > 0);
}
