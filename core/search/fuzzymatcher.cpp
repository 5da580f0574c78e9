// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/fuzzymatcher.h"

#include "core/search/searchtext.h"
#include "core/search/termtable.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

namespace Core::SearchDetail {

namespace {

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
    std::array<int, kMaxTermBytes + 1> previous{};
    std::array<int, kMaxTermBytes + 1> current{};
    for (int j = 0; j <= sizeB; ++j)
        previous[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= sizeA; ++i) {
        current[0] = i;
        int rowMin = i;
        for (int j = 1; j <= sizeB; ++j) {
            const auto uj = static_cast<std::size_t>(j);
            const int substitution
                = previous[uj - 1] + (a[static_cast<std::size_t>(i - 1)] == b[uj - 1] ? 0 : 1);
            current[uj] = std::min({previous[uj] + 1, current[uj - 1] + 1, substitution});
            rowMin = std::min(rowMin, current[uj]);
        }
        if (rowMin > bound)
            return bound + 1;
        std::swap(previous, current);
    }
    return std::min(previous[static_cast<std::size_t>(sizeB)], bound + 1);
}

std::vector<std::uint32_t> distinctTrigramsOf(std::string_view text)
{
    std::vector<std::uint32_t> grams = trigramsOf(text);
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

} // namespace

void FuzzyMatcher::add(TermId term, std::string_view text)
{
    for (const std::uint32_t gram : distinctTrigramsOf(text))
        m_trigrams[gram].push_back(term);
}

void FuzzyMatcher::remove(TermId term, std::string_view text)
{
    for (const std::uint32_t gram : distinctTrigramsOf(text)) {
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

std::vector<std::pair<int, TermId>> FuzzyMatcher::closest(std::string_view token, const TermTable &terms,
                                                          std::size_t limit) const
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
        return {}; // the filter could not prune, and scanning the dictionary is not an option

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
            const std::string_view text = terms.key(seen[i]).substr(1);
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
        return a.first != b.first ? a.first < b.first : terms.key(a.second) < terms.key(b.second);
    });
    if (matches.size() > limit)
        matches.resize(limit);
    return matches;
}

std::size_t FuzzyMatcher::memoryBytes() const
{
    std::size_t bytes = heapBytes(m_trigrams.bucket_count() * sizeof(void *));
    for (const auto &[gram, terms] : m_trigrams) {
        // A node holds the key, the vector and the next pointer (and the cached hash).
        bytes += heapBytes(sizeof(std::pair<const std::uint32_t, std::vector<TermId>>) + 2 * sizeof(void *))
               + heapBytes(terms.capacity() * 4);
    }
    return bytes;
}

} // namespace Core::SearchDetail
