// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/changelog/historyreader.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caseworkspace.h"
#include "ui/cases/incidenttab.h"
#include "ui/cases/peopletab.h"
#include "ui/common/recorddetail.h"
#include "ui/visits/visitdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

template <typename T> T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    INFO("widget " << name.toStdString());
    REQUIRE(found);
    return found;
}

void click(const QObject *parent, const QString &button)
{
    QTest::mouseClick(child<QPushButton>(parent, button), Qt::LeftButton);
}

void retype(QWidget *edit, const QString &text)
{
    if (auto *line = qobject_cast<QLineEdit *>(edit)) {
        line->clear();
        QTest::keyClicks(line, text);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(edit)) {
        plain->clear();
        QTest::keyClicks(plain, text);
    }
}

void choose(QComboBox *box, const QString &code)
{
    const int index = box->findData(code);
    REQUIRE(index >= 0);
    box->setCurrentIndex(index);
}

// The ops of the case's change log that wrote `field` of `entity`, with the value they wrote.
QList<Core::HistoryEntry> opsOf(Test::ProfileFixture &f, const QString &caseId, const QString &entity,
                                const QString &field)
{
    QList<Core::HistoryEntry> found;
    const auto entries = f.session->history().forCase(caseId);
    REQUIRE(entries.ok());
    for (const Core::HistoryEntry &e : *entries) {
        if (e.entity == entity && e.field == field && e.op != u"create")
            found << e;
    }
    return found;
}

// How many ops of the case's change log wrote `value` into `field` of `entity`.
qsizetype opsWriting(Test::ProfileFixture &f, const QString &caseId, const QString &entity,
                     const QString &field, const QString &value)
{
    qsizetype n = 0;
    for (const Core::HistoryEntry &e : opsOf(f, caseId, entity, field))
        n += e.value.toString() == value ? 1 : 0;
    return n;
}

// The table row whose first cell's id is `id`; REQUIREs it.
int rowOf(const QTableWidget *table, const QString &id)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0) && table->item(r, 0)->data(Qt::UserRole).toString() == id)
            return r;
    }
    FAIL("no row for " << id.toStdString());
    return -1;
}

struct Desk
{
    Test::ProfileFixture f;
    QString caseId;
    std::unique_ptr<CaseWorkspace> workspace;

    explicit Desk(Core::CaseDraft draft = Test::sampleDraft())
    {
        const auto kase = f.session->cases().create(std::move(draft));
        REQUIRE(kase.ok());
        caseId = kase->id;
        workspace = std::make_unique<CaseWorkspace>(*f.session, u"id"_s, nullptr);
        workspace->open(caseId);
        workspace->resize(1366, 700);
        workspace->show();
        REQUIRE(QTest::qWaitForWindowExposed(workspace.get()));
    }
    Core::CaseFile load() const { return f.session->cases().load(caseId).value(); }
    QTableWidget *table(const QString &name) const { return child<QTableWidget>(workspace.get(), name); }
    // Selects the entry's row and presses the table's "Edit…"; the editor that opened.
    template <typename Dialog>
    Dialog *edit(const QString &tableName, const QString &id, const QString &dialog)
    {
        QTableWidget *t = table(tableName);
        t->selectRow(rowOf(t, id));
        click(workspace.get(), tableName + u"EditButton"_s);
        return child<Dialog>(workspace.get(), dialog);
    }
};

Core::CaseDraft adultPhysicalDraft()
{
    Core::CaseDraft draft = Test::sampleDraft();
    draft.fields.insert(u"violence_types"_s, QStringList{u"fisik"_s});
    draft.fields.insert(u"typing"_s, QStringList{u"ktp"_s});
    draft.parties[0].person = {{u"name"_s, u"Rahmawati"_s}, {u"sex"_s, u"female"_s}, {u"age_estimate"_s, 34}};
    return draft;
}

} // namespace

