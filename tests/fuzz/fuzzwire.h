// SPDX-License-Identifier: GPL-3.0-or-later
// One wire message's decode (sync/wire.h), the body of every fuzz_wire_* target.
#pragma once

#include "sync/wire.h"
#include "tests/fuzz/fuzzsupport.h"

namespace Fuzz {

// A page is "DPG1" + zlib; random mutations of a compressed stream almost never get past the
// checksum, so an input that is not a page is taken as the CBOR inside one and framed here (the
// framing is stored, level 0: cheap). Inputs starting with "DPG1" are passed as they are, and
// reach the frame and inflate checks. Whatever decode accepts must encode to a page that
// decodes again and encodes to the same bytes: what the server relays it can re-read.
template <typename Message> int wireDecode(const uint8_t *data, size_t size)
{
    const QByteArray input = bytes(data, size);
    const QByteArray page = input.startsWith("DPG1") ? input : QByteArray("DPG1", 4) + qCompress(input, 0);
    Message message;
    if (!Sync::Wire::decode(page, message))
        return 0;
    const QByteArray once = Sync::Wire::encode(message);
    Message again;
    FUZZ_CHECK(Sync::Wire::decode(once, again));
    FUZZ_CHECK(Sync::Wire::encode(again) == once);
    return 0;
}

} // namespace Fuzz
