// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Core {
class Clock;
class Profile;
class RegionIndex;
} // namespace Core

// First run: creates a profile in a folder (district, user, role, passphrase twice, real or
// training). The passphrase is never stored; it wraps the new profile's key.
class CreateProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    CreateProfileDialog(const QString &directory, const Core::RegionIndex &regions, const Core::Clock &clock,
                        QWidget *parent = nullptr);
    ~CreateProfileDialog() override;

    // The created profile (unlocked), once accepted.
    std::unique_ptr<Core::Profile> takeProfile();

private:
    void create();
    void fillRegencies();

    QString m_directory;
    const Core::RegionIndex &m_regions;
    const Core::Clock &m_clock;
    QComboBox *m_province;
    QComboBox *m_regency;
    QLineEdit *m_login;
    QComboBox *m_role;
    QLineEdit *m_passphrase;
    QLineEdit *m_repeat;
    QCheckBox *m_training;
    QLabel *m_error;
    std::unique_ptr<Core::Profile> m_profile;
};
