// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

class QWidget;

// The values of a form's named inputs as JSON (objectName → value), for drafts: line and text
// edits, combo boxes (their code data when set), check boxes, checkable lists, date edits and
// region pickers. Unnamed widgets and Qt's internal ones are left alone.
namespace FormState {

QJsonObject capture(const QWidget *form);
void restore(QWidget *form, const QJsonObject &state);

} // namespace FormState
