// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Core {

// Lower-case, accents folded to ASCII, punctuation to spaces, runs of spaces collapsed.
// The one normalisation used for names, places and search keys.
QString foldForSearch(QStringView text);

// True when `bytes` is valid UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(QByteArrayView bytes);

} // namespace Core
