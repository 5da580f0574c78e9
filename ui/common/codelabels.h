// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Core {
class CodeLists;
}

class QComboBox;

// Code lists in the UI language: the one way widgets show and pick codes. Labels come from the
// versioned code lists (resources/codes), never from tr().
namespace CodeLabels {

QString label(const Core::CodeLists &codes, QStringView list, const QString &code, const QString &language);
QString labels(const Core::CodeLists &codes, QStringView list, const QStringList &codes_,
               const QString &language);
// Fills a combo box with the list's items (label shown, code as item data); `emptyText`, when
// given, adds a first item with no code.
void fill(QComboBox *box, const Core::CodeLists &codes, QStringView list, const QString &language,
          const QString &emptyText = {});

} // namespace CodeLabels
