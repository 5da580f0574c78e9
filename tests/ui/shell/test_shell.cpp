// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/cases/draftstore.h"
#include "core/cases/worklist.h"
#include "core/profile/settings.h"
#include "tests/support/fixtures.h"
#include "tests/support/widgets.h"
#include "ui/cases/caselistpage.h"
#include "ui/cases/caseworkspace.h"
#include "ui/cases/riskdialog.h"
#include "ui/cases/riskstab.h"
#include "ui/cases/statuscontrol.h"
#include "ui/intake/intakewizard.h"
#include "ui/shell/createprofiledialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/shell/unlockdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("the unlock screen refuses a wrong passphrase and opens with the right one", "[ui][unlock]")
{
    Test::ProfileFixture f;
    f.session.reset();
    f.profile->lock();
    UnlockDialog dialog(*f.profile, UnlockDialog::Mode::Unlock);
    auto *passphrase = dialog.findChild<QLineEdit *>(u"passphraseEdit"_s);
    auto *unlock = dialog.findChild<QPushButton *>(u"unlockButton"_s);
    auto *error = dialog.findChild<QLabel *>(u"unlockError"_s);
    REQUIRE(passphrase);
    REQUIRE(unlock);
    REQUIRE(error);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);

    QTest::keyClicks(passphrase, u"salah-sandi"_s);
    QTest::mouseClick(unlock, Qt::LeftButton);
    CHECK(error->isVisible());
    CHECK_FALSE(error->text().isEmpty());
    CHECK_FALSE(f.profile->unlocked());
    CHECK(accepted.isEmpty());

    passphrase->clear();
    QTest::keyClicks(passphrase, Test::passphrase);
    QTest::mouseClick(unlock, Qt::LeftButton);
    CHECK(accepted.size() == 1);
    CHECK(f.profile->unlocked());
}

TEST_CASE("the case workspace offers only allowed transitions and explains a refused one", "[ui][workspace]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(kase->id);
    workspace.show();
    workspace.findChild<StatusControl *>(u"statusControl"_s)->setConfirm([](const QString &) {
        return true;
    });
    auto *status = workspace.findChild<QComboBox *>(u"statusCombo"_s);
    auto *apply = workspace.findChild<QPushButton *>(u"changeStatusButton"_s);
    auto *error = workspace.findChild<QLabel *>(u"statusError"_s);
    REQUIRE(status);
    REQUIRE(apply);
    REQUIRE(error);
    // A caseworker cannot close a case at intake: "closed" is not offered.
    CHECK(status->findData(u"closed"_s) < 0);
    // Transfer is offered but needs a reason: refused with the message next to the control.
    const int transfer = status->findData(u"transferred"_s);
    REQUIRE(transfer >= 0);
    status->setCurrentIndex(transfer);
    QTest::mouseClick(apply, Qt::LeftButton);
    CHECK(error->isVisible());
    CHECK_FALSE(error->text().isEmpty());
    CHECK(f.session->cases().load(kase->id)->kase.text(u"status"_s) == u"intake");

    QSignalSpy changed(&workspace, &CaseWorkspace::caseChanged);
    status->setCurrentIndex(status->findData(u"assessment"_s));
    QTest::mouseClick(apply, Qt::LeftButton);
    CHECK(changed.size() == 1);
    CHECK_FALSE(error->isVisible());
    CHECK(f.session->cases().load(kase->id)->kase.text(u"status"_s) == u"assessment");
}

TEST_CASE("an empty note shows its problem next to the note field and stores nothing", "[ui][workspace]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(kase->id);
    workspace.show();
    auto *save = workspace.findChild<QPushButton *>(u"saveNoteButton"_s);
    auto *edit = workspace.findChild<QPlainTextEdit *>(u"noteEdit"_s);
    auto *error = workspace.findChild<QLabel *>(u"bodyError"_s);
    REQUIRE(save);
    REQUIRE(error);
    auto *tabs = workspace.findChild<QTabWidget *>(u"caseTabs"_s);
    REQUIRE(tabs);
    tabs->setCurrentWidget(save->parentWidget()); // the Notes tab, as the user would
    QTest::mouseClick(save, Qt::LeftButton);
    CHECK(error->isVisible());
    CHECK(f.session->cases().load(kase->id)->children.value(u"note"_s).isEmpty());
    QTest::keyClicks(edit, u"Korban sudah aman di rumah nenek"_s);
    QTest::mouseClick(save, Qt::LeftButton);
    CHECK_FALSE(error->isVisible());
    CHECK(f.session->cases().load(kase->id)->children.value(u"note"_s).size() == 1);
}

