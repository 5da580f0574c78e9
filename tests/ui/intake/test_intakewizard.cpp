// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"
#include "ui/cases/recordtabs.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/regionpicker.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

#include <memory>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

template <typename T> T *find(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    INFO(name.toStdString());
    REQUIRE(widget);
    return widget;
}

// Picks a combo item by its code, as the code lists store it.
void choose(const QWidget &parent, const QString &combo, const QString &code)
{
    QComboBox *box = find<QComboBox>(parent, combo);
    const int index = box->findData(code);
    INFO(combo.toStdString() << " has no item " << code.toStdString());
    REQUIRE(index >= 0);
    box->setFocus();
    box->setCurrentIndex(index);
}

void type(const QWidget &parent, const QString &edit, const QString &text)
{
    QLineEdit *line = find<QLineEdit>(parent, edit);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, text);
}

// Ticks a violence type from the keyboard: current row, then Space.
void tick(const QWidget &parent, const QString &code)
{
    QListWidget *list = find<QListWidget>(parent, u"violenceTypeList"_s);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == code) {
            list->setFocus();
            list->setCurrentRow(row);
            QTest::keyClick(list, Qt::Key_Space);
            REQUIRE(list->item(row)->checkState() == Qt::Checked);
            return;
        }
    }
    FAIL("no violence type " << code.toStdString());
}

void next(IntakeWizard &wizard)
{
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

// From the guardian page on: a child's guardian "not known yet", an adult's consent as it stands.
void passGuardian(IntakeWizard &wizard)
{
    REQUIRE(wizard.currentId() == IntakeWizard::GuardianPage);
    auto *unknown = find<QCheckBox>(wizard, u"guardianUnknownCheck"_s);
    if (unknown->isVisible() && !unknown->isChecked())
        QTest::mouseClick(unknown, Qt::LeftButton, {}, QPoint(4, unknown->height() / 2));
    next(wizard);
}

// From the risk page: Next to the review, then "Save case" there.
void finish(IntakeWizard &wizard)
{
    if (wizard.currentId() == IntakeWizard::RiskPage)
        next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReviewPage);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
}

// Channel, reporter and one victim, as a caseworker types them; leaves the wizard on the victim page.
void fillUpToVictim(IntakeWizard &wizard, const QString &nik, const QString &sex, const QString &birthDate)
{
    choose(wizard, u"channelCombo"_s, u"police_referral"_s);
    type(wizard, u"reportedOnEdit"_s, u"18/11/2026"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReporterPage);
    type(wizard, u"reporterNameEdit"_s, u"Ketua RT Sulastri"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);
    type(wizard, u"victimNameEdit"_s, u"Nurhaliza Kartikasari"_s);
    type(wizard, u"victimNikEdit"_s, nik);
    choose(wizard, u"victimSexCombo"_s, sex);
    type(wizard, u"victimBirthDateEdit"_s, birthDate);
}

const Core::CaseParty *partyWithRole(const Core::CaseFile &file, const QString &role)
{
    for (const Core::CaseParty &party : file.parties) {
        if (party.link.text(u"role"_s) == role)
            return &party;
    }
    return nullptr;
}

} // namespace

