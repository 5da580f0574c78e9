// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cases/caserepository.h"
#include "core/regions/regionindex.h"
#include "tests/support/fixtures.h"
#include "ui/visits/positionprovider.h"
#include "ui/visits/visitdialog.h"
#include "ui/widgets/regionpicker.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// "$<body>*<XOR of the body's bytes, two hex digits>\r\n", as a receiver writes it.
QByteArray nmeaSentence(const QByteArray &body)
{
    quint8 sum = 0;
    for (const char c : body)
        sum ^= quint8(c);
    return QByteArray("$") + body + QByteArray("*")
         + QByteArray::number(sum, 16).rightJustified(2, '0').toUpper() + QByteArray("\r\n");
}

QString createCase(Test::ProfileFixture &f)
{
    const Core::Result<Core::Record> created = f.session->cases().create(Test::sampleDraft());
    REQUIRE(created.ok());
    return created->id;
}

QList<Core::Record> visitsOf(Test::ProfileFixture &f, const QString &caseId)
{
    const Core::Result<Core::CaseFile> file = f.session->cases().load(caseId);
    REQUIRE(file.ok());
    return file->children.value(u"visit"_s);
}

template <typename T> T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    REQUIRE(widget != nullptr);
    return widget;
}

} // namespace

TEST_CASE("a visit saved with a GPS fix replayed from an NMEA log keeps the fix", "[ui][visit]")
{
    Test::ProfileFixture f;
    const QString caseId = createCase(f);

    // One epoch in Tenggarong (-0.4196, 116.9323) at 02:59:52 UTC, 8 s before the fixture's
    // "now" (03:00:00 UTC). HDOP 1.2 gives 2 × 1.2 × 5.1 = 12.24 m with Qt's UERE rule.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString logPath = dir.filePath(u"tenggarong.nmea"_s);
    {
        QFile log(logPath);
        REQUIRE(log.open(QIODevice::WriteOnly));
        log.write(nmeaSentence("GPRMC,025952.00,A,0025.1760,S,11655.9380,E,0.0,0.0,201126,,,A"));
        log.write(nmeaSentence("GPGGA,025952.00,0025.1760,S,11655.9380,E,1,08,1.2,45.0,M,60.0,M,,"));
    }
    std::unique_ptr<PositionProvider> gps = PositionProvider::create(u"nmea:"_s + logPath, nullptr);
    REQUIRE(gps->kind() == PositionProvider::Kind::NmeaLog);

    VisitDialog dialog(*f.session, caseId, u"id"_s, gps.get());
    QSignalSpy saved(&dialog, &VisitDialog::visitSaved);
    dialog.show();

    REQUIRE(QTest::qWaitFor([&] { return gps->lastFix().isValid(); }, 5000));
    auto *fixLabel = child<QLabel>(dialog, u"fixLabel"_s);
    REQUIRE(QTest::qWaitFor([&] { return fixLabel->text().contains(u"12 m"); }, 2000));
    CHECK(fixLabel->text().contains(u"8 s"));
    auto *useGps = child<QPushButton>(dialog, u"useGpsButton"_s);
    REQUIRE(useGps->isEnabled());

    QTest::mouseClick(useGps, Qt::LeftButton);
    QTest::keyClicks(child<QPlainTextEdit>(dialog, u"notesEdit"_s), u"Korban ditemui di rumah neneknya"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"saveButton"_s), Qt::LeftButton);

    REQUIRE(saved.size() == 1);
    CHECK(dialog.result() == QDialog::Accepted);
    const QList<Core::Record> visits = visitsOf(f, caseId);
    REQUIRE(visits.size() == 1);
    const Core::Record &visit = visits.first();
    CHECK(visit.id == saved.at(0).at(0).toString());
    CHECK(visit.text(u"notes"_s) == u"Korban ditemui di rumah neneknya"_s);
    CHECK(visit.text(u"location_source"_s) == u"nmea_log"_s);
    const QVariantMap location = visit.value(u"location"_s).toMap();
    CHECK(location.value(u"lat"_s).toDouble() == Approx(-0.4196).margin(1e-6));
    CHECK(location.value(u"lng"_s).toDouble() == Approx(116.9323).margin(1e-6));
    CHECK(location.value(u"accuracy_m"_s).toDouble() == Approx(12.2).margin(0.05));
    CHECK(location.value(u"fix_time"_s).toLongLong() == Test::fixedNowMs - 8000);
    CHECK(visit.value(u"visited_at"_s).toLongLong() == Test::fixedNowMs);
}

