// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Core {

// The decrypted, searchable text of one case. Built by the caller after unlock and handed to
// SearchIndex::upsert(); the index keeps only folded terms, never this struct.
struct SearchDocument
{
    QString id; // case UUID
    QString caseNumber; // e.g. "6402-7KQ3M-2026-0042"
    QStringList numbers; // other numbers (registry number)
    QStringList names; // people's names (victims, perpetrators, reporters)
    QStringList niks; // 16-digit NIKs
    QStringList places; // village / kecamatan names, scene text
    QString narrative; // free text
};

struct SearchHit
{
    QString id;
    double score = 0.0;
};

// In-memory search over decrypted case text: exact, prefix, phonetic and typo-tolerant matching,
// every query token required (AND), ranked and bounded. Nothing of it is ever written to disk.
// search() is const and safe to call from several threads at once; upsert(), remove() and
// clear() must not run concurrently with anything else (the caller serialises them).
class SearchIndex final
{
public:
    // Bounds on the work of one query; see searchindex.cpp for how each is applied.
    static constexpr int maxQueryTokens = 8; // later tokens of a query are ignored
    static constexpr int candidateCap = 20000; // at most this many documents are ever scored
    static constexpr int maxFuzzyTermsPerToken = 64; // closest name spellings kept per token

    SearchIndex();
    ~SearchIndex();
    // A moved-from index is empty and usable, so an index built on a worker thread can be
    // moved into place.
    SearchIndex(SearchIndex &&other) noexcept;
    SearchIndex &operator=(SearchIndex &&other) noexcept;
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;

    // A sizing hint for a bulk build after unlock; never required.
    void reserve(int documents);
    // Adds the document, or replaces the one with the same id. Documents without an id are ignored.
    void upsert(const SearchDocument &doc);
    // Purges the document: afterwards no posting, term text or fuzzy entry that only it
    // contributed remains in the index (term text is also wiped from the index's memory).
    void remove(const QString &id);
    void clear();
    int size() const;

    // Ranked hits, best first, at most `limit`; ties are ordered by id. An empty query matches nothing.
    std::vector<SearchHit> search(QStringView query, int limit = 50) const;
    // Approximate heap use of the index, for benchmarks.
    std::size_t memoryBytes() const;
    // Distinct terms held (all fields), for tests and benchmarks: removing a document's unique
    // words brings it back down.
    std::size_t termCount() const;

private:
    class Impl;
    std::unique_ptr<Impl> d;
};

// The phonetic key used for names; exposed for tests. `folded` is one token already passed
// through foldForSearch(), as UTF-8. Returns an empty string when the token has no key.
std::string searchPhoneticKey(std::string_view folded);

} // namespace Core
