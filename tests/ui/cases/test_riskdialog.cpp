// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caseworkspace.h"
#include "ui/cases/riskdialog.h"
#include "ui/cases/riskstab.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeriskpage.h"
#include "ui/widgets/riskchecklist.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QTest>
#include <algorithm>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

struct NewAssessment
{
    NewAssessment(Test::ProfileFixture &f, const QString &caseId, const QString &currentLevel)
        : dialog(*f.session, u"id"_s, caseId, currentLevel)
    {
        dialog.show();
        level = dialog.findChild<QComboBox *>(u"riskLevelCombo"_s);
        suggestion = dialog.findChild<QLabel *>(u"suggestedLevelLabel"_s);
        reason = dialog.findChild<QLineEdit *>(u"overrideReasonEdit"_s);
        reasonError = dialog.findChild<QLabel *>(u"overrideReasonError"_s);
        saveButton = dialog.findChild<QPushButton *>(u"riskSaveButton"_s);
        REQUIRE(level);
        REQUIRE(suggestion);
        REQUIRE(reason);
        REQUIRE(reasonError);
        REQUIRE(saveButton);
    }
    void answer(const QString &item, const QString &value)
    {
        auto *radio = dialog.findChild<QRadioButton *>(u"riskItem_%1_%2"_s.arg(item, value));
        REQUIRE(radio);
        QTest::mouseClick(radio, Qt::LeftButton);
    }
    // As a caseworker picks from the list (activated, not a programmatic change).
    void choose(const QString &code)
    {
        const int index = level->findData(code);
        REQUIRE(index >= 0);
        level->setCurrentIndex(index);
        emit level->activated(index);
    }
    QString suggested() const { return suggestion->property("level").toString(); }
    QString chosen() const { return level->currentData().toString(); }

    RiskDialog dialog;
    QComboBox *level = nullptr;
    QLabel *suggestion = nullptr;
    QLineEdit *reason = nullptr;
    QLabel *reasonError = nullptr;
    QPushButton *saveButton = nullptr;
};

QString newCase(Test::ProfileFixture &f, const QString &level)
{
    Core::CaseDraft draft = Test::sampleDraft();
    draft.risk->insert(u"level"_s, level);
    const auto kase = f.session->cases().create(draft);
    REQUIRE(kase.ok());
    return kase->id;
}

qsizetype assessments(Test::ProfileFixture &f, const QString &caseId)
{
    return f.session->cases().load(caseId)->children.value(u"risk_assessment"_s).size();
}

} // namespace

TEST_CASE("the answers suggest a level and the chosen level follows it upwards", "[ui][risk]")
{
    Test::ProfileFixture f;
    const QString id = newCase(f, u"low"_s);
    NewAssessment a(f, id, u"low"_s);
    // Nothing answered is no evidence of a low risk: nothing is suggested yet.
    CHECK(a.suggested().isEmpty());
    CHECK(a.suggestion->text().contains(u"no level is suggested"_s));
    CHECK(a.chosen() == u"low");
    a.answer(u"perpetrator_access"_s, u"no"_s);
    CHECK(a.suggested() == u"low");
    // The other questions are still unknown: the suggestion says the risk may be higher.
    CHECK(a.suggestion->text().contains(u"may be higher"_s));
    a.answer(u"perpetrator_access"_s, u"yes"_s);
    CHECK(a.suggested() == u"medium");
    a.answer(u"sexual_violence"_s, u"yes"_s);
    CHECK(a.suggested() == u"high");
    CHECK(a.chosen() == u"high");
    a.answer(u"strangulation"_s, u"yes"_s);
    CHECK(a.suggested() == u"critical");
    CHECK(a.suggestion->text().contains(u"Kritis"_s));
    // The four levels are defined on screen.
    auto *definitions = a.dialog.findChild<QLabel *>(u"levelDefinitions"_s);
    REQUIRE(definitions);
    for (const QString &label : {u"Rendah"_s, u"Sedang"_s, u"Tinggi"_s, u"Kritis"_s})
        CHECK(definitions->text().contains(label));
    // Matching the suggestion needs no reason.
    QTest::mouseClick(a.saveButton, Qt::LeftButton);
    CHECK_FALSE(a.reasonError->isVisible());
    CHECK(f.session->cases().load(id)->kase.text(u"risk_level"_s) == u"critical");
}

