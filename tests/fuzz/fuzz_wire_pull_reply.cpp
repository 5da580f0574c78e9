// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::Wire::decode of a PullReply page (what a peer or a USB bundle hands us).
#include "tests/fuzz/fuzzwire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return Fuzz::wireDecode<Sync::PullReply>(data, size);
}
