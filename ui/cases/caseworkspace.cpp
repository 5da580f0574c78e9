// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/caseworkspace.h"

#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/domain/workflow.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/changelog/historyreader.h"
#include "ui/common/codelabels.h"
#include "ui/cases/conflictdialog.h"
#include "ui/common/entryform.h"
#include "ui/common/errortext.h"
#include "ui/visits/visitdialog.h"

#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

void setRows(QTableWidget *table, const QList<QStringList> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size() && c < table->columnCount(); ++c)
            table->setItem(r, c, new QTableWidgetItem(rows.at(r).at(c)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setStyleSheet(u"color: #b01c1c"_s);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

CaseWorkspace::CaseWorkspace(Core::Session &session, const QString &language, PositionProvider *gps,
                             QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_language(language)
    , m_gps(gps)
    , m_header(new QLabel(this))
    , m_statusCombo(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_statusError(errorLabel(u"statusError"_s, this))
    , m_tabs(new QTabWidget(this))
    , m_conflicts(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    m_header->setObjectName(u"caseHeader"_s);
    m_header->setTextFormat(Qt::RichText);
    m_header->setStyleSheet(u"QLabel { background: #eef3f8; padding: 8px; border-radius: 4px; }"_s);
    auto *headerRow = new QHBoxLayout;
    headerRow->addWidget(m_header, 1);
    // Sync conflicts are never silent: the header says how many wait for review.
    m_conflicts->setObjectName(u"conflictsButton"_s);
    m_conflicts->setStyleSheet(u"QPushButton { background: #fff1d6; color: #8a4b00; font-weight: bold; "
                               "padding: 6px 12px; }"_s);
    m_conflicts->hide();
    headerRow->addWidget(m_conflicts);
    layout->addLayout(headerRow);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(new QLabel(tr("Move to:"), this));
    m_statusCombo->setObjectName(u"statusCombo"_s);
    statusRow->addWidget(m_statusCombo);
    m_reason->setObjectName(u"statusReasonEdit"_s);
    m_reason->setPlaceholderText(tr("Reason (needed for closure, transfer and reopening)"));
    statusRow->addWidget(m_reason, 1);
    auto *apply = new QPushButton(tr("Change status"), this);
    apply->setObjectName(u"changeStatusButton"_s);
    statusRow->addWidget(apply);
    auto *visit = new QPushButton(tr("Record visit…"), this);
    visit->setObjectName(u"recordVisitButton"_s);
    visit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    statusRow->addWidget(visit);
    layout->addLayout(statusRow);
    layout->addWidget(m_statusError);

    m_tabs->setObjectName(u"caseTabs"_s);
    layout->addWidget(m_tabs, 1);
    m_people = addTable(
        u"peopleTable"_s, tr("People"),
        {tr("Role"), tr("Name"), tr("Sex"), tr("Birth date / age"), tr("NIK"), tr("Relationship")});
    m_incident = new QLabel(m_tabs);
    m_incident->setObjectName(u"incidentLabel"_s);
    m_incident->setWordWrap(true);
    m_incident->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_incident->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_incident->setMargin(8);
    m_tabs->addTab(m_incident, tr("Incident"));
    m_risks = addTable(u"riskTable"_s, tr("Assessment and safety"),
                       {tr("Assessed"), tr("Risk"), tr("Safety plan")});
    addEntryForm(m_risks, u"risk_assessment"_s, {u"level"_s, u"factors"_s, u"safety_plan"_s});
    m_plan = addTable(u"planTable"_s, tr("Case plan"),
                      {tr("Service"), tr("What will be done"), tr("Due"), tr("Status")});
    addEntryForm(m_plan, u"plan_item"_s, {u"service_type"_s, u"description"_s, u"due_on"_s});
    m_visits = addTable(u"visitTable"_s, tr("Visits"),
                        {tr("When"), tr("Village"), tr("Purpose"), tr("Location"), tr("Notes")});
    m_services = addTable(u"serviceTable"_s, tr("Services and referrals"),
                          {tr("Service"), tr("Provider"), tr("Status"), tr("Referred"), tr("Completed")});
    QWidget *servicePage
        = addEntryForm(m_services, u"service"_s, {u"service_type"_s, u"provider"_s, u"notes"_s});
    {
        // Move the selected referral along referred → accepted → completed (or declined).
        auto *row = new QHBoxLayout;
        row->addStretch();
        row->addWidget(new QLabel(tr("Selected referral:"), servicePage));
        m_serviceStatus = new QComboBox(servicePage);
        m_serviceStatus->setObjectName(u"serviceStatusCombo"_s);
        CodeLabels::fill(m_serviceStatus, session.codes(), u"service_status", language);
        row->addWidget(m_serviceStatus);
        auto *update = new QPushButton(tr("Update referral"), servicePage);
        update->setObjectName(u"updateServiceButton"_s);
        row->addWidget(update);
        static_cast<QVBoxLayout *>(servicePage->layout())->insertLayout(1, row);
        m_serviceError = errorLabel(u"serviceStatusError"_s, servicePage);
        static_cast<QVBoxLayout *>(servicePage->layout())->insertWidget(2, m_serviceError);
        connect(update, &QPushButton::clicked, this, &CaseWorkspace::updateService);
    }

    auto *notesPage = new QWidget(m_tabs);
    auto *notesLayout = new QVBoxLayout(notesPage);
    m_notes = new QTableWidget(0, 3, notesPage);
    m_notes->setObjectName(u"noteTable"_s);
    m_notes->setHorizontalHeaderLabels({tr("Written"), tr("By"), tr("Note")});
    m_notes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_notes->verticalHeader()->hide();
    notesLayout->addWidget(m_notes, 1);
    m_noteEdit = new QPlainTextEdit(notesPage);
    m_noteEdit->setObjectName(u"noteEdit"_s);
    m_noteEdit->setPlaceholderText(tr("Write a note…"));
    m_noteEdit->setMaximumHeight(90);
    notesLayout->addWidget(m_noteEdit);
    m_noteError = errorLabel(u"bodyError"_s, notesPage);
    notesLayout->addWidget(m_noteError);
    auto *saveNote = new QPushButton(tr("Save note"), notesPage);
    saveNote->setObjectName(u"saveNoteButton"_s);
    saveNote->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    notesLayout->addWidget(saveNote, 0, Qt::AlignRight);
    m_tabs->addTab(notesPage, tr("Notes"));

    // Follow-ups: due date, task, done.
    auto *followPage = new QWidget(m_tabs);
    auto *followLayout = new QVBoxLayout(followPage);
    m_followups = new QTableWidget(0, 3, followPage);
    m_followups->setObjectName(u"followupTable"_s);
    m_followups->setHorizontalHeaderLabels({tr("Due"), tr("Status"), tr("Task")});
    m_followups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_followups->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_followups->verticalHeader()->hide();
    followLayout->addWidget(m_followups, 1);
    auto *followRow = new QHBoxLayout;
    m_followupDue = new QDateEdit(followPage);
    m_followupDue->setObjectName(u"followupDueEdit"_s);
    m_followupDue->setCalendarPopup(true);
    m_followupDue->setDisplayFormat(QLocale(language).dateFormat(QLocale::ShortFormat));
    followRow->addWidget(m_followupDue);
    m_followupText = new QLineEdit(followPage);
    m_followupText->setObjectName(u"followupTextEdit"_s);
    m_followupText->setPlaceholderText(tr("What needs doing, e.g. accompany to the hospital for visum"));
    followRow->addWidget(m_followupText, 1);
    auto *addFollow = new QPushButton(tr("Add follow-up"), followPage);
    addFollow->setObjectName(u"addFollowupButton"_s);
    followRow->addWidget(addFollow);
    auto *doneFollow = new QPushButton(tr("Mark done"), followPage);
    doneFollow->setObjectName(u"followupDoneButton"_s);
    followRow->addWidget(doneFollow);
    followLayout->addLayout(followRow);
    m_followupError = errorLabel(u"followupError"_s, followPage);
    followLayout->addWidget(m_followupError);
    m_tabs->addTab(followPage, tr("Follow-ups"));

    // Documents: encrypted in the profile; a decrypted copy only where the user saves one.
    auto *docPage = new QWidget(m_tabs);
    auto *docLayout = new QVBoxLayout(docPage);
    m_documents = new QTableWidget(0, 4, docPage);
    m_documents->setObjectName(u"documentTable"_s);
    m_documents->setHorizontalHeaderLabels({tr("File"), tr("Type"), tr("Size"), tr("Added")});
    m_documents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_documents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_documents->verticalHeader()->hide();
    docLayout->addWidget(m_documents, 1);
    auto *docRow = new QHBoxLayout;
    docRow->addStretch();
    auto *attach = new QPushButton(tr("Attach file…"), docPage);
    attach->setObjectName(u"attachButton"_s);
    docRow->addWidget(attach);
    auto *saveCopy = new QPushButton(tr("Save a copy…"), docPage);
    saveCopy->setObjectName(u"saveCopyButton"_s);
    saveCopy->setToolTip(tr("The copy is not encrypted: keep it only as long as needed."));
    docRow->addWidget(saveCopy);
    docLayout->addLayout(docRow);
    m_documentError = errorLabel(u"documentError"_s, docPage);
    docLayout->addWidget(m_documentError);
    m_tabs->addTab(docPage, tr("Documents"));

    m_history = addTable(u"historyTable"_s, tr("History"),
                         {tr("When"), tr("Who"), tr("What"), tr("Field"), tr("Value")});

    connect(apply, &QPushButton::clicked, this, &CaseWorkspace::changeStatus);
    connect(addFollow, &QPushButton::clicked, this, &CaseWorkspace::addFollowup);
    connect(m_followupText, &QLineEdit::returnPressed, this, &CaseWorkspace::addFollowup);
    connect(doneFollow, &QPushButton::clicked, this, &CaseWorkspace::markFollowupDone);
    connect(attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach a document"));
        if (!path.isEmpty())
            attachFile(path);
    });
    connect(saveCopy, &QPushButton::clicked, this, &CaseWorkspace::saveAttachmentCopy);
    connect(saveNote, &QPushButton::clicked, this, &CaseWorkspace::addNote);
    connect(visit, &QPushButton::clicked, this, &CaseWorkspace::recordVisit);
    connect(m_conflicts, &QPushButton::clicked, this, &CaseWorkspace::reviewConflicts);
}

QWidget *CaseWorkspace::addEntryForm(QTableWidget *table, const QString &entity, const QStringList &fields)
{
    // The table's tab becomes a page: the table, then the form that adds to it.
    const int index = m_tabs->indexOf(table);
    const QString title = m_tabs->tabText(index);
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    m_tabs->removeTab(index);
    table->setParent(page);
    table->show(); // reparenting hides a widget
    layout->addWidget(table, 1);
    auto *form = new EntryForm(m_session, entity, fields, m_language, page);
    layout->addWidget(form);
    m_tabs->insertTab(index, page, title);
    m_forms << form;
    connect(form, &EntryForm::saved, this, [this] {
        reload();
        emit caseChanged(m_caseId);
    });
    return page;
}

void CaseWorkspace::updateService()
{
    m_serviceError->hide();
    const int row = m_services->currentRow();
    if (row < 0)
        return;
    const QString id = m_services->item(row, 0)->data(Qt::UserRole).toString();
    const Core::Status s = m_session.activities().update(
        u"service", id, {{u"status"_s, m_serviceStatus->currentData().toString()}});
    if (!s) {
        m_serviceError->setText(ErrorText::message(s.error()));
        m_serviceError->show();
        return;
    }
    reload();
    emit caseChanged(m_caseId);
}

QTableWidget *CaseWorkspace::addTable(const QString &objectName, const QString &title,
                                      const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), m_tabs);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    m_tabs->addTab(table, title);
    return table;
}

QString CaseWorkspace::label(QStringView list, const QString &code) const
{
    return code.isEmpty() ? QString() : CodeLabels::label(m_session.codes(), list, code, m_language);
}

QString CaseWorkspace::when(qint64 ms) const
{
    return m_session.profile().districtTime().display(ms, QLocale(m_language));
}

void CaseWorkspace::open(const QString &caseId)
{
    m_caseId = caseId;
    for (EntryForm *form : std::as_const(m_forms))
        form->setCaseId(caseId);
    m_statusError->hide();
    m_reason->clear();
    m_tabs->setCurrentIndex(0);
    if (caseId.isEmpty()) { // closed: nothing of the last case stays on screen
        m_header->clear();
        m_conflicts->hide();
        for (QTableWidget *table : findChildren<QTableWidget *>())
            table->setRowCount(0);
        m_incident->clear();
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
    const Core::Record &kase = file.kase;
    const QLocale locale(m_language);
    const QString status = kase.text(u"status"_s);
    // As `case show` says it: conflicts first, then unsent changes, then synced.
    const QString sync = file.openConflicts > 0
                           ? tr("%n conflict(s) to review", nullptr, int(file.openConflicts))
                           : file.unsyncedOps > 0 ? tr("%n change(s) not yet synced", nullptr, int(file.unsyncedOps))
                                                  : tr("synced");
    m_header->setText(u"<b style='font-size:14pt'>%1</b> &nbsp; %2 · %3 %4 · %5 %6 · %7"_s.arg(
        kase.text(u"number"_s).toHtmlEscaped(), label(u"case_status", status).toHtmlEscaped(),
        tr("risk").toHtmlEscaped(), label(u"risk_level", kase.text(u"risk_level"_s)).toHtmlEscaped(),
        tr("assigned to").toHtmlEscaped(), kase.text(u"assigned_user"_s).toHtmlEscaped(),
        sync.toHtmlEscaped()));

    m_conflicts->setText(tr("%n conflict(s) to review", nullptr, int(file.openConflicts)));
    m_conflicts->setVisible(file.openConflicts > 0);

    m_statusCombo->clear();
    for (const QString &target : Core::Workflow::allowedTargets(status, m_session.profile().actor().role))
        m_statusCombo->addItem(label(u"case_status", target), target);

    QList<QStringList> people;
    for (const Core::CaseParty &party : file.parties) {
        const Core::Record &p = party.person;
        QString born = p.text(u"birth_date"_s);
        if (!born.isEmpty())
            born = locale.toString(QDate::fromString(born, Qt::ISODate), QLocale::ShortFormat);
        else if (p.value(u"age_estimate"_s).isValid())
            born = tr("about %n year(s)", nullptr, p.value(u"age_estimate"_s).toInt());
        people.append({label(u"person_role", party.link.text(u"role"_s)), p.text(u"name"_s),
                       label(u"sex", p.text(u"sex"_s)), born, p.text(u"nik"_s),
                       label(u"perpetrator_relationship", party.link.text(u"relationship"_s))});
    }
    setRows(m_people, people);

    const QString region = kase.text(u"incident_region"_s);
    const auto date = [&](const QString &iso) {
        return iso.isEmpty() ? QString()
                             : locale.toString(QDate::fromString(iso, Qt::ISODate), QLocale::LongFormat);
    };
    m_incident->setText(
        u"<table cellpadding='4'>"
        "<tr><td><b>%1</b></td><td>%2</td></tr><tr><td><b>%3</b></td><td>%4</td></tr>"
        "<tr><td><b>%5</b></td><td>%6</td></tr><tr><td><b>%7</b></td><td>%8</td></tr>"
        "<tr><td><b>%9</b></td><td>%10</td></tr><tr><td><b>%11</b></td><td>%12</td></tr>"
        "<tr><td valign='top'><b>%13</b></td><td>%14</td></tr></table>"_s.arg(
            tr("Reported").toHtmlEscaped(), date(kase.text(u"reported_on"_s)).toHtmlEscaped(),
            tr("Incident date").toHtmlEscaped(), date(kase.text(u"incident_on"_s)).toHtmlEscaped(),
            tr("Place").toHtmlEscaped(),
            QString(m_session.regions().displayPath(region)
                    + (kase.text(u"incident_place"_s).isEmpty() ? QString()
                                                                : u" — "_s + kase.text(u"incident_place"_s)))
                .toHtmlEscaped(),
            tr("Scene").toHtmlEscaped(), label(u"scene", kase.text(u"incident_scene"_s)).toHtmlEscaped(),
            tr("Violence").toHtmlEscaped(),
            CodeLabels::labels(m_session.codes(), u"violence_type",
                               kase.value(u"violence_types"_s).toStringList(), m_language)
                .toHtmlEscaped(),
            tr("Case type").toHtmlEscaped(),
            CodeLabels::labels(m_session.codes(), u"case_typing", kase.value(u"typing"_s).toStringList(),
                               m_language)
                .toHtmlEscaped(),
            tr("Narrative").toHtmlEscaped(),
            kase.text(u"narrative"_s).toHtmlEscaped().replace(u'\n', u"<br>"_s)));

    QList<QStringList> risks;
    for (const Core::Record &r : file.children.value(u"risk_assessment"_s))
        risks.append({when(r.value(u"assessed_at"_s).toLongLong()), label(u"risk_level", r.text(u"level"_s)),
                      r.text(u"safety_plan"_s)});
    setRows(m_risks, risks);

    QList<QStringList> visits;
    for (const Core::Record &v : file.children.value(u"visit"_s)) {
        const QVariantMap fix = v.value(u"location"_s).toMap();
        const QString where
            = fix.isEmpty() ? label(u"location_source", v.text(u"location_source"_s))
                            : u"%1, %2 (%3)"_s.arg(locale.toString(fix.value(u"lat"_s).toDouble(), 'f', 5),
                                                   locale.toString(fix.value(u"lng"_s).toDouble(), 'f', 5),
                                                   label(u"location_source", v.text(u"location_source"_s)));
        const std::optional<Core::Region> village = m_session.regions().find(v.text(u"region_code"_s));
        visits.append({when(v.value(u"visited_at"_s).toLongLong()), village ? village->name : QString(),
                       label(u"visit_purpose", v.text(u"purpose"_s)), where, v.text(u"notes"_s)});
    }
    setRows(m_visits, visits);

    QList<QStringList> services;
    for (const Core::Record &s : file.children.value(u"service"_s))
        services.append({label(u"service_type", s.text(u"service_type"_s)), s.text(u"provider"_s),
                         label(u"service_status", s.text(u"status"_s)), date(s.text(u"referred_on"_s)),
                         date(s.text(u"completed_on"_s))});
    setRows(m_services, services);
    const QList<Core::Record> serviceRecords = file.children.value(u"service"_s);
    for (int r = 0; r < serviceRecords.size(); ++r)
        m_services->item(r, 0)->setData(Qt::UserRole, serviceRecords.at(r).id);

    QList<QStringList> plan;
    for (const Core::Record &p : file.children.value(u"plan_item"_s))
        plan.append({label(u"service_type", p.text(u"service_type"_s)), p.text(u"description"_s),
                     date(p.text(u"due_on"_s)), label(u"plan_item_status", p.text(u"status"_s))});
    setRows(m_plan, plan);

    QList<QStringList> notes;
    for (const Core::Record &n : file.children.value(u"note"_s))
        notes.append({when(n.value(u"written_at"_s).toLongLong()), n.createdBy, n.text(u"body"_s)});
    setRows(m_notes, notes);

    m_followupDue->setDate(m_session.profile().districtTime().today(m_session.profile().clock()).addDays(7));
    QList<QStringList> followups;
    QStringList followupIds;
    for (const Core::Record &f : file.children.value(u"followup"_s)) {
        followups.append({date(f.text(u"due_on"_s)), label(u"followup_status", f.text(u"status"_s)),
                          f.text(u"description"_s)});
        followupIds << f.id;
    }
    setRows(m_followups, followups);
    for (int r = 0; r < followupIds.size(); ++r)
        m_followups->item(r, 0)->setData(Qt::UserRole, followupIds.at(r));

    QList<QStringList> documents;
    QStringList documentIds;
    for (const Core::Record &d : file.children.value(u"attachment"_s)) {
        // Attached on another laptop: the row came with sync, the content follows it.
        const bool here = QFile::exists(m_session.attachments().pathFor(d.id));
        documents.append(
            {here ? d.text(u"file_name"_s) : tr("%1 (arrives with a sync)").arg(d.text(u"file_name"_s)),
             d.text(u"mime_type"_s), locale.formattedDataSize(d.value(u"size_bytes"_s).toLongLong()),
             when(d.createdAt)});
        documentIds << d.id;
    }
    setRows(m_documents, documents);
    for (int r = 0; r < documentIds.size(); ++r)
        m_documents->item(r, 0)->setData(Qt::UserRole, documentIds.at(r));

    QList<QStringList> history;
    if (const auto entries = m_session.history().forCase(m_caseId); entries) {
        for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
            if (it->op == u"create")
                continue;
            history.append(
                {when(it->atMs), it->author, it->entity, it->field,
                 it->value.typeId() == QMetaType::QVariantMap ? tr("(location)") : it->value.toString()});
        }
    }
    setRows(m_history, history);
}

void CaseWorkspace::changeStatus()
{
    m_statusError->hide();
    Core::CaseDraft patch;
    patch.fields.insert(u"status"_s, m_statusCombo->currentData().toString());
    patch.statusReason = m_reason->text();
    if (const Core::Status s = m_session.cases().update(m_caseId, patch); !s) {
        m_statusError->setText(ErrorText::message(s.error()));
        m_statusError->show();
        return;
    }
    m_reason->clear();
    reload();
    emit caseChanged(m_caseId);
}

void CaseWorkspace::addNote()
{
    m_noteError->hide();
    const Core::Result<Core::Record> note
        = m_session.activities().add(u"note", m_caseId, {{u"body"_s, m_noteEdit->toPlainText()}});
    if (!note) {
        m_noteError->setText(ErrorText::message(note.error()));
        m_noteError->show();
        return;
    }
    m_noteEdit->clear();
    reload();
    emit caseChanged(m_caseId);
}

void CaseWorkspace::addFollowup()
{
    m_followupError->hide();
    const Core::Result<Core::Record> added
        = m_session.activities().add(u"followup", m_caseId,
                                     {{u"due_on"_s, m_followupDue->date().toString(Qt::ISODate)},
                                      {u"description"_s, m_followupText->text()}});
    if (!added) {
        m_followupError->setText(ErrorText::message(added.error()));
        m_followupError->show();
        return;
    }
    m_followupText->clear();
    reload();
    emit caseChanged(m_caseId);
}

void CaseWorkspace::markFollowupDone()
{
    m_followupError->hide();
    const int row = m_followups->currentRow();
    if (row < 0)
        return;
    const QString id = m_followups->item(row, 0)->data(Qt::UserRole).toString();
    if (const Core::Status s = m_session.activities().update(u"followup", id, {{u"status"_s, u"done"_s}});
        !s) {
        m_followupError->setText(ErrorText::message(s.error()));
        m_followupError->show();
        return;
    }
    reload();
    emit caseChanged(m_caseId);
}

bool CaseWorkspace::attachFile(const QString &path)
{
    m_documentError->hide();
    const Core::Result<Core::Record> added = m_session.attachments().attach(m_caseId, path);
    if (!added) {
        m_documentError->setText(ErrorText::message(added.error()));
        m_documentError->show();
        return false;
    }
    reload();
    emit caseChanged(m_caseId);
    return true;
}

bool CaseWorkspace::saveAttachmentTo(const QString &attachmentId, const QString &path)
{
    m_documentError->hide();
    const Core::Result<QByteArray> content = m_session.attachments().read(attachmentId);
    QSaveFile file(path);
    if (!content || !file.open(QIODevice::WriteOnly) || file.write(*content) != content->size()
        || !file.commit()) {
        const bool notHere = !content && content.error().code == Core::Error::Code::NotFound
                          && !QFile::exists(m_session.attachments().pathFor(attachmentId));
        m_documentError->setText(
            content   ? tr("The copy could not be written: %1").arg(file.errorString())
            : notHere ? tr("This file has not reached this laptop yet. It arrives with a sync, "
                           "once the laptop that attached it has synced too.")
                      : ErrorText::message(content.error()));
        m_documentError->show();
        return false;
    }
    return true;
}

void CaseWorkspace::saveAttachmentCopy()
{
    const int row = m_documents->currentRow();
    if (row < 0)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save a copy"), m_documents->item(row, 0)->text());
    if (!path.isEmpty())
        saveAttachmentTo(m_documents->item(row, 0)->data(Qt::UserRole).toString(), path);
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