TEST_CASE("a person of the case is corrected from the people tab and the change is in the history",
          "[ui][recordedit]")
{
    Desk d;
    const Core::CaseParty perpetrator = d.load().parties.at(1);
    REQUIRE(perpetrator.link.text(u"role"_s) == u"perpetrator");
    auto *dialog = d.edit<QDialog>(u"peopleTable"_s, perpetrator.link.id, u"personDialog"_s);
    CHECK(child<QLineEdit>(dialog, u"personNameEdit"_s)->text() == u"Darmawan Saputra");
    retype(child<QLineEdit>(dialog, u"personNameEdit"_s), u"Darmawan Saputro"_s);
    retype(child<QLineEdit>(dialog, u"personHamletEdit"_s), u"Dusun Sukamaju"_s);
    retype(child<QLineEdit>(dialog, u"personRtEdit"_s), u"005/002"_s);
    choose(child<QComboBox>(dialog, u"relationshipCombo"_s), u"neighbour"_s);
    choose(child<QComboBox>(dialog, u"personOccupationCombo"_s), u"farmer_fisher"_s);
    auto *access = child<QComboBox>(dialog, u"hasAccessCombo"_s);
    access->setCurrentIndex(access->findData(true));
    click(dialog, u"savePersonButton"_s);

    const Core::CaseParty saved = d.load().parties.at(1);
    CHECK(saved.person.text(u"name"_s) == u"Darmawan Saputro");
    CHECK(saved.person.text(u"address_hamlet"_s) == u"Dusun Sukamaju");
    CHECK(saved.person.text(u"address_rt"_s) == u"005/002");
    CHECK(saved.link.text(u"relationship"_s) == u"neighbour");
    CHECK(saved.link.value(u"has_access"_s).toBool());
    CHECK(saved.person.text(u"occupation"_s) == u"farmer_fisher");
    CHECK(saved.person.value(u"age_estimate"_s).toInt() == 41); // untouched fields stay
    CHECK(opsWriting(d.f, d.caseId, u"person"_s, u"name"_s, u"Darmawan Saputro"_s) == 1);
    CHECK(opsOf(d.f, d.caseId, u"person"_s, u"age_estimate"_s).size() == 1); // the intake's only
    CHECK(opsOf(d.f, d.caseId, u"case_person"_s, u"has_access"_s).size() == 1);
    CHECK(d.table(u"peopleTable"_s)->item(1, 1)->text() == u"Darmawan Saputro");
}

TEST_CASE("a refused correction of a person shows under the field and stores nothing", "[ui][recordedit]")
{
    Desk d;
    const Core::CaseParty victim = d.load().parties.at(0);
    auto *dialog = d.edit<QDialog>(u"peopleTable"_s, victim.link.id, u"personDialog"_s);
    retype(child<QLineEdit>(dialog, u"personNikEdit"_s), u"6402061507120003"_s); // a man's NIK
    click(dialog, u"savePersonButton"_s);
    CHECK(child<QLabel>(dialog, u"personNikEditError"_s)->isVisibleTo(dialog));
    CHECK(d.load().parties.at(0).person.text(u"nik"_s) == u"6402065507120003");
}

TEST_CASE("a guardian is added to a case from the people tab", "[ui][recordedit]")
{
    Desk d;
    click(d.workspace.get(), u"addPersonButton"_s);
    auto *dialog = child<QDialog>(d.workspace.get(), u"personDialog"_s);
    choose(child<QComboBox>(dialog, u"roleCombo"_s), u"guardian"_s);
    CHECK_FALSE(child<QComboBox>(dialog, u"hasAccessCombo"_s)->isVisibleTo(dialog));
    QTest::keyClicks(child<QLineEdit>(dialog, u"personNameEdit"_s), u"Siti Aminah"_s);
    choose(child<QComboBox>(dialog, u"personSexCombo"_s), u"female"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"personPhoneEdit"_s), u"081355501234"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, u"personHamletEdit"_s), u"Dusun Melati"_s);
    click(dialog, u"savePersonButton"_s);

    const Core::CaseFile file = d.load();
    REQUIRE(file.parties.size() == 4);
    const Core::CaseParty &guardian = file.parties.at(3);
    CHECK(guardian.link.text(u"role"_s) == u"guardian");
    CHECK(guardian.person.text(u"name"_s) == u"Siti Aminah");
    CHECK(guardian.person.text(u"address_hamlet"_s) == u"Dusun Melati");
    CHECK(d.table(u"peopleTable"_s)->rowCount() == 4);
    CHECK(opsOf(d.f, d.caseId, u"case_person"_s, u"role"_s).size() == 4); // three at intake, one now
}