TEST_CASE("an assessment with nothing answered suggests nothing and stores no suggestion", "[ui][risk]")
{
    Test::ProfileFixture f;
    const QString id = newCase(f, u"medium"_s);
    NewAssessment a(f, id, u"medium"_s);
    CHECK(a.suggested().isEmpty());
    CHECK(a.chosen() == u"medium");
    a.choose(u"high"_s); // raised on what the caseworker saw, with nothing answered
    QTest::mouseClick(a.saveButton, Qt::LeftButton);
    CHECK_FALSE(a.reasonError->isVisible()); // no suggestion to differ from, and not lower
    REQUIRE(assessments(f, id) == 2); // the intake's and this one
    const QList<Core::Record> all = f.session->cases().load(id)->children.value(u"risk_assessment"_s);
    const auto it = std::find_if(all.cbegin(), all.cend(),
                                 [](const Core::Record &r) { return r.text(u"level"_s) == u"high"; });
    REQUIRE(it != all.cend());
    const Core::Record &saved = *it;
    CHECK(saved.text(u"level"_s) == u"high");
    CHECK(saved.text(u"suggested_level"_s).isEmpty());
}

TEST_CASE("a new assessment on a Tinggi case starts at Tinggi and never lowers it silently", "[ui][risk]")
{
    Test::ProfileFixture f;
    const QString id = newCase(f, u"high"_s);
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(id);
    auto *tab = workspace.findChild<RisksTab *>();
    REQUIRE(tab);
    RiskDialog *fromTab = tab->newAssessment();
    REQUIRE(fromTab);
    CHECK(fromTab->findChild<QComboBox *>(u"riskLevelCombo"_s)->currentData().toString() == u"high");
    fromTab->close();

    NewAssessment a(f, id, u"high"_s);
    CHECK(a.suggested().isEmpty()); // nothing answered yet
    CHECK(a.chosen() == u"high");
    a.answer(u"previous_violence"_s, u"no"_s);
    CHECK(a.chosen() == u"high"); // a suggestion below the current level does not pull it down

    a.choose(u"low"_s);
    QTest::mouseClick(a.saveButton, Qt::LeftButton);
    CHECK(a.reasonError->isVisible());
    CHECK(assessments(f, id) == 1); // only the intake's
    CHECK(f.session->cases().load(id)->kase.text(u"risk_level"_s) == u"high");
    auto *hint = a.dialog.findChild<QLabel *>(u"overrideHint"_s);
    REQUIRE(hint);
    CHECK(hint->isVisible());
    CHECK(hint->text().contains(u"Tinggi"_s));

    QTest::keyClicks(a.reason, u"Pelaku sudah pindah ke Samarinda"_s);
    QTest::mouseClick(a.saveButton, Qt::LeftButton);
    CHECK(assessments(f, id) == 2);
    CHECK(f.session->cases().load(id)->kase.text(u"risk_level"_s) == u"low");
}

TEST_CASE("an override is saved with its reason and read back in the same dialog", "[ui][risk]")
{
    Test::ProfileFixture f;
    const QString id = newCase(f, u"medium"_s);
    QString saved;
    {
        NewAssessment a(f, id, u"medium"_s);
        QObject::connect(&a.dialog, &RiskDialog::saved, &a.dialog, [&saved](const QString &s) { saved = s; });
        a.answer(u"perpetrator_access"_s, u"yes"_s);
        a.answer(u"sexual_violence"_s, u"yes"_s);
        a.answer(u"pregnancy"_s, u"unknown"_s);
        REQUIRE(a.suggested() == u"high");
        a.choose(u"critical"_s);
        QTest::mouseClick(a.saveButton, Qt::LeftButton);
        CHECK(a.reasonError->isVisible()); // above the suggestion: a reason too
        QTest::keyClicks(a.reason, u"Pelaku membawa parang saat kunjungan"_s);
        QTest::keyClicks(a.dialog.findChild<QPlainTextEdit *>(u"safetyPlanEdit"_s),
                         u"Tinggal di rumah aman"_s);
        QTest::mouseClick(a.saveButton, Qt::LeftButton);
        REQUIRE_FALSE(saved.isEmpty());
    }
    const auto file = f.session->cases().load(id);
    REQUIRE(file.ok());
    CHECK(file->kase.text(u"risk_level"_s) == u"critical");

    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.open(id);
    auto *tab = workspace.findChild<RisksTab *>();
    REQUIRE(tab);
    RiskDialog *detail = tab->showAssessment(saved);
    REQUIRE(detail);
    CHECK(detail->findChild<QLineEdit *>(u"overrideReasonEdit"_s)->text()
          == u"Pelaku membawa parang saat kunjungan");
    CHECK(detail->findChild<QLineEdit *>(u"overrideReasonEdit"_s)->isReadOnly());
    CHECK(detail->findChild<QComboBox *>(u"riskLevelCombo"_s)->currentData().toString() == u"critical");
    CHECK(detail->findChild<QLabel *>(u"suggestedLevelLabel"_s)->text().contains(u"Tinggi"_s));
    auto *yes = detail->findChild<QRadioButton *>(u"riskItem_sexual_violence_yes"_s);
    REQUIRE(yes);
    CHECK(yes->isChecked());
    CHECK_FALSE(yes->isEnabled());
    CHECK(detail->findChild<QRadioButton *>(u"riskItem_weapon_unknown"_s)->isChecked());
    CHECK(detail->findChild<QPlainTextEdit *>(u"safetyPlanEdit"_s)->toPlainText()
          == u"Tinggal di rumah aman");
    CHECK(tab->showAssessment(u"not-an-id"_s) == nullptr);

    // The written safety plan is corrected; the level and the answers stay as assessed.
    CHECK_FALSE(detail->findChild<QComboBox *>(u"riskLevelCombo"_s)->isEnabled());
    auto *plan = detail->findChild<QPlainTextEdit *>(u"safetyPlanEdit"_s);
    plan->selectAll();
    QTest::keyClicks(plan, u"Tinggal di rumah aman UPTD PPA"_s);
    QTest::mouseClick(detail->findChild<QPushButton *>(u"riskSaveButton"_s), Qt::LeftButton);
    const auto corrected = f.session->cases().load(id);
    REQUIRE(corrected.ok());
    const QList<Core::Record> assessments = corrected->children.value(u"risk_assessment"_s);
    const auto it = std::find_if(assessments.cbegin(), assessments.cend(),
                                 [&saved](const Core::Record &r) { return r.id == saved; });
    REQUIRE(it != assessments.cend());
    CHECK(it->text(u"safety_plan"_s) == u"Tinggal di rumah aman UPTD PPA");
    CHECK(it->text(u"level"_s) == u"critical");
    CHECK(corrected->kase.text(u"risk_level"_s) == u"critical");
}