TEST_CASE("a visit without a GPS source saves without a location or with the village centroid", "[ui][visit]")
{
    Test::ProfileFixture f;
    const QString caseId = createCase(f);

    SECTION("no fix and no centroid: saved, with no location")
    {
        VisitDialog dialog(*f.session, caseId, u"id"_s, nullptr);
        QSignalSpy saved(&dialog, &VisitDialog::visitSaved);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        REQUIRE(QTest::qWaitForWindowActive(&dialog));
        CHECK_FALSE(child<QPushButton>(dialog, u"useGpsButton"_s)->isEnabled());
        QTest::keyClicks(child<QPlainTextEdit>(dialog, u"notesEdit"_s), u"Tidak ada sinyal"_s);
        // Enter in a one-line field does not save a half-typed visit; Ctrl+S does.
        auto *place = child<QLineEdit>(dialog, u"placeEdit"_s);
        place->setFocus();
        QTest::keyClicks(place, u"Rumah nenek"_s);
        QTest::keyClick(place, Qt::Key_Return);
        CHECK(saved.isEmpty());
        QTest::keyClick(place, Qt::Key_S, Qt::ControlModifier);

        REQUIRE(saved.size() == 1);
        const QList<Core::Record> visits = visitsOf(f, caseId);
        REQUIRE(visits.size() == 1);
        CHECK(visits.first().text(u"notes"_s) == u"Tidak ada sinyal"_s);
        CHECK(visits.first().text(u"place_text"_s) == u"Rumah nenek"_s);
        CHECK(visits.first().value(u"location"_s).isNull());
        CHECK(visits.first().value(u"location_source"_s).isNull());
    }

    SECTION("the centroid of the chosen village")
    {
        const std::optional<Core::Region> village = Test::regions().find(u"64.02.06.1003");
        REQUIRE(village);
        REQUIRE(village->lat);
        REQUIRE(village->lng);

        VisitDialog dialog(*f.session, caseId, u"id"_s, nullptr);
        QSignalSpy saved(&dialog, &VisitDialog::visitSaved);
        child<RegionPicker>(dialog, u"regionPicker"_s)->setCode(u"64.02.06.1003"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"useCentroidButton"_s), Qt::LeftButton);
        CHECK(child<QLabel>(dialog, u"locationChoiceLabel"_s)->text().contains(village->name));
        QTest::mouseClick(child<QPushButton>(dialog, u"saveButton"_s), Qt::LeftButton);

        REQUIRE(saved.size() == 1);
        const QList<Core::Record> visits = visitsOf(f, caseId);
        REQUIRE(visits.size() == 1);
        CHECK(visits.first().text(u"region_code"_s) == u"64.02.06.1003"_s);
        CHECK(visits.first().text(u"location_source"_s) == u"village_centroid"_s);
        const QVariantMap location = visits.first().value(u"location"_s).toMap();
        CHECK(location.value(u"lat"_s).toDouble() == Approx(*village->lat));
        CHECK(location.value(u"lng"_s).toDouble() == Approx(*village->lng));
        CHECK_FALSE(location.contains(u"accuracy_m"_s));
    }
}

