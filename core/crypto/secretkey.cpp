// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/crypto/secretkey.h"

#include "core/crypto/sodium.h"

#include <algorithm>
#include <sodium.h>
#include <utility>

namespace Core {

static_assert(SecretKey::size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(SecretKey::size == crypto_secretstream_xchacha20poly1305_KEYBYTES);

namespace {

// Guarded, locked memory for one key, or nullptr. sodium_malloc() needs the page size that
// sodium_init() records, so the library is initialised first.
unsigned char *allocateKey()
{
    if (!ensureSodium())
        return nullptr;
    return static_cast<unsigned char *>(sodium_malloc(SecretKey::size));
}

} // namespace

SecretKey::SecretKey() = default;

SecretKey::~SecretKey()
{
    // sodium_free() wipes the bytes and unlocks the pages before releasing them.
    if (m_bytes)
        sodium_free(m_bytes);
}

SecretKey::SecretKey(SecretKey &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, nullptr))
{ }

SecretKey &SecretKey::operator=(SecretKey &&other) noexcept
{
    if (this != &other) {
        if (m_bytes)
            sodium_free(m_bytes);
        m_bytes = std::exchange(other.m_bytes, nullptr);
    }
    return *this;
}

SecretKey SecretKey::random()
{
    SecretKey key;
    key.m_bytes = allocateKey();
    if (key.m_bytes)
        crypto_aead_xchacha20poly1305_ietf_keygen(key.m_bytes);
    return key;
}

SecretKey SecretKey::fromBytes(QByteArrayView bytes)
{
    SecretKey key;
    if (std::size_t(bytes.size()) != size)
        return key;
    key.m_bytes = allocateKey();
    if (key.m_bytes)
        std::copy(bytes.begin(), bytes.end(), key.m_bytes);
    return key;
}

} // namespace Core
