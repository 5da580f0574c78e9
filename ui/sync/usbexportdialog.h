// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/sync/usbdrives.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class SyncRunner;

namespace Core {
class Profile;
}

// "Export to USB": this laptop's changes not yet sent, as a bundle on a USB stick (or in any
// folder) for the district office, where there is no connection at all. Lists the removable
// drives, proposes a file name (login, device, date and time in the district's zone), says how
// many changes will go before writing, writes through SyncClient::exportBundle and
// Sync::BundleFile (whole or nothing), then says what moved and what to do next. A full,
// read-only or pulled-out stick is a sentence; nothing is lost (the changes stay unsent until
// the office's answer is imported).
//
// Runs on the GUI thread: a day's outbox (hundreds to a few thousand changes) is sealed and
// written in well under a second, and while it runs no sync can start (SyncClient's bundle and
// network paths share the outbox and cursor, so they must never overlap).
class UsbExportDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks for a folder (a native file dialog); tests pass their own.
    using FolderChooser = std::function<QString(QWidget *parent)>;

    UsbExportDialog(Core::Profile &profile, const SyncRunner &sync, QWidget *parent = nullptr);

    // The drives offered (UsbDrive::removable() unless a test sets its own).
    void setDrives(const QList<UsbDrive> &drives);
    void setFolderChooser(FolderChooser chooser);
    // Where the bundle goes: the chosen drive or folder, and the file name.
    QString targetPath() const;

signals:
    // A bundle was written (the outbox is unchanged: it drains when the answer is imported).
    void exported(const QString &path);

private:
    void chooseFolder();
    void addDrive(const UsbDrive &drive);
    void refreshPending();
    void runExport();
    QString defaultFileName() const;
    void showResult(const QString &path, qint64 changes, bool permissionsKept);
    void showError(const QString &sentence);

    Core::Profile &m_profile;
    const SyncRunner &m_sync;
    FolderChooser m_chooser;
    QComboBox *m_drives;
    QLineEdit *m_fileName;
    QLabel *m_pending;
    QLabel *m_result;
    QPushButton *m_export;
};
