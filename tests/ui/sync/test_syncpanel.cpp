// SPDX-License-Identifier: GPL-3.0-or-later
// The sync window and the status bar while a sync runs: progress in words, the estimate, the
// history of the last syncs with why one failed.
#include "core/changelog/changelog.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "core/sql/database.h"
#include "core/sql/transaction.h"
#include "sync/client/syncmeta.h"
#include "tests/support/fixtures.h"
#include "tests/ui/sync/desktopdistrict.h"
#include "ui/common/errortext.h"
#include "ui/shell/mainwindow.h"
#include "ui/sync/autosync.h"
#include "ui/sync/syncestimate.h"
#include "ui/sync/syncpanel.h"
#include "ui/sync/syncrunner.h"
#include "ui/sync/synctext.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <catch2/catch.hpp>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

namespace {

template <typename T> T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    REQUIRE(widget);
    return widget;
}

// Stores a sync history as the sync engine keeps it (newest first).
void storeHistory(Core::ChangeLog &log, const QList<Sync::SyncRecord> &records)
{
    QJsonArray array;
    for (const Sync::SyncRecord &record : records)
        array.append(record.toJson());
    Core::Transaction txn(log.database());
    REQUIRE(txn.begin().ok());
    REQUIRE(log.setMeta(Sync::SyncMeta::keyHistory, QString::fromUtf8(QJsonDocument(array).toJson())).ok());
    REQUIRE(txn.commit().ok());
}

QList<Sync::SyncRecord> sampleHistory()
{
    Sync::SyncRecord failed;
    failed.startedAt = Test::fixedNowMs + 3'600'000; // 12:00 WITA
    failed.finishedAt = failed.startedAt + 95'000;
    failed.how = u"network"_s;
    failed.summary.pushed = 3;
    failed.error = Core::Error{Core::Error::Code::Unreachable, u"unreachable: connection refused"_s};
    Sync::SyncRecord usb;
    usb.startedAt = Test::fixedNowMs;
    usb.finishedAt = usb.startedAt + 4'000;
    usb.how = u"usb-import"_s;
    usb.ok = true;
    usb.summary.pulled = 1200;
    usb.summary.conflicts = 2;
    usb.summary.filesReceived = 3;
    return {failed, usb};
}

} // namespace

TEST_CASE("the estimate waits for a rate and follows a moving average", "[ui][sync][estimate]")
{
    SyncEstimate estimate({5000, 20000});
    CHECK_FALSE(estimate.remainingMs(100'000).has_value()); // nothing measured yet
    estimate.add(0, 0);
    estimate.add(2000, 8000);
    CHECK_FALSE(estimate.rate().has_value()); // the first seconds say little
    estimate.add(6000, 24000); // 4,000 bytes a second
    REQUIRE(estimate.rate().has_value());
    CHECK(*estimate.rate() == Approx(4000.0));
    CHECK(estimate.remainingMs(64000).value() == 10000);
    CHECK_FALSE(estimate.remainingMs(-1).has_value()); // the total is not known
    CHECK(estimate.remainingMs(24000).value() == 0);
    // The link slows to 1,000 bytes a second: after the window only the slow rate counts.
    for (qint64 t = 7000; t <= 40000; t += 1000)
        estimate.add(t, 24000 + (t - 6000));
    CHECK(*estimate.rate() == Approx(1000.0));
    CHECK(estimate.remainingMs(24000 + 34000 + 5000).value() == 5000);
    // A stalled link promises nothing; a new sync starts over.
    estimate.reset();
    estimate.add(0, 0);
    estimate.add(10000, 0);
    CHECK_FALSE(estimate.remainingMs(1000).has_value());
    estimate.add(11000, 500);
    estimate.add(10, 0); // back in time: a new run without reset
    CHECK_FALSE(estimate.rate().has_value());
}

TEST_CASE("progress words: phase, counts and sizes in the UI's locale", "[ui][sync][estimate]")
{
    const QLocale id(QLocale::Indonesian, QLocale::Indonesia);
    Sync::SyncProgress p;
    p.phase = Sync::SyncProgress::Phase::Sending;
    p.done = 120;
    p.total = 1000;
    p.bytesDone = 40 * 1024;
    p.bytesTotal = 300 * 1024;
    CHECK(SyncText::counts(p, id).contains(u"1.000"));
    CHECK(SyncText::bytes(p, id).contains(u"300,0 kB"));
    p.total = -1;
    CHECK_FALSE(SyncText::counts(p, id).contains(u"1.000"));
    CHECK(SyncText::counts(p, id).contains(u"120"));
    p.phase = Sync::SyncProgress::Phase::Connecting;
    CHECK(SyncText::counts(p, id).isEmpty());
    CHECK(SyncText::remaining(std::nullopt).isEmpty());
    CHECK(SyncText::remaining(30'000) != SyncText::remaining(600'000));
}

TEST_CASE("the status bar and the sync window show where a running sync is", "[ui][sync][progress]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    Core::Settings settings(siti.profile->settingsPath());
    settings.setAutoSync(false); // this test starts the sync itself
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    QSemaphore atPush;
    QSemaphore goOn;
    std::atomic_bool hold = true;
    window.syncRunner().setTransportFactory(district.factory([&] {
        if (hold.exchange(false)) {
            atPush.release();
            goOn.acquire();
        }
    }));
    window.show();
    auto *state = child<QLabel>(window, u"syncStateLabel"_s);
    auto *bar = child<QProgressBar>(window, u"syncStatusProgress"_s);
    CHECK_FALSE(bar->isVisible());
    child<QAction>(window, u"syncPanelAction"_s)->trigger();
    auto *panel = child<SyncPanel>(window, u"syncPanel"_s);
    CHECK(panel->isVisible());

    QSignalSpy done(&window.syncRunner(), &SyncRunner::finished);
    window.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return atPush.tryAcquire(); }, 30000));
    CHECK(bar->isVisible());
    Sync::SyncProgress p;
    p.phase = Sync::SyncProgress::Phase::Receiving;
    p.done = 120;
    p.total = 1000;
    p.bytesDone = 40 * 1024;
    p.bytesTotal = 300 * 1024;
    emit window.syncRunner().progress(p);
    CHECK(state->text() == u"Receiving changes · 120 of 1,000 changes · 40.0 kB of 300.0 kB");
    CHECK(child<QLabel>(*panel, u"syncPanelState"_s)->text() == u"Receiving changes");
    CHECK(child<QLabel>(*panel, u"syncPanelCounts"_s)->text() == u"120 of 1,000 changes");
    CHECK(child<QLabel>(*panel, u"syncPanelRemaining"_s)->text().isEmpty()); // no rate yet
    CHECK(bar->maximum() == 1000);
    CHECK(bar->value() == 120);
    auto *cancel = child<QPushButton>(*panel, u"syncPanelCancelButton"_s);
    CHECK(cancel->isEnabled());
    CHECK_FALSE(child<QPushButton>(*panel, u"syncPanelSyncButton"_s)->isEnabled());
    goOn.release();
    REQUIRE(done.wait(30000));
    CHECK_FALSE(bar->isVisible());
    CHECK_FALSE(cancel->isEnabled());
    // After the search index is rebuilt, the status bar says when the sync finished.
    REQUIRE(QTest::qWaitFor([&] { return state->text().startsWith(u"Synced at"); }, 30000));
    CHECK(child<QLabel>(*panel, u"syncPanelState"_s)->text() == state->text());
}

