// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/riskstab.h"

#include "core/cases/caserepository.h"

using namespace Qt::StringLiterals;

namespace {

RecordsTab::Rows riskRows(const RecordsTab &t, const Core::CaseFile &file)
{
    RecordsTab::Rows out;
    for (const Core::Record &r : file.children.value(u"risk_assessment"_s)) {
        out.cells.append({t.when(r.value(u"assessed_at"_s).toLongLong()),
                          t.label(u"risk_level", r.text(u"level"_s)), r.text(u"safety_plan"_s)});
        out.ids << r.id;
    }
    return out;
}

} // namespace

RisksTab::RisksTab(Core::Session &session, const QString &language, QWidget *parent)
    : RecordsTab(session, language, tr("Assessment and safety"), u"riskTable"_s,
                 {tr("Assessed"), tr("Risk"), tr("Safety plan")}, riskRows, parent)
{
    withEntryForm(u"risk_assessment"_s, {u"level"_s, u"factors"_s, u"safety_plan"_s});
}
