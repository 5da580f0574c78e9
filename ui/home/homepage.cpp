// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/home/homepage.h"

#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
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
#include "ui/common/subjecttext.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int caseIdRole = Qt::UserRole + 1;
constexpr int isConflictRole = Qt::UserRole + 2; // attention items open a case, drafts an intake
constexpr int tabRole = Qt::UserRole + 3; // the case file's tab a line opens
constexpr int moreRole = Qt::UserRole + 4; // "and N more…": the case list of the whole bucket
constexpr int maxConflictItems = 50;
const QColor alarmColor(0xb0, 0x1c, 0x1c);

QStringList distinctCases(const QList<Core::DueFollowup> &items)
{
    QStringList ids;
    for (const Core::DueFollowup &item : items) {
        if (!ids.contains(item.caseId))
            ids << item.caseId;
    }
    return ids;
}
} // namespace

HomePage::HomePage(Core::Session &session, const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
{
    auto *outer = new QVBoxLayout(this);
    auto *tiles = new QHBoxLayout;
    addTile(tiles, Overdue, u"overdueTile"_s, tr("Overdue follow-ups"));
    addTile(tiles, Today, u"todayTile"_s, tr("Due today"));
    addTile(tiles, ThisWeek, u"weekTile"_s, tr("Due this week"));
    addTile(tiles, Urgent, u"urgentTile"_s, tr("Urgent (High and Critical)"));
    addTile(tiles, Waiting, u"waitingTile"_s, tr("Waiting for a first visit"));
    addTile(tiles, Unsent, u"unsentTile"_s, tr("Changes not yet sent"));
    outer->addLayout(tiles);

    auto *grid = new QGridLayout;
    m_followups = addList(u"followupList"_s, tr("Follow-ups"), grid, 0);
    m_urgent = addList(u"urgentList"_s, tr("Urgent cases"), grid, 1);
    m_waiting = addList(u"waitingList"_s, tr("Waiting for a first visit"), grid, 2);
    outer->addLayout(grid, 3);

    auto *status = new QGroupBox(tr("Sync and attention"), this);
    status->setObjectName(u"attentionGroup"_s);
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
    outer->addWidget(status, 1);
    refresh();
}

void HomePage::showAttention()
{
    refresh();
    if (m_drafts->count() > 0) {
        m_drafts->setCurrentRow(0);
        m_drafts->scrollToTop();
    }
    m_drafts->setFocus(Qt::OtherFocusReason);
}

void HomePage::addTile(QBoxLayout *row, TileId id, const QString &objectName, const QString &title)
{
    // A count large enough to read from across the room, its meaning under it. Every tile but
    // "not yet sent" opens the case list of its cases.
    QWidget *tile = id == Unsent ? static_cast<QWidget *>(new QFrame(this)) : new QPushButton(this);
    tile->setObjectName(objectName);
    tile->setMinimumHeight(84);
    tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *layout = new QVBoxLayout(tile);
    auto *count = new QLabel(tile);
    count->setObjectName(objectName + u"Count"_s);
    count->setStyleSheet(u"font-size: 22pt; font-weight: bold; background: transparent;"_s);
    auto *caption = new QLabel(title, tile);
    caption->setWordWrap(true);
    caption->setStyleSheet(u"background: transparent;"_s);
    for (QLabel *label : {count, caption}) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        layout->addWidget(label);
    }
    row->addWidget(tile);
    m_tiles[id] = {tile, count, title, {}};
    if (auto *button = qobject_cast<QPushButton *>(tile)) {
        button->setToolTip(tr("Show these cases in the case list"));
        connect(button, &QPushButton::clicked, this,
                [this, id] { emit casesRequested(m_tiles[id].title, m_tiles[id].caseIds); });
    }
}

void HomePage::setTile(TileId id, qint64 count, const QStringList &caseIds)
{
    Tile &tile = m_tiles[id];
    tile.caseIds = caseIds;
    tile.count->setText(QLocale(m_language).toString(count));
    // Colour only where there is something to do: a red overdue tile every day would be noise.
    const bool alarm = count > 0 && (id == Overdue || id == Urgent);
    const bool due = count > 0 && !alarm;
    const QString background = alarm ? u"#fde8e8"_s : due ? u"#fff6e0"_s : u"#f3f5f7"_s;
    const QString border = alarm ? u"#d9a0a0"_s : due ? u"#e5c98a"_s : u"#d5dbe1"_s;
    tile.widget->setStyleSheet(
        u"#%1 { background: %2; border: 1px solid %3; border-radius: 6px; text-align: left; padding: 4px; }"_s
            .arg(tile.widget->objectName(), background, border));
    if (auto *button = qobject_cast<QPushButton *>(tile.widget))
        button->setEnabled(count > 0);
}

