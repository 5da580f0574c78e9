// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"
#include "ui/cases/casetab.h"

class RiskDialog;

// The case file's "Assessment and safety" tab: the risk assessments and the button that starts a
// new one (RiskDialog, from the case's current level); a double-click shows one again, read-only.
class RisksTab final : public RecordsTab
{
    Q_OBJECT

public:
    RisksTab(Core::Session &session, const QString &language, QWidget *parent);

    void fill(const Core::CaseFile &file) override;

    // Opens the dialog for a new assessment (window-modal, not blocking) and returns it.
    RiskDialog *newAssessment();
    // Opens a saved assessment read-only; nullptr for an id not in the case.
    RiskDialog *showAssessment(const QString &assessmentId);

private:
    QString m_currentLevel;
    QList<Core::Record> m_assessments;
};
