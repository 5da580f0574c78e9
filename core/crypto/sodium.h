// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

namespace Core {

// Initialises libsodium once (thread-safe, idempotent). Returns false only if the library
// cannot initialise, which makes every crypto operation fail closed.
bool ensureSodium();

// For code with no error to return (generating keys, sealing for a recipient): ends the process
// if libsodium cannot initialise, as randombytes_buf() does when the system RNG is unusable.
// Code that can return an error calls ensureSodium() and fails with Error::Code::Internal.
void requireSodium();

// Fills `out` with cryptographically secure random bytes.
void randomBytes(void *out, std::size_t size);

} // namespace Core
