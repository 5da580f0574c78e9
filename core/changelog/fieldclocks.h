// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace Core {

// The per-field clocks of one row: for every field (and every element of a set field, as
// "violence_types[fisik]"), the HLC stamp and site of the write that produced its current
// value. Stored in the row's own `clocks` column, so an action writes no extra rows for them:
// "*" holds the stamp of the row's creation and applies to every scalar field not listed.
// Text form: "*=<hlc>@<site>;narrative=<hlc>@<site>;..." (stamps exceed JSON's exact integers).
class FieldClocks final
{
public:
    struct Stamp
    {
        qint64 hlc = 0;
        QString site;
    };

    static FieldClocks parse(const QString &text);
    QString toString() const;

    // The clock of a scalar field (falls back to "*"), or of a set element (no fallback:
    // an element never added has no clock).
    Stamp field(const QString &name) const;
    Stamp element(const QString &field, const QString &element) const;
    // Whether the field has a clock of its own (it was written after the row's creation).
    bool hasField(const QString &name) const { return m_stamps.contains(name); }

    void setCreated(qint64 hlc, const QString &site);
    void setField(const QString &name, qint64 hlc, const QString &site);
    void setElement(const QString &field, const QString &element, qint64 hlc, const QString &site);

    static QString elementKey(const QString &field, const QString &element);

    // Moves the stamps `stamps` of site `from` to site `to` (a site renumbered after a clone).
    // Returns whether anything changed.
    bool moveSite(const QString &from, const QString &to, const QSet<qint64> &stamps);

private:
    QHash<QString, Stamp> m_stamps;
};

} // namespace Core
