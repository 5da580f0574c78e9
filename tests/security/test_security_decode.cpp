// SPDX-License-Identifier: GPL-3.0-or-later
// The real dampingi-server under a burst of hostile pages: zip bombs declaring a tiny size, bombs
// on /v1/enroll (read before any token), pages of millions of empty arrays and of deep nesting,
// next to honest pushes of the largest size. Every one gets its answer, and the server's peak
// resident memory (VmHWM) stays under 300 MB.
#include "core/util/uuid.h"
#include "sync/client/httptransport.h"
#include "sync/enrollmentcode.h"
#include "sync/wire.h"
#include "tests/support/pgcluster.h"
#include "tests/support/serverprocess.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <catch2/catch.hpp>
#include <cstdio>
#include <memory>
#include <vector>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

const QString server = QStringLiteral(DAMPINGI_SERVER);
const QString site = u"5ec0de5ec0de5ec0"_s;
constexpr qint64 peakLimitBytes = 300 * 1000 * 1000;

// A field of /proc/<pid>/status in bytes (VmHWM: the peak resident set; VmRSS: now).
qint64 procStatus(qint64 pid, const char *field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// A zlib stream of `zeros` zero bytes, made a mebibyte at a time (the bomb never exists
// unpacked here either).
QByteArray deflatedZeros(qint64 zeros)
{
    z_stream z{};
    REQUIRE(deflateInit(&z, 9) == Z_OK);
    const QByteArray chunk(1024 * 1024, '\0');
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    QByteArray out;
    qint64 left = zeros;
    int flush = Z_NO_FLUSH;
    do {
        const qint64 take = std::min<qint64>(left, chunk.size());
        left -= take;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
        z.avail_in = uInt(take);
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer.data());
            z.avail_out = uInt(buffer.size());
            deflate(&z, flush);
            out.append(buffer.constData(), buffer.size() - qsizetype(z.avail_out));
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);
    return out;
}

// A page frame around a zlib stream, declaring `declared` unpacked bytes.
QByteArray framed(quint32 declared, const QByteArray &stream)
{
    char size[4];
    qToBigEndian(declared, size);
    return "DPG1"_ba + QByteArray(size, 4) + stream;
}

QByteArray page(const QByteArray &cbor)
{
    return "DPG1"_ba + qCompress(cbor, 9);
}

QByteArray head(int major, quint32 n)
{
    if (n < 24)
        return QByteArray(1, char((major << 5) | int(n)));
    char be[4];
    qToBigEndian(n, be);
    return QByteArray(1, char((major << 5) | 26)) + QByteArray(be, 4);
}

QByteArray text(const QByteArray &s)
{
    return head(3, quint32(s.size())) + s;
}

struct Shot
{
    const char *what;
    const char *endpoint;
    QByteArray token;
    QByteArray body;
    int expected; // HTTP status
    int orBusy = 0; // also right: 503, when the requests arriving at once filled the server's budget
};

struct Outcome
{
    QByteArray reply;
    int status = 0;
    bool done = false;
};

// Sends every shot at once on its own connection (raw HTTP/1.1, so the bodies are exactly what
// an attacker sends) and waits for every answer.
std::vector<Outcome> fire(quint16 port, const std::vector<Shot> &shots)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<Outcome> outcomes(shots.size());
    for (size_t i = 0; i < shots.size(); ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *raw = socket.get();
        Outcome *outcome = &outcomes[i];
        QObject::connect(raw, &QTcpSocket::readyRead, raw, [raw, outcome] {
            outcome->reply += raw->readAll();
            const qsizetype end = outcome->reply.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            outcome->status = outcome->reply.mid(9, 3).toInt();
            qint64 length = -1;
            for (const QByteArray &line : outcome->reply.left(end).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            outcome->done = length >= 0 && outcome->reply.size() - end - 4 >= length;
        });
        QByteArray request = "POST "_ba + shots[i].endpoint + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"_ba
                           + "Content-Type: application/x-dampingi-page\r\nConnection: close\r\n"_ba
                           + "Content-Length: "_ba + QByteArray::number(shots[i].body.size()) + "\r\n"_ba;
        if (!shots[i].token.isEmpty())
            request += "Authorization: Bearer "_ba
                     + shots[i].token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
                     + "\r\n"_ba;
        raw->connectToHost(QHostAddress::LocalHost, port);
        raw->write(request + "\r\n"_ba + shots[i].body);
        sockets.push_back(std::move(socket));
    }
    const bool all = QTest::qWaitFor(
        [&] {
            return std::all_of(outcomes.begin(), outcomes.end(), [](const Outcome &o) { return o.done; });
        },
        180000);
    CHECK(all);
    return outcomes;
}

