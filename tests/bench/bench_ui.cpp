// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop benchmark at N demo cases (default 50,000; --quick 2,000), measured in a fresh child
// process on the offscreen platform, as the app starts after unlock. Prints
// `bench.ui.<metric> <value>` lines:
//  - window_ms: from an unlocked profile to a shown, usable main window (goal < 1,000 ms);
//    index_ms: building the search index (the window is usable before it, see below);
//  - search keystroke p50/p95 (typing into the case list; goal p95 < 50 ms), against the same
//    queries through the search index alone (the baseline measured in the same run);
//  - open_case p50/p95 (goal < 100 ms); scroll: 100 page-downs through the case list;
//  - sync_states: every case's sync state for the case list's icon column (one grouped query,
//    CaseSyncStates::all(), p50 of 10), against reading the list's first page (the baseline, same
//    run), and the list filtered to the cases not yet sent;
//  - peak RSS (goal < 200 MB).
#define CATCH_CONFIG_RUNNER
#include "core/cases/casesyncstate.h"
#include "core/clock/clock.h"
#include "core/demo/demogenerator.h"
#include "core/profile/settings.h"
#include "core/search/searchindex.h"
#include "tests/support/fixtures.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigation.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

qint64 peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, std::size_t(double(values.size()) * p))];
}

double ms(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

int measure(const QString &dir)
{
    Core::SystemClock clock;
    auto profile = Core::Profile::open(dir, clock);
    if (!profile || !(*profile)->unlock({}, Test::passphrase).ok())
        return 1;
    Core::Session session(**profile, Test::codes(), Test::regions());
    Core::Settings settings((*profile)->settingsPath());

    QElapsedTimer timer;
    timer.start();
    MainWindow window(session, settings, u"id"_s, nullptr);
    window.resize(1366, 768);
    window.show();
    QApplication::processEvents();
    const double windowMs = ms(timer);

    // As the app does: the index builds in the background while the window is usable.
    timer.restart();
    window.loadSearchIndex();
    if (!QTest::qWaitFor([&] { return session.searchReady(); }, 600000))
        return 1;
    const double indexMs = ms(timer);

    // Search as you type: every keystroke refreshes the list.
    window.showPage(Navigation::cases);
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    const QStringList queries = {u"siti saputra"_s, u"nurhaliza"_s,    u"6402"_s,   u"joko"_s, u"kebun"_s,
                                 u"tenggarong"_s,   u"rumah korban"_s, u"budi w"_s, u"dewi"_s, u"6402-"_s};
    std::vector<double> keystrokes;
    std::vector<double> indexOnly;
    for (const QString &query : queries) {
        search->clear();
        QApplication::processEvents();
        for (const QChar c : query) {
            timer.restart();
            QTest::keyClick(search, c.toLatin1());
            QApplication::processEvents();
            keystrokes.push_back(ms(timer));
        }
        for (qsizetype n = 1; n <= query.size(); ++n) {
            timer.restart();
            (void)session.searchIndex().search(query.left(n), 500);
            indexOnly.push_back(ms(timer));
        }
    }

    // Open cases.
    search->clear();
    QApplication::processEvents();
    Core::CaseFilter filter;
    filter.limit = 40;
    const auto some = session.search({}, filter);
    std::vector<double> opens;
    for (const Core::CaseSummary &c : *some) {
        timer.restart();
        window.showCase(c.id);
        QApplication::processEvents();
        opens.push_back(ms(timer));
    }

    // Scroll the case list.
    window.showPage(Navigation::cases);
    auto *table = window.findChild<QTableView *>(u"caseTable"_s);
    table->setFocus();
    timer.restart();
    for (int i = 0; i < 100; ++i) {
        QTest::keyClick(table, Qt::Key_PageDown);
        QApplication::processEvents();
    }
    const double scrollMs = ms(timer);

    // The sync state of every case (demo cases are all unsent: the whole log is the outbox).
    std::vector<double> states;
    std::vector<double> page;
    qsizetype stateCount = 0;
    for (int i = 0; i < 10; ++i) {
        timer.restart();
        stateCount = Core::CaseSyncStates((*profile)->changeLog()).all().value().size();
        states.push_back(ms(timer));
        Core::CaseFilter first;
        first.limit = 200;
        timer.restart();
        const auto rows = session.cases().list(first);
        page.push_back(ms(timer));
        if (!rows)
            return 1;
    }
    auto *syncFilter = window.findChild<QComboBox *>(u"syncFilterCombo"_s);
    timer.restart();
    syncFilter->setCurrentIndex(1); // not yet sent
    QApplication::processEvents();
    const double filterMs = ms(timer);
    syncFilter->setCurrentIndex(0);

    std::printf("bench.ui.window_ms %.0f (goal < 1000 after unlock)\n", windowMs);
    std::printf("bench.ui.sync_states_p50_ms %.1f (%lld cases with a state)\n", percentile(states, 0.5),
                static_cast<long long>(stateCount));
    std::printf("bench.ui.list_page_p50_ms %.1f (baseline: the list's first 200 rows)\n",
                percentile(page, 0.5));
    std::printf("bench.ui.sync_filter_pending_ms %.0f (the list refreshed to the cases not yet sent)\n",
                filterMs);
    std::printf("bench.ui.index_ms %.0f (background, after the window)\n", indexMs);
    std::printf("bench.ui.keystroke_p50_ms %.1f\n", percentile(keystrokes, 0.5));
    std::printf("bench.ui.keystroke_p95_ms %.1f (goal < 50)\n", percentile(keystrokes, 0.95));
    std::printf("bench.ui.index_only_p95_ms %.2f (baseline: the same queries on the index alone)\n",
                percentile(indexOnly, 0.95));
    std::printf("bench.ui.keystroke_over_index_p95 %.1f\n",
                percentile(keystrokes, 0.95) / std::max(0.001, percentile(indexOnly, 0.95)));
    std::printf("bench.ui.open_case_p50_ms %.1f\n", percentile(opens, 0.5));
    std::printf("bench.ui.open_case_p95_ms %.1f (goal < 100)\n", percentile(opens, 0.95));
    std::printf("bench.ui.scroll_100_pages_ms %.0f\n", scrollMs);
    std::printf("bench.ui.peak_rss_mb %.1f (goal < 200)\n", double(peakRssKb()) / 1024);
    return 0;
}

int cases = 50000;

} // namespace

TEST_CASE("desktop benchmark", "[bench]")
{
    Test::ProfileFixture big;
    QElapsedTimer timer;
    timer.start();
    REQUIRE(Core::DemoGenerator(*big.session, 5).generate(cases).ok());
    std::printf("bench.ui.demo_import_s %.1f (%d cases)\n", double(timer.elapsed()) / 1000, cases);
    std::fflush(stdout);
    big.session.reset();
    big.profile.reset();
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"--measure"_s, big.dir.path()});
    REQUIRE(child.waitForFinished(600000));
    REQUIRE(child.exitCode() == 0);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(1) == u"--measure")
        return measure(args.value(2));
    if (args.contains(u"--quick"_s))
        cases = 2000;
    const qsizetype at = args.indexOf(u"--cases"_s);
    if (at > 0)
        cases = args.value(at + 1).toInt();
    char *catchArgs[] = {argv[0]};
    return Catch::Session().run(1, catchArgs);
}
