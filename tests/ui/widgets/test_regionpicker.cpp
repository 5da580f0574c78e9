// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/regions/regionindex.h"
#include "ui/widgets/regionpicker.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// Loading all 91,599 regions takes a moment; every test shares one read-only index.
const Core::RegionIndex &builtinRegions()
{
    static const Core::Result<Core::RegionIndex> loaded = Core::RegionIndex::loadBuiltin();
    REQUIRE(loaded);
    return *loaded;
}

struct Picker
{
    RegionPicker widget{builtinRegions()};
    QLineEdit *edit = nullptr;
    QComboBox *province = nullptr;
    QComboBox *regency = nullptr;
    QComboBox *district = nullptr;
    QComboBox *village = nullptr;

    Picker()
    {
        widget.resize(700, 120);
        widget.show();
        REQUIRE(QTest::qWaitForWindowExposed(&widget));
        edit = widget.findChild<QLineEdit *>(u"regionSearchEdit"_s);
        province = widget.findChild<QComboBox *>(u"provinceCombo"_s);
        regency = widget.findChild<QComboBox *>(u"regencyCombo"_s);
        district = widget.findChild<QComboBox *>(u"districtCombo"_s);
        village = widget.findChild<QComboBox *>(u"villageCombo"_s);
        REQUIRE(edit);
        REQUIRE(province);
        REQUIRE(regency);
        REQUIRE(district);
        REQUIRE(village);
        REQUIRE(edit->completer());
        edit->setFocus();
    }

    QAbstractItemView *popup() const { return edit->completer()->popup(); }

    QStringList suggestions() const
    {
        QStringList rows;
        const QAbstractItemModel *model = popup()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows.append(model->index(row, 0).data().toString());
        return rows;
    }

    QStringList comboTexts() const
    {
        return {province->currentText(), regency->currentText(), district->currentText(),
                village->currentText()};
    }
};

const QString seberangPath = u"Tenggarong Seberang, Kabupaten Kutai Kartanegara, Kalimantan Timur"_s;
const QString bukitBiruPath = u"Bukit Biru, Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur"_s;

} // namespace

TEST_CASE("typing part of a kecamatan name offers it and Down, Enter choose it", "[ui][region]")
{
    Picker p;
    QSignalSpy changed(&p.widget, &RegionPicker::codeChanged);
    QAbstractItemModelTester completionTester(p.edit->completer()->completionModel(),
                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester sourceTester(p.edit->completer()->model(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);

    QTest::keyClicks(p.edit, u"tenggarong sebe"_s);

    REQUIRE(p.popup()->isVisible());
    REQUIRE(p.suggestions().value(0) == seberangPath);
    CHECK(changed.isEmpty()); // typing alone chooses nothing
    CHECK(p.widget.code().isEmpty());

    QTest::keyClick(p.popup(), Qt::Key_Down);
    QTest::keyClick(p.popup(), Qt::Key_Enter);

    CHECK_FALSE(p.popup()->isVisible());
    CHECK(p.widget.code() == u"64.02.16"_s);
    CHECK(p.comboTexts()
          == QStringList{u"Kalimantan Timur"_s, u"Kabupaten Kutai Kartanegara"_s, u"Tenggarong Seberang"_s,
                         u"— Village —"_s});
    CHECK(p.village->isEnabled()); // the villages of Tenggarong Seberang are offered next
    CHECK(p.edit->text() == seberangPath);
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).at(0).toString() == u"64.02.16"_s);
}

TEST_CASE("suggestions list the scope first, then the rest of the country", "[ui][region]")
{
    Picker p;
    p.widget.setScope(u"64.02"_s);

    QTest::keyClicks(p.edit, u"bukit"_s);

    const QStringList rows = p.suggestions();
    REQUIRE(rows.contains(bukitBiruPath));
    const auto inScope = [](const QString &path) {
        return path.endsWith(u", Kabupaten Kutai Kartanegara, Kalimantan Timur"_s);
    };
    const auto firstOutside = std::find_if_not(rows.begin(), rows.end(), inScope);
    CHECK(firstOutside != rows.begin());
    CHECK(firstOutside != rows.end()); // the rest of the country follows
    CHECK(std::none_of(firstOutside, rows.end(), inScope));
}

