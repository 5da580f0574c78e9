// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QVariantHash>
#include <QWidget>

namespace Core {
class CodeLists;
}

class QComboBox;
class QDateEdit;
class QLabel;

// Consent to the unit's help, as a case_person row records it: whether it was given (given,
// refused, not yet asked), on which day and how (in writing, thumbprint, spoken before a witness).
// Who gave it is the person of that row: a child's guardian, or the victim herself when of age.
// The intake uses it; a transfer of the case asks the same three questions.
class ConsentBox final : public QWidget
{
    Q_OBJECT

public:
    // `today` is the district's: a consent date is never later.
    ConsentBox(const Core::CodeLists &codes, const QString &language, QDate today, QWidget *parent = nullptr);

    // Who gives consent here, as the caseworker reads it ("the guardian", a name).
    void setGivenBy(const QString &who);
    // With nobody to ask yet (the guardian is not known), consent stays "not yet asked".
    void setNotAskedOnly(bool notAskedOnly);

    QString status() const;
    // Shows what is missing under the box; false when the answer is incomplete.
    bool check();
    // consent, consent_on and consent_method into a case_person row's fields.
    void fill(QVariantHash &link) const;
    // Shows what a saved case_person row says (to correct it); what it lacks stays as is.
    void showValues(const QVariantHash &link);

private:
    void statusChanged();

    QComboBox *m_status = nullptr;
    QLabel *m_givenBy = nullptr;
    QDateEdit *m_on = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_error = nullptr;
};
