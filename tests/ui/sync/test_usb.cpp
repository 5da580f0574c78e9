// SPDX-License-Identifier: GPL-3.0-or-later
// USB bundles from the desktop, end to end: the dialogs write a bundle, the real
// `dampingi-server admin bundle import` takes it and writes the office's answer, and the dialogs
// import that answer. The district store is the in-process LocalDistrict's folder; the other
// laptop syncs with it over the server library.
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "sync/bundle.h"
#include "sync/client/syncclient.h"
#include "tests/support/fixtures.h"
#include "tests/support/localdistrict.h"
#include "tests/support/serverprocess.h"
#include "tests/support/widgets.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/sync/syncrunner.h"
#include "ui/sync/usbexportdialog.h"
#include "ui/sync/usbimportdialog.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
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

template <typename T> T *child(QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    REQUIRE(widget);
    return widget;
}

QString errorSentence(const char *english)
{
    return QCoreApplication::translate("ErrorText", english);
}

qint64 pending(Test::ProfileFixture &laptop)
{
    const Core::Result<qint64> n = laptop.profile->changeLog().pendingCount();
    REQUIRE(n.ok());
    return *n;
}

// What a refused import must leave alone: the outbox, the cases and their content, the cursor.
QString state(Test::ProfileFixture &laptop)
{
    Core::CaseFilter all;
    const auto cases = laptop.session->cases().list(all);
    REQUIRE(cases.ok());
    QStringList lines{QString::number(pending(laptop))};
    for (const Core::CaseSummary &c : *cases) {
        const auto file = laptop.session->cases().load(c.id);
        REQUIRE(file.ok());
        lines << c.id + u' ' + file->kase.text(u"narrative"_s) + u' ' + file->kase.text(u"registry_number"_s);
    }
    const auto config = Sync::SyncClient::config(*laptop.profile);
    REQUIRE(config.ok());
    lines << QString::fromLatin1(config->cursor.toHex());
    return lines.join(u'\n');
}

// Exports `laptop`'s bundle into `folder` through the dialog, as a caseworker does.
QString exportThroughDialog(Test::ProfileFixture &laptop, const QString &folder)
{
    SyncRunner runner(*laptop.profile);
    UsbExportDialog dialog(*laptop.profile, runner);
    dialog.setDrives({});
    dialog.setFolderChooser([folder](QWidget *) { return folder; });
    QTest::mouseClick(child<QPushButton>(dialog, u"chooseFolderButton"_s), Qt::LeftButton);
    QSignalSpy exported(&dialog, &UsbExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
    INFO(child<QLabel>(dialog, u"resultLabel"_s)->text().toStdString());
    REQUIRE(exported.size() == 1);
    return exported.first().first().toString();
}

// The office: the real dampingi-server takes a laptop's bundle and writes its answer.
QString officeAnswers(Test::LocalDistrict &district, const QString &bundle, const QString &reply)
{
    const Test::AdminRun run = Test::runAdmin(QStringLiteral(DAMPINGI_SERVER), district.dir.path(),
                                              {u"bundle"_s, u"import"_s, bundle, u"--reply"_s, reply});
    INFO(run.err.toStdString());
    REQUIRE(run.exit == 0);
    CHECK(run.json().object().value(u"rejected"_s).toInt() == 0);
    return reply;
}

// Imports `file` through the dialog; returns the sentence it shows.
QString importThroughDialog(Test::ProfileFixture &laptop, const QString &file, bool *imported = nullptr)
{
    SyncRunner runner(*laptop.profile);
    UsbImportDialog dialog(*laptop.profile, runner);
    dialog.setFileChooser([file](QWidget *) { return file; });
    QTest::mouseClick(child<QPushButton>(dialog, u"chooseFileButton"_s), Qt::LeftButton);
    CHECK(child<QLineEdit>(dialog, u"fileEdit"_s)->text().endsWith(QFileInfo(file).fileName()));
    QSignalSpy done(&dialog, &UsbImportDialog::imported);
    QTest::mouseClick(child<QPushButton>(dialog, u"importButton"_s), Qt::LeftButton);
    if (imported)
        *imported = !done.isEmpty();
    return child<QLabel>(dialog, u"resultLabel"_s)->text();
}

struct TwoLaptops
{
    TwoLaptops()
    {
        district.enroll(siti);
        district.enroll(budi);
        // Budi's case reaches the office over the network: the other laptop's change.
        const auto made = budi.session->cases().create(Test::sampleDraft());
        REQUIRE(made.ok());
        budiCase = made->id;
        district.sync(budi);
        REQUIRE(district.admin->assignCase(budiCase, {}, u"Tenggarong"_s).ok()); // Siti's team's too
        // Siti works offline: a new case, then an edit.
        const auto own = siti.session->cases().create(Test::sampleDraft());
        REQUIRE(own.ok());
        sitiCase = own->id;
        Core::CaseDraft patch;
        patch.fields.insert(u"narrative"_s, u"Korban kini tinggal di rumah kakaknya"_s);
        REQUIRE(siti.session->cases().update(sitiCase, std::move(patch)).ok());
    }

    Test::LocalDistrict district;
    Test::ProfileFixture siti{Core::Role::Caseworker, false, u"siti"_s};
    Test::ProfileFixture budi{Core::Role::Caseworker, false, u"budi"_s};
    QString budiCase, sitiCase;
    QTemporaryDir stick;
};

} // namespace

