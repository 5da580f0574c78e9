// SPDX-License-Identifier: GPL-3.0-or-later
// Store benchmark. Prints `bench.store.<metric> <value>` lines:
//  - per-action: N intakes, each its own committed action (rows + ops + clocks + encryption),
//    versus raw SQLite (C API, prepared statements) inserting exactly the same rows into the
//    same schema with the same number of commits, in the same run. Goal: ratio >= 0.8.
//  - bulk: the demo importer (batched actions) versus raw SQLite inserting the same rows with
//    the same number of commits. Goal: ratio >= 0.33.
//  - unlock + search-index build time and peak RSS with `--cases N` demo cases (default 50000).
// Usage: bench_store [--quick] [--cases N]
// The fixtures use Catch2 assertions; this pulls in Catch's implementation without its main().
#define CATCH_CONFIG_RUNNER
#include "core/cases/caserepository.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/crypto/keywrap.h"
#include "core/demo/demogenerator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/sql/database.h"
#include "tests/support/fixtures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cstdio>
#include <sqlite3.h>
#include <string>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace {

// Every replicated table (parents first, as the schema lists them) and the change log last.
std::vector<std::string> tableNames()
{
    std::vector<std::string> names;
    for (const Core::EntityDef &entity : Core::Schema::entities())
        names.push_back(entity.table.toStdString());
    names.push_back("change_ops");
    return names;
}

std::string tableOf(const char *entity)
{
    const Core::EntityDef *def = Core::Schema::entity(QString::fromUtf8(entity));
    return def ? def->table.toStdString() : std::string();
}

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

struct Row
{
    int table = -1;
    std::vector<sqlite3_value *> values;
};

std::vector<sqlite3_value *> readRow(sqlite3_stmt *select)
{
    std::vector<sqlite3_value *> values;
    for (int c = 0; c < sqlite3_column_count(select); ++c)
        values.push_back(sqlite3_value_dup(sqlite3_column_value(select, c)));
    return values;
}

