// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/casetab.h"

#include "core/cases/caserepository.h"
#include "core/clock/districttime.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/entryform.h"
#include "ui/common/uitext.h"

#include <QDate>
#include <QHeaderView>
#include <QLabel>
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
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

QString CaseTab::rowId(const QTableWidget *table)
{
    const int row = table->currentRow();
    return row < 0 || !table->item(row, 0) ? QString() : table->item(row, 0)->data(Qt::UserRole).toString();
}

RecordsTab::RecordsTab(Core::Session &session, const QString &language, const QString &title,
                       const QString &objectName, const QStringList &headers, RowsOf rows, QWidget *parent)
    : CaseTab(session, language, parent)
    , m_title(title)
    , m_table(addTable(objectName, headers))
    , m_rows(std::move(rows))
{ }

void RecordsTab::withEntryForm(const QString &entity, const QStringList &fields)
{
    addEntryForm(entity, fields);
}

void RecordsTab::fill(const Core::CaseFile &file)
{
    const Rows rows = m_rows(*this, file);
    setRows(m_table, rows.cells, rows.ids);
}
