// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/searchindex.h"

#include "core/logging.h"
#include "core/search/forwardindex.h"
#include "core/search/fuzzymatcher.h"
#include "core/search/searchtext.h"
#include "core/search/searchtypes.h"
#include "core/search/termtable.h"
#include "core/util/text.h"

#include <QByteArray>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

// How the index is laid out, and why.
//
// Documents get dense 32-bit numbers ("doc"); a removed document's number is reused. All terms of
// all fields share one dictionary (TermTable). A term's key is one field byte followed by the
// folded UTF-8 text, so a single sorted order keeps each field's terms contiguous and a prefix
// query is one range scan. The key bytes live in one string pool; the rest of the index holds only
// 32-bit numbers, so nothing else needs wiping when a term is purged.
//
// Postings: a term in one document stores that doc inline (most NIKs, case numbers and ids). A
// term in more documents owns a vector that is either a sorted doc array or, once that array
// would be larger than a bitmap over the docs it covers, a bitmap. Common narrative words thus
// cost at most one bit per document, and testing one document against any posting is O(log n)
// or O(1). A forward index (doc -> its term ids, sorted, delta-encoded as varints: one or two
// bytes a term) lets remove() touch only the document's own terms, so replacing or deleting
// many cases stays linear.
//
// Fuzzy matching never scans documents: name terms are also listed under their padded
// trigrams, and the q-gram count filter (strings within k edits share at least
// |s| + 2 - 3k trigrams) picks the few spellings worth an exact bounded edit distance.
//
// Query evaluation (all tokens must match):
// 1. Each token expands into match groups over the fields it may match: its exact terms, a
//    prefix range of the sorted order per field (kept lazy: sized from block lengths, not
//    walked), its phonetic key, and its closest fuzzy spellings. A token with no match ends the
//    query with no hits. Its cost is the number of postings behind its groups.
// 2. Tokens run cheapest first. The first produces the candidates, at most candidateCap
//    documents: when even the cheapest token is that common, candidates are admitted in group
//    order (fields by weight; within a field exact, then prefix terms alphabetically, then
//    phonetic, then fuzzy; within a term by doc number) and the rest are never scored.
// 3. Each later token only tests the surviving candidates. Per term it walks the postings or
//    probes each candidate, whichever touches fewer entries; a prefix range larger than
//    candidates x terms per document is tested through the candidates' forward lists instead;
//    and a group whose best possible score cannot raise any candidate is skipped. So a very
//    common word costs at most one probe per candidate, and "6402" (a prefix of every NIK and
//    case number of the regency) costs nothing beyond its exact match.
// 4. A document's score is the sum over tokens of its best field weight x match quality; the top
//    `limit` are picked by partial sort, ties ordered by id.
// Work per query is therefore bounded by maxQueryTokens tokens, candidateCap scored documents,
// maxFuzzyTermsPerToken fuzzy spellings per token, and per token either its postings or one
// probe per candidate per term; the only unbounded walk is a first (cheapest) token's prefix
// range, which is at most the size of one field's dictionary.
//
// Where each part lives: searchtext.h (tokens and the phonetic key), termtable.h (the dictionary
// and its sorted order), postinglists.h (postings), forwardindex.h (doc -> terms) and
// fuzzymatcher.h (trigrams and edit distance). This file plans and ranks queries.