TEST_CASE("a role is removed from the case, but never the last victim's", "[ui][recordedit]")
{
    Desk d;
    auto *people = child<PeopleTab>(d.workspace.get(), QString());
    const Core::CaseFile before = d.load();
    const Core::CaseParty reporter = before.parties.at(2);
    REQUIRE(reporter.link.text(u"role"_s) == u"reporter");
    d.table(u"peopleTable"_s)->selectRow(2);
    click(d.workspace.get(), u"removeRoleButton"_s);
    click(child<QDialog>(people, u"removeRoleDialog"_s), u"confirmRemoveRoleButton"_s);
    const Core::CaseFile after = d.load();
    CHECK(after.parties.size() == 2);
    CHECK(opsOf(d.f, d.caseId, u"case_person"_s, u"deleted"_s).size() == 1);
    // The person is kept: only their part in this case went.
    CHECK(d.f.session->people().resolved(reporter.person.id).ok());

    const QString victimLink = after.parties.at(0).link.id;
    REQUIRE(after.parties.at(0).link.text(u"role"_s) == u"victim");
    QTest::qWait(0); // the last confirmation dialog is deleted
    people->removeRole(victimLink);
    click(child<QDialog>(people, u"removeRoleDialog"_s), u"confirmRemoveRoleButton"_s);
    auto *error = child<QLabel>(people, u"peopleError"_s);
    CHECK(error->isVisibleTo(people));
    CHECK(error->text().contains(u"victim"_s));
    CHECK(d.load().parties.size() == 2);
}

TEST_CASE("the only victim's role cannot be changed away in the person dialog either", "[ui][recordedit]")
{
    Desk d;
    const Core::CaseParty victim = d.load().parties.at(0);
    REQUIRE(victim.link.text(u"role"_s) == u"victim");
    auto *dialog = d.edit<QDialog>(u"peopleTable"_s, victim.link.id, u"personDialog"_s);
    choose(child<QComboBox>(dialog, u"roleCombo"_s), u"reporter"_s);
    click(dialog, u"savePersonButton"_s);
    CHECK(dialog->isVisible()); // refused: the dialog stays open and says why
    CHECK(d.load().parties.at(0).link.text(u"role"_s) == u"victim");
    CHECK(opsOf(d.f, d.caseId, u"case_person"_s, u"role"_s).size() == 3); // the intake's only

    // With a second victim in the case, the first may change role.
    Core::CaseDraft second;
    Core::PartyInput sister;
    sister.person = {{u"name"_s, u"Nur Aisyah"_s}, {u"sex"_s, u"female"_s}, {u"age_estimate"_s, 12}};
    sister.link = {{u"role"_s, u"victim"_s}};
    second.parties << sister;
    REQUIRE(d.f.session->cases().update(d.caseId, second).ok());
    Core::CaseDraft change;
    Core::PartyInput first;
    first.linkId = victim.link.id;
    first.personId = victim.person.id;
    first.link = {{u"role"_s, u"reporter"_s}};
    change.parties << first;
    CHECK(d.f.session->cases().update(d.caseId, change).ok());
}

