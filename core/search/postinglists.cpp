// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/postinglists.h"

#include <QtGlobal>

#include <algorithm>

namespace Core::SearchDetail {

std::uint32_t PostingLists::allocateList()
{
    if (!m_freeLists.empty()) {
        const std::uint32_t list = m_freeLists.back();
        m_freeLists.pop_back();
        return list;
    }
    Q_ASSERT(m_lists.size() < 0x80000000u); // the index must fit Posting::payload above its flag bit
    m_lists.emplace_back();
    return static_cast<std::uint32_t>(m_lists.size() - 1);
}

void PostingLists::releaseList(std::uint32_t list)
{
    std::vector<std::uint32_t>().swap(m_lists[list]);
    m_freeLists.push_back(list);
}

void PostingLists::toBitmap(Posting &posting)
{
    const std::vector<std::uint32_t> &docs = m_lists[listOf(posting)];
    std::vector<std::uint32_t> bits(docs.back() / 32 + 1, 0);
    for (const Doc doc : docs)
        bits[doc / 32] |= 1u << (doc % 32);
    m_lists[listOf(posting)].swap(bits);
    posting.payload |= 1u;
}

void PostingLists::toArray(Posting &posting)
{
    std::vector<std::uint32_t> docs;
    docs.reserve(posting.count);
    forEach(posting, [&](Doc doc) { docs.push_back(doc); });
    m_lists[listOf(posting)].swap(docs);
    posting.payload &= ~1u;
}

void PostingLists::add(Posting &posting, Doc doc)
{
    if (posting.count == 0) {
        posting.payload = doc;
        posting.count = 1;
        return;
    }
    if (posting.count == 1) {
        if (posting.payload == doc)
            return;
        const std::uint32_t list = allocateList();
        m_lists[list] = {std::min(posting.payload, doc), std::max(posting.payload, doc)};
        posting.payload = list << 1; // a sorted array
        posting.count = 2;
        return;
    }
    std::vector<std::uint32_t> &data = m_lists[listOf(posting)];
    if (posting.isBitmap()) {
        const std::size_t word = doc / 32;
        if (word >= data.size()) {
            reserveFor(data, word + 1);
            data.resize(word + 1, 0);
        }
        const std::uint32_t bit = 1u << (doc % 32);
        if (data[word] & bit)
            return;
        data[word] |= bit;
        ++posting.count;
        // A bitmap stretched by one far doc number may now be the larger form.
        if (std::size_t{posting.count} * 2 < data.size())
            toArray(posting);
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
    ++posting.count;
    // Switch when the array is larger than a bitmap up to its highest doc.
    if (posting.count >= kMinBitmapDocs && posting.count > data.back() / 32 + 1)
        toBitmap(posting);
}

bool PostingLists::remove(Posting &posting, Doc doc)
{
    if (posting.count == 0)
        return false;
    if (posting.count == 1) {
        if (posting.payload != doc)
            return false;
        posting.count = 0;
        return true;
    }
    std::vector<std::uint32_t> &data = m_lists[listOf(posting)];
    if (posting.isBitmap()) {
        const std::size_t word = doc / 32;
        const std::uint32_t bit = 1u << (doc % 32);
        if (word >= data.size() || !(data[word] & bit))
            return false;
        data[word] &= ~bit;
        --posting.count;
        while (data.back() == 0)
            data.pop_back();
        // Hysteresis: back to an array only at half the break-even point, so a term near it
        // does not flip on every edit.
        if (posting.count < kMinBitmapDocs / 2 || std::size_t{posting.count} * 2 < data.size())
            toArray(posting);
    } else {
        const auto at = std::lower_bound(data.begin(), data.end(), doc);
        if (at == data.end() || *at != doc)
            return false;
        data.erase(at);
        --posting.count;
        if (data.capacity() > 2 * data.size() + 16)
            data.shrink_to_fit();
    }
    if (posting.count == 1) {
        const std::uint32_t list = listOf(posting);
        const Doc only = m_lists[list].front();
        releaseList(list);
        posting.payload = only;
    }
    return true;
}

bool PostingLists::contains(const Posting &posting, Doc doc) const
{
    if (posting.count <= 1)
        return posting.count == 1 && posting.payload == doc;
    const std::vector<std::uint32_t> &data = m_lists[listOf(posting)];
    if (posting.isBitmap()) {
        const std::size_t word = doc / 32;
        return word < data.size() && (data[word] & (1u << (doc % 32))) != 0;
    }
    return std::binary_search(data.begin(), data.end(), doc);
}

std::size_t PostingLists::memoryBytes() const
{
    std::size_t bytes = heapBytes(m_lists.capacity() * sizeof(std::vector<std::uint32_t>))
                      + heapBytes(m_freeLists.capacity() * 4);
    for (const std::vector<std::uint32_t> &list : m_lists)
        bytes += heapBytes(list.capacity() * 4);
    return bytes;
}

} // namespace Core::SearchDetail