TEST_CASE("an intake typed through the wizard is stored as one case in status intake", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    fillUpToVictim(wizard, u"6402065507120003"_s, u"female"_s, u"15/07/2012"_s);
    CHECK_FALSE(find<QLabel>(wizard, u"nikError"_s)->isVisible());
    find<RegionPicker>(wizard, u"victimRegionPicker"_s)->setCode(u"64.02.06.1001"_s);
    next(wizard);
    passGuardian(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);

    type(wizard, u"incidentDateEdit"_s, u"15/11/2026"_s);
    find<RegionPicker>(wizard, u"incidentRegionPicker"_s)->setCode(u"64.02.06.1001"_s);
    choose(wizard, u"sceneCombo"_s, u"household"_s);
    tick(wizard, u"seksual"_s);
    tick(wizard, u"psikis"_s);
    QPlainTextEdit *narrative = find<QPlainTextEdit>(wizard, u"narrativeEdit"_s);
    narrative->setFocus();
    QTest::keyClicks(narrative, u"Korban diancam oleh pamannya di kebun sawit"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::PerpetratorPage);

    type(wizard, u"perpetratorNameEdit"_s, u"Darmawan Saputra"_s);
    choose(wizard, u"relationshipCombo"_s, u"family"_s);
    choose(wizard, u"perpetratorSexCombo"_s, u"male"_s);
    type(wizard, u"perpetratorAgeEdit"_s, u"41"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::RiskPage);

    choose(wizard, u"riskCombo"_s, u"high"_s);
    QPlainTextEdit *safety = find<QPlainTextEdit>(wizard, u"safetyNotesEdit"_s);
    safety->setFocus();
    QTest::keyClicks(safety, u"Tinggal sementara di rumah nenek"_s);
    finish(wizard);

    REQUIRE(created.size() == 1);
    CHECK(wizard.result() == QDialog::Accepted);
    const QString id = created.at(0).at(0).toString();
    CHECK(created.at(0).at(1).toString().startsWith(u"6402-"_s));
    const Core::Result<Core::CaseFile> file = f.session->cases().load(id);
    REQUIRE(file.ok());
    const Core::Record &kase = file->kase;
    CHECK(kase.text(u"status"_s) == u"intake"_s);
    CHECK(kase.text(u"intake_channel"_s) == u"police_referral"_s);
    CHECK(kase.text(u"reported_on"_s) == u"2026-11-18"_s);
    CHECK(kase.text(u"incident_on"_s) == u"2026-11-15"_s);
    CHECK(kase.text(u"incident_region"_s) == u"64.02.06.1001"_s);
    CHECK(kase.text(u"incident_scene"_s) == u"household"_s);
    QStringList types = kase.value(u"violence_types"_s).toStringList();
    types.sort();
    CHECK(types == QStringList{u"psikis"_s, u"seksual"_s});
    // A 14-year-old victim: the wizard suggested AMPK and it was kept.
    CHECK(kase.value(u"typing"_s).toStringList() == QStringList{u"ampk"_s});
    CHECK(kase.text(u"narrative"_s) == u"Korban diancam oleh pamannya di kebun sawit"_s);
    CHECK(kase.text(u"risk_level"_s) == u"high"_s);
    CHECK(kase.text(u"district_code"_s) == u"64.02"_s);

    const Core::CaseParty *victim = partyWithRole(*file, u"victim"_s);
    REQUIRE(victim);
    CHECK(victim->person.text(u"name"_s) == u"Nurhaliza Kartikasari"_s);
    CHECK(victim->person.text(u"nik"_s) == u"6402065507120003"_s);
    CHECK(victim->person.text(u"sex"_s) == u"female"_s);
    CHECK(victim->person.text(u"birth_date"_s) == u"2012-07-15"_s);
    CHECK(victim->person.text(u"address_region"_s) == u"64.02.06.1001"_s);

    const Core::CaseParty *perpetrator = partyWithRole(*file, u"perpetrator"_s);
    REQUIRE(perpetrator);
    CHECK(perpetrator->person.text(u"name"_s) == u"Darmawan Saputra"_s);
    CHECK(perpetrator->person.value(u"age_estimate"_s).toInt() == 41);
    CHECK(perpetrator->link.text(u"relationship"_s) == u"family"_s);
    CHECK(perpetrator->link.text(u"victim_person_id"_s) == victim->person.id);

    const Core::CaseParty *reporter = partyWithRole(*file, u"reporter"_s);
    REQUIRE(reporter);
    CHECK(reporter->person.text(u"name"_s) == u"Ketua RT Sulastri"_s);

    const QList<Core::Record> risks = file->children.value(u"risk_assessment"_s);
    REQUIRE(risks.size() == 1);
    CHECK(risks.first().text(u"level"_s) == u"high"_s);
    CHECK(risks.first().text(u"safety_plan"_s) == u"Tinggal sementara di rumah nenek"_s);
}

