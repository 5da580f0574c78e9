// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/searchindex.h"

#include "core/logging.h"
#include "core/util/text.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <unordered_map>
#include <utility>

// How the index is laid out, and why.
//
// Documents get dense 32-bit numbers ("doc"); a removed document's number is reused. All terms of
// all fields share one dictionary (TermTable). A term's key is one field byte followed by the
// folded UTF-8 text, so a single sorted order keeps each field's terms contiguous and a prefix
// query is one range scan. The key bytes live in one string pool; the rest of the index holds only
// 32-bit numbers, so nothing else needs wiping when a term is purged.
//
// Postings: a term in one document stores that doc inline (most NIKs, case numbers and ids). A
// term in more documents owns a vector that is either a sorted doc array or, once that array
// would be larger than a bitmap over the docs it covers, a bitmap. Common narrative words thus
// cost at most one bit per document, and testing one document against any posting is O(log n)
// or O(1). A forward index (doc -> its term ids, sorted, delta-encoded as varints: one or two
// bytes a term) lets remove() touch only the document's own terms, so replacing or deleting
// many cases stays linear.
//
// Fuzzy matching never scans documents: name terms are also listed under their padded
// trigrams, and the q-gram count filter (strings within k edits share at least
// |s| + 2 - 3k trigrams) picks the few spellings worth an exact bounded edit distance.
//
// Query evaluation (all tokens must match):
// 1. Each token expands into match groups over the fields it may match: its exact terms, a
//    prefix range of the sorted order per field (kept lazy: sized from block lengths, not
//    walked), its phonetic key, and its closest fuzzy spellings. A token with no match ends the
//    query with no hits. Its cost is the number of postings behind its groups.
// 2. Tokens run cheapest first. The first produces the candidates, at most candidateCap
//    documents: when even the cheapest token is that common, candidates are admitted in group
//    order (fields by weight; within a field exact, then prefix terms alphabetically, then
//    phonetic, then fuzzy; within a term by doc number) and the rest are never scored.
// 3. Each later token only tests the surviving candidates. Per term it walks the postings or
//    probes each candidate, whichever touches fewer entries; a prefix range larger than
//    candidates x terms per document is tested through the candidates' forward lists instead;
//    and a group whose best possible score cannot raise any candidate is skipped. So a very
//    common word costs at most one probe per candidate, and "6402" (a prefix of every NIK and
//    case number of the regency) costs nothing beyond its exact match.
// 4. A document's score is the sum over tokens of its best field weight x match quality; the top
//    `limit` are picked by partial sort, ties ordered by id.
// Work per query is therefore bounded by maxQueryTokens tokens, candidateCap scored documents,
// maxFuzzyTermsPerToken fuzzy spellings per token, and per token either its postings or one
// probe per candidate per term; the only unbounded walk is a first (cheapest) token's prefix
// range, which is at most the size of one field's dictionary.

namespace Core {

namespace {

using Doc = std::uint32_t;
using TermId = std::uint32_t;
constexpr std::uint32_t kNone = 0xffffffffu;

enum class Field : char { Id = 1, Number, Nik, Name, NamePhonetic, Place, Narrative };

// Longer words are cut at this many bytes, on both the index and the query side, so they still
// match exactly. Ids are never cut; an id longer than kMaxIdBytes is refused.
constexpr std::size_t kMaxTermBytes = 64;
constexpr qsizetype kMaxIdBytes = 200;
// Prefix matching starts at two bytes (a single letter would expand to a whole field); NIKs need
// four digits (the province and regency code) before a prefix means anything.
constexpr std::size_t kMinPrefixBytes = 2;
constexpr std::size_t kMinNikPrefixBytes = 4;
// Typos are tolerated from four bytes: one edit below seven bytes, two from seven.
constexpr std::size_t kMinFuzzyBytes = 4;
constexpr std::size_t kTwoEditsBytes = 7;
// A posting list becomes a bitmap only from this many docs; below it both forms are tiny.
constexpr std::uint32_t kMinBitmapDocs = 64;

// Ranking: field weight x match quality. Qualities keep exact > prefix > phonetic > fuzzy for
// any prefix (a prefix scores in [0.5, 0.8) depending on how much of the term it covers).
double fieldWeight(Field field)
{
    switch (field) {
    case Field::Number:
    case Field::Nik:
        return 10.0;
    case Field::Name:
    case Field::NamePhonetic:
        return 6.0;
    case Field::Place:
        return 3.0;
    case Field::Narrative:
    case Field::Id:
        break;
    }
    return 1.0;
}
constexpr double kExact = 1.0;
constexpr double kPrefixBase = 0.5;
constexpr double kPrefixSpan = 0.3;
constexpr double kPhonetic = 0.45;
constexpr double kFuzzyOneEdit = 0.35;
constexpr double kFuzzyTwoEdits = 0.25;

// Zeroes memory that held case text; volatile so the compiler cannot drop the stores as dead.
void wipe(char *data, std::size_t size)
{
    volatile char *bytes = data;
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = 0;
}

std::uint32_t hashKey(std::string_view key)
{
    // FNV-1a with a final avalanche, so linear probing on the low bits sees a good spread.
    std::uint32_t h = 2166136261u;
    for (const char c : key) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    h *= 0x297a2d39u;
    h ^= h >> 15;
    return h;
}

std::string_view truncated(std::string_view text)
{
    if (text.size() <= kMaxTermBytes)
        return text;
    std::size_t cut = kMaxTermBytes;
    // Never split a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0u) == 0x80u)
        --cut;
    return text.substr(0, cut);
}

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), static_cast<std::size_t>(bytes.size()) };
}

// Calls f for each space-separated token of folded UTF-8 text.
template <typename F> void forEachToken(std::string_view text, F &&f)
{
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            f(text.substr(start, end - start));
        start = end + 1;
    }
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

bool hasDigit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), isDigit);
}

std::string fieldKey(Field field, std::string_view text)
{
    std::string key;
    key.reserve(text.size() + 1);
    key.push_back(static_cast<char>(field));
    key.append(text);
    return key;
}

// Grows by a quarter rather than doubling: posting vectors are the bulk of the index and are
// filled one doc at a time, so doubling would leave a third of them empty on average.
template <typename T> void reserveFor(std::vector<T> &v, std::size_t needed)
{
    if (needed > v.capacity())
        v.reserve(std::max(needed, v.capacity() + v.capacity() / 4 + 4));
}

void putVarint(std::vector<std::uint8_t> &out, std::uint32_t value)
{
    while (value >= 0x80u) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80u));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

std::uint32_t getVarint(const std::uint8_t *&in)
{
    std::uint32_t value = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *in++;
        value |= static_cast<std::uint32_t>(byte & 0x7fu) << shift;
        if ((byte & 0x80u) == 0)
            return value;
    }
}

std::size_t heapBytes(std::size_t bytes)
{
    // Payload plus the allocator's per-chunk header, so memoryBytes() tracks RSS more closely.
    return bytes == 0 ? 0 : bytes + 16;
}