TEST_CASE("the sync window lists the last syncs and says in Indonesian why one failed",
          "[ui][sync][history][i18n]")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    const QList<Sync::SyncRecord> records = sampleHistory();
    storeHistory(siti.profile->changeLog(), records);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"id"_s, nullptr);
    window.show();
    QTest::mouseClick(child<QWidget>(window, u"syncDetailsButton"_s), Qt::LeftButton);
    auto *panel = child<SyncPanel>(window, u"syncPanel"_s);
    REQUIRE(panel->isVisible());
    auto *list = child<QTreeWidget>(*panel, u"syncHistoryList"_s);
    REQUIRE(list->topLevelItemCount() == 2);
    const QTreeWidgetItem *failed = list->topLevelItem(0);
    CHECK(failed->text(0).endsWith(u"12.00 WITA"));
    CHECK(failed->text(3) == ErrorText::message(records.at(0).error));
    CHECK(failed->text(3).startsWith(u"Server kabupaten/kota tidak dapat dihubungi"));
    const QTreeWidgetItem *usb = list->topLevelItem(1);
    CHECK(usb->text(0).endsWith(u"11.00 WITA"));
    CHECK(usb->text(1).contains(u"USB"));
    CHECK(usb->text(2).contains(u"1.200")); // received, in Indonesian digits
    CHECK(usb->text(3) != failed->text(3));
    // The newest is selected and shown in full below the list (the list elides long sentences).
    CHECK(child<QLabel>(*panel, u"syncHistoryDetail"_s)->text().endsWith(failed->text(3)));
}

namespace {

// Ops this laptop holds of other sites (received), counted in its change log.
qint64 receivedOps(Test::ProfileFixture &f)
{
    QSqlQuery q(f.profile->database().connection());
    q.prepare(u"SELECT count(*) FROM change_ops WHERE site_id <> ?"_s);
    q.addBindValue(f.profile->changeLog().siteId());
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return q.value(0).toLongLong();
}

} // namespace