// Copies every row that Dampingi wrote in `source` into memory, then replays them with raw
// SQLite (C API, prepared statements, the same schema) into `target` in the order Dampingi
// wrote them: for each action, its rows and its change-log rows, committing after every
// with `commits` commits spread evenly over the actions (as many as Dampingi made). Returns the
// milliseconds of the replay only.
double rawInsert(const QString &source, const QString &target, int commits)
{
    sqlite3 *src = nullptr;
    sqlite3 *dst = nullptr;
    sqlite3_open_v2(source.toUtf8().constData(), &src, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_open(target.toUtf8().constData(), &dst);
    sqlite3_exec(dst, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON", nullptr,
                 nullptr, nullptr);
    // Entity rows by (table, id), and the insert statement of each table.
    const std::vector<std::string> tables = tableNames();
    const int tableCount = int(tables.size());
    std::vector<std::unordered_map<std::string, std::vector<sqlite3_value *>>> entityRows;
    entityRows.resize(std::size_t(tableCount));
    std::vector<sqlite3_stmt *> inserts;
    for (int t = 0; t < tableCount; ++t) {
        sqlite3_stmt *select = nullptr;
        sqlite3_prepare_v2(src, ("SELECT * FROM " + tables[std::size_t(t)]).c_str(), -1, &select, nullptr);
        std::string marks = "?";
        for (int c = 1; c < sqlite3_column_count(select); ++c)
            marks += ",?";
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(dst, ("INSERT INTO " + tables[std::size_t(t)] + " VALUES (" + marks + ")").c_str(),
                           -1, &insert, nullptr);
        inserts.push_back(insert);
        if (tables[std::size_t(t)] != "change_ops") {
            while (sqlite3_step(select) == SQLITE_ROW) {
                const std::string id = reinterpret_cast<const char *>(sqlite3_column_text(select, 0));
                entityRows[std::size_t(t)][id] = readRow(select);
            }
        }
        sqlite3_finalize(select);
    }
    const int opsTable = tableCount - 1; // change_ops is last
    // The replay order: change-log order; an entity row goes in with its create op.
    std::vector<Row> rows;
    std::vector<std::size_t> actionEnds; // index into rows after each action
    {
        sqlite3_stmt *ops = nullptr;
        sqlite3_prepare_v2(src, "SELECT * FROM change_ops ORDER BY site_seq", -1, &ops, nullptr);
        const int columns = sqlite3_column_count(ops);
        std::string lastTxn;
        while (sqlite3_step(ops) == SQLITE_ROW) {
            const std::string txn = reinterpret_cast<const char *>(sqlite3_column_text(ops, 2));
            if (!lastTxn.empty() && txn != lastTxn)
                actionEnds.push_back(rows.size());
            lastTxn = txn;
            const std::string op = reinterpret_cast<const char *>(sqlite3_column_text(ops, 7));
            if (op == "create") {
                const std::string table
                    = tableOf(reinterpret_cast<const char *>(sqlite3_column_text(ops, 3)));
                for (int t = 0; t < opsTable; ++t) {
                    if (table == tables[std::size_t(t)]) {
                        auto &byId = entityRows[std::size_t(t)];
                        const auto it
                            = byId.find(reinterpret_cast<const char *>(sqlite3_column_text(ops, 4)));
                        if (it != byId.end())
                            rows.push_back({t, std::move(it->second)});
                    }
                }
            }
            Row row{opsTable, {}};
            for (int c = 0; c < columns; ++c)
                row.values.push_back(sqlite3_value_dup(sqlite3_column_value(ops, c)));
            rows.push_back(std::move(row));
        }
        actionEnds.push_back(rows.size());
        sqlite3_finalize(ops);
    }

    const std::size_t actionsPerCommit
        = (actionEnds.size() + std::size_t(commits) - 1) / std::size_t(commits);
    QElapsedTimer timer;
    timer.start();
    std::size_t next = 0;
    for (std::size_t a = 0; a < actionEnds.size(); ++a) {
        if (a % actionsPerCommit == 0)
            sqlite3_exec(dst, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (; next < actionEnds[a]; ++next) {
            sqlite3_stmt *insert = inserts[std::size_t(rows[next].table)];
            for (std::size_t c = 0; c < rows[next].values.size(); ++c)
                sqlite3_bind_value(insert, int(c + 1), rows[next].values[c]);
            if (sqlite3_step(insert) != SQLITE_DONE)
                std::fprintf(stderr, "raw insert failed: %s\n", sqlite3_errmsg(dst));
            sqlite3_reset(insert);
        }
        if ((a + 1) % actionsPerCommit == 0 || a + 1 == actionEnds.size())
            sqlite3_exec(dst, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    for (Row &row : rows) {
        for (sqlite3_value *v : row.values)
            sqlite3_value_free(v);
    }
    for (sqlite3_stmt *stmt : inserts)
        sqlite3_finalize(stmt);
    sqlite3_close(src);
    sqlite3_close(dst);
    return ms;
}

// An empty database with the current schema, for the raw baseline.
QString emptyStore(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    auto db = Core::Database::open(path);
    Q_ASSERT(db.ok());
    return path;
}

} // namespace

namespace {
bool quick = false;
bool perActionOnly = false; // for profiling the per-action path alone
int indexCases = 50000;
int benchmark();
} // namespace

// The fixtures assert with Catch2, so the benchmark runs as the one test of a Catch session.
TEST_CASE("store benchmark", "[bench]")
{
    REQUIRE(benchmark() == 0);
}

// The child half of phase 3: a fresh process that opens and unlocks a profile and builds the
// index, so its peak RSS is what the desktop app needs, not what the import above used.
int measureOpen(const QString &dir)
{
    Core::SystemClock clock;
    QElapsedTimer timer;
    timer.start();
    auto profile = Core::Profile::open(dir, clock);
    if (!profile || !(*profile)->unlock({}, Test::passphrase).ok())
        return 1;
    const double unlockMs = double(timer.nsecsElapsed()) / 1e6;
    Core::Session session(**profile, Test::codes(), Test::regions());
    timer.restart();
    const auto indexed = session.buildSearchIndex();
    if (!indexed)
        return 1;
    const double indexMs = double(timer.nsecsElapsed()) / 1e6;
    std::vector<double> latencies;
    for (const QString &query : {u"siti"_s, u"nurhalisa"_s, u"6402"_s, u"saputra"_s, u"kebun"_s, u"budi s"_s,
                                 u"rumah"_s, u"korban"_s, u"joko wijaya"_s, u"64020"_s}) {
        for (int i = 0; i < 10; ++i) {
            timer.restart();
            Core::CaseFilter filter;
            filter.limit = 50;
            if (!session.search(query, filter).ok())
                return 1;
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    // The Argon2id unwrap the app really does (interactive limits), timed on its own.
    const Core::SecretKey key = Core::SecretKey::random();
    const auto wrapped = Core::wrapKey(key, u"bench"_s, Test::passphrase, Core::KdfStrength::Interactive);
    timer.restart();
    if (!wrapped || !Core::unwrapKey(*wrapped, Test::passphrase))
        return 1;
    const double argonMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("bench.store.open_unlock_ms %.1f (minimum Argon2 limits)\n", unlockMs);
    std::printf("bench.store.argon2id_interactive_unwrap_ms %.0f\n", argonMs);
    std::printf("bench.store.index_build_ms %.0f (%d cases)\n", indexMs, *indexed);
    std::printf("bench.store.session_search_p50_ms %.2f\n", latencies[latencies.size() / 2]);
    std::printf("bench.store.session_search_p95_ms %.2f (index + listing rows from SQLite)\n",
                latencies[latencies.size() * 95 / 100]);
    std::printf("bench.store.peak_rss_mb %.1f (goal < 200; fresh process: open, unlock, index, search)\n",
                double(peakRssKb()) / 1024);
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.value(1) == u"--measure-open")
        return measureOpen(args.value(2));
    quick = args.contains(u"--quick"_s);
    perActionOnly = args.contains(u"--per-action-only"_s);
    const qsizetype at = args.indexOf(u"--cases"_s);
    indexCases = at > 0 ? args.value(at + 1).toInt() : (quick ? 2000 : 50000);
    char *catchArgs[] = {argv[0]};
    return Catch::Session().run(1, catchArgs);
}

namespace {

int benchmark()
{
    const int perActionCases = quick ? 40 : 300;
    const int bulkCases = quick ? 500 : 5000;

    // 1. Per-action commits.
    double oursPerAction = 0;
    QString perActionDb;
    Test::ProfileFixture perAction;
    {
        // Drafts are built before the clock starts: only recording is measured.
        std::vector<Core::CaseDraft> drafts(std::size_t(perActionCases), Test::sampleDraft());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < perActionCases; ++i) {
            if (!perAction.session->cases().create(std::move(drafts[std::size_t(i)])).ok()) {
                std::fprintf(stderr, "create failed\n");
                return 1;
            }
        }
        oursPerAction = double(timer.nsecsElapsed()) / 1e6;
        perActionDb = perAction.profile->database().path();
    }
    QTemporaryDir rawDir;
    const double rawPerAction = rawInsert(perActionDb, emptyStore(rawDir, u"raw1.db"_s), perActionCases);
    std::printf("bench.store.per_action_ms %.3f\n", oursPerAction / perActionCases);
    std::printf("bench.store.per_action_raw_ms %.3f\n", rawPerAction / perActionCases);
    std::printf("bench.store.per_action_ratio %.2f (goal >= 0.8)\n", rawPerAction / oursPerAction);

    if (perActionOnly)
        return 0;

    // 2. Bulk import (demo generator: batches of 250 actions per commit).
    Test::ProfileFixture bulk;
    QElapsedTimer timer;
    timer.start();
    if (!Core::DemoGenerator(*bulk.session, 7).generate(bulkCases).ok()) {
        std::fprintf(stderr, "bulk import failed\n");
        return 1;
    }
    const double oursBulk = double(timer.nsecsElapsed()) / 1e6;
    // The importer commits every 250 cases (a case is 1 to 3 actions: intake, visit, service).
    const double rawBulk = rawInsert(bulk.profile->database().path(), emptyStore(rawDir, u"raw2.db"_s),
                                     (bulkCases + 249) / 250);
    std::printf("bench.store.bulk_cases_per_s %.0f\n", bulkCases / (oursBulk / 1000));
    std::printf("bench.store.bulk_raw_cases_per_s %.0f\n", bulkCases / (rawBulk / 1000));
    std::printf("bench.store.bulk_ratio %.2f (goal >= 0.33)\n", rawBulk / oursBulk);

    // 3. Unlock + index build and peak RSS with `indexCases` cases, measured in a fresh child
    //    process, as the app would start: open the profile, unlock, build the index, search.
    {
        Test::ProfileFixture big;
        timer.restart();
        if (!Core::DemoGenerator(*big.session, 11).generate(indexCases).ok())
            return 1;
        std::printf("bench.store.demo_import_s %.1f (%d cases)\n", double(timer.elapsed()) / 1000,
                    indexCases);
        big.session.reset();
        big.profile.reset();
        std::fflush(stdout); // keep the parent's lines before the child's
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"--measure-open"_s, big.dir.path()});
        if (!child.waitForFinished(600000) || child.exitCode() != 0)
            return 1;
    }
    return 0;
}

} // namespace
