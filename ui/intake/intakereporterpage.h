// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QWizardPage>

#include <optional>

namespace Core {
struct PartyInput;
}

class IntakeFields;
class QLineEdit;

// Who brought the report, when it was not the victim; every input is optional.
class IntakeReporterPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    explicit IntakeReporterPage(IntakeFields &fields, QWidget *parent = nullptr);

    // The reporter as a party of the case; nothing when the page was left empty.
    std::optional<Core::PartyInput> party() const;

private:
    QLineEdit *m_name = nullptr;
    QLineEdit *m_phone = nullptr;
    QLineEdit *m_note = nullptr;
};