TEST_CASE("a visit dated in the future shows the error under the date and stores nothing", "[ui][visit]")
{
    Test::ProfileFixture f;
    const QString caseId = createCase(f);

    VisitDialog dialog(*f.session, caseId, u"id"_s, nullptr);
    QSignalSpy saved(&dialog, &VisitDialog::visitSaved);
    dialog.show();
    auto *visitedAt = child<QDateTimeEdit>(dialog, u"visitedAtEdit"_s);
    auto *notes = child<QPlainTextEdit>(dialog, u"notesEdit"_s);
    auto *error = child<QLabel>(dialog, u"visited_atError"_s);
    CHECK_FALSE(error->isVisibleTo(&dialog));

    const QDateTime shown = visitedAt->dateTime(); // now, on the district's clock
    CHECK(shown.time() == QTime(11, 0)); // 03:00 UTC is 11:00 in Kutai Kartanegara, whatever TZ says
    CHECK(visitedAt->text().endsWith(u" WITA"));
    visitedAt->setDateTime(shown.addDays(3));
    QTest::keyClicks(notes, u"Catatan yang tidak boleh hilang"_s);
    QTest::mouseClick(child<QPushButton>(dialog, u"saveButton"_s), Qt::LeftButton);

    CHECK(saved.isEmpty());
    CHECK(visitsOf(f, caseId).isEmpty());
    CHECK(dialog.isVisible());
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(error->isVisibleTo(&dialog));
    // Named by its label and reason (the English detail only goes to the log).
    CHECK(error->text() == u"Visit: Visit time — This date cannot be in the future."_s);
    CHECK(notes->toPlainText() == u"Catatan yang tidak boleh hilang"_s);

    // Corrected, it saves and the message goes away.
    visitedAt->setDateTime(shown.addSecs(-3600));
    QTest::mouseClick(child<QPushButton>(dialog, u"saveButton"_s), Qt::LeftButton);
    CHECK_FALSE(error->isVisibleTo(&dialog));
    REQUIRE(saved.size() == 1);
    REQUIRE(visitsOf(f, caseId).size() == 1);
    CHECK(visitsOf(f, caseId).first().text(u"notes"_s) == u"Catatan yang tidak boleh hilang"_s);
    CHECK(visitsOf(f, caseId).first().value(u"visited_at"_s).toLongLong() == Test::fixedNowMs - 3600 * 1000);
}

TEST_CASE("a GPS source that cannot be opened says why, and the visit still saves", "[ui][visit]")
{
    Test::ProfileFixture f;
    const QString caseId = createCase(f);

    // A missing log, and a serial port that does not exist (through the real nmea plugin).
    const QString source
        = GENERATE(u"nmea:/nonexistent/dampingi/track.nmea"_s, u"serial:/dev/ttyDAMPINGI9"_s);
    std::unique_ptr<PositionProvider> gps = PositionProvider::create(source, nullptr);
    CHECK(
        gps->kind()
        == (source.startsWith(u"nmea:") ? PositionProvider::Kind::NmeaLog : PositionProvider::Kind::Serial));
    QSignalSpy failed(gps.get(), &PositionProvider::failed);

    VisitDialog dialog(*f.session, caseId, u"id"_s, gps.get());
    QSignalSpy saved(&dialog, &VisitDialog::visitSaved);
    REQUIRE(failed.wait(2000));
    const QString reason = failed.at(0).at(0).toString();
    CHECK(reason.contains(source.mid(source.indexOf(u':') + 1)));
    CHECK(child<QLabel>(dialog, u"fixLabel"_s)->text().contains(reason));
    CHECK_FALSE(child<QPushButton>(dialog, u"useGpsButton"_s)->isEnabled());

    QTest::mouseClick(child<QPushButton>(dialog, u"saveButton"_s), Qt::LeftButton);
    REQUIRE(saved.size() == 1);
    const QList<Core::Record> visits = visitsOf(f, caseId);
    REQUIRE(visits.size() == 1);
    CHECK(visits.first().value(u"location"_s).isNull());
}

TEST_CASE("a visit's village starts at the victim's village", "[ui][visit]")
{
    Test::ProfileFixture f;
    Core::CaseDraft draft = Test::sampleDraft();
    // The victim lives in another village than the one the incident happened in.
    draft.parties[0].person.insert(u"address_region"_s, u"64.02.06.1003"_s);
    const Core::Result<Core::Record> created = f.session->cases().create(draft);
    REQUIRE(created.ok());
    VisitDialog dialog(*f.session, created->id, u"id"_s, nullptr);
    CHECK(child<RegionPicker>(dialog, u"regionPicker"_s)->code() == u"64.02.06.1003"_s);

    // Without the victim's village there is no default.
    Core::CaseDraft unknown = Test::sampleDraft();
    unknown.parties[0].person.remove(u"address_region"_s);
    const Core::Result<Core::Record> other = f.session->cases().create(unknown);
    REQUIRE(other.ok());
    VisitDialog second(*f.session, other->id, u"id"_s, nullptr);
    CHECK(child<RegionPicker>(second, u"regionPicker"_s)->code().isEmpty());
}