TEST_CASE("a day's work goes to the office on a USB stick and the answer comes back", "[ui][sync][usb]")
{
    TwoLaptops t;
    const qint64 before = pending(t.siti);
    REQUIRE(before > 10);

    SyncRunner runner(*t.siti.profile);
    UsbExportDialog dialog(*t.siti.profile, runner);
    dialog.setDrives({});
    dialog.setFolderChooser([&](QWidget *) { return t.stick.path(); });
    CHECK(child<QLabel>(dialog, u"pendingLabel"_s)->text().contains(QString::number(before)));
    const QString name = child<QLineEdit>(dialog, u"fileNameEdit"_s)->text();
    CHECK(name.startsWith(u"dampingi-siti-"_s));
    CHECK(name.endsWith(u"-20261120-1100.bundle"_s)); // 03:00 UTC is 11:00 WITA
    QTest::mouseClick(child<QPushButton>(dialog, u"chooseFolderButton"_s), Qt::LeftButton);
    CHECK(child<QComboBox>(dialog, u"driveCombo"_s)->currentData().toString() == t.stick.path());
    QSignalSpy exported(&dialog, &UsbExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
    const QString said = child<QLabel>(dialog, u"resultLabel"_s)->text();
    INFO(said.toStdString());
    REQUIRE(exported.size() == 1);
    const QString bundle = exported.first().first().toString();
    CHECK(bundle == t.stick.filePath(name));
    CHECK(said.contains(QString::number(before)));
    CHECK(said.contains(name));
    CHECK(said.contains(u"dampingi-server admin bundle import"_s));
    CHECK_FALSE(Test::readAll(bundle).contains("Korban"));
    CHECK(pending(t.siti) == before); // nothing leaves the outbox before the office answers

    const QString reply = officeAnswers(t.district, bundle, t.stick.filePath(u"answer.bundle"_s));
    bool imported = false;
    const QString result = importThroughDialog(t.siti, reply, &imported);
    INFO(result.toStdString());
    REQUIRE(imported);
    CHECK(pending(t.siti) == 0);
    CHECK(result.contains(QString::number(before)));
    // Budi's case came with the answer.
    CHECK(t.siti.session->cases().load(t.budiCase).ok());

    // The same answer twice: said, nothing changes.
    const QString stateBefore = state(t.siti);
    bool again = true;
    CHECK(importThroughDialog(t.siti, reply, &again)
          == errorSentence("This answer from the office was imported already. Nothing changed."));
    CHECK_FALSE(again);
    CHECK(state(t.siti) == stateBefore);
}

TEST_CASE("a wrong, cut, altered or foreign file is refused with its sentence and changes nothing",
          "[ui][sync][usb]")
{
    TwoLaptops t;
    const QString bundle = exportThroughDialog(t.siti, t.stick.path());
    const QString reply = officeAnswers(t.district, bundle, t.stick.filePath(u"answer.bundle"_s));
    const QByteArray answer = Test::readAll(reply);
    // Budi's answer: signed by the same office, sealed for another laptop.
    const QString budiBundle = exportThroughDialog(t.budi, t.stick.path() + u"/"_s);
    const QString budiReply
        = officeAnswers(t.district, budiBundle, t.stick.filePath(u"budi-answer.bundle"_s));

    QByteArray flippedPage = answer;
    flippedPage[flippedPage.size() - 5] = char(flippedPage.at(flippedPage.size() - 5) ^ 0x01);
    QByteArray flippedManifest = answer;
    flippedManifest[20] = char(flippedManifest.at(20) ^ 0x01);
    QByteArray random(4096, '\0');
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    const QString huge = t.stick.filePath(u"huge.bundle"_s);
    {
        QFile file(huge);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.resize(Sync::Bundle::maxFileBytes + 1)); // sparse: takes no room
    }
    const struct
    {
        QString name;
        QByteArray bytes; // empty: the file is there already
        const char *sentence;
    } cases[] = {
        {u"cut.bundle"_s, answer.chopped(100),
         "This bundle is incomplete: the copy was cut short. Nothing was imported; copy it again from the "
         "office."},
        {u"flipped.bundle"_s, flippedPage,
         "This bundle was altered or does not come from the district office. Nothing was imported."},
        {u"flipped-manifest.bundle"_s, flippedManifest,
         "This bundle was altered or does not come from the district office. Nothing was imported."},
        {u"random.bundle"_s, random, "This file is not a Dampingi bundle. Nothing was imported."},
        {u"budi-answer.bundle"_s, {}, "This bundle is not meant for this laptop."},
        {u"huge.bundle"_s,
         {},
         "This file is far larger than any bundle from the office. Nothing was imported."},
    };
    const QString before = state(t.siti);
    for (const auto &c : cases) {
        INFO(c.name.toStdString());
        if (!c.bytes.isEmpty())
            Test::writeAll(t.stick.filePath(c.name), c.bytes);
        bool imported = true;
        CHECK(importThroughDialog(t.siti, t.stick.filePath(c.name), &imported) == errorSentence(c.sentence));
        CHECK_FALSE(imported);
        CHECK(state(t.siti) == before);
    }
    // Nothing was spoilt: the whole answer still imports.
    bool imported = false;
    importThroughDialog(t.siti, reply, &imported);
    CHECK(imported);
    CHECK(pending(t.siti) == 0);
}