namespace Core {

using namespace SearchDetail;

namespace {

// Prefix matching starts at two bytes (a single letter would expand to a whole field); NIKs need
// four digits (the province and regency code) before a prefix means anything.
constexpr std::size_t kMinPrefixBytes = 2;
constexpr std::size_t kMinNikPrefixBytes = 4;

// Ranking: field weight x match quality. Qualities keep exact > prefix > phonetic > fuzzy for
// any prefix (a prefix scores in [0.5, 0.8) depending on how much of the term it covers).
double fieldWeight(Field field)
{
    switch (field) {
    case Field::Number:
    case Field::Nik:
        return 10.0;
    case Field::Name:
    case Field::NamePhonetic:
        return 6.0;
    case Field::Place:
        return 3.0;
    case Field::Narrative:
    case Field::Id:
        break;
    }
    return 1.0;
}
constexpr double kExact = 1.0;
constexpr double kPrefixBase = 0.5;
constexpr double kPrefixSpan = 0.3;
constexpr double kPhonetic = 0.45;
constexpr double kFuzzyOneEdit = 0.35;
constexpr double kFuzzyTwoEdits = 0.25;

// One term a token matches, with the score that match is worth.
struct Expansion
{
    TermId term;
    double score;
};
// Matches of one token that share an upper bound on their score: explicit terms (exact,
// phonetic, fuzzy), or a prefix range of one field whose terms are scored by how much of them
// the token covers. Ranges stay lazy: a huge one ("6402" before every NIK) is sized from the
// sorted order's block lengths and only walked if no cheaper way to test candidates exists.
struct MatchGroup
{
    double maxScore = 0.0;
    std::vector<Expansion> terms;
    bool isRange = false;
    std::string prefix; // field byte + token
    std::size_t tokenBytes = 0;
    double weight = 0.0;
    TermTable::Range range;
    std::uint64_t cost = 0; // postings behind the group (a lower bound for very large ranges)
};
struct TokenPlan
{
    std::string text;
    std::vector<MatchGroup> groups;
    std::uint64_t cost = 0;
};
// Up to this many terms a range's postings are summed exactly to order the tokens; beyond it
// the term count stands in (every term has at least one posting).
constexpr std::size_t kExactCostTerms = 4096;

// The documents still in the running while a query's tokens are applied.
struct Candidates
{
    std::vector<Doc> docs;
    std::vector<double> total; // sum over the tokens applied so far
    std::vector<double> best; // the current token's best score
    std::vector<std::uint32_t> index; // doc -> position in docs, kNone when not a candidate
};

} // namespace

class SearchIndex::Impl final
{
public:
    void reserve(int documents);
    void upsert(const SearchDocument &doc);
    void remove(const QString &id);
    int size() const { return m_liveDocs; }
    std::vector<SearchHit> search(QStringView query, int limit) const;
    std::size_t memoryBytes() const;
    std::size_t termCount() const { return m_terms.liveTerms(); }

private:
    TermId termFor(Field field, std::string_view text);
    void removeDoc(Doc doc);
    Doc takeDocNumber();
    // The document's terms, sorted and each once, `idTerm` among them.
    std::vector<TermId> termsOf(const SearchDocument &document, TermId idTerm);
    void addTerm(std::vector<TermId> &terms, Field field, std::string_view text);
    void addNumberTerms(std::vector<TermId> &terms, const QString &number);
    std::string_view idOf(Doc doc) const { return m_terms.key(m_docIdTerm[doc]).substr(1); }

    std::vector<SearchHit> evaluate(const std::vector<std::string> &tokens, std::size_t limit) const;
    TokenPlan plan(std::string_view token) const;
    void addExact(TokenPlan &plan, Field field, std::string_view token) const;
    void addPrefix(TokenPlan &plan, Field field, std::string_view token) const;
    void addFuzzy(TokenPlan &plan, std::string_view token) const;
    void apply(Candidates &candidates, const MatchGroup &group, bool addNew) const;
    void apply(Candidates &candidates, const Expansion &expansion, bool addNew) const;
    double rangeScore(const MatchGroup &group, TermId term) const;

