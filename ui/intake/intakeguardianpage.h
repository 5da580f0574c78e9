// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/intake/intakeaddress.h"

#include <QCoreApplication>
#include <QVariantHash>
#include <QWizardPage>

#include <optional>

namespace Core {
class Session;
struct PartyInput;
} // namespace Core

class ConsentBox;
class IntakeFields;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

// The guardian (wali) of a child victim and the consent to the unit's help. For a child the
// guardian is required, or an explicit "guardian not yet known" (consent then stays "not yet
// asked"); the guardian's consent lives on the guardian's case_person row. For an adult victim the
// page asks only the victim's own consent, kept on her row.
class IntakeGuardianPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakeGuardianPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);

    // Which victim is a child (by position), or -1 when none is; `victimName` names the victim
    // whose consent is asked when no child is.
    void setChild(int childIndex, const QString &victimName);
    bool forChild() const { return m_child >= 0; }
    bool guardianUnknown() const;
    // The victim (by position) whose own row takes victimConsent().
    int consentVictim() const { return forChild() ? m_child : 0; }

    bool validatePage() override;

    // The guardian as a party of the case; nothing for an adult victim or an unknown guardian.
    std::optional<Core::PartyInput> party() const;
    // Consent fields for the victim's own row (adult victim, or a child whose guardian is unknown).
    QVariantHash victimConsent() const;

private:
    bool guardianEntered() const;
    void showMode();

    IntakeFields &m_fields;
    int m_child = -1;
    QString m_victimName;
    QLabel *m_rule = nullptr;
    QGroupBox *m_guardian = nullptr;
    QCheckBox *m_unknown = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_relationship = nullptr;
    QLineEdit *m_phone = nullptr;
    IntakeAddress m_address;
    QGroupBox *m_consentGroup = nullptr;
    ConsentBox *m_consent = nullptr;
};
