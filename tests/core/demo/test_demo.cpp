// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/demo/demogenerator.h"
#include "tests/support/fixtures.h"

#include <QCryptographicHash>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// What the generated cases say, in creation order, without ids or case numbers.
QStringList demoContent(Core::Session &session)
{
    Core::CaseFilter filter;
    filter.limit = 1000;
    const auto cases = session.cases().list(filter);
    REQUIRE(cases.ok());
    QStringList lines;
    for (const Core::CaseSummary &summary : *cases) {
        const auto file = session.cases().load(summary.id);
        REQUIRE(file.ok());
        QStringList people;
        for (const Core::CaseParty &party : file->parties)
            people << party.link.text(u"role"_s) + u'=' + party.person.text(u"name"_s) + u'/'
                          + party.person.text(u"birth_date"_s) + u'/' + party.person.text(u"nik"_s);
        people.sort();
        QStringList children;
        for (auto it = file->children.cbegin(); it != file->children.cend(); ++it)
            children << it.key() + u':' + QString::number(it.value().size());
        children.sort();
        lines << QStringList{file->kase.text(u"reported_on"_s),
                             file->kase.text(u"incident_region"_s),
                             file->kase.value(u"violence_types"_s).toStringList().join(u'+'),
                             file->kase.text(u"risk_level"_s),
                             file->kase.text(u"narrative"_s),
                             people.join(u';'),
                             children.join(u',')}
                     .join(u'|');
    }
    lines.sort();
    return lines;
}

} // namespace

TEST_CASE("the demo generator writes the same marked cases for the same seed", "[demo]")
{
    Test::ProfileFixture first;
    Test::ProfileFixture second;
    REQUIRE(Core::DemoGenerator(*first.session, 7).generate(40).ok());
    REQUIRE(Core::DemoGenerator(*second.session, 7).generate(40).ok());
    const QStringList a = demoContent(*first.session);
    const QStringList b = demoContent(*second.session);
    REQUIRE(a.size() == 40);
    CHECK(a == b);
    for (const QString &line : a)
        CHECK(line.contains(QStringView(Core::DemoGenerator::marker)));
    Test::ProfileFixture other;
    REQUIRE(Core::DemoGenerator(*other.session, 8).generate(40).ok());
    CHECK(demoContent(*other.session) != a);
    // Shown with -s, so a refactoring of the generator can be compared with the code before it.
    const QByteArray digest
        = QCryptographicHash::hash(a.join(u'\n').toUtf8(), QCryptographicHash::Sha256).toHex();
    CAPTURE(digest.constData());
    CHECK(digest.size() == 64);
}

TEST_CASE("demo perpetrators are plausible: no child is harmed by a spouse, employer or co-worker", "[demo]")
{
    Test::ProfileFixture fixture;
    REQUIRE(Core::DemoGenerator(*fixture.session, 11).generate(120).ok());
    Core::CaseFilter filter;
    filter.limit = 1000;
    const auto cases = fixture.session->cases().list(filter);
    REQUIRE(cases.ok());
    const QStringList adultOnly{u"spouse"_s, u"employer"_s, u"coworker"_s};
    int childCases = 0;
    int adultSpouse = 0;
    for (const Core::CaseSummary &summary : *cases) {
        const auto file = fixture.session->cases().load(summary.id);
        REQUIRE(file.ok());
        const bool child = file->kase.value(u"typing"_s).toStringList().contains(u"ampk"_s);
        childCases += child ? 1 : 0;
        for (const Core::CaseParty &party : file->parties) {
            if (party.link.text(u"role"_s) != u"perpetrator")
                continue;
            const QString relationship = party.link.text(u"relationship"_s);
            INFO("case " << summary.id.toStdString() << " relationship " << relationship.toStdString());
            CHECK(fixture.session->codes().contains(u"perpetrator_relationship", relationship));
            if (child)
                CHECK_FALSE(adultOnly.contains(relationship));
            else if (relationship == u"spouse")
                ++adultSpouse;
        }
    }
    // Both kinds of victim are there, and a husband is the commonest perpetrator of an adult.
    CHECK(childCases > 30);
    CHECK(adultSpouse > 10);
}
