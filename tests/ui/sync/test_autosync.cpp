// SPDX-License-Identifier: GPL-3.0-or-later
// Automatic sync in the desktop: against the real dampingi-server process over loopback (the
// server coming up) and the real server library in this process (lock, setting, edits).
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "tests/ui/sync/desktopdistrict.h"
#include "ui/cases/caseworkspace.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/shell/unlockdialog.h"
#include "ui/sync/autosync.h"
#include "ui/sync/syncrunner.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <catch2/catch.hpp>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch
using namespace std::chrono_literals;

namespace {

// Timings a test can wait for: probes every 100–400 ms; edits and the schedule as a test needs.
AutoSync::Timings fast(std::chrono::milliseconds editIdle = 1h, std::chrono::milliseconds schedule = 1h)
{
    AutoSync::Timings t;
    t.firstProbe = 0ms;
    t.backoffMin = 100ms;
    t.backoffMax = 400ms;
    t.editIdle = editIdle;
    t.schedule = schedule;
    t.systemNetwork = false; // what the test controls is the server, not this machine's links
    return t;
}

// GET /v1/health's twin in the in-process server library.
AutoSync::Probe inProcessProbe(Test::DesktopDistrict &district)
{
    return [factory = district.factory()](const Sync::SyncConfig &config) {
        const Core::Result<Sync::Response> reply = factory(config)->post(Sync::Endpoint::health, {}, {});
        return reply && reply->status == 200;
    };
}

// Every start and end of a run, in order: true, false, true, false… when never two at once.
struct Runs
{
    explicit Runs(SyncRunner &runner)
    {
        QObject::connect(&runner, &SyncRunner::runningChanged, &context, [this](bool on) { changes << on; });
        QObject::connect(&runner, &SyncRunner::finished, &context, [this] { ++finished; });
        QObject::connect(&runner, &SyncRunner::failed, &context, [this](const QString &m) { failures << m; });
    }
    int started() const { return int(changes.count(true)); }
    bool neverTwiceAtOnce() const
    {
        for (qsizetype i = 0; i < changes.size(); ++i) {
            if (changes.at(i) != (i % 2 == 0))
                return false;
        }
        return true;
    }
    QObject context;
    QList<bool> changes;
    int finished = 0;
    QStringList failures;
};

} // namespace

TEST_CASE("the district server coming up brings exactly one automatic sync", "[ui][sync][autosync]")
{
    Test::DesktopDistrict district;
    // The real server on the district's folder, plain HTTP on loopback: started once for a free
    // port, then stopped; the laptop is enrolled to that address.
    Test::ServerProcess server({QStringLiteral(DAMPINGI_SERVER), district.dir.path(), {}, {}, {}, {}});
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    const quint16 port = server.port();
    const QString address = server.url().toString();
    REQUIRE(server.stop() == 0);
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    siti.clock.set(QDateTime::currentMSecsSinceEpoch()); // the server runs on the real clock
    district.enroll(siti, address);
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());

    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    Runs runs(window.syncRunner());
    window.autoSync().setTimings(fast());
    // Down: the probe fails and backs off; nothing is synced.
    REQUIRE(QTest::qWaitFor([&] { return window.autoSync().probes() >= 3; }, 10000));
    CHECK(runs.started() == 0);
    CHECK_FALSE(window.autoSync().reachable());

    REQUIRE(server.startOn(port));
    REQUIRE(QTest::qWaitFor([&] { return runs.finished + runs.failures.size() > 0; }, 30000));
    INFO(runs.failures.join(u'\n').toStdString());
    REQUIRE(runs.failures.isEmpty());
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    // Several backoff periods later: still that one sync.
    QTest::qWait(1000);
    CHECK(runs.started() == 1);
    CHECK(runs.neverTwiceAtOnce());
    CHECK(window.autoSync().reachable());
    CHECK(server.stop() == 0);
}

TEST_CASE("no automatic sync starts while the window is locked", "[ui][sync][autosync][lock]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    Runs runs(window.syncRunner());
    window.autoSync().setProbe(inProcessProbe(district));
    window.autoSync().setTimings(fast(50ms, 100ms));

    int startedWhileLocked = -1;
    int probesWhileLocked = -1;
    QTimer::singleShot(0, qApp, [&] {
        // Inside the lock's own event loop; no REQUIRE here (an exception must not cross it).
        auto *dialog = qobject_cast<UnlockDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        window.autoSync().noteEdit(); // an edit's timer runs out behind the lock
        QTest::qWait(800); // the first probe, the edit and several schedule periods
        startedWhileLocked = runs.started();
        probesWhileLocked = window.autoSync().probes();
        dialog->findChild<QLineEdit *>(u"passphraseEdit"_s)->setText(Test::passphrase);
        dialog->findChild<QPushButton *>(u"unlockButton"_s)->click();
    });
    window.lockScreen();
    CHECK(startedWhileLocked == 0);
    CHECK(probesWhileLocked == 0);
    // Unlocked: the server is found and the work goes out.
    REQUIRE(QTest::qWaitFor([&] { return runs.finished > 0; }, 30000));
    CHECK(runs.failures.isEmpty());
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
}

