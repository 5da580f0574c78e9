// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/caselistmodel.h"

#include "core/codes/codelists.h"
#include "ui/common/codelabels.h"
#include "ui/common/subjecttext.h"
#include "ui/common/syncstatetext.h"
#include "ui/common/uitext.h"

#include <QDate>
#include <QLocale>

using namespace Qt::StringLiterals;

CaseListModel::CaseListModel(const Core::CodeLists &codes, Core::DistrictTime time, QString language,
                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_codes(codes)
    , m_time(time)
    , m_language(std::move(language))
{
    using Kind = Core::CaseSyncState::Kind;
    for (const Kind kind : {Kind::Synced, Kind::Pending, Kind::Conflict, Kind::Refused})
        m_syncIcons.at(std::size_t(kind)) = SyncStateText::icon(kind);
}

void CaseListModel::setCases(QList<Core::CaseSummary> cases,
                             const QHash<QString, Core::CaseSubject> &subjects)
{
    beginResetModel();
    m_cases = std::move(cases);
    m_subjects = subjects;
    endResetModel();
}

void CaseListModel::appendCases(const QList<Core::CaseSummary> &cases,
                                const QHash<QString, Core::CaseSubject> &subjects)
{
    if (cases.isEmpty())
        return;
    beginInsertRows({}, int(m_cases.size()), int(m_cases.size() + cases.size() - 1));
    m_cases.append(cases);
    m_subjects.insert(subjects);
    endInsertRows();
}

void CaseListModel::setSyncStates(QHash<QString, Core::CaseSyncState> states)
{
    m_sync = std::move(states);
    if (!m_cases.isEmpty())
        emit dataChanged(index(0, SyncState), index(int(m_cases.size()) - 1, SyncState));
}

QVariant CaseListModel::syncData(int row, int role) const
{
    const Core::CaseSyncState state = m_sync.value(m_cases.at(row).id);
    switch (role) {
    case Qt::DecorationRole:
        return m_syncIcons.at(std::size_t(state.kind()));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return SyncStateText::sentence(state);
    case SortRole: // what needs a person sorts last in ascending order, as risk does
    case SyncKindRole:
        return int(state.kind());
    default:
        return {};
    }
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cases.size());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaseListModel::label(QStringView list, const QString &code) const
{
    return CodeLabels::label(m_codes, list, code, m_language);
}

QVariant CaseListModel::display(int row, int column) const
{
    const Core::CaseSummary &c = m_cases.at(row);
    const Core::CaseSubject subject = m_subjects.value(c.id);
    switch (column) {
    case Number:
        return c.number;
    case Who:
        return SubjectText::who(subject);
    case Where:
        return SubjectText::where(subject);
    case Violence:
        return CodeLabels::labels(m_codes, u"violence_type", c.violenceTypes, m_language);
    case Status:
        return label(u"case_status", c.status);
    case Risk:
        return c.riskLevel.isEmpty() ? SubjectText::empty() : label(u"risk_level", c.riskLevel);
    case Updated:
        return UiText::date(m_time.date(c.updatedAt), QLocale(m_language));
    default:
        return {};
    }
}

QVariant CaseListModel::sortKey(int row, int column) const
{
    const Core::CaseSummary &c = m_cases.at(row);
    switch (column) {
    case Risk: {
        // Most urgent last in ascending order, as the code list orders the levels.
        static const QStringList levels{u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};
        return int(levels.indexOf(c.riskLevel));
    }
    case Updated:
        return c.updatedAt;
    default:
        return display(row, column);
    }
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cases.size())
        return {};
    if (index.column() == SyncState)
        return syncData(index.row(), role);
    if (role == Qt::DisplayRole)
        return display(index.row(), index.column());
    if (role == SortRole)
        return sortKey(index.row(), index.column());
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole && section != SyncState)
        return {};
    switch (section) {
    case SyncState:
        // An icon column: its header is an icon's width, its name a tooltip.
        return role == Qt::ToolTipRole ? tr("Sync state") : QVariant();
    case Number:
        return tr("Case number");
    case Who:
        return tr("Victim");
    case Where:
        return tr("Village, kecamatan");
    case Violence:
        return tr("Violence type");
    case Status:
        return tr("Status");
    case Risk:
        return tr("Risk");
    case Updated:
        return tr("Last update");
    default:
        return {};
    }
}
