// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/record.h"

#include <QDialog>
#include <QList>

namespace Core {
class Session;
}

// A read-only view of an entry of a case file (a person and their part in the case, a visit, a
// referral, a note): every field of its schema entity with its label, codes by their labels,
// dates and times in the district's zone, long text wrapped and shown in full. One dialog for
// every kind of entry, driven by the schema; it writes nothing.
class RecordDetail final : public QDialog
{
    Q_OBJECT

public:
    // The records shown one after another, each under its entity's name.
    RecordDetail(const Core::Session &session, const QList<Core::Record> &records, const QString &language,
                 QWidget *parent = nullptr);

    // The text shown for a field of the first record of `entity` (tests, screen readers).
    QString shownValue(const QString &entity, const QString &field) const;

private:
    QWidget *section(const Core::Record &record);

    const Core::Session &m_session;
    QString m_language;
};
