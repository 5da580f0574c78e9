// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

#include <QHash>

class QLabel;
class QTableWidget;

namespace Core {
struct HistoryEntry;
}

// The case's field-level history (Riwayat), newest first, in words a caseworker reads: when (in
// the district's zone), who, which record ("Kunjungan"), which field (its label) and what it
// became (code labels, dates, names; a set's element added or removed). Read from the change
// log that sync sends, decrypted.
class HistoryTab final : public CaseTab
{
    Q_OBJECT

public:
    HistoryTab(Core::Session &session, const QString &language, QWidget *parent);

    QString title() const override;
    void fill(const Core::CaseFile &file) override;

    // One change as the table shows it: when, who, record, field, change. `people` names the
    // persons an id field points at.
    QStringList describe(const Core::HistoryEntry &entry, const QHash<QString, QString> &people) const;

private:
    QString change(const Core::HistoryEntry &entry, const QHash<QString, QString> &people) const;

    QTableWidget *m_table;
    QLabel *m_error;
};