    TermTable m_terms;
    FuzzyMatcher m_fuzzy; // the Name terms, by trigram
    std::vector<TermId> m_docIdTerm; // doc -> its Id term, kNone for a free doc number
    std::vector<Doc> m_freeDocs;
    ForwardIndex m_forward; // doc -> its term ids
    int m_liveDocs = 0;
    std::string m_key; // scratch for termFor(); only mutating calls touch it
};

void SearchIndex::Impl::reserve(int documents)
{
    if (documents <= 0)
        return;
    const auto n = static_cast<std::size_t>(documents);
    m_docIdTerm.reserve(n);
    m_forward.reserve(n, n * 100);
    // Mostly-unique terms per case (id, a few NIKs, joined case numbers) dominate the count.
    m_terms.reserve(n * 6, n * 110);
}

TermId SearchIndex::Impl::termFor(Field field, std::string_view text)
{
    // Reused buffer: NIKs and ids are longer than the small-string buffer, and this runs for
    // every word of every case during a build.
    m_key.assign(1, static_cast<char>(field));
    m_key.append(text);
    TermId term = m_terms.find(m_key);
    if (term == kNone) {
        term = m_terms.insert(m_key);
        if (field == Field::Name)
            m_fuzzy.add(term, text);
    }
    return term;
}

void SearchIndex::Impl::upsert(const SearchDocument &document)
{
    const QByteArray id = document.id.toUtf8();
    if (id.isEmpty() || id.size() > kMaxIdBytes) {
        qCWarning(lcSearch) << "ignored a document without a usable id, id bytes:" << id.size();
        return;
    }
    if (const TermId existing = m_terms.find(fieldKey(Field::Id, view(id))); existing != kNone) {
        Doc previous = kNone;
        m_terms.forEachDoc(existing, [&](Doc found) { previous = found; });
        removeDoc(previous); // usually frees the same doc number again, reused just below
    }
    const Doc doc = takeDocNumber();
    const TermId idTerm = termFor(Field::Id, view(id));
    const std::vector<TermId> terms = termsOf(document, idTerm);
    for (const TermId term : terms)
        m_terms.addDoc(term, doc);
    m_forward.store(doc, terms);
    m_docIdTerm[doc] = idTerm;
    ++m_liveDocs;
}

Doc SearchIndex::Impl::takeDocNumber()
{
    if (!m_freeDocs.empty()) {
        const Doc doc = m_freeDocs.back();
        m_freeDocs.pop_back();
        return doc;
    }
    const auto doc = static_cast<Doc>(m_docIdTerm.size());
    m_docIdTerm.push_back(kNone);
    m_forward.addDocNumber();
    return doc;
}

std::vector<TermId> SearchIndex::Impl::termsOf(const SearchDocument &document, TermId idTerm)
{
    // Collect first, then post each distinct term once: a word repeated in the narrative or a
    // name shared by two people is still one posting.
    std::vector<TermId> terms;
    terms.reserve(96);
    terms.push_back(idTerm);
    addNumberTerms(terms, document.caseNumber);
    for (const QString &number : document.numbers)
        addNumberTerms(terms, number);
    for (const QString &nik : document.niks) {
        // A NIK is one term whatever spacing or dots it was typed with.
        QByteArray folded = foldForSearch(nik).toUtf8();
        folded.replace(' ', QByteArrayView());
        addTerm(terms, Field::Nik, view(folded));
    }
    for (const QString &name : document.names) {
        const QByteArray folded = foldForSearch(name).toUtf8();
        forEachToken(view(folded), [&](std::string_view token) {
            token = truncated(token);
            addTerm(terms, Field::Name, token);
            const std::string key = searchPhoneticKey(token);
            if (!key.empty())
                addTerm(terms, Field::NamePhonetic, key);
        });
    }
    for (const QString &place : document.places) {
        const QByteArray folded = foldForSearch(place).toUtf8();
        forEachToken(view(folded), [&](std::string_view token) { addTerm(terms, Field::Place, token); });
    }
    const QByteArray narrative = foldForSearch(document.narrative).toUtf8();
    forEachToken(view(narrative), [&](std::string_view token) { addTerm(terms, Field::Narrative, token); });

    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

void SearchIndex::Impl::addTerm(std::vector<TermId> &terms, Field field, std::string_view text)
{
    text = truncated(text);
    if (!text.empty())
        terms.push_back(termFor(field, text));
}

void SearchIndex::Impl::addNumberTerms(std::vector<TermId> &terms, const QString &number)
{
    const QByteArray folded = foldForSearch(number).toUtf8();
    std::vector<std::string_view> segments;
    forEachToken(view(folded), [&](std::string_view segment) { segments.push_back(segment); });
    // Each segment, plus the number joined without separators from each all-digit segment on, so
    // "2026-0042", "20260042", "0042" and "64027KQ3M20260042" all find 6402-7KQ3M-2026-0042. Joins
    // starting at a lettered segment ("7kq3m20260042", "regppa…") are left out: nobody types
    // them, and they would be a third of all terms.
    std::string joined;
    for (std::size_t i = segments.size(); i-- > 0;) {
        joined.insert(0, segments[i]);
        addTerm(terms, Field::Number, segments[i]);
        if (i + 1 < segments.size() && isDigits(segments[i]))
            addTerm(terms, Field::Number, joined);
    }
}

void SearchIndex::Impl::remove(const QString &id)
{
    const QByteArray bytes = id.toUtf8();
    if (bytes.isEmpty() || bytes.size() > kMaxIdBytes)
        return;
    const TermId idTerm = m_terms.find(fieldKey(Field::Id, view(bytes)));
    if (idTerm == kNone)
        return;
    Doc doc = kNone;
    m_terms.forEachDoc(idTerm, [&](Doc found) { doc = found; });
    removeDoc(doc);
}

void SearchIndex::Impl::removeDoc(Doc doc)
{
    if (doc == kNone)
        return;
    // A term left without documents is purged at once, so its text is unreachable (and wiped)
    // when this returns.
    const std::vector<TermId> terms = m_forward.terms(doc);
    for (const TermId term : terms) {
        const bool held = m_terms.removeDoc(term, doc);
        Q_ASSERT(held);
        if (!held || m_terms.count(term) > 0)
            continue;
        if (m_terms.field(term) == Field::Name)
            m_fuzzy.remove(term, m_terms.key(term).substr(1));
        m_terms.purge(term);
    }
    m_forward.erase(doc);
    m_docIdTerm[doc] = kNone;
    m_freeDocs.push_back(doc);
    --m_liveDocs;
}

void SearchIndex::Impl::addExact(TokenPlan &plan, Field field, std::string_view token) const
{
    const TermId term = m_terms.find(fieldKey(field, token));
    if (term == kNone || m_terms.count(term) == 0)
        return;
    MatchGroup group;
    group.maxScore = fieldWeight(field) * kExact;
    group.terms.push_back({term, group.maxScore});
    group.cost = m_terms.count(term);
    plan.groups.push_back(std::move(group));
}

void SearchIndex::Impl::addPrefix(TokenPlan &plan, Field field, std::string_view token) const
{
    MatchGroup group;
    group.isRange = true;
    group.prefix = fieldKey(field, token);
    group.tokenBytes = token.size();
    group.weight = fieldWeight(field);
    group.maxScore = group.weight * (kPrefixBase + kPrefixSpan);
    group.range = m_terms.prefixRange(group.prefix);
    if (group.range.terms <= kExactCostTerms) {
        m_terms.forEachInRange(group.range, [&](TermId term) {
            if (m_terms.length(term) > group.prefix.size())
                group.cost += m_terms.count(term);
        });
    } else {
        group.cost = group.range.terms;
    }
    if (group.cost > 0) // an empty range, or one holding only the exact term
        plan.groups.push_back(std::move(group));
}

double SearchIndex::Impl::rangeScore(const MatchGroup &group, TermId term) const
{
    const double covered
        = static_cast<double>(group.tokenBytes) / static_cast<double>(m_terms.length(term) - 1);
    return group.weight * (kPrefixBase + kPrefixSpan * covered);
}

void SearchIndex::Impl::addFuzzy(TokenPlan &plan, std::string_view token) const
{
    const std::vector<std::pair<int, TermId>> matches
        = m_fuzzy.closest(token, m_terms, static_cast<std::size_t>(SearchIndex::maxFuzzyTermsPerToken));
    if (matches.empty())
        return;
    MatchGroup group;
    for (const auto &[distance, term] : matches) {
        const double score = fieldWeight(Field::Name) * (distance <= 1 ? kFuzzyOneEdit : kFuzzyTwoEdits);
        group.terms.push_back({term, score});
        group.maxScore = std::max(group.maxScore, score);
        group.cost += m_terms.count(term);
    }
    plan.groups.push_back(std::move(group));
}

TokenPlan SearchIndex::Impl::plan(std::string_view token) const
{
    TokenPlan plan;
    plan.text = std::string(token);
    const bool digitsOnly = isDigits(token);
    const bool prefixOk = token.size() >= kMinPrefixBytes;
    // Expansion order matters only when the candidate cap is reached (see the top of the file):
    // heavier fields first, and within a field exact before prefix before phonetic before fuzzy.
    addExact(plan, Field::Number, token);
    if (prefixOk)
        addPrefix(plan, Field::Number, token);
    if (digitsOnly) {
        addExact(plan, Field::Nik, token);
        if (token.size() >= kMinNikPrefixBytes)
            addPrefix(plan, Field::Nik, token);
    }
    // Digits-only tokens look for NIKs and numbers; elsewhere they match only whole terms
    // ("RT 03"), since a digit prefix of narrative words is noise.
    addExact(plan, Field::Name, token);
    if (prefixOk && !digitsOnly)
        addPrefix(plan, Field::Name, token);
    if (!hasDigit(token)) {
        const std::string key = searchPhoneticKey(token);
        if (const TermId term
            = key.empty() ? kNone : m_terms.find(fieldKey(Field::NamePhonetic, truncated(key)));
            term != kNone && m_terms.count(term) > 0) {
            MatchGroup group;
            group.maxScore = fieldWeight(Field::NamePhonetic) * kPhonetic;
            group.terms.push_back({term, group.maxScore});
            group.cost = m_terms.count(term);
            plan.groups.push_back(std::move(group));
        }
        if (token.size() >= kMinFuzzyBytes)
            addFuzzy(plan, token);
    }
    for (const Field field : {Field::Place, Field::Narrative}) {
        addExact(plan, field, token);
        if (prefixOk && !digitsOnly)
            addPrefix(plan, field, token);
    }
    for (const MatchGroup &group : plan.groups)
        plan.cost += group.cost;
    return plan;
}

void SearchIndex::Impl::apply(Candidates &candidates, const MatchGroup &group, bool addNew) const
{
    const bool admitting
        = addNew && candidates.docs.size() < static_cast<std::size_t>(SearchIndex::candidateCap);
    if (!admitting && !candidates.docs.empty()) {
        // Scores only ever rise to a group's maximum: when every candidate already holds at least
        // that much for this token, the group cannot change anything (e.g. "6402" after its
        // exact number match, before the range of every NIK starting with it).
        if (*std::min_element(candidates.best.begin(), candidates.best.end()) >= group.maxScore)
            return;
    }
    if (!group.isRange) {
        for (const Expansion &expansion : group.terms)
            apply(candidates, expansion, addNew);
        return;
    }
    // Testing the candidates' own terms (forward index) beats walking a range much larger
    // than candidates x terms per document.
    const std::size_t perDoc
        = m_liveDocs > 0 ? m_forward.totalTerms() / static_cast<std::size_t>(m_liveDocs) + 1 : 1;
    if (!admitting && candidates.docs.size() * perDoc < group.range.terms) {
        for (std::size_t i = 0; i < candidates.docs.size(); ++i) {
            m_forward.forEachTerm(candidates.docs[i], [&](TermId term) {
                if (m_terms.field(term) == static_cast<Field>(group.prefix.front())
                    && m_terms.length(term) > group.prefix.size()
                    && m_terms.key(term).starts_with(group.prefix))
                    candidates.best[i] = std::max(candidates.best[i], rangeScore(group, term));
            });
        }
        return;
    }
    m_terms.forEachInRange(group.range, [&](TermId term) {
        if (m_terms.length(term) > group.prefix.size()) // the exact term has its own group
            apply(candidates, Expansion{term, rangeScore(group, term)}, addNew);
    });
}

void SearchIndex::Impl::apply(Candidates &candidates, const Expansion &expansion, bool addNew) const
{
    const auto cap = static_cast<std::size_t>(SearchIndex::candidateCap);
    const std::uint32_t postings = m_terms.count(expansion.term);
    const std::size_t present = candidates.docs.size();
    // Probing is allowed once no new candidate can be admitted; pick whichever of walking the
    // postings or testing each candidate touches fewer entries.
    if (!addNew || present >= cap) {
        const std::size_t probeCost = m_terms.isBitmap(expansion.term)
                                        ? present
                                        : present * static_cast<std::size_t>(std::bit_width(postings));
        if (probeCost < postings) {
            for (std::size_t i = 0; i < present; ++i) {
                if (m_terms.contains(expansion.term, candidates.docs[i]))
                    candidates.best[i] = std::max(candidates.best[i], expansion.score);
            }
            return;
        }
    }
    m_terms.forEachDoc(expansion.term, [&](Doc doc) {
        const std::uint32_t at = candidates.index[doc];
        if (at != kNone) {
            candidates.best[at] = std::max(candidates.best[at], expansion.score);
        } else if (addNew && candidates.docs.size() < cap) {
            candidates.index[doc] = static_cast<std::uint32_t>(candidates.docs.size());
            candidates.docs.push_back(doc);
            candidates.total.push_back(0.0);
            candidates.best.push_back(expansion.score);
        }
    });
}

std::vector<SearchHit> SearchIndex::Impl::search(QStringView query, int limit) const
{
    if (limit <= 0 || m_liveDocs == 0)
        return {};
    const QByteArray folded = foldForSearch(query).toUtf8();
    std::vector<std::string> tokens;
    forEachToken(view(folded), [&](std::string_view token) {
        token = truncated(token);
        if (tokens.size() < static_cast<std::size_t>(SearchIndex::maxQueryTokens)
            && std::find(tokens.begin(), tokens.end(), token) == tokens.end())
            tokens.emplace_back(token);
    });
    if (tokens.empty())
        return {};
    std::vector<SearchHit> hits = evaluate(tokens, static_cast<std::size_t>(limit));
    // A number typed in groups ("6402 0612 0385 0001", "2026 0042") is one number when its
    // groups match nothing together.
    if (hits.empty() && tokens.size() > 1
        && std::all_of(tokens.begin(), tokens.end(),
                       [](const std::string &token) { return isDigits(token); })) {
        std::string joined;
        for (const std::string &token : tokens)
            joined += token;
        hits = evaluate({std::string(truncated(joined))}, static_cast<std::size_t>(limit));
    }
    return hits;
}

std::vector<SearchHit> SearchIndex::Impl::evaluate(const std::vector<std::string> &tokens,
                                                   std::size_t limit) const
{
    std::vector<TokenPlan> plans;
    plans.reserve(tokens.size());
    for (const std::string &token : tokens) {
        plans.push_back(plan(token));
        if (plans.back().groups.empty())
            return {}; // AND: a token that matches nothing rules out every document
    }
    // Cheapest first: the rarest token bounds the candidates; the order is total, so equal
    // queries score in the same order and give bit-identical sums.
    std::sort(plans.begin(), plans.end(), [](const TokenPlan &a, const TokenPlan &b) {
        return a.cost != b.cost ? a.cost < b.cost : a.text < b.text;
    });

    Candidates candidates;
    candidates.index.assign(m_docIdTerm.size(), kNone);
    for (std::size_t t = 0; t < plans.size(); ++t) {
        for (const MatchGroup &group : plans[t].groups)
            apply(candidates, group, t == 0);
        // Keep the candidates this token matched, folding its score into their total.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < candidates.docs.size(); ++i) {
            const Doc doc = candidates.docs[i];
            if (candidates.best[i] > 0.0) {
                candidates.docs[kept] = doc;
                candidates.total[kept] = candidates.total[i] + candidates.best[i];
                candidates.index[doc] = static_cast<std::uint32_t>(kept);
                ++kept;
            } else {
                candidates.index[doc] = kNone;
            }
        }
        candidates.docs.resize(kept);
        candidates.total.resize(kept);
        candidates.best.assign(kept, 0.0);
        if (kept == 0)
            return {};
    }

    std::vector<std::uint32_t> order(candidates.docs.size());
    std::iota(order.begin(), order.end(), 0u);
    const std::size_t top = std::min(order.size(), limit);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::uint32_t a, std::uint32_t b) {
                          if (candidates.total[a] != candidates.total[b])
                              return candidates.total[a] > candidates.total[b];
                          return idOf(candidates.docs[a]) < idOf(candidates.docs[b]);
                      });
    std::vector<SearchHit> hits;
    hits.reserve(top);
    for (std::size_t i = 0; i < top; ++i) {
        const std::string_view id = idOf(candidates.docs[order[i]]);
        hits.push_back(
            {QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size())), candidates.total[order[i]]});
    }
    return hits;
}

