// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/intake/intakeaddress.h"

#include <QCoreApplication>
#include <QList>
#include <QWizardPage>

#include <optional>

namespace Core {
class Session;
struct PartyInput;
} // namespace Core

class IntakeFields;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

// The alleged perpetrators, one tab each (up to five); every input is optional.
class IntakePerpetratorPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakePerpetratorPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);

    bool validatePage() override;

    // The victims' names in tab order; with more than one, each perpetrator names its victim.
    void setVictims(const QStringList &names);
    int count() const { return int(m_perpetrators.size()); }
    // Adds perpetrator tabs until there are `n` (resuming a draft).
    void ensureCount(int n);
    // Perpetrator `index` as a party of the case; nothing when their tab was left empty.
    std::optional<Core::PartyInput> party(int index) const;

private:
    struct PerpetratorForm
    {
        QWidget *tab = nullptr;
        QLineEdit *name = nullptr;
        QComboBox *relationship = nullptr;
        QComboBox *sex = nullptr;
        QLineEdit *age = nullptr;
        QComboBox *victim = nullptr;
        QComboBox *access = nullptr; // still has access to the victim: yes, no, not known
        IntakeAddress address;
        class QFormLayout *form = nullptr;
    };

    void fillVictims(PerpetratorForm &p);

    void addPerpetrator();
    void removePerpetrator();

    IntakeFields &m_fields;
    Core::Session &m_session;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_remove = nullptr;
    QStringList m_victimNames;
    QList<PerpetratorForm> m_perpetrators;
};
