// SPDX-License-Identifier: GPL-3.0-or-later
// Sync::EnrollmentCode::parse (what an admin types into a laptop) and certificateFingerprint
// (the PEM or DER certificate ctl reads to pin). A code that parses prints back to a code that
// parses to the same secret and fingerprint.
#include "sync/enrollmentcode.h"
#include "tests/fuzz/fuzzsupport.h"

#include "core/crypto/sodium.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Core::ensureSodium();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const Core::Result<Sync::EnrollmentCode> code = Sync::EnrollmentCode::parse(QString::fromUtf8(input));
    if (code) {
        FUZZ_CHECK(code->secret.size() == Sync::EnrollmentCode::secretSize);
        FUZZ_CHECK(code->certificateSha256.size() == Sync::EnrollmentCode::fingerprintSize);
        const Core::Result<Sync::EnrollmentCode> again = Sync::EnrollmentCode::parse(code->toString());
        FUZZ_CHECK(again);
        FUZZ_CHECK(again->secret == code->secret && again->certificateSha256 == code->certificateSha256);
    }
    const Core::Result<QByteArray> fingerprint = Sync::EnrollmentCode::certificateFingerprint(input);
    if (fingerprint)
        FUZZ_CHECK(fingerprint->size() == Sync::EnrollmentCode::fingerprintSize);
    return 0;
}
