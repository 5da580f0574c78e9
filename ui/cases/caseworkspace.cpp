// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/caseworkspace.h"

#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/cases/casesyncstate.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/cases/conflictdialog.h"
#include "ui/cases/documentstab.h"
#include "ui/cases/followupstab.h"
#include "ui/cases/historytab.h"
#include "ui/cases/incidenttab.h"
#include "ui/cases/notestab.h"
#include "ui/cases/recordtabs.h"
#include "ui/cases/riskstab.h"
#include "ui/cases/servicestab.h"
#include "ui/cases/statuscontrol.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/common/subjecttext.h"
#include "ui/common/syncstatetext.h"
#include "ui/visits/visitdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CaseWorkspace::CaseWorkspace(Core::Session &session, const QString &language, PositionProvider *gps,
                             QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
    , m_gps(gps)
    , m_header(new QLabel(this))
    , m_status(new StatusControl(session, language, this))
    , m_tabs(new QTabWidget(this))
    , m_conflicts(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    buildHeader();
    buildStatusRow();
    m_tabs->setObjectName(u"caseTabs"_s);
    layout->addWidget(m_tabs, 1);
    addTab(RecordTabs::people(session, language, m_tabs));
    addTab(new IncidentTab(session, language, m_tabs));
    addTab(new RisksTab(session, language, m_tabs));
    addTab(RecordTabs::plan(session, language, m_tabs));
    addTab(RecordTabs::visits(session, language, m_tabs));
    addTab(new ServicesTab(session, language, m_tabs));
    addTab(new NotesTab(session, language, m_tabs));
    addTab(new FollowupsTab(session, language, m_tabs));
    addTab(m_documents = new DocumentsTab(session, language, m_tabs));
    addTab(new HistoryTab(session, language, m_tabs));
    orderFocus();
}

void CaseWorkspace::orderFocus()
{
    // Tab walks the screen top to bottom: the header's button, the status row left to right, then
    // the tabs. Widgets made in the initialiser list would otherwise come first, in the order of
    // their declaration (the tabs before the status row's buttons, the header's button after them).
    QList<QWidget *> order{m_conflicts};
    for (QWidget *w = nextInFocusChain(); w && w != this; w = w->nextInFocusChain()) {
        const bool inTabs = w == m_tabs || m_tabs->isAncestorOf(w);
        if (isAncestorOf(w) && !inTabs && w != m_conflicts && (w->focusPolicy() & Qt::TabFocus))
            order << w;
    }
    order << m_tabs;
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void CaseWorkspace::buildHeader()
{
    m_header->setObjectName(u"caseHeader"_s);
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true); // a long name and village wrap at 1366 pixels, never cut
    m_header->setStyleSheet(u"QLabel { background: #eef3f8; padding: 8px; border-radius: 4px; }"_s);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    // Sync conflicts are never silent: the header says how many wait for review.
    m_conflicts->setObjectName(u"conflictsButton"_s);
    m_conflicts->setStyleSheet(u"QPushButton { background: #fff1d6; color: #8a4b00; font-weight: bold; "
                               "padding: 6px 12px; }"_s);
    m_conflicts->hide();
    headerRow->addWidget(m_conflicts);
    static_cast<QVBoxLayout *>(layout())->addLayout(headerRow);
    connect(m_conflicts, &QPushButton::clicked, this, &CaseWorkspace::reviewConflicts);
}

void CaseWorkspace::buildStatusRow()
{
    auto *statusRow = new QHBoxLayout;
    m_status->setObjectName(u"statusControl"_s);
    statusRow->addWidget(m_status, 1);
    auto *visit = new QPushButton(tr("Record visit…"), this);
    visit->setObjectName(u"recordVisitButton"_s);
    visit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    statusRow->addWidget(visit, 0, Qt::AlignTop);
    static_cast<QVBoxLayout *>(layout())->addLayout(statusRow);
    connect(m_status, &StatusControl::statusChanged, this, [this] {
        reload();
        emit caseChanged(m_caseId);
    });
    connect(visit, &QPushButton::clicked, this, &CaseWorkspace::recordVisit);
}

void CaseWorkspace::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

