// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/home/homepage.h"

#include "core/cases/caserepository.h"
#include "core/cases/draftstore.h"
#include "core/cases/worklist.h"
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "sync/client/syncclient.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/common/fieldlabels.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int caseIdRole = Qt::UserRole + 1;
constexpr int isConflictRole = Qt::UserRole + 2; // attention items open a case, drafts an intake
constexpr int maxConflictItems = 50;
} // namespace

HomePage::HomePage(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
{
    auto *grid = new QGridLayout(this);
    m_followups = addList(u"followupList"_s, tr("Follow-ups due today and overdue"), grid, 0, 0);
    m_urgent = addList(u"urgentList"_s, tr("Urgent cases (high risk)"), grid, 0, 1);
    m_recent = addList(u"recentList"_s, tr("Recent cases"), grid, 1, 0);

    auto *status = new QGroupBox(tr("Sync and attention"), this);
    auto *statusLayout = new QVBoxLayout(status);
    m_sync = new QLabel(status);
    m_sync->setObjectName(u"syncSummaryLabel"_s);
    m_sync->setWordWrap(true);
    m_attention = new QLabel(status);
    m_attention->setObjectName(u"attentionLabel"_s);
    m_attention->setWordWrap(true);
    statusLayout->addWidget(m_sync);
    statusLayout->addWidget(m_attention);
    m_drafts = new QListWidget(status);
    m_drafts->setObjectName(u"draftList"_s);
    m_drafts->setWordWrap(true);
    statusLayout->addWidget(m_drafts, 1);
    connect(m_drafts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->data(isConflictRole).toBool())
            emit caseActivated(item->data(caseIdRole).toString());
        else
            emit draftActivated(item->data(caseIdRole).toString());
    });
    grid->addWidget(status, 1, 1);
    refresh();
}

QListWidget *HomePage::addList(const QString &objectName, const QString &title, QGridLayout *grid, int row,
                               int column)
{
    auto *box = new QGroupBox(title, this);
    auto *layout = new QVBoxLayout(box);
    auto *list = new QListWidget(box);
    list->setObjectName(objectName);
    layout->addWidget(list);
    grid->addWidget(box, row, column);
    connect(list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit caseActivated(item->data(caseIdRole).toString()); });
    return list;
}

void HomePage::refresh()
{
    fillFollowups();
    fillUrgent();
    fillRecent();
    fillSyncState();
    fillAttention();
}

void HomePage::fillFollowups()
{
    const QLocale locale(m_language);
    m_followups->clear();
    if (const auto due = m_session.worklist().followupsDue(); due) {
        for (const Core::DueFollowup &f : *due) {
            const QString when
                = f.overdue ? tr("overdue since %1").arg(locale.toString(f.dueOn, QLocale::ShortFormat))
                            : tr("today");
            auto *item
                = new QListWidgetItem(u"%1 — %2 (%3)"_s.arg(f.caseNumber, f.description, when), m_followups);
            item->setData(caseIdRole, f.caseId);
            if (f.overdue)
                item->setForeground(QColor(0xb0, 0x1c, 0x1c));
        }
        if (due->isEmpty())
            m_followups->addItem(tr("Nothing due. Well done."));
    } else {
        m_followups->addItem(ErrorText::message(due.error()));
    }
}

void HomePage::fillUrgent()
{
    m_urgent->clear();
    if (const auto urgent = m_session.worklist().urgentCases(); urgent) {
        for (const Core::UrgentCase &c : *urgent) {
            auto *item = new QListWidgetItem(
                u"%1 — %2, %3"_s.arg(
                    c.number, CodeLabels::label(m_session.codes(), u"risk_level", c.riskLevel, m_language),
                    CodeLabels::label(m_session.codes(), u"case_status", c.status, m_language)),
                m_urgent);
            item->setData(caseIdRole, c.id);
        }
        if (urgent->isEmpty())
            m_urgent->addItem(tr("No open high-risk cases."));
    } else {
        m_urgent->addItem(ErrorText::message(urgent.error()));
    }
}

void HomePage::fillRecent()
{
    m_recent->clear();
    Core::CaseFilter filter;
    filter.limit = 15;
    if (const auto recent = m_session.cases().list(filter); recent) {
        for (const Core::CaseSummary &c : *recent) {
            auto *item = new QListWidgetItem(
                u"%1 — %2"_s.arg(c.number, CodeLabels::labels(m_session.codes(), u"violence_type",
                                                              c.violenceTypes, m_language)),
                m_recent);
            item->setData(caseIdRole, c.id);
        }
    } else {
        m_recent->addItem(ErrorText::message(recent.error()));
    }
}

void HomePage::fillSyncState()
{
    const QLocale locale(m_language);
    const Core::Result<qint64> pending = m_session.profile().changeLog().pendingCount();
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_session.profile().changeLog());
    if (!pending) {
        m_sync->setText(ErrorText::message(pending.error()));
    } else if (!config || !config->enrolled()) {
        m_sync->setText(tr("%n change(s) not yet sent to the district office. Never synced: "
                           "this laptop is not enrolled with a server yet.",
                           nullptr, int(*pending)));
    } else if (config->lastSyncAt == 0) {
        m_sync->setText(tr("%n change(s) not yet sent to the district office. Not synced yet: use "
                           "\"Sync now\" when there is a connection.",
                           nullptr, int(*pending)));
    } else {
        m_sync->setText(
            tr("%n change(s) not yet sent to the district office. Last sync: %1.", nullptr, int(*pending))
                .arg(m_session.profile().districtTime().display(config->lastSyncAt, locale)));
    }
}

void HomePage::fillAttention()
{
    const QLocale locale(m_language);
    // Needs attention: sync conflicts waiting for review, then unfinished intakes (drafts).
    m_drafts->clear();
    int attention = 0;
    Core::Replicator replicator(m_session.profile().changeLog());
    if (const auto conflicts = replicator.conflicts(false); conflicts) {
        QHash<QString, QString> numbers; // case id → case number, read once per case
        for (const Core::ConflictRecord &c : *conflicts) {
            ++attention;
            if (attention > maxConflictItems)
                continue; // counted, not listed: the case list shows the rest
            if (!numbers.contains(c.caseId)) {
                const Core::Result<Core::CaseFile> file = m_session.cases().load(c.caseId);
                numbers.insert(c.caseId, file ? file->kase.text(u"number"_s) : c.caseId.left(8));
            }
            auto *item
                = new QListWidgetItem(tr("Conflict in %1: %2 (%3)")
                                          .arg(numbers.value(c.caseId), FieldLabels::field(c.entity, c.field),
                                               FieldLabels::conflictKind(c.kind)),
                                      m_drafts);
            item->setData(caseIdRole, c.caseId);
            item->setData(isConflictRole, true);
            item->setToolTip(tr("Open the case to see both values and choose which to keep."));
            item->setForeground(QColor(0x8a, 0x4b, 0x00));
        }
    }
    if (const auto drafts = m_session.drafts().list(m_session.profile().actor().login); drafts) {
        for (const Core::DraftInfo &draft : *drafts) {
            const QString saved = m_session.profile().districtTime().display(draft.updatedAt, locale);
            auto *item = new QListWidgetItem(
                tr("Unfinished intake, last saved %1 — open to continue").arg(saved), m_drafts);
            item->setData(caseIdRole, draft.id);
            ++attention;
        }
    }
    m_drafts->setVisible(attention > 0);
    m_attention->setText(tr("Needs attention: %n item(s).", nullptr, attention));
}