// A district server with one enrolled laptop, as an attacker with a stolen or a fresh device
// finds it.
class District
{
public:
    District()
    {
        REQUIRE(m_dir.isValid());
        data = m_dir.filePath(u"server"_s);
        admin({u"init"_s, u"--district"_s, u"64.02"_s});
        admin({u"team"_s, u"add"_s, u"Tenggarong"_s});
        admin({u"user"_s, u"add"_s, u"siti"_s, u"--name"_s, u"Siti Aminah"_s, u"--role"_s, u"caseworker"_s,
               u"--team"_s, u"Tenggarong"_s});
        // The bucket holds the whole burst: an attacker with 40 addresses gets the same, and
        // every page should reach the server rather than a 429.
        process = std::make_unique<Test::ServerProcess>(
            Test::ServerProcess::Config{server, data, {}, {}, {}, {u"--burst"_s, u"100"_s}});
        INFO(process->error().toStdString());
        REQUIRE(process->start());
        const auto code = Sync::EnrollmentCode::parse(
            admin({u"device"_s, u"enroll"_s, u"--user"_s, u"siti"_s, u"--name"_s, u"laptop-1"_s})
                .object()
                .value(u"code"_s)
                .toString());
        REQUIRE(code.ok());
        link = std::make_unique<Sync::HttpTransport>(process->url(), QByteArray());
        const auto enrolled
            = link->post(Sync::Endpoint::enroll, {},
                         Sync::Wire::encode(Sync::EnrollRequest{code->secret, u"laptop-1"_s, site}));
        REQUIRE(enrolled.ok());
        REQUIRE(enrolled->status == 200);
        Sync::EnrollReply device;
        REQUIRE(Sync::Wire::decode(enrolled->body, device).ok());
        token = device.token;
    }

    QJsonDocument admin(const QStringList &args)
    {
        const Test::AdminRun run = Test::runAdmin(server, data, args);
        INFO(args.join(u' ').toStdString() << ": " << run.err.toStdString());
        REQUIRE(run.exit == 0);
        return run.json();
    }

    // Fires the shots at once, checks every answer, prints and returns the server's peak RSS.
    qint64 burst(const std::vector<Shot> &shots, const char *what)
    {
        const qint64 pid = process->pid();
        const qint64 before = procStatus(pid, "VmHWM:");
        const std::vector<Outcome> outcomes = fire(process->port(), shots);
        const qint64 peak = procStatus(pid, "VmHWM:");
        int busy = 0;
        for (size_t i = 0; i < shots.size(); ++i) {
            INFO(i << ": " << shots[i].what << " -> " << outcomes[i].reply.left(300).toStdString());
            if (shots[i].orBusy != 0 && outcomes[i].status == shots[i].orBusy)
                ++busy;
            else
                CHECK(outcomes[i].status == shots[i].expected);
        }
        std::printf("dampingi-server peak RSS (VmHWM): %.1f MB after %s (%.1f MB before; %d of %zu "
                    "answered 503 busy)\n",
                    double(peak) / 1e6, what, double(before) / 1e6, busy, shots.size());
        std::fflush(stdout);
        REQUIRE(peak > 0);
        return peak;
    }

    QString data;
    std::unique_ptr<Test::ServerProcess> process;
    std::unique_ptr<Sync::HttpTransport> link;
    QByteArray token;

private:
    QTemporaryDir m_dir;
};

// An honest push of the largest size: a new case and 39 sealed-looking narratives of 200 KB
// (random bytes: they do not compress), 7.8 MB on the wire.
QByteArray largestPush()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString caseId = Core::newUuidV7(nowMs);
    const QString txn = Core::newUuidV7(nowMs);
    QList<Sync::WireOp> ops{Test::caseCreateOp(site, 1, txn, caseId, u"siti"_s, Test::stampAt(nowMs))};
    for (int i = 2; i <= 40; ++i) {
        QByteArray value(200'000, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(value.data()), value.size() / 4);
        ops << Test::caseSetOp(site, i, txn, caseId, u"narrative"_s, value, u"siti"_s,
                               Test::stampAt(nowMs, i));
    }
    const QByteArray page = Sync::Wire::encode(Sync::PushRequest{site, ops});
    REQUIRE(page.size() > 7'800'000);
    REQUIRE(page.size() <= 8 * 1024 * 1024);
    return page;
}

} // namespace

