// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/termtable.h"

#include <QtGlobal>

#include <algorithm>

namespace Core::SearchDetail {

namespace {

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

} // namespace

std::string fieldKey(Field field, std::string_view text)
{
    std::string key;
    key.reserve(text.size() + 1);
    key.push_back(static_cast<char>(field));
    key.append(text);
    return key;
}

TermTable::~TermTable()
{
    wipe(m_pool.data(), m_pool.size());
}

std::size_t TermTable::home(std::string_view key) const
{
    // Maps the hash onto any table size (no power of two needed), so the table can grow by
    // half rather than double.
    return static_cast<std::size_t>((static_cast<std::uint64_t>(hashKey(key)) * m_slots.size()) >> 32);
}

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
    term = Term{};
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
    Q_ASSERT(term.length > 0 && term.posting.count == 0);
    hashErase(id);
    if (term.field != Field::Id)
        sortedErase(id);
    wipe(m_pool.data() + term.offset, term.length);
    m_poolGarbage += term.length;
    term = Term{};
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
    const auto block
        = std::partition_point(m_blocks.begin(), m_blocks.end(),
                               [&](const std::vector<TermId> &b) { return this->key(b.back()) < key; });
    if (block == m_blocks.end())
        return {m_blocks.size(), 0};
    const auto at
        = std::partition_point(block->begin(), block->end(), [&](TermId t) { return this->key(t) < key; });
    return {static_cast<std::size_t>(block - m_blocks.begin()),
            static_cast<std::size_t>(at - block->begin())};
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
                      + m_postings.memoryBytes();
    for (const std::vector<TermId> &block : m_blocks)
        bytes += heapBytes(block.capacity() * 4);
    return bytes;
}

} // namespace Core::SearchDetail
