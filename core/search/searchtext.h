// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstddef>
#include <string_view>

// Turning folded text into index terms: tokens, their length bound and digit tests. The
// Indonesian phonetic key, Core::searchPhoneticKey(), is declared in searchindex.h and defined
// in searchtext.cpp. All of it runs the same on the index side and the query side.
namespace Core::SearchDetail {

// Longer words are cut at this many bytes, on both the index and the query side, so they still
// match exactly. Ids are never cut; an id longer than kMaxIdBytes is refused.
constexpr std::size_t kMaxTermBytes = 64;
constexpr qsizetype kMaxIdBytes = 200;

// The first kMaxTermBytes of text, never splitting a UTF-8 sequence.
std::string_view truncated(std::string_view text);

inline std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

// Calls f for each space-separated token of folded UTF-8 text.
template <typename F> void forEachToken(std::string_view text, F &&f)
{
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            f(text.substr(start, end - start));
        start = end + 1;
    }
}

bool isDigits(std::string_view text);
bool hasDigit(std::string_view text);

} // namespace Core::SearchDetail
