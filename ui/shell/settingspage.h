// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class SyncRunner;

namespace Core {
class Profile;
class Settings;
} // namespace Core

// Pengaturan: interface language (Indonesian by default), idle lock and GPS source, the
// district server (enrolling this laptop with a one-time code, then what it is enrolled as) and
// automatic sync.
// Values are written to the profile's settings at once; the language applies at the next start.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(Core::Settings &settings, Core::Profile &profile, SyncRunner &sync,
                 QWidget *parent = nullptr);

    // Shows the enrollment form, or what this laptop is enrolled as.
    void refreshServer();

private:
    QWidget *buildPreferences(Core::Settings &settings);
    QWidget *buildServerGroup();
    QWidget *buildSyncOptions(Core::Settings &settings);
    QWidget *buildEnrollForm(QWidget *parent);
    QWidget *buildEnrolledInfo(QWidget *parent);
    void connectServer();
    void enroll();

    Core::Profile &m_profile;
    SyncRunner &m_sync;
    QWidget *m_enrollForm = nullptr;
    QWidget *m_enrolledInfo = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QPushButton *m_enrollButton = nullptr;
    QLabel *m_enrollError = nullptr;
    QLabel *m_server = nullptr;
    QLabel *m_login = nullptr;
    QLabel *m_device = nullptr;
    QLabel *m_fingerprint = nullptr;
    bool m_enrolling = false;
};
