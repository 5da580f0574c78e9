// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QDateEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

// Tindak lanjut: what needs doing by when; add one (due in a week unless changed) or mark the
// selected one done.
class FollowupsTab final : public CaseTab
{
    Q_OBJECT

public:
    FollowupsTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override { return tr("Follow-ups"); }
    void fill(const Core::CaseFile &file) override;
    QDialog *editEntry(const QString &id) override;

private:
    void addFollowup();
    void markDone();

    QTableWidget *m_table;
    QDateEdit *m_due;
    QLineEdit *m_text;
    QLabel *m_error;
};
