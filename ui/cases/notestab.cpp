// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/notestab.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NotesTab::NotesTab(Core::Session &session, const QString &language, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_notes(addTable(u"noteTable"_s, {tr("Written"), tr("By"), tr("Note")}))
    , m_edit(new QPlainTextEdit(this))
{
    addRecordActions(m_notes);
    m_edit->setObjectName(u"noteEdit"_s);
    m_edit->setPlaceholderText(tr("Write a note…"));
    m_edit->setMaximumHeight(90);
    column()->addWidget(m_edit);
    m_error = addErrorLabel(u"bodyError"_s);
    auto *save = new QPushButton(tr("Save note"), this);
    save->setObjectName(u"saveNoteButton"_s);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    column()->addWidget(save);
    column()->setAlignment(save, Qt::AlignRight);
    connect(save, &QPushButton::clicked, this, &NotesTab::addNote);
}

void NotesTab::fill(const Core::CaseFile &file)
{
    QList<QStringList> rows;
    QStringList ids;
    for (const Core::Record &n : file.children.value(u"note"_s)) {
        rows.append({when(n.value(u"written_at"_s).toLongLong()), n.createdBy, n.text(u"body"_s)});
        ids << n.id;
    }
    setRows(m_notes, rows, ids);
}

void NotesTab::addNote()
{
    m_error->hide();
    const Core::Result<Core::Record> note
        = m_session.activities().add(u"note", m_caseId, {{u"body"_s, m_edit->toPlainText()}});
    if (!note) {
        showError(m_error, ErrorText::message(note.error()));
        return;
    }
    m_edit->clear();
    emit changed();
}

QDialog *NotesTab::editEntry(const QString &id)
{
    const std::optional<Core::Record> record = findEntry(id);
    return record ? openEntryEditor(*record, {u"body"_s}) : nullptr;
}