// Padded trigrams of a name term, sorted, duplicates kept (the count filter needs them).
std::vector<std::uint32_t> trigramsOf(std::string_view text)
{
    std::string padded;
    padded.reserve(text.size() + 4);
    padded.append(2, '\x01');
    padded.append(text);
    padded.append(2, '\x01');
    std::vector<std::uint32_t> grams;
    grams.reserve(padded.size() - 2);
    for (std::size_t i = 0; i + 2 < padded.size(); ++i) {
        grams.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i])) << 16
            | static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 1])) << 8
            | static_cast<std::uint32_t>(static_cast<unsigned char>(padded[i + 2])));
    }
    std::sort(grams.begin(), grams.end());
    return grams;
}

// Levenshtein distance in bytes, or bound + 1 as soon as it must exceed bound.
int boundedEditDistance(std::string_view a, std::string_view b, int bound)
{
    const auto sizeA = static_cast<int>(a.size());
    const auto sizeB = static_cast<int>(b.size());
    if (std::abs(sizeA - sizeB) > bound || sizeB > static_cast<int>(kMaxTermBytes))
        return bound + 1;
    std::array<int, kMaxTermBytes + 1> previous {};
    std::array<int, kMaxTermBytes + 1> current {};
    for (int j = 0; j <= sizeB; ++j)
        previous[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= sizeA; ++i) {
        current[0] = i;
        int rowMin = i;
        for (int j = 1; j <= sizeB; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int substitution
                = previous[uj - 1] + (a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1);
            current[uj] = std::min({ previous[uj] + 1, current[uj - 1] + 1, substitution });
            rowMin = std::min(rowMin, current[uj]);
        }
        if (rowMin > bound)
            return bound + 1;
        std::swap(previous, current);
    }
    return std::min(previous[static_cast<std::size_t>(sizeB)], bound + 1);
}

// The dictionary of all fields: key bytes in a pool, postings per term, an open-addressing hash
// for exact lookup and a blocked sorted order for prefix ranges. Term ids are stable while the
// term lives; a purged term's id and pool bytes are recycled.
class TermTable final
{
public:
    TermTable() = default;
    ~TermTable() { wipe(m_pool.data(), m_pool.size()); }
    TermTable(const TermTable &) = delete;
    TermTable &operator=(const TermTable &) = delete;

    TermId find(std::string_view key) const;
    TermId insert(std::string_view key); // key must be absent; the new term has no docs yet
    void purge(TermId term); // only for a term whose last doc was removed

    void addDoc(TermId term, Doc doc);
    bool removeDoc(TermId term, Doc doc); // false when the term did not hold doc
    bool contains(TermId term, Doc doc) const;
    template <typename F> void forEachDoc(TermId term, F &&f) const;

    // A contiguous run of the sorted order: all terms whose key starts with some prefix.
    struct Position
    {
        std::size_t block = 0;
        std::size_t offset = 0;
    };
    struct Range
    {
        Position begin;
        Position end;
        std::size_t terms = 0;
    };
    Range prefixRange(std::string_view prefix) const;
    template <typename F> void forEachInRange(const Range &range, F &&f) const;

    std::uint32_t count(TermId term) const { return m_terms[term].count; }
    bool isBitmap(TermId term) const { return m_terms[term].bitmap; }
    Field field(TermId term) const { return m_terms[term].field; }
    std::size_t length(TermId term) const { return m_terms[term].length; }
    std::size_t liveTerms() const { return m_terms.size() - m_freeTerms.size(); }
    std::string_view key(TermId term) const
    {
        const Term &t = m_terms[term];
        return { m_pool.data() + t.offset, t.length };
    }
    void reserve(std::size_t terms, std::size_t poolBytes);
    std::size_t memoryBytes() const;

private:
    struct Term
    {
        std::uint32_t offset = 0; // key bytes in m_pool
        std::uint32_t count = 0; // documents holding the term
        std::uint32_t payload = 0; // count == 1: that doc; count > 1: index into m_lists
        std::uint8_t length = 0; // key length; 0 marks a free entry
        Field field = Field::Id; // copy of the key's first byte, read without touching the pool
        bool bitmap = false; // m_lists[payload] is a bitmap rather than a sorted array
    };
    static constexpr std::size_t kMaxBlock = 512;

    void appendToPool(std::string_view bytes);
    void compactPool();
    std::size_t home(std::string_view key) const
    {
        // Maps the hash onto any table size (no power of two needed), so the table can grow by
        // half rather than double.
        return static_cast<std::size_t>((static_cast<std::uint64_t>(hashKey(key)) * m_slots.size()) >> 32);
    }
    std::size_t nextSlot(std::size_t i) const { return i + 1 == m_slots.size() ? 0 : i + 1; }
    void hashInsert(TermId term);
    void hashErase(TermId term);
    void rehash(std::size_t slotCount);
    Position lowerBound(std::string_view key) const;
    void sortedInsert(TermId term);
    void sortedErase(TermId term);
    std::uint32_t allocateList();
    void releaseList(std::uint32_t list);
    void toBitmap(TermId id);
    void toArray(TermId id);

    std::vector<Term> m_terms;
    std::vector<TermId> m_freeTerms;
    std::vector<char> m_pool;
    std::size_t m_poolGarbage = 0; // bytes of purged (already wiped) keys still in m_pool
    // Linear probing with backward-shift deletion, so there are no tombstones to clean up.
    // Load stays between 1/2 and 3/4.
    std::vector<TermId> m_slots;
    std::size_t m_slotsUsed = 0;
    // Sorted order of live keys in blocks of at most kMaxBlock ids: each block is sorted,
    // non-empty, and every key of block i sorts before every key of block i + 1.
    std::vector<std::vector<TermId>> m_blocks;
    std::vector<std::vector<std::uint32_t>> m_lists;
    std::vector<std::uint32_t> m_freeLists;
};

TermId TermTable::find(std::string_view key) const
{
    if (m_slots.empty())
        return kNone;
    for (std::size_t i = home(key);; i = nextSlot(i)) {
        const TermId term = m_slots[i];
        if (term == kNone || this->key(term) == key)
            return term;
    }
}

TermId TermTable::insert(std::string_view key)
{
    Q_ASSERT(!key.empty() && key.size() <= 255 && find(key) == kNone);
    TermId id;
    if (!m_freeTerms.empty()) {
        id = m_freeTerms.back();
        m_freeTerms.pop_back();
    } else {
        id = static_cast<TermId>(m_terms.size());
        reserveFor(m_terms, m_terms.size() + 1);
        m_terms.emplace_back();
    }
    appendToPool(key);
    Term &term = m_terms[id];
    term = Term {};
    term.offset = static_cast<std::uint32_t>(m_pool.size() - key.size());
    term.length = static_cast<std::uint8_t>(key.size());
    term.field = static_cast<Field>(key.front());
    if ((m_slotsUsed + 1) * 4 > m_slots.size() * 3)
        rehash(std::max<std::size_t>(1024, m_slots.size() + m_slots.size() / 2));
    hashInsert(id);
    if (term.field != Field::Id) // ids are looked up whole, never by prefix
        sortedInsert(id);
    return id;
}

void TermTable::purge(TermId id)
{
    Term &term = m_terms[id];
    Q_ASSERT(term.length > 0 && term.count == 0);
    hashErase(id);
    if (term.field != Field::Id)
        sortedErase(id);
    wipe(m_pool.data() + term.offset, term.length);
    m_poolGarbage += term.length;
    term = Term {};
    m_freeTerms.push_back(id);
    if (m_poolGarbage > 65536 && m_poolGarbage * 2 > m_pool.size())
        compactPool();
}

