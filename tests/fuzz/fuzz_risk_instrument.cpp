// SPDX-License-Identifier: GPL-3.0-or-later
// Core::RiskInstrument: loadFromJson on an instrument given as input (the file is data a
// district may replace). When it loads, the suggestion is checked for its promises: a level of
// the instrument for any answers, and never lower for one more "yes".
#include "core/domain/riskinstrument.h"
#include "tests/fuzz/fuzzsupport.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler(Fuzz::quietHandler);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Core::Result<Core::RiskInstrument> loaded
        = Core::RiskInstrument::loadFromJson(Fuzz::bytes(data, size));
    if (!loaded)
        return 0;
    const Core::RiskInstrument &instrument = *loaded;
    FUZZ_CHECK(!instrument.levels().isEmpty() && !instrument.items().isEmpty());
    FUZZ_CHECK(instrument.suggest({}) == instrument.levels().first().code);
    QVariantMap answers;
    QString last = instrument.suggest(answers);
    for (const Core::RiskItem &item : instrument.items()) {
        answers.insert(item.code, u"yes"_s);
        const QString next = instrument.suggest(answers);
        FUZZ_CHECK(instrument.rank(next) >= instrument.rank(last));
        FUZZ_CHECK(instrument.rank(next) >= 0);
        last = next;
    }
    return 0;
}
