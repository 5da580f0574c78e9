// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/conflictdialog.h"

#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/domain/workflow.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/replication/replicator.h"
#include "ui/common/errortext.h"
#include "ui/common/fieldlabels.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The record a conflict is about, as the case file holds it now (null when not found).
const Core::Record *recordOf(const Core::CaseFile &file, const Core::ConflictRecord &conflict)
{
    if (conflict.entity == u"case")
        return &file.kase;
    for (const Core::CaseParty &party : file.parties) {
        if (party.person.id == conflict.entityId)
            return &party.person;
        if (party.link.id == conflict.entityId)
            return &party.link;
    }
    const auto children = file.children.find(conflict.entity);
    if (children != file.children.end()) {
        for (const Core::Record &record : *children) {
            if (record.id == conflict.entityId)
                return &record;
        }
    }
    return nullptr;
}

} // namespace

ConflictDialog::ConflictDialog(Core::Session &session, const QString &caseId, const QString &language,
                               QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_caseId(caseId)
    , m_language(language)
    , m_summary(new QLabel(this))
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("Conflicts to review"));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    m_summary->setObjectName(u"conflictSummaryLabel"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"conflictScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    m_list = new QWidget(scroll);
    m_listLayout = new QVBoxLayout(m_list);
    scroll->setWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeConflictsButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    reload();
}

ConflictDialog::~ConflictDialog() = default;

QString ConflictDialog::when(qint64 hlc) const
{
    // An HLC stamp is 48 bits of milliseconds and a 16-bit counter.
    const qint64 ms = hlc >> 16;
    return m_session.profile().districtTime().display(ms, QLocale(m_language));
}

