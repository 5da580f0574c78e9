// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caselistmodel.h"
#include "ui/cases/caselistpage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

QString addCase(Test::ProfileFixture &f, const QString &name, const QString &village)
{
    Core::CaseDraft draft = Test::sampleDraft();
    draft.parties.first().person.insert(u"name"_s, name);
    draft.parties.first().person.insert(u"address_region"_s, village);
    const auto kase = f.session->cases().create(draft);
    REQUIRE(kase.ok());
    return kase->id;
}

// The row of the table showing `number`, -1 if none.
int rowOf(const QAbstractItemModel *model, const QString &number)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CaseListModel::Number).data().toString() == number)
            return row;
    }
    return -1;
}

} // namespace

TEST_CASE("the case list and its search say who each case is about and where", "[ui][cases][casesubject]")
{
    Test::ProfileFixture f;
    addCase(f, u"Putri Anggraini"_s, u"64.02.11.2009"_s);
    addCase(f, u"Putri Ayuningtyas"_s, u"64.02.19.2002"_s);
    REQUIRE(f.session->buildSearchIndex().ok());
    CaseListPage page(*f.session, u"en"_s);
    auto *table = page.findChild<QTableView *>(u"caseTable"_s);
    auto *search = page.findChild<QLineEdit *>(u"searchEdit"_s);
    REQUIRE(table);
    REQUIRE(search);
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTest::keyClicks(search, u"putri"_s);
    const QAbstractItemModel *model = table->model();
    REQUIRE(model->rowCount() == 2);
    QStringList rows;
    for (int row = 0; row < 2; ++row) {
        rows << model->index(row, CaseListModel::Who).data().toString() + u" | "_s
                    + model->index(row, CaseListModel::Where).data().toString();
    }
    rows.sort();
    CHECK(rows
          == QStringList{u"Putri A., 14 yr(s) | Sedulang, Kota Bangun Darat"_s,
                         u"Putri A., 14 yr(s) | Sedulang, Muara Kaman"_s});
    CHECK(model->headerData(CaseListModel::Who, Qt::Horizontal).toString() == u"Victim");
    CHECK(page.findChild<QLabel *>(u"countLabel"_s)->text() == u"2 case(s)");
}

TEST_CASE("a capped case list says how many match in all", "[ui][cases][casesubject]")
{
    Test::ProfileFixture f;
    constexpr int total = 203; // the list reads 200 at a time
    QString last;
    for (int i = 0; i < total; ++i)
        last = addCase(f, u"Anak Ke %1"_s.arg(i), u"64.02.06.1001"_s);
    CaseListPage page(*f.session, u"en"_s);
    auto *table = page.findChild<QTableView *>(u"caseTable"_s);
    auto *count = page.findChild<QLabel *>(u"countLabel"_s);
    REQUIRE(table);
    REQUIRE(count);
    CHECK(table->model()->rowCount() == 200);
    CHECK(count->text() == u"Showing 200 of 203 cases — narrow the search");
    // The newest case is on the first page, with its who and where.
    const QString number = f.session->cases().load(last)->kase.text(u"number"_s);
    const int row = rowOf(table->model(), number);
    REQUIRE(row >= 0);
    CHECK(table->model()->index(row, CaseListModel::Who).data().toString() == u"Anak K. 2., 14 yr(s)");
    CHECK(table->model()->index(row, CaseListModel::Where).data().toString() == u"Jahab, Tenggarong");
}
