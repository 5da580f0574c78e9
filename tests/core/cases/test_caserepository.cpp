// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/domain/json.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"

#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

Core::Error createError(Test::ProfileFixture &f, const Core::CaseDraft &draft)
{
    const auto created = f.session->cases().create(draft);
    REQUIRE_FALSE(created.ok());
    return created.error();
}

} // namespace

TEST_CASE("an intake is stored and read back decrypted with its people", "[core][cases]")
{
    Test::ProfileFixture f;
    const auto created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    const QString number = created->text(u"number"_s);
    CHECK(QRegularExpression(u"^6402-[0-9A-Z]{5}-2026-0001$"_s).match(number).hasMatch());

    const auto file = f.session->cases().load(created->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"narrative"_s) == u"Korban diancam oleh pamannya di kebun sawit belakang rumah");
    CHECK(file->kase.text(u"status"_s) == u"intake");
    CHECK(file->kase.text(u"risk_level"_s) == u"high");
    CHECK(file->kase.text(u"assigned_user"_s) == u"siti.caseworker");
    QStringList types = file->kase.value(u"violence_types"_s).toStringList();
    types.sort();
    CHECK(types == QStringList{u"psikis"_s, u"seksual"_s});
    REQUIRE(file->parties.size() == 3);
    const Core::CaseParty *victim = nullptr;
    const Core::CaseParty *perpetrator = nullptr;
    for (const auto &p : file->parties) {
        if (p.link.text(u"role"_s) == u"victim")
            victim = &p;
        if (p.link.text(u"role"_s) == u"perpetrator")
            perpetrator = &p;
    }
    REQUIRE(victim);
    REQUIRE(perpetrator);
    CHECK(victim->person.text(u"name"_s) == u"Nurhaliza Kartikasari");
    CHECK(victim->person.text(u"nik"_s) == u"6402065507120003");
    CHECK(victim->person.value(u"birth_year"_s).toInt() == 2012);
    // The perpetrator's relationship points at the single victim.
    CHECK(perpetrator->link.text(u"victim_person_id"_s) == victim->person.id);
    CHECK(perpetrator->link.text(u"relationship"_s) == u"family");
    CHECK(file->children.value(u"risk_assessment"_s).size() == 1);
    CHECK(file->children.value(u"status_change"_s).size() == 1);
    CHECK(file->unsyncedOps > 0);
}

TEST_CASE("case numbers are unique and sequential per device and year", "[core][cases]")
{
    Test::ProfileFixture f;
    QStringList numbers;
    for (int i = 0; i < 3; ++i) {
        const auto created = f.session->cases().create(Test::sampleDraft());
        REQUIRE(created.ok());
        numbers << created->text(u"number"_s);
    }
    CHECK(numbers.at(0).endsWith(u"-0001"_s));
    CHECK(numbers.at(2).endsWith(u"-0003"_s));
    CHECK(numbers.at(0).section(u'-', 1, 1) == numbers.at(2).section(u'-', 1, 1));
    Test::ProfileFixture other;
    const auto elsewhere = other.session->cases().create(Test::sampleDraft());
    REQUIRE(elsewhere.ok());
    // Another laptop has another random device prefix (25 bits): no collision.
    CHECK(elsewhere->text(u"number"_s) != numbers.at(0));
}