void TermTable::appendToPool(std::string_view bytes)
{
    if (m_pool.size() + bytes.size() > m_pool.capacity()) {
        // Grow by hand so the old buffer is wiped before it goes back to the allocator.
        std::vector<char> bigger;
        bigger.reserve(
            std::max(m_pool.size() + bytes.size(), m_pool.capacity() + m_pool.capacity() / 2 + 4096));
        bigger.assign(m_pool.begin(), m_pool.end());
        wipe(m_pool.data(), m_pool.size());
        m_pool.swap(bigger);
    }
    m_pool.insert(m_pool.end(), bytes.begin(), bytes.end());
}

void TermTable::compactPool()
{
    std::vector<char> compact;
    compact.reserve(m_pool.size() - m_poolGarbage + 4096);
    for (Term &term : m_terms) {
        if (term.length == 0)
            continue;
        const std::uint32_t from = term.offset;
        term.offset = static_cast<std::uint32_t>(compact.size());
        compact.insert(compact.end(), m_pool.begin() + from, m_pool.begin() + from + term.length);
    }
    wipe(m_pool.data(), m_pool.size());
    m_pool.swap(compact);
    m_poolGarbage = 0;
}

void TermTable::hashInsert(TermId term)
{
    std::size_t i = home(key(term));
    while (m_slots[i] != kNone)
        i = nextSlot(i);
    m_slots[i] = term;
    ++m_slotsUsed;
}

void TermTable::hashErase(TermId term)
{
    std::size_t hole = home(key(term));
    while (m_slots[hole] != term)
        hole = nextSlot(hole);
    m_slots[hole] = kNone;
    --m_slotsUsed;
    // Backward shift: move later entries of the cluster into the hole unless their home slot
    // lies cyclically in (hole, j], which keeps every remaining entry reachable from its home.
    for (std::size_t j = nextSlot(hole); m_slots[j] != kNone; j = nextSlot(j)) {
        const std::size_t at = home(key(m_slots[j]));
        const bool staysPut = hole <= j ? (hole < at && at <= j) : (hole < at || at <= j);
        if (staysPut)
            continue;
        m_slots[hole] = m_slots[j];
        m_slots[j] = kNone;
        hole = j;
    }
}

void TermTable::rehash(std::size_t slotCount)
{
    m_slots.assign(slotCount, kNone);
    m_slotsUsed = 0;
    for (TermId term = 0; term < m_terms.size(); ++term) {
        if (m_terms[term].length > 0)
            hashInsert(term);
    }
}

TermTable::Position TermTable::lowerBound(std::string_view key) const
{
    const auto block = std::partition_point(m_blocks.begin(), m_blocks.end(),
        [&](const std::vector<TermId> &b) { return this->key(b.back()) < key; });
    if (block == m_blocks.end())
        return { m_blocks.size(), 0 };
    const auto at
        = std::partition_point(block->begin(), block->end(), [&](TermId t) { return this->key(t) < key; });
    return { static_cast<std::size_t>(block - m_blocks.begin()),
        static_cast<std::size_t>(at - block->begin()) };
}

void TermTable::sortedInsert(TermId term)
{
    // Blocks are allocated at their maximum size once, so splitting never leaves a half-used
    // doubled buffer behind.
    if (m_blocks.empty()) {
        m_blocks.emplace_back().reserve(kMaxBlock + 1);
        m_blocks.back().push_back(term);
        return;
    }
    Position at = lowerBound(key(term));
    if (at.block == m_blocks.size()) {
        at.block = m_blocks.size() - 1;
        at.offset = m_blocks[at.block].size();
    }
    std::vector<TermId> &block = m_blocks[at.block];
    block.insert(block.begin() + static_cast<std::ptrdiff_t>(at.offset), term);
    if (block.size() > kMaxBlock) {
        std::vector<TermId> upper;
        upper.reserve(kMaxBlock + 1);
        upper.assign(block.begin() + kMaxBlock / 2, block.end());
        block.resize(kMaxBlock / 2);
        m_blocks.insert(m_blocks.begin() + static_cast<std::ptrdiff_t>(at.block) + 1, std::move(upper));
    }
}

void TermTable::sortedErase(TermId term)
{
    const Position at = lowerBound(key(term));
    Q_ASSERT(at.block < m_blocks.size() && m_blocks[at.block][at.offset] == term);
    std::vector<TermId> &block = m_blocks[at.block];
    block.erase(block.begin() + static_cast<std::ptrdiff_t>(at.offset));
    if (block.empty())
        m_blocks.erase(m_blocks.begin() + static_cast<std::ptrdiff_t>(at.block));
}

TermTable::Range TermTable::prefixRange(std::string_view prefix) const
{
    Range range;
    range.begin = lowerBound(prefix);
    // The first key past the range: the prefix with its last byte incremented. Keys are field
    // byte + UTF-8, which never contains 0xff, so there is no carry.
    std::string past(prefix);
    Q_ASSERT(!past.empty() && static_cast<unsigned char>(past.back()) != 0xffu);
    past.back() = static_cast<char>(static_cast<unsigned char>(past.back()) + 1);
    range.end = lowerBound(past);
    // Counting walks block sizes only, so sizing a huge range costs no key comparison.
    if (range.begin.block == range.end.block) {
        range.terms = range.end.offset - range.begin.offset;
    } else {
        range.terms = m_blocks[range.begin.block].size() - range.begin.offset + range.end.offset;
        for (std::size_t b = range.begin.block + 1; b < range.end.block; ++b)
            range.terms += m_blocks[b].size();
    }
    return range;
}

template <typename F> void TermTable::forEachInRange(const Range &range, F &&f) const
{
    for (std::size_t b = range.begin.block; b <= range.end.block && b < m_blocks.size(); ++b) {
        const std::vector<TermId> &block = m_blocks[b];
        const std::size_t from = b == range.begin.block ? range.begin.offset : 0;
        const std::size_t to = b == range.end.block ? range.end.offset : block.size();
        for (std::size_t i = from; i < to; ++i)
            f(block[i]);
    }
}

std::uint32_t TermTable::allocateList()
{
    if (!m_freeLists.empty()) {
        const std::uint32_t list = m_freeLists.back();
        m_freeLists.pop_back();
        return list;
    }
    m_lists.emplace_back();
    return static_cast<std::uint32_t>(m_lists.size() - 1);
}

void TermTable::releaseList(std::uint32_t list)
{
    std::vector<std::uint32_t>().swap(m_lists[list]);
    m_freeLists.push_back(list);
}

void TermTable::toBitmap(TermId id)
{
    Term &term = m_terms[id];
    const std::vector<std::uint32_t> &docs = m_lists[term.payload];
    std::vector<std::uint32_t> bits(docs.back() / 32 + 1, 0);
    for (const Doc doc : docs)
        bits[doc / 32] |= 1u << (doc % 32);
    m_lists[term.payload].swap(bits);
    term.bitmap = true;
}

void TermTable::toArray(TermId id)
{
    Term &term = m_terms[id];
    std::vector<std::uint32_t> docs;
    docs.reserve(term.count);
    forEachDoc(id, [&](Doc doc) { docs.push_back(doc); });
    m_lists[term.payload].swap(docs);
    term.bitmap = false;
}