TEST_CASE("a NIK that contradicts the sex is shown next to the NIK and nothing is stored", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    // 55 as the birth day: a woman's NIK, typed for a victim recorded as male.
    fillUpToVictim(wizard, u"6402065507120003"_s, u"male"_s, QString());
    QLabel *problem = find<QLabel>(wizard, u"nikError"_s);
    CHECK(problem->isVisible());
    CHECK_FALSE(problem->text().isEmpty());

    next(wizard);
    CHECK(wizard.currentId() == IntakeWizard::VictimPage);
    CHECK(problem->isVisible());
    CHECK(find<QLineEdit>(wizard, u"victimNikEdit"_s)->text() == u"6402065507120003"_s);
    CHECK(created.isEmpty());
    const Core::Result<QList<Core::CaseSummary>> cases = f.session->cases().list({});
    REQUIRE(cases.ok());
    CHECK(cases->isEmpty());

    // Correcting the sex clears the problem and lets the intake go on.
    choose(wizard, u"victimSexCombo"_s, u"female"_s);
    CHECK_FALSE(problem->isVisible());
    next(wizard);
    passGuardian(wizard);
    CHECK(wizard.currentId() == IntakeWizard::IncidentPage);
}

TEST_CASE("an error from the store goes back to the field it names and keeps every input", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    // Born on 17 November, after the incident of the 15th: only the store sees both dates.
    fillUpToVictim(wizard, QString(), u"female"_s, u"17/11/2026"_s);
    next(wizard);
    passGuardian(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    type(wizard, u"incidentDateEdit"_s, u"15/11/2026"_s);
    tick(wizard, u"fisik"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::PerpetratorPage);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::RiskPage);
    choose(wizard, u"riskCombo"_s, u"medium"_s);
    finish(wizard);

    CHECK(created.isEmpty());
    CHECK(wizard.isVisible());
    CHECK(wizard.currentId() == IntakeWizard::VictimPage);
    QLabel *error = find<QLabel>(wizard, u"birthDateError"_s);
    CHECK(error->isVisible());
    CHECK_FALSE(error->text().isEmpty());
    CHECK(find<QLineEdit>(wizard, u"victimNameEdit"_s)->text() == u"Nurhaliza Kartikasari"_s);
    CHECK(find<QLineEdit>(wizard, u"victimBirthDateEdit"_s)->text() == u"17/11/2026"_s);
    CHECK(find<QLineEdit>(wizard, u"incidentDateEdit"_s)->text() == u"15/11/2026"_s);
    CHECK(find<QComboBox>(wizard, u"riskCombo"_s)->currentData().toString() == u"medium"_s);
    const Core::Result<QList<Core::CaseSummary>> cases = f.session->cases().list({});
    REQUIRE(cases.ok());
    CHECK(cases->isEmpty());

    // Fixing the date and going forward again saves the case.
    type(wizard, u"victimBirthDateEdit"_s, u"15/07/2012"_s);
    next(wizard);
    passGuardian(wizard);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::RiskPage);
    finish(wizard);
    CHECK(created.size() == 1);
}

