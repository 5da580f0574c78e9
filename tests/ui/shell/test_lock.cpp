// SPDX-License-Identifier: GPL-3.0-or-later
// The screen lock says why it is there: locked by hand ("Dikunci"), or after inactivity.
#include "core/profile/settings.h"
#include "tests/support/fixtures.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/unlockdialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QTimer>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// Locks the window with `lock`, reads what the lock screen says, and unlocks it again.
template <typename Lock> QString lockScreenText(Lock lock)
{
    QString said;
    QTimer::singleShot(0, qApp, [&said] {
        // No REQUIRE here: an exception must not cross the dialog's event loop.
        auto *dialog = qobject_cast<UnlockDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (auto *intro = dialog->findChild<QLabel *>(u"unlockIntro"_s))
            said = intro->text();
        dialog->findChild<QLineEdit *>(u"passphraseEdit"_s)->setText(Test::passphrase);
        dialog->findChild<QPushButton *>(u"unlockButton"_s)->click();
    });
    lock();
    return said;
}

} // namespace

TEST_CASE("a lock by hand says locked, only the idle timer says inactivity", "[ui][shell][lock][i18n]")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::ProfileFixture f;
    Core::Settings settings(f.profile->settingsPath());
    MainWindow window(*f.session, settings, u"id"_s, nullptr);
    window.show();
    auto *lock = window.findChild<QAction *>(u"lockAction"_s);
    REQUIRE(lock);

    const QString byHand = lockScreenText([lock] { lock->trigger(); });
    CHECK(byHand.startsWith(u"Dikunci."_s));
    CHECK_FALSE(byHand.contains(u"aktivitas"_s));
    CHECK(f.profile->unlocked());

    const QString idle = lockScreenText([&window] { window.lockScreen(true); });
    CHECK(idle.contains(u"tidak ada aktivitas"_s));
    CHECK(idle != byHand);
}