TEST_CASE("typing a region code offers that region first", "[ui][region]")
{
    Picker p;
    p.widget.setScope(u"64.02"_s);

    QTest::keyClicks(p.edit, u"6402061003"_s);

    REQUIRE(p.popup()->isVisible());
    CHECK(p.suggestions().value(0) == bukitBiruPath);
}

TEST_CASE("Enter without a highlighted row takes the first suggestion, preferring the scope", "[ui][region]")
{
    // "seberang" is the second word of the kecamatan in the scope; elsewhere whole regions start
    // with it ("Seberang Kota", Jambi). The scope's row must come first, be in view and be taken.
    Picker p;
    p.widget.setScope(u"64.02"_s);
    QSignalSpy changed(&p.widget, &RegionPicker::codeChanged);

    QTest::keyClicks(p.edit, u"seberang"_s);
    REQUIRE(p.popup()->isVisible());
    CHECK(p.suggestions().value(0) == seberangPath);
    CHECK(p.popup()->indexAt(QPoint(1, 1)).row() == 0); // not scrolled away from the top
    QTest::keyClick(p.popup(), Qt::Key_Return);

    CHECK_FALSE(p.popup()->isVisible());
    CHECK(p.widget.code() == u"64.02.16"_s);
    CHECK(p.district->currentText() == u"Tenggarong Seberang"_s);
    CHECK(changed.size() == 1);
}

TEST_CASE("the cascade starts at the scope and each combo refines the code", "[ui][region]")
{
    Picker p;
    QSignalSpy changed(&p.widget, &RegionPicker::codeChanged);

    p.widget.setScope(u"64.02"_s);

    // The scope is a starting point for the cascade, not a choice.
    CHECK(p.comboTexts()
          == QStringList{u"Kalimantan Timur"_s, u"Kabupaten Kutai Kartanegara"_s, u"— District —"_s,
                         u"— Village —"_s});
    CHECK(p.widget.code().isEmpty());
    CHECK(changed.isEmpty());
    CHECK_FALSE(p.village->isEnabled());

    p.district->setCurrentIndex(p.district->findText(u"Tenggarong"_s));
    CHECK(p.widget.code() == u"64.02.06"_s);
    REQUIRE(changed.size() == 1);
    REQUIRE(p.village->isEnabled());
    CHECK(p.village->findText(u"Bukit Biru"_s) > 0);

    // Keyboard on the village combo: Down moves from the placeholder to the first village.
    const QList<Core::Region> villages = builtinRegions().children(u"64.02.06"_s);
    REQUIRE_FALSE(villages.isEmpty());
    p.village->setFocus();
    QTest::keyClick(p.village, Qt::Key_Down);
    CHECK(p.widget.code() == villages.first().code);
    CHECK(p.village->currentText() == villages.first().name);
    CHECK(p.edit->text() == builtinRegions().displayPath(villages.first().code));
    REQUIRE(changed.size() == 2);
    CHECK(changed.at(1).at(0).toString() == villages.first().code);

    // Another district: the villages below are refilled and none is chosen.
    p.district->setCurrentIndex(p.district->findText(u"Tenggarong Seberang"_s));
    CHECK(p.widget.code() == u"64.02.16"_s);
    CHECK(p.village->currentIndex() == 0);
    CHECK(p.village->findText(u"Bukit Biru"_s) < 0);
    CHECK(changed.size() == 3);

    // The placeholder steps back to the level above.
    p.district->setCurrentIndex(0);
    CHECK(p.widget.code() == u"64.02"_s);
    CHECK_FALSE(p.village->isEnabled());
    CHECK(changed.size() == 4);
}

