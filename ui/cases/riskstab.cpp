// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/riskstab.h"

#include "core/cases/caserepository.h"
#include "ui/cases/riskdialog.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

RecordsTab::Rows riskRows(const RecordsTab &t, const Core::CaseFile &file)
{
    RecordsTab::Rows out;
    for (const Core::Record &r : file.children.value(u"risk_assessment"_s)) {
        const QString suggested = r.text(u"suggested_level"_s);
        out.cells.append({t.when(r.value(u"assessed_at"_s).toLongLong()),
                          t.label(u"risk_level", r.text(u"level"_s)),
                          suggested.isEmpty() ? RisksTab::tr("—") : t.label(u"risk_level", suggested),
                          r.text(u"safety_plan"_s).simplified()});
        out.ids << r.id;
    }
    return out;
}

} // namespace

RisksTab::RisksTab(Core::Session &session, const QString &language, QWidget *parent)
    : RecordsTab(session, language, tr("Assessment and safety"), u"riskTable"_s,
                 {tr("Date of assessment"), tr("Risk"), tr("Suggested"), tr("Safety plan")}, riskRows, parent)
{
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("New risk assessment…"), this);
    add->setObjectName(u"newRiskButton"_s);
    row->addStretch(1);
    row->addWidget(add);
    column()->addLayout(row);
    m_table->setToolTip(tr("Double-click an assessment to read it in full."));
    connect(add, &QPushButton::clicked, this, &RisksTab::newAssessment);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { showAssessment(rowId(m_table)); });
}

void RisksTab::fill(const Core::CaseFile &file)
{
    m_currentLevel = file.kase.text(u"risk_level"_s);
    m_assessments = file.children.value(u"risk_assessment"_s);
    RecordsTab::fill(file);
}

RiskDialog *RisksTab::newAssessment()
{
    auto *dialog = new RiskDialog(m_session, m_language, m_caseId, m_currentLevel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RiskDialog::saved, this, &CaseTab::changed);
    dialog->open();
    return dialog;
}

RiskDialog *RisksTab::showAssessment(const QString &assessmentId)
{
    for (const Core::Record &assessment : std::as_const(m_assessments)) {
        if (assessment.id != assessmentId)
            continue;
        auto *dialog = new RiskDialog(m_session, m_language, assessment, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RiskDialog::saved, this, &CaseTab::changed);
        dialog->open();
        return dialog;
    }
    return nullptr;
}