TEST_CASE("a second victim is stored with the case and the perpetrator names which victim", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    fillUpToVictim(wizard, QString(), u"female"_s, u"15/07/2012"_s);
    QTest::mouseClick(find<QAbstractButton>(wizard, u"addVictimButton"_s), Qt::LeftButton);
    type(wizard, u"victimNameEdit2"_s, u"Siti Aminah"_s);
    type(wizard, u"victimAgeEdit2"_s, u"9"_s);
    next(wizard);
    passGuardian(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    tick(wizard, u"fisik"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::PerpetratorPage);
    // With two victims the perpetrator names which one the relationship is to.
    QComboBox *victimChoice = find<QComboBox>(wizard, u"perpetratorVictimCombo"_s);
    CHECK(victimChoice->isVisible());
    REQUIRE(victimChoice->count() == 2);
    CHECK(victimChoice->itemText(1) == u"Siti Aminah");
    victimChoice->setCurrentIndex(1);
    choose(wizard, u"relationshipCombo"_s, u"neighbour"_s);
    next(wizard);
    choose(wizard, u"riskCombo"_s, u"low"_s);
    finish(wizard);

    REQUIRE(created.size() == 1);
    const Core::Result<Core::CaseFile> file = f.session->cases().load(created.at(0).at(0).toString());
    REQUIRE(file.ok());
    QStringList victims;
    for (const Core::CaseParty &party : file->parties) {
        if (party.link.text(u"role"_s) == u"victim")
            victims << party.person.text(u"name"_s);
    }
    victims.sort();
    CHECK(victims == QStringList{u"Nurhaliza Kartikasari"_s, u"Siti Aminah"_s});
    const Core::CaseParty *perpetrator = partyWithRole(*file, u"perpetrator"_s);
    REQUIRE(perpetrator);
    CHECK(perpetrator->link.text(u"relationship"_s) == u"neighbour"_s);
    QString siti;
    for (const Core::CaseParty &party : file->parties) {
        if (party.person.text(u"name"_s) == u"Siti Aminah")
            siti = party.person.id;
    }
    CHECK(perpetrator->link.text(u"victim_person_id"_s) == siti);
}

TEST_CASE("the victim page validates before Next: name or NIK, and no future dates", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();

    choose(wizard, u"channelCombo"_s, u"hotline"_s);
    next(wizard);
    next(wizard); // the reporter may be skipped
    REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);
    next(wizard);
    CHECK(wizard.currentId() == IntakeWizard::VictimPage);
    CHECK(find<QLabel>(wizard, u"nameError"_s)->isVisible());

    type(wizard, u"victimNameEdit"_s, u"Nurhaliza"_s);
    next(wizard);
    passGuardian(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    type(wizard, u"incidentDateEdit"_s, u"21/11/2026"_s); // the fixed clock says 20 November
    tick(wizard, u"fisik"_s);
    next(wizard);
    CHECK(wizard.currentId() == IntakeWizard::IncidentPage);
    CHECK(find<QLabel>(wizard, u"incidentOnError"_s)->isVisible());
    type(wizard, u"incidentDateEdit"_s, u"19/11/2026"_s);
    next(wizard);
    CHECK(wizard.currentId() == IntakeWizard::PerpetratorPage);
}

TEST_CASE("a victim who may already have a case is pointed out without blocking", "[ui][intake]")
{
    Test::ProfileFixture f;
    const Core::Result<Core::Record> earlier = f.session->cases().create(Test::sampleDraft());
    REQUIRE(earlier.ok());
    REQUIRE(f.session->buildSearchIndex().ok());
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();

    choose(wizard, u"channelCombo"_s, u"walk_in"_s);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);
    QLabel *match = find<QLabel>(wizard, u"victimMatchLabel"_s);
    type(wizard, u"victimNameEdit"_s, u"Dewi Lestari"_s);
    QTest::qWait(400);
    CHECK_FALSE(match->isVisible());

    type(wizard, u"victimNameEdit"_s, u"Nurhaliza Kartikasari"_s);
    REQUIRE(QTest::qWaitFor([match] { return match->isVisible(); }, 2000));
    CHECK(match->text().contains(earlier->text(u"number"_s)));
    next(wizard);
    passGuardian(wizard);
    CHECK(wizard.currentId() == IntakeWizard::IncidentPage);
}

TEST_CASE("cancelling a started intake asks once more before discarding it", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    choose(wizard, u"channelCombo"_s, u"hotline"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReporterPage);

    QTest::keyClick(&wizard, Qt::Key_Escape);
    CHECK(wizard.isVisible());
    QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
    CHECK_FALSE(wizard.isVisible());
    CHECK(wizard.result() == QDialog::Rejected);
}

namespace {

void pick(const QWidget &parent, const QString &picker, const QString &code)
{
    find<RegionPicker>(parent, picker)->setCode(code);
}

// All text shown on the review page, one label per line.
QString reviewText(const IntakeWizard &wizard)
{
    QStringList lines;
    for (const QLabel *label : find<QWidget>(wizard, u"reviewContent"_s)->findChildren<QLabel *>())
        lines << label->text();
    return lines.join(u'\n');
}

} // namespace

