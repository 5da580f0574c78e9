// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/historytab.h"

#include "core/cases/caserepository.h"
#include "core/changelog/historyreader.h"
#include "core/changelog/schema.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"
#include "ui/common/fieldlabels.h"
#include "ui/common/uitext.h"

#include <QLabel>
#include <QTableWidget>

using namespace Qt::StringLiterals;

HistoryTab::HistoryTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_table(addTable(u"historyTable"_s, {tr("When"), tr("Who"), tr("Record"), tr("Field"), tr("Change")}))
    , m_error(addErrorLabel(u"historyError"_s))
{ }

QString HistoryTab::title() const
{
    return tr("History");
}

void HistoryTab::fill(const Core::CaseFile &file)
{
    QHash<QString, QString> people;
    for (const Core::CaseParty &party : file.parties)
        people.insert(party.person.id, party.person.text(u"name"_s));
    QList<QStringList> rows;
    const Core::Result<QList<Core::HistoryEntry>> entries = session().history().forCase(caseId());
    if (!entries) {
        showError(m_error, ErrorText::message(entries.error()));
    } else {
        m_error->hide();
        // Newest first. A record's creation is followed by one change per field it was written
        // with, so the marker itself says nothing more.
        for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
            if (it->op != u"create")
                rows.append(describe(*it, people));
        }
    }
    setRows(m_table, rows);
}

QStringList HistoryTab::describe(const Core::HistoryEntry &entry, const QHash<QString, QString> &people) const
{
    const QString field = FieldLabels::name(entry.field);
    return {when(entry.atMs), UiText::orEmpty(entry.author), FieldLabels::entity(entry.entity),
            field.isEmpty() ? entry.field : field, change(entry, people)};
}

QString HistoryTab::change(const Core::HistoryEntry &entry, const QHash<QString, QString> &people) const
{
    const Core::EntityDef *entity = Core::Schema::entity(entry.entity);
    const Core::FieldDef *field = entity ? entity->field(entry.field) : nullptr;
    if (!field)
        return UiText::orEmpty(entry.value.toString());
    if (entry.op == u"add" || entry.op == u"remove") {
        // One element of a set (a violence type, a case type), as a label.
        const QString element = field->type == Core::ValueType::Code
                                  ? label(field->codeList, entry.value.toString())
                                  : entry.value.toString();
        return entry.op == u"add" ? tr("added: %1").arg(element) : tr("removed: %1").arg(element);
    }
    if (field->type == Core::ValueType::Id)
        return UiText::orEmpty(people.value(entry.value.toString()));
    return FieldLabels::shown(session(), *field, entry.value, language());
}
