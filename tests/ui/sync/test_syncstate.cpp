// SPDX-License-Identifier: GPL-3.0-or-later
// Sync state where people look: the case list's icon column and its filter, the notice when a
// sync brought something only a person can settle, and the sentences for connection and
// enrollment troubles, against the real district server library (in this process, and over
// TLS on loopback through its HTTP front).
#include "core/cases/caserepository.h"
#include "core/cases/casesyncstate.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "core/replication/replicator.h"
#include "core/sql/database.h"
#include "sync/client/syncclient.h"
#include "sync/server/httpfront.h"
#include "tests/support/fixtures.h"
#include "tests/support/localdistrict.h"
#include "tests/support/testca.h"
#include "tests/ui/sync/desktopdistrict.h"
#include "ui/cases/caselistmodel.h"
#include "ui/home/syncnotice.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/sync/syncrunner.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;
using Kind = Core::CaseSyncState::Kind;

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
    INFO(name.toStdString());
    REQUIRE(widget);
    return widget;
}

// Presses "Sync now" and waits for the worker thread; the translated failure, or empty.
QString pressSyncNow(MainWindow &window)
{
    auto *action = child<QAction>(window, u"syncAction"_s);
    REQUIRE(action->isEnabled());
    QSignalSpy done(&window.syncRunner(), &SyncRunner::finished);
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    action->trigger();
    REQUIRE(QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, 30000));
    return failed.isEmpty() ? QString() : failed.first().first().toString();
}

void syncOk(MainWindow &window)
{
    const QString failure = pressSyncNow(window);
    INFO(failure.toStdString());
    REQUIRE(failure.isEmpty());
}

// The row of the case list (through its sort proxy) showing the case `id`, -1 if none.
int rowOfCase(Test::ProfileFixture &f, QTableView *table, const QString &id)
{
    const QString number = f.session->cases().load(id).value().kase.text(u"number"_s);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, CaseListModel::Number).data().toString() == number)
            return row;
    }
    return -1;
}

QVariant syncCell(Test::ProfileFixture &f, QTableView *table, const QString &id, int role)
{
    const int row = rowOfCase(f, table, id);
    REQUIRE(row >= 0);
    return table->model()->index(row, CaseListModel::SyncState).data(role);
}

void chooseSyncFilter(MainWindow &window, Kind kind)
{
    auto *combo = child<QComboBox>(window, u"syncFilterCombo"_s);
    const int index = combo->findData(int(kind));
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
}

