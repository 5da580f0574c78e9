// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/intake/intakeaddress.h"

#include <QDialog>

#include <memory>

class IntakeFields;
class QCheckBox;
class ConsentBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Core {
class Session;
struct CaseParty;
} // namespace Core

// Adds a person to a case, or corrects one and their part in it: role, relationship to the
// victim, name, sex, birth date or age, NIK, phone, address to dusun and RT/RW, and for an alleged
// perpetrator whether they still have access to the victim. Built from the intake's fields
// (IntakeFields, IntakeForm); saving goes through CaseRepository::update, one action, with the
// intake's validation; a refusal shows under the field it names and the input stays.
class PersonDialog final : public QDialog
{
    Q_OBJECT

public:
    PersonDialog(Core::Session &session, const QString &caseId, const QString &language,
                 QWidget *parent = nullptr);
    ~PersonDialog() override;

    // Shows a person of the case for correcting.
    void edit(const Core::CaseParty &party);
    bool save();

signals:
    void personSaved();

private:
    QWidget *field(const QString &key, QWidget *input);
    void buildPersonFields(QFormLayout *form);
    void buildAddressFields(QFormLayout *form);
    void roleChanged();
    bool readInput(QVariantHash &person);

    Core::Session &m_session;
    QString m_caseId;
    std::unique_ptr<IntakeFields> m_fields;
    QString m_linkId; // the link and person being corrected; empty when adding
    QString m_personId;
    QComboBox *m_role = nullptr;
    QComboBox *m_relationship = nullptr;
    QComboBox *m_access = nullptr;
    QComboBox *m_disability = nullptr;
    QComboBox *m_education = nullptr;
    QComboBox *m_occupation = nullptr;
    ConsentBox *m_consent = nullptr; // a guardian's or a victim's consent
    QLineEdit *m_name = nullptr;
    QComboBox *m_sex = nullptr;
    QLineEdit *m_birthDate = nullptr;
    QLineEdit *m_age = nullptr;
    QLineEdit *m_nik = nullptr;
    QLineEdit *m_phone = nullptr;
    IntakeAddress m_address; // as the intake asks it: one way of entering an address
    QFormLayout *m_form = nullptr;
    QLabel *m_formError = nullptr;
};