TEST_CASE("a child's intake stores the guardian's consent, the time received, dusun and RT and the "
          "perpetrator's address and access",
          "[ui][intake][guardian]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    choose(wizard, u"channelCombo"_s, u"hotline"_s);
    type(wizard, u"reportedOnEdit"_s, u"18/11/2026"_s);
    type(wizard, u"receivedTimeEdit"_s, u"09.15"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReporterPage);
    type(wizard, u"reporterNameEdit"_s, u"Ibu Wartini"_s);
    type(wizard, u"reporterPhoneEdit"_s, u"0812 5555 0101"_s);
    type(wizard, u"reporterNoteEdit"_s, u"tetangga"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);
    type(wizard, u"victimNameEdit"_s, u"Putri Lestari"_s);
    choose(wizard, u"victimSexCombo"_s, u"female"_s);
    type(wizard, u"victimBirthDateEdit"_s, u"03/02/2017"_s);
    pick(wizard, u"victimRegionPicker"_s, u"64.02.06.1003"_s);
    type(wizard, u"victimAddressEdit"_s, u"Jl. Sungai Mahakam, rumah panggung biru"_s);
    type(wizard, u"victimHamletEdit"_s, u"Dusun Sidomulyo"_s);
    type(wizard, u"victimRtEdit"_s, u"003/001"_s);
    next(wizard);

    REQUIRE(wizard.currentId() == IntakeWizard::GuardianPage);
    CHECK(find<QLabel>(wizard, u"guardianRuleLabel"_s)->isVisible());
    type(wizard, u"guardianNameEdit"_s, u"Siti Rahmawati"_s);
    choose(wizard, u"guardianRelationshipCombo"_s, u"grandparent"_s);
    type(wizard, u"guardianPhoneEdit"_s, u"0813 4444 0202"_s);
    type(wizard, u"guardianHamletEdit"_s, u"Dusun Sidomulyo"_s);
    type(wizard, u"guardianRtEdit"_s, u"003/001"_s);
    choose(wizard, u"consentStatusCombo"_s, u"given"_s);
    find<QDateEdit>(wizard, u"consentDateEdit"_s)->setDate(QDate(2026, 11, 19));
    // Consent given needs the way it was given.
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::GuardianPage);
    CHECK(find<QLabel>(wizard, u"consentError"_s)->isVisible());
    choose(wizard, u"consentMethodCombo"_s, u"thumbprint"_s);
    next(wizard);

    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    tick(wizard, u"seksual"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::PerpetratorPage);
    type(wizard, u"perpetratorNameEdit"_s, u"Rudi Hartono"_s);
    QComboBox *relationship = find<QComboBox>(wizard, u"relationshipCombo"_s);
    CHECK(relationship->itemText(relationship->findData(u"step_parent"_s)).startsWith(u"Orang tua tiri"_s));
    CHECK(relationship->findData(u"religious_teacher"_s) >= 0);
    CHECK(relationship->findData(u"stranger"_s) >= 0);
    choose(wizard, u"relationshipCombo"_s, u"step_parent"_s);
    choose(wizard, u"perpetratorAccessCombo"_s, u"yes"_s);
    pick(wizard, u"perpetratorRegionPicker"_s, u"64.02.06.1001"_s);
    type(wizard, u"perpetratorAddressEdit"_s, u"dekat masjid"_s);
    type(wizard, u"perpetratorHamletEdit"_s, u"Dusun Karya Baru"_s);
    type(wizard, u"perpetratorRtEdit"_s, u"007"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::RiskPage);
    choose(wizard, u"riskCombo"_s, u"high"_s);
    finish(wizard);

    REQUIRE(created.size() == 1);
    const Core::Result<Core::CaseFile> file = f.session->cases().load(created.at(0).at(0).toString());
    REQUIRE(file.ok());
    // 09:15 WITA on 18 November is 01:15 UTC.
    CHECK(file->kase.value(u"received_at"_s).toLongLong()
          == QDateTime(QDate(2026, 11, 18), QTime(1, 15), QTimeZone::utc()).toMSecsSinceEpoch());
    CHECK(file->kase.text(u"reported_on"_s) == u"2026-11-18"_s);
    // The incident's village came from the victim's.
    CHECK(file->kase.text(u"incident_region"_s) == u"64.02.06.1003"_s);

    const Core::CaseParty *victim = partyWithRole(*file, u"victim"_s);
    REQUIRE(victim);
    CHECK(victim->person.text(u"address_region"_s) == u"64.02.06.1003"_s);
    CHECK(victim->person.text(u"address_text"_s) == u"Jl. Sungai Mahakam, rumah panggung biru"_s);
    CHECK(victim->person.text(u"address_hamlet"_s) == u"Dusun Sidomulyo"_s);
    CHECK(victim->person.text(u"address_rt"_s) == u"003/001"_s);
    CHECK(victim->link.value(u"consent"_s).isNull()); // a child's consent is the guardian's

    const Core::CaseParty *guardian = partyWithRole(*file, u"guardian"_s);
    REQUIRE(guardian);
    CHECK(guardian->person.text(u"name"_s) == u"Siti Rahmawati"_s);
    CHECK(guardian->person.text(u"phone"_s) == u"0813 4444 0202"_s);
    CHECK(guardian->person.text(u"address_hamlet"_s) == u"Dusun Sidomulyo"_s);
    CHECK(guardian->person.text(u"address_rt"_s) == u"003/001"_s);
    CHECK(guardian->link.text(u"relationship"_s) == u"grandparent"_s);
    CHECK(guardian->link.text(u"victim_person_id"_s) == victim->person.id);
    CHECK(guardian->link.text(u"consent"_s) == u"given"_s);
    CHECK(guardian->link.text(u"consent_on"_s) == u"2026-11-19"_s);
    CHECK(guardian->link.text(u"consent_method"_s) == u"thumbprint"_s);

    const Core::CaseParty *perpetrator = partyWithRole(*file, u"perpetrator"_s);
    REQUIRE(perpetrator);
    CHECK(perpetrator->link.text(u"relationship"_s) == u"step_parent"_s);
    CHECK(perpetrator->link.value(u"has_access"_s).toBool());
    CHECK(perpetrator->person.text(u"address_region"_s) == u"64.02.06.1001"_s);
    CHECK(perpetrator->person.text(u"address_text"_s) == u"dekat masjid"_s);
    CHECK(perpetrator->person.text(u"address_hamlet"_s) == u"Dusun Karya Baru"_s);
    CHECK(perpetrator->person.text(u"address_rt"_s) == u"007"_s);

    const Core::CaseParty *reporter = partyWithRole(*file, u"reporter"_s);
    REQUIRE(reporter);
    CHECK(reporter->person.text(u"phone"_s) == u"0812 5555 0101"_s);
    CHECK(reporter->link.text(u"notes"_s) == u"tetangga"_s);
}

