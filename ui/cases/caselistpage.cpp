// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/caselistpage.h"

#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/cases/casesyncstate.h"
#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "ui/cases/caselistmodel.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/common/syncstatetext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int pageSize = 200;
}

CaseListPage::CaseListPage(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
    , m_model(new CaseListModel(session.codes(), session.profile().districtTime(), language, this))
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
    buildSyncFilter(filters); // beside the status: the second row has no room left at 1366 pixels
    layout->addLayout(filters);

    auto *more = new QHBoxLayout;
    m_violence = new QComboBox(this);
    m_violence->setObjectName(u"violenceFilterCombo"_s);
    CodeLabels::fill(m_violence, session.codes(), u"violence_type", language, tr("All violence types"));
    more->addWidget(m_violence);
    m_risk = new QComboBox(this);
    m_risk->setObjectName(u"riskFilterCombo"_s);
    CodeLabels::fill(m_risk, session.codes(), u"risk_level", language, tr("Any risk"));
    more->addWidget(m_risk);
    m_area = new QComboBox(this);
    m_area->setObjectName(u"areaFilterCombo"_s);
    m_area->addItem(tr("All kecamatan"), QString());
    for (const Core::Region &kecamatan : session.regions().children(session.profile().info().districtCode))
        m_area->addItem(kecamatan.name, kecamatan.code);
    more->addWidget(m_area);
    m_mine = new QCheckBox(tr("Only my cases"), this);
    m_mine->setObjectName(u"mineCheck"_s);
    more->addWidget(m_mine);
    m_overdue = new QCheckBox(tr("With overdue follow-ups"), this);
    m_overdue->setObjectName(u"overdueCheck"_s);
    more->addWidget(m_overdue);
    more->addStretch();
    layout->addLayout(more);
    buildPresetRow(layout);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CaseListModel::SortRole);
    m_table->setObjectName(u"caseTable"_s);
    m_table->setModel(m_proxy);
    // Newest number first, as the header's default put it when the number was the first column.
    m_table->horizontalHeader()->setSortIndicator(CaseListModel::Number, Qt::DescendingOrder);
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
    for (QComboBox *box : {m_status, m_violence, m_risk, m_area, m_syncFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &CaseListPage::refresh);
    for (QCheckBox *box : {m_mine, m_overdue})
        connect(box, &QCheckBox::toggled, this, &CaseListPage::refresh);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= m_table->verticalScrollBar()->maximum() - 2)
            loadMore();
    });
    connect(m_table, &QTableView::activated, this, &CaseListPage::activate);
    refresh();
    m_table->resizeColumnsToContents();
    // The violence types take what is left, so the last update is never cut off at 1366 pixels.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(CaseListModel::Violence, QHeaderView::Stretch);
}

CaseListPage::~CaseListPage()
{
    // The table's scroll bar signals while QWidget's destructor tears the table down, when this
    // object is no longer a CaseListPage (UBSan caught it): stop listening first.
    disconnect(m_table->verticalScrollBar(), nullptr, this, nullptr);
}

void CaseListPage::buildSyncFilter(QHBoxLayout *row)
{
    using Kind = Core::CaseSyncState::Kind;
    m_syncFilter = new QComboBox(this);
    m_syncFilter->setObjectName(u"syncFilterCombo"_s);
    m_syncFilter->setToolTip(tr("Show only the cases with changes not yet sent, a conflict to review or a "
                                "change the server refused"));
    m_syncFilter->addItem(tr("All sync states"), -1);
    for (const Kind kind : {Kind::Pending, Kind::Conflict, Kind::Refused})
        m_syncFilter->addItem(SyncStateText::icon(kind), SyncStateText::name(kind), int(kind));
    row->addWidget(m_syncFilter);
}

bool CaseListPage::readSyncStates()
{
    Core::CaseSyncStates reader(m_session.profile().changeLog());
    const Core::Result<QString> generation = reader.generation();
    if (!generation) {
        m_count->setText(ErrorText::message(generation.error()));
        return false;
    }
    if (*generation != m_syncGeneration) {
        Core::Result<QHash<QString, Core::CaseSyncState>> states = reader.all();
        if (!states) {
            m_count->setText(ErrorText::message(states.error()));
            return false;
        }
        m_syncStates = std::move(*states);
        m_model->setSyncStates(m_syncStates);
        m_syncGeneration = *generation;
        m_syncIdsKind = -2; // the filter's cases are read again below
    }
    const int wanted = m_syncFilter->currentData().toInt();
    if (wanted == m_syncIdsKind)
        return true;
    m_syncIds.reset();
    m_syncIdsKind = -1;
    if (wanted >= 0) {
        Core::Result<QStringList> ids = reader.casesIn(m_syncStates, Core::CaseSyncState::Kind(wanted));
        if (!ids) {
            m_count->setText(ErrorText::message(ids.error()));
            return false;
        }
        m_syncIds = std::move(*ids);
    }
    m_syncIdsKind = wanted;
    return true;
}