TEST_CASE("a stick pulled out before the export is said, and the changes stay unsent", "[ui][sync][usb]")
{
    TwoLaptops t;
    const qint64 before = pending(t.siti);
    SyncRunner runner(*t.siti.profile);
    UsbExportDialog dialog(*t.siti.profile, runner);
    const QString gone = t.stick.filePath(u"KINGSTON"_s);
    REQUIRE(QDir().mkpath(gone));
    dialog.setDrives({UsbDrive::folder(gone)});
    REQUIRE(QDir(gone).removeRecursively());
    QSignalSpy exported(&dialog, &UsbExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(dialog, u"exportButton"_s), Qt::LeftButton);
    CHECK(exported.isEmpty());
    CHECK(
        child<QLabel>(dialog, u"resultLabel"_s)->text()
        == errorSentence("The file could not be written or read whole. Was the USB stick pulled out? Nothing "
                         "was lost: plug it in and try again."));
    CHECK(pending(t.siti) == before);
}

TEST_CASE("the main window offers both USB actions and refreshes its pages after an import",
          "[ui][sync][usb]")
{
    TwoLaptops t;
    const QString bundle = exportThroughDialog(t.siti, t.stick.path());
    const QString reply = officeAnswers(t.district, bundle, t.stick.filePath(u"answer.bundle"_s));
    Core::Settings settings(t.siti.profile->settingsPath());
    MainWindow window(*t.siti.session, settings, u"en"_s, nullptr);
    window.showPage(Navigation::home);
    CHECK(child<QLabel>(window, u"unsentTileCount"_s)->text() == QString::number(pending(t.siti)));
    REQUIRE(window.findChild<QAction *>(u"usbExportAction"_s));
    auto *importAction = window.findChild<QAction *>(u"usbImportAction"_s);
    REQUIRE(importAction);
    bool seen = false;
    // The dialog is modal: it is driven from inside its own event loop.
    QTimer::singleShot(0, &window, [&] {
        auto *dialog = window.findChild<UsbImportDialog *>(u"usbImportDialog"_s);
        auto *button = dialog ? dialog->findChild<QPushButton *>(u"importButton"_s) : nullptr;
        if (!button) { // no exception may leave the event loop: `seen` stays false
            if (QWidget *modal = QApplication::activeModalWidget())
                modal->close();
            return;
        }
        dialog->setFile(reply);
        QTest::mouseClick(button, Qt::LeftButton);
        seen = true;
        dialog->reject();
    });
    importAction->trigger();
    CHECK(seen);
    CHECK(pending(t.siti) == 0);
    // The pages read the store again, as after a sync: nothing is left unsent.
    CHECK(child<QLabel>(window, u"unsentTileCount"_s)->text() == u"0");
    CHECK(t.siti.session->cases().load(t.sitiCase)->kase.text(u"registry_number"_s).startsWith(u"64.02-"));
}

