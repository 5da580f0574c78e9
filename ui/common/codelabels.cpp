// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/codelabels.h"

#include "core/codes/codelists.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace CodeLabels {

QString label(const Core::CodeLists &codes, QStringView list, const QString &code, const QString &language)
{
    const std::optional<Core::CodeItem> item = codes.item(list, code);
    return item ? item->label(language) : code;
}

QString labels(const Core::CodeLists &codes, QStringView list, const QStringList &codes_,
               const QString &language)
{
    QStringList out;
    for (const QString &code : codes_)
        out << label(codes, list, code, language);
    return out.join(u", "_s);
}

void fill(QComboBox *box, const Core::CodeLists &codes, QStringView list, const QString &language,
          const QString &emptyText)
{
    box->clear();
    if (!emptyText.isNull())
        box->addItem(emptyText, QString());
    for (const Core::CodeItem &item : codes.items(list))
        box->addItem(item.label(language), item.code);
}

} // namespace CodeLabels
