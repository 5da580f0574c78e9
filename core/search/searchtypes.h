// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

// Names shared by the parts of SearchIndex (see searchindex.cpp for how they fit together).
// Nothing here is part of the public API.
namespace Core::SearchDetail {

using Doc = std::uint32_t;
using TermId = std::uint32_t;
constexpr std::uint32_t kNone = 0xffffffffu;

enum class Field : char { Id = 1, Number, Nik, Name, NamePhonetic, Place, Narrative };

// Grows by a quarter rather than doubling: posting vectors are the bulk of the index and are
// filled one doc at a time, so doubling would leave a third of them empty on average.
template <typename T> void reserveFor(std::vector<T> &v, std::size_t needed)
{
    if (needed > v.capacity())
        v.reserve(std::max(needed, v.capacity() + v.capacity() / 4 + 4));
}

inline std::size_t heapBytes(std::size_t bytes)
{
    // Payload plus the allocator's per-chunk header, so memoryBytes() tracks RSS more closely.
    return bytes == 0 ? 0 : bytes + 16;
}

} // namespace Core::SearchDetail
