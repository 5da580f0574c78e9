// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/changelog/schema.h"

#include "core/changelog/schematesting.h"

using namespace Qt::StringLiterals;

namespace Core {

const FieldDef *EntityDef::field(QStringView fieldName) const
{
    for (const FieldDef &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

namespace Schema {

namespace {

using K = FieldKind;
using T = ValueType;

// A declarative table, one entry per field, read top to bottom: splitting it would scatter it.
QList<EntityDef> buildEntities() // NOLINT(readability-function-size)
{
    // Columns of every table besides these fields: id, case_id (case children), created_at,
    // created_by, updated_at, deleted. See migrations.cpp; the two must agree (a test checks).
    return {
        {u"case"_s,
         u"cases"_s,
         false,
         {
             {u"number"_s, K::ServerOnly, T::Text, {}, 40},
             {u"registry_number"_s, K::ServerOnly, T::Text, {}, 40},
             {u"district_code"_s, K::Plain, T::Region, {}, 0, true},
             {u"intake_channel"_s, K::Plain, T::Code, u"intake_channel"_s, 0, true},
             {u"reported_on"_s, K::Plain, T::Date, {}, 0, true},
             {u"received_at"_s, K::Plain, T::Time},
             {u"incident_on"_s, K::Plain, T::Date},
             {u"incident_region"_s, K::Plain, T::Region},
             {u"region_decree"_s, K::Plain, T::Text, {}, 60},
             {u"incident_scene"_s, K::Plain, T::Code, u"scene"_s},
             {u"incident_place"_s, K::Sensitive, T::Text},
             {u"violence_types"_s, K::Set, T::Code, u"violence_type"_s},
             {u"typing"_s, K::Set, T::Code, u"case_typing"_s},
             {u"narrative"_s, K::Sensitive, T::Text, {}, narrativeLimit},
             {u"status"_s, K::Status, T::Code, u"case_status"_s},
             {u"risk_level"_s, K::Safety, T::Code, u"risk_level"_s},
             {u"do_not_contact"_s, K::Safety, T::Bool},
             {u"assigned_user"_s, K::ServerOnly, T::Text, {}, 64},
             {u"assigned_team"_s, K::ServerOnly, T::Text, {}, 64},
         }},
        {u"person"_s,
         u"persons"_s,
         false,
         {
             {u"name"_s, K::Sensitive, T::Text, {}, 200},
             {u"nik"_s, K::Sensitive, T::Nik},
             {u"sex"_s, K::Plain, T::Code, u"sex"_s},
             {u"birth_date"_s, K::Sensitive, T::Date},
             {u"birth_year"_s, K::Plain, T::Int},
             {u"age_estimate"_s, K::Plain, T::Int},
             {u"disability"_s, K::Plain, T::Code, u"disability"_s},
             {u"disability_note"_s, K::Sensitive, T::Text},
             {u"education"_s, K::Plain, T::Code, u"education"_s},
             {u"occupation"_s, K::Plain, T::Code, u"occupation"_s},
             {u"marital_status"_s, K::Plain, T::Code, u"marital_status"_s},
             {u"address_region"_s, K::Plain, T::Region},
             {u"address_text"_s, K::Sensitive, T::Text},
             {u"address_hamlet"_s, K::Sensitive, T::Text, {}, 100},
             {u"address_rt"_s, K::Sensitive, T::Text, {}, 20},
             {u"phone"_s, K::Sensitive, T::Text, {}, 40},
             {u"merged_into"_s, K::ServerOnly, T::Id},
         }},
        {u"case_person"_s,
         u"case_persons"_s,
         true,
         {
             {u"person_id"_s, K::Plain, T::Id, {}, 0, true},
             {u"role"_s, K::Plain, T::Code, u"person_role"_s, 0, true},
             {u"relationship"_s, K::Plain, T::Code, u"perpetrator_relationship"_s},
             {u"victim_person_id"_s, K::Plain, T::Id},
             {u"notes"_s, K::Sensitive, T::Text},
             {u"has_access"_s, K::Safety, T::Bool},
             {u"consent"_s, K::Plain, T::Code, u"consent_status"_s},
             {u"consent_on"_s, K::Plain, T::Date},
             {u"consent_method"_s, K::Plain, T::Code, u"consent_method"_s},
         }},
        {u"visit"_s,
         u"visits"_s,
         true,
         {
             {u"visited_at"_s, K::Plain, T::Time, {}, 0, true},
             {u"region_code"_s, K::Plain, T::Region},
             {u"place_text"_s, K::Sensitive, T::Text},
             {u"location"_s, K::Sensitive, T::Json},
             {u"location_source"_s, K::Plain, T::Code, u"location_source"_s},
             {u"participants"_s, K::Sensitive, T::Text},
             {u"purpose"_s, K::Plain, T::Code, u"visit_purpose"_s},
             {u"notes"_s, K::Sensitive, T::Text, {}, 20000},
             {u"next_steps"_s, K::Sensitive, T::Text},
         }},
        {u"service"_s,
         u"services"_s,
         true,
         {
             {u"service_type"_s, K::Plain, T::Code, u"service_type"_s, 0, true},
             {u"provider"_s, K::Plain, T::Text, {}, 200},
             {u"status"_s, K::Plain, T::Code, u"service_status"_s},
             {u"referred_on"_s, K::Plain, T::Date},
             {u"accepted_on"_s, K::Plain, T::Date},
             {u"completed_on"_s, K::Plain, T::Date},
             {u"outcome"_s, K::Sensitive, T::Text},
             {u"notes"_s, K::Sensitive, T::Text},
         }},
        {u"risk_assessment"_s,
         u"risk_assessments"_s,
         true,
         {
             {u"assessed_at"_s, K::Plain, T::Time, {}, 0, true},
             {u"level"_s, K::Safety, T::Code, u"risk_level"_s, 0, true},
             {u"factors"_s, K::Sensitive, T::Text},
             {u"safety_plan"_s, K::Sensitive, T::Text, {}, 20000},
             {u"instrument"_s, K::Plain, T::Text, {}, 20},
             {u"answers"_s, K::Sensitive, T::Json},
             {u"suggested_level"_s, K::Plain, T::Code, u"risk_level"_s},
             {u"override_reason"_s, K::Sensitive, T::Text, {}, 2000},
         }},
        {u"plan_item"_s,
         u"plan_items"_s,
         true,
         {
             {u"service_type"_s, K::Plain, T::Code, u"service_type"_s},
             {u"description"_s, K::Sensitive, T::Text, {}, 0, true},
             {u"due_on"_s, K::Plain, T::Date},
             {u"status"_s, K::Plain, T::Code, u"plan_item_status"_s},
         }},
        {u"followup"_s,
         u"followups"_s,
         true,
         {
             {u"due_on"_s, K::Plain, T::Date, {}, 0, true},
             {u"status"_s, K::Plain, T::Code, u"followup_status"_s},
             {u"assigned_user"_s, K::Plain, T::Text, {}, 64},
             {u"description"_s, K::Sensitive, T::Text, {}, 0, true},
             {u"done_at"_s, K::Plain, T::Time},
         }},
        {u"note"_s,
         u"notes"_s,
         true,
         {
             {u"written_at"_s, K::Plain, T::Time, {}, 0, true},
             {u"body"_s, K::Sensitive, T::Text, {}, 20000, true},
         }},
        {u"attachment"_s,
         u"attachments"_s,
         true,
         {
             {u"file_name"_s, K::Sensitive, T::Text, {}, 255, true},
             {u"mime_type"_s, K::Plain, T::Text, {}, 100},
             {u"size_bytes"_s, K::Plain, T::Int},
             {u"description"_s, K::Sensitive, T::Text},
         }},
        {u"status_change"_s,
         u"status_changes"_s,
         true,
         {
             {u"from_status"_s, K::Plain, T::Code, u"case_status"_s},
             {u"to_status"_s, K::Plain, T::Code, u"case_status"_s, 0, true},
             {u"changed_at"_s, K::Plain, T::Time, {}, 0, true},
             {u"reason"_s, K::Sensitive, T::Text},
         }},
    };
}

// Renamed fields. To rename a field: add a migration step (`ALTER TABLE t RENAME COLUMN from
// TO to`, and the field's key in the rows' `clocks`), rename it in buildEntities(), and append
// {entity, from, to, that step's version} here. Never edit or remove an entry: laptops and
// bundles with older schemas send the old name for as long as they exist. None so far.
QList<FieldRename> &renameList()
{
    static QList<FieldRename> list;
    return list;
}

} // namespace

const QList<FieldRename> &renames()
{
    return renameList();
}

QString currentFieldName(QStringView entityName, const QString &field, int schemaVersion)
{
    QString name = field;
    for (const FieldRename &r : std::as_const(renameList())) {
        if (r.entity == entityName && r.from == name && schemaVersion < r.sinceVersion)
            name = r.to; // in step order, so a chain of renames is followed to its end
    }
    return name;
}

ScopedRenameForTest::ScopedRenameForTest(FieldRename rename)
{
    renameList().append(std::move(rename));
}

ScopedRenameForTest::~ScopedRenameForTest()
{
    renameList().removeLast();
}

const QList<EntityDef> &entities()
{
    static const QList<EntityDef> all = buildEntities();
    return all;
}

const EntityDef *entity(QStringView name)
{
    for (const EntityDef &e : entities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

} // namespace Schema

} // namespace Core
