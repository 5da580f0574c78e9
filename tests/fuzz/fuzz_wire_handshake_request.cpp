// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::Wire::decode of a HandshakeRequest page (what a peer or a USB bundle hands us), and the
// marks it carries: whatever unpacks packs back to the same bytes.
#include "tests/fuzz/fuzzwire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::wireDecode<Sync::HandshakeRequest>(data, size);
    const QByteArray input = Fuzz::bytes(data, size);
    const QByteArray page = input.startsWith("DPG1") ? input : QByteArray("DPG1", 4) + qCompress(input, 0);
    Sync::HandshakeRequest hello;
    if (!Sync::Wire::decode(page, hello))
        return 0;
    const Core::Result<QList<Sync::SiteMark>> marks = Sync::Wire::unpackMarks(hello.marks);
    if (marks)
        FUZZ_CHECK(Sync::Wire::packMarks(*marks) == hello.marks);
    return 0;
}
