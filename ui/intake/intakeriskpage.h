// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QVariantHash>
#include <QWizardPage>

namespace Core {
class Session;
}

class IntakeFields;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;

// The intake's last page: a first risk level (required) and what keeps the victim safe now. It also
// shows an error from saving that is not about one field.
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
    // The first risk assessment: the level and the safety notes.
    QVariantHash risk() const;

private:
    IntakeFields &m_fields;
    QComboBox *m_risk = nullptr;
    QPlainTextEdit *m_safetyNotes = nullptr;
    QCheckBox *m_doNotContact = nullptr;
    QLabel *m_saveError = nullptr;
};
