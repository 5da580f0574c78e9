// SPDX-License-Identifier: GPL-3.0-or-later
// dampingi-ctl's JSON input for `case new` and `case update`: Core::Json::parseObject, then
// toCaseDraft, then the Validator over every part the repository validates (the case, each
// person and person link, the first risk assessment) with the built-in code lists and regions,
// as CaseRepository::create does before it writes anything.
#include "core/cases/caserepository.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/domain/json.h"
#include "core/domain/validator.h"
#include "core/regions/regionindex.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace Qt::StringLiterals;

namespace {

const Core::Validator *validator = nullptr;

template <typename T> T loadOrDie(Core::Result<T> loaded, const char *what)
{
    if (!loaded) {
        std::fprintf(stderr, "cannot load %s\n", what);
        std::abort();
    }
    return std::move(*loaded);
}

const Core::EntityDef &def(QStringView name)
{
    const Core::EntityDef *entity = Core::Schema::entity(name);
    FUZZ_CHECK(entity);
    return *entity;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static const Core::CodeLists codes = loadOrDie(Core::CodeLists::loadBuiltin(), "the code lists");
    static const Core::RegionIndex regions = loadOrDie(Core::RegionIndex::loadBuiltin(), "the regions");
    // 2026-12-01: a fixed "today", so a crash replays the same way on any day.
    static const Core::FixedClock clock(1'796'083'200'000);
    validator = new Core::Validator(codes, regions, clock, Core::DistrictTime(u"64.02"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Core::Result<QJsonObject> json = Core::Json::parseObject(Fuzz::bytes(data, size));
    if (!json)
        return 0;
    Core::Result<Core::CaseDraft> draft = Core::Json::toCaseDraft(*json);
    if (!draft)
        return 0;
    // Both the insert (case new) and the patch (case update) rules.
    for (const bool insert : {true, false}) {
        QVariantHash fields = draft->fields;
        (void)validator->validate(def(u"case"), fields, insert);
        for (const Core::PartyInput &party : std::as_const(draft->parties)) {
            QVariantHash person = party.person;
            (void)validator->validate(def(u"person"), person, insert);
            QVariantHash link = party.link;
            (void)validator->validate(def(u"case_person"), link, insert);
        }
        if (draft->risk) {
            QVariantHash risk = *draft->risk;
            (void)validator->validate(def(u"risk_assessment"), risk, insert);
        }
        (void)validator->takeWarnings();
    }
    return 0;
}