TEST_CASE("a guardian's consent is corrected in the person dialog", "[ui][recordedit]")
{
    Desk d;
    click(d.workspace.get(), u"addPersonButton"_s);
    auto *dialog = child<QDialog>(d.workspace.get(), u"personDialog"_s);
    choose(child<QComboBox>(dialog, u"roleCombo"_s), u"guardian"_s);
    REQUIRE(child<QWidget>(dialog, u"personConsentBox"_s)->isVisibleTo(dialog));
    QTest::keyClicks(child<QLineEdit>(dialog, u"personNameEdit"_s), u"Siti Aminah"_s);
    choose(child<QComboBox>(dialog, u"consentStatusCombo"_s), u"given"_s);
    click(dialog, u"savePersonButton"_s); // given, but not how: refused
    CHECK(dialog->isVisible());
    CHECK(d.load().parties.size() == 3);
    choose(child<QComboBox>(dialog, u"consentMethodCombo"_s), u"thumbprint"_s);
    click(dialog, u"savePersonButton"_s);
    REQUIRE(d.load().parties.size() == 4);
    const Core::CaseParty guardian = d.load().parties.at(3);
    CHECK(guardian.link.text(u"consent"_s) == u"given");
    CHECK(guardian.link.text(u"consent_method"_s) == u"thumbprint");
    CHECK_FALSE(guardian.link.text(u"consent_on"_s).isEmpty());

    // Corrected: the consent was in fact refused.
    QTest::qWait(0);
    auto *edit = d.edit<QDialog>(u"peopleTable"_s, guardian.link.id, u"personDialog"_s);
    CHECK(child<QComboBox>(edit, u"consentMethodCombo"_s)->currentData().toString() == u"thumbprint");
    choose(child<QComboBox>(edit, u"consentStatusCombo"_s), u"refused"_s);
    click(edit, u"savePersonButton"_s);
    CHECK(d.load().parties.at(3).link.text(u"consent"_s) == u"refused");
    CHECK(opsOf(d.f, d.caseId, u"case_person"_s, u"consent"_s).size() == 2);
}

TEST_CASE("the incident is corrected from its tab", "[ui][recordedit]")
{
    Desk d;
    click(d.workspace.get(), u"editIncidentButton"_s);
    auto *dialog = child<QDialog>(d.workspace.get(), u"incidentDialog"_s);
    CHECK(child<QPlainTextEdit>(dialog, u"narrativeEdit"_s)->toPlainText().startsWith(u"Korban diancam"_s));
    retype(child<QLineEdit>(dialog, u"incidentPlaceEdit"_s), u"kebun sawit"_s);
    choose(child<QComboBox>(dialog, u"sceneCombo"_s), u"public_facility"_s);
    auto *types = child<QListWidget>(dialog, u"violenceTypeList"_s);
    for (int i = 0; i < types->count(); ++i) {
        if (types->item(i)->data(Qt::UserRole).toString() == u"fisik")
            types->item(i)->setCheckState(Qt::Checked);
    }
    retype(child<QPlainTextEdit>(dialog, u"narrativeEdit"_s), u"Korban dipukul di kebun"_s);
    click(dialog, u"saveIncidentButton"_s);

    const Core::Record kase = d.load().kase;
    CHECK(kase.text(u"incident_place"_s) == u"kebun sawit");
    CHECK(kase.text(u"incident_scene"_s) == u"public_facility");
    CHECK(kase.value(u"violence_types"_s).toStringList().contains(u"fisik"_s));
    CHECK(kase.text(u"narrative"_s) == u"Korban dipukul di kebun");
    CHECK(kase.text(u"incident_on"_s) == u"2026-11-15"); // unchanged
    CHECK(opsWriting(d.f, d.caseId, u"case"_s, u"narrative"_s, u"Korban dipukul di kebun"_s) == 1);
    CHECK(opsWriting(d.f, d.caseId, u"case"_s, u"violence_types"_s, u"fisik"_s) == 1); // one add op
    CHECK(opsOf(d.f, d.caseId, u"case"_s, u"incident_on"_s).size() == 1); // the intake's only
    CHECK(child<QLabel>(d.workspace.get(), u"incidentLabel"_s)->text().contains(u"dipukul"_s));
}