void TermTable::addDoc(TermId id, Doc doc)
{
    Term &term = m_terms[id];
    if (term.count == 0) {
        term.payload = doc;
        term.count = 1;
        return;
    }
    if (term.count == 1) {
        if (term.payload == doc)
            return;
        const std::uint32_t list = allocateList();
        m_lists[list] = { std::min(term.payload, doc), std::max(term.payload, doc) };
        term.payload = list;
        term.count = 2;
        term.bitmap = false;
        return;
    }
    std::vector<std::uint32_t> &data = m_lists[term.payload];
    if (term.bitmap) {
        const std::size_t word = doc / 32;
        if (word >= data.size()) {
            reserveFor(data, word + 1);
            data.resize(word + 1, 0);
        }
        const std::uint32_t bit = 1u << (doc % 32);
        if (data[word] & bit)
            return;
        data[word] |= bit;
        ++term.count;
        // A bitmap stretched by one far doc number may now be the larger form.
        if (std::size_t { term.count } * 2 < data.size())
            toArray(id);
        return;
    }
    if (data.back() < doc) {
        reserveFor(data, data.size() + 1);
        data.push_back(doc);
    } else {
        const auto at = std::lower_bound(data.begin(), data.end(), doc) - data.begin();
        if (data[static_cast<std::size_t>(at)] == doc)
            return;
        reserveFor(data, data.size() + 1); // may reallocate: hence the index, not an iterator
        data.insert(data.begin() + at, doc);
    }
    ++term.count;
    // Switch when the array is larger than a bitmap up to its highest doc.
    if (term.count >= kMinBitmapDocs && term.count > data.back() / 32 + 1)
        toBitmap(id);
}

bool TermTable::removeDoc(TermId id, Doc doc)
{
    Term &term = m_terms[id];
    if (term.count == 0)
        return false;
    if (term.count == 1) {
        if (term.payload != doc)
            return false;
        term.count = 0;
        return true;
    }
    std::vector<std::uint32_t> &data = m_lists[term.payload];
    if (term.bitmap) {
        const std::size_t word = doc / 32;
        const std::uint32_t bit = 1u << (doc % 32);
        if (word >= data.size() || !(data[word] & bit))
            return false;
        data[word] &= ~bit;
        --term.count;
        while (data.back() == 0)
            data.pop_back();
        // Hysteresis: back to an array only at half the break-even point, so a term near it
        // does not flip on every edit.
        if (term.count < kMinBitmapDocs / 2 || std::size_t { term.count } * 2 < data.size())
            toArray(id);
    } else {
        const auto at = std::lower_bound(data.begin(), data.end(), doc);
        if (at == data.end() || *at != doc)
            return false;
        data.erase(at);
        --term.count;
        if (data.capacity() > 2 * data.size() + 16)
            data.shrink_to_fit();
    }
    if (term.count == 1) {
        const Doc only = m_lists[term.payload].front();
        releaseList(term.payload);
        term.payload = only;
    }
    return true;
}

bool TermTable::contains(TermId id, Doc doc) const
{
    const Term &term = m_terms[id];
    if (term.count <= 1)
        return term.count == 1 && term.payload == doc;
    const std::vector<std::uint32_t> &data = m_lists[term.payload];
    if (term.bitmap) {
        const std::size_t word = doc / 32;
        return word < data.size() && (data[word] & (1u << (doc % 32))) != 0;
    }
    return std::binary_search(data.begin(), data.end(), doc);
}

