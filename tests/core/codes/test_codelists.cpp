// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/codes/codelists.h"

#include <QSet>

#include <catch2/catch.hpp>
#include <string>

using namespace Qt::StringLiterals;
using Core::CodeItem;
using Core::CodeLists;

namespace {

CodeLists builtin()
{
    Core::Result<CodeLists> loaded = CodeLists::loadBuiltin();
    REQUIRE(loaded.ok());
    return std::move(loaded).value();
}

// "a|b|c", so that Catch prints what differs.
std::string codesOf(const QList<CodeItem> &items)
{
    QStringList codes;
    for (const CodeItem &item : items)
        codes.append(item.code);
    return codes.join(u'|').toStdString();
}

std::string joined(const QStringList &list)
{
    return list.join(u'|').toStdString();
}

} // namespace

TEST_CASE("the built-in code lists have exactly the codes the app stores", "[core][codes]")
{
    const CodeLists lists = builtin();
    CHECK(lists.version() == u"2026.2"_s);

    const QList<std::pair<QString, QStringList>> expected = {
        {u"violence_type"_s,
         {u"fisik"_s, u"psikis"_s, u"seksual"_s, u"eksploitasi"_s, u"trafficking"_s, u"penelantaran"_s,
          u"lainnya"_s}},
        {u"gbvims_type"_s,
         {u"rape"_s, u"sexual_assault"_s, u"physical_assault"_s, u"forced_marriage"_s,
          u"denial_of_resources"_s, u"psychological_abuse"_s}},
        {u"victim_age_group"_s,
         {u"0_5"_s, u"6_12"_s, u"13_17"_s, u"18_24"_s, u"25_44"_s, u"45_59"_s, u"60_plus"_s}},
        {u"education"_s,
         {u"none"_s, u"preschool"_s, u"primary"_s, u"junior_secondary"_s, u"senior_secondary"_s,
          u"higher"_s}},
        {u"scene"_s, {u"household"_s, u"school"_s, u"public_facility"_s, u"workplace"_s, u"other"_s}},
        {u"perpetrator_relationship"_s,
         {u"parent"_s, u"step_parent"_s, u"grandparent"_s, u"spouse"_s, u"family"_s, u"partner_friend"_s,
          u"neighbour"_s, u"teacher"_s, u"religious_teacher"_s, u"employer"_s, u"coworker"_s, u"stranger"_s,
          u"other"_s}},
        {u"consent_status"_s, {u"given"_s, u"refused"_s, u"not_asked"_s}},
        {u"consent_method"_s, {u"written"_s, u"thumbprint"_s, u"verbal"_s}},
        {u"sex"_s, {u"female"_s, u"male"_s}},
        {u"disability"_s,
         {u"none"_s, u"physical"_s, u"intellectual"_s, u"mental"_s, u"sensory"_s, u"multiple"_s}},
        {u"marital_status"_s, {u"single"_s, u"married"_s, u"divorced"_s, u"widowed"_s}},
        {u"occupation"_s,
         {u"student"_s, u"housewife"_s, u"farmer_fisher"_s, u"labourer"_s, u"private_employee"_s,
          u"civil_servant"_s, u"self_employed"_s, u"unemployed"_s, u"other"_s}},
        {u"case_typing"_s, {u"ktp"_s, u"ampk"_s}},
        {u"intake_channel"_s,
         {u"hotline"_s, u"whatsapp"_s, u"walk_in"_s, u"police_referral"_s, u"community"_s, u"school"_s,
          u"website"_s, u"outreach"_s, u"other"_s}},
        {u"service_type"_s,
         {u"complaint"_s, u"health"_s, u"forensic_exam"_s, u"psychological"_s, u"legal_aid"_s,
          u"law_enforcement"_s, u"shelter"_s, u"safe_house"_s, u"social_rehabilitation"_s,
          u"social_reintegration"_s, u"repatriation"_s, u"mediation"_s, u"religious_accompaniment"_s}},
        {u"service_status"_s, {u"referred"_s, u"accepted"_s, u"completed"_s, u"declined"_s, u"cancelled"_s}},
        {u"case_status"_s,
         {u"intake"_s, u"outreach"_s, u"assessment"_s, u"planning"_s, u"services"_s, u"monitoring"_s,
          u"closure_requested"_s, u"closed"_s, u"transferred"_s}},
        {u"person_role"_s, {u"victim"_s, u"perpetrator"_s, u"reporter"_s, u"guardian"_s, u"contact"_s}},
        {u"risk_level"_s, {u"low"_s, u"medium"_s, u"high"_s, u"critical"_s}},
        {u"visit_purpose"_s,
         {u"outreach"_s, u"assessment"_s, u"accompaniment"_s, u"monitoring"_s, u"home_visit"_s, u"other"_s}},
        {u"location_source"_s,
         {u"gps_system"_s, u"gps_serial"_s, u"nmea_log"_s, u"village_centroid"_s, u"manual"_s}},
        {u"followup_status"_s, {u"open"_s, u"done"_s, u"cancelled"_s}},
        {u"plan_item_status"_s, {u"planned"_s, u"in_progress"_s, u"done"_s, u"cancelled"_s}},
    };

    QStringList expectedNames;
    for (const auto &[name, codes] : expected) {
        INFO(name.toStdString());
        CHECK(codesOf(lists.items(name)) == joined(codes));
        expectedNames.append(name);
    }
    expectedNames.sort();
    CHECK(joined(lists.listNames()) == joined(expectedNames));
}

