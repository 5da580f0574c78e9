// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QVariantHash>
#include <QWizardPage>

namespace Core {
class RiskInstrument;
class Session;
} // namespace Core

class IntakeFields;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QVBoxLayout;
class RiskChecklist;

// The intake's last page: the risk checklist (the case file's, compact) with its suggestion, a
// first risk level (required; once something is answered it follows the suggestion until chosen,
// and another level needs a reason) and what keeps the victim safe now. It also shows an error
// from saving that is not about one field.
class IntakeRiskPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakeRiskPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);

    bool validatePage() override;

    // A store error that names no field (a full disk, a locked profile).
    void showSaveError(const QString &message);
    void fillCase(QVariantHash &fields) const;
    // The first risk assessment: the level and the safety notes, and the checklist when used.
    QVariantHash risk() const;

private:
    void addChecklist(const Core::RiskInstrument &instrument, QVBoxLayout *layout);
    void answersChanged();
    bool overridden() const;

    IntakeFields &m_fields;
    Core::Session &m_session;
    const Core::RiskInstrument *m_instrument = nullptr;
    RiskChecklist *m_checklist = nullptr;
    QLabel *m_suggestion = nullptr;
    QLineEdit *m_reason = nullptr;
    bool m_levelChosen = false;
    QComboBox *m_risk = nullptr;
    QPlainTextEdit *m_safetyNotes = nullptr;
    QCheckBox *m_doNotContact = nullptr;
    QLabel *m_saveError = nullptr;
};
