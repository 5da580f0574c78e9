// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

#include <cstddef>

namespace Core {

// A 32-byte symmetric key held in libsodium's guarded, locked memory (sodium_malloc), wiped on
// destruction. Move-only: a key is never copied into ordinary heap memory.
class SecretKey final
{
public:
    static constexpr std::size_t size = 32;

    SecretKey(); // an empty (invalid) key
    ~SecretKey();
    SecretKey(SecretKey &&other) noexcept;
    SecretKey &operator=(SecretKey &&other) noexcept;
    SecretKey(const SecretKey &) = delete;
    SecretKey &operator=(const SecretKey &) = delete;

    static SecretKey random();
    // Copies exactly `size` bytes; returns an invalid key for any other length.
    static SecretKey fromBytes(QByteArrayView bytes);

    bool isValid() const { return m_bytes != nullptr; }
    const unsigned char *data() const { return m_bytes; }
    unsigned char *data() { return m_bytes; }

private:
    unsigned char *m_bytes = nullptr;
};

} // namespace Core
