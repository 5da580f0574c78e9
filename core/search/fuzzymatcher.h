// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/search/searchtypes.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace Core::SearchDetail {

class TermTable;

// Typos are tolerated from four bytes: one edit below seven bytes, two from seven.
constexpr std::size_t kMinFuzzyBytes = 4;
constexpr std::size_t kTwoEditsBytes = 7;

// Typo-tolerant lookup of name terms that never scans documents: name terms are also listed
// under their padded trigrams, and the q-gram count filter (strings within k edits share at
// least |s| + 2 - 3k trigrams) picks the few spellings worth an exact bounded edit distance.
class FuzzyMatcher final
{
public:
    // `text` is the term's text without its field byte.
    void add(TermId term, std::string_view text);
    void remove(TermId term, std::string_view text);

    // The name terms of `terms` within the token's edit bound, as (edit distance, term), closest
    // first, ties by key, at most `limit`. Terms the token is a prefix of are left out: they are
    // already scored higher as exact or prefix matches.
    std::vector<std::pair<int, TermId>> closest(std::string_view token, const TermTable &terms,
                                                std::size_t limit) const;
    std::size_t memoryBytes() const;

private:
    // Name term ids under each of their distinct padded trigrams (unordered within a list).
    std::unordered_map<std::uint32_t, std::vector<TermId>> m_trigrams;
};

} // namespace Core::SearchDetail
