// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/recordtabs.h"

#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"

using namespace Qt::StringLiterals;

using Rows = RecordsTab::Rows;

RecordsTab *RecordTabs::people(Core::Session &session, const QString &language, QWidget *parent)
{
    const auto rows = [](const RecordsTab &t, const Core::CaseFile &file) {
        Rows out;
        for (const Core::CaseParty &party : file.parties) {
            const Core::Record &p = party.person;
            QString born = t.date(p.text(u"birth_date"_s));
            if (born.isEmpty() && p.value(u"age_estimate"_s).isValid())
                born = tr("about %n year(s)", nullptr, p.value(u"age_estimate"_s).toInt());
            // A reporter's relation to the victim is typed as text (the link's notes), not a code.
            QString relationship = t.label(u"perpetrator_relationship", party.link.text(u"relationship"_s));
            if (party.link.text(u"relationship"_s).isEmpty())
                relationship = party.link.text(u"notes"_s);
            out.cells.append({t.label(u"person_role", party.link.text(u"role"_s)), p.text(u"name"_s),
                              t.label(u"sex", p.text(u"sex"_s)), born, p.text(u"nik"_s), relationship,
                              p.text(u"phone"_s)});
            out.ids << p.id;
        }
        return out;
    };
    return new RecordsTab(session, language, tr("People"), u"peopleTable"_s,
                          {tr("Role"), tr("Name"), tr("Sex"), tr("Birth date / age"), tr("NIK"),
                           tr("Relationship"), tr("Phone")},
                          rows, parent);
}

RecordsTab *RecordTabs::plan(Core::Session &session, const QString &language, QWidget *parent)
{
    const auto rows = [](const RecordsTab &t, const Core::CaseFile &file) {
        Rows out;
        for (const Core::Record &p : file.children.value(u"plan_item"_s)) {
            out.cells.append({t.label(u"service_type", p.text(u"service_type"_s)), p.text(u"description"_s),
                              t.date(p.text(u"due_on"_s)),
                              t.label(u"plan_item_status", p.text(u"status"_s))});
            out.ids << p.id;
        }
        return out;
    };
    auto *tab
        = new RecordsTab(session, language, tr("Case plan"), u"planTable"_s,
                         {tr("Service"), tr("What will be done"), tr("Due"), tr("Status")}, rows, parent);
    tab->withEntryForm(u"plan_item"_s, {u"service_type"_s, u"description"_s, u"due_on"_s});
    return tab;
}

RecordsTab *RecordTabs::visits(Core::Session &session, const QString &language, QWidget *parent)
{
    const auto rows = [](const RecordsTab &t, const Core::CaseFile &file) {
        const QLocale locale(t.language());
        Rows out;
        for (const Core::Record &v : file.children.value(u"visit"_s)) {
            const QVariantMap fix = v.value(u"location"_s).toMap();
            const QString source = t.label(u"location_source", v.text(u"location_source"_s));
            const QString where
                = fix.isEmpty()
                    ? source
                    : u"%1, %2 (%3)"_s.arg(locale.toString(fix.value(u"lat"_s).toDouble(), 'f', 5),
                                           locale.toString(fix.value(u"lng"_s).toDouble(), 'f', 5), source);
            const std::optional<Core::Region> village = t.session().regions().find(v.text(u"region_code"_s));
            out.cells.append({t.when(v.value(u"visited_at"_s).toLongLong()),
                              village ? village->name : QString(),
                              t.label(u"visit_purpose", v.text(u"purpose"_s)), where, v.text(u"notes"_s)});
            out.ids << v.id;
        }
        return out;
    };
    return new RecordsTab(session, language, tr("Visits"), u"visitTable"_s,
                          {tr("When"), tr("Village"), tr("Purpose"), tr("Location"), tr("Notes")}, rows,
                          parent);
}
