// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/mainwindow.h"

#include "core/cases/draftstore.h"
#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "sync/client/syncclient.h"
#include "ui/cases/caselistpage.h"
#include "ui/cases/caseworkspace.h"
#include "ui/common/logging.h"
#include "ui/home/homepage.h"
#include "ui/home/syncnotice.h"
#include "ui/intake/intakewizard.h"
#include "ui/shell/navigation.h"
#include "ui/shell/searchindexloader.h"
#include "ui/shell/settingspage.h"
#include "ui/shell/unlockdialog.h"
#include "ui/sync/autosync.h"
#include "ui/sync/syncpanel.h"
#include "ui/sync/syncrunner.h"
#include "ui/sync/usbexportdialog.h"
#include "ui/sync/usbimportdialog.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(Core::Session &session, Core::Settings &settings, const QString &language,
                       PositionProvider *gps, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_language(language)
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_syncLabel(new QLabel(this))
    , m_idle(new QTimer(this))
    , m_sync(new SyncRunner(session.profile(), this))
{
    const bool training = session.profile().info().training;
    setWindowTitle(training ? tr("Dampingi — TRAINING profile") : tr("Dampingi"));
    buildPages(gps);
    buildToolbar();
    buildSyncNotice();
    m_syncLabel->setObjectName(u"syncStateLabel"_s);
    statusBar()->addWidget(m_syncLabel);
    connectPages();
    buildSyncDesk();
    armIdleLock();
    updateSyncAction();
    refreshStatus();
    showPage(Navigation::home);
}

void MainWindow::buildPages(PositionProvider *gps)
{
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    if (m_session.profile().info().training) {
        auto *banner = new QLabel(tr("Training profile: practice data only, never real cases."), central);
        banner->setObjectName(u"trainingBanner"_s);
        banner->setStyleSheet(u"background:#8a4b00;color:white;padding:6px;font-weight:bold"_s);
        outer->addWidget(banner);
    }
    auto *body = new QHBoxLayout;
    outer->addLayout(body, 1);
    m_nav->setObjectName(u"navList"_s);
    m_nav->setFixedWidth(170);
    m_nav->setStyleSheet(u"QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"_s);
    body->addWidget(m_nav);
    m_pages->setObjectName(u"pages"_s);
    body->addWidget(m_pages, 1);
    setCentralWidget(central);

    // The areas this user's role may see, from the registry; rows of the list and pages of the
    // stack share their index.
    const PageServices services{m_session, m_settings, m_language, gps, *m_sync};
    const Core::Role role = m_session.profile().actor().role;
    for (const NavigationEntry &entry : Navigation::entries()) {
        if (!Navigation::visibleTo(entry, role))
            continue;
        QWidget *page = entry.make(services, m_pages);
        page->setObjectName(entry.id + u"Page"_s);
        m_pages->addWidget(page);
        auto *item = new QListWidgetItem(style()->standardIcon(entry.icon), Navigation::title(entry), m_nav);
        item->setData(Qt::UserRole, entry.id);
        item->setHidden(entry.onDemand);
        m_pageIds << entry.id;
    }
    m_home = page<HomePage>(Navigation::home);
    m_cases = page<CaseListPage>(Navigation::cases);
    m_workspace = page<CaseWorkspace>(Navigation::caseFile);
    m_settingsPage = page<SettingsPage>(Navigation::settings);
}

