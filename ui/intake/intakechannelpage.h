// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QVariantHash>
#include <QWizardPage>

#include <optional>

namespace Core {
class Session;
}

class IntakeFields;
class QComboBox;
class QLineEdit;

// The intake's first page: how the report came in and on which day (today unless changed).
class IntakeChannelPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakeChannelPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);

    bool validatePage() override;

    // The report date as typed, when it is one.
    std::optional<QDate> reportedOn() const;
    void fillCase(QVariantHash &fields) const;

private:
    IntakeFields &m_fields;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_reportedOn = nullptr;
};