void CaseWorkspace::addTab(CaseTab *tab)
{
    m_tabs->addTab(tab, tab->title());
    m_tabList << tab;
    connect(tab, &CaseTab::changed, this, &CaseWorkspace::tabChanged);
}

void CaseWorkspace::tabChanged()
{
    reload();
    emit caseChanged(m_caseId);
}

QString CaseWorkspace::label(QStringView list, const QString &code) const
{
    return code.isEmpty() ? QString() : CodeLabels::label(m_session.codes(), list, code, m_language);
}

void CaseWorkspace::open(const QString &caseId)
{
    m_caseId = caseId;
    for (CaseTab *tab : std::as_const(m_tabList))
        tab->open(caseId);
    m_tabs->setCurrentIndex(0);
    if (caseId.isEmpty()) { // closed: nothing of the last case stays on screen
        m_header->clear();
        m_conflicts->hide();
        m_status->setCase({}, {});
        return;
    }
    reload();
}

bool CaseWorkspace::reload()
{
    const Core::Result<Core::CaseFile> file = m_session.cases().load(m_caseId);
    if (!file) {
        m_header->setText(ErrorText::message(file.error()).toHtmlEscaped());
        m_conflicts->hide();
        return file.error().code != Core::Error::Code::NotFound;
    }
    fill(*file);
    return true;
}

void CaseWorkspace::reviewConflicts()
{
    // Window-modal but not blocking: the rest of the app keeps running behind it.
    auto *dialog = new ConflictDialog(m_session, m_caseId, m_language, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictDialog::conflictResolved, this, [this] {
        reload();
        emit caseChanged(m_caseId);
    });
    dialog->open();
}

void CaseWorkspace::fill(const Core::CaseFile &file)
{
    fillHeader(file);
    for (CaseTab *tab : std::as_const(m_tabList))
        tab->fill(file);
}

void CaseWorkspace::fillHeader(const Core::CaseFile &file)
{
    const Core::Record &kase = file.kase;
    const QString status = kase.text(u"status"_s);
    // As the case list's icon says it (one rule, Core::CaseSyncState): what needs a person first,
    // then unsent changes, then synced.
    const Core::Result<Core::CaseSyncState> state
        = Core::CaseSyncStates(m_session.profile().changeLog()).forCase(kase.id);
    const QString sync = state ? SyncStateText::sentence(*state) : ErrorText::message(state.error());
    // Who the case is about and where, next to the number (decrypted in memory only).
    const Core::Result<Core::CaseSubject> subject = m_session.subjects().forCase(kase.id);
    const QString who
        = subject ? u"<b style='font-size:14pt'>%1</b> &nbsp; %2 · "_s.arg(
              SubjectText::who(*subject).toHtmlEscaped(), SubjectText::where(*subject).toHtmlEscaped())
                  : QString();
    m_header->setText(u"<b style='font-size:14pt'>%1</b> &nbsp; %8%2 · %3 %4 · %5 %6 · %7"_s.arg(
        kase.text(u"number"_s).toHtmlEscaped(), label(u"case_status", status).toHtmlEscaped(),
        tr("risk").toHtmlEscaped(), label(u"risk_level", kase.text(u"risk_level"_s)).toHtmlEscaped(),
        tr("assigned to").toHtmlEscaped(), kase.text(u"assigned_user"_s).toHtmlEscaped(),
        sync.toHtmlEscaped(), who));

    m_conflicts->setText(tr("%n conflict(s) to review", nullptr, int(file.openConflicts)));
    m_conflicts->setVisible(file.openConflicts > 0);

    m_status->setCase(m_caseId, status);
}

bool CaseWorkspace::attachFile(const QString &path)
{
    return m_documents->attachFile(path);
}

bool CaseWorkspace::saveAttachmentTo(const QString &attachmentId, const QString &path)
{
    return m_documents->saveAttachmentTo(attachmentId, path);
}

void CaseWorkspace::recordVisit()
{
    VisitDialog dialog(m_session, m_caseId, m_language, m_gps, this);
    connect(&dialog, &VisitDialog::visitSaved, this, [this] {
        reload();
        emit caseChanged(m_caseId);
    });
    dialog.exec();
}