TEST_CASE("plan items, referrals, follow-ups and notes are corrected through the entry form",
          "[ui][recordedit]")
{
    Desk d;
    auto &activities = d.f.session->activities();
    const auto plan = activities.add(u"plan_item", d.caseId, {{u"description"_s, u"Konseling"_s}});
    const auto service = activities.add(u"service", d.caseId, {{u"service_type"_s, u"forensic_exam"_s}});
    const auto followup = activities.add(u"followup", d.caseId,
                                         {{u"due_on"_s, u"2026-11-25"_s}, {u"description"_s, u"Visum"_s}});
    const auto note = activities.add(u"note", d.caseId, {{u"body"_s, u"Catatan awal"_s}});
    REQUIRE((plan.ok() && service.ok() && followup.ok() && note.ok()));
    d.workspace->reload();

    auto *planEditor = d.edit<QDialog>(u"planTable"_s, plan->id, u"entryEditDialog"_s);
    retype(child<QLineEdit>(planEditor, u"plan_item_description"_s), u"Konseling psikolog"_s);
    choose(child<QComboBox>(planEditor, u"plan_item_status"_s), u"in_progress"_s);
    click(planEditor, u"plan_itemSaveButton"_s);
    QTest::qWait(0);

    auto *serviceEditor = d.edit<QDialog>(u"serviceTable"_s, service->id, u"entryEditDialog"_s);
    retype(child<QLineEdit>(serviceEditor, u"service_provider"_s), u"RSUD A.M. Parikesit"_s);
    retype(child<QPlainTextEdit>(serviceEditor, u"service_notes"_s), u"Dijadwalkan Senin pagi"_s);
    click(serviceEditor, u"serviceSaveButton"_s);
    QTest::qWait(0);

    auto *followupEditor = d.edit<QDialog>(u"followupTable"_s, followup->id, u"entryEditDialog"_s);
    child<QDateEdit>(followupEditor, u"followup_due_on"_s)->setDate(QDate(2026, 11, 27));
    click(followupEditor, u"followupSaveButton"_s);
    QTest::qWait(0);

    auto *noteEditor = d.edit<QDialog>(u"noteTable"_s, note->id, u"entryEditDialog"_s);
    retype(child<QPlainTextEdit>(noteEditor, u"note_body"_s), u"Catatan yang diperbaiki"_s);
    click(noteEditor, u"noteSaveButton"_s);

    const Core::CaseFile file = d.load();
    CHECK(file.children.value(u"plan_item"_s).first().text(u"description"_s) == u"Konseling psikolog");
    CHECK(file.children.value(u"plan_item"_s).first().text(u"status"_s) == u"in_progress");
    CHECK(file.children.value(u"service"_s).first().text(u"provider"_s) == u"RSUD A.M. Parikesit");
    CHECK(file.children.value(u"service"_s).first().text(u"notes"_s) == u"Dijadwalkan Senin pagi");
    CHECK(file.children.value(u"service"_s).first().text(u"service_type"_s) == u"forensic_exam");
    CHECK(file.children.value(u"followup"_s).first().text(u"due_on"_s) == u"2026-11-27");
    CHECK(file.children.value(u"note"_s).first().text(u"body"_s) == u"Catatan yang diperbaiki");
    CHECK(opsWriting(d.f, d.caseId, u"plan_item"_s, u"description"_s, u"Konseling psikolog"_s) == 1);
    CHECK(opsWriting(d.f, d.caseId, u"service"_s, u"notes"_s, u"Dijadwalkan Senin pagi"_s) == 1);
    CHECK(opsWriting(d.f, d.caseId, u"followup"_s, u"due_on"_s, u"2026-11-27"_s) == 1);
    CHECK(opsWriting(d.f, d.caseId, u"note"_s, u"body"_s, u"Catatan yang diperbaiki"_s) == 1);
    // Nothing else was rewritten by the editors.
    CHECK(opsOf(d.f, d.caseId, u"followup"_s, u"description"_s).size() == 1);
}