template <typename F> void TermTable::forEachDoc(TermId id, F &&f) const
{
    const Term &term = m_terms[id];
    if (term.count <= 1) {
        if (term.count == 1)
            f(term.payload);
        return;
    }
    const std::vector<std::uint32_t> &data = m_lists[term.payload];
    if (!term.bitmap) {
        for (const Doc doc : data)
            f(doc);
        return;
    }
    for (std::size_t word = 0; word < data.size(); ++word) {
        for (std::uint32_t bits = data[word]; bits != 0; bits &= bits - 1)
            f(static_cast<Doc>(word * 32 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
}

void TermTable::reserve(std::size_t terms, std::size_t poolBytes)
{
    m_terms.reserve(terms);
    if (poolBytes > m_pool.capacity()) {
        std::vector<char> bigger;
        bigger.reserve(poolBytes);
        bigger.assign(m_pool.begin(), m_pool.end());
        wipe(m_pool.data(), m_pool.size());
        m_pool.swap(bigger);
    }
    const std::size_t slotCount = terms * 3 / 2 + 1;
    if (slotCount > m_slots.size())
        rehash(slotCount);
}

std::size_t TermTable::memoryBytes() const
{
    std::size_t bytes = heapBytes(m_terms.capacity() * sizeof(Term)) + heapBytes(m_freeTerms.capacity() * 4)
        + heapBytes(m_pool.capacity()) + heapBytes(m_slots.capacity() * 4)
        + heapBytes(m_blocks.capacity() * sizeof(std::vector<TermId>))
        + heapBytes(m_lists.capacity() * sizeof(std::vector<std::uint32_t>))
        + heapBytes(m_freeLists.capacity() * 4);
    for (const std::vector<TermId> &block : m_blocks)
        bytes += heapBytes(block.capacity() * 4);
    for (const std::vector<std::uint32_t> &list : m_lists)
        bytes += heapBytes(list.capacity() * 4);
    return bytes;
}

// One term a token matches, with the score that match is worth.
struct Expansion
{
    TermId term;
    double score;
};
// Matches of one token that share an upper bound on their score: explicit terms (exact,
// phonetic, fuzzy), or a prefix range of one field whose terms are scored by how much of them
// the token covers. Ranges stay lazy: a huge one ("6402" before every NIK) is sized from the
// sorted order's block lengths and only walked if no cheaper way to test candidates exists.
struct MatchGroup
{
    double maxScore = 0.0;
    std::vector<Expansion> terms;
    bool isRange = false;
    std::string prefix; // field byte + token
    std::size_t tokenBytes = 0;
    double weight = 0.0;
    TermTable::Range range;
    std::uint64_t cost = 0; // postings behind the group (a lower bound for very large ranges)
};
struct TokenPlan
{
    std::string text;
    std::vector<MatchGroup> groups;
    std::uint64_t cost = 0;
};
// Up to this many terms a range's postings are summed exactly to order the tokens; beyond it
// the term count stands in (every term has at least one posting).
constexpr std::size_t kExactCostTerms = 4096;

// The documents still in the running while a query's tokens are applied.
struct Candidates
{
    std::vector<Doc> docs;
    std::vector<double> total; // sum over the tokens applied so far
    std::vector<double> best; // the current token's best score
    std::vector<std::uint32_t> index; // doc -> position in docs, kNone when not a candidate
};

} // namespace

class SearchIndex::Impl final
{
public:
    void reserve(int documents);
    void upsert(const SearchDocument &doc);
    void remove(const QString &id);
    int size() const { return m_liveDocs; }
    std::vector<SearchHit> search(QStringView query, int limit) const;
    std::size_t memoryBytes() const;
    std::size_t termCount() const { return m_terms.liveTerms(); }

private:
    TermId termFor(Field field, std::string_view text);
    void removeDoc(Doc doc);
    void storeForward(Doc doc, const std::vector<TermId> &sortedTerms);
    std::vector<TermId> forwardTerms(Doc doc) const;
    void compactForward();
    void addTrigrams(TermId term);
    void removeTrigrams(TermId term);
    std::string_view idOf(Doc doc) const { return m_terms.key(m_docIdTerm[doc]).substr(1); }

    std::vector<SearchHit> evaluate(const std::vector<std::string> &tokens, std::size_t limit) const;
    TokenPlan plan(std::string_view token) const;
    void addExact(TokenPlan &plan, Field field, std::string_view token) const;
    void addPrefix(TokenPlan &plan, Field field, std::string_view token) const;
    void addFuzzy(TokenPlan &plan, std::string_view token) const;
    void apply(Candidates &candidates, const MatchGroup &group, bool addNew) const;
    void apply(Candidates &candidates, const Expansion &expansion, bool addNew) const;
    double rangeScore(const MatchGroup &group, TermId term) const;
    template <typename F> void forEachForwardTerm(Doc doc, F &&f) const;

    TermTable m_terms;
    // Name term ids under each of their distinct padded trigrams (unordered within a list).
    std::unordered_map<std::uint32_t, std::vector<TermId>> m_trigrams;
    std::vector<TermId> m_docIdTerm; // doc -> its Id term, kNone for a free doc number
    std::vector<Doc> m_freeDocs;
    // Forward index: per doc, the count then the deltas of its sorted term ids, as varints.
    std::vector<std::uint8_t> m_forward;
    std::vector<std::uint32_t> m_forwardAt; // doc -> offset in m_forward, kNone for a free doc
    std::size_t m_forwardGarbage = 0; // bytes of removed docs still in m_forward
    std::size_t m_forwardTerms = 0; // terms over all live docs, for cost estimates
    int m_liveDocs = 0;
    std::string m_key; // scratch for termFor(); only mutating calls touch it
};

void SearchIndex::Impl::reserve(int documents)
{
    if (documents <= 0)
        return;
    const auto n = static_cast<std::size_t>(documents);
    m_docIdTerm.reserve(n);
    m_forwardAt.reserve(n);
    m_forward.reserve(n * 100);
    // Mostly-unique terms per case (id, a few NIKs, joined case numbers) dominate the count.
    m_terms.reserve(n * 6, n * 110);
}

TermId SearchIndex::Impl::termFor(Field field, std::string_view text)
{
    // Reused buffer: NIKs and ids are longer than the small-string buffer, and this runs for
    // every word of every case during a build.
    m_key.assign(1, static_cast<char>(field));
    m_key.append(text);
    TermId term = m_terms.find(m_key);
    if (term == kNone) {
        term = m_terms.insert(m_key);
        if (field == Field::Name)
            addTrigrams(term);
    }
    return term;
}

void SearchIndex::Impl::upsert(const SearchDocument &document)
{
    const QByteArray id = document.id.toUtf8();
    if (id.isEmpty() || id.size() > kMaxIdBytes) {
        qCWarning(lcSearch) << "ignored a document without a usable id, id bytes:" << id.size();
        return;
    }
    if (const TermId existing = m_terms.find(fieldKey(Field::Id, view(id))); existing != kNone) {
        Doc previous = kNone;
        m_terms.forEachDoc(existing, [&](Doc d) { previous = d; });
        removeDoc(previous); // usually frees the same doc number again, reused just below
    }

    Doc doc;
    if (!m_freeDocs.empty()) {
        doc = m_freeDocs.back();
        m_freeDocs.pop_back();
    } else {
        doc = static_cast<Doc>(m_docIdTerm.size());
        m_docIdTerm.push_back(kNone);
        m_forwardAt.push_back(kNone);
    }

    // Collect first, then post each distinct term once: a word repeated in the narrative or a
    // name shared by two people is still one posting.
    std::vector<TermId> terms;
    terms.reserve(96);
    const TermId idTerm = termFor(Field::Id, view(id));
    terms.push_back(idTerm);
    const auto add = [&](Field field, std::string_view text) {
        text = truncated(text);
        if (!text.empty())
            terms.push_back(termFor(field, text));
    };
    const auto addNumber = [&](const QString &number) {
        const QByteArray folded = foldForSearch(number).toUtf8();
        std::vector<std::string_view> segments;
        forEachToken(view(folded), [&](std::string_view segment) { segments.push_back(segment); });
        // Each segment, plus the number joined without separators from each all-digit segment
        // on, so "2026-0042", "20260042", "0042" and "64027KQ3M20260042" all find
        // 6402-7KQ3M-2026-0042. Joins starting at a lettered segment ("7kq3m20260042",
        // "regppa…") are left out: nobody types them, and they would be a third of all terms.
        std::string joined;
        for (std::size_t i = segments.size(); i-- > 0;) {
            joined.insert(0, segments[i]);
            add(Field::Number, segments[i]);
            if (i + 1 < segments.size() && isDigits(segments[i]))
                add(Field::Number, joined);
        }
    };
    addNumber(document.caseNumber);
    for (const QString &number : document.numbers)
        addNumber(number);
    for (const QString &nik : document.niks) {
        // A NIK is one term whatever spacing or dots it was typed with.
        QByteArray folded = foldForSearch(nik).toUtf8();
        folded.replace(' ', QByteArrayView());
        add(Field::Nik, view(folded));
    }
    for (const QString &name : document.names) {
        const QByteArray folded = foldForSearch(name).toUtf8();
        forEachToken(view(folded), [&](std::string_view token) {
            token = truncated(token);
            add(Field::Name, token);
            const std::string key = searchPhoneticKey(token);
            if (!key.empty())
                add(Field::NamePhonetic, key);
        });
    }
    for (const QString &place : document.places) {
        const QByteArray folded = foldForSearch(place).toUtf8();
        forEachToken(view(folded), [&](std::string_view token) { add(Field::Place, token); });
    }
    const QByteArray narrative = foldForSearch(document.narrative).toUtf8();
    forEachToken(view(narrative), [&](std::string_view token) { add(Field::Narrative, token); });

    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (const TermId term : terms)
        m_terms.addDoc(term, doc);
    storeForward(doc, terms);
    m_docIdTerm[doc] = idTerm;
    ++m_liveDocs;
}

void SearchIndex::Impl::remove(const QString &id)
{
    const QByteArray bytes = id.toUtf8();
    if (bytes.isEmpty() || bytes.size() > kMaxIdBytes)
        return;
    const TermId idTerm = m_terms.find(fieldKey(Field::Id, view(bytes)));
    if (idTerm == kNone)
        return;
    Doc doc = kNone;
    m_terms.forEachDoc(idTerm, [&](Doc d) { doc = d; });
    removeDoc(doc);
}

void SearchIndex::Impl::removeDoc(Doc doc)
{
    if (doc == kNone)
        return;
    // A term left without documents is purged at once, so its text is unreachable (and wiped)
    // when this returns.
    const std::vector<TermId> terms = forwardTerms(doc);
    m_forwardTerms -= terms.size();
    for (const TermId term : terms) {
        const bool held = m_terms.removeDoc(term, doc);
        Q_ASSERT(held);
        if (!held || m_terms.count(term) > 0)
            continue;
        if (m_terms.field(term) == Field::Name)
            removeTrigrams(term);
        m_terms.purge(term);
    }
    const std::uint8_t *begin = m_forward.data() + m_forwardAt[doc];
    const std::uint8_t *end = begin;
    for (std::uint32_t n = getVarint(end); n > 0; --n)
        getVarint(end);
    m_forwardGarbage += static_cast<std::size_t>(end - begin);
    m_forwardAt[doc] = kNone;
    m_docIdTerm[doc] = kNone;
    m_freeDocs.push_back(doc);
    --m_liveDocs;
}

void SearchIndex::Impl::storeForward(Doc doc, const std::vector<TermId> &sortedTerms)
{
    if (m_forwardGarbage > (1u << 20) && m_forwardGarbage * 2 > m_forward.size())
        compactForward();
    reserveFor(m_forward, m_forward.size() + 5 * (sortedTerms.size() + 1));
    m_forwardAt[doc] = static_cast<std::uint32_t>(m_forward.size());
    putVarint(m_forward, static_cast<std::uint32_t>(sortedTerms.size()));
    m_forwardTerms += sortedTerms.size();
    TermId previous = 0;
    for (const TermId term : sortedTerms) {
        putVarint(m_forward, term - previous);
        previous = term;
    }
}

template <typename F> void SearchIndex::Impl::forEachForwardTerm(Doc doc, F &&f) const
{
    const std::uint8_t *in = m_forward.data() + m_forwardAt[doc];
    TermId term = 0;
    for (std::uint32_t n = getVarint(in); n > 0; --n) {
        term += getVarint(in);
        f(term);
    }
}

std::vector<TermId> SearchIndex::Impl::forwardTerms(Doc doc) const
{
    std::vector<TermId> terms;
    forEachForwardTerm(doc, [&](TermId term) { terms.push_back(term); });
    return terms;
}

void SearchIndex::Impl::compactForward()
{
    std::vector<std::uint8_t> compact;
    compact.reserve(m_forward.size() - m_forwardGarbage + 4096);
    for (std::uint32_t &at : m_forwardAt) {
        if (at == kNone)
            continue;
        const std::uint8_t *begin = m_forward.data() + at;
        const std::uint8_t *end = begin;
        for (std::uint32_t n = getVarint(end); n > 0; --n)
            getVarint(end);
        at = static_cast<std::uint32_t>(compact.size());
        compact.insert(compact.end(), begin, end);
    }
    m_forward.swap(compact);
    m_forwardGarbage = 0;
}

void SearchIndex::Impl::addTrigrams(TermId term)
{
    std::vector<std::uint32_t> grams = trigramsOf(m_terms.key(term).substr(1));
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    for (const std::uint32_t gram : grams)
        m_trigrams[gram].push_back(term);
}

void SearchIndex::Impl::removeTrigrams(TermId term)
{
    std::vector<std::uint32_t> grams = trigramsOf(m_terms.key(term).substr(1));
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    for (const std::uint32_t gram : grams) {
        const auto it = m_trigrams.find(gram);
        if (it == m_trigrams.end())
            continue;
        std::vector<TermId> &terms = it->second;
        const auto at = std::find(terms.begin(), terms.end(), term);
        if (at != terms.end()) {
            *at = terms.back();
            terms.pop_back();
        }
        if (terms.empty())
            m_trigrams.erase(it);
    }
}

void SearchIndex::Impl::addExact(TokenPlan &plan, Field field, std::string_view token) const
{
    const TermId term = m_terms.find(fieldKey(field, token));
    if (term == kNone || m_terms.count(term) == 0)
        return;
    MatchGroup group;
    group.maxScore = fieldWeight(field) * kExact;
    group.terms.push_back({ term, group.maxScore });
    group.cost = m_terms.count(term);
    plan.groups.push_back(std::move(group));
}

void SearchIndex::Impl::addPrefix(TokenPlan &plan, Field field, std::string_view token) const
{
    MatchGroup group;
    group.isRange = true;
    group.prefix = fieldKey(field, token);
    group.tokenBytes = token.size();
    group.weight = fieldWeight(field);
    group.maxScore = group.weight * (kPrefixBase + kPrefixSpan);
    group.range = m_terms.prefixRange(group.prefix);
    if (group.range.terms <= kExactCostTerms) {
        m_terms.forEachInRange(group.range, [&](TermId term) {
            if (m_terms.length(term) > group.prefix.size())
                group.cost += m_terms.count(term);
        });
    } else {
        group.cost = group.range.terms;
    }
    if (group.cost > 0) // an empty range, or one holding only the exact term
        plan.groups.push_back(std::move(group));
}

double SearchIndex::Impl::rangeScore(const MatchGroup &group, TermId term) const
{
    const double covered
        = static_cast<double>(group.tokenBytes) / static_cast<double>(m_terms.length(term) - 1);
    return group.weight * (kPrefixBase + kPrefixSpan * covered);
}

void SearchIndex::Impl::addFuzzy(TokenPlan &plan, std::string_view token) const
{
    const int maxEdits = token.size() >= kTwoEditsBytes ? 2 : 1;
    std::vector<std::uint32_t> grams = trigramsOf(token);
    const std::size_t withDuplicates = grams.size();
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    // q-gram count filter: within k edits the padded trigram multisets share at least
    // |token| + 2 - 3k; counting distinct trigrams can lose one per repeated query trigram.
    const auto needed = static_cast<long long>(token.size()) + 2 - 3LL * maxEdits
        - static_cast<long long>(withDuplicates - grams.size());
    if (needed < 1)
        return; // the filter could not prune, and scanning the dictionary is not an option

    std::vector<TermId> seen;
    for (const std::uint32_t gram : grams) {
        const auto it = m_trigrams.find(gram);
        if (it != m_trigrams.end())
            seen.insert(seen.end(), it->second.begin(), it->second.end());
    }
    std::sort(seen.begin(), seen.end());
    std::vector<std::pair<int, TermId>> matches;
    for (std::size_t i = 0; i < seen.size();) {
        std::size_t j = i;
        while (j < seen.size() && seen[j] == seen[i])
            ++j;
        if (static_cast<long long>(j - i) >= needed) {
            const std::string_view text = m_terms.key(seen[i]).substr(1);
            // Terms the token is a prefix of are already scored higher as exact or prefix matches.
            if (!text.starts_with(token)) {
                const int distance = boundedEditDistance(token, text, maxEdits);
                if (distance <= maxEdits)
                    matches.emplace_back(distance, seen[i]);
            }
        }
        i = j;
    }
    std::sort(matches.begin(), matches.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : m_terms.key(a.second) < m_terms.key(b.second);
    });
    if (matches.size() > static_cast<std::size_t>(SearchIndex::maxFuzzyTermsPerToken))
        matches.resize(static_cast<std::size_t>(SearchIndex::maxFuzzyTermsPerToken));
    if (matches.empty())
        return;
    MatchGroup group;
    for (const auto &[distance, term] : matches) {
        const double score = fieldWeight(Field::Name) * (distance <= 1 ? kFuzzyOneEdit : kFuzzyTwoEdits);
        group.terms.push_back({ term, score });
        group.maxScore = std::max(group.maxScore, score);
        group.cost += m_terms.count(term);
    }
    plan.groups.push_back(std::move(group));
}

TokenPlan SearchIndex::Impl::plan(std::string_view token) const
{
    TokenPlan plan;
    plan.text = std::string(token);
    const bool digitsOnly = isDigits(token);
    const bool prefixOk = token.size() >= kMinPrefixBytes;
    // Expansion order matters only when the candidate cap is reached (see the top of the file):
    // heavier fields first, and within a field exact before prefix before phonetic before fuzzy.
    addExact(plan, Field::Number, token);
    if (prefixOk)
        addPrefix(plan, Field::Number, token);
    if (digitsOnly) {
        addExact(plan, Field::Nik, token);
        if (token.size() >= kMinNikPrefixBytes)
            addPrefix(plan, Field::Nik, token);
    }
    // Digits-only tokens look for NIKs and numbers; elsewhere they match only whole terms
    // ("RT 03"), since a digit prefix of narrative words is noise.
    addExact(plan, Field::Name, token);
    if (prefixOk && !digitsOnly)
        addPrefix(plan, Field::Name, token);
    if (!hasDigit(token)) {
        const std::string key = searchPhoneticKey(token);
        if (const TermId term
            = key.empty() ? kNone : m_terms.find(fieldKey(Field::NamePhonetic, truncated(key)));
            term != kNone && m_terms.count(term) > 0) {
            MatchGroup group;
            group.maxScore = fieldWeight(Field::NamePhonetic) * kPhonetic;
            group.terms.push_back({ term, group.maxScore });
            group.cost = m_terms.count(term);
            plan.groups.push_back(std::move(group));
        }
        if (token.size() >= kMinFuzzyBytes)
            addFuzzy(plan, token);
    }
    for (const Field field : { Field::Place, Field::Narrative }) {
        addExact(plan, field, token);
        if (prefixOk && !digitsOnly)
            addPrefix(plan, field, token);
    }
    for (const MatchGroup &group : plan.groups)
        plan.cost += group.cost;
    return plan;
}

void SearchIndex::Impl::apply(Candidates &candidates, const MatchGroup &group, bool addNew) const
{
    const bool admitting
        = addNew && candidates.docs.size() < static_cast<std::size_t>(SearchIndex::candidateCap);
    if (!admitting && !candidates.docs.empty()) {
        // Scores only ever rise to a group's maximum: when every candidate already holds at least
        // that much for this token, the group cannot change anything (e.g. "6402" after its
        // exact number match, before the range of every NIK starting with it).
        if (*std::min_element(candidates.best.begin(), candidates.best.end()) >= group.maxScore)
            return;
    }
    if (!group.isRange) {
        for (const Expansion &expansion : group.terms)
            apply(candidates, expansion, addNew);
        return;
    }
    // Testing the candidates' own terms (forward index) beats walking a range much larger
    // than candidates x terms per document.
    const std::size_t perDoc = m_liveDocs > 0 ? m_forwardTerms / static_cast<std::size_t>(m_liveDocs) + 1 : 1;
    if (!admitting && candidates.docs.size() * perDoc < group.range.terms) {
        for (std::size_t i = 0; i < candidates.docs.size(); ++i) {
            forEachForwardTerm(candidates.docs[i], [&](TermId term) {
                if (m_terms.field(term) == static_cast<Field>(group.prefix.front())
                    && m_terms.length(term) > group.prefix.size()
                    && m_terms.key(term).starts_with(group.prefix))
                    candidates.best[i] = std::max(candidates.best[i], rangeScore(group, term));
            });
        }
        return;
    }
    m_terms.forEachInRange(group.range, [&](TermId term) {
        if (m_terms.length(term) > group.prefix.size()) // the exact term has its own group
            apply(candidates, Expansion { term, rangeScore(group, term) }, addNew);
    });
}

void SearchIndex::Impl::apply(Candidates &candidates, const Expansion &expansion, bool addNew) const
{
    const auto cap = static_cast<std::size_t>(SearchIndex::candidateCap);
    const std::uint32_t postings = m_terms.count(expansion.term);
    const std::size_t present = candidates.docs.size();
    // Probing is allowed once no new candidate can be admitted; pick whichever of walking the
    // postings or testing each candidate touches fewer entries.
    if (!addNew || present >= cap) {
        const std::size_t probeCost = m_terms.isBitmap(expansion.term)
            ? present
            : present * static_cast<std::size_t>(std::bit_width(postings));
        if (probeCost < postings) {
            for (std::size_t i = 0; i < present; ++i) {
                if (m_terms.contains(expansion.term, candidates.docs[i]))
                    candidates.best[i] = std::max(candidates.best[i], expansion.score);
            }
            return;
        }
    }
    m_terms.forEachDoc(expansion.term, [&](Doc doc) {
        const std::uint32_t at = candidates.index[doc];
        if (at != kNone) {
            candidates.best[at] = std::max(candidates.best[at], expansion.score);
        } else if (addNew && candidates.docs.size() < cap) {
            candidates.index[doc] = static_cast<std::uint32_t>(candidates.docs.size());
            candidates.docs.push_back(doc);
            candidates.total.push_back(0.0);
            candidates.best.push_back(expansion.score);
        }
    });
}

std::vector<SearchHit> SearchIndex::Impl::search(QStringView query, int limit) const
{
    if (limit <= 0 || m_liveDocs == 0)
        return {};
    const QByteArray folded = foldForSearch(query).toUtf8();
    std::vector<std::string> tokens;
    forEachToken(view(folded), [&](std::string_view token) {
        token = truncated(token);
        if (tokens.size() < static_cast<std::size_t>(SearchIndex::maxQueryTokens)
            && std::find(tokens.begin(), tokens.end(), token) == tokens.end())
            tokens.emplace_back(token);
    });
    if (tokens.empty())
        return {};
    std::vector<SearchHit> hits = evaluate(tokens, static_cast<std::size_t>(limit));
    // A number typed in groups ("6402 0612 0385 0001", "2026 0042") is one number when its
    // groups match nothing together.
    if (hits.empty() && tokens.size() > 1
        && std::all_of(
            tokens.begin(), tokens.end(), [](const std::string &token) { return isDigits(token); })) {
        std::string joined;
        for (const std::string &token : tokens)
            joined += token;
        hits = evaluate({ std::string(truncated(joined)) }, static_cast<std::size_t>(limit));
    }
    return hits;
}

std::vector<SearchHit> SearchIndex::Impl::evaluate(
    const std::vector<std::string> &tokens, std::size_t limit) const
{
    std::vector<TokenPlan> plans;
    plans.reserve(tokens.size());
    for (const std::string &token : tokens) {
        plans.push_back(plan(token));
        if (plans.back().groups.empty())
            return {}; // AND: a token that matches nothing rules out every document
    }
    // Cheapest first: the rarest token bounds the candidates; the order is total, so equal
    // queries score in the same order and give bit-identical sums.
    std::sort(plans.begin(), plans.end(), [](const TokenPlan &a, const TokenPlan &b) {
        return a.cost != b.cost ? a.cost < b.cost : a.text < b.text;
    });

    Candidates candidates;
    candidates.index.assign(m_docIdTerm.size(), kNone);
    for (std::size_t t = 0; t < plans.size(); ++t) {
        for (const MatchGroup &group : plans[t].groups)
            apply(candidates, group, t == 0);
        // Keep the candidates this token matched, folding its score into their total.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < candidates.docs.size(); ++i) {
            const Doc doc = candidates.docs[i];
            if (candidates.best[i] > 0.0) {
                candidates.docs[kept] = doc;
                candidates.total[kept] = candidates.total[i] + candidates.best[i];
                candidates.index[doc] = static_cast<std::uint32_t>(kept);
                ++kept;
            } else {
                candidates.index[doc] = kNone;
            }
        }
        candidates.docs.resize(kept);
        candidates.total.resize(kept);
        candidates.best.assign(kept, 0.0);
        if (kept == 0)
            return {};
    }

    std::vector<std::uint32_t> order(candidates.docs.size());
    std::iota(order.begin(), order.end(), 0u);
    const std::size_t top = std::min(order.size(), limit);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
        [&](std::uint32_t a, std::uint32_t b) {
            if (candidates.total[a] != candidates.total[b])
                return candidates.total[a] > candidates.total[b];
            return idOf(candidates.docs[a]) < idOf(candidates.docs[b]);
        });
    std::vector<SearchHit> hits;
    hits.reserve(top);
    for (std::size_t i = 0; i < top; ++i) {
        const std::string_view id = idOf(candidates.docs[order[i]]);
        hits.push_back(
            { QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size())), candidates.total[order[i]] });
    }
    return hits;
}

