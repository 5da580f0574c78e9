// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cases/casesyncstate.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

#include <optional>

class CaseListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;
class QSortFilterProxyModel;
class QTableView;

namespace Core {
class Session;
struct CaseFilter;
struct CaseSubject;
struct CaseSummary;
} // namespace Core

// The case list: search-as-you-type over the in-memory index (names, NIK, numbers, villages,
// narrative words), a status filter and a sortable table. Enter or a double-click opens a case.
class CaseListPage final : public QWidget
{
    Q_OBJECT

public:
    CaseListPage(Core::Session &session, const QString &language, QWidget *parent = nullptr);
    ~CaseListPage() override;

    void refresh();
    void focusSearch();
    // Shows only these cases, in this order, under `title` (a home page tile's list) until the
    // user asks for all again; nothing (std::nullopt) shows all.
    void showCases(const QString &title, std::optional<QStringList> ids);

signals:
    void caseActivated(const QString &caseId);

private:
    void activate(const QModelIndex &index);
    Core::CaseFilter filter() const;
    // Without a search, the list is read in pages as the user scrolls down.
    void loadMore();
    void buildPresetRow(QVBoxLayout *layout);
    void buildSyncFilter(class QHBoxLayout *row);
    // Every case's sync state for the icon column (one grouped query, only when something
    // changed since the last read: keystrokes do not pay for it) and, when the sync filter is
    // set, the cases it lets through (m_syncIds). False: said in the count line.
    bool readSyncStates();
    QHash<QString, Core::CaseSubject> subjectsOf(const QList<Core::CaseSummary> &rows);
    // "12 cases", or "Showing 200 of 1,234 cases" when the list holds fewer than match.
    void showCount(qint64 total);

    Core::Session &m_session;
    QString m_language;
    CaseListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_violence;
    QComboBox *m_risk;
    QComboBox *m_area;
    QComboBox *m_syncFilter = nullptr; // all, or one Core::CaseSyncState::Kind
    std::optional<QStringList> m_syncIds; // the sync filter's cases, most recent first
    // Every case's sync state, read again only when CaseSyncStates::generation() moves on.
    QHash<QString, Core::CaseSyncState> m_syncStates;
    QString m_syncGeneration;
    int m_syncIdsKind = -1; // the filter m_syncIds was made for (-1: none)
    class QCheckBox *m_mine;
    class QCheckBox *m_overdue;
    bool m_more = false; // another page may follow
    QTableView *m_table;
    QLabel *m_count;
    QLabel *m_presetLabel = nullptr;
    QPushButton *m_presetClear = nullptr;
    std::optional<QStringList> m_preset;
    qint64 m_total = 0;
};
