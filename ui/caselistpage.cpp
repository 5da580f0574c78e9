// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/caselistwindow.h"

#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/caselistmodel.h"
#include "ui/errortext.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CaseListWindow::CaseListWindow(Core::Session &session, const QString &language, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_model(new CaseListModel(session.codes(), session.regions(), language, this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    const bool training = session.profile().info().training;
    setWindowTitle(training ? tr("Dampingi — TRAINING profile") : tr("Dampingi"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    if (training) {
        auto *banner = new QLabel(tr("Training profile: practice data only, never real cases."), central);
        banner->setObjectName(u"trainingBanner"_s);
        banner->setStyleSheet(u"background:#8a4b00;color:white;padding:6px;font-weight:bold"_s);
        layout->addWidget(banner);
    }
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search name, NIK, case number, village or words…"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    m_table->setObjectName(u"caseTable"_s);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    setCentralWidget(central);
    m_count->setObjectName(u"countLabel"_s);
    statusBar()->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, &CaseListWindow::refresh);
    refresh();
    m_table->resizeColumnsToContents();
}

void CaseListWindow::refresh()
{
    Core::CaseFilter filter;
    filter.limit = 500;
    const Core::Result<QList<Core::CaseSummary>> rows = m_session.search(m_search->text(), filter);
    if (!rows) {
        m_count->setText(ErrorText::message(rows.error()));
        return;
    }
    m_model->setCases(*rows);
    m_count->setText(tr("%n case(s) shown", nullptr, int(rows->size())));
}