// A case of Siti's shared with Budi's team; both write its narrative offline, Budi syncs first,
// then Siti's window syncs twice (`between` runs after her first) and learns of the conflict.
template <typename Between>
QString editOnTwoLaptops(Test::LocalDistrict &district, Test::ProfileFixture &siti,
                         Test::ProfileFixture &budi, MainWindow &window, Between between)
{
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    syncOk(window);
    REQUIRE(district.admin->assignCase(id, {}, u"Tenggarong"_s).ok()); // the team shares the case
    district.sync(budi);
    syncOk(window);
    // A minute and two apart: distinct stamps, and clocks close enough to the server's that no
    // far-off-clock notice is due.
    siti.clock.advance(60'000);
    budi.clock.advance(120'000);
    for (Test::ProfileFixture *f : {&siti, &budi}) {
        Core::CaseDraft patch;
        patch.fields.insert(u"narrative"_s, QString(u"Catatan "_s + f->profile->actor().login));
        REQUIRE(f->session->cases().update(id, std::move(patch)).ok());
    }
    syncOk(window);
    between();
    district.sync(budi);
    window.showPage(Navigation::cases);
    syncOk(window); // learns of Budi's edit
    return id;
}

} // namespace

TEST_CASE("the case list's icon turns from pending to synced after a save and a sync",
          "[ui][sync][syncstate]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    const QString id = siti.session->cases().create(Test::sampleDraft()).value().id;
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    auto *table = child<QTableView>(window, u"caseTable"_s);
    CHECK(syncCell(siti, table, id, CaseListModel::SyncKindRole).toInt() == int(Kind::Pending));
    syncOk(window);
    CHECK(syncCell(siti, table, id, CaseListModel::SyncKindRole).toInt() == int(Kind::Synced));
    CHECK(syncCell(siti, table, id, Qt::ToolTipRole).toString() == u"synced");
    CHECK(syncCell(siti, table, id, Qt::AccessibleTextRole).toString() == u"synced");
    CHECK_FALSE(syncCell(siti, table, id, Qt::DecorationRole).value<QIcon>().isNull());

    // A note saved in the case file: the list says the case has changes not yet sent, in the
    // words of the case file's header.
    window.showCase(id);
    QTest::keyClicks(child<QPlainTextEdit>(window, u"noteEdit"_s), u"Ibu korban datang ke kantor."_s);
    QTest::mouseClick(child<QPushButton>(window, u"saveNoteButton"_s), Qt::LeftButton);
    REQUIRE(syncCell(siti, table, id, CaseListModel::SyncKindRole).toInt() == int(Kind::Pending));
    const QString pending = syncCell(siti, table, id, Qt::ToolTipRole).toString();
    CHECK(pending.endsWith(u" change(s) not yet sent"));
    CHECK(pending != u"0 change(s) not yet sent");
    CHECK(child<QLabel>(window, u"caseHeader"_s)->text().contains(pending));
    chooseSyncFilter(window, Kind::Pending);
    CHECK(table->model()->rowCount() == 1);

    syncOk(window);
    CHECK(table->model()->rowCount() == 0); // nothing waits any more: the filter shows nothing
    child<QComboBox>(window, u"syncFilterCombo"_s)->setCurrentIndex(0);
    CHECK(syncCell(siti, table, id, CaseListModel::SyncKindRole).toInt() == int(Kind::Synced));
    CHECK(child<QLabel>(window, u"caseHeader"_s)->text().contains(u"synced"));
    CHECK_FALSE(child<QFrame>(window, u"syncNoticeBar"_s)->isVisible()); // nothing needs a person
}

TEST_CASE("a sync that brings a conflict raises the notice, whose button opens the attention list",
          "[ui][sync][syncstate][conflicts]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    district.enroll(siti);
    district.enroll(budi);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    auto *notice = child<QFrame>(window, u"syncNoticeBar"_s);
    const QString id
        = editOnTwoLaptops(district, siti, budi, window, [&] { CHECK_FALSE(notice->isVisible()); });

    REQUIRE(notice->isVisible());
    CHECK(child<QLabel>(*notice, u"syncNoticeLabel"_s)->text()
          == u"The last sync needs you: 1 conflict(s) to review.");
    auto *table = child<QTableView>(window, u"caseTable"_s);
    CHECK(syncCell(siti, table, id, CaseListModel::SyncKindRole).toInt() == int(Kind::Conflict));
    CHECK(syncCell(siti, table, id, Qt::ToolTipRole).toString() == u"1 conflict(s) to review");
    chooseSyncFilter(window, Kind::Conflict);
    CHECK(table->model()->rowCount() == 1);
    chooseSyncFilter(window, Kind::Refused);
    CHECK(table->model()->rowCount() == 0);

    QTest::mouseClick(child<QPushButton>(*notice, u"syncNoticeButton"_s), Qt::LeftButton);
    CHECK(window.currentPage() == Navigation::home);
    CHECK_FALSE(notice->isVisible());
    auto *attention = child<QListWidget>(window, u"draftList"_s);
    REQUIRE(attention->isVisible());
    REQUIRE(attention->currentRow() == 0); // Enter opens it
    CHECK(attention->currentItem()->text().contains(u"Narrative"));

    // A later sync with nothing new leaves the notice closed.
    syncOk(window);
    CHECK_FALSE(notice->isVisible());
}

TEST_CASE("a change the server refused raises the notice and the case shows it as refused",
          "[ui][sync][syncstate][refused]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    REQUIRE_FALSE(district.code(u"budi"_s).isEmpty()); // another caseworker of the team
    const QString moved = siti.session->cases().create(Test::sampleDraft()).value().id;
    const QString kept = siti.session->cases().create(Test::sampleDraft()).value().id;
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    syncOk(window);

    // The office gives one case to Budi; Siti, offline, writes a note in it an hour later.
    REQUIRE(district.admin->assignCase(moved, u"budi"_s).ok());
    siti.clock.advance(3'600'000);
    Core::CaseDraft patch;
    patch.fields.insert(u"narrative"_s, u"Ditulis setelah kasus dipindahkan"_s);
    REQUIRE(siti.session->cases().update(moved, std::move(patch)).ok());
    syncOk(window);
    auto *notice = child<QFrame>(window, u"syncNoticeBar"_s);
    REQUIRE(notice->isVisible());
    CHECK(child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().startsWith(u"The last sync needs you: "));
    CHECK(child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().contains(u"refused by the server"));
    CHECK_FALSE(child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().contains(u"conflict"));

    // The refused case left this laptop with its move (its refusal with it); a refusal of a case
    // that stays is shown on its row: one recorded as the sync client records it.
    CHECK(siti.profile->changeLog().pendingCount().value() == 0); // the refusal was acknowledged
    Core::CaseDraft late;
    late.fields.insert(u"narrative"_s, u"Catatan yang ditolak"_s);
    REQUIRE(siti.session->cases().update(kept, std::move(late)).ok());
    Core::Statement &last = siti.profile->changeLog().database().statement(
        u"SELECT max(site_seq) FROM change_ops WHERE case_id = ?"_s);
    last.bind(1, kept);
    REQUIRE(last.next());
    const qint64 refusedSeq = last.int64(0);
    last.reset();
    REQUIRE(Core::Replicator(siti.profile->changeLog()).recordRejection(refusedSeq, u"out_of_scope"_s).ok());
    window.showPage(Navigation::cases);
    chooseSyncFilter(window, Kind::Refused);
    auto *table = child<QTableView>(window, u"caseTable"_s);
    REQUIRE(table->model()->rowCount() == 1);
    CHECK(syncCell(siti, table, kept, CaseListModel::SyncKindRole).toInt() == int(Kind::Refused));
    CHECK(syncCell(siti, table, kept, Qt::ToolTipRole).toString() == u"1 change(s) refused by the server");
}

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

// The district server's HTTP front in this process, over TLS on a loopback port, serving the
// certificate and key given (the district's, or an impostor's on the same port).
struct TlsFront
{
    TlsFront(Test::LocalDistrict &district, const QString &cert, const QString &key, quint16 port = 0)
        : front(*district.service, *district.store, {})
    {
        REQUIRE(front.setTls(readAll(cert), readAll(key)).ok());
        const Core::Status listening = front.listen(QHostAddress::LocalHost, port);
        INFO((listening ? std::string() : listening.error().detail.toStdString()));
        REQUIRE(listening.ok());
    }
    ~TlsFront()
    {
        QSignalSpy stopped(&front, &Sync::HttpFront::stopped);
        front.shutdown(std::chrono::milliseconds(500));
        if (stopped.isEmpty())
            stopped.wait(5000);
    }
    QString url() const { return u"https://127.0.0.1:%1"_s.arg(front.port()); }

    Sync::HttpFront front;
};

// Types the server address and code into Settings and presses "Enroll"; the enrollment error
// shown, or empty when the laptop enrolled.
QString enrollFromSettings(MainWindow &window, const QString &url, const QString &code)
{
    window.showPage(Navigation::settings);
    auto *server = child<QLineEdit>(window, u"serverUrlEdit"_s);
    auto *codeEdit = child<QLineEdit>(window, u"enrollCodeEdit"_s);
    server->clear();
    QTest::keyClicks(server, url);
    codeEdit->clear();
    QTest::keyClicks(codeEdit, code);
    QSignalSpy enrolled(&window.syncRunner(), &SyncRunner::enrolled);
    QSignalSpy failed(&window.syncRunner(), &SyncRunner::failed);
    QTest::mouseClick(child<QPushButton>(window, u"enrollButton"_s), Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return !enrolled.isEmpty() || !failed.isEmpty(); }, 30000));
    auto *error = child<QLabel>(window, u"enrollError"_s);
    return failed.isEmpty() ? QString() : (error->isVisible() ? error->text() : u"(not shown)"_s);
}