TEST_CASE("every code has an Indonesian and an English label and is unique in its list", "[core][codes]")
{
    const CodeLists lists = builtin();
    for (const QString &name : lists.listNames()) {
        const QList<CodeItem> &items = lists.items(name);
        CHECK_FALSE(items.isEmpty());
        QSet<QString> codes;
        for (const CodeItem &item : items) {
            INFO(name.toStdString() << "." << item.code.toStdString());
            CHECK_FALSE(item.code.isEmpty());
            CHECK_FALSE(item.labelId.trimmed().isEmpty());
            CHECK_FALSE(item.labelEn.trimmed().isEmpty());
            CHECK_FALSE(codes.contains(item.code));
            codes.insert(item.code);
            CHECK(item.label(u"id") == item.labelId);
            CHECK(item.label(u"en") == item.labelEn);
            CHECK(item.label(u"en_GB") == item.labelEn);
            CHECK(item.label(u"") == item.labelId); // Indonesian unless English is asked for
        }
    }
    CHECK(lists.item(u"violence_type", u"seksual")->labelId == u"Kekerasan seksual"_s);
    CHECK(lists.item(u"sex", u"female")->label(u"en") == u"Female"_s);
    CHECK(lists.item(u"education", u"preschool")->label(u"id") == u"TK/PAUD"_s);
}

TEST_CASE("lookups of unknown lists and codes come back empty", "[core][codes]")
{
    const CodeLists lists = builtin();
    CHECK(lists.items(u"no_such_list").isEmpty());
    CHECK_FALSE(lists.contains(u"no_such_list", u"fisik"));
    CHECK_FALSE(lists.contains(u"violence_type", u"Fisik")); // codes are exact
    CHECK_FALSE(lists.contains(u"violence_type", u""));
    CHECK(lists.contains(u"violence_type", u"fisik"));
    CHECK(lists.contains(u"case_status", u"closure_requested"));
    CHECK_FALSE(lists.item(u"sex", u"unknown"));
    CHECK(lists.gbvimsFor(u"no_such_type").isEmpty());
}

TEST_CASE("age groups cover every age from 0 to 120 exactly once", "[core][codes]")
{
    const CodeLists lists = builtin();
    const QList<CodeItem> &groups = lists.items(u"victim_age_group");
    for (int age = 0; age <= 120; ++age) {
        INFO("age " << age);
        int matches = 0;
        for (const CodeItem &group : groups) {
            if (age >= group.minAge && (group.maxAge < 0 || age <= group.maxAge))
                ++matches;
        }
        CHECK(matches == 1);
        CHECK(lists.ageGroupFor(age).size() > 0);
    }
    CHECK(lists.ageGroupFor(0) == u"0_5"_s);
    CHECK(lists.ageGroupFor(5) == u"0_5"_s);
    CHECK(lists.ageGroupFor(6) == u"6_12"_s);
    CHECK(lists.ageGroupFor(12) == u"6_12"_s);
    CHECK(lists.ageGroupFor(13) == u"13_17"_s);
    CHECK(lists.ageGroupFor(17) == u"13_17"_s);
    CHECK(lists.ageGroupFor(18) == u"18_24"_s);
    CHECK(lists.ageGroupFor(44) == u"25_44"_s);
    CHECK(lists.ageGroupFor(45) == u"45_59"_s);
    CHECK(lists.ageGroupFor(59) == u"45_59"_s);
    CHECK(lists.ageGroupFor(60) == u"60_plus"_s);
    CHECK(lists.ageGroupFor(130) == u"60_plus"_s);
    CHECK(lists.ageGroupFor(-1).isEmpty());
}