TEST_CASE("a child's intake without a guardian is refused until the guardian is marked not known",
          "[ui][intake][guardian]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    fillUpToVictim(wizard, QString(), u"female"_s, u"15/07/2015"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::GuardianPage);
    next(wizard);
    CHECK(wizard.currentId() == IntakeWizard::GuardianPage);
    QLabel *error = find<QLabel>(wizard, u"guardianNameError"_s);
    CHECK(error->isVisible());
    CHECK_FALSE(error->text().isEmpty());

    auto *unknown = find<QCheckBox>(wizard, u"guardianUnknownCheck"_s);
    QTest::mouseClick(unknown, Qt::LeftButton, {}, QPoint(4, unknown->height() / 2));
    REQUIRE(unknown->isChecked());
    // Nobody to ask: consent stays "not yet asked".
    auto *consent = find<QComboBox>(wizard, u"consentStatusCombo"_s);
    CHECK_FALSE(consent->isEnabled());
    CHECK(consent->currentData().toString() == u"not_asked"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    tick(wizard, u"fisik"_s);
    next(wizard);
    next(wizard);
    choose(wizard, u"riskCombo"_s, u"medium"_s);
    next(wizard);
    // The tests run without a catalogue: the sources are English.
    CHECK(reviewText(wizard).contains(u"not known yet"_s));
    finish(wizard);

    REQUIRE(created.size() == 1);
    const Core::Result<Core::CaseFile> file = f.session->cases().load(created.at(0).at(0).toString());
    REQUIRE(file.ok());
    CHECK_FALSE(partyWithRole(*file, u"guardian"_s));
    const Core::CaseParty *victim = partyWithRole(*file, u"victim"_s);
    REQUIRE(victim);
    CHECK(victim->link.text(u"consent"_s) == u"not_asked"_s);
}

TEST_CASE("an adult victim's own consent is kept on her row", "[ui][intake][guardian]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    fillUpToVictim(wizard, QString(), u"female"_s, u"02/05/1994"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::GuardianPage);
    CHECK_FALSE(find<QWidget>(wizard, u"guardianGroup"_s)->isVisible());
    choose(wizard, u"consentStatusCombo"_s, u"given"_s);
    choose(wizard, u"consentMethodCombo"_s, u"written"_s);
    next(wizard);
    tick(wizard, u"psikis"_s);
    next(wizard);
    next(wizard);
    choose(wizard, u"riskCombo"_s, u"low"_s);
    finish(wizard);

    REQUIRE(created.size() == 1);
    const Core::Result<Core::CaseFile> file = f.session->cases().load(created.at(0).at(0).toString());
    REQUIRE(file.ok());
    const Core::CaseParty *victim = partyWithRole(*file, u"victim"_s);
    REQUIRE(victim);
    CHECK(victim->link.text(u"consent"_s) == u"given"_s);
    CHECK(victim->link.text(u"consent_on"_s) == u"2026-11-20"_s); // today, in the district
    CHECK(victim->link.text(u"consent_method"_s) == u"written"_s);
}

TEST_CASE("the incident's village defaults from the victim's until one is chosen", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();

    fillUpToVictim(wizard, QString(), u"female"_s, u"15/07/2012"_s);
    pick(wizard, u"victimRegionPicker"_s, u"64.02.06.1003"_s);
    next(wizard);
    passGuardian(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    auto *incident = find<RegionPicker>(wizard, u"incidentRegionPicker"_s);
    CHECK(incident->code() == u"64.02.06.1003"_s);

    // A changed victim's village moves the default along...
    wizard.back();
    wizard.back();
    pick(wizard, u"victimRegionPicker"_s, u"64.02.06.1001"_s);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    CHECK(incident->code() == u"64.02.06.1001"_s);
    // ... but not a village the caseworker chose.
    incident->setCode(u"64.02.06.1003"_s);
    wizard.back();
    wizard.back();
    pick(wizard, u"victimRegionPicker"_s, u"64.02.06.1002"_s);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::IncidentPage);
    CHECK(incident->code() == u"64.02.06.1003"_s);
}

TEST_CASE("the review page lists what was entered and Change goes back to its page", "[ui][intake][review]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    fillUpToVictim(wizard, QString(), u"female"_s, u"15/07/2012"_s);
    type(wizard, u"victimHamletEdit"_s, u"Dusun Sidomulyo"_s);
    next(wizard);
    passGuardian(wizard);
    type(wizard, u"incidentPlaceEdit"_s, u"kebun sawit"_s);
    tick(wizard, u"seksual"_s);
    next(wizard);
    choose(wizard, u"relationshipCombo"_s, u"religious_teacher"_s);
    next(wizard);
    choose(wizard, u"riskCombo"_s, u"high"_s);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReviewPage);
    // Nothing is saved before "Save case" on the review.
    CHECK(created.isEmpty());

    const QString text = reviewText(wizard);
    CHECK(text.contains(u"Nurhaliza Kartikasari"_s));
    CHECK(text.contains(u"Ketua RT Sulastri"_s));
    CHECK(text.contains(u"Dusun Sidomulyo"_s));
    CHECK(text.contains(u"kebun sawit"_s));
    // Codes read as their labels, dates as dates.
    CHECK(text.contains(u"Guru ngaji/tokoh agama"_s));
    CHECK_FALSE(text.contains(u"religious_teacher"_s));
    CHECK(text.contains(u"2026"_s));
    CHECK_FALSE(text.contains(u"2026-11-18"_s));

    QTest::mouseClick(find<QAbstractButton>(wizard, u"reviewEditIncidentButton"_s), Qt::LeftButton);
    CHECK(wizard.currentId() == IntakeWizard::IncidentPage);
    type(wizard, u"incidentPlaceEdit"_s, u"pondok"_s);
    next(wizard);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::ReviewPage);
    CHECK(reviewText(wizard).contains(u"pondok"_s));
    QTest::mouseClick(find<QAbstractButton>(wizard, u"reviewEditReporterButton"_s), Qt::LeftButton);
    CHECK(wizard.currentId() == IntakeWizard::ReporterPage);
}