// Not a check: renders both USB dialogs (after an export, an import and a refusal) for a person to
// look at (tests/ui/screenshots.sh runs it with DAMPINGI_SCREENSHOT_DIR set). Hidden from the list.
TEST_CASE("render the USB dialogs", "[.screenshots]")
{
    const QString out = qEnvironmentVariable("DAMPINGI_SCREENSHOT_DIR");
    REQUIRE_FALSE(out.isEmpty());
    const QString language = qEnvironmentVariable("DAMPINGI_LANGUAGE", u"id"_s);
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    TwoLaptops t;
    SyncRunner runner(*t.siti.profile);
    UsbExportDialog exporter(*t.siti.profile, runner);
    const QString stick = t.stick.filePath(u"KINGSTON"_s);
    REQUIRE(QDir().mkpath(stick));
    exporter.setDrives({UsbDrive::folder(stick)});
    exporter.show();
    QTest::qWait(50);
    exporter.grab().save(u"%1/usb-export-%2.png"_s.arg(out, language));
    QSignalSpy exported(&exporter, &UsbExportDialog::exported);
    QTest::mouseClick(child<QPushButton>(exporter, u"exportButton"_s), Qt::LeftButton);
    REQUIRE(exported.size() == 1);
    QTest::qWait(50);
    exporter.grab().save(u"%1/usb-exported-%2.png"_s.arg(out, language));

    const QString reply = officeAnswers(t.district, exported.first().first().toString(),
                                        t.stick.filePath(u"answer.bundle"_s));
    UsbImportDialog importer(*t.siti.profile, runner);
    Test::writeAll(t.stick.filePath(u"cut.bundle"_s), Test::readAll(reply).chopped(100));
    importer.setFile(t.stick.filePath(u"cut.bundle"_s));
    importer.show();
    QTest::mouseClick(child<QPushButton>(importer, u"importButton"_s), Qt::LeftButton);
    QTest::qWait(50);
    importer.grab().save(u"%1/usb-import-refused-%2.png"_s.arg(out, language));
    importer.setFile(reply);
    QTest::mouseClick(child<QPushButton>(importer, u"importButton"_s), Qt::LeftButton);
    QTest::qWait(50);
    importer.grab().save(u"%1/usb-imported-%2.png"_s.arg(out, language));
}
