// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/changelog/schema.h"

#include <QByteArray>
#include <QVariant>

namespace Core::ValueCodec {

// Canonical byte encoding of a field value: what is encrypted into sensitive columns and into
// change-log values. Text is UTF-8, numbers are decimal, sets and JSON are compact JSON.
// A null QVariant encodes to a null QByteArray.
QByteArray encode(const FieldDef &field, const QVariant &value);
QVariant decode(const FieldDef &field, const QByteArray &bytes);

// The value as bound to a plain (unencrypted) column, and back.
QVariant toColumn(const FieldDef &field, const QVariant &value);
QVariant fromColumn(const FieldDef &field, const QVariant &column);

// Whether two values of this field are the same (sets compare as sets).
bool same(const FieldDef &field, const QVariant &a, const QVariant &b);

} // namespace Core::ValueCodec
