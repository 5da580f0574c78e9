// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/intake/intakeaddress.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QWizardPage>

#include <memory>
#include <optional>

namespace Core {
class NikValidator;
class Session;
struct NikCheck;
struct PartyInput;
} // namespace Core

class IntakeFields;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class RegionPicker;

// The victims of the case, one tab each (up to five). Name or NIK is needed; the NIK is checked as
// it is typed, and earlier cases that may concern the same person are pointed out without blocking.
class IntakeVictimPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    // What the victims tell about the typing of the case on a given day.
    struct Groups
    {
        bool child = false; // a victim under 18
        bool woman = false; // a woman of 18 or more
    };

    IntakeVictimPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);
    ~IntakeVictimPage() override;

    bool validatePage() override;

    int count() const { return int(m_victims.size()); }
    // Each victim's name as typed (or "Victim N"), in tab order.
    QStringList names() const;
    // Adds victim tabs until there are `n` (resuming a draft).
    void ensureCount(int n);
    // Victim `index` as a party of the case.
    Core::PartyInput party(int index) const;
    // A translated sentence for the first problem of victim `index`'s NIK, or empty.
    QString nikProblem(int index) const;
    // The age of each victim comes from the birth date, else from the NIK, else from the estimate;
    // a victim of unknown age counts in neither group.
    Groups groups(QDate reference) const;
    // The first victim under 18 on `reference` (by position), or -1.
    int firstChild(QDate reference) const;
    // The first victim's village, when one is chosen: other villages of the case default to it.
    QString village() const;

private:
    struct VictimForm
    {
        QWidget *tab = nullptr;
        QLineEdit *name = nullptr;
        QLineEdit *nik = nullptr;
        QComboBox *sex = nullptr;
        QLineEdit *birthDate = nullptr;
        QLineEdit *age = nullptr;
        QComboBox *disability = nullptr;
        QComboBox *education = nullptr;
        IntakeAddress address;
        QLineEdit *phone = nullptr;
        QLabel *match = nullptr;
        QTimer *matchTimer = nullptr;
    };

    void addVictim();
    void removeVictim();
    // Shows the NIK's problem under it; false when the NIK cannot be saved. While digits are still
    // being typed (`finalCheck` false), a short NIK is progress, not an error.
    bool checkNik(int index, bool finalCheck = false);
    Core::NikCheck checkOf(const VictimForm &v) const;
    // From the birth date, else the NIK, else the estimate; nothing when none is given.
    std::optional<int> ageOf(const VictimForm &v, QDate reference) const;
    // A translated sentence for the first problem of a NIK; `block` says whether it stops saving.
    QString nikProblem(const Core::NikCheck &check, const QString &typed, bool *block) const;
    void findMatches(int index);

    IntakeFields &m_fields;
    Core::Session &m_session;
    std::unique_ptr<Core::NikValidator> m_nik;
    QString m_scope; // the profile's regency: pickers start there
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_remove = nullptr;
    QList<VictimForm> m_victims;
};
