// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Core {
class Profile;
class RegionIndex;
} // namespace Core

// The door to a profile. Unlock: user and passphrase (a wrong one says so and lets the user
// try again). Lock (by hand) and IdleLock (after inactivity): the screen lock, which only checks
// the passphrase and keeps the open work, and says which of the two locked it. A training
// profile is marked as such.
class UnlockDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Unlock, Lock, IdleLock };

    UnlockDialog(Core::Profile &profile, Mode mode, QWidget *parent = nullptr);

    // The screen lock cannot be dismissed with Escape or the window's close button.
    void reject() override;

private:
    static QString introText(Mode mode);
    void attempt();

    Core::Profile &m_profile;
    Mode m_mode;
    QLineEdit *m_login;
    QLineEdit *m_passphrase;
    QLabel *m_error;
};