TEST_CASE("the reporter's phone and relation are stored and shown with the case's people", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    QSignalSpy created(&wizard, &IntakeWizard::caseCreated);

    choose(wizard, u"channelCombo"_s, u"walk_in"_s);
    next(wizard);
    type(wizard, u"reporterNameEdit"_s, u"Pak Joko"_s);
    type(wizard, u"reporterPhoneEdit"_s, u"0811 5432 100"_s);
    type(wizard, u"reporterNoteEdit"_s, u"ketua RT 05"_s);
    next(wizard);
    type(wizard, u"victimNameEdit"_s, u"Ani"_s);
    next(wizard);
    passGuardian(wizard);
    tick(wizard, u"fisik"_s);
    next(wizard);
    next(wizard);
    choose(wizard, u"riskCombo"_s, u"low"_s);
    next(wizard);
    CHECK(reviewText(wizard).contains(u"0811 5432 100"_s));
    CHECK(reviewText(wizard).contains(u"ketua RT 05"_s));
    finish(wizard);

    REQUIRE(created.size() == 1);
    const QString id = created.at(0).at(0).toString();
    const Core::Result<Core::CaseFile> file = f.session->cases().load(id);
    REQUIRE(file.ok());
    const Core::CaseParty *reporter = partyWithRole(*file, u"reporter"_s);
    REQUIRE(reporter);
    CHECK(reporter->person.text(u"phone"_s) == u"0811 5432 100"_s);
    CHECK(reporter->link.text(u"notes"_s) == u"ketua RT 05"_s);

    std::unique_ptr<RecordsTab> people(RecordTabs::people(*f.session, u"id"_s, nullptr));
    people->fill(*file);
    QStringList cells;
    for (int row = 0; row < people->table()->rowCount(); ++row) {
        for (int column = 0; column < people->table()->columnCount(); ++column) {
            if (const QTableWidgetItem *item = people->table()->item(row, column))
                cells << item->text();
        }
    }
    CHECK(cells.contains(u"0811 5432 100"_s));
    CHECK(cells.contains(u"ketua RT 05"_s));
}

