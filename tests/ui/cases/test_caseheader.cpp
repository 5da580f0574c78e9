// SPDX-License-Identifier: GPL-3.0-or-later
// Tab walks the case file's header top to bottom: the header's button, the status row left to
// right, then the tabs.
#include "core/cases/caserepository.h"
#include "tests/support/fixtures.h"
#include "ui/cases/caseworkspace.h"

#include <QTabWidget>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

TEST_CASE("the case header's tab order follows the screen", "[ui][workspace][focus]")
{
    Test::ProfileFixture f;
    CaseWorkspace workspace(*f.session, u"id"_s, nullptr);
    auto *tabs = workspace.findChild<QTabWidget *>(u"caseTabs"_s);
    REQUIRE(tabs);
    QStringList order;
    for (QWidget *w = workspace.nextInFocusChain(); w && w != &workspace; w = w->nextInFocusChain()) {
        if (w == tabs || tabs->isAncestorOf(w))
            break;
        if (workspace.isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus))
            order << w->objectName();
    }
    INFO(order.join(u", "_s).toStdString());
    REQUIRE(order.size() >= 3);
    CHECK(order.first() == u"conflictsButton");
    CHECK(order.indexOf(u"statusCombo"_s) == 1);
    // Every button of the status row comes before the tabs, none after them.
    CHECK(order.contains(u"changeStatusButton"_s));
    CHECK(order.contains(u"recordVisitButton"_s));
}