TEST_CASE("with automatic sync turned off nothing syncs until it is turned on", "[ui][sync][autosync]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    Core::Settings settings(siti.profile->settingsPath());
    CHECK(settings.autoSync()); // on by default
    settings.setAutoSync(false);
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    Runs runs(window.syncRunner());
    window.autoSync().setProbe(inProcessProbe(district));
    window.autoSync().setTimings(fast(50ms, 100ms));
    window.autoSync().noteEdit();
    QTest::qWait(600);
    CHECK(window.autoSync().probes() == 0);
    CHECK(runs.started() == 0);

    window.showPage(Navigation::settings);
    auto *automatic = window.findChild<QCheckBox *>(u"autoSyncCheck"_s);
    REQUIRE(automatic);
    CHECK_FALSE(automatic->isChecked());
    // "Only on Wi-Fi" means something only where the system names the link in use.
    auto *wifiOnly = window.findChild<QCheckBox *>(u"wifiOnlyCheck"_s);
    REQUIRE(wifiOnly);
    CHECK_FALSE(wifiOnly->isEnabled()); // automatic sync is off
    CHECK((window.findChild<QLabel *>(u"wifiOnlyNote"_s) != nullptr) == !AutoSync::canTellTransport());
    automatic->click();
    CHECK(wifiOnly->isEnabled() == AutoSync::canTellTransport());
    CHECK(settings.autoSync());
    REQUIRE(QTest::qWaitFor([&] { return runs.finished > 0; }, 30000));
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
}

TEST_CASE("an edit saved while an automatic sync runs is kept and goes in the next one",
          "[ui][sync][autosync]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    district.enroll(siti);
    district.enroll(budi);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    // The first push waits (in the sync's thread) until the test has saved its edit.
    QSemaphore atPush;
    QSemaphore goOn;
    std::atomic_bool hold = true;
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory([&] {
        if (hold.exchange(false)) {
            atPush.release();
            goOn.acquire();
        }
    }));
    QList<qint64> pendingAfter; // the outbox when each sync has finished
    Runs runs(window.syncRunner());
    QObject::connect(&window.syncRunner(), &SyncRunner::finished, &runs.context,
                     [&] { pendingAfter << siti.profile->changeLog().pendingCount().value(); });
    window.autoSync().setProbe(inProcessProbe(district));
    window.autoSync().setTimings(fast(50ms));

    REQUIRE(QTest::qWaitFor([&] { return atPush.tryAcquire(); }, 30000));
    Core::CaseDraft patch;
    patch.fields.insert(u"narrative"_s, u"Korban pindah ke rumah nenek"_s);
    REQUIRE(siti.session->cases().update(id, std::move(patch)).ok());
    auto *workspace = window.findChild<CaseWorkspace *>(Navigation::caseFile + u"Page"_s);
    REQUIRE(workspace);
    emit workspace->caseChanged(id); // what the case file says after a save
    QTest::qWait(300); // the edit's idle time runs out while the sync still works
    CHECK(runs.started() == 1);
    goOn.release();

    const bool twice = QTest::qWaitFor([&] { return runs.finished >= 2 || !runs.failures.isEmpty(); }, 30000);
    INFO(runs.failures.join(u'\n').toStdString());
    INFO("runs started " << runs.started() << ", finished " << runs.finished << ", probes "
                         << window.autoSync().probes());
    REQUIRE(twice);
    REQUIRE(runs.failures.isEmpty());
    REQUIRE(pendingAfter.size() == 2);
    CHECK(pendingAfter.at(0) > 0); // the first sync had read its outbox before the edit
    CHECK(pendingAfter.at(1) == 0);
    CHECK(runs.neverTwiceAtOnce());
    // The server has it: Budi, on the same team, receives the edit.
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    district.sync(budi);
    CHECK(budi.session->cases().load(id)->kase.text(u"narrative"_s) == u"Korban pindah ke rumah nenek");
}
