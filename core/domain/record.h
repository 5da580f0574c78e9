// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariantHash>

namespace Core {

// One row of a replicated entity, decrypted, keyed by the field names of its EntityDef
// (core/changelog/schema.h). The schema, not a hand-written struct per table, is the single
// description of what a case, person or visit holds: the store, validation, JSON, history and
// sync all read it, so a new field is added in one place.
struct Record
{
    QString entity;
    QString id;
    QString caseId; // for case children; empty otherwise
    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;
    bool deleted = false;
    QVariantHash fields; // absent or null = not set

    QVariant value(const QString &field) const { return fields.value(field); }
    QString text(const QString &field) const { return fields.value(field).toString(); }
};

} // namespace Core
