// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/search/searchtypes.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace Core::SearchDetail {

// Forward index: per doc, the count then the deltas of its sorted term ids, as varints (one or
// two bytes a term). remove() reads a document's own terms from here instead of scanning the
// dictionary, and a query can test its candidates against a huge prefix range through it.
// Holds term ids only, never text, so nothing here needs wiping.
class ForwardIndex final
{
public:
    void reserve(std::size_t docs, std::size_t bytes);
    // Makes room for the next new doc number; it holds no terms until store().
    void addDocNumber() { m_at.push_back(kNone); }
    // Records the terms of a doc that holds none yet; sortedTerms is ascending and distinct.
    void store(Doc doc, const std::vector<TermId> &sortedTerms);
    // Forgets the doc's terms; its bytes are reclaimed by a later compaction.
    void erase(Doc doc);
    std::vector<TermId> terms(Doc doc) const;
    // Calls f for each term id of the doc, ascending.
    template <typename F> void forEachTerm(Doc doc, F &&f) const;
    std::size_t totalTerms() const { return m_terms; } // terms over all live docs, for cost estimates
    std::size_t memoryBytes() const;

private:
    void compact();

    std::vector<std::uint8_t> m_bytes;
    std::vector<std::uint32_t> m_at; // doc -> offset in m_bytes, kNone for a free doc
    std::size_t m_garbage = 0; // bytes of removed docs still in m_bytes
    std::size_t m_terms = 0;
};

// Decodes one varint and advances `in` past it. Inline because forEachTerm() runs it for every
// term of every candidate when a query tests a prefix range this way.
inline std::uint32_t getVarint(const std::uint8_t *&in)
{
    std::uint32_t value = 0;
    for (int shift = 0;; shift += 7) {
        const std::uint8_t byte = *in++;
        value |= static_cast<std::uint32_t>(byte & 0x7fu) << shift;
        if ((byte & 0x80u) == 0)
            return value;
    }
}

template <typename F> void ForwardIndex::forEachTerm(Doc doc, F &&f) const
{
    const std::uint8_t *in = m_bytes.data() + m_at[doc];
    TermId term = 0;
    for (std::uint32_t n = getVarint(in); n > 0; --n) {
        term += getVarint(in);
        f(term);
    }
}

} // namespace Core::SearchDetail
