// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace Core {

// Initialises libsodium once (thread-safe, idempotent). Returns false only if the library
// cannot initialise, which makes every crypto operation fail closed.
bool ensureSodium();

// Fills `out` with cryptographically secure random bytes.
void randomBytes(void *out, std::size_t size);

} // namespace Core