TEST_CASE("invalid intakes are refused with the field named and nothing written", "[core][cases][validation]")
{
    Test::ProfileFixture f;

    SECTION("a NIK whose date does not exist")
    {
        auto draft = Test::sampleDraft();
        draft.parties[0].person[u"nik"_s] = u"6402063502120003"_s; // 35 Feb
        const Core::Error e = createError(f, draft);
        CHECK(e.code == Core::Error::Code::InvalidInput);
        CHECK(e.field == u"people[0].person.nik");
    }
    SECTION("a NIK that says male for a woman")
    {
        auto draft = Test::sampleDraft();
        draft.parties[0].person[u"nik"_s] = u"6402061507120003"_s; // day 15: male
        CHECK(createError(f, draft).field == u"people[0].person.nik");
    }
    SECTION("an unknown region")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"incident_region"_s] = u"99.99.99.9999"_s;
        const Core::Error e = createError(f, draft);
        CHECK(e.field == u"incident_region");
    }
    SECTION("an incident in the future")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"incident_on"_s] = u"2027-01-01"_s;
        CHECK(createError(f, draft).field == u"incident_on");
    }
    SECTION("a victim born after the incident")
    {
        auto draft = Test::sampleDraft();
        draft.parties[0].person.remove(u"nik"_s);
        draft.parties[0].person[u"birth_date"_s] = u"2026-11-16"_s;
        CHECK(createError(f, draft).field == u"people[0].person.birth_date");
    }
    SECTION("a 5 MB narrative")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"narrative"_s] = QString(5 * 1024 * 1024, u'a');
        const Core::Error e = createError(f, draft);
        CHECK(e.field == u"narrative");
        CHECK(e.detail.contains(u"too long"_s));
    }
    SECTION("a code that is not in the code list")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"violence_types"_s] = QStringList{u"seksual"_s, u"DROP TABLE"_s};
        CHECK(createError(f, draft).field == u"violence_types");
    }
    SECTION("an unknown field")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"secret_column"_s] = u"x"_s;
        CHECK(createError(f, draft).field == u"secret_column");
    }
    SECTION("setting a server-assigned number")
    {
        auto draft = Test::sampleDraft();
        draft.fields[u"number"_s] = u"X-1"_s;
        CHECK(createError(f, draft).field == u"number");
    }
    const auto listed = f.session->cases().list({});
    REQUIRE(listed.ok());
    CHECK(listed->isEmpty());
    CHECK(f.profile->changeLog().lastSeq() == 0);
}

TEST_CASE("invalid UTF-8 input is refused before it reaches the store", "[core][cases][validation]")
{
    const auto parsed = Core::Json::parseObject("{\"narrative\": \"\xC3\x28\"}");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == Core::Error::Code::InvalidInput);
    CHECK(parsed.error().detail.contains(u"UTF-8"_s));
}

TEST_CASE("SQL metacharacters are stored and found verbatim", "[core][cases]")
{
    Test::ProfileFixture f;
    auto draft = Test::sampleDraft();
    const QString nasty = u"Robert'); DROP TABLE cases;-- \"%_\\"_s;
    draft.fields[u"narrative"_s] = nasty;
    draft.parties[0].person[u"name"_s] = nasty;
    const auto created = f.session->cases().create(draft);
    REQUIRE(created.ok());
    const auto file = f.session->cases().load(created->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"narrative"_s) == nasty);
    REQUIRE(f.session->cases().list({}).value().size() == 1);
}

TEST_CASE("the workflow refuses a transition it does not allow", "[core][cases][workflow]")
{
    Test::ProfileFixture f;
    const auto created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    const qint64 seq = f.profile->changeLog().lastSeq();

    Core::CaseDraft close;
    close.fields = {{u"status"_s, u"closed"_s}};
    close.statusReason = u"selesai"_s;
    const Core::Status refused = f.session->cases().update(created->id, close);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Core::Error::Code::Conflict);
    CHECK(f.profile->changeLog().lastSeq() == seq);

    Core::CaseDraft assess;
    assess.fields = {{u"status"_s, u"assessment"_s}};
    REQUIRE(f.session->cases().update(created->id, assess).ok());
    const auto file = f.session->cases().load(created->id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"status"_s) == u"assessment");
    const auto changes = file->children.value(u"status_change"_s);
    REQUIRE(changes.size() == 2);
}

TEST_CASE("only a supervisor approves a closure", "[core][cases][workflow]")
{
    using Core::Role;
    CHECK_FALSE(Core::Workflow::check(u"closure_requested", u"closed", Role::Caseworker, true).ok());
    CHECK(Core::Workflow::check(u"closure_requested", u"closed", Role::Supervisor, true).ok());
    CHECK_FALSE(Core::Workflow::check(u"monitoring", u"closure_requested", Role::Caseworker, false).ok());
    CHECK(Core::Workflow::check(u"monitoring", u"closure_requested", Role::Caseworker, true).ok());
    CHECK(Core::Workflow::check(u"intake", u"assessment", Role::Caseworker, false).ok());
    CHECK_FALSE(Core::Workflow::check(u"planning", u"intake", Role::Caseworker, false).ok());
    CHECK(Core::Workflow::check(u"closed", u"assessment", Role::Caseworker, true).ok());
}

