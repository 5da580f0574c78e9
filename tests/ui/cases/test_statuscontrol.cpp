// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/domain/workflow.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caseworkspace.h"
#include "ui/cases/statuscontrol.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// Every status in the workflow's order, as the control ranks forward and back.
const QStringList order
    = {u"intake"_s,     u"outreach"_s,          u"assessment"_s, u"planning"_s,   u"services"_s,
       u"monitoring"_s, u"closure_requested"_s, u"closed"_s,     u"transferred"_s};

struct Desk
{
    explicit Desk(Test::ProfileFixture &f)
        : fixture(f)
        , workspace(*f.session, u"id"_s, nullptr)
    {
        const auto kase = f.session->cases().create(Test::sampleDraft());
        REQUIRE(kase.ok());
        caseId = kase->id;
        workspace.open(caseId);
        workspace.show();
        control = workspace.findChild<StatusControl *>(u"statusControl"_s);
        REQUIRE(control);
        control->setConfirm([this](const QString &text) {
            questions << text;
            return answer;
        });
        combo = workspace.findChild<QComboBox *>(u"statusCombo"_s);
        apply = workspace.findChild<QPushButton *>(u"changeStatusButton"_s);
        reason = workspace.findChild<QLineEdit *>(u"statusReasonEdit"_s);
        note = workspace.findChild<QLabel *>(u"supervisorNote"_s);
        error = workspace.findChild<QLabel *>(u"statusError"_s);
        REQUIRE(combo);
        REQUIRE(apply);
        REQUIRE(reason);
        REQUIRE(note);
        REQUIRE(error);
    }
    QString status() const { return fixture.session->cases().load(caseId)->kase.text(u"status"_s); }

    Test::ProfileFixture &fixture;
    CaseWorkspace workspace;
    QString caseId;
    StatusControl *control = nullptr;
    QComboBox *combo = nullptr;
    QPushButton *apply = nullptr;
    QLineEdit *reason = nullptr;
    QLabel *note = nullptr;
    QLabel *error = nullptr;
    QStringList questions;
    bool answer = true;
};

} // namespace

TEST_CASE("the status control never offers or preselects the current or an earlier status", "[ui][status]")
{
    Test::ProfileFixture f;
    Desk desk(f);
    // Walk the case from intake to a requested closure by pressing the button on what is
    // preselected; after every change nothing offered is behind the case.
    for (int step = 0; step < 7 && desk.combo->isEnabled(); ++step) {
        const QString current = desk.status();
        INFO("at " << current.toStdString());
        REQUIRE(desk.combo->count() > 0);
        for (int i = 0; i < desk.combo->count(); ++i)
            CHECK(order.indexOf(desk.combo->itemData(i).toString()) > order.indexOf(current));
        const QString preselected = desk.combo->currentData().toString();
        CHECK(preselected == Core::Workflow::forwardTargets(current, Core::Role::Caseworker).first());
        if (desk.reason->isEnabled())
            QTest::keyClicks(desk.reason, u"Layanan selesai, korban aman"_s);
        QTest::mouseClick(desk.apply, Qt::LeftButton);
        CHECK_FALSE(desk.error->isVisible());
        CHECK(desk.status() == preselected);
    }
    CHECK(desk.status() == u"closure_requested");
    CHECK(desk.questions.size() == 6);
}

TEST_CASE("every status change is confirmed with both statuses named, and a no changes nothing",
          "[ui][status]")
{
    Test::ProfileFixture f;
    Desk desk(f);
    desk.combo->setCurrentIndex(desk.combo->findData(u"assessment"_s));
    desk.answer = false;
    QTest::mouseClick(desk.apply, Qt::LeftButton);
    REQUIRE(desk.questions.size() == 1);
    CHECK(desk.questions.first().contains(u"Pengaduan"_s)); // from
    CHECK(desk.questions.first().contains(u"Asesmen"_s)); // to
    CHECK(desk.status() == u"intake");

    desk.answer = true;
    QTest::mouseClick(desk.apply, Qt::LeftButton);
    CHECK(desk.status() == u"assessment");
    // Preselected next: planning, not intake or outreach behind it.
    CHECK(desk.combo->currentData().toString() == u"planning");
    CHECK(desk.combo->findData(u"outreach"_s) < 0);
}

TEST_CASE("going back is a separate action that needs a reason", "[ui][status]")
{
    Test::ProfileFixture f;
    Desk desk(f);
    desk.combo->setCurrentIndex(desk.combo->findData(u"planning"_s));
    QTest::mouseClick(desk.apply, Qt::LeftButton);
    REQUIRE(desk.status() == u"planning");

    auto *toggle = desk.workspace.findChild<QPushButton *>(u"statusBackButton"_s);
    auto *panel = desk.workspace.findChild<QWidget *>(u"statusBackPanel"_s);
    auto *back = desk.workspace.findChild<QComboBox *>(u"statusBackCombo"_s);
    auto *backReason = desk.workspace.findChild<QLineEdit *>(u"statusBackReasonEdit"_s);
    auto *confirm = desk.workspace.findChild<QPushButton *>(u"statusBackConfirmButton"_s);
    REQUIRE(toggle);
    REQUIRE(panel);
    REQUIRE(back);
    REQUIRE(backReason);
    REQUIRE(confirm);
    CHECK_FALSE(panel->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK(panel->isVisible());
    CHECK(back->currentData().toString() == u"assessment");

    desk.questions.clear();
    QTest::mouseClick(confirm, Qt::LeftButton); // no reason
    CHECK(desk.error->isVisible());
    CHECK(desk.questions.isEmpty());
    CHECK(desk.status() == u"planning");

    QTest::keyClicks(backReason, u"Asesmen psikolog belum lengkap"_s);
    QTest::mouseClick(confirm, Qt::LeftButton);
    REQUIRE(desk.questions.size() == 1);
    CHECK(desk.questions.first().contains(u"Rencana intervensi"_s));
    CHECK(desk.questions.first().contains(u"Asesmen"_s));
    CHECK(desk.status() == u"assessment");
    CHECK_FALSE(panel->isVisible());
    CHECK(desk.combo->currentData().toString() == u"planning"); // forward again, not back
}

TEST_CASE("the control says before the click that closure needs a supervisor", "[ui][status]")
{
    Test::ProfileFixture f;
    Desk desk(f);
    desk.combo->setCurrentIndex(desk.combo->findData(u"monitoring"_s));
    QTest::mouseClick(desk.apply, Qt::LeftButton);
    REQUIRE(desk.status() == u"monitoring");
    CHECK(desk.combo->currentData().toString() == u"closure_requested");
    CHECK(desk.note->isVisible());
    CHECK(desk.note->text().contains(u"supervisor"_s));
    CHECK(desk.reason->isEnabled()); // a closure needs a reason

    // Transfer is a step on too, but no supervisor's.
    desk.combo->setCurrentIndex(desk.combo->findData(u"transferred"_s));
    CHECK_FALSE(desk.note->isVisible());
    desk.combo->setCurrentIndex(desk.combo->findData(u"closure_requested"_s));
    QTest::keyClicks(desk.reason, u"Korban sudah aman dan pulih"_s);
    QTest::mouseClick(desk.apply, Qt::LeftButton);
    REQUIRE(desk.status() == u"closure_requested");
    CHECK(desk.questions.last().contains(u"supervisor"_s));
    // The caseworker cannot close it: no step forward, and the note says who can.
    CHECK_FALSE(desk.apply->isEnabled());
    CHECK(desk.combo->count() == 0);
    CHECK(desk.note->isVisible());
    CHECK(desk.note->text().contains(u"supervisor"_s));
}