void CaseListPage::buildPresetRow(QVBoxLayout *layout)
{
    // A list chosen elsewhere (a tile of the home page): said above the table, with a way out.
    auto *row = new QHBoxLayout;
    m_presetLabel = new QLabel(this);
    m_presetLabel->setObjectName(u"presetLabel"_s);
    m_presetLabel->setStyleSheet(u"QLabel { background: #fff1d6; padding: 4px 8px; font-weight: bold; }"_s);
    row->addWidget(m_presetLabel, 1);
    m_presetClear = new QPushButton(tr("Show all cases"), this);
    m_presetClear->setObjectName(u"presetClearButton"_s);
    row->addWidget(m_presetClear);
    layout->addLayout(row);
    m_presetLabel->hide();
    m_presetClear->hide();
    connect(m_presetClear, &QPushButton::clicked, this, [this] { showCases({}, std::nullopt); });
}

void CaseListPage::showCases(const QString &title, std::optional<QStringList> ids)
{
    m_preset = std::move(ids);
    m_presetLabel->setText(title);
    m_presetLabel->setVisible(m_preset.has_value());
    m_presetClear->setVisible(m_preset.has_value());
    refresh();
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

Core::CaseFilter CaseListPage::filter() const
{
    Core::CaseFilter filter;
    filter.limit = pageSize;
    filter.ids = m_preset;
    if (m_syncIds && m_preset) {
        // A home page tile's list, narrowed to the cases in the chosen sync state (its order kept).
        const QSet<QString> inState(m_syncIds->cbegin(), m_syncIds->cend());
        filter.ids->removeIf([&](const QString &id) { return !inState.contains(id); });
    } else if (m_syncIds) {
        filter.ids = m_syncIds;
    }
    filter.status = m_status->currentData().toString();
    filter.violenceType = m_violence->currentData().toString();
    filter.riskLevel = m_risk->currentData().toString();
    filter.area = m_area->currentData().toString();
    if (m_mine->isChecked())
        filter.assignedUser = m_session.profile().actor().login;
    if (m_overdue->isChecked()) {
        filter.overdueOn
            = m_session.profile().districtTime().today(m_session.profile().clock()).toString(Qt::ISODate);
    }
    return filter;
}

void CaseListPage::loadMore()
{
    if (!m_more || !m_search->text().trimmed().isEmpty() || m_preset || m_syncIds)
        return;
    Core::CaseFilter next = filter();
    next.offset = m_model->rowCount();
    const Core::Result<QList<Core::CaseSummary>> rows = m_session.cases().list(next);
    if (!rows)
        return;
    m_more = rows->size() == pageSize;
    m_model->appendCases(*rows, subjectsOf(*rows));
    showCount(m_total);
}

QHash<QString, Core::CaseSubject> CaseListPage::subjectsOf(const QList<Core::CaseSummary> &rows)
{
    QStringList ids;
    ids.reserve(rows.size());
    for (const Core::CaseSummary &row : rows)
        ids << row.id;
    // Without who and where the rows are still the cases: shown with "—" rather than not at all.
    Core::Result<QHash<QString, Core::CaseSubject>> subjects = m_session.subjects().forCases(ids);
    return subjects ? *subjects : QHash<QString, Core::CaseSubject>{};
}

void CaseListPage::showCount(qint64 total)
{
    const QLocale locale(m_language);
    const int shown = m_model->rowCount();
    if (total > shown) {
        m_count->setText(tr("Showing %1 of %2 cases — narrow the search")
                             .arg(locale.toString(shown), locale.toString(total)));
    } else {
        m_count->setText(tr("%n case(s)", nullptr, shown));
    }
}

void CaseListPage::refresh()
{
    if (!m_search->text().trimmed().isEmpty() && !m_session.searchReady()) {
        m_model->setCases({}, {});
        m_count->setText(tr("The search is being prepared… it is ready in a moment."));
        return;
    }
    if (!readSyncStates()) {
        m_model->setCases({}, {});
        return;
    }
    const bool searching = !m_search->text().trimmed().isEmpty();
    Core::CaseFilter first = filter();
    if (searching)
        first.limit = 500; // ranked search results are bounded, not paged
    const Core::Result<QList<Core::CaseSummary>> rows = m_session.search(m_search->text(), first);
    if (!rows) {
        m_count->setText(ErrorText::message(rows.error()));
        return;
    }
    m_more = !searching && !m_preset && !m_syncIds && rows->size() == pageSize;
    m_model->setCases(*rows, subjectsOf(*rows));
    // Counted only when the list is capped: a short list is all there is.
    m_total = rows->size();
    if (rows->size() >= first.limit) {
        const Core::Result<qint64> total = m_session.countMatches(m_search->text(), first);
        m_total = total ? *total : m_total;
    }
    showCount(m_total);
}
