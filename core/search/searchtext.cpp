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
        const char c = folded[i];
        const char next = i + 1 < folded.size() ? folded[i + 1] : '\0';
        char digraph = '\0'; // set when c and next fold into one letter
        switch (c) {
        case 'o':
            digraph = next == 'e' ? 'u' : '\0';
            break;
        case 'd':
            digraph = next == 'j' ? 'j' : next == 'z' ? 's' : next == 'h' ? 'd' : '\0';
            break;
        case 't':
            digraph = next == 'j' ? 'c' : next == 'h' ? 't' : '\0';
            break;
        case 's':
            digraph = (next == 'j' || next == 'y' || next == 'h') ? 's' : '\0';
            break;
        case 'k':
        case 'c':
            digraph = next == 'h' ? 'h' : '\0';
            break;
        case 'p':
            digraph = next == 'h' ? 'f' : '\0';
            break;
        case 'b':
        case 'g':
            digraph = next == 'h' ? c : '\0';
            break;
        case 'i':
            digraph = next == 'e' ? 'i' : '\0';
            break;
        default:
            break;
        }
        if (digraph != '\0') {
            key.push_back(digraph);
            ++i;
            continue;
        }
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
    key.erase(std::unique(key.begin(), key.end()), key.end());
    if (key.size() > 2 && key.back() == 'h')
        key.pop_back();
    if (key.size() > 1 && key.back() == 'd')
        key.back() = 't';
    else if (key.size() > 1 && key.back() == 'b')
        key.back() = 'p';
    return key;
}

} // namespace Core