TEST_CASE("40 hostile pages at once keep the real server under 300 MB and every one is answered",
          "[security][decode]")
{
    District district;
    const QByteArray &token = district.token;

    // A 512 MiB zip bomb (about 500 KiB packed) that says it unpacks to 64 bytes.
    const QByteArray pushBomb = framed(64, deflatedZeros(512LL * 1024 * 1024));
    // One under /v1/enroll's 4 KiB: 3 MiB of zeros, declared as 4,000 bytes.
    const QByteArray enrollBomb = framed(4000, deflatedZeros(3 * 1024 * 1024));
    REQUIRE(enrollBomb.size() < Sync::Wire::Limit::enroll.pageBytes());
    // 8 MiB of empty arrays where the ops go (an honest frame: it says 8 MiB).
    const quint32 flood = 8 * 1024 * 1024;
    const QByteArray emptyArrays = page(head(5, 2) + text("site") + text(site.toLatin1()) + text("ops")
                                        + head(4, flood) + QByteArray(qsizetype(flood), char(0x80)));
    // 15 MB of empty arrays spread over arrays each within bounds.
    QByteArray spread = head(5, 3000);
    for (quint32 k = 0; k < 3000; ++k)
        spread += head(0, k) + head(4, 5000) + QByteArray(5000, char(0x80));
    const QByteArray spreadPage = page(spread);
    const QByteArray deep = page(QByteArray(8 * 1024 * 1024, char(0x81)) + QByteArray(1, char(0x80)));
    const QByteArray bigPush = largestPush();

    std::vector<Shot> shots;
    for (int i = 0; i < 8; ++i)
        shots.push_back({"zip bomb on push", Sync::Endpoint::push, token, pushBomb, 400});
    for (int i = 0; i < 4; ++i)
        shots.push_back({"small zip bomb on enroll", Sync::Endpoint::enroll, {}, enrollBomb, 400});
    for (int i = 0; i < 4; ++i)
        shots.push_back({"512 MiB zip bomb on enroll", Sync::Endpoint::enroll, {}, pushBomb, 413});
    for (int i = 0; i < 4; ++i)
        shots.push_back({"8 MiB of empty arrays on push", Sync::Endpoint::push, token, emptyArrays, 400});
    for (int i = 0; i < 4; ++i)
        shots.push_back(
            {"15 MB of spread empty arrays on push", Sync::Endpoint::push, token, spreadPage, 400});
    for (int i = 0; i < 4; ++i)
        shots.push_back({"8 MiB of nesting on push", Sync::Endpoint::push, token, deep, 400});
    for (int i = 0; i < 2; ++i)
        shots.push_back({"empty arrays on handshake", Sync::Endpoint::handshake, token, emptyArrays, 413});
    for (int i = 0; i < 10; ++i)
        shots.push_back({"honest 7.8 MB push", Sync::Endpoint::push, token, bigPush, 200, 503});
    REQUIRE(shots.size() == 40);

    CHECK(district.burst(shots, "40 hostile requests at once") < peakLimitBytes);

    // Still serving, and the honest push is stored (once: the others were duplicates or busy).
    const auto health = district.link->get(Sync::Endpoint::health);
    REQUIRE(health.ok());
    CHECK(health->status == 200);
    const auto replay = district.link->post(Sync::Endpoint::push, token, bigPush);
    REQUIRE(replay.ok());
    REQUIRE(replay->status == 200);
    Sync::PushReply again;
    REQUIRE(Sync::Wire::decode(replay->body, again).ok());
    CHECK(again.ackedThrough == 40);
    CHECK(district.process->stop() == 0);
}

TEST_CASE("40 bodies of the largest size at once, with and without a token, stay under 300 MB",
          "[security][decode]")
{
    // Every page is bounded; this bounds what QtHttpServer buffers of many arriving together.
    District district;
    const QByteArray bigPush = largestPush();
    std::vector<Shot> shots;
    for (int i = 0; i < 20; ++i)
        shots.push_back(
            {"8 MiB without a token", Sync::Endpoint::push, {}, QByteArray(8 * 1024 * 1024, 'x'), 401, 503});
    for (int i = 0; i < 20; ++i)
        shots.push_back({"honest 7.8 MB push", Sync::Endpoint::push, district.token, bigPush, 200, 503});
    CHECK(district.burst(shots, "40 requests of the largest size at once") < peakLimitBytes);
    CHECK(district.process->stop() == 0);
}