TEST_CASE("setCode shows the village in the cascade and emits once per change", "[ui][region]")
{
    Picker p;
    p.widget.setScope(u"64.02"_s);
    QSignalSpy changed(&p.widget, &RegionPicker::codeChanged);

    p.widget.setCode(u"64.02.06.1003"_s);

    CHECK(p.widget.code() == u"64.02.06.1003"_s);
    CHECK(p.comboTexts()
          == QStringList{u"Kalimantan Timur"_s, u"Kabupaten Kutai Kartanegara"_s, u"Tenggarong"_s,
                         u"Bukit Biru"_s});
    CHECK(p.edit->text() == bukitBiruPath);
    CHECK(changed.size() == 1);

    p.widget.setCode(u"6402061003"_s); // the same region, undotted
    CHECK(changed.size() == 1);

    p.widget.setCode(QString());
    CHECK(p.widget.code().isEmpty());
    CHECK(p.edit->text().isEmpty());
    CHECK(p.district->currentIndex() == 0);
    CHECK(p.regency->currentText() == u"Kabupaten Kutai Kartanegara"_s); // back at the scope
    REQUIRE(changed.size() == 2);
    CHECK(changed.at(1).at(0).toString().isEmpty());
}

TEST_CASE("typed text that chose nothing gives way to the chosen region when focus leaves", "[ui][region]")
{
    Picker p;
    p.widget.setCode(u"64.02.06.1003"_s);
    QSignalSpy changed(&p.widget, &RegionPicker::codeChanged);

    p.edit->selectAll();
    QTest::keyClicks(p.edit, u"bukit"_s);
    REQUIRE(p.popup()->isVisible());
    QTest::keyClick(p.popup(), Qt::Key_Escape);
    CHECK_FALSE(p.popup()->isVisible());
    p.village->setFocus();

    CHECK(p.edit->text() == bukitBiruPath);
    CHECK(p.widget.code() == u"64.02.06.1003"_s);
    CHECK(changed.isEmpty());
}

TEST_CASE("Tab walks the picker: search, then every enabled level down to the village", "[ui][region][focus]")
{
    QWidget form;
    auto *before = new QLineEdit(&form);
    before->setObjectName(u"beforeEdit"_s);
    auto *picker = new RegionPicker(builtinRegions(), &form);
    // As the forms hold it: in a box whose focus proxy it is (a row label's mnemonic focuses it),
    // the box made without a parent and placed in its row. (A box placed after the widgets below
    // it would come after them in the chain: forms place each row as they make it.)
    auto *box = new QWidget;
    (new QVBoxLayout(box))->addWidget(picker);
    box->setFocusProxy(picker);
    auto *layout = new QVBoxLayout(&form);
    layout->addWidget(before);
    layout->addWidget(box);
    auto *after = new QLineEdit(&form);
    after->setObjectName(u"afterEdit"_s);
    layout->addWidget(after);
    picker->setScope(u"64.02"_s);
    picker->setCode(u"64.02.06"_s); // a kecamatan chosen: the village box is open
    form.resize(900, 200);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));
    before->setFocus();

    QStringList visited;
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget()->objectName();
    }
    INFO("Tab visited: " << visited.join(u", "_s).toStdString());
    CHECK(visited
          == QStringList{u"regionSearchEdit"_s, u"provinceCombo"_s, u"regencyCombo"_s, u"districtCombo"_s,
                         u"villageCombo"_s, u"afterEdit"_s});

    // The focus chain itself holds the same order, whatever opens or closes.
    QStringList chain;
    for (QWidget *w = before->nextInFocusChain(); w != after; w = w->nextInFocusChain()) {
        if (w->focusPolicy() & Qt::TabFocus)
            chain << w->objectName();
    }
    INFO("focus chain: " << chain.join(u", "_s).toStdString());
    CHECK(chain
          == QStringList{u"regionSearchEdit"_s, u"provinceCombo"_s, u"regencyCombo"_s, u"districtCombo"_s,
                         u"villageCombo"_s});
}
