// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/historytab.h"

#include "core/cases/caserepository.h"
#include "core/changelog/historyreader.h"
#include "core/profile/session.h"

#include <QTableWidget>

using namespace Qt::StringLiterals;

HistoryTab::HistoryTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_table(addTable(u"historyTable"_s, {tr("When"), tr("Who"), tr("What"), tr("Field"), tr("Value")}))
{ }

QString HistoryTab::title() const
{
    return tr("History");
}

void HistoryTab::fill(const Core::CaseFile &)
{
    QList<QStringList> rows;
    const auto entries = session().history().forCase(caseId());
    if (entries) {
        for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
            if (it->op == u"create")
                continue;
            rows.append(
                {when(it->atMs), it->author, it->entity, it->field,
                 it->value.typeId() == QMetaType::QVariantMap ? tr("(location)") : it->value.toString()});
        }
    }
    setRows(m_table, rows);
}
