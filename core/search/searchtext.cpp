// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/search/searchtext.h"

#include "core/search/searchindex.h"

#include <algorithm>
#include <string>

namespace Core {

namespace SearchDetail {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string_view truncated(std::string_view text)
{
    if (text.size() <= kMaxTermBytes)
        return text;
    std::size_t cut = kMaxTermBytes;
    // Never split a UTF-8 sequence: back off over continuation bytes (10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0u) == 0x80u)
        --cut;
    return text.substr(0, cut);
}

bool isDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

bool hasDigit(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), isDigit);
}

} // namespace SearchDetail

namespace {

// The letter that `c` and `next` fold into together (a spelling reform or a borrowed digraph),
// or '\0' when they are two letters.
char foldedDigraph(char c, char next)
{
    switch (c) {
    case 'o':
        return next == 'e' ? 'u' : '\0';
    case 'd':
        return next == 'j' ? 'j' : next == 'z' ? 's' : next == 'h' ? 'd' : '\0';
    case 't':
        return next == 'j' ? 'c' : next == 'h' ? 't' : '\0';
    case 's':
        return (next == 'j' || next == 'y' || next == 'h') ? 's' : '\0';
    case 'k':
    case 'c':
        return next == 'h' ? 'h' : '\0';
    case 'p':
        return next == 'h' ? 'f' : '\0';
    case 'b':
    case 'g':
        return next == 'h' ? c : '\0';
    case 'i':
        return next == 'e' ? 'i' : '\0';
    default:
        return '\0';
    }
}

// One letter by its class (y ~ i, v ~ f, z ~ s, q ~ k, x -> ks; an old-spelling j is a y).
void appendLetter(std::string &key, char c, bool oldSpelling)
{
    switch (c) {
    case 'j':
        key.push_back(oldSpelling ? 'i' : 'j');
        break;
    case 'y':
        key.push_back('i');
        break;
    case 'v':
        key.push_back('f');
        break;
    case 'z':
        key.push_back('s');
        break;
    case 'q':
        key.push_back('k');
        break;
    case 'x':
        key.append("ks");
        break;
    default:
        key.push_back(c);
        break;
    }
}

// Word endings: a final h is silent, a final d sounds t, a final b sounds p.
void foldEnding(std::string &key)
{
    if (key.size() > 2 && key.back() == 'h')
        key.pop_back();
    if (key.size() > 1 && key.back() == 'd')
        key.back() = 't';
    else if (key.size() > 1 && key.back() == 'b')
        key.back() = 'p';
}

} // namespace

std::string searchPhoneticKey(std::string_view folded)
{
    // Indonesian-aware phonetic key, applied to both indexed names and query tokens:
    //  - spelling reforms: "oe" -> u (Soeharto/Suharto), "dj" -> j (Djoko/Joko),
    //    "tj" -> c (Tjahjono/Cahyono), "sj" -> s (Sjamsul/Syamsul); in a word written in the
    //    old spelling (it contains dj, tj, sj or oe) any other "j" is the old "y"
    //    (Tjahjono = Cahyono) and is keyed like y;
    //  - borrowed digraphs: "kh" and "ch" -> h (Khairul, Chairul, Hairul; Achmad/Akhmad/Ahmad),
    //    "sy"/"sh" -> s (Syarifah/Sarifah), "ph" -> f, "dz" -> s, and h after b, d, g, t is
    //    dropped (Dhani/Dani, Thalib/Talib, Ghani/Gani); "ie" -> i (Arief/Arif);
    //  - letter classes: y ~ i (Rizky/Rizki), v ~ f (Novi/Nofi), z ~ s, q ~ k, x -> ks;
    //  - doubled letters collapse (Muhammad/Muhamad, Hasanuddin);
    //  - word endings: a final h is silent (Fatimah/Fatima, Aisyah/Aisya), a final d sounds t
    //    (Ahmad/Ahmat), a final b sounds p.
    // Chandra/Candra and Yusuf/Jusuf are left to the edit-distance tier. Only plain a-z tokens
    // get a key: anything else is not an Indonesian spelling to fold.
    if (folded.empty()
        || !std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return {};
    const bool oldSpelling
        = folded.find("dj") != std::string_view::npos || folded.find("tj") != std::string_view::npos
       || folded.find("sj") != std::string_view::npos || folded.find("oe") != std::string_view::npos;
    std::string key;
    key.reserve(folded.size() + 1);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
        if (const char digraph = foldedDigraph(folded[i], next); digraph != '\0') {
            key.push_back(digraph);
            ++i;
            continue;
        }
        appendLetter(key, folded[i], oldSpelling);
    }
    key.erase(std::unique(key.begin(), key.end()), key.end()); // doubled letters collapse
    foldEnding(key);
    return key;
}

} // namespace Core
