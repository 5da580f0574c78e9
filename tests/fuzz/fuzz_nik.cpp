// SPDX-License-Identifier: GPL-3.0-or-later
// Core::NikValidator::check against the built-in region list: the NIK a caseworker types, with
// the recorded sex and birth date it is compared with. Input: 1 byte sex, 4 bytes today and 4
// bytes birth date (days from 1900-01-01; 0 = none), then the NIK as UTF-8.
#include "core/domain/nikvalidator.h"
#include "core/regions/regionindex.h"
#include "tests/fuzz/fuzzsupport.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const Core::RegionIndex *regions = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Core::Result<Core::RegionIndex> loaded = Core::RegionIndex::loadBuiltin();
    if (!loaded) {
        std::fprintf(stderr, "cannot load the built-in regions\n");
        std::abort();
    }
    regions = new Core::RegionIndex(std::move(*loaded));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider in(data, size);
    static const QString sexes[] = {QString(), u"female"_s, u"male"_s, u"other"_s};
    const QString &sex = sexes[in.ConsumeIntegral<quint8>() % 4];
    const QDate epoch(1900, 1, 1);
    // Today within 1900..2200: the clock of a real laptop, however wrong.
    const QDate today = epoch.addDays(in.ConsumeIntegralInRange<qint64>(0, 300 * 366));
    const qint64 birthDays = in.ConsumeIntegralInRange<qint64>(-1, 300 * 366);
    const std::optional<QDate> birth = birthDays < 0 ? std::nullopt : std::optional(epoch.addDays(birthDays));
    const std::string rest = in.ConsumeRemainingBytesAsString();
    const QString nik = QString::fromUtf8(rest.data(), qsizetype(rest.size()));

    const Core::NikValidator validator(*regions);
    const Core::NikCheck check = validator.check(nik, today, sex, birth);
    FUZZ_CHECK(check.valid == check.errors.isEmpty());
    FUZZ_CHECK(check.details.size() == check.errors.size() + check.warnings.size());
    if (check.birthDate)
        FUZZ_CHECK(check.birthDate->isValid() && *check.birthDate <= today);
    if (!check.districtCode.isEmpty())
        FUZZ_CHECK(regions->contains(check.districtCode));
    // The sentences never quote the NIK (they reach logs).
    const bool digits = nik.size() >= 8
                     && std::all_of(nik.cbegin(), nik.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (digits)
        FUZZ_CHECK(!check.message().contains(nik));
    for (const Core::NikIssue issue : check.errors)
        FUZZ_CHECK(!Core::NikValidator::describe(issue).isEmpty());
    return 0;
}