TEST_CASE("the intake's risk page uses the same checklist and suggestion", "[ui][risk][intake]")
{
    Test::ProfileFixture f;
    IntakeFields fields(f.session->validator(), u"id"_s);
    IntakeRiskPage page(fields, *f.session);
    page.show();
    auto *combo = page.findChild<QComboBox *>(u"riskCombo"_s);
    REQUIRE(combo);
    REQUIRE(page.findChild<RiskChecklist *>(u"intakeRiskChecklist"_s));
    // Nothing answered: the level stays a deliberate choice and no checklist is stored.
    CHECK(combo->currentData().toString().isEmpty());
    combo->setCurrentIndex(combo->findData(u"medium"_s));
    CHECK_FALSE(page.risk().contains(u"answers"_s));

    QTest::mouseClick(page.findChild<QRadioButton *>(u"riskItem_child_lives_with_perpetrator_yes"_s),
                      Qt::LeftButton);
    CHECK(combo->currentData().toString() == u"high"); // follows the suggestion until chosen
    CHECK(page.findChild<QLabel *>(u"intakeSuggestedRisk"_s)->text().contains(u"Tinggi"_s));
    QVariantHash risk = page.risk();
    CHECK(risk.value(u"suggested_level"_s).toString() == u"high");
    CHECK(risk.value(u"answers"_s).toMap().value(u"child_lives_with_perpetrator"_s).toString() == u"yes");
    CHECK(page.validatePage());

    // Another level than the suggestion needs a reason, as in the case file.
    combo->setCurrentIndex(combo->findData(u"medium"_s));
    emit combo->activated(combo->currentIndex());
    CHECK_FALSE(page.validatePage());
    QTest::keyClicks(page.findChild<QLineEdit *>(u"riskReasonEdit"_s),
                     u"Ibu sudah membawa anak ke rumah nenek"_s);
    CHECK(page.validatePage());
    risk = page.risk();
    CHECK(risk.value(u"override_reason"_s).toString() == u"Ibu sudah membawa anak ke rumah nenek");
    CHECK(risk.value(u"level"_s).toString() == u"medium");
}

TEST_CASE("the safety plan column fills the table's width, after a refresh too", "[ui][risk]")
{
    Test::ProfileFixture f;
    const QString id = newCase(f, u"medium"_s);
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    workspace.resize(1200, 700);
    workspace.show();
    workspace.open(id);
    auto *table = workspace.findChild<QTableWidget *>(u"riskTable"_s);
    REQUIRE(table);
    const auto fills = [table] {
        QHeaderView *header = table->horizontalHeader();
        const int last = table->columnCount() - 1;
        return header->sectionViewportPosition(last) + header->sectionSize(last)
            >= table->viewport()->width() - 2;
    };
    workspace.showTab(CaseWorkspace::Tab::Risk);
    QApplication::processEvents();
    CHECK(fills());
    REQUIRE(workspace.reload());
    REQUIRE(workspace.reload());
    QApplication::processEvents();
    CHECK(fills());
}
