// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/fieldlabels.h"

#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "ui/common/codelabels.h"
#include "ui/common/uitext.h"

#include <QDate>
#include <QHash>
#include <QLocale>

using namespace Qt::StringLiterals;

QHash<QString, QString> FieldLabels::fieldNames()
{
    // Built per call: tr() must answer in the language installed now.
    return {
        {u"narrative"_s, tr("Narrative")},
        {u"intake_channel"_s, tr("Intake channel")},
        {u"reported_on"_s, tr("Reported on")},
        {u"incident_on"_s, tr("Incident date")},
        {u"incident_region"_s, tr("Incident region")},
        {u"incident_scene"_s, tr("Scene")},
        {u"incident_place"_s, tr("Place details")},
        {u"violence_types"_s, tr("Violence types")},
        {u"typing"_s, tr("Case type")},
        {u"status"_s, tr("Status")},
        {u"risk_level"_s, tr("Risk level")},
        {u"level"_s, tr("Risk level")},
        {u"do_not_contact"_s, tr("Do not contact")},
        {u"name"_s, tr("Name")},
        {u"nik"_s, tr("NIK")},
        {u"sex"_s, tr("Sex")},
        {u"birth_date"_s, tr("Birth date")},
        {u"birth_year"_s, tr("Birth year")},
        {u"age_estimate"_s, tr("Estimated age")},
        {u"disability"_s, tr("Disability")},
        {u"education"_s, tr("Education")},
        {u"occupation"_s, tr("Occupation")},
        {u"marital_status"_s, tr("Marital status")},
        {u"address_region"_s, tr("Address region")},
        {u"address_text"_s, tr("Address")},
        {u"phone"_s, tr("Phone")},
        {u"role"_s, tr("Role")},
        {u"relationship"_s, tr("Relationship")},
        {u"notes"_s, tr("Notes")},
        {u"purpose"_s, tr("Purpose")},
        {u"provider"_s, tr("Provider")},
        {u"service_type"_s, tr("Service")},
        {u"description"_s, tr("Description")},
        {u"due_on"_s, tr("Due")},
        {u"safety_plan"_s, tr("Safety plan")},
        {u"factors"_s, tr("Risk factors")},
        {u"outcome"_s, tr("Outcome")},
        {u"body"_s, tr("Note")},
        {u"reason"_s, tr("Reason")},
        {u"visited_at"_s, tr("Visit time")},
        {u"place_text"_s, tr("Place")},
        {u"participants"_s, tr("Participants")},
        {u"next_steps"_s, tr("Next steps")},
        {u"location"_s, tr("Location")},
        {u"referred_on"_s, tr("Referred on")},
        {u"accepted_on"_s, tr("Accepted on")},
        {u"completed_on"_s, tr("Completed on")},
        {u"disability_note"_s, tr("Disability note")},
        {u"district_code"_s, tr("Regency/city")},
        {u"received_at"_s, tr("Report received at")},
        {u"region_decree"_s, tr("Region list version")},
        {u"address_hamlet"_s, tr("Hamlet (dusun)")},
        {u"address_rt"_s, tr("RT/RW")},
        {u"person_id"_s, tr("Person")},
        {u"victim_person_id"_s, tr("Victim")},
        {u"has_access"_s, tr("Perpetrator still has access to the victim")},
        {u"consent"_s, tr("Consent")},
        {u"consent_on"_s, tr("Consent date")},
        {u"consent_method"_s, tr("How consent was given")},
        {u"region_code"_s, tr("Village")},
        {u"location_source"_s, tr("Location source")},
        {u"assessed_at"_s, tr("Assessment date")},
        {u"instrument"_s, tr("Checklist version")},
        {u"answers"_s, tr("Checklist answers")},
        {u"suggested_level"_s, tr("Suggested risk level")},
        {u"override_reason"_s, tr("Reason for a different level")},
        {u"assigned_user"_s, tr("Assigned to")},
        {u"done_at"_s, tr("Done at")},
        {u"written_at"_s, tr("Written at")},
        {u"file_name"_s, tr("File name")},
        {u"mime_type"_s, tr("File type")},
        {u"size_bytes"_s, tr("File size")},
        {u"from_status"_s, tr("Previous status")},
        {u"to_status"_s, tr("New status")},
        {u"changed_at"_s, tr("Changed at")},
        {u"number"_s, tr("Case number")},
        {u"registry_number"_s, tr("Registry number")},
        {u"assigned_team"_s, tr("Team")},
        {u"merged_into"_s, tr("Merged into")},
        // Not replicated, but named by errors of the profile and attachment forms.
        {u"login"_s, tr("User name")},
        {u"passphrase"_s, tr("Passphrase")},
        {u"file"_s, tr("File")},
    };
}

