// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/caselistpage.h"

#include "core/profile/session.h"
#include "ui/caselistmodel.h"
#include "ui/codelabels.h"
#include "ui/errortext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CaseListPage::CaseListPage(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new CaseListModel(session.codes(), session.regions(), language, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout;
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search name, NIK, case number, village or words…"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 1);
    m_status->setObjectName(u"statusFilterCombo"_s);
    CodeLabels::fill(m_status, session.codes(), u"case_status", language, tr("All statuses"));
    filters->addWidget(m_status);
    layout->addLayout(filters);

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(u"caseTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    m_count->setObjectName(u"countLabel"_s);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, &CaseListPage::refresh);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { activate(m_proxy->index(0, 0)); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &CaseListPage::refresh);
    connect(m_table, &QTableView::activated, this, &CaseListPage::activate);
    refresh();
    m_table->resizeColumnsToContents();
}

void CaseListPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CaseListPage::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit caseActivated(m_model->caseAt(m_proxy->mapToSource(index).row()).id);
}

void CaseListPage::refresh()
{
    if (!m_search->text().trimmed().isEmpty() && !m_session.searchReady()) {
        m_model->setCases({});
        m_count->setText(tr("The search is being prepared… it is ready in a moment."));
        return;
    }
    Core::CaseFilter filter;
    filter.limit = 500;
    filter.status = m_status->currentData().toString();
    const Core::Result<QList<Core::CaseSummary>> rows = m_session.search(m_search->text(), filter);
    if (!rows) {
        m_count->setText(ErrorText::message(rows.error()));
        return;
    }
    m_model->setCases(*rows);
    m_count->setText(tr("%n case(s) shown", nullptr, int(rows->size())));
}
