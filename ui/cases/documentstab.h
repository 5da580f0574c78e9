// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QLabel;
class QTableWidget;

// Dokumen: files kept encrypted in the profile; a decrypted copy exists only where the user saves
// one.
class DocumentsTab final : public CaseTab
{
    Q_OBJECT

public:
    DocumentsTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override { return tr("Documents"); }
    void fill(const Core::CaseFile &file) override;

    // Attaches a file (encrypted into the profile); the "Attach file…" button asks for the path.
    bool attachFile(const QString &path);
    // Writes a decrypted copy of an attachment where the user chose; nothing else decrypts to disk.
    bool saveAttachmentTo(const QString &attachmentId, const QString &path);

private:
    void saveSelectedCopy();

    QTableWidget *m_table;
    QLabel *m_error;
};