TEST_CASE("search finds a case by typo'd name, NIK prefix, number and village", "[core][cases][search]")
{
    Test::ProfileFixture f;
    const auto created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    REQUIRE(f.session->buildSearchIndex().value() == 1);
    for (const QString &query :
         {u"nurhalisa"_s, u"640206550"_s, created->text(u"number"_s), u"jahab"_s, u"sawit"_s}) {
        INFO(query.toStdString());
        const auto hits = f.session->search(query, {});
        REQUIRE(hits.ok());
        REQUIRE(hits->size() == 1);
        CHECK(hits->first().id == created->id);
    }
    CHECK(f.session->search(u"zzzyyyxxx"_s, {}).value().isEmpty());
}

TEST_CASE("a case update cannot touch another case's people", "[core][cases][review]")
{
    Test::ProfileFixture f;
    const auto a = f.session->cases().create(Test::sampleDraft());
    const auto b = f.session->cases().create(Test::sampleDraft());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const auto fileA = f.session->cases().load(a->id);
    REQUIRE(fileA.ok());
    const QString linkOfA = fileA->parties.first().link.id;
    const QString roleBefore = fileA->parties.first().link.text(u"role"_s);

    Core::CaseDraft patch;
    Core::PartyInput party;
    party.linkId = linkOfA;
    party.link = {{u"role"_s, u"contact"_s}};
    patch.parties = {party};
    const Core::Status refused = f.session->cases().update(b->id, patch);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Core::Error::Code::NotFound);
    CHECK(f.session->cases().load(a->id)->parties.first().link.text(u"role"_s) == roleBefore);

    // Patching A's victim through B by person id is refused too.
    Core::PartyInput byPerson;
    byPerson.personId = fileA->parties.first().person.id;
    byPerson.person = {{u"name"_s, u"Nama Lain"_s}};
    Core::CaseDraft patch2;
    patch2.parties = {byPerson};
    CHECK(f.session->cases().update(b->id, patch2).error().code == Core::Error::Code::Conflict);
}

TEST_CASE("linking a person id that does not exist is a not-found error", "[core][cases][review]")
{
    Test::ProfileFixture f;
    auto draft = Test::sampleDraft();
    draft.parties[1].personId = u"0190f000-0000-7000-8000-00000000dead"_s;
    draft.parties[1].person.clear();
    const auto created = f.session->cases().create(draft);
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().code == Core::Error::Code::NotFound);
}

TEST_CASE("an administrator cannot change case content", "[core][cases][review]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    REQUIRE(
        f.profile->addUser(u"admin"_s, Core::Role::Admin, u"sandi-admin-2026"_s, Core::KdfStrength::Minimum)
            .ok());
    f.session.reset();
    f.profile->lock();
    REQUIRE(f.profile->unlock(u"admin"_s, u"sandi-admin-2026"_s).ok());
    Core::Session admin(*f.profile, Test::codes(), Test::regions());
    Core::CaseDraft patch;
    patch.fields = {{u"narrative"_s, u"diubah admin"_s}};
    CHECK(admin.cases().update(kase->id, patch).error().code == Core::Error::Code::Conflict);
    CHECK(admin.cases().setDeleted(kase->id, true).error().code == Core::Error::Code::Conflict);
    CHECK(admin.cases().load(kase->id)->kase.text(u"narrative"_s).startsWith(u"Korban diancam"_s));
}

TEST_CASE("a person patch is checked against the stored NIK", "[core][cases][review]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    const auto file = f.session->cases().load(kase->id);
    REQUIRE(file.ok());
    Core::PartyInput victim;
    for (const auto &party : file->parties) {
        if (party.link.text(u"role"_s) == u"victim")
            victim.linkId = party.link.id;
    }
    REQUIRE(!victim.linkId.isEmpty());
    victim.person = {{u"sex"_s, u"male"_s}}; // the stored NIK says female
    Core::CaseDraft patch;
    patch.parties = {victim};
    const Core::Status refused = f.session->cases().update(kase->id, patch);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().field == u"people[0].person.nik");
}

TEST_CASE("text with emoji pasted from WhatsApp is accepted, an unpaired surrogate is not",
          "[core][cases][review]")
{
    Test::ProfileFixture f;
    auto draft = Test::sampleDraft();
    draft.fields[u"narrative"_s] = u"Pesan korban: tolong 😭🙏"_s;
    const auto created = f.session->cases().create(draft);
    REQUIRE(created.ok());
    CHECK(f.session->cases().load(created->id)->kase.text(u"narrative"_s) == u"Pesan korban: tolong 😭🙏");
    draft.fields[u"narrative"_s] = QString(u"rusak "_s + QChar(0xD83D));
    CHECK(f.session->cases().create(draft).error().field == u"narrative");
}

