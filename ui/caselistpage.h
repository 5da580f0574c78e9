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
}

// The case list: search-as-you-type over the in-memory index (names, NIK, numbers, villages,
// narrative words), a status filter and a sortable table. Enter or a double-click opens a case.
class CaseListPage final : public QWidget
{
    Q_OBJECT

public:
    CaseListPage(Core::Session &session, const QString &language, QWidget *parent = nullptr);

    void refresh();
    void focusSearch();

signals:
    void caseActivated(const QString &caseId);

private:
    void activate(const QModelIndex &index);

    Core::Session &m_session;
    CaseListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_status;
    QTableView *m_table;
    QLabel *m_count;
};
