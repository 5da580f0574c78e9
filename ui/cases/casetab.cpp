// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/casetab.h"

#include "core/cases/caserepository.h"
#include "core/clock/districttime.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/entryform.h"
#include "ui/common/fieldlabels.h"
#include "ui/common/recorddetail.h"
#include "ui/common/uitext.h"

#include <QAction>
#include <QDate>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CaseTab::CaseTab(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
{
    new QVBoxLayout(this);
}

void CaseTab::open(const QString &caseId)
{
    m_caseId = caseId;
    for (EntryForm *form : std::as_const(m_forms))
        form->setCaseId(caseId);
    for (QLabel *error : findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
        if (error->property("errorLabel").toBool())
            error->hide();
    }
    if (caseId.isEmpty()) { // closed: nothing of the last case stays on screen
        for (QTableWidget *table : findChildren<QTableWidget *>())
            table->setRowCount(0);
    }
}

QVBoxLayout *CaseTab::column() const
{
    return static_cast<QVBoxLayout *>(layout());
}

QString CaseTab::label(QStringView list, const QString &code) const
{
    return code.isEmpty() ? QString() : CodeLabels::label(m_session.codes(), list, code, m_language);
}

QString CaseTab::when(qint64 ms) const
{
    return m_session.profile().districtTime().display(ms, QLocale(m_language));
}

QString CaseTab::date(const QString &iso, QLocale::FormatType format) const
{
    if (iso.isEmpty())
        return {};
    const QDate day = QDate::fromString(iso, Qt::ISODate);
    // The short form with a four-digit year; the long form writes the year whole already.
    return format == QLocale::ShortFormat ? UiText::date(day, QLocale(m_language))
                                          : QLocale(m_language).toString(day, format);
}

QTableWidget *CaseTab::addTable(const QString &objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), this);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    column()->addWidget(table, 1);
    return table;
}

EntryForm *CaseTab::addEntryForm(const QString &entity, const QStringList &fields)
{
    auto *form = new EntryForm(m_session, entity, fields, m_language, this);
    column()->addWidget(form);
    m_forms << form;
    connect(form, &EntryForm::saved, this, &CaseTab::changed);
    return form;
}

QLabel *CaseTab::addErrorLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setProperty("errorLabel", true);
    label->setStyleSheet(u"color: #b01c1c"_s);
    label->setWordWrap(true);
    label->hide();
    column()->addWidget(label);
    return label;
}

void CaseTab::showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->show();
}

void CaseTab::setRows(QTableWidget *table, const QList<QStringList> &rows, const QStringList &ids)
{
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < table->columnCount(); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
        if (r < ids.size() && table->item(r, 0))
            table->item(r, 0)->setData(Qt::UserRole, ids.at(r));
    }
    // The last column (free text, mostly) takes the rest of the width, every time: sizing it to
    // its contents on a refresh would leave it narrow.
    const int last = table->columnCount() - 1;
    for (int c = 0; c < last; ++c)
        table->resizeColumnToContents(c);
    if (last >= 0)
        table->horizontalHeader()->setSectionResizeMode(last, QHeaderView::Stretch);
}

QString CaseTab::rowId(const QTableWidget *table)
{
    const int row = table->currentRow();
    return row < 0 || !table->item(row, 0) ? QString() : table->item(row, 0)->data(Qt::UserRole).toString();
}

QHBoxLayout *CaseTab::addRecordActions(QTableWidget *table)
{
    const QString name = table->objectName();
    auto *detail = new QAction(tr("View details"), table);
    auto *edit = new QAction(tr("Edit…"), table);
    table->addAction(detail);
    table->addAction(edit);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(detail, &QAction::triggered, this, [this, table] {
        if (const QString id = rowId(table); !id.isEmpty())
            showDetail(id);
    });
    connect(edit, &QAction::triggered, this, [this, table] {
        if (const QString id = rowId(table); !id.isEmpty())
            editEntry(id);
    });
    connect(table, &QTableWidget::cellDoubleClicked, this, [this, table](int row) {
        if (const QTableWidgetItem *item = table->item(row, 0))
            showDetail(item->data(Qt::UserRole).toString());
    });
    auto *row = new QHBoxLayout;
    row->addStretch();
    const auto button = [&](QAction *action, const QString &suffix) {
        auto *b = new QPushButton(action->text(), this);
        b->setObjectName(name + suffix);
        connect(b, &QPushButton::clicked, action, &QAction::trigger);
        row->addWidget(b);
    };
    button(detail, u"DetailButton"_s);
    button(edit, u"EditButton"_s);
    column()->insertLayout(column()->indexOf(table) + 1, row);
    return row;
}

std::optional<Core::Record> CaseTab::findEntry(const QString &id) const
{
    const Core::Result<Core::CaseFile> file = m_session.cases().load(m_caseId);
    if (!file || id.isEmpty())
        return std::nullopt;
    for (const QList<Core::Record> &records : file->children) {
        for (const Core::Record &record : records) {
            if (record.id == id)
                return record;
        }
    }
    return std::nullopt;
}

QDialog *CaseTab::showDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

RecordDetail *CaseTab::showDetail(const QString &id)
{
    const std::optional<Core::Record> record = findEntry(id);
    if (!record)
        return nullptr;
    auto *detail = new RecordDetail(m_session, {*record}, m_language, this);
    showDialog(detail);
    return detail;
}

QDialog *CaseTab::editEntry(const QString &)
{
    return nullptr;
}

QDialog *CaseTab::openEntryEditor(const Core::Record &record, const QStringList &fields)
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"entryEditDialog"_s);
    //: The title of the dialog that corrects an entry, e.g. "Edit: Follow-up".
    dialog->setWindowTitle(tr("Edit: %1").arg(FieldLabels::entity(record.entity)));
    auto *form = new EntryForm(m_session, record.entity, fields, m_language, dialog);
    form->edit(record);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(form);
    auto *cancel = new QPushButton(tr("Cancel"), dialog);
    cancel->setObjectName(u"cancelEditButton"_s);
    layout->addWidget(cancel, 0, Qt::AlignLeft);
    connect(cancel, &QPushButton::clicked, dialog, &QDialog::reject);
    connect(form, &EntryForm::saved, dialog, [this, dialog] {
        dialog->accept();
        emit changed();
    });
    dialog->resize(fontMetrics().averageCharWidth() * 80, dialog->sizeHint().height());
    return showDialog(dialog);
}

RecordsTab::RecordsTab(Core::Session &session, const QString &language, const QString &title,
                       const QString &objectName, const QStringList &headers, RowsOf rows, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_title(title)
    , m_table(addTable(objectName, headers))
    , m_rows(std::move(rows))
{ }

EntryForm *RecordsTab::withEntryForm(const QString &entity, const QStringList &fields)
{
    return addEntryForm(entity, fields);
}

void RecordsTab::withEditing(const QStringList &fields)
{
    withEditing([this, fields](const Core::Record &record) { return openEntryEditor(record, fields); });
}

void RecordsTab::withEditing(std::function<QDialog *(const Core::Record &)> editor)
{
    m_editor = std::move(editor);
    addRecordActions(m_table);
}

QDialog *RecordsTab::editEntry(const QString &id)
{
    const std::optional<Core::Record> record = findEntry(id);
    return record && m_editor ? m_editor(*record) : nullptr;
}

void RecordsTab::fill(const Core::CaseFile &file)
{
    const Rows rows = m_rows(*this, file);
    setRows(m_table, rows.cells, rows.ids);
}