TEST_CASE("an emptied required field is refused in the editor", "[ui][recordedit]")
{
    Desk d;
    const auto note = d.f.session->activities().add(u"note", d.caseId, {{u"body"_s, u"Catatan"_s}});
    REQUIRE(note.ok());
    d.workspace->reload();
    auto *editor = d.edit<QDialog>(u"noteTable"_s, note->id, u"entryEditDialog"_s);
    child<QPlainTextEdit>(editor, u"note_body"_s)->clear();
    click(editor, u"noteSaveButton"_s);
    CHECK(child<QLabel>(editor, u"note_bodyError"_s)->isVisibleTo(editor));
    CHECK(d.load().children.value(u"note"_s).first().text(u"body"_s) == u"Catatan");
}

TEST_CASE("a visit is corrected in the visit dialog and keeps its location", "[ui][recordedit]")
{
    Desk d;
    const QVariantMap fix{{u"lat"_s, -0.28}, {u"lng"_s, 116.98}};
    const auto visit = d.f.session->activities().add(
        u"visit", d.caseId,
        {{u"notes"_s, u"Kunjungan pertama"_s}, {u"location"_s, fix}, {u"location_source"_s, u"manual"_s}});
    REQUIRE(visit.ok());
    d.workspace->reload();
    auto *dialog = d.edit<VisitDialog>(u"visitTable"_s, visit->id, u"visitDialog"_s);
    CHECK(child<QPlainTextEdit>(dialog, u"notesEdit"_s)->toPlainText() == u"Kunjungan pertama");
    retype(child<QPlainTextEdit>(dialog, u"notesEdit"_s), u"Kunjungan pertama, ibu hadir"_s);
    retype(child<QLineEdit>(dialog, u"participantsEdit"_s), u"Ibu korban"_s);
    click(dialog, u"saveButton"_s);

    const QList<Core::Record> visits = d.load().children.value(u"visit"_s);
    REQUIRE(visits.size() == 1);
    CHECK(visits.first().text(u"notes"_s) == u"Kunjungan pertama, ibu hadir");
    CHECK(visits.first().text(u"participants"_s) == u"Ibu korban");
    CHECK(visits.first().value(u"location"_s).toMap().value(u"lat"_s).toDouble() == Approx(-0.28));
    CHECK(visits.first().value(u"visited_at"_s) == visit->fields.value(u"visited_at"_s));
    CHECK(opsWriting(d.f, d.caseId, u"visit"_s, u"notes"_s, u"Kunjungan pertama, ibu hadir"_s) == 1);
    CHECK(opsOf(d.f, d.caseId, u"visit"_s, u"location"_s).size() == 1); // the first save's only
}