const QString badCertificate = u"This is not the district server this laptop was enrolled with"_s;
const QString unreachable = u"The district server cannot be reached right now."_s;

} // namespace

TEST_CASE("a server with another certificate, then none at all, each get their sentence",
          "[ui][sync][troubles][tls]")
{
    const Test::TestCa ca;
    INFO(ca.error().toStdString());
    REQUIRE(ca.ok());
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    REQUIRE(district.admin->createUser(u"siti"_s, u"siti"_s, u"caseworker"_s, u"Tenggarong"_s).ok());
    const QString code
        = district.admin->enroll(u"siti"_s, u"laptop"_s, Test::officePassphrase, readAll(ca.serverChain()))
              .value();
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.show();
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());

    quint16 port = 0;
    {
        // Enrolling where another server answers: the code's pin does not match, nothing sent.
        TlsFront impostor(district, ca.otherCert(), ca.otherKey());
        port = impostor.front.port();
        CHECK(enrollFromSettings(window, impostor.url(), code).startsWith(badCertificate));
        CHECK_FALSE(Sync::SyncClient::config(*siti.profile)->enrolled());
    }
    {
        TlsFront real(district, ca.serverChain(), ca.serverKey(), port);
        REQUIRE(enrollFromSettings(window, real.url(), code).isEmpty());
        syncOk(window);
        CHECK(siti.profile->changeLog().pendingCount().value() == 0);
    }
    const qint64 pending = [&] {
        Core::CaseDraft patch;
        patch.fields.insert(u"narrative"_s, u"Kunjungan kedua"_s);
        const QString id = siti.session->cases().list({}).value().first().id;
        REQUIRE(siti.session->cases().update(id, std::move(patch)).ok());
        return siti.profile->changeLog().pendingCount().value();
    }();
    auto *state = child<QLabel>(window, u"syncStateLabel"_s);
    {
        // Later, on the same address, a server with another certificate (a hotspot's portal).
        TlsFront impostor(district, ca.otherCert(), ca.otherKey(), port);
        CHECK(pressSyncNow(window).startsWith(badCertificate));
        CHECK(state->text().startsWith(badCertificate));
    }
    // Nothing listens any more: the server cannot be reached; the work stays.
    CHECK(pressSyncNow(window).startsWith(unreachable));
    CHECK(state->text().startsWith(unreachable));
    CHECK(siti.profile->changeLog().pendingCount().value() == pending);
}

