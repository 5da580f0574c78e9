// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/search/searchtypes.h"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace Core::SearchDetail {

// A posting list becomes a bitmap only from this many docs; below it both forms are tiny.
constexpr std::uint32_t kMinBitmapDocs = 64;

// The documents holding one term. It lives inside the term's dictionary entry, so a term in a
// single document (most NIKs, case numbers and ids) costs no allocation.
struct Posting
{
    std::uint32_t count = 0; // documents holding the term
    // count == 1: that doc. count > 1: the list's index in PostingLists shifted left by one, with
    // the low bit set when the list is a bitmap rather than a sorted array (so the whole posting
    // is 8 bytes and a term entry stays 16).
    std::uint32_t payload = 0;

    bool isBitmap() const { return count > 1 && (payload & 1u) != 0; }
};

// The lists of terms held by more than one document: each a sorted doc array or, once that
// array would be larger than a bitmap over the docs it covers, a bitmap. Testing one document
// against any posting is O(log n) or O(1). A released list's slot is reused.
class PostingLists final
{
public:
    void add(Posting &posting, Doc doc);
    bool remove(Posting &posting, Doc doc); // false when the posting did not hold doc
    bool contains(const Posting &posting, Doc doc) const;
    // Calls f for each doc of the posting, in ascending order.
    template <typename F> void forEach(const Posting &posting, F &&f) const;
    std::size_t memoryBytes() const;

private:
    static std::uint32_t listOf(const Posting &posting) { return posting.payload >> 1; }
    std::uint32_t allocateList();
    void releaseList(std::uint32_t list);
    void toBitmap(Posting &posting);
    void toArray(Posting &posting);

    std::vector<std::vector<std::uint32_t>> m_lists;
    std::vector<std::uint32_t> m_freeLists;
};

template <typename F> void PostingLists::forEach(const Posting &posting, F &&f) const
{
    if (posting.count <= 1) {
        if (posting.count == 1)
            f(posting.payload);
        return;
    }
    const std::vector<std::uint32_t> &data = m_lists[listOf(posting)];
    if (!posting.isBitmap()) {
        for (const Doc doc : data)
            f(doc);
        return;
    }
    for (std::size_t word = 0; word < data.size(); ++word) {
        for (std::uint32_t bits = data[word]; bits != 0; bits &= bits - 1)
            f(static_cast<Doc>(word * 32 + static_cast<std::size_t>(std::countr_zero(bits))));
    }
}

} // namespace Core::SearchDetail
