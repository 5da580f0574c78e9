// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class CaseListPage;
class CaseWorkspace;
class HomePage;
class PositionProvider;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;

namespace Core {
class Session;
class Settings;
} // namespace Core

// The desktop shell: navigation (Beranda, Kasus, the open case, Pengaturan), the pages, the
// status bar with sync state and pending changes, keyboard shortcuts for the frequent actions,
// and the idle screen lock that keeps open work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Core::Session &session, Core::Settings &settings, const QString &language,
               PositionProvider *gps, QWidget *parent = nullptr);

    void showCase(const QString &caseId);
    void showPage(int page);
    void newCase();
    // Continues an unfinished intake from its draft.
    void resumeIntake(const QString &draftId);
    void lockScreen();
    // Builds the search index in the background; the list refreshes when it is ready.
    void loadSearchIndex();

    enum Page { Home, Cases, Workspace, Settings };

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refreshStatus();
    void caseChanged(const QString &caseId);
    void runIntake(class IntakeWizard &wizard);

    Core::Session &m_session;
    Core::Settings &m_settings;
    QString m_language;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    HomePage *m_home;
    CaseListPage *m_cases;
    CaseWorkspace *m_workspace;
    QLabel *m_syncLabel;
    QLabel *m_pendingLabel;
    QTimer *m_idle;
    class SearchIndexLoader *m_loader = nullptr;
    bool m_locked = false;
};