TEST_CASE(
    "Cancel in the middle of receiving keeps the pages applied, and the next sync applies the rest once",
    "[ui][sync][cancel]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    district.enroll(siti);
    district.enroll(budi);
    // Budi's cases, shared with Siti's team: three pull pages of 1,000 ops for her laptop.
    QStringList ids;
    for (int i = 0; i < 45; ++i)
        ids << budi.session->cases().create(Test::sampleDraft()).value().id;
    district.sync(budi);
    for (const QString &id : std::as_const(ids))
        REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    district.sync(budi);
    Core::Settings settings(siti.profile->settingsPath());
    settings.setAutoSync(false);
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    QSemaphore atPull;
    QSemaphore goOn;
    std::atomic_bool hold = true;
    window.syncRunner().setTransportFactory(district.factoryHolding(Sync::Endpoint::pull, [&] {
        if (hold.exchange(false)) {
            atPull.release();
            goOn.acquire();
        }
    }));
    window.show();
    window.showSyncPanel();
    auto *panel = child<SyncPanel>(window, u"syncPanel"_s);
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    window.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return atPull.tryAcquire(); }, 30000));
    QTest::mouseClick(child<QPushButton>(*panel, u"syncPanelCancelButton"_s), Qt::LeftButton);
    goOn.release();
    REQUIRE(failed.wait(30000));
    const qint64 before = receivedOps(siti);
    INFO("received before the cancel " << before << " of budi's " << budi.profile->changeLog().lastSeq());
    CHECK(before > 0); // the pages before the cancel stay applied

    std::optional<Sync::SyncSummary> summary;
    QObject::connect(&window.syncRunner(), &SyncRunner::finished,
                     [&summary](const Sync::SyncSummary &s) { summary = s; });
    window.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return summary.has_value(); }, 60000));
    const qint64 after = receivedOps(siti);
    CHECK(after > before);
    CHECK(summary->pulled == after - before); // nothing received twice, nothing skipped
    CHECK(summary->duplicates == 0);
    for (const QString &id : std::as_const(ids))
        CHECK(siti.session->cases().load(id).ok());
}

TEST_CASE("Cancel stops a running sync with its sentence, and the next sync finishes the work",
          "[ui][sync][cancel]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    Core::Settings settings(siti.profile->settingsPath());
    settings.setAutoSync(false);
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    QSemaphore atPush;
    QSemaphore goOn;
    std::atomic_bool hold = true;
    window.syncRunner().setTransportFactory(district.factory([&] {
        if (hold.exchange(false)) {
            atPush.release();
            goOn.acquire();
        }
    }));
    window.show();
    window.showSyncPanel();
    auto *panel = child<SyncPanel>(window, u"syncPanel"_s);
    QSignalSpy reports(&window.syncRunner(), &SyncRunner::progress);
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    window.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return atPush.tryAcquire(); }, 30000));
    QTest::mouseClick(child<QPushButton>(*panel, u"syncPanelCancelButton"_s), Qt::LeftButton);
    goOn.release();
    REQUIRE(failed.wait(30000));
    CHECK_FALSE(reports.isEmpty()); // the engine reported where it was before the cancel
    const QString cancelled = ErrorText::message(
        Core::Error{Core::Error::Code::Unreachable, u"cancelled"_s, {}, Core::Error::Reason::Cancelled});
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)->text() == cancelled);
    CHECK(child<QLabel>(*panel, u"syncPanelState"_s)->text() == cancelled);
    auto *list = child<QTreeWidget>(*panel, u"syncHistoryList"_s);
    REQUIRE(list->topLevelItemCount() == 1);
    CHECK(list->topLevelItem(0)->text(3) == cancelled);

    QSignalSpy done(&window.syncRunner(), &SyncRunner::finished);
    window.syncNow();
    REQUIRE(done.wait(30000));
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    CHECK(list->topLevelItemCount() == 2);
}

// Not a check: renders the status bar while a sync runs and the sync window with a history, at
// 1366×768 (tests/ui/screenshots.sh runs it with DAMPINGI_SCREENSHOT_DIR set).
TEST_CASE("render the sync window", "[.screenshots]")
{
    const QString out = qEnvironmentVariable("DAMPINGI_SCREENSHOT_DIR");
    REQUIRE_FALSE(out.isEmpty());
    const QString language = qEnvironmentVariable("DAMPINGI_LANGUAGE", u"id"_s);
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    storeHistory(siti.profile->changeLog(), sampleHistory());
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    Core::Settings settings(siti.profile->settingsPath());
    settings.setAutoSync(false);
    MainWindow window(*siti.session, settings, language, nullptr);
    QSemaphore atPush;
    QSemaphore goOn;
    window.syncRunner().setTransportFactory(district.factory([&] {
        atPush.release();
        goOn.acquire();
    }));
    window.resize(1366, 768);
    window.show();
    window.syncNow();
    REQUIRE(QTest::qWaitFor([&] { return atPush.tryAcquire(); }, 30000));
    Sync::SyncProgress p;
    p.phase = Sync::SyncProgress::Phase::Sending;
    p.done = 120;
    p.total = 1000;
    p.bytesDone = 41'000;
    p.bytesTotal = 310'000;
    emit window.syncRunner().progress(p);
    QTest::qWait(50);
    window.grab().save(u"%1/sync-statusbar-%2.png"_s.arg(out, language));
    window.showSyncPanel();
    auto *panel = child<SyncPanel>(window, u"syncPanel"_s);
    QTest::qWait(50);
    panel->grab().save(u"%1/sync-panel-%2.png"_s.arg(out, language));
    goOn.release(10);
    REQUIRE(QTest::qWaitFor([&] { return !window.syncRunner().running(); }, 30000));
}