QListWidget *HomePage::addList(const QString &objectName, const QString &title, QGridLayout *grid, int column)
{
    auto *box = new QGroupBox(title, this);
    auto *layout = new QVBoxLayout(box);
    auto *list = new QListWidget(box);
    list->setObjectName(objectName);
    // Lines wrap inside the column instead of running off its right edge at 1366 pixels.
    list->setWordWrap(true);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setResizeMode(QListView::Adjust);
    list->setTextElideMode(Qt::ElideNone); // eliding and wrapping together cut some lines short
    list->setSpacing(2); // wrapped lines stay apart from the next
    layout->addWidget(list);
    grid->addWidget(box, 0, column);
    grid->setColumnStretch(column, 1);
    // One click opens a line, as a link would; Enter too. Styles that activate on a single
    // click already do both through itemActivated.
    connect(list, &QListWidget::itemActivated, this, &HomePage::activate);
    if (!list->style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, list))
        connect(list, &QListWidget::itemClicked, this, &HomePage::activate);
    return list;
}

void HomePage::activate(QListWidgetItem *item)
{
    if (item->data(moreRole).isValid()) {
        emit casesRequested(item->data(moreRole).toString(), item->data(caseIdRole).toStringList());
        return;
    }
    const QString caseId = item->data(caseIdRole).toString();
    if (!caseId.isEmpty())
        emit caseTabActivated(caseId, CaseWorkspace::Tab(item->data(tabRole).toInt()));
}

void HomePage::fillList(QListWidget *list, const QList<Line> &lines, qsizetype total, CaseWorkspace::Tab tab,
                        const QString &moreTitle, const QStringList &moreIds, const QString &empty)
{
    list->clear();
    for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), maxLines); ++i) {
        auto *item = new QListWidgetItem(lines.at(i).text, list);
        item->setToolTip(lines.at(i).text);
        item->setData(caseIdRole, lines.at(i).caseId);
        item->setData(tabRole, int(tab));
        if (lines.at(i).alarm)
            item->setForeground(alarmColor);
    }
    const qsizetype shown = std::min<qsizetype>(lines.size(), maxLines);
    if (total > shown) {
        auto *more = new QListWidgetItem(tr("and %n more…", nullptr, int(total - shown)), list);
        more->setData(moreRole, moreTitle);
        more->setData(caseIdRole, moreIds);
        QFont font = more->font();
        font.setUnderline(true);
        more->setFont(font);
    }
    if (lines.isEmpty())
        list->addItem(empty);
}

QHash<QString, Core::CaseSubject> HomePage::subjects(const QStringList &caseIds)
{
    Core::Result<QHash<QString, Core::CaseSubject>> read = m_session.subjects().forCases(caseIds);
    return read ? *read : QHash<QString, Core::CaseSubject>{};
}

void HomePage::refresh()
{
    fillFollowups();
    fillUrgent();
    fillWaiting();
    fillSyncState();
    fillAttention();
}

QString HomePage::dueText(const QDate &dueOn) const
{
    const QDate today = m_session.profile().districtTime().today(m_session.profile().clock());
    const qint64 days = today.daysTo(dueOn);
    if (days < 0)
        return tr("%n day(s) overdue", nullptr, int(-days));
    if (days == 0)
        return tr("today");
    if (days == 1)
        return tr("tomorrow");
    return QLocale(m_language).toString(dueOn, u"ddd d MMM"_s);
}

void HomePage::fillFollowups()
{
    using Due = Core::Worklist::Due;
    Core::Worklist &worklist = m_session.worklist();
    QList<Core::DueFollowup> all; // overdue, then today, then the week: the order of the lines
    for (const auto &[due, tile] : {std::pair{Due::Overdue, Overdue}, std::pair{Due::Today, Today},
                                    std::pair{Due::ThisWeek, ThisWeek}}) {
        const Core::Result<QList<Core::DueFollowup>> items = worklist.followups(due);
        if (!items) {
            m_followups->clear();
            m_followups->addItem(ErrorText::message(items.error()));
            return;
        }
        setTile(tile, items->size(), distinctCases(*items));
        all << *items;
    }
    if (const Core::Status described = worklist.describe(all, maxLines); !described) {
        m_followups->clear();
        m_followups->addItem(ErrorText::message(described.error()));
        return;
    }
    QStringList shownCases;
    for (qsizetype i = 0; i < std::min<qsizetype>(all.size(), maxLines); ++i)
        shownCases << all.at(i).caseId;
    const QHash<QString, Core::CaseSubject> who = subjects(shownCases);
    QList<Line> lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(all.size(), maxLines); ++i) {
        const Core::DueFollowup &f = all.at(i);
        const Core::CaseSubject subject = who.value(f.caseId);
        QString text
            = u"%1 · %2 · %3"_s.arg(dueText(f.dueOn), SubjectText::who(subject), SubjectText::where(subject));
        if (!f.description.isEmpty())
            text += u" — "_s + f.description;
        lines.append({f.caseId, text, f.overdue});
    }
    fillList(m_followups, lines, all.size(), CaseWorkspace::Tab::Followups,
             tr("Follow-ups due this week and overdue"), distinctCases(all),
             tr("Nothing due this week. Well done."));
}

