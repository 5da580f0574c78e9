// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/search/postinglists.h"
#include "core/search/searchtypes.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Core::SearchDetail {

// A term's key: the field byte followed by the folded UTF-8 text.
std::string fieldKey(Field field, std::string_view text);

// The dictionary of all fields: key bytes in a pool, postings per term, an open-addressing hash
// for exact lookup and a blocked sorted order for prefix ranges. Term ids are stable while the
// term lives; a purged term's id and pool bytes are recycled.
class TermTable final
{
public:
    TermTable() = default;
    ~TermTable();
    TermTable(const TermTable &) = delete;
    TermTable &operator=(const TermTable &) = delete;

    TermId find(std::string_view key) const;
    TermId insert(std::string_view key); // key must be absent; the new term has no docs yet
    void purge(TermId term); // only for a term whose last doc was removed

    void addDoc(TermId term, Doc doc) { m_postings.add(m_terms[term].posting, doc); }
    // false when the term did not hold doc
    bool removeDoc(TermId term, Doc doc) { return m_postings.remove(m_terms[term].posting, doc); }
    bool contains(TermId term, Doc doc) const { return m_postings.contains(m_terms[term].posting, doc); }
    template <typename F> void forEachDoc(TermId term, F &&f) const
    {
        m_postings.forEach(m_terms[term].posting, std::forward<F>(f));
    }

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

    std::uint32_t count(TermId term) const { return m_terms[term].posting.count; }
    bool isBitmap(TermId term) const { return m_terms[term].posting.isBitmap(); }
    Field field(TermId term) const { return m_terms[term].field; }
    std::size_t length(TermId term) const { return m_terms[term].length; }
    std::size_t liveTerms() const { return m_terms.size() - m_freeTerms.size(); }
    std::string_view key(TermId term) const
    {
        const Term &t = m_terms[term];
        return {m_pool.data() + t.offset, t.length};
    }
    void reserve(std::size_t terms, std::size_t poolBytes);
    std::size_t memoryBytes() const;

private:
    struct Term
    {
        std::uint32_t offset = 0; // key bytes in m_pool
        Posting posting; // the documents holding the term; lists live in m_postings
        std::uint8_t length = 0; // key length; 0 marks a free entry
        Field field = Field::Id; // copy of the key's first byte, read without touching the pool
    };
    static constexpr std::size_t kMaxBlock = 512;

    void appendToPool(std::string_view bytes);
    void compactPool();
    std::size_t home(std::string_view key) const;
    std::size_t nextSlot(std::size_t i) const { return i + 1 == m_slots.size() ? 0 : i + 1; }
    void hashInsert(TermId term);
    void hashErase(TermId term);
    void rehash(std::size_t slotCount);
    Position lowerBound(std::string_view key) const;
    void sortedInsert(TermId term);
    void sortedErase(TermId term);

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
    PostingLists m_postings;
};

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

} // namespace Core::SearchDetail
