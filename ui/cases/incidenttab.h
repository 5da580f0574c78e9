// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QLabel;

// Kejadian: when it was reported and happened, where, the scene, the violence, the case typing
// and the narrative, as one readable page; "Edit incident…" corrects them (IncidentDialog).
class IncidentTab final : public CaseTab
{
    Q_OBJECT

public:
    IncidentTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override { return tr("Incident"); }
    void open(const QString &caseId) override;
    void fill(const Core::CaseFile &file) override;
    QDialog *editIncident();

private:
    QLabel *m_text;
};
