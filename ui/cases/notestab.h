// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QLabel;
class QPlainTextEdit;
class QTableWidget;

// Catatan: the case notes, newest written last, and a box for a new one (Ctrl+Enter saves).
class NotesTab final : public CaseTab
{
    Q_OBJECT

public:
    NotesTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override { return tr("Notes"); }
    void fill(const Core::CaseFile &file) override;
    QDialog *editEntry(const QString &id) override;

private:
    void addNote();

    QTableWidget *m_notes;
    QPlainTextEdit *m_edit;
    QLabel *m_error;
};