TEST_CASE("values of the wrong JSON type are refused, not coerced", "[core][cases][review]")
{
    Test::ProfileFixture f;
    auto draft = Test::sampleDraft();
    draft.fields[u"incident_region"_s] = 64.02;
    CHECK(f.session->cases().create(draft).error().field == u"incident_region");
    const auto parsed = Core::Json::toCaseDraft(
        Core::Json::parseObject(R"({"people":[{"role":"victim","person_id":12345}]})").value());
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().field == u"people[0]");
}

TEST_CASE("the case list filters by violence type, risk, area, assignment and overdue follow-ups",
          "[core][cases]")
{
    Test::ProfileFixture f;
    auto a = Test::sampleDraft(); // seksual+psikis, high, 64.02.06.1001 (Tenggarong)
    auto b = Test::sampleDraft();
    b.fields[u"violence_types"_s] = QStringList{u"fisik"_s};
    b.fields[u"incident_region"_s] = u"64.02.16.2001"_s; // Tenggarong Seberang
    b.risk = QVariantHash{{u"level"_s, u"low"_s}};
    const auto ca = f.session->cases().create(a);
    const auto cb = f.session->cases().create(b);
    REQUIRE(ca.ok());
    REQUIRE(cb.ok());
    REQUIRE(f.session->activities()
                .add(u"followup", cb->id, {{u"due_on"_s, u"2026-11-10"_s}, {u"description"_s, u"Telepon"_s}})
                .ok());
    const auto ids = [&](Core::CaseFilter filter) {
        QStringList out;
        for (const auto &row : f.session->cases().list(filter).value())
            out << row.id;
        out.sort();
        return out;
    };
    Core::CaseFilter byType;
    byType.violenceType = u"fisik"_s;
    CHECK(ids(byType) == QStringList{cb->id});
    Core::CaseFilter byRisk;
    byRisk.riskLevel = u"high"_s;
    CHECK(ids(byRisk) == QStringList{ca->id});
    Core::CaseFilter byArea;
    byArea.area = u"64.02.06"_s; // the kecamatan Tenggarong, not Tenggarong Seberang
    CHECK(ids(byArea) == QStringList{ca->id});
    Core::CaseFilter byRegency;
    byRegency.area = u"64.02"_s;
    CHECK(ids(byRegency).size() == 2);
    Core::CaseFilter mine;
    mine.assignedUser = u"someone.else"_s;
    CHECK(ids(mine).isEmpty());
    Core::CaseFilter overdue;
    overdue.overdueOn = u"2026-11-20"_s;
    CHECK(ids(overdue) == QStringList{cb->id});
    Core::CaseFilter paged;
    paged.limit = 1;
    paged.offset = 1;
    CHECK(ids(paged).size() == 1);
}

TEST_CASE("with two victims a perpetrator's relationship names its victim by position", "[core][cases]")
{
    Test::ProfileFixture f;
    auto draft = Test::sampleDraft(); // parties: victim, perpetrator, reporter
    Core::PartyInput sister;
    sister.link = {{u"role"_s, u"victim"_s}};
    sister.person = {{u"name"_s, u"Dewi Kartikasari"_s}, {u"sex"_s, u"female"_s}};
    draft.parties.append(sister); // index 3
    draft.parties[1].victimIndex = 3;
    const auto created = f.session->cases().create(draft);
    REQUIRE(created.ok());
    const auto file = f.session->cases().load(created->id);
    QString sisterId;
    QString linked;
    for (const auto &party : file->parties) {
        if (party.person.text(u"name"_s) == u"Dewi Kartikasari")
            sisterId = party.person.id;
        if (party.link.text(u"role"_s) == u"perpetrator")
            linked = party.link.text(u"victim_person_id"_s);
    }
    CHECK(!sisterId.isEmpty());
    CHECK(linked == sisterId);

    draft.parties[1].victimIndex = 2; // the reporter is not a victim
    const auto wrong = f.session->cases().create(draft);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().field == u"people[1].victim_index");
}
