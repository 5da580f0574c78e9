// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Core {
class Session;
}

// Names of replicated fields and their values as a person reads them, for conflict review:
// the field's label in the UI language, and a stored value (ValueCodec bytes) shown with code
// labels, local dates and region names instead of raw codes.
class FieldLabels final
{
    Q_DECLARE_TR_FUNCTIONS(FieldLabels)

public:
    // "Narrative", or "Person: Name" for a field outside the case record itself.
    static QString field(const QString &entity, const QString &field);
    static QString value(const Core::Session &session, const QString &entity, const QString &field,
                         const std::optional<QByteArray> &bytes, const QString &language);
    // What kind of disagreement a conflict record is (concurrent, safety, status, ...).
    static QString conflictKind(const QString &kind);
};