std::size_t SearchIndex::Impl::memoryBytes() const
{
    std::size_t bytes = sizeof(Impl) + m_terms.memoryBytes() + heapBytes(m_docIdTerm.capacity() * 4)
        + heapBytes(m_forward.capacity()) + heapBytes(m_forwardAt.capacity() * 4)
        + heapBytes(m_freeDocs.capacity() * 4) + heapBytes(m_trigrams.bucket_count() * sizeof(void *));
    for (const auto &[gram, terms] : m_trigrams) {
        // A node holds the key, the vector and the next pointer (and the cached hash).
        bytes += heapBytes(sizeof(std::pair<const std::uint32_t, std::vector<TermId>>) + 2 * sizeof(void *))
            + heapBytes(terms.capacity() * 4);
    }
    return bytes;
}

SearchIndex::SearchIndex() = default;
SearchIndex::~SearchIndex()
{
    clear();
}
SearchIndex::SearchIndex(SearchIndex &&other) noexcept = default;
SearchIndex &SearchIndex::operator=(SearchIndex &&other) noexcept
{
    if (this != &other) {
        clear();
        d = std::move(other.d);
    }
    return *this;
}

void SearchIndex::reserve(int documents)
{
    if (!d)
        d = std::make_unique<Impl>();
    d->reserve(documents);
}

