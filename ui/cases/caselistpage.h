// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class CaseListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Core {
class Session;
struct CaseFilter;
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

signals:
    void caseActivated(const QString &caseId);

private:
    void activate(const QModelIndex &index);
    Core::CaseFilter filter() const;
    // Without a search, the list is read in pages as the user scrolls down.
    void loadMore();

    Core::Session &m_session;
    CaseListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_violence;
    QComboBox *m_risk;
    QComboBox *m_area;
    class QCheckBox *m_mine;
    class QCheckBox *m_overdue;
    bool m_more = false; // another page may follow
    QTableView *m_table;
    QLabel *m_count;
};