TEST_CASE("the detail view shows a long note and a referral's note in full, with labels", "[ui][recordedit]")
{
    Desk d;
    QString body;
    for (int i = 0; i < 60; ++i)
        body += u"Kalimat ke-%1 dari catatan panjang tentang kunjungan ke rumah nenek korban. "_s.arg(i);
    body += u"AKHIR"_s;
    const auto note = d.f.session->activities().add(u"note", d.caseId, {{u"body"_s, body}});
    const auto service = d.f.session->activities().add(
        u"service", d.caseId,
        {{u"service_type"_s, u"forensic_exam"_s}, {u"notes"_s, u"Bawa KIA dan surat pengantar polisi"_s}});
    REQUIRE((note.ok() && service.ok()));
    d.workspace->reload();

    QTableWidget *notes = d.table(u"noteTable"_s);
    auto *tabs = child<QTabWidget>(d.workspace.get(), u"caseTabs"_s);
    tabs->setCurrentWidget(notes->parentWidget()); // a double-click reaches a table on screen
    const int row = rowOf(notes, note->id);
    const QPoint cell = notes->visualItemRect(notes->item(row, 0)).center();
    QTest::mouseClick(notes->viewport(), Qt::LeftButton, {}, cell); // a double-click starts as a click
    QTest::mouseDClick(notes->viewport(), Qt::LeftButton, {}, cell);
    auto *detail = child<RecordDetail>(d.workspace.get(), u"recordDetail"_s);
    CHECK(detail->shownValue(u"note"_s, u"body"_s) == body);
    auto *bodyLabel = child<QLabel>(detail, u"note_bodyValue"_s);
    CHECK(bodyLabel->wordWrap());
    detail->close();
    QTest::qWait(0);

    QTableWidget *services = d.table(u"serviceTable"_s);
    services->selectRow(rowOf(services, service->id));
    click(d.workspace.get(), u"serviceTableDetailButton"_s);
    auto *referral = child<RecordDetail>(d.workspace.get(), u"recordDetail"_s);
    CHECK(referral->shownValue(u"service"_s, u"notes"_s) == u"Bawa KIA dan surat pengantar polisi");
    CHECK(referral->shownValue(u"service"_s, u"service_type"_s) != u"forensic_exam"); // its label
    CHECK(referral->shownValue(u"service"_s, u"status"_s) != u"referred");
    CHECK_FALSE(referral->shownValue(u"service"_s, u"referred_on"_s).contains(u"2026-"_s));
}

TEST_CASE("a person's detail view shows the person and their part in the case", "[ui][recordedit]")
{
    Desk d;
    auto *people = child<PeopleTab>(d.workspace.get(), QString());
    RecordDetail *detail = people->showDetail(d.load().parties.at(0).link.id);
    REQUIRE(detail);
    CHECK(detail->shownValue(u"person"_s, u"name"_s) == u"Nurhaliza Kartikasari");
    CHECK(detail->shownValue(u"person"_s, u"address_region"_s).contains(u"Jahab"_s));
    CHECK_FALSE(detail->shownValue(u"case_person"_s, u"role"_s).isEmpty());
    CHECK(detail->shownValue(u"person"_s, u"merged_into"_s).isEmpty()); // not for people to read
}

TEST_CASE("mediation for sexual violence against a child is warned about and needs a confirmation",
          "[ui][recordedit][mediation]")
{
    Desk d; // a 14-year-old girl, sexual violence
    auto *type = child<QComboBox>(d.workspace.get(), u"service_service_type"_s);
    auto *warning = child<QWidget>(d.workspace.get(), u"mediationWarning"_s);
    CHECK(warning->isHidden());
    choose(type, u"mediation"_s);
    CHECK_FALSE(warning->isHidden());
    CHECK(child<QLabel>(warning, u"mediationWarningText"_s)->text().contains(u"TPKS"_s));
    click(d.workspace.get(), u"serviceAddButton"_s);
    CHECK(d.load().children.value(u"service"_s).isEmpty()); // not without the confirmation
    child<QCheckBox>(warning, u"mediationConfirmCheck"_s)->setChecked(true);
    click(d.workspace.get(), u"serviceAddButton"_s);
    CHECK(d.load().children.value(u"service"_s).size() == 1);
}

TEST_CASE("mediation for an adult's physical violence shows no warning", "[ui][recordedit][mediation]")
{
    Desk d(adultPhysicalDraft());
    choose(child<QComboBox>(d.workspace.get(), u"service_service_type"_s), u"mediation"_s);
    CHECK(child<QWidget>(d.workspace.get(), u"mediationWarning"_s)->isHidden());
    click(d.workspace.get(), u"serviceAddButton"_s);
    CHECK(d.load().children.value(u"service"_s).size() == 1);
}
