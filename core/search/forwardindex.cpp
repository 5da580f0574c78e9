// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/forwardindex.h"

namespace Core::SearchDetail {

namespace {

void putVarint(std::vector<std::uint8_t> &out, std::uint32_t value)
{
    while (value >= 0x80u) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80u));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

// One past the last byte of the entry starting at `begin`.
const std::uint8_t *entryEnd(const std::uint8_t *begin)
{
    const std::uint8_t *end = begin;
    for (std::uint32_t n = getVarint(end); n > 0; --n)
        getVarint(end);
    return end;
}

} // namespace

void ForwardIndex::reserve(std::size_t docs, std::size_t bytes)
{
    m_at.reserve(docs);
    m_bytes.reserve(bytes);
}

void ForwardIndex::store(Doc doc, const std::vector<TermId> &sortedTerms)
{
    if (m_garbage > (1u << 20) && m_garbage * 2 > m_bytes.size())
        compact();
    reserveFor(m_bytes, m_bytes.size() + 5 * (sortedTerms.size() + 1));
    m_at[doc] = static_cast<std::uint32_t>(m_bytes.size());
    putVarint(m_bytes, static_cast<std::uint32_t>(sortedTerms.size()));
    m_terms += sortedTerms.size();
    TermId previous = 0;
    for (const TermId term : sortedTerms) {
        putVarint(m_bytes, term - previous);
        previous = term;
    }
}

void ForwardIndex::erase(Doc doc)
{
    const std::uint8_t *begin = m_bytes.data() + m_at[doc];
    const std::uint8_t *in = begin;
    m_terms -= getVarint(in);
    m_garbage += static_cast<std::size_t>(entryEnd(begin) - begin);
    m_at[doc] = kNone;
}

std::vector<TermId> ForwardIndex::terms(Doc doc) const
{
    std::vector<TermId> terms;
    forEachTerm(doc, [&](TermId term) { terms.push_back(term); });
    return terms;
}

void ForwardIndex::compact()
{
    std::vector<std::uint8_t> compact;
    compact.reserve(m_bytes.size() - m_garbage + 4096);
    for (std::uint32_t &at : m_at) {
        if (at == kNone)
            continue;
        const std::uint8_t *begin = m_bytes.data() + at;
        const std::uint8_t *end = entryEnd(begin);
        at = static_cast<std::uint32_t>(compact.size());
        compact.insert(compact.end(), begin, end);
    }
    m_bytes.swap(compact);
    m_garbage = 0;
}

std::size_t ForwardIndex::memoryBytes() const
{
    return heapBytes(m_bytes.capacity()) + heapBytes(m_at.capacity() * 4);
}

} // namespace Core::SearchDetail
