// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/client/syncclient.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class SyncRunner;

namespace Core {
class Profile;
}

// "Import from USB": the district office's answer to this laptop's bundle (the office's
// verdicts on the changes it carried, and the team's changes since), from a USB stick. Reads the
// file through Sync::BundleFile (size limit), imports it through SyncClient::importBundle (every
// page checked before anything is applied), then says what moved: changes the office received,
// changes from the team, conflicts, refusals, cases removed. A file for another laptop, cut
// short, altered, not a bundle at all, or imported already is refused with its own sentence
// (ErrorText::bundleMessage) and changes nothing.
//
// Runs on the GUI thread, like the export: no sync may overlap it, and an answer to a day's
// bundle applies in about a second.
class UsbImportDialog final : public QDialog
{
    Q_OBJECT

public:
    // Asks for the answer file (a native file dialog); tests pass their own.
    using FileChooser = std::function<QString(QWidget *parent)>;

    UsbImportDialog(Core::Profile &profile, const SyncRunner &sync, QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser);
    // The file to import (as if chosen).
    void setFile(const QString &path);

signals:
    // The answer was applied: the pages showing cases should read them again.
    void imported(const Sync::SyncSummary &summary);

private:
    void chooseFile();
    void runImport();
    void showResult(const Sync::SyncSummary &summary);
    void showError(const QString &sentence);

    Core::Profile &m_profile;
    const SyncRunner &m_sync;
    FileChooser m_chooser;
    QLineEdit *m_file;
    QLabel *m_result;
    QPushButton *m_import;
};
