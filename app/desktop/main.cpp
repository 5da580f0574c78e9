// SPDX-License-Identifier: GPL-3.0-or-later
// dampingi: the desktop app. Without --profile it opens the embedded default, a training
// profile with demo data in the user's data folder (created on first start).
#include "core/cases/caserepository.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/demo/demogenerator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/profile/settings.h"
#include "core/regions/regionindex.h"
#include "ui/common/errortext.h"
#include "ui/common/uitext.h"
#include "ui/shell/createprofiledialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"
#include "ui/shell/unlockdialog.h"
#include "ui/visits/positionprovider.h"

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

struct Options
{
    bool demo = true; // no --profile: the embedded demo profile
    QString profileDir;
    QString language; // empty: the profile's own setting
    QString screenshot; // --screenshot FILE: save the main window and quit
    QString page;
    int tab = 0;
};

Options parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s, u"Profile folder"_s, u"DIR"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save the main window as PNG and quit"_s,
                                              u"FILE"_s);
    const QCommandLineOption pageOption(
        u"page"_s, u"Page for --screenshot: home, cases, case, settings, sync (the sync window)"_s,
        u"PAGE"_s);
    const QCommandLineOption languageOption(u"language"_s, u"Interface language for this run: id or en"_s,
                                            u"LANG"_s);
    const QCommandLineOption tabOption(u"tab"_s, u"Tab of the case file for --page case"_s, u"N"_s);
    parser.addOptions({profileOption, screenshotOption, pageOption, languageOption, tabOption});
    parser.process(app);
    Options options;
    options.demo = !parser.isSet(profileOption);
    options.profileDir = options.demo
                           ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                                 .filePath(u"demo-profile"_s)
                           : parser.value(profileOption);
    options.language = parser.value(languageOption);
    options.screenshot = parser.value(screenshotOption);
    options.page = parser.value(pageOption);
    options.tab = parser.value(tabOption).toInt();
    return options;
}

// Indonesian unless told otherwise; the profile's own setting applies once it is open.
class Language
{
public:
    void use(const QString &language)
    {
        QApplication::removeTranslator(&m_translator);
        if (m_translator.load(u":/i18n/dampingi_%1"_s.arg(language == u"en" ? u"en"_s : u"id"_s)))
            QApplication::installTranslator(&m_translator);
        // Calendars and date editors made from now on name months and days in this language.
        UiText::useLocale(language);
    }

private:
    QTranslator m_translator;
};

// The profile to work in: the demo one (created on first start, opened without asking), a new
// folder (the creation dialog) or an existing one (opened, unlocked below). Null: the user
// cancelled, or `failed` says why not.
std::unique_ptr<Core::Profile> openProfile(const Options &options, const Core::RegionIndex &regions,
                                           const Core::Clock &clock, bool &fresh,
                                           std::optional<Core::Error> &failed)
{
    if (options.demo && !Core::Profile::exists(options.profileDir)) {
        Core::ProfileOptions demo{u"64.02"_s, u"demo"_s, Core::Role::Caseworker, demoPassphrase, true};
        Core::Result<std::unique_ptr<Core::Profile>> created
            = Core::Profile::create(options.profileDir, demo, clock);
        if (!created) {
            failed = created.error();
            return nullptr;
        }
        fresh = true;
        return std::move(*created);
    }
    if (!options.demo && !Core::Profile::exists(options.profileDir)) {
        // First run on a new folder: create the profile (unlocked when done).
        CreateProfileDialog create(options.profileDir, regions, clock);
        return create.exec() == QDialog::Accepted ? create.takeProfile() : nullptr;
    }
    Core::Result<std::unique_ptr<Core::Profile>> opened = Core::Profile::open(options.profileDir, clock);
    if (!opened) {
        failed = opened.error();
        return nullptr;
    }
    return std::move(*opened);
}

// For the documentation and the look-at-it checks: shows a page (a case file's tab), saves the
// window as PNG and quits.
void scheduleScreenshot(MainWindow &window, Core::Session &session, const Options &options)
{
    if (options.page == Navigation::caseFile) {
        Core::CaseFilter filter;
        filter.limit = 1;
        if (const auto first = session.search({}, filter); first && !first->isEmpty())
            window.showCase(first->first().id);
        if (auto *tabs = window.findChild<QTabWidget *>(u"caseTabs"_s))
            tabs->setCurrentIndex(options.tab);
    } else if (options.page == u"sync") {
        window.showSyncPanel();
    } else if (!options.page.isEmpty()) {
        window.showPage(options.page); // a navigation id: home, cases, settings, ...
    }
    QTimer::singleShot(700, &window, [&window, file = options.screenshot, sync = options.page == u"sync"] {
        QWidget *shown = sync ? window.findChild<QWidget *>(u"syncPanel"_s) : &window;
        if (!shown || !shown->grab().save(file))
            qCritical("the screenshot could not be written to %s", qPrintable(file));
        QApplication::quit();
    });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"dampingi"_s);
    QApplication::setApplicationVersion(QStringLiteral(DAMPINGI_VERSION));
    const Options options = parseOptions(app);
    Language language;
    language.use(options.language.isEmpty() ? u"id"_s : options.language);

    Core::SystemClock clock;
    Core::Result<Core::CodeLists> codes = Core::CodeLists::loadBuiltin();
    if (!codes)
        return failWith(codes.error());
    Core::Result<Core::RegionIndex> regions = Core::RegionIndex::loadBuiltin();
    if (!regions)
        return failWith(regions.error());
    bool fresh = false;
    std::optional<Core::Error> failed;
    std::unique_ptr<Core::Profile> profile = openProfile(options, *regions, clock, fresh, failed);
    if (!profile)
        return failed ? failWith(*failed) : 0;
    Core::Settings settings(profile->settingsPath());
    const QString uiLanguage = options.language.isEmpty() ? settings.language() : options.language;
    language.use(uiLanguage);

    // The demo profile opens without asking (its passphrase is public); a real one asks.
    if (!profile->unlocked() && (!options.demo || !profile->unlock({}, demoPassphrase))) {
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
    MainWindow window(session, settings, uiLanguage, gps.get());
    window.resize(1366, 768);
    window.show();
    window.loadSearchIndex(); // usable now; search becomes ready in the background
    if (!options.screenshot.isEmpty())
        scheduleScreenshot(window, session, options);
    return QApplication::exec();
}
