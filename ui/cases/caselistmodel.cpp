// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/caselistmodel.h"

#include "core/codes/codelists.h"
#include "core/regions/regionindex.h"
#include "ui/common/codelabels.h"

#include <QDate>
#include <QLocale>

using namespace Qt::StringLiterals;

CaseListModel::CaseListModel(const Core::CodeLists &codes, const Core::RegionIndex &regions, QString language,
                             QObject *parent)
    : QAbstractTableModel(parent)
    , m_codes(codes)
    , m_regions(regions)
    , m_language(std::move(language))
{ }

void CaseListModel::setCases(QList<Core::CaseSummary> cases)
{
    beginResetModel();
    m_cases = std::move(cases);
    endResetModel();
}

void CaseListModel::appendCases(const QList<Core::CaseSummary> &cases)
{
    if (cases.isEmpty())
        return;
    beginInsertRows({}, int(m_cases.size()), int(m_cases.size() + cases.size() - 1));
    m_cases.append(cases);
    endInsertRows();
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

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cases.size() || role != Qt::DisplayRole)
        return {};
    const Core::CaseSummary &row = m_cases.at(index.row());
    switch (index.column()) {
    case Number:
        return row.number;
    case Reported:
        return QLocale(m_language)
            .toString(QDate::fromString(row.reportedOn, Qt::ISODate), QLocale::ShortFormat);
    case Status:
        return label(u"case_status", row.status);
    case Risk:
        return row.riskLevel.isEmpty() ? QString() : label(u"risk_level", row.riskLevel);
    case Violence:
        return CodeLabels::labels(m_codes, u"violence_type", row.violenceTypes, m_language);
    case Village: {
        const std::optional<Core::Region> region = m_regions.find(row.incidentRegion);
        return region ? region->name : QString();
    }
    default:
        return {};
    }
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number:
        return tr("Case number");
    case Reported:
        return tr("Reported");
    case Status:
        return tr("Status");
    case Risk:
        return tr("Risk");
    case Violence:
        return tr("Violence type");
    case Village:
        return tr("Village");
    default:
        return {};
    }
}
