// SPDX-License-Identifier: GPL-3.0-or-later
// First sync of a supervisor's laptop (scope = the whole district). Prints
// `bench.firstsync.<metric> <value>` lines:
//  - a caseworker laptop writes N demo cases (default 20,000, about 1M ops; --quick 1,000) and
//    pushes them to the real dampingi-server over TLS on 127.0.0.1 (setup, not measured); the
//    server is restarted so its peak RSS is the first sync's alone;
//  - a fresh supervisor laptop enrolls and pulls everything: wall time (goal < 30 s), bytes on
//    the wire, peak RSS of the laptop (this process, its peak reset before the sync) and of the
//    server (/proc/<pid>/status), both goal < 300 MB;
//  - the ratio to raw SQLite (C API, prepared statements) inserting the same rows (the
//    supervisor's change log as it ended up) into a plain table, one transaction per page, in
//    the same run;
//  - the supervisor's home at that size: the case list (first page, its count and who each case
//    is about, as the case list page loads them) and the team's workload (Core::Workload), in ms
//    (goal < 200 ms each).
// Usage: bench_firstsync [--quick] [--cases N]
#define CATCH_CONFIG_RUNNER
#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/cases/workload.h"
#include "core/demo/demogenerator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "sync/client/httptransport.h"
#include "sync/client/syncclient.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>

#include <catch2/catch.hpp>
#include <cstdio>
#include <ctime>
#include <sqlite3.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

bool quick = false;
int casesWanted = 20'000;

void report(const char *metric, double value)
{
    std::printf("bench.firstsync.%s %.3f\n", metric, value);
    std::fflush(stdout);
}

// A field of /proc/<pid>/status in MB (VmHWM: the peak resident set), -1 when unreadable.
double procStatusMb(const QString &pid, const char *field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return double(line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong())
                 / 1024.0;
    }
    return -1;
}

// CPU time of this process (every thread), in ms: the laptop's share of a wall time that the
// server and a busy machine also take.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000 + double(t.tv_nsec) / 1e6;
}

// CPU time (user + system) of process `pid` in seconds, from /proc/<pid>/stat; -1 when unreadable.
double processCpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command (which may hold spaces), from field 3 on: utime is 14, stime 15.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// Resets this process's VmHWM to its current RSS (Linux: "5" into clear_refs).
bool resetPeakRss()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

struct District
{
    District()
    {
        REQUIRE(ca.ok());
        REQUIRE(data.isValid());
        admin({u"init"_s, u"--district"_s, u"64.02"_s, u"--kdf"_s, u"minimum"_s});
        admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
        process = std::make_unique<Test::ServerProcess>(
            Test::ServerProcess::Config{QStringLiteral(DAMPINGI_SERVER),
                                        data.path(),
                                        {},
                                        ca.serverChain(),
                                        ca.serverKey(),
                                        {u"--rate"_s, u"100000"_s, u"--burst"_s, u"100000"_s}});
        REQUIRE(process->start());
    }

    Test::AdminRun admin(const QStringList &args)
    {
        const Test::AdminRun r = Test::runAdmin(QStringLiteral(DAMPINGI_SERVER), data.path(), args);
        INFO(r.err.toStdString());
        REQUIRE(r.exit == 0);
        return r;
    }

    // A laptop enrolled for `login` through the real enrollment endpoint.
    std::unique_ptr<Test::ProfileFixture> laptop(const QString &login, Core::Role role)
    {
        const QString roleName = role == Core::Role::Supervisor ? u"supervisor"_s : u"caseworker"_s;
        admin({u"user"_s, u"add"_s, login, u"--name"_s, login, u"--role"_s, roleName, u"--team"_s,
               u"Tenggarong"_s});
        const QString code = admin({u"device"_s, u"enroll"_s, u"--user"_s, login, u"--name"_s, login,
                                    u"--tls-cert"_s, ca.serverChain()})
                                 .json()
                                 .object()
                                 .value(u"code"_s)
                                 .toString();
        auto f = std::make_unique<Test::ProfileFixture>(role, false, login);
        const QUrl url = process->url();
        Sync::HttpTransport transport(url, Test::TestCa::sha256OfPem(ca.serverChain()));
        Sync::SyncClient client(*f->profile, transport);
        const Core::Status s = client.enroll(url.toString(), code, login);
        INFO((s.ok() ? std::string() : s.error().detail.toStdString()));
        REQUIRE(s.ok());
        return f;
    }

