// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;

namespace Core {
class Session;
}

// Beranda: what needs doing today. Follow-ups due today and overdue, urgent (high-risk) cases,
// recent cases, unsynced changes and a "needs attention" count. Every item opens its case.
class HomePage final : public QWidget
{
    Q_OBJECT

public:
    HomePage(Core::Session &session, const QString &language, QWidget *parent = nullptr);

    void refresh();

signals:
    void caseActivated(const QString &caseId);
    void draftActivated(const QString &draftId);

private:
    void fillFollowups();
    void fillUrgent();
    void fillRecent();
    void fillSyncState();
    void fillAttention();
    QListWidget *addList(const QString &objectName, const QString &title, class QGridLayout *grid, int row,
                         int column);

    Core::Session &m_session;
    QString m_language;
    QListWidget *m_followups = nullptr;
    QListWidget *m_urgent = nullptr;
    QListWidget *m_recent = nullptr;
    QLabel *m_sync = nullptr;
    QLabel *m_attention = nullptr;
    QListWidget *m_drafts = nullptr;
};
