// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QTableWidget;

// The case's field-level history (Riwayat), newest first: when, who, which record, which field
// and what it became, read from the change log that sync sends.
class HistoryTab final : public CaseTab
{
    Q_OBJECT

public:
    HistoryTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override;
    void fill(const Core::CaseFile &file) override;

private:
    QTableWidget *m_table;
};
