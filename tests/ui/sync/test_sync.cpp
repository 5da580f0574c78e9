// SPDX-License-Identifier: GPL-3.0-or-later
// Sync and conflicts in the desktop app, against the real district server library in this
// process (its own SQLite store); the app's sync runs on its worker thread as it does for users.
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "core/replication/replicator.h"
#include "sync/client/syncclient.h"
#include "sync/server/admin.h"
#include "sync/server/localtransport.h"
#include "sync/server/serverstore.h"
#include "sync/server/syncservice.h"
#include "tests/support/fixtures.h"
#include "tests/support/localdistrict.h"
#include "tests/support/widgets.h"
#include "tests/ui/sync/desktopdistrict.h"
#include "ui/cases/conflictdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/sync/syncrunner.h"

#include <QAction>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

namespace {

using District = Test::DesktopDistrict;

template <typename T> T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    REQUIRE(widget);
    return widget;
}

// Presses "Sync now" and waits for the worker thread to report.
void pressSyncNow(MainWindow &window)
{
    auto *action = window.findChild<QAction *>(u"syncAction"_s);
    REQUIRE(action);
    REQUIRE(action->isEnabled());
    QSignalSpy done(&window.syncRunner(), &SyncRunner::finished);
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    action->trigger();
    CHECK_FALSE(action->isEnabled()); // one run at a time
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)->text()
          == QCoreApplication::translate("MainWindow", "Syncing…"));
    REQUIRE(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 30000));
    INFO((failed.isEmpty() ? std::string() : failed.first().first().toString().toStdString()));
    REQUIRE(failed.isEmpty());
    CHECK(action->isEnabled());
    // The search index is rebuilt after every sync; the status bar says so until it is ready.
    REQUIRE(QTest::qWaitFor(
        [&] {
            return child<QLabel>(window, u"syncStateLabel"_s)->text()
                != QCoreApplication::translate("MainWindow", "Preparing the search…");
        },
        30000));
}

void patchNarrative(Test::ProfileFixture &f, const QString &id, const QString &text)
{
    Core::CaseDraft patch;
    patch.fields.insert(u"narrative"_s, text);
    REQUIRE(f.session->cases().update(id, std::move(patch)).ok());
}

} // namespace

TEST_CASE("a laptop enrolls from Settings and Sync now sends its new case", "[ui][sync]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    const QString code = district.code(u"siti"_s);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    auto *syncAction = window.findChild<QAction *>(u"syncAction"_s);
    REQUIRE(syncAction);
    auto *state = child<QLabel>(window, u"syncStateLabel"_s);
    CHECK_FALSE(syncAction->isEnabled()); // nothing to sync with yet
    CHECK(state->text() == u"Offline · not enrolled with a district server yet");

    window.showPage(Navigation::settings);
    auto *server = child<QLineEdit>(window, u"serverUrlEdit"_s);
    auto *codeEdit = child<QLineEdit>(window, u"enrollCodeEdit"_s);
    auto *enroll = child<QPushButton>(window, u"enrollButton"_s);
    auto *error = child<QLabel>(window, u"enrollError"_s);
    QTest::keyClicks(server, u"local"_s);
    // A typo is caught before anything is sent.
    QTest::keyClicks(codeEdit, QString(code).replace(6, 1, code.at(6) == u'A' ? u'B' : u'A'));
    QTest::mouseClick(enroll, Qt::LeftButton);
    CHECK(error->isVisible());
    CHECK_FALSE(window.syncRunner().running());
    codeEdit->clear();
    QTest::keyClicks(codeEdit, code);
    QSignalSpy enrolled(&window.syncRunner(), &SyncRunner::enrolled);
    QTest::mouseClick(enroll, Qt::LeftButton);
    REQUIRE(enrolled.wait(30000));
    CHECK_FALSE(error->isVisible());
    CHECK(child<QLabel>(window, u"enrolledServerLabel"_s)->isVisible());
    CHECK(child<QLabel>(window, u"enrolledServerLabel"_s)->text() == u"local");
    CHECK(child<QLabel>(window, u"enrolledLoginLabel"_s)->text().startsWith(u"siti"));
    CHECK_FALSE(child<QLabel>(window, u"enrolledDeviceLabel"_s)->text().isEmpty());
    CHECK_FALSE(server->isVisible()); // the form gives way to what the laptop is enrolled as
    CHECK(syncAction->isEnabled());

    const auto kase = siti.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    CHECK(siti.profile->changeLog().pendingCount().value() > 0);
    window.showPage(Navigation::home);
    pressSyncNow(window);
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    CHECK(child<QLabel>(window, u"unsentTileCount"_s)->text() == u"0");
    CHECK(state->text() == u"Synced at 11:00 WITA"); // the fixed clock, 03:00 UTC, in Kutai Kartanegara
    // The server's registry number came back with the pull.
    CHECK(siti.session->cases().load(kase->id)->kase.text(u"registry_number"_s).startsWith(u"64.02-"));
}