TEST_CASE("tab order on the victim page reaches the village and the address after the phone", "[ui][intake]")
{
    Test::ProfileFixture f;
    IntakeWizard wizard(*f.session, u"id"_s);
    wizard.show();
    choose(wizard, u"channelCombo"_s, u"hotline"_s);
    next(wizard);
    next(wizard);
    REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);

    QWidget *form = find<QWidget>(wizard, u"victimForm"_s);
    QStringList order;
    QWidget *w = find<QLineEdit>(wizard, u"victimNameEdit"_s);
    for (int i = 0; i < 200 && order.size() < 40; ++i) {
        if (form->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isVisible() && w->isEnabled()) {
            // The picker's own inputs count as the picker.
            QString name = w->objectName();
            if (auto *picker = qobject_cast<RegionPicker *>(w->parentWidget()))
                name = picker->objectName();
            if (!name.isEmpty() && !order.contains(name))
                order << name;
        }
        w = w->nextInFocusChain();
    }
    INFO(order.join(u", "_s).toStdString());
    const QStringList expected
        = {u"victimNameEdit"_s,       u"victimNikEdit"_s,    u"victimSexCombo"_s,
           u"victimBirthDateEdit"_s,  u"victimAgeEdit"_s,    u"victimDisabilityCombo"_s,
           u"victimEducationCombo"_s, u"victimPhoneEdit"_s,  u"victimRegionPicker"_s,
           u"victimAddressEdit"_s,    u"victimHamletEdit"_s, u"victimRtEdit"_s};
    CHECK(order.mid(0, expected.size()) == expected);
}
