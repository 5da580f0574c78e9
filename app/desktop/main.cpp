// SPDX-License-Identifier: GPL-3.0-or-later
// dampingi: the desktop app. Without --profile it opens the embedded default, a training
// profile with demo data in the user's data folder (created on first start).
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/demo/demogenerator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "core/regions/regionindex.h"
#include "core/cases/caserepository.h"
#include "ui/shell/createprofiledialog.h"
#include "ui/common/errortext.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/visits/positionprovider.h"
#include "ui/shell/unlockdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

const QString demoPassphrase = u"demo-dampingi"_s; // documented in the README: demo data only

int failWith(const Core::Error &error)
{
    QMessageBox::critical(nullptr, u"Dampingi"_s, ErrorText::message(error));
    qCritical("%s", qPrintable(error.detail));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"dampingi"_s);
    QApplication::setApplicationVersion(QStringLiteral(DAMPINGI_VERSION));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s, u"Profile folder"_s, u"DIR"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save the main window as PNG and quit"_s,
                                              u"FILE"_s);
    const QCommandLineOption pageOption(u"page"_s, u"Page for --screenshot: home, cases, case, settings"_s,
                                        u"PAGE"_s);
    const QCommandLineOption languageOption(u"language"_s, u"Interface language for this run: id or en"_s,
                                            u"LANG"_s);
    const QCommandLineOption tabOption(u"tab"_s, u"Tab of the case file for --page case"_s, u"N"_s);
    parser.addOptions({profileOption, screenshotOption, pageOption, languageOption, tabOption});
    parser.process(app);

    const bool useDemo = !parser.isSet(profileOption);
    const QString dir = useDemo ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                                      .filePath(u"demo-profile"_s)
                                : parser.value(profileOption);
    Core::SystemClock clock;
    Core::Result<Core::CodeLists> codes = Core::CodeLists::loadBuiltin();
    if (!codes)
        return failWith(codes.error());
    Core::Result<Core::RegionIndex> regions = Core::RegionIndex::loadBuiltin();
    if (!regions)
        return failWith(regions.error());

    bool fresh = false;
    if (useDemo && !Core::Profile::exists(dir)) {
        Core::ProfileOptions options{u"64.02"_s, u"demo"_s, Core::Role::Caseworker, demoPassphrase, true};
        if (Core::Result<std::unique_ptr<Core::Profile>> created = Core::Profile::create(dir, options, clock);
            !created)
            return failWith(created.error());
        fresh = true;
    }
    // Indonesian unless told otherwise; the profile's own setting applies once it is open.
    QTranslator translator;
    const auto useLanguage = [&](const QString &language) {
        QApplication::removeTranslator(&translator);
        if (translator.load(u":/i18n/dampingi_%1"_s.arg(language == u"en" ? u"en"_s : u"id"_s)))
            QApplication::installTranslator(&translator);
    };
    useLanguage(parser.isSet(languageOption) ? parser.value(languageOption) : u"id"_s);

    std::unique_ptr<Core::Profile> profile;
    if (!useDemo && !Core::Profile::exists(dir)) {
        // First run on a new folder: create the profile (unlocked when done).
        CreateProfileDialog create(dir, *regions, clock);
        if (create.exec() != QDialog::Accepted)
            return 0;
        profile = create.takeProfile();
    } else {
        Core::Result<std::unique_ptr<Core::Profile>> opened = Core::Profile::open(dir, clock);
        if (!opened)
            return failWith(opened.error());
        profile = std::move(*opened);
    }
    Core::Settings settings(profile->settingsPath());
    const QString language
        = parser.isSet(languageOption) ? parser.value(languageOption) : settings.language();
    useLanguage(language);

    // The demo profile opens without asking (its passphrase is public); a real one asks.
    if (!profile->unlocked() && (!useDemo || !profile->unlock({}, demoPassphrase))) {
        UnlockDialog unlock(*profile, UnlockDialog::Mode::Unlock);
        if (unlock.exec() != QDialog::Accepted)
            return 0;
    }
    Core::Session session(*profile, *codes, *regions);
    if (fresh) {
        if (const Core::Result<int> made = Core::DemoGenerator(session, 1).generate(300); !made)
            return failWith(made.error());
    }
    std::unique_ptr<PositionProvider> gps = PositionProvider::create(settings.gpsSource(), nullptr);
    MainWindow window(session, settings, language, gps.get());
    window.resize(1366, 768);
    window.show();
    window.loadSearchIndex(); // usable now; search becomes ready in the background
    if (parser.isSet(screenshotOption)) {
        const QString page = parser.value(pageOption);
        if (page == Navigation::caseFile) {
            Core::CaseFilter filter;
            filter.limit = 1;
            if (const auto first = session.search({}, filter); first && !first->isEmpty())
                window.showCase(first->first().id);
            if (auto *tabs = window.findChild<QTabWidget *>(u"caseTabs"_s))
                tabs->setCurrentIndex(parser.value(tabOption).toInt());
        } else if (!page.isEmpty()) {
            window.showPage(page); // a navigation id: home, cases, settings, ...
        }
        QTimer::singleShot(700, &window, [&] {
            window.grab().save(parser.value(screenshotOption));
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