TEST_CASE("a narrative edited on two laptops is shown for review and Keep this settles it",
          "[ui][sync][conflicts]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    district.enroll(siti);
    district.enroll(budi);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();

    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    pressSyncNow(window);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok()); // the team shares the case
    district.sync(budi);
    pressSyncNow(window);

    // Both write the narrative offline; Budi's edit is later, so it is the one kept at first.
    siti.clock.advance(3'600'000);
    budi.clock.advance(7'200'000);
    window.showCase(id);
    patchNarrative(siti, id, u"Catatan Siti"_s);
    patchNarrative(budi, id, u"Catatan Budi"_s);
    pressSyncNow(window);
    district.sync(budi);
    pressSyncNow(window); // learns of Budi's edit

    // The open case says so in its header, and Home lists it under "needs attention".
    auto *conflicts = child<QPushButton>(window, u"conflictsButton"_s);
    CHECK(conflicts->isVisible());
    CHECK(conflicts->text() == u"1 conflict(s) to review");
    auto *attention = child<QListWidget>(window, u"draftList"_s);
    REQUIRE(attention->count() == 1);
    CHECK(attention->item(0)->text().contains(u"Narrative"));
    CHECK(attention->item(0)->text().contains(siti.session->cases().load(id)->kase.text(u"number"_s)));

    QTest::mouseClick(conflicts, Qt::LeftButton);
    auto *dialog = window.findChild<ConflictDialog *>();
    REQUIRE(dialog);
    REQUIRE(dialog->count() == 1);
    CHECK(dialog->findChild<QGroupBox *>(u"conflictBox0"_s) != nullptr);
    CHECK(child<QLabel>(*dialog, u"winnerValue0"_s)->text() == u"Catatan Budi");
    CHECK(child<QLabel>(*dialog, u"loserValue0"_s)->text() == u"Catatan Siti");
    QSignalSpy closed(dialog, &QDialog::finished);
    QTest::mouseClick(child<QPushButton>(*dialog, u"loserKeepButton0"_s), Qt::LeftButton);
    CHECK(closed.size() == 1); // nothing left to review: the dialog closes itself
    CHECK_FALSE(conflicts->isVisible());
    CHECK(siti.session->cases().load(id)->kase.text(u"narrative"_s) == u"Catatan Siti");
    CHECK(siti.session->cases().load(id)->openConflicts == 0);
    CHECK(attention->count() == 0);
    // The choice is a new edit: it syncs like any other.
    CHECK(siti.profile->changeLog().pendingCount().value() > 0);
    pressSyncNow(window);
    CHECK(siti.profile->changeLog().pendingCount().value() == 0);
}

TEST_CASE("a case that leaves the laptop's scope closes in the app and vanishes from search",
          "[ui][sync][purge]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    (void)district.code(u"budi"_s); // another caseworker of the team, to take the case over
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    const auto kase = siti.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    window.loadSearchIndex();
    REQUIRE(QTest::qWaitFor([&] { return siti.session->searchReady(); }, 30000));
    CHECK(siti.session->search(u"nurhaliza"_s, {})->size() == 1);
    pressSyncNow(window);
    window.showCase(kase->id);

    REQUIRE(district.admin->assignCase(kase->id, u"budi"_s).ok());
    pressSyncNow(window);
    CHECK(siti.session->cases().load(kase->id).error().code == Core::Error::Code::NotFound);
    auto *nav = child<QListWidget>(window, u"navList"_s);
    CHECK(nav->item(Test::navRow(nav, Navigation::caseFile))->isHidden());
    CHECK(window.currentPage() == Navigation::home);
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)->text().contains(u"no longer on this laptop"));
    // The index is rebuilt in the background; the case must not be found any more.
    REQUIRE(QTest::qWaitFor([&] { return siti.session->search(u"nurhaliza"_s, {})->isEmpty(); }, 30000));
}

TEST_CASE("a sync that cannot reach the server says so and keeps every change", "[ui][sync]")
{
    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    // Enrolled to an address where nothing listens (the default HTTP link is used).
    district.enroll(siti, u"http://127.0.0.1:9"_s);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.show();
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    const qint64 pending = siti.profile->changeLog().pendingCount().value();
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    window.findChild<QAction *>(u"syncAction"_s)->trigger();
    REQUIRE(failed.wait(30000)); // after the retries (1 s, 2 s)
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)
              ->text()
              .startsWith(u"The district server cannot be reached"));
    CHECK(siti.profile->changeLog().pendingCount().value() == pending);
    CHECK(window.findChild<QAction *>(u"syncAction"_s)->isEnabled());
}