void MainWindow::buildToolbar()
{
    auto *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setMovable(false);
    QAction *newCase = toolbar->addAction(tr("New case"), this, &MainWindow::newCase);
    newCase->setObjectName(u"newCaseAction"_s);
    newCase->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    QAction *find = toolbar->addAction(tr("Find case"), this, [this] {
        showPage(Navigation::cases);
        if (m_cases)
            m_cases->focusSearch();
    });
    find->setObjectName(u"findAction"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    QAction *home = toolbar->addAction(tr("Home"), this, [this] { showPage(Navigation::home); });
    home->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *lock = toolbar->addAction(tr("Lock"), this, [this] { lockScreen(); });
    lock->setObjectName(u"lockAction"_s);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_syncAction = toolbar->addAction(tr("Sync now"), this, &MainWindow::syncNow);
    m_syncAction->setObjectName(u"syncAction"_s);
    m_syncAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_syncAction->setToolTip(tr("Send this laptop's changes to the district server and fetch the team's "
                                "(Ctrl+Shift+S)"));
    addUsbActions(toolbar);
}

void MainWindow::addUsbActions(QToolBar *toolbar)
{
    // Where there is no connection at all: this laptop's changes to the office on a USB stick,
    // and the office's answer back. An imported answer refreshes the pages as a sync does.
    QAction *exportUsb = toolbar->addAction(tr("Export to USB"), this, [this] {
        UsbExportDialog dialog(m_session.profile(), *m_sync, this);
        dialog.exec();
    });
    exportUsb->setObjectName(u"usbExportAction"_s);
    exportUsb->setToolTip(tr("Save your changes not yet sent to a USB stick for the district office"));
    QAction *importUsb = toolbar->addAction(tr("Import from USB"), this, [this] {
        UsbImportDialog dialog(m_session.profile(), *m_sync, this);
        connect(&dialog, &UsbImportDialog::imported, this, [this] { syncFinished(); });
        dialog.exec();
    });
    importUsb->setObjectName(u"usbImportAction"_s);
    importUsb->setToolTip(tr("Import the district office's answer from a USB stick"));
}

void MainWindow::buildSyncNotice()
{
    // Above the pages, below the training banner: seen whatever page is open.
    auto *notice = new SyncNoticeBar(centralWidget());
    auto *outer = qobject_cast<QVBoxLayout *>(centralWidget()->layout());
    outer->insertWidget(m_session.profile().info().training ? 1 : 0, notice);
    connect(m_sync, &SyncRunner::finished, notice, &SyncNoticeBar::showFor);
    connect(notice, &SyncNoticeBar::attentionRequested, this, [this] {
        showPage(Navigation::home);
        if (m_home)
            m_home->showAttention();
    });
}

void MainWindow::buildSyncDesk()
{
    // Automatic sync, the sync window, and their face in the status bar and the toolbar.
    Core::Profile &profile = m_session.profile();
    m_autoSync = new AutoSync(*m_sync, profile.changeLog(), m_settings, this);
    m_syncPanel = new SyncPanel(*m_sync, profile.changeLog(), profile.districtTime(), m_language, this);
    m_syncBar = new QProgressBar(this);
    m_syncBar->setObjectName(u"syncStatusProgress"_s);
    m_syncBar->setMaximumWidth(140);
    m_syncBar->setTextVisible(false);
    m_syncBar->hide();
    statusBar()->addPermanentWidget(m_syncBar);
    auto *details = new QToolButton(this);
    details->setObjectName(u"syncDetailsButton"_s);
    details->setText(tr("Sync details"));
    details->setAutoRaise(true);
    statusBar()->addPermanentWidget(details);
    connect(details, &QToolButton::clicked, this, &MainWindow::showSyncPanel);
    if (auto *toolbar = findChild<QToolBar *>(u"mainToolbar"_s)) {
        QAction *panel = toolbar->addAction(tr("Sync details"), this, &MainWindow::showSyncPanel);
        panel->setObjectName(u"syncPanelAction"_s);
        panel->setToolTip(tr("Progress of the running sync and the last syncs"));
    }
    connect(m_syncPanel, &SyncPanel::syncRequested, this, &MainWindow::syncNow);
    connect(m_syncPanel, &SyncPanel::progressChanged, this, [this] {
        m_syncPanel->fillBar(*m_syncBar);
        refreshStatus();
    });
    connect(m_sync, &SyncRunner::runningChanged, this, [this](bool running) {
        m_syncBar->setVisible(running);
        m_syncBar->setRange(0, 0);
        if (running)
            m_syncNote.clear(); // said once, after the sync before this one
    });
}

void MainWindow::showSyncPanel()
{
    m_syncPanel->show();
    m_syncPanel->raise();
    m_syncPanel->activateWindow();
}

void MainWindow::connectPages()
{
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    if (m_home) {
        connect(m_home, &HomePage::caseActivated, this, &MainWindow::showCase);
        connect(m_home, &HomePage::caseTabActivated, this, &MainWindow::showCaseTab);
        connect(m_home, &HomePage::casesRequested, this,
                [this](const QString &title, const QStringList &ids) {
                    if (!m_cases)
                        return;
                    m_cases->showCases(title, ids);
                    showPage(Navigation::cases);
                });
        connect(m_home, &HomePage::draftActivated, this, &MainWindow::resumeIntake);
    }
    if (m_cases)
        connect(m_cases, &CaseListPage::caseActivated, this, &MainWindow::showCase);
    if (m_workspace)
        connect(m_workspace, &CaseWorkspace::caseChanged, this, &MainWindow::caseChanged);
    connect(m_sync, &SyncRunner::runningChanged, this, [this] {
        updateSyncAction();
        refreshStatus();
    });
    connect(m_sync, &SyncRunner::finished, this, &MainWindow::syncFinished);
    connect(m_sync, &SyncRunner::failed, this, &MainWindow::syncFailed);
    connect(m_sync, &SyncRunner::enrolled, this, [this] {
        m_syncError.clear();
        updateSyncAction();
        refreshStatus();
        refreshPages();
    });
}

void MainWindow::armIdleLock()
{
    // Idle lock: any key or mouse activity restarts the countdown.
    m_idle->setSingleShot(true);
    connect(m_idle, &QTimer::timeout, this, [this] { lockScreen(true); });
    const auto arm = [this] {
        const int minutes = m_settings.idleLockMinutes();
        if (minutes > 0)
            m_idle->start(minutes * 60 * 1000);
        else
            m_idle->stop();
    };
    connect(&m_settings, &Core::Settings::changed, this, arm);
    arm();
    qApp->installEventFilter(this);
}

void MainWindow::showPage(const QString &id)
{
    const int row = int(m_pageIds.indexOf(id));
    if (row < 0)
        return; // not an area of this user's role
    m_nav->item(row)->setHidden(false);
    m_nav->setCurrentRow(row);
}

QString MainWindow::currentPage() const
{
    const int row = m_nav->currentRow();
    return row >= 0 && row < m_pageIds.size() ? m_pageIds.at(row) : QString();
}

void MainWindow::setPageListed(const QString &id, bool listed)
{
    const int row = int(m_pageIds.indexOf(id));
    if (row >= 0)
        m_nav->item(row)->setHidden(!listed);
}

void MainWindow::refreshPages()
{
    if (m_home)
        m_home->refresh();
    if (m_cases)
        m_cases->refresh();
}

void MainWindow::showCase(const QString &caseId)
{
    if (caseId.isEmpty())
        return;
    if (!m_workspace)
        return;
    m_workspace->open(caseId);
    showPage(Navigation::caseFile);
}

void MainWindow::showCaseTab(const QString &caseId, CaseWorkspace::Tab tab)
{
    showCase(caseId);
    if (m_workspace && m_workspace->caseId() == caseId)
        m_workspace->showTab(tab);
}

void MainWindow::newCase()
{
    IntakeWizard wizard(m_session, m_language, this);
    runIntake(wizard);
}

void MainWindow::resumeIntake(const QString &draftId)
{
    const Core::Result<QJsonObject> content = m_session.drafts().load(draftId);
    if (!content)
        return;
    IntakeWizard wizard(m_session, m_language, this);
    wizard.resumeDraft(draftId, *content);
    runIntake(wizard);
}

void MainWindow::runIntake(IntakeWizard &wizard)
{
    connect(&wizard, &IntakeWizard::caseCreated, this, [this](const QString &caseId) {
        caseChanged(caseId);
        showCase(caseId);
    });
    wizard.exec();
    if (m_home)
        m_home->refresh(); // a draft may have been kept or dropped
}

void MainWindow::caseChanged(const QString &caseId)
{
    // The store has the change; a failed re-index only makes search miss it until the next
    // background rebuild, so it is logged rather than shown.
    if (const Core::Status indexed = m_session.reindex(caseId); !indexed)
        qCWarning(lcUi) << "search index not updated for a changed case:" << indexed.error().detail;
    refreshPages();
    refreshStatus();
    m_autoSync->noteEdit(); // the edit goes out once the edits have stopped for a while
}

void MainWindow::loadSearchIndex()
{
    if (m_indexing) {
        m_indexAgain = true;
        return;
    }
    if (m_loader)
        m_loader->deleteLater(); // finished: its worker thread has ended
    m_indexing = true;
    m_loader = new SearchIndexLoader(m_session, this);
    connect(m_loader, &SearchIndexLoader::finished, this, [this] {
        m_indexing = false;
        if (m_cases)
            m_cases->refresh();
        refreshStatus();
        if (std::exchange(m_indexAgain, false))
            loadSearchIndex();
    });
    connect(m_loader, &SearchIndexLoader::failed, this, [this](const QString &message) {
        m_indexing = false;
        m_syncLabel->setText(message);
    });
    m_loader->start();
    refreshStatus();
}

void MainWindow::syncNow()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_session.profile().changeLog());
    if (!config || !config->enrolled())
        return;
    m_syncNote.clear();
    m_sync->syncNow();
}