TEST_CASE("the main window opens a case from the case list", "[ui][shell]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    REQUIRE(f.session->buildSearchIndex().ok());
    Core::Settings settings(f.profile->settingsPath());
    MainWindow window(*f.session, settings, u"id"_s, nullptr);
    window.show();
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    auto *nav = window.findChild<QListWidget *>(u"navList"_s);
    REQUIRE(search);
    REQUIRE(nav);
    window.showPage(Navigation::cases);
    QTest::keyClicks(search, u"nurhalisa"_s); // a typo of the victim's name
    QTest::keyClick(search, Qt::Key_Return);
    CHECK(window.currentPage() == Navigation::caseFile);
    auto *header = window.findChild<QLabel *>(u"caseHeader"_s);
    REQUIRE(header);
    CHECK(header->text().contains(kase->text(u"number"_s)));
}

TEST_CASE("the main screens speak Indonesian under the id catalogue", "[ui][shell][i18n]")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    Core::Settings settings(f.profile->settingsPath());
    MainWindow window(*f.session, settings, u"id"_s, nullptr);
    window.show();
    auto *nav = window.findChild<QListWidget *>(u"navList"_s);
    REQUIRE(nav);
    CHECK(nav->item(Test::navRow(nav, Navigation::home))->text() == u"Beranda");
    CHECK(nav->item(Test::navRow(nav, Navigation::cases))->text() == u"Kasus");
    CHECK(nav->item(Test::navRow(nav, Navigation::settings))->text() == u"Pengaturan");
    window.showCase(kase->id);
    auto *tabs = window.findChild<QTabWidget *>(u"caseTabs"_s);
    REQUIRE(tabs);
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    CHECK(titles.contains(u"Kunjungan"_s));
    CHECK(titles.contains(u"Riwayat"_s));
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    REQUIRE(search);
    CHECK(search->placeholderText().startsWith(u"Cari"_s));
}

TEST_CASE("follow-ups are added and marked done from the case file", "[ui][workspace]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(kase->id);
    workspace.show();
    auto *text = workspace.findChild<QLineEdit *>(u"followupTextEdit"_s);
    auto *add = workspace.findChild<QPushButton *>(u"addFollowupButton"_s);
    auto *done = workspace.findChild<QPushButton *>(u"followupDoneButton"_s);
    auto *table = workspace.findChild<QTableWidget *>(u"followupTable"_s);
    REQUIRE(text);
    REQUIRE(add);
    REQUIRE(done);
    REQUIRE(table);
    QTest::keyClicks(text, u"Dampingi ke RSUD untuk visum"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 2)->text() == u"Dampingi ke RSUD untuk visum");
    // Due in a week: not yet on the worklist for today, but on it a week later.
    CHECK(f.session->worklist().followupsDue()->isEmpty());
    f.clock.advance(qint64(7) * 24 * 3600 * 1000);
    CHECK(f.session->worklist().followupsDue()->size() == 1);
    table->selectRow(0);
    QTest::mouseClick(done, Qt::LeftButton);
    CHECK(f.session->worklist().followupsDue()->isEmpty());
}

TEST_CASE("a document is attached encrypted and a copy saved only where asked", "[ui][workspace]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(kase->id);
    QTemporaryDir outside;
    QFile source(outside.filePath(u"surat-rujukan.txt"_s));
    REQUIRE(source.open(QIODevice::WriteOnly));
    source.write("Surat rujukan ke psikolog untuk korban");
    source.close();
    REQUIRE(workspace.attachFile(source.fileName()));
    auto *table = workspace.findChild<QTableWidget *>(u"documentTable"_s);
    REQUIRE(table);
    REQUIRE(table->rowCount() == 1);
    CHECK(table->item(0, 0)->text() == u"surat-rujukan.txt");
    CHECK_FALSE(Test::readTree(f.dir.path()).contains("Surat rujukan ke psikolog"));
    const QString copy = outside.filePath(u"copy.txt"_s);
    REQUIRE(workspace.saveAttachmentTo(table->item(0, 0)->data(Qt::UserRole).toString(), copy));
    QFile saved(copy);
    REQUIRE(saved.open(QIODevice::ReadOnly));
    CHECK(saved.readAll() == "Surat rujukan ke psikolog untuk korban");
}