void SearchIndex::upsert(const SearchDocument &doc)
{
    if (!d)
        d = std::make_unique<Impl>();
    d->upsert(doc);
}

void SearchIndex::remove(const QString &id)
{
    if (d)
        d->remove(id);
}

void SearchIndex::clear()
{
    d.reset(); // ~TermTable wipes the term text before the memory is freed
}

int SearchIndex::size() const
{
    return d ? d->size() : 0;
}

std::vector<SearchHit> SearchIndex::search(QStringView query, int limit) const
{
    return d ? d->search(query, limit) : std::vector<SearchHit>();
}

std::size_t SearchIndex::memoryBytes() const
{
    return d ? d->memoryBytes() : 0;
}

std::size_t SearchIndex::termCount() const
{
    return d ? d->termCount() : 0;
}

std::string searchPhoneticKey(std::string_view folded)
{
    // Indonesian-aware phonetic key, applied to both indexed names and query tokens:
    //  - spelling reforms: "oe" -> u (Soeharto/Suharto), "dj" -> j (Djoko/Joko),
    //    "tj" -> c (Tjahjono/Cahyono), "sj" -> s (Sjamsul/Syamsul); in a word written in the
    //    old spelling (it contains dj, tj, sj or oe) any other "j" is the old "y"
    //    (Tjahjono = Cahyono) and is keyed like y;
    //  - borrowed digraphs: "kh" and "ch" -> h (Khairul, Chairul, Hairul; Achmad/Akhmad/Ahmad),
    //    "sy"/"sh" -> s (Syarifah/Sarifah), "ph" -> f, "dz" -> s, and h after b, d, g, t is
    //    dropped (Dhani/Dani, Thalib/Talib, Ghani/Gani); "ie" -> i (Arief/Arif);
    //  - letter classes: y ~ i (Rizky/Rizki), v ~ f (Novi/Nofi), z ~ s, q ~ k, x -> ks;
    //  - doubled letters collapse (Muhammad/Muhamad, Hasanuddin);
    //  - word endings: a final h is silent (Fatimah/Fatima, Aisyah/Aisya), a final d sounds t
    //    (Ahmad/Ahmat), a final b sounds p.
    // Chandra/Candra and Yusuf/Jusuf are left to the edit-distance tier. Only plain a-z tokens
    // get a key: anything else is not an Indonesian spelling to fold.
    if (folded.empty()
        || !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    const bool oldSpelling = folded.find("dj") != std::string_view::npos
        || folded.find("tj") != std::string_view::npos || folded.find("sj") != std::string_view::npos
        || folded.find("oe") != std::string_view::npos;
    std::string key;
    key.reserve(folded.size() + 1);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char c = folded[i];
        const char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
        char digraph = '\0'; // set when c and next fold into one letter
        switch (c) {
        case 'o':
            digraph = next == 'e' ? 'u' : '\0';
            break;
        case 'd':
            digraph = next == 'j' ? 'j' : next == 'z' ? 's' : next == 'h' ? 'd' : '\0';
            break;
        case 't':
            digraph = next == 'j' ? 'c' : next == 'h' ? 't' : '\0';
            break;
        case 's':
            digraph = (next == 'j' || next == 'y' || next == 'h') ? 's' : '\0';
            break;
        case 'k':
        case 'c':
            digraph = next == 'h' ? 'h' : '\0';
            break;
        case 'p':
            digraph = next == 'h' ? 'f' : '\0';
            break;
        case 'b':
        case 'g':
            digraph = next == 'h' ? c : '\0';
            break;
        case 'i':
            digraph = next == 'e' ? 'i' : '\0';
            break;
        default:
            break;
        }
        if (digraph != '\0') {
            key.push_back(digraph);
            ++i;
            continue;
        }
        switch (c) {
        case 'j':
            key.push_back(oldSpelling ? 'i' : 'j');
            break;
        case 'y':
            key.push_back('i');
            break;
        case 'v':
            key.push_back('f');
            break;
        case 'z':
            key.push_back('s');
            break;
        case 'q':
            key.push_back('k');
            break;
        case 'x':
            key.append("ks");
            break;
        default:
            key.push_back(c);
            break;
        }
    }
    key.erase(std::unique(key.begin(), key.end()), key.end());
    if (key.size() > 2 && key.back() == 'h')
        key.pop_back();
    if (key.size() > 1 && key.back() == 'd')
        key.back() = 't';
    else if (key.size() > 1 && key.back() == 'b')
        key.back() = 'p';
    return key;
}

} // namespace Core