void MainWindow::syncFinished()
{
    m_syncError.clear();
    // Other sites' changes and purges landed in the store: rebuild the index (a purged case must
    // vanish from search) and re-read every page that shows cases.
    loadSearchIndex();
    refreshPages();
    if (m_workspace && !m_workspace->caseId().isEmpty() && !m_workspace->reload()) {
        if (currentPage() == Navigation::caseFile)
            showPage(Navigation::home);
        setPageListed(Navigation::caseFile, false);
        m_workspace->open(QString());
        m_syncNote
            = tr("The case you had open is no longer on this laptop (it left your team's cases) and was "
                 "closed.");
    }
    if (m_settingsPage)
        m_settingsPage->refreshServer();
    refreshStatus();
}

void MainWindow::syncFailed(const QString &message)
{
    m_syncError = message;
    refreshStatus();
}

void MainWindow::updateSyncAction()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_session.profile().changeLog());
    const bool enrolled = config && config->enrolled();
    m_syncAction->setEnabled(enrolled && !m_sync->running());
    if (!enrolled)
        m_syncAction->setToolTip(tr("Enroll this laptop with the district server first (Settings)."));
}

void MainWindow::refreshStatus()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_session.profile().changeLog());
    QString state;
    if (m_sync->running()) {
        state = m_syncPanel ? m_syncPanel->progressLine() : tr("Syncing…");
    } else if (!m_syncError.isEmpty()) {
        // Before "not enrolled": a revoked laptop forgets its enrollment, and must say why.
        state = m_syncError;
    } else if (!config || !config->enrolled()) {
        state = tr("Offline · not enrolled with a district server yet");
    } else if (!config->lastError.isEmpty()) {
        state = tr("The last sync did not finish. Your work is kept on this laptop.");
    } else if (config->lastSyncAt > 0) {
        const Core::DistrictTime &time = m_session.profile().districtTime();
        const QString at = QLocale(m_language).toString(time.dateTime(config->lastSyncAt).time(), u"HH:mm"_s);
        state = tr("Synced at %1").arg(at + u' ' + time.label());
    } else {
        state = tr("Enrolled · not synced yet");
    }
    if (!m_syncNote.isEmpty())
        state = m_syncNote + u' ' + state;
    if (m_indexing && !m_session.searchReady() && !m_sync->running())
        state = tr("Preparing the search…");
    m_syncLabel->setText(state);
    if (m_syncPanel)
        m_syncPanel->setStatus(state);
}

void MainWindow::lockScreen(bool idle)
{
    if (m_locked)
        return;
    m_locked = true;
    m_autoSync->setLocked(true); // no sync starts behind the lock
    // Hide, do not destroy: every open form keeps its input behind the lock.
    centralWidget()->hide();
    UnlockDialog dialog(m_session.profile(), idle ? UnlockDialog::Mode::IdleLock : UnlockDialog::Mode::Lock,
                        this);
    dialog.exec();
    centralWidget()->show();
    m_locked = false;
    m_autoSync->setLocked(false);
    if (m_settings.idleLockMinutes() > 0)
        m_idle->start(m_settings.idleLockMinutes() * 60 * 1000);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (!m_locked && m_idle->isActive())
            m_idle->start();
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}
