// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/sodium.h"

#include <QtGlobal>

#include <sodium.h>

namespace Core {

bool ensureSodium()
{
    // A function-local static is initialised exactly once, even with concurrent callers.
    // sodium_init() returns 1 when the library was already initialised, which is success too.
    static const bool initialised = [] {
        // libsodium's own generator (ChaCha20 keyed from getrandom(), re-keyed after fork)
        // instead of one getrandom() system call per nonce: an intake seals ~60 values, and
        // the system calls were a quarter of an action's kernel time (strace -c).
        randombytes_set_implementation(&randombytes_internal_implementation);
        return sodium_init() >= 0;
    }();
    return initialised;
}

void requireSodium()
{
    if (!ensureSodium())
        qFatal("libsodium failed to initialise: no safe keys or randomness, stopping");
}

void randomBytes(void *out, std::size_t size)
{
    // randombytes_buf() cannot fail; it aborts the process if the system RNG is unusable,
    // which is the only safe answer for a caller that expects secret randomness.
    requireSodium();
    randombytes_buf(out, size);
}

} // namespace Core
