// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/cases/casesyncstate.h"
#include "core/clock/districttime.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <array>

namespace Core {
class CodeLists;
} // namespace Core

// Cases as rows: the sync state (an icon, its sentence as tooltip and accessible text), number, who (the
// victim's short name and age), where (village, kecamatan), violence types, status, risk and the last update,
// labels from the code lists in the UI language. Who and where are decrypted in memory (Core::CaseSubjects),
// nothing else.
class CaseListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SyncState, Number, Who, Where, Violence, Status, Risk, Updated, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1; // dates and ages sort by value, not text
    static constexpr int SyncKindRole = Qt::UserRole + 2; // int(Core::CaseSyncState::Kind)

    CaseListModel(const Core::CodeLists &codes, Core::DistrictTime time, QString language,
                  QObject *parent = nullptr);

    void setCases(QList<Core::CaseSummary> cases, const QHash<QString, Core::CaseSubject> &subjects);
    void appendCases(const QList<Core::CaseSummary> &cases,
                     const QHash<QString, Core::CaseSubject> &subjects);
    const Core::CaseSummary &caseAt(int row) const { return m_cases.at(row); }
    // The sync state of every case that is not synced (Core::CaseSyncStates::all()); a case
    // absent from the hash is synced.
    void setSyncStates(QHash<QString, Core::CaseSyncState> states);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString label(QStringView list, const QString &code) const;
    QVariant display(int row, int column) const;
    QVariant sortKey(int row, int column) const;
    QVariant syncData(int row, int role) const;

    const Core::CodeLists &m_codes;
    Core::DistrictTime m_time;
    QString m_language;
    QList<Core::CaseSummary> m_cases;
    QHash<QString, Core::CaseSubject> m_subjects; // case id → who and where
    QHash<QString, Core::CaseSyncState> m_sync; // case id → sync state, synced cases absent
    // One icon per state, looked up once: a theme lookup per painted cell made scrolling slow.
    std::array<QIcon, 4> m_syncIcons;
};