void ConflictDialog::reload()
{
    // Rebuilt from the store each time: a resolution may settle more than the row clicked.
    while (QLayoutItem *item = m_listLayout->takeAt(0)) {
        if (QWidget *widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    Core::Result<Core::CaseFile> file = m_session.cases().load(m_caseId);
    m_file = file ? std::make_unique<Core::CaseFile>(std::move(*file)) : nullptr;
    Core::Replicator replicator(m_session.profile().changeLog());
    const Core::Result<QList<Core::ConflictRecord>> all = replicator.conflicts(false);
    if (!all) {
        m_count = 0;
        m_summary->setText(ErrorText::message(all.error()));
        return;
    }
    int row = 0;
    for (const Core::ConflictRecord &conflict : *all) {
        if (conflict.caseId != m_caseId)
            continue;
        m_listLayout->addWidget(conflictBox(conflict, row++));
    }
    m_listLayout->addStretch();
    m_count = row;
    m_summary->setText(row == 0 ? tr("No conflicts left to review in this case.")
                                : tr("This case was changed in two places, or a change was not accepted. "
                                     "Nothing was lost: look at both values and choose which to keep."));
}

QWidget *ConflictDialog::conflictBox(const Core::ConflictRecord &conflict, int row)
{
    auto *box = new QGroupBox(u"%1 — %2"_s.arg(FieldLabels::field(conflict.entity, conflict.field),
                                               FieldLabels::conflictKind(conflict.kind)),
                              m_list);
    box->setObjectName(u"conflictBox%1"_s.arg(row));
    auto *layout = new QVBoxLayout(box);
    auto *error = new QLabel(box);
    error->setObjectName(u"conflictError%1"_s.arg(row));
    error->setStyleSheet(u"color: #b01c1c"_s);
    error->setWordWrap(true);
    error->hide();

    if (conflict.kind == u"rejected" || conflict.kind == u"unapplied") {
        auto *explain
            = new QLabel(conflict.kind == u"rejected"
                             ? tr("The district server did not accept this change from this laptop. "
                                  "Check the case and correct it by hand if needed.")
                             : tr("A change from another laptop could not be applied here. Check "
                                  "the case and correct it by hand if needed."),
                         box);
        explain->setWordWrap(true);
        layout->addWidget(explain);
        auto *detail = new QLabel(tr("Reason given: %1").arg(conflict.detail), box);
        detail->setObjectName(u"conflictDetail%1"_s.arg(row));
        detail->setWordWrap(true);
        detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(detail);
        auto *mine = new QLabel(
            tr("Value: %1 (by %2, %3)")
                .arg(FieldLabels::value(m_session, conflict.entity, conflict.field,
                                        conflict.loserValue ? conflict.loserValue : conflict.winnerValue,
                                        m_language),
                     conflict.loserHlc ? author(conflict.loserAuthor, conflict.loserSite)
                                       : author(conflict.winnerAuthor, conflict.winnerSite),
                     when(conflict.loserHlc ? conflict.loserHlc : conflict.winnerHlc)),
            box);
        mine->setWordWrap(true);
        layout->addWidget(mine);
        auto *checked = new QPushButton(tr("Checked"), box);
        checked->setObjectName(u"checkedButton%1"_s.arg(row));
        checked->setToolTip(tr("Close this item after you checked the case."));
        layout->addWidget(checked, 0, Qt::AlignRight);
        connect(checked, &QPushButton::clicked, this,
                [this, id = conflict.id, error] { resolve(id, u"current"_s, error); });
        layout->addWidget(error);
        return box;
    }

    if (conflict.kind == u"safety") {
        auto *explain = new QLabel(tr("For safety, the most protective value is kept until a supervisor "
                                      "decides."),
                                   box);
        explain->setObjectName(u"safetyNote%1"_s.arg(row));
        explain->setWordWrap(true);
        explain->setStyleSheet(u"font-weight: bold; color: #8a4b00"_s);
        layout->addWidget(explain);
    }
    // Which side the case holds now: for most fields the later edit, for a safety field the most
    // protective one, whatever its stamp. Shown first, and marked as kept.
    const Side kept = keptSide(conflict);
    auto *sides = new QHBoxLayout;
    if (kept == Side::Loser) {
        sides->addWidget(sideBox(conflict, false, true, row, box), 1);
        sides->addWidget(sideBox(conflict, true, false, row, box), 1);
    } else {
        sides->addWidget(sideBox(conflict, true, kept == Side::Winner, row, box), 1);
        sides->addWidget(sideBox(conflict, false, false, row, box), 1);
    }
    layout->addLayout(sides);
    if (kept == Side::Neither) {
        auto *now = new QLabel(tr("Changed again since: the case now holds a third value."), box);
        now->setWordWrap(true);
        layout->addWidget(now);
    }
    layout->addWidget(error);
    return box;
}

ConflictDialog::Side ConflictDialog::keptSide(const Core::ConflictRecord &conflict) const
{
    if (!m_file)
        return Side::Winner;
    const Core::EntityDef *entity = Core::Schema::entity(conflict.entity);
    const Core::FieldDef *field = entity ? entity->field(conflict.field) : nullptr;
    const Core::Record *record = recordOf(*m_file, conflict);
    if (!field || !record)
        return Side::Winner;
    const QVariant now = record->value(conflict.field);
    const auto holds = [&](const std::optional<QByteArray> &bytes) {
        const QVariant value = bytes ? Core::ValueCodec::decode(*field, *bytes) : QVariant();
        return Core::ValueCodec::same(*field, value, now);
    };
    if (holds(conflict.winnerValue))
        return Side::Winner;
    if (holds(conflict.loserValue))
        return Side::Loser;
    return Side::Neither;
}

QString ConflictDialog::author(const QString &login, const QString &site) const
{
    if (!login.isEmpty())
        return login;
    return site == m_session.profile().changeLog().siteId() ? tr("this laptop") : tr("another laptop");
}

QWidget *ConflictDialog::sideBox(const Core::ConflictRecord &conflict, bool winner, bool kept, int row,
                                 QWidget *parent)
{
    auto *side = new QFrame(parent);
    side->setFrameShape(QFrame::StyledPanel);
    side->setStyleSheet(kept ? u"QFrame { background: #eef6ee; }"_s : u"QFrame { background: #f6f1ea; }"_s);
    auto *layout = new QVBoxLayout(side);
    auto *title = new QLabel(kept ? tr("<b>Kept now</b>") : tr("<b>The other value</b>"), side);
    layout->addWidget(title);
    auto *value
        = new QLabel(FieldLabels::value(m_session, conflict.entity, conflict.field,
                                        winner ? conflict.winnerValue : conflict.loserValue, m_language),
                     side);
    value->setObjectName(u"%1Value%2"_s.arg(winner ? u"winner"_s : u"loser"_s).arg(row));
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setStyleSheet(u"font-size: 11pt"_s);
    layout->addWidget(value, 1);
    auto *who = new QLabel(tr("by %1, %2")
                               .arg(winner ? author(conflict.winnerAuthor, conflict.winnerSite)
                                           : author(conflict.loserAuthor, conflict.loserSite),
                                    when(winner ? conflict.winnerHlc : conflict.loserHlc)),
                           side);
    who->setStyleSheet(u"color: #555"_s);
    layout->addWidget(who);
    auto *keep = new QPushButton(tr("Keep this"), side);
    keep->setObjectName(u"%1KeepButton%2"_s.arg(winner ? u"winner"_s : u"loser"_s).arg(row));
    if (conflict.kind == u"safety" && m_session.profile().actor().role != Core::Role::Supervisor) {
        keep->setEnabled(false);
        keep->setToolTip(tr("Only a supervisor decides a safety value."));
    }
    layout->addWidget(keep, 0, Qt::AlignRight);
    auto *error = parent->findChild<QLabel *>(u"conflictError%1"_s.arg(row));
    connect(keep, &QPushButton::clicked, this, [this, id = conflict.id, winner, error] {
        resolve(id, winner ? u"winner"_s : u"loser"_s, error);
    });
    return side;
}

void ConflictDialog::resolve(const QString &conflictId, const QString &keep, QLabel *error)
{
    if (const Core::Status s = m_session.resolveConflict(conflictId, keep); !s) {
        if (error) {
            error->setText(ErrorText::message(s.error()));
            error->show();
        }
        return;
    }
    emit conflictResolved(m_caseId);
    reload();
    if (m_count == 0)
        accept();
}