void HomePage::fillUrgent()
{
    const Core::Result<QList<Core::UrgentCase>> urgent = m_session.worklist().urgentCases(5000);
    if (!urgent) {
        m_urgent->clear();
        m_urgent->addItem(ErrorText::message(urgent.error()));
        return;
    }
    // Most urgent first: Kritis before Tinggi, each in the worklist's order.
    QList<Core::UrgentCase> cases = *urgent;
    std::stable_sort(cases.begin(), cases.end(), [](const Core::UrgentCase &a, const Core::UrgentCase &b) {
        return a.riskLevel == u"critical" && b.riskLevel != u"critical";
    });
    QStringList ids;
    for (const Core::UrgentCase &c : cases) {
        // High and critical together, whatever else the worklist may call urgent.
        if (c.riskLevel == u"high" || c.riskLevel == u"critical")
            ids << c.id;
    }
    setTile(Urgent, ids.size(), ids);
    const QHash<QString, Core::CaseSubject> who = subjects(ids.mid(0, maxLines));
    QList<Line> lines;
    for (const Core::UrgentCase &c : cases) {
        if (lines.size() == maxLines)
            break;
        if (!ids.contains(c.id))
            continue;
        const Core::CaseSubject subject = who.value(c.id);
        lines.append({c.id,
                      u"%1 · %2 · %3 — %4"_s.arg(
                          CodeLabels::label(m_session.codes(), u"risk_level", c.riskLevel, m_language),
                          SubjectText::who(subject), SubjectText::where(subject),
                          CodeLabels::label(m_session.codes(), u"case_status", c.status, m_language)),
                      c.riskLevel == u"critical"});
    }
    fillList(m_urgent, lines, ids.size(), CaseWorkspace::Tab::Risk, m_tiles[Urgent].title, ids,
             tr("No open case at high or critical risk."));
}

void HomePage::fillWaiting()
{
    const Core::Result<QList<Core::WaitingCase>> waiting = m_session.worklist().awaitingFirstVisit();
    if (!waiting) {
        m_waiting->clear();
        m_waiting->addItem(ErrorText::message(waiting.error()));
        return;
    }
    QStringList ids;
    for (const Core::WaitingCase &c : *waiting)
        ids << c.id;
    setTile(Waiting, ids.size(), ids);
    const QHash<QString, Core::CaseSubject> who = subjects(ids.mid(0, maxLines));
    const QDate today = m_session.profile().districtTime().today(m_session.profile().clock());
    QList<Line> lines;
    for (const Core::WaitingCase &c : waiting->mid(0, maxLines)) {
        const Core::CaseSubject subject = who.value(c.id);
        QString text
            = u"%1 · %2 — %3"_s.arg(SubjectText::who(subject), SubjectText::where(subject),
                                    tr("reported %n day(s) ago", nullptr, int(c.reportedOn.daysTo(today))));
        if (c.riskLevel == u"high" || c.riskLevel == u"critical")
            text.prepend(CodeLabels::label(m_session.codes(), u"risk_level", c.riskLevel, m_language)
                         + u" · "_s);
        lines.append({c.id, text, c.riskLevel == u"critical"});
    }
    fillList(m_waiting, lines, ids.size(), CaseWorkspace::Tab::Visits, m_tiles[Waiting].title, ids,
             tr("Every open case has had a visit."));
}

void HomePage::fillSyncState()
{
    // One count of unsent changes, on its tile; the sentence says only when the last sync was.
    const QLocale locale(m_language);
    const Core::Result<qint64> pending = m_session.profile().changeLog().pendingCount();
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_session.profile().changeLog());
    setTile(Unsent, pending ? *pending : 0, {});
    if (!pending) {
        m_sync->setText(ErrorText::message(pending.error()));
    } else if (!config || !config->enrolled()) {
        m_sync->setText(tr("Never synced: this laptop is not enrolled with a server yet."));
    } else if (config->lastSyncAt == 0) {
        // True with automatic sync on or off: it syncs by itself, or with "Sync now".
        m_sync->setText(tr("Not synced yet: your work is kept on this laptop until there is a connection to "
                           "the district server."));
    } else {
        m_sync->setText(
            tr("Last sync: %1.").arg(m_session.profile().districtTime().display(config->lastSyncAt, locale)));
    }
    m_tiles[Unsent].widget->setToolTip(m_sync->text());
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