TEST_CASE("an interrupted intake is kept as a draft and continues where it stopped", "[ui][intake][drafts]")
{
    Test::ProfileFixture f;
    const QString login = f.profile->actor().login;
    {
        IntakeWizard wizard(*f.session, u"id"_s);
        wizard.show();
        auto *channel = wizard.findChild<QComboBox *>(u"channelCombo"_s);
        REQUIRE(channel);
        channel->setCurrentIndex(channel->findData(u"police_referral"_s));
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton); // page change saves
        REQUIRE(wizard.currentId() == IntakeWizard::ReporterPage);
        auto *reporter = wizard.findChild<QLineEdit *>(u"reporterNameEdit"_s);
        REQUIRE(reporter);
        QTest::keyClicks(reporter, u"Bripka Sulastri"_s);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        REQUIRE(wizard.currentId() == IntakeWizard::VictimPage);
        // The laptop dies here: the wizard is gone without Finish or Cancel.
    }
    const auto drafts = f.session->drafts().list(login);
    REQUIRE(drafts.ok());
    REQUIRE(drafts->size() == 1);
    CHECK_FALSE(Test::readTree(f.dir.path()).contains("Sulastri")); // sealed at rest

    const auto content = f.session->drafts().load(drafts->first().id);
    REQUIRE(content.ok());
    IntakeWizard resumed(*f.session, u"id"_s);
    resumed.resumeDraft(drafts->first().id, *content);
    resumed.show();
    CHECK(resumed.currentId() == IntakeWizard::VictimPage);
    CHECK(resumed.findChild<QComboBox *>(u"channelCombo"_s)->currentData().toString() == u"police_referral");
    CHECK(resumed.findChild<QLineEdit *>(u"reporterNameEdit"_s)->text() == u"Bripka Sulastri");

    // Discarding on purpose (Cancel, then confirm) removes the draft.
    resumed.reject();
    CHECK(f.session->drafts().list(login)->size() == 1); // the first Cancel only asks
    resumed.reject();
    CHECK(f.session->drafts().list(login)->isEmpty());
}

TEST_CASE("the case list filters and reads further pages as the user scrolls", "[ui][cases]")
{
    Test::ProfileFixture f;
    for (int i = 0; i < 230; ++i)
        REQUIRE(f.session->cases().create(Test::sampleDraft()).ok());
    auto physical = Test::sampleDraft();
    physical.fields[u"violence_types"_s] = QStringList{u"fisik"_s};
    REQUIRE(f.session->cases().create(physical).ok());
    CaseListPage page(*f.session, u"id"_s);
    page.resize(1000, 600);
    page.show();
    auto *table = page.findChild<QTableView *>(u"caseTable"_s);
    auto *violence = page.findChild<QComboBox *>(u"violenceFilterCombo"_s);
    REQUIRE(table);
    REQUIRE(violence);
    CHECK(table->model()->rowCount() == 200); // the first page
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
    CHECK(table->model()->rowCount() == 231); // the rest, read on reaching the bottom
    violence->setCurrentIndex(violence->findData(u"fisik"_s));
    CHECK(table->model()->rowCount() == 1);
}

TEST_CASE("assessments, plan items and referrals are added and moved on from the case file",
          "[ui][workspace]")
{
    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(kase->id);
    workspace.show();

    auto *risks = workspace.findChild<RisksTab *>();
    REQUIRE(risks);
    RiskDialog *assessment = risks->newAssessment();
    QTest::mouseClick(assessment->findChild<QRadioButton *>(u"riskItem_strangulation_yes"_s), Qt::LeftButton);
    QTest::mouseClick(assessment->findChild<QPushButton *>(u"riskSaveButton"_s), Qt::LeftButton);
    CHECK(f.session->cases().load(kase->id)->kase.text(u"risk_level"_s) == u"critical");
    CHECK(risks->table()->rowCount() == 2); // the intake's and this one

    // A plan item without its description is refused next to the field.
    auto *planAdd = workspace.findChild<QPushButton *>(u"plan_itemAddButton"_s);
    REQUIRE(planAdd);
    QTest::mouseClick(planAdd, Qt::LeftButton);
    auto *planError = workspace.findChild<QLabel *>(u"plan_item_descriptionError"_s);
    REQUIRE(planError);
    CHECK_FALSE(planError->text().isEmpty());
    CHECK(f.session->cases().load(kase->id)->children.value(u"plan_item"_s).isEmpty());
    QTest::keyClicks(workspace.findChild<QLineEdit *>(u"plan_item_description"_s),
                     u"Pendampingan psikolog"_s);
    QTest::mouseClick(planAdd, Qt::LeftButton);
    CHECK(f.session->cases().load(kase->id)->children.value(u"plan_item"_s).size() == 1);

    auto *service = workspace.findChild<QComboBox *>(u"service_service_type"_s);
    REQUIRE(service);
    service->setCurrentIndex(service->findData(u"forensic_exam"_s));
    QTest::mouseClick(workspace.findChild<QPushButton *>(u"serviceAddButton"_s), Qt::LeftButton);
    auto *services = workspace.findChild<QTableWidget *>(u"serviceTable"_s);
    REQUIRE(services->rowCount() == 1);
    services->selectRow(0);
    auto *status = workspace.findChild<QComboBox *>(u"serviceStatusCombo"_s);
    status->setCurrentIndex(status->findData(u"completed"_s)); // referred → completed skips a step
    QTest::mouseClick(workspace.findChild<QPushButton *>(u"updateServiceButton"_s), Qt::LeftButton);
    CHECK_FALSE(workspace.findChild<QLabel *>(u"serviceStatusError"_s)->text().isEmpty());
    status->setCurrentIndex(status->findData(u"accepted"_s));
    QTest::mouseClick(workspace.findChild<QPushButton *>(u"updateServiceButton"_s), Qt::LeftButton);
    CHECK(f.session->cases().load(kase->id)->children.value(u"service"_s).first().text(u"status"_s)
          == u"accepted");
}

