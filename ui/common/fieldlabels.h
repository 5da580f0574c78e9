// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

namespace Core {
class Session;
struct FieldDef;
} // namespace Core

// Names of replicated fields and their values as a person reads them, for conflict review:
// the field's label in the UI language, and a stored value (ValueCodec bytes) shown with code
// labels, local dates and region names instead of raw codes.
class FieldLabels final
{
    Q_DECLARE_TR_FUNCTIONS(FieldLabels)

public:
    // "Narrative", or "Person: Name" for a field outside the case record itself; a field
    // without a label is shown by its id.
    static QString field(const QString &entity, const QString &field);
    // The same label, or an empty string for a field without one (never the raw id).
    static QString known(const QString &entity, const QString &field);
    // The field's own label without its entity ("Name"), or empty for a field without one.
    static QString name(const QString &field);
    // What a kind of record is called ("Visit", "Person in the case"); the id for an unknown one.
    static QString entity(const QString &entity);
    static QString value(const Core::Session &session, const QString &entity, const QString &field,
                         const std::optional<QByteArray> &bytes, const QString &language);
    // A decoded value of `field` (ValueCodec::decode, the history's values), shown the same way;
    // a missing value is UiText::empty().
    static QString shown(const Core::Session &session, const Core::FieldDef &field, const QVariant &value,
                         const QString &language);
    // What kind of disagreement a conflict record is (concurrent, safety, status, ...).
    static QString conflictKind(const QString &kind);

private:
    static QHash<QString, QString> fieldNames();
};