TEST_CASE("a laptop the office revoked says so where the user looks", "[ui][sync][troubles]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    syncOk(window);
    REQUIRE(district.admin->revokeDevice(Sync::SyncClient::config(*siti.profile)->deviceId).ok());
    const QString failure = pressSyncNow(window);
    CHECK(failure.startsWith(u"The district office revoked this laptop"));
    CHECK(child<QLabel>(window, u"syncStateLabel"_s)->text() == failure);
}

// Not a check: renders the case list's sync column and the notice at 1366×768 for a person to
// look at (tests/ui/screenshots.sh runs it with DAMPINGI_SCREENSHOT_DIR set). Hidden from the list.
TEST_CASE("render the sync state screens", "[.screenshots]")
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
    Test::ProfileFixture budi(Core::Role::Caseworker, false, u"budi"_s);
    district.enroll(siti);
    district.enroll(budi);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, language, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.resize(1366, 768);
    window.show();
    for (int i = 0; i < 3; ++i)
        REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    editOnTwoLaptops(district, siti, budi, window, [] {});
    // One more case waits to be sent, and one change of another was refused.
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    REQUIRE(Core::Replicator(siti.profile->changeLog())
                .recordRejection(siti.profile->changeLog().lastSeq(), u"out_of_scope"_s)
                .ok());
    REQUIRE(siti.session->cases().create(Test::sampleDraft()).ok());
    window.showPage(Navigation::cases);
    QTest::qWait(50);
    window.grab().save(u"%1/cases-sync-state-%2.png"_s.arg(out, language));
    QTest::mouseClick(child<QPushButton>(window, u"syncNoticeButton"_s), Qt::LeftButton);
    QTest::qWait(50);
    window.grab().save(u"%1/home-after-notice-%2.png"_s.arg(out, language));
}

TEST_CASE("a laptop whose clock runs three hours ahead hears it after a sync that went through",
          "[ui][sync][troubles][clock]")
{
    Test::DesktopDistrict district;
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    district.enroll(siti);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.syncRunner().setTransportFactory(district.factory());
    window.show();
    auto *notice = window.findChild<SyncNoticeBar *>(u"syncNoticeBar"_s);
    REQUIRE(notice);
    syncOk(window);
    CHECK_FALSE(notice->isVisible()); // the two clocks agree
    siti.clock.advance(3 * 3'600'000);
    syncOk(window);
    REQUIRE(notice->isVisible());
    CHECK(
        child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().startsWith(u"This laptop's clock is far from"));
}

// The notice's threshold, driven with the figures a sync reports.
TEST_CASE("a clock far off is said in the notice with what to do, a small drift is not",
          "[ui][sync][troubles][clock]")
{
    Test::ProfileFixture siti(Core::Role::Caseworker, false, u"siti"_s);
    Core::Settings settings(siti.profile->settingsPath());
    MainWindow window(*siti.session, settings, u"en"_s, nullptr);
    window.show();
    auto *notice = window.findChild<SyncNoticeBar *>(u"syncNoticeBar"_s);
    REQUIRE(notice);
    notice->showClockSkew(SyncNoticeBar::clockSkewLimitMs); // ten minutes: a drift, not a fault
    CHECK_FALSE(notice->isVisible());
    notice->showClockSkew(-3 * 3'600'000); // the laptop is three hours ahead
    REQUIRE(notice->isVisible());
    CHECK(
        child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().startsWith(u"This laptop's clock is far from"));
    CHECK(child<QLabel>(*notice, u"syncNoticeLabel"_s)->text().contains(u"then sync again"));
    CHECK_FALSE(child<QPushButton>(*notice, u"syncNoticeButton"_s)->isVisible());
}