TEST_CASE("the first-run screen creates an unlocked profile for a district", "[ui][unlock]")
{
    QTemporaryDir dir;
    Core::FixedClock clock{Test::fixedNowMs};
    CreateProfileDialog dialog(dir.filePath(u"kukar"_s), Test::regions(), clock);
    dialog.show();
    auto *regency = dialog.findChild<QComboBox *>(u"regencyCombo"_s);
    REQUIRE(regency);
    CHECK(regency->currentData().toString() == u"64.02"); // Kutai Kartanegara preselected
    regency->setCurrentIndex(regency->findData(u"64.08"_s)); // Kutai Timur
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"loginEdit"_s), u"rahma"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passphraseEdit"_s), u"kutim-aman-2026"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"repeatEdit"_s), u"kutim-aman-2025"_s);
    auto *create = dialog.findChild<QPushButton *>(u"createButton"_s);
    QTest::mouseClick(create, Qt::LeftButton);
    CHECK(dialog.findChild<QLabel *>(u"createError"_s)->isVisible());
    CHECK_FALSE(Core::Profile::exists(dir.filePath(u"kukar"_s)));
    auto *repeat = dialog.findChild<QLineEdit *>(u"repeatEdit"_s);
    repeat->clear();
    QTest::keyClicks(repeat, u"kutim-aman-2026"_s);
    QTest::mouseClick(create, Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    const std::unique_ptr<Core::Profile> profile = dialog.takeProfile();
    REQUIRE(profile);
    CHECK(profile->unlocked());
    CHECK(profile->info().districtCode == u"64.08");
    CHECK(profile->actor().login == u"rahma");
}

TEST_CASE("the navigation lists every registered area of the user's role, each with its page", "[ui][shell]")
{
    Test::ProfileFixture f;
    Core::Settings settings(f.profile->settingsPath());
    MainWindow window(*f.session, settings, u"en"_s, nullptr);
    auto *nav = window.findChild<QListWidget *>(u"navList"_s);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    REQUIRE(nav);
    REQUIRE(pages);
    const Core::Role role = f.profile->actor().role;
    QStringList expected;
    for (const NavigationEntry &entry : Navigation::entries()) {
        if (Navigation::visibleTo(entry, role))
            expected << entry.id;
    }
    REQUIRE(expected.size() >= 4);
    REQUIRE(nav->count() == expected.size());
    REQUIRE(pages->count() == expected.size());
    for (int row = 0; row < nav->count(); ++row) {
        const QString id = expected.at(row);
        CHECK(nav->item(row)->data(Qt::UserRole).toString() == id);
        CHECK(pages->widget(row)->objectName() == id + u"Page"_s);
        CHECK_FALSE(nav->item(row)->icon().isNull());
    }
    // The open case is listed only once a case is opened.
    CHECK(nav->item(Test::navRow(nav, Navigation::caseFile))->isHidden());
    window.showPage(Navigation::settings);
    CHECK(window.currentPage() == Navigation::settings);
    CHECK(pages->currentWidget()->objectName() == u"settingsPage");
    window.showPage(u"no-such-area"_s); // ignored, not a crash or a blank page
    CHECK(window.currentPage() == Navigation::settings);
}

TEST_CASE("an area restricted to roles is visible only to them", "[ui][shell]")
{
    NavigationEntry review;
    review.id = u"review"_s;
    review.roles = {Core::Role::Supervisor, Core::Role::Admin};
    CHECK(Navigation::visibleTo(review, Core::Role::Supervisor));
    CHECK(Navigation::visibleTo(review, Core::Role::Admin));
    CHECK_FALSE(Navigation::visibleTo(review, Core::Role::Caseworker));
    CHECK_FALSE(Navigation::visibleTo(review, Core::Role::Trainer));
    NavigationEntry everyone;
    CHECK(Navigation::visibleTo(everyone, Core::Role::Trainer));
}
