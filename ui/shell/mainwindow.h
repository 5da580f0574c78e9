// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/caseworkspace.h"

#include <QMainWindow>
#include <QStackedWidget>
#include <QStringList>

class AutoSync;
class CaseListPage;
class HomePage;
class PositionProvider;
class QLabel;
class QProgressBar;
class QListWidget;
class QTimer;
class SettingsPage;
class SyncPanel;
class SyncRunner;

namespace Core {
class Session;
class Settings;
} // namespace Core

// The desktop shell: the navigation built from the registry (ui/shell/navigation.h) for the
// user's role, the pages, the status bar with the sync state (the unsent count is on the home page), keyboard
// shortcuts for the frequent actions, and the idle screen lock that keeps open work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Core::Session &session, Core::Settings &settings, const QString &language,
               PositionProvider *gps, QWidget *parent = nullptr);

    void showCase(const QString &caseId);
    // The case, opened on one tab (a home page line: follow-ups, visits, risk).
    void showCaseTab(const QString &caseId, CaseWorkspace::Tab tab);
    // Shows an area by its navigation id (Navigation::home, ...); ignored when the user's role
    // does not see it.
    void showPage(const QString &id);
    QString currentPage() const;
    void newCase();
    // Continues an unfinished intake from its draft.
    void resumeIntake(const QString &draftId);
    // Hides the window behind the passphrase; `idle`: the inactivity timer locked it, not the user.
    void lockScreen(bool idle = false);
    // Builds the search index in the background; the list refreshes when it is ready.
    void loadSearchIndex();
    // Sends this laptop's changes and fetches the team's (no-op while a sync runs or when the
    // laptop is not enrolled); the pages refresh when it is done.
    void syncNow();
    SyncRunner &syncRunner() { return *m_sync; }
    AutoSync &autoSync() { return *m_autoSync; }
    // The sync window: progress, Cancel and the last syncs (status bar and toolbar open it).
    void showSyncPanel();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildPages(PositionProvider *gps);
    void buildToolbar();
    void addUsbActions(class QToolBar *toolbar);
    void connectPages();
    void armIdleLock();
    void setPageListed(const QString &id, bool listed);
    void refreshPages();
    template <typename T> T *page(const QString &id) const
    {
        const int index = int(m_pageIds.indexOf(id));
        return index < 0 ? nullptr : qobject_cast<T *>(m_pages->widget(index));
    }
    void refreshStatus();
    void syncFinished();
    void syncFailed(const QString &message);
    void updateSyncAction();
    void buildSyncDesk();
    void caseChanged(const QString &caseId);
    void runIntake(class IntakeWizard &wizard);
    // The notice under the toolbar when a sync brought conflicts or refusals (SyncNoticeBar),
    // leading to the home page's needs-attention list.
    void buildSyncNotice();

    Core::Session &m_session;
    Core::Settings &m_settings;
    QString m_language;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    QStringList m_pageIds; // navigation ids, by row of m_nav and index of m_pages
    // The areas the shell talks to; null when the user's role does not see them.
    HomePage *m_home = nullptr;
    CaseListPage *m_cases = nullptr;
    CaseWorkspace *m_workspace = nullptr;
    QLabel *m_syncLabel;
    QTimer *m_idle;
    class SearchIndexLoader *m_loader = nullptr;
    bool m_indexing = false;
    bool m_indexAgain = false; // a sync finished while the index was being built
    SyncRunner *m_sync;
    SettingsPage *m_settingsPage = nullptr;
    QAction *m_syncAction;
    AutoSync *m_autoSync = nullptr;
    SyncPanel *m_syncPanel = nullptr;
    QProgressBar *m_syncBar = nullptr;
    QString m_syncError; // the last failure, translated; empty after a good sync
    QString m_syncNote; // said once after a sync (e.g. that the open case was removed)
    bool m_locked = false;
};