TEST_CASE("violence types cross-walk to GBVIMS types", "[core][codes]")
{
    const CodeLists lists = builtin();
    CHECK(lists.gbvimsFor(u"seksual") == QStringList{u"rape"_s, u"sexual_assault"_s});
    CHECK(lists.gbvimsFor(u"fisik") == QStringList{u"physical_assault"_s});
    CHECK(lists.gbvimsFor(u"psikis") == QStringList{u"psychological_abuse"_s});
    CHECK(lists.gbvimsFor(u"penelantaran") == QStringList{u"denial_of_resources"_s});
    // GBVIMS treats trafficking and exploitation as context, not a type; "other" has no mapping.
    CHECK(lists.gbvimsFor(u"trafficking").isEmpty());
    CHECK(lists.gbvimsFor(u"eksploitasi").isEmpty());
    CHECK(lists.gbvimsFor(u"lainnya").isEmpty());

    for (const CodeItem &type : lists.items(u"violence_type")) {
        for (const QString &target : type.gbvims) {
            INFO(type.code.toStdString() << " -> " << target.toStdString());
            CHECK(lists.contains(u"gbvims_type", target));
        }
    }
}

TEST_CASE("code lists with mistakes are refused", "[core][codes]")
{
    const QList<QByteArray> bad = {
        "",
        "not json",
        "[]",
        R"({"lists": {"sex": [{"code": "female", "id": "Perempuan", "en": "Female"}]}})", // no version
        R"({"version": "1", "lists": []})",
        R"({"version": "1", "lists": {"sex": []}})",
        R"({"version": "1", "lists": {"sex": [{"code": "female", "id": "Perempuan"}]}})",
        R"({"version": "1", "lists": {"sex": [{"code": "", "id": "X", "en": "X"}]}})",
        R"({"version": "1", "lists": {"sex": [{"code": "f", "id": "P", "en": "F"}, {"code": "f", "id": "P", "en": "F"}]}})",
        R"({"version": "1", "lists": {"sex": [{"code": "f", "id": "P", "en": "F", "lable": "typo"}]}})",
        R"({"version": "1", "extra": 1, "lists": {"sex": [{"code": "f", "id": "P", "en": "F"}]}})",
        // crosswalk to a GBVIMS type that does not exist
        R"({"version": "1", "lists": {"violence_type": [{"code": "fisik", "id": "F", "en": "P", "gbvims": ["punch"]}],
            "gbvims_type": [{"code": "physical_assault", "id": "S", "en": "P"}]}})",
        // age groups with a gap, an overlap, a closed end, a fraction
        R"({"version": "1", "lists": {"victim_age_group": [{"code": "a", "id": "a", "en": "a", "min": 0, "max": 5},
            {"code": "b", "id": "b", "en": "b", "min": 7}]}})",
        R"({"version": "1", "lists": {"victim_age_group": [{"code": "a", "id": "a", "en": "a", "min": 0, "max": 5},
            {"code": "b", "id": "b", "en": "b", "min": 5}]}})",
        R"({"version": "1", "lists": {"victim_age_group": [{"code": "a", "id": "a", "en": "a", "min": 0, "max": 5}]}})",
        R"({"version": "1", "lists": {"victim_age_group": [{"code": "a", "id": "a", "en": "a", "min": 0.5}]}})",
        R"({"version": "1", "lists": {"victim_age_group": [{"code": "a", "id": "a", "en": "a", "min": 3, "max": 1}]}})",
        R"({"version": "1", "lists": {"sex": [{"code": "f", "id": "P", "en": "F", "min": 1}]}})",
    };
    for (const QByteArray &json : bad) {
        INFO(json.toStdString());
        const Core::Result<CodeLists> loaded = CodeLists::loadFromJson(json);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == Core::Error::Code::Corrupt);
    }

    const Core::Result<CodeLists> good = CodeLists::loadFromJson(
        R"({"version": "t", "note": "x", "lists": {"sex": [{"code": "f", "id": "P", "en": "F", "note": "n"}]}})");
    REQUIRE(good.ok());
    CHECK(good->version() == u"t"_s);
    CHECK(good->listNames() == QStringList{u"sex"_s});
    CHECK(good->ageGroupFor(30).isEmpty()); // no age groups in this data
}