std::size_t SearchIndex::Impl::memoryBytes() const
{
    return sizeof(Impl) + m_terms.memoryBytes() + heapBytes(m_docIdTerm.capacity() * 4)
         + m_forward.memoryBytes() + heapBytes(m_freeDocs.capacity() * 4) + m_fuzzy.memoryBytes();
}

SearchIndex::SearchIndex() = default;
SearchIndex::~SearchIndex()
{
    clear();
}
SearchIndex::SearchIndex(SearchIndex &&other) noexcept = default;
SearchIndex &SearchIndex::operator=(SearchIndex &&other) noexcept
{
    if (this != &other) {
        clear();
        d = std::move(other.d);
    }
    return *this;
}

void SearchIndex::reserve(int documents)
{
    if (!d)
        d = std::make_unique<Impl>();
    d->reserve(documents);
}

void SearchIndex::upsert(const SearchDocument &doc)
{
    if (!d)
        d = std::make_unique<Impl>();
    d->upsert(doc);
}

void SearchIndex::remove(const QString &id)
{
    if (d)
        d->remove(id);
}

void SearchIndex::clear()
{
    d.reset(); // ~TermTable wipes the term text before the memory is freed
}

int SearchIndex::size() const
{
    return d ? d->size() : 0;
}

std::vector<SearchHit> SearchIndex::search(QStringView query, int limit) const
{
    return d ? d->search(query, limit) : std::vector<SearchHit>();
}

std::size_t SearchIndex::memoryBytes() const
{
    return d ? d->memoryBytes() : 0;
}

std::size_t SearchIndex::termCount() const
{
    return d ? d->termCount() : 0;
}

} // namespace Core
