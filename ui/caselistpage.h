// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class CaseListModel;
class QLabel;
class QLineEdit;
class QTableView;

namespace Core {
class Session;
}

// The case list of an unlocked profile: search-as-you-type over the in-memory index and a
// sortable table. The first screen of the desktop app until the full workspace lands.
class CaseListWindow final : public QMainWindow
{
    Q_OBJECT

public:
    CaseListWindow(Core::Session &session, const QString &language, QWidget *parent = nullptr);

    void refresh();

private:
    Core::Session &m_session;
    CaseListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_count;
};