    Sync::SyncSummary sync(Test::ProfileFixture &f)
    {
        Sync::HttpTransport transport(process->url(), Test::TestCa::sha256OfPem(ca.serverChain()));
        Sync::SyncClient client(*f.profile, transport);
        const Core::Result<Sync::SyncSummary> summary = client.sync(1, [](int) {});
        INFO((summary.ok() ? std::string() : summary.error().detail.toStdString()));
        REQUIRE(summary.ok());
        return *summary;
    }

    Test::TestCa ca;
    QTemporaryDir data;
    std::unique_ptr<Test::ServerProcess> process;
};

// One change-log row, as read back from the supervisor's database.
struct RawRow
{
    QByteArray site, txn, entity, entityId, caseId, field, op, value, author;
    qint64 seq = 0, hlc = 0, base = 0, schemaVersion = 0;
    bool valueNull = true;
};

QByteArray columnBytes(sqlite3_stmt *s, int column)
{
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_blob(s, column)),
                      sqlite3_column_bytes(s, column));
}

std::vector<RawRow> readChangeLog(const QString &dbPath)
{
    std::vector<RawRow> rows;
    sqlite3 *db = nullptr;
    sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *select = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT site_id, site_seq, txn_id, entity, entity_id, case_id, field, op, value, hlc, "
                       "author, base, schema_version FROM change_ops",
                       -1, &select, nullptr);
    while (sqlite3_step(select) == SQLITE_ROW) {
        RawRow r;
        r.site = columnBytes(select, 0);
        r.seq = sqlite3_column_int64(select, 1);
        r.txn = columnBytes(select, 2);
        r.entity = columnBytes(select, 3);
        r.entityId = columnBytes(select, 4);
        r.caseId = columnBytes(select, 5);
        r.field = columnBytes(select, 6);
        r.op = columnBytes(select, 7);
        r.valueNull = sqlite3_column_type(select, 8) == SQLITE_NULL;
        r.value = columnBytes(select, 8);
        r.hlc = sqlite3_column_int64(select, 9);
        r.author = columnBytes(select, 10);
        r.base = sqlite3_column_int64(select, 11);
        r.schemaVersion = sqlite3_column_int64(select, 12);
        rows.push_back(std::move(r));
    }
    sqlite3_finalize(select);
    sqlite3_close(db);
    return rows;
}