QString FieldLabels::known(const QString &entity, const QString &field)
{
    return fieldNames().contains(field) ? FieldLabels::field(entity, field) : QString();
}

QString FieldLabels::name(const QString &field)
{
    return fieldNames().value(field);
}

QString FieldLabels::entity(const QString &entity)
{
    const QHash<QString, QString> entities = {
        {u"case"_s, tr("Case")},
        {u"person"_s, tr("Person")},
        {u"case_person"_s, tr("Person in the case")},
        {u"visit"_s, tr("Visit")},
        {u"service"_s, tr("Service")},
        {u"risk_assessment"_s, tr("Risk assessment")},
        {u"plan_item"_s, tr("Case plan")},
        {u"followup"_s, tr("Follow-up")},
        {u"note"_s, tr("Note")},
        {u"attachment"_s, tr("Document")},
        {u"status_change"_s, tr("Status change")},
    };
    return entities.value(entity, entity);
}

QString FieldLabels::field(const QString &entity, const QString &field)
{
    QString name = fieldNames().value(field, field);
    if (entity == u"case" || entity.isEmpty())
        return name;
    //: An entity and one of its fields, e.g. "Person: Name".
    return tr("%1: %2").arg(FieldLabels::entity(entity), name);
}

QString FieldLabels::value(const Core::Session &session, const QString &entity, const QString &field,
                           const std::optional<QByteArray> &bytes, const QString &language)
{
    const Core::EntityDef *def = Core::Schema::entity(entity);
    const Core::FieldDef *fieldDef = def ? def->field(field) : nullptr;
    if (!bytes || bytes->isNull())
        return UiText::empty();
    if (!fieldDef)
        return QString::fromUtf8(*bytes);
    return shown(session, *fieldDef, Core::ValueCodec::decode(*fieldDef, *bytes), language);
}

QString FieldLabels::shown(const Core::Session &session, const Core::FieldDef &fieldDef,
                           const QVariant &value, const QString &language)
{
    if (!value.isValid() || value.isNull()
        || (value.typeId() == QMetaType::QString && value.toString().isEmpty()))
        return UiText::empty();
    const QLocale locale(language);
    using Type = Core::ValueType;
    if (fieldDef.kind == Core::FieldKind::Set)
        return CodeLabels::labels(session.codes(), fieldDef.codeList, value.toStringList(), language);
    switch (fieldDef.type) {
    case Type::Code:
        return CodeLabels::label(session.codes(), fieldDef.codeList, value.toString(), language);
    case Type::Region:
        return UiText::orEmpty(session.regions().displayPath(value.toString()));
    case Type::Date:
        return UiText::date(QDate::fromString(value.toString(), Qt::ISODate), locale);
    case Type::Time:
        return session.profile().districtTime().display(value.toLongLong(), locale);
    case Type::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case Type::Json:
        return fieldDef.name == u"location" ? tr("(location)") : tr("(checklist answers)");
    default:
        return value.toString();
    }
}

QString FieldLabels::conflictKind(const QString &kind)
{
    if (kind == u"concurrent")
        return tr("edited on two laptops");
    if (kind == u"safety")
        return tr("safety value, for a supervisor");
    if (kind == u"status")
        return tr("status changed on two laptops");
    if (kind == u"rejected")
        return tr("refused by the server");
    if (kind == u"unapplied")
        return tr("not applied here");
    return kind;
}
