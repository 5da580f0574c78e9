// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/caserepository.h"

#include <QAbstractTableModel>

namespace Core {
class CodeLists;
class RegionIndex;
} // namespace Core

// Cases as rows (number, reported, status, risk, violence types, village), labels from the
// code lists in the UI language. Holds summaries only: nothing decrypted.
class CaseListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Reported, Status, Risk, Violence, Village, ColumnCount };

    CaseListModel(const Core::CodeLists &codes, const Core::RegionIndex &regions, QString language,
                  QObject *parent = nullptr);

    void setCases(QList<Core::CaseSummary> cases);
    void appendCases(const QList<Core::CaseSummary> &cases);
    const Core::CaseSummary &caseAt(int row) const { return m_cases.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString label(QStringView list, const QString &code) const;

    const Core::CodeLists &m_codes;
    const Core::RegionIndex &m_regions;
    QString m_language;
    QList<Core::CaseSummary> m_cases;
};
