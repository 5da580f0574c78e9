// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>

#include <functional>

namespace Core {

class Session;

// Synthetic cases for demos, workshops and benchmarks: invented people, real villages of the
// profile's regency, plausible dates, SIMFONI codes and visits/services. Every narrative
// starts with a visible DEMO marker so this data is never mistaken for a real case.
// Deterministic for a seed (apart from random ids).
class DemoGenerator final
{
public:
    static constexpr auto marker = u"[DEMO – data sintetis]";

    DemoGenerator(Session &session, quint64 seed);

    // Writes `cases` cases, each one action (intake with people and risk, then visits and
    // services), committed in batches so a bulk import does not fsync per case; every case is
    // still all-or-nothing. `progress` is called after each batch with the count so far.
    Result<int> generate(int cases, const std::function<void(int)> &progress = {});

    static QStringList givenNames(bool female);
    static QStringList familyNames();

private:
    // Where a demo case happened: a kecamatan and one of its villages.
    struct DemoPlace
    {
        QString kecamatan;
        QString village;
    };
    Status generateOne(class DemoRandom &random);
    QList<struct PartyInput> parties(DemoRandom &random, const DemoPlace &place, const QDate &birth,
                                     bool female, bool child) const;
    // The perpetrator's relationship to a child or an adult victim, as it plausibly is.
    QString relationship(DemoRandom &random, bool child) const;
    Status addActivities(DemoRandom &random, const QString &caseId, const QString &village,
                         const QDate &today);

    Session &m_session;
    quint64 m_seed;
};

} // namespace Core