void bindText(sqlite3_stmt *s, int column, const QByteArray &bytes)
{
    sqlite3_bind_text(s, column, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

// Raw SQLite: the same rows into a plain table of the change log's shape, one transaction per
// page of `pageOps` rows; only the inserts and commits are timed.
double rawInsertMs(const QString &path, const std::vector<RawRow> &rows, qsizetype pageOps)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE ops (site_id TEXT NOT NULL, site_seq INTEGER NOT NULL, txn_id TEXT NOT NULL,"
                 " entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT, field TEXT NOT NULL,"
                 " op TEXT NOT NULL, value BLOB, hlc INTEGER NOT NULL, author TEXT NOT NULL,"
                 " base INTEGER NOT NULL, schema_version INTEGER NOT NULL,"
                 " PRIMARY KEY (site_id, site_seq)) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO ops VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (size_t start = 0; start < rows.size(); start += size_t(pageOps)) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (size_t i = start; i < std::min(rows.size(), start + size_t(pageOps)); ++i) {
            const RawRow &r = rows[i];
            bindText(insert, 1, r.site);
            sqlite3_bind_int64(insert, 2, r.seq);
            bindText(insert, 3, r.txn);
            bindText(insert, 4, r.entity);
            bindText(insert, 5, r.entityId);
            bindText(insert, 6, r.caseId);
            bindText(insert, 7, r.field);
            bindText(insert, 8, r.op);
            if (r.valueNull)
                sqlite3_bind_null(insert, 9);
            else
                sqlite3_bind_blob(insert, 9, r.value.constData(), int(r.value.size()), SQLITE_STATIC);
            sqlite3_bind_int64(insert, 10, r.hlc);
            bindText(insert, 11, r.author);
            sqlite3_bind_int64(insert, 12, r.base);
            sqlite3_bind_int64(insert, 13, r.schemaVersion);
            sqlite3_step(insert);
            sqlite3_reset(insert);
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ms;
}

// The district: one caseworker's laptop writes every case and pushes them (not measured).
void buildDistrict(District &district, int cases)
{
    QElapsedTimer timer;
    timer.start();
    auto caseworker = district.laptop(u"siti"_s, Core::Role::Caseworker);
    REQUIRE(Core::DemoGenerator(*caseworker->session, 20261203).generate(cases).ok());
    report("setup.demo_s", double(timer.elapsed()) / 1000);
    timer.restart();
    const Sync::SyncSummary pushed = district.sync(*caseworker);
    report("setup.push_s", double(timer.elapsed()) / 1000);
    report("ops", pushed.pushed);
    // A fresh server process: its peak RSS is then the first sync's.
    REQUIRE(district.process->stop() == 0);
    REQUIRE(district.process->start());
}

// The supervisor's home at this size: what the case list page loads, and the workload.
void supervisorQueries(Core::Session &session)
{
    QElapsedTimer timer;
    timer.start();
    Core::CaseFilter filter;
    filter.limit = 200;
    const Core::Result<qint64> total = session.cases().count(filter);
    REQUIRE(total.ok());
    const double countMs = double(timer.nsecsElapsed()) / 1e6;
    const Core::Result<QList<Core::CaseSummary>> rows = session.cases().list(filter);
    REQUIRE(rows.ok());
    const double listMs = double(timer.nsecsElapsed()) / 1e6;
    QStringList ids;
    for (const Core::CaseSummary &row : *rows)
        ids << row.id;
    REQUIRE(session.subjects().forCases(ids).ok());
    report("case_list_ms", double(timer.nsecsElapsed()) / 1e6);
    report("case_list.count_ms", countMs);
    report("case_list.rows_ms", listMs - countMs);
    report("case_list.subjects_ms", double(timer.nsecsElapsed()) / 1e6 - listMs);
    report("case_list_total", double(*total));
    timer.restart();
    const Core::Result<QList<Core::WorkloadRow>> workload
        = Core::Workload(session.profile().database())
              .load(session.profile().districtTime().today(session.profile().clock()));
    REQUIRE(workload.ok());
    report("workload_ms", double(timer.nsecsElapsed()) / 1e6);
    report("workload_rows", double(workload->size()));
}

void firstSync()
{
    const int cases = quick ? 1'000 : casesWanted;
    District district;
    buildDistrict(district, cases);

    auto supervisor = district.laptop(u"spv"_s, Core::Role::Supervisor);
    const bool peakReset = resetPeakRss();
    const double rssBefore = procStatusMb(u"self"_s, "VmRSS:");
    const double cpuBefore = cpuMs();
    const double serverCpuBefore = processCpuSeconds(district.process->pid());
    QElapsedTimer timer;
    timer.start();
    const Sync::SyncSummary pulled = district.sync(*supervisor);
    const double syncMs = double(timer.nsecsElapsed()) / 1e6;
    const double syncCpuMs = cpuMs() - cpuBefore;
    report("cases", cases);
    report("pulled_ops", pulled.pulled);
    report("pages", pulled.pages);
    report("seconds", syncMs / 1000);
    report("ops_per_s", pulled.pulled / syncMs * 1000);
    report("laptop_cpu_seconds", syncCpuMs / 1000);
    report("server_cpu_seconds", processCpuSeconds(district.process->pid()) - serverCpuBefore);
    report("bytes_received", double(pulled.bytesReceived));
    report("bytes_sent", double(pulled.bytesSent));
    report("bytes_per_op", double(pulled.bytesReceived + pulled.bytesSent) / std::max(1, pulled.pulled));
    report("laptop_rss_before_mb", rssBefore);
    report("laptop_peak_rss_mb", peakReset ? procStatusMb(u"self"_s, "VmHWM:") : -1);
    report("server_peak_rss_mb", procStatusMb(QString::number(district.process->pid()), "VmHWM:"));
    CHECK(pulled.pulled > cases * 10);

    supervisorQueries(*supervisor->session);

    // The same rows into raw SQLite, one transaction per page, in the same run.
    const std::vector<RawRow> rows = readChangeLog(supervisor->dir.filePath(u"dampingi.db"_s));
    REQUIRE(qsizetype(rows.size()) >= pulled.pulled);
    QTemporaryDir rawDir;
    const double rawMs
        = rawInsertMs(rawDir.filePath(u"raw.db"_s), rows, pulled.pulled / std::max(1, pulled.pages));
    report("raw_sqlite_ms", rawMs);
    report("raw_sqlite_ops_per_s", double(rows.size()) / rawMs * 1000);
    report("ratio_raw_to_sync", rawMs / syncMs);
    report("ratio_raw_to_laptop_cpu", rawMs / syncCpuMs);
    CHECK(district.process->stop() == 0);
}

} // namespace

TEST_CASE("first sync benchmark")
{
    firstSync();
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    quick = args.contains(u"--quick"_s);
    if (const qsizetype at = args.indexOf(u"--cases"_s); at > 0)
        casesWanted = std::max(1, args.value(at + 1).toInt());
    char *catchArgs[] = {argv[0]};
    return Catch::Session().run(1, catchArgs);
}