TEST_CASE("sync and conflict review speak Indonesian under the id catalogue", "[ui][sync][i18n]")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"id"_s, nullptr);
    CHECK(window.findChild<QAction *>(u"syncAction"_s)->text() == u"Sinkronkan sekarang");
    CHECK(child<QPushButton>(window, u"enrollButton"_s)->text() == u"Daftarkan laptop ini");
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)->text().contains(u"belum terdaftar"));
}

// Not a check: renders the sync screens in Indonesian at 1366×768 for a person to look at
// (tests/ui/screenshots.sh runs it with DAMPINGI_SCREENSHOT_DIR set). Hidden from the test list.
TEST_CASE("render the sync screens", "[.screenshots]")
{
    const QString out = qEnvironmentVariable("DAMPINGI_SCREENSHOT_DIR");
    REQUIRE_FALSE(out.isEmpty());
    const QString language = qEnvironmentVariable("DAMPINGI_LANGUAGE", u"id"_s);
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    District district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    Core::Settings settings(siti.profile->settingsPath());
    {
        MainWindow window(*siti.session, settings, language, nullptr);
        window.resize(1366, 768);
        window.show();
        window.showPage(Navigation::settings);
        QTest::qWait(50);
        window.grab().save(u"%1/settings-server-%2.png"_s.arg(out, language));
    }

    district.enroll(siti);
    district.enroll(budi);
    MainWindow window(*siti.session, settings, language, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.resize(1366, 768);
    window.show();
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    pressSyncNow(window);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok());
    district.sync(budi);
    pressSyncNow(window);
    siti.clock.advance(3'600'000);
    budi.clock.advance(7'200'000);
    patchNarrative(siti, id,
                   u"Korban tinggal sementara di rumah nenek di Desa Loa Ipuh. Pelaku belum ditemukan."_s);
    patchNarrative(budi, id,
                   u"Korban sudah kembali ke rumah orang tua; ibu korban mendampingi. Pelaku dilaporkan ke "
                   "Polres Kutai Kartanegara."_s);
    Core::CaseDraft higher;
    higher.fields.insert(u"risk_level"_s, u"critical"_s);
    REQUIRE(siti.session->cases().update(id, std::move(higher)).ok());
    Core::CaseDraft lower;
    lower.fields.insert(u"risk_level"_s, u"low"_s);
    REQUIRE(budi.session->cases().update(id, std::move(lower)).ok());
    pressSyncNow(window);
    district.sync(budi);
    pressSyncNow(window);

    window.showPage(Navigation::settings);
    QTest::qWait(50);
    window.grab().save(u"%1/settings-enrolled-%2.png"_s.arg(out, language));
    window.showPage(Navigation::home);
    QTest::qWait(50);
    window.grab().save(u"%1/home-attention-%2.png"_s.arg(out, language));
    window.showCase(id);
    QTest::qWait(50);
    window.grab().save(u"%1/case-conflicts-%2.png"_s.arg(out, language));
    QTest::mouseClick(child<QPushButton>(window, u"conflictsButton"_s), Qt::LeftButton);
    auto *dialog = window.findChild<ConflictDialog *>();
    REQUIRE(dialog);
    QTest::qWait(50);
    dialog->grab().save(u"%1/conflicts-%2.png"_s.arg(out, language));
    dialog->close();

    // Budi attaches a scan; its row reaches Siti before its content (his link dropped the parts).
    QTemporaryDir scans;
    const QString scan = scans.filePath(u"hasil-visum-RSUD.pdf"_s);
    {
        QFile file(scan);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(300'000, 'v'));
    }
    REQUIRE(budi.session->attachments().attach(id, scan, u"Visum et repertum"_s).ok());
    struct NoBlobs final : Sync::Transport
    {
        Sync::Transport &inner;
        explicit NoBlobs(Sync::Transport &t)
            : inner(t)
        { }
        Core::Result<Sync::Response> post(const char *endpoint, const QByteArray &bearer,
                                          const QByteArray &page) override
        {
            if (QByteArrayView(endpoint) == QByteArrayView(Sync::Endpoint::blob))
                return Core::Error{Core::Error::Code::Unreachable, u"link dropped"_s};
            return inner.post(endpoint, bearer, page);
        }
    } dropping(*district.transport);
    REQUIRE(Sync::SyncClient(*budi.profile, dropping).syncOnce().ok());
    pressSyncNow(window);
    window.showCase(id);
    auto *tabs = window.findChild<QTabWidget *>(u"caseTabs"_s);
    REQUIRE(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == (language == u"id" ? u"Dokumen"_s : u"Documents"_s))
            tabs->setCurrentIndex(i);
    }
    QTest::qWait(50);
    window.grab().save(u"%1/case-documents-waiting-%2.png"_s.arg(out, language));
}
